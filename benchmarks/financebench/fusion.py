#!/usr/bin/env python3
"""Tunes hybrid fusion on the FinanceBench dev split without restarting the service.

Usage, after financebench.py has ingested the filings into a kept data dir:

    python3 benchmarks/financebench/fusion.py --keep-data DIR [--rankings F]
    python3 benchmarks/financebench/fusion.py --url https://host:port --master-key KEY

It asks /search on fb-all once per question in vector and in keyword mode (topK 100) and
keeps those rankings (--rankings, JSON; a second run with the same file asks nothing).
Then it fuses them here the way the service's ReciprocalRankFusionJoiner does, for a
grid of settings, and prints the evidence page in the top 5 / top 10 and the right
document in the top 5 for each, best first. What it finds is a candidate: the figures that
count are financebench.py's, through the service with the chosen settings.

The dev split only: never tune on the filings the project is judged on.
"""

import argparse
import itertools
import json
import os
import sys
from pathlib import Path

import financebench as fb


def fetch(args):
    questions = fb.load_questions(Path(args.data))
    service = None
    try:
        if args.url:
            base, master_key = args.url.rstrip("/"), args.master_key
        else:
            service = fb.Service(args)
            service.start()
            base, master_key = service.base, service.master_key
        api = fb.Api(base)
        key = api.ok("POST", "/api/v1/keys", {"name": "fusion", "ttlSeconds": 3600, "scopes": ["chat", "admin"]},
                     headers={"X-Master-Key": master_key})[0]["key"]
        kb, _ = fb.find_or_create_kb(api, key, "fb-all")
        docs = {d["id"]: d["filename"].removesuffix(".pdf") for d in fb.documents(api, key, kb)}
        rankings = []
        for q in questions:
            entry = {"question": q["question"], "doc": q["doc"], "evidence": q["evidence"]}
            for mode in ("vector", "keyword"):
                body, _ = api.ok("POST", f"/api/v1/knowledge-bases/{kb}/search",
                                 {"query": q["question"], "topK": args.depth, "mode": mode},
                                 headers={"X-API-Key": key})
                entry[mode] = [{"id": r["chunkId"], "doc": docs.get(r["documentId"], r["filename"]),
                                "page": r["page"], "pageEnd": r.get("pageEnd") or r["page"], "score": r["score"]}
                               for r in body["results"]]
            rankings.append(entry)
        return rankings
    finally:
        if service:
            service.stop()


def on_evidence(q, r):
    return any(e["doc"] == r["doc"] and r["page"] <= e["page"] <= r["pageEnd"] for e in q["evidence"])


def collapsed(ranked):
    """At most one chunk a page: the best."""
    seen, kept = set(), []
    for r in ranked:
        if (r["doc"], r["page"]) not in seen:
            seen.add((r["doc"], r["page"]))
            kept.append(r)
    return kept


def fuse(q, k, wv, wk, depth, page_weight, doc_weight, collapse=False):
    chunks, scores = {}, {}
    for mode, weight in (("vector", wv), ("keyword", wk)):
        for rank, r in enumerate(q[mode][:depth]):
            chunks.setdefault(r["id"], r)
            scores[r["id"]] = scores.get(r["id"], 0) + weight / (k + rank + 1)
    if page_weight:
        pages = {}
        for cid, s in scores.items():
            key = (chunks[cid]["doc"], chunks[cid]["page"])
            pages[key] = pages.get(key, 0) + s
        scores = {cid: s + page_weight * (pages[(chunks[cid]["doc"], chunks[cid]["page"])] - s)
                  for cid, s in scores.items()}
    if doc_weight:
        docs = {}
        for cid, s in scores.items():
            docs[chunks[cid]["doc"]] = docs.get(chunks[cid]["doc"], 0) + s
        best = max(docs.values())
        scores = {cid: s * (1 + doc_weight * docs[chunks[cid]["doc"]] / best) for cid, s in scores.items()}
    ranked = [chunks[c] for c, _ in sorted(scores.items(), key=lambda e: -e[1])]
    return collapsed(ranked) if collapse else ranked


def measure(rankings, ranked):
    n = len(rankings)
    top5 = sum(any(on_evidence(q, r) for r in ranked(q)[:5]) for q in rankings) / n
    top10 = sum(any(on_evidence(q, r) for r in ranked(q)[:10]) for q in rankings) / n
    doc5 = sum(any(r["doc"] == q["doc"] for r in ranked(q)[:5]) for q in rankings) / n
    return top5, top10, doc5


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(fb.ROOT.parent / "shared/data/financebench-dev"))
    parser.add_argument("--url")
    parser.add_argument("--master-key")
    parser.add_argument("--keep-data", metavar="DIR")
    parser.add_argument("--jar", default=str(fb.ROOT / "api/target/ragchat.jar"))
    parser.add_argument("--java", default=os.path.join(os.environ["JAVA_HOME"], "bin/java")
                        if os.environ.get("JAVA_HOME") else "java")
    parser.add_argument("--java-opts", default="--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED")
    parser.add_argument("--depth", type=int, default=100, help="results per mode asked of the service")
    parser.add_argument("--rankings", default=str(fb.ROOT / "benchmarks/target/financebench-rankings.json"))
    parser.add_argument("--top", type=int, default=25, help="settings to print")
    args = parser.parse_args()
    path = Path(args.rankings)
    if path.exists():
        rankings = json.loads(path.read_text())
    else:
        if not (args.url or args.keep_data):
            sys.exit("--keep-data DIR or --url is needed to ask the service")
        rankings = fetch(args)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(rankings))
    print("| setting | evidence page top 5 | top 10 | right doc top 5 |")
    print("|---|---|---|---|")
    for mode in ("vector", "keyword"):
        print(f"| {mode} alone | %.3f | %.3f | %.3f |" % measure(rankings, lambda q, m=mode: q[m]))
        print(f"| {mode} alone, a page once | %.3f | %.3f | %.3f |" % measure(rankings,
                                                                         lambda q, m=mode: collapsed(q[m])))
    results = []
    for k, wk, depth, pw, dw, cp in itertools.product((5, 10, 20, 60), (0.1, 0.2, 0.3, 0.5, 0.7, 1.0),
                                                      (20, 50, 100), (0, 0.2, 0.5), (0, 0.5, 1.0, 2.0),
                                                      (False, True)):
        figures = measure(rankings, lambda q: fuse(q, k, 1.0, wk, depth, pw, dw, cp))
        results.append((figures, f"k {k}, keyword weight {wk}, depth {depth}, page {pw}, doc {dw}"
                        + (", a page once" if cp else "")))
    results.sort(key=lambda e: (-e[0][0], -e[0][1], -e[0][2]))
    for figures, name in results[:args.top]:
        print(f"| {name} | %.3f | %.3f | %.3f |" % figures)
    current = measure(rankings, lambda q: fuse(q, 60, 1.0, 1.0, 50, 0, 0))
    print(f"| today's default (k 60, weights 1/1, depth 50, page 0) | %.3f | %.3f | %.3f |" % current)


if __name__ == "__main__":
    main()
