"""A webhook receiver for bench/feed.sh: verifies each delivery's Standard Webhooks signature and
records how long the event took from its `time` (set when the writing transaction inserted it) to
arriving here. Prints p50, p99 and max after SECONDS, counting only events of the measured load
(from its start, given as the first line on standard input: an epoch time in seconds).
Usage: receive.py PORT SECRET SECONDS"""
import base64, hashlib, hmac, json, sys, threading, time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, secret, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
key = base64.b64decode(secret.removeprefix("whsec_"))
delays, bad, lock = [], [0], threading.Lock()
start = float(sys.stdin.readline())

class Receiver(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"   # keeps the connection, as a real receiver would

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        now = time.time()
        signed = f'{self.headers["webhook-id"]}.{self.headers["webhook-timestamp"]}.'.encode() + body
        expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        sent = datetime.fromisoformat(json.loads(body)["time"].replace("Z", "+00:00")).timestamp()
        with lock:
            if expected not in self.headers["webhook-signature"].split(" "):
                bad[0] += 1
            elif sent >= start:
                delays.append(now - sent)
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", port), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
time.sleep(seconds)
server.shutdown()
delays.sort()
pick = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))] * 1000 if delays else float("nan")
print(f"{len(delays)} deliveries ({bad[0]} with a bad signature); commit-to-receiver delay "
      f"p50 {pick(0.5):.0f} ms, p99 {pick(0.99):.0f} ms, max {pick(1.0):.0f} ms")
