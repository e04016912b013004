#!/usr/bin/env python3
# Shares of JFR execution samples by library, for bench/README.md ("First profile").
# Usage: jfr print --json --events jdk.ExecutionSample rec.jfr > rec.json; bench/jfr-buckets.py rec.json
import json,sys,collections
buckets=[
 ("token verification (jose4j / smallrye-jwt)", ("org.jose4j","io.smallrye.jwt","io.quarkus.smallrye.jwt")),
 ("token rules / scope (our augmentor)", ("org.a4ptracker.platform.security",)),
 ("JDBC / PostgreSQL driver", ("org.postgresql",)),
 ("Hibernate ORM (session, flush, load)", ("org.hibernate",)),
 ("Narayana transactions", ("com.arjuna","io.narayana","io.quarkus.narayana")),
 ("Agroal pool", ("io.agroal",)),
 ("Jackson (JSON)", ("com.fasterxml.jackson",)),
 ("logging", ("org.jboss.logmanager","org.jboss.logging")),
 ("Vert.x / Netty I/O", ("io.netty","io.vertx")),
 ("Quarkus REST (routing, filters, writers)", ("org.jboss.resteasy.reactive","io.quarkus.resteasy.reactive")),
 ("ArC (CDI proxies, request context)", ("io.quarkus.arc",)),
 ("this service's own code (org.a4ptracker)", ("org.a4ptracker",)),
]
for f in sys.argv[1:]:
    d=json.load(open(f))
    ev=d["recording"]["events"]
    total=len(ev); counts=collections.Counter(); leaf=collections.Counter()
    for e in ev:
        frames=[fr["method"]["type"]["name"].replace("/",".") for fr in e["values"]["stackTrace"]["frames"]]
        seen=set()
        for name,prefs in buckets:
            if any(any(fr.startswith(p) for p in prefs) for fr in frames):
                counts[name]+=1
    print(f"{f}: {total} samples (a sample counts in every bucket its stack passes through)")
    for name,_ in buckets:
        print(f"  {name}: {100*counts[name]/total:.0f}%")
