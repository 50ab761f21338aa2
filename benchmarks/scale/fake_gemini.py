#!/usr/bin/env python3
"""A benchmark-only stand-in for the Gemini API's embedding endpoints: it answers
batchEmbedContents and embedContent with hashed bag-of-words vectors, so that ragchat's
remote-embedding path (ragchat.retrieval.embedding.provider=gemini with an endpoint) runs
whole while the embedder costs next to nothing. Never a model: search quality on it means
nothing. Usage: fake_gemini.py PORT DIMENSIONS
"""
import hashlib
import json
import math
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DIMENSIONS = int(sys.argv[2]) if len(sys.argv) > 2 else 64
WORD = re.compile(r"\w+")


def vector(text):
    v = [0.0] * DIMENSIONS
    for word in WORD.findall(text.lower()):
        h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        v[h % DIMENSIONS] += 1.0 if (h >> 32) & 1 else -1.0
    norm = math.sqrt(sum(x * x for x in v)) or 1.0
    return [x / norm for x in v]


def text_of(request):
    return " ".join(p.get("text", "") for p in request.get("content", {}).get("parts", []))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if self.path.split("?")[0].endswith(":batchEmbedContents"):
            answer = {"embeddings": [{"values": vector(text_of(r))} for r in body.get("requests", [])]}
        elif self.path.split("?")[0].endswith(":embedContent"):
            answer = {"embedding": {"values": vector(text_of(body))}}
        else:
            self.send_error(404)
            return
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
