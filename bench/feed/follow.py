"""Follows GET /events with long-polls while a load runs; prints how long each event took from
its `time` (set when the writing transaction inserted it) to reaching this reader: p50, p99, max.
Usage: follow.py BASE_URL TOKEN SECONDS"""
import json, sys, time, urllib.request
from datetime import datetime

base, token, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
def get(url):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    return json.load(urllib.request.urlopen(request, timeout=40))

cursor, delays, end = None, [], time.time() + seconds
while True:                                   # skip what is already there
    page = get(f"{base}/events?limit=200" + (f"&after={cursor}" if cursor else ""))
    cursor = page["next_cursor"]
    if not page["items"]:
        break
while time.time() < end:
    page = get(f"{base}/events?limit=200&wait=5&types=org.a4ptracker.case.created&after={cursor}")
    now = time.time()
    for event in page["items"]:
        delays.append(now - datetime.fromisoformat(event["time"].replace("Z", "+00:00")).timestamp())
    cursor = page["next_cursor"]
delays.sort()
pick = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))] * 1000 if delays else float("nan")
print(f"{len(delays)} events; commit-to-reader delay p50 {pick(0.5):.0f} ms, p99 {pick(0.99):.0f} ms, max {pick(1.0):.0f} ms")
