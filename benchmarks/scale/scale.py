#!/usr/bin/env python3
"""The measurements of benchmarks/scale/run.sh, each a subcommand printing one JSON object.

    scale.py corpus DIR N WORDS          N Markdown files of about WORDS words, and queries
    scale.py ingest                      a folder source on $CORPUS, its first sync, timed
    scale.py list                        GET .../documents with search, sort and paging
    scale.py search                      POST .../search p50/p99 over HTTPS (keep-alive)
    scale.py whole                       which / how many documents questions, p50/p95
    scale.py sync                        a sync of the same folder again (nothing changed)
    scale.py churn                       delete one document; replace one and wait for READY
    scale.py backup                      POST /admin/backups, timed, and the archive's size
    scale.py count                       documents and chunks of the knowledge base

The service is $BASE (https), the key $KEY (chat, upload, admin), the master key
$MASTER_KEY, the knowledge base $KB. Only the standard library: no client of its own counts.
"""
import http.client
import itertools
import json
import os
import random
import ssl
import statistics
import sys
import time
import urllib.parse

BASE = os.environ.get("BASE", "")
KEY = os.environ.get("KEY", "")
KB = os.environ.get("KB", "")
CORPUS = os.environ.get("CORPUS", "")


class Client:
    """One kept-alive HTTPS connection (a fresh one after an error)."""

    def __init__(self):
        url = urllib.parse.urlsplit(BASE)
        self.host, self.port = url.hostname, url.port
        self.context = ssl._create_unverified_context()  # the service's own self-signed certificate
        self.connection = None

    def call(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if "X-Master-Key" not in headers and "Authorization" not in headers:
            headers.setdefault("X-API-Key", KEY)
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPSConnection(self.host, self.port, context=self.context, timeout=600)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                return response.status, (json.loads(data) if data and data[:1] in b"{[" else data)
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 1:
                    raise

    def timed(self, method, path, body=None, headers=None, expect=200):
        started = time.perf_counter()
        status, answer = self.call(method, path, body, headers)
        elapsed = time.perf_counter() - started
        if status != expect:
            sys.exit(f"{method} {path}: {status} {str(answer)[:300]}")
        return elapsed, answer


def ms(seconds):
    return round(seconds * 1000, 1)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


# ---------------------------------------------------------------------------
# corpus: Zipfian words over topics, so that keyword and vector search both find something
# ---------------------------------------------------------------------------
TOPICS = 200


def vocabulary(rng):
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "da", "fe", "gu", "hi", "jo", "bre"]
    words = set()
    while len(words) < 20000:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    words = sorted(words)
    rng.shuffle(words)  # the frequent words of any length
    return words


