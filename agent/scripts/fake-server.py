#!/usr/bin/env python3
"""A stand-in for the Tocsin server's agent endpoints, for trying the agent and measuring its budget.

Usage: python3 fake-server.py [port]   (default 18080; binds 127.0.0.1)
Prints one line per request; counts events and distinct ids.
"""
import gzip
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ids = set()
total = 0


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/api/v1/health":
            self.reply(200, {"status": "UP"})
        elif re.fullmatch(r"/api/v1/agents/[^/]+/commands", self.path):
            self.reply(200, {"commands": []})
        else:
            self.reply(404, {})

    def do_POST(self):
        global total
        raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
        if self.path == "/api/v1/events":
            events = json.loads(raw)
            new = [e["id"] for e in events if e["id"] not in ids]
            ids.update(new)
            total += len(events)
            print(f"events +{len(events)} (distinct {len(ids)}, total {total})", flush=True)
            self.reply(200, {"status": "ok", "count": len(events),
                             "events_ingested": [e["id"] for e in events]})
        elif self.path == "/api/v1/submit/":
            snap = json.loads(raw)
            print(f"snapshot {snap['hostname']}: {len(snap['processes'])} processes", flush=True)
            self.reply(201, {"status": "success"})
        elif re.fullmatch(r"/api/v1/agents/[^/]+/commands/[^/]+/result", self.path):
            print(f"result {raw.decode()}", flush=True)
            self.reply(200, {"status": "ok"})
        else:
            self.reply(404, {})


port = int(sys.argv[1]) if len(sys.argv) > 1 else 18080
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