def corpus(directory, n, words_per_doc):
    rng = random.Random(60)
    vocab = vocabulary(rng)
    weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocab))))
    topics = [rng.sample(vocab, 30) for _ in range(TOPICS)]
    os.makedirs(directory, exist_ok=True)
    paragraph = 60
    for i in range(n):
        topic = i % TOPICS
        common = rng.choices(vocab, cum_weights=weights, k=words_per_doc)
        own = rng.choices(topics[topic], k=words_per_doc // 4)
        words = common[: words_per_doc - len(own)] + own
        rng.shuffle(words)
        sections = []
        for s in range(0, len(words), paragraph * 4):
            part = words[s:s + paragraph * 4]
            sections.append(f"## {topics[topic][s // (paragraph * 4) % 30].title()} {s // (paragraph * 4) + 1}\n\n"
                            + "\n\n".join(" ".join(part[p:p + paragraph]) + "." for p in range(0, len(part), paragraph)))
        with open(os.path.join(directory, f"{topics[topic][0]}-{i:06d}.md"), "w") as out:
            out.write(f"# Document {i} on {topics[topic][0]}\n\n" + "\n\n".join(sections) + "\n")
    queries = [" ".join(rng.sample(topics[rng.randrange(TOPICS)], 3) + rng.choices(vocab, cum_weights=weights, k=2))
               for _ in range(300)]
    with open(os.path.join(directory, "..", "queries.json"), "w") as out:
        json.dump({"queries": queries, "topicWords": [t[0] for t in topics]}, out)
    return {"documents": n, "wordsPerDocument": words_per_doc}


# ---------------------------------------------------------------------------
# the service
# ---------------------------------------------------------------------------
def wait_run(client, source, run):
    while True:
        _, answer = client.timed("GET", f"/api/v1/knowledge-bases/{KB}/sources/{source}/runs/{run}?waitSeconds=60")
        if answer["status"] != "RUNNING":
            return answer


def ingest(client):
    _, source = client.timed("POST", f"/api/v1/knowledge-bases/{KB}/sources", {"type": "folder", "path": CORPUS},
                             expect=201)
    started = time.perf_counter()
    _, run = client.timed("POST", f"/api/v1/knowledge-bases/{KB}/sources/{source['id']}/sync", {}, expect=202)
    run = wait_run(client, source["id"], run["id"])
    elapsed = time.perf_counter() - started
    counted = count(client)
    report = run["report"]
    return {"source": source["id"], "seconds": round(elapsed, 1), "status": run["status"],
            "added": report["added"], "failed": report["failed"], "documents": counted["documents"],
            "chunks": counted["chunks"], "docsPerSecond": round(counted["documents"] / elapsed, 2),
            "chunksPerSecond": round(counted["chunks"] / elapsed, 1)}


def count(client):
    documents = chunks = 0
    offset = 0
    statuses = {}
    while True:
        _, page = client.timed("GET", f"/api/v1/knowledge-bases/{KB}/documents?offset={offset}&limit=500")
        for d in page["documents"]:
            chunks += d.get("chunks") or 0
            statuses[d["status"]] = statuses.get(d["status"], 0) + 1
        documents += len(page["documents"])
        offset += 500
        if offset >= page["total"]:
            return {"documents": documents, "chunks": chunks, "statuses": statuses}


def list_latency(client):
    _, first = client.timed("GET", f"/api/v1/knowledge-bases/{KB}/documents?limit=1")
    total = first["total"]
    with open(os.path.join(CORPUS, "..", "queries.json")) as f:
        topic_words = json.load(f)["topicWords"]
    # each repetition asks a slightly different page (i), so that no result cache (H2 keeps
    # the result of a query asked again on unchanged tables) answers it
    variants = {
        "first page": lambda i: f"?offset={i}&limit=50",
        "by name, first page": lambda i: f"?sort=name&offset={i}&limit=50",
        "by -date, middle page": lambda i: f"?sort=-date&offset={total // 2 + i}&limit=50",
        "by name, last page": lambda i: f"?sort=name&offset={max(0, total - 50 - i)}&limit=50",
        "by status, middle page": lambda i: f"?sort=status&offset={total // 2 + i}&limit=50",
        "q (1 in 200), by -size": lambda i: f"?q={topic_words[i % 50]}&sort=-size&limit=50",
        "q (no match)": lambda i: f"?q=zzzz-nothing-{i}&limit=50",
    }
    results = {}
    for name, query in variants.items():
        client.timed("GET", f"/api/v1/knowledge-bases/{KB}/documents{query(99)}")
        times = [client.timed("GET", f"/api/v1/knowledge-bases/{KB}/documents{query(i)}")[0] for i in range(15)]
        results[name] = ms(statistics.median(times))
    # the unpaged list (every document, the contract for clients that do not page): twice
    times = [client.timed("GET", f"/api/v1/knowledge-bases/{KB}/documents")[0] for _ in range(2)]
    results["unpaged (all)"] = ms(min(times))
    return {"total": total, "medianMs": results}


def search(client):
    with open(os.path.join(CORPUS, "..", "queries.json")) as f:
        queries = json.load(f)["queries"]
    for q in queries[:20]:
        client.timed("POST", f"/api/v1/knowledge-bases/{KB}/search", {"query": q, "topK": 5})
    times = [client.timed("POST", f"/api/v1/knowledge-bases/{KB}/search", {"query": q, "topK": 5})[0]
             for q in queries[20:]]
    return {"requests": len(times), "p50Ms": ms(percentile(times, 50)), "p99Ms": ms(percentile(times, 99))}


def whole(client):
    """Questions about the whole knowledge base (which / how many documents mention a topic's
    words), each in a session of its own: p50/p95 of 20 after 2 to warm up, and the counts."""
    with open(os.path.join(CORPUS, "..", "queries.json")) as f:
        topic_words = json.load(f)["topicWords"]
    questions = [f"How many documents mention {w}?" if i % 2 else f"Which documents mention {w}?"
                 for i, w in enumerate(topic_words[:22])]
    times, counts, truncated = [], [], 0
    for i, question in enumerate(questions):
        _, session = client.timed("POST", "/api/v1/sessions", {"knowledgeBase": KB}, expect=201)
        elapsed, answer = client.timed("POST", f"/api/v1/sessions/{session['sessionId']}/messages",
                                       {"message": question},
                                       headers={"Authorization": "Bearer " + session["token"]})
        if answer.get("outcome") != "list":
            sys.exit(f"{question}: not a list: {str(answer)[:300]}")
        if i >= 2:
            times.append(elapsed)
            counts.append(answer["count"])
            truncated += bool(answer["truncated"])
    return {"questions": len(times), "p50Ms": ms(percentile(times, 50)), "p95Ms": ms(percentile(times, 95)),
            "maxMs": ms(max(times)), "medianCount": sorted(counts)[len(counts) // 2], "scanned": answer["scanned"],
            "truncated": truncated}


def sync_again(client):
    _, sources = client.timed("GET", f"/api/v1/knowledge-bases/{KB}/sources")
    source = sources["sources"][0]["id"]
    started = time.perf_counter()
    _, run = client.timed("POST", f"/api/v1/knowledge-bases/{KB}/sources/{source}/sync", {}, expect=202)
    run = wait_run(client, source, run["id"])
    report = run["report"]
    return {"seconds": round(time.perf_counter() - started, 1), "status": run["status"],
            "unchanged": report["unchanged"], "added": report["added"], "replaced": report["replaced"]}


def churn(client):
    """Deletes 5 documents one by one, replaces 5 others (a new file each) and waits until
    each replacement is READY: the times of one of each, median."""
    _, page = client.timed("GET", f"/api/v1/knowledge-bases/{KB}/documents?sort=name&offset=100&limit=10")
    ids = [d["id"] for d in page["documents"]]
    deletes, replaces = [], []
    for doc in ids[:5]:
        deletes.append(client.timed("DELETE", f"/api/v1/knowledge-bases/{KB}/documents/{doc}", expect=204)[0])
    for n, doc in enumerate(ids[5:]):
        boundary = "scale-bench-boundary"
        text = f"# Replaced {n}\n\n" + " ".join(f"replacement{n} word{w}" for w in range(900)) + "\n"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"replaced-{n}.md\"\r\n"
                f"Content-Type: text/markdown\r\n\r\n{text}\r\n--{boundary}--\r\n").encode()
        started = time.perf_counter()
        client.timed("PUT", f"/api/v1/knowledge-bases/{KB}/documents/{doc}", body,
                     {"Content-Type": f"multipart/form-data; boundary={boundary}"}, expect=202)
        while True:
            _, d = client.timed("GET", f"/api/v1/knowledge-bases/{KB}/documents/{doc}?waitSeconds=60")
            if d["status"] in ("READY", "FAILED"):
                break
        replaces.append(time.perf_counter() - started)
    return {"deleteMs": ms(statistics.median(deletes)), "replaceUntilReadyMs": ms(statistics.median(replaces))}


def backup(client):
    elapsed, answer = client.timed("POST", "/api/v1/admin/backups", None,
                                   {"X-Master-Key": os.environ["MASTER_KEY"]}, expect=201)
    return {"seconds": round(elapsed, 1), "name": answer["name"], "bytes": answer["size"]}


def main():
    command = sys.argv[1]
    if command == "corpus":
        result = corpus(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        client = Client()
        result = {"ingest": ingest, "list": list_latency, "search": search, "whole": whole, "sync": sync_again,
                  "churn": churn,
                  "backup": backup, "count": count}[command](client)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
