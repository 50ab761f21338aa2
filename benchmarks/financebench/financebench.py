#!/usr/bin/env python3
"""FinanceBench dev split, end to end over HTTP (python3 standard library only).

Usage, from the repository root, after ./mvnw -B -q -pl api -am -DskipTests package:

    python3 benchmarks/financebench/financebench.py [--keep-data DIR]
    python3 benchmarks/financebench/financebench.py --url https://host:port --master-key KEY

Without --url it starts api/target/ragchat.jar (a copy) on a free loopback port with a
throw-away data dir, a random master key and a self-signed certificate, and stops it at
the end. With --keep-data DIR the data dir, certificate, master key and service log live
in DIR and are kept: a second run with the same DIR starts the (possibly rebuilt) jar on
the already-ingested knowledge bases and only asks the questions. With --url it talks to
a running service; knowledge bases named fb-all and fb-half are reused there too.

It creates an API key, uploads all 40 PDFs into knowledge base "fb-all" and the filings of
every other company (sorted by the file-name prefix) into "fb-half", waits until they are
READY, then for each of the 47 questions:
  * POST /search on fb-all in modes hybrid, vector and keyword (topK 10): is a result of the
    evidence document on an evidence page in the top 5 / top 10 (a chunk counts when the
    page is within its [page, pageEnd]), is the evidence document in the top 5;
  * a new chat session on fb-all, one POST /messages: does a citation point at the evidence
    page (citation page = the page the cited chunk starts on), at the evidence document;
    is the gold number in the answer; is the answer grounded;
and, on fb-half, asks the questions of the companies left out of it: refusal = answered
grounded:false (plus "probes": questions about the kept companies with the company name
swapped for a left-out one). Latencies are timed on the client (one persistent HTTPS
connection, requests one at a time, after --warmup unrecorded ones) per request. It prints a markdown table and writes
every figure and every question's result as JSON (--out).
"""

import argparse
import json
import os
import signal
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ragchat_bench import (JAVA_OPTS, MODES, ROOT, Api, ask, company, connect, write_result, default_java, f3,  # noqa: E402
                           git_commit, has_number, ingest as ingest_files, load_questions, loadavg, ms,
                           percentile, rate, say)


def ingest(api, key, name, pdfs, batch):
    return ingest_files(api, key, name, pdfs, batch, description="FinanceBench dev split")


# --------------------------------------------------------------------------- questions

def on_evidence(q, doc, first_page, last_page=None):
    last_page = first_page if last_page is None else last_page
    return any(e["doc"] == doc and first_page <= e["page"] <= last_page for e in q["evidence"])


def search(api, key, kb, docs, questions, top_k):
    for mode in MODES:
        say(f"search {mode}, topK {top_k}, {len(questions)} questions (load {loadavg()})")
        for q in questions:
            body, seconds = api.ok("POST", f"/api/v1/knowledge-bases/{kb}/search",
                                   {"query": q["question"], "topK": top_k, "mode": mode},
                                   headers={"X-API-Key": key})
            results = [{"doc": docs.get(r["documentId"], r["filename"]), "page": r["page"],
                        "pageEnd": r.get("pageEnd") or r["page"], "score": round(r["score"], 5)}
                       for r in body["results"]]
            ranks = [i + 1 for i, r in enumerate(results) if on_evidence(q, r["doc"], r["page"], r["pageEnd"])]
            start_ranks = [i + 1 for i, r in enumerate(results) if on_evidence(q, r["doc"], r["page"])]
            doc_ranks = [i + 1 for i, r in enumerate(results) if r["doc"] == q["doc"]]
            q.setdefault("search", {})[mode] = {
                "ms": round(seconds * 1000, 2), "evidenceRank": ranks[0] if ranks else None,
                "evidenceStartPageRank": start_ranks[0] if start_ranks else None,
                "docRank": doc_ranks[0] if doc_ranks else None, "results": results}


def check_pages(api, key, kb, docs, questions):
    """Where does the service put each evidence text? A keyword search for the text itself,
    within its document: the page of the best chunk should be the evidence page (a check of
    the page numbering, not part of the figures)."""
    ids = {name: doc_id for doc_id, name in docs.items()}
    for q in questions:
        for e in q["evidence"]:
            text = " ".join(e.pop("text").split())[:1500]
            body, _ = api.ok("POST", f"/api/v1/knowledge-bases/{kb}/search",
                             {"query": text, "topK": 1, "mode": "keyword", "filter": {"documentIds": [ids[e["doc"]]]}},
                             headers={"X-API-Key": key})
            top = body["results"][0] if body["results"] else None
            e["bestKeywordPage"] = top and (top["page"] if top["page"] == top.get("pageEnd", top["page"])
                                            else f"{top['page']}-{top['pageEnd']}")
            e["pageCheck"] = bool(top) and top["page"] <= e["page"] <= (top.get("pageEnd") or top["page"])


def warm_up(api, key, kb, questions, count):
    """Unrecorded requests first, so that a service that has just started (a re-run on kept
    data) is measured with its code compiled, like one that has just ingested."""
    say(f"warm-up: {count} searches per mode and {count} messages, not recorded (load {loadavg()})")
    for q in questions[:count]:
        for mode in MODES:
            api.ok("POST", f"/api/v1/knowledge-bases/{kb}/search", {"query": q["question"], "topK": 10, "mode": mode},
                   headers={"X-API-Key": key})
        ask(api, key, kb, q["question"])


def chat(api, key, kb, docs, questions):
    say(f"chat on fb-all, {len(questions)} questions (load {loadavg()})")
    for q in questions:
        body, seconds = ask(api, key, kb, q["question"])
        citations = [{"doc": docs.get(c["documentId"], c["filename"]), "page": c["page"]}
                     for c in body.get("citations") or []]
        q["chat"] = {"ms": round(seconds * 1000, 2), "grounded": bool(body.get("grounded")),
                     "citesEvidencePage": any(on_evidence(q, c["doc"], c["page"]) for c in citations),
                     "citesDoc": any(c["doc"] == q["doc"] for c in citations),
                     "goldNumber": None if q["gold_number"] is None else has_number(body.get("answer"),
                                                                                   q["gold_number"]),
                     "answer": body.get("answer"), "citations": citations}


def refusals(api, key, kb, questions, half):
    out = [q for q in questions if company(q["doc"]) not in half]
    kept = [q for q in questions if company(q["doc"]) in half]
    names = sorted({company(q["doc"]): q["company"] for q in out}.items())
    say(f"refusal on fb-half: {len(out)} questions about companies not in it (load {loadavg()})")
    real = []
    for q in out:
        body, seconds = ask(api, key, kb, q["question"])
        real.append({"id": q["id"], "company": q["company"], "question": q["question"],
                     "grounded": bool(body.get("grounded")), "ms": round(seconds * 1000, 2),
                     "answer": body.get("answer")})
    # probes: a kept company's question about a left-out company (same wording, other name)
    probes = []
    for i, q in enumerate(kept):
        other = names[i % len(names)][1]
        if q["company"] not in q["question"]:
            continue
        text = q["question"].replace(q["company"], other)
        body, seconds = ask(api, key, kb, text)
        probes.append({"id": q["id"], "company": other, "question": text, "grounded": bool(body.get("grounded")),
                       "ms": round(seconds * 1000, 2), "answer": body.get("answer")})
    say(f"probes: {len(probes)} questions with the company swapped (load {loadavg()})")
    return real, probes


# --------------------------------------------------------------------------- report

def summarize(questions, real, probes):
    summary = {"search": {}, "chat": {}}
    for mode in MODES:
        s = [q["search"][mode] for q in questions]
        ms = [x["ms"] for x in s]
        summary["search"][mode] = {
            "evidencePageTop5": rate([x["evidenceRank"] is not None and x["evidenceRank"] <= 5 for x in s])[0],
            "evidencePageTop10": rate([x["evidenceRank"] is not None for x in s])[0],
            "evidenceStartPageTop5": rate([x["evidenceStartPageRank"] is not None
                                           and x["evidenceStartPageRank"] <= 5 for x in s])[0],
            "evidenceStartPageTop10": rate([x["evidenceStartPageRank"] is not None for x in s])[0],
            "rightDocTop5": rate([x["docRank"] is not None and x["docRank"] <= 5 for x in s])[0],
            "n": len(s), "p50ms": percentile(ms, 50), "p95ms": percentile(ms, 95)}
    c = [q["chat"] for q in questions]
    gold = rate([x["goldNumber"] for x in c])
    refused = rate([not r["grounded"] for r in real])
    probe = rate([not r["grounded"] for r in probes])
    ms = [x["ms"] for x in c]  # fb-all's answerable questions only
    summary["chat"] = {
        "citationOnEvidencePage": rate([x["citesEvidencePage"] for x in c])[0],
        "citationOnRightDoc": rate([x["citesDoc"] for x in c])[0],
        "goldNumberInAnswer": gold[0], "goldNumberHits": gold[1], "goldNumberN": gold[2],
        "groundedRate": rate([x["grounded"] for x in c])[0], "n": len(c),
        "refusalRate": refused[0], "refusalHits": refused[1], "refusalN": refused[2],
        "probeRefusalRate": probe[0], "probeRefusalHits": probe[1], "probeRefusalN": probe[2],
        "p50ms": percentile(ms, 50), "p95ms": percentile(ms, 95), "latencyN": len(ms)}
    return summary


def table(result):
    s, c, ing = result["summary"]["search"], result["summary"]["chat"], result["ingestion"]["fb-all"]
    lines = [
        f"FinanceBench dev, {ing['documents']} filings ({ing['pages']:,} pages, {ing['chunks']:,} chunks) in fb-all,"
        f" {c['n']} questions; commit {result['commit']}; loads {result['loads']}",
        "",
        "| search (topK 10) | evidence page in top 5 | in top 10 | right doc in top 5 | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|"]
    for mode in MODES:
        x = s[mode]
        lines.append(f"| {mode} | {f3(x['evidencePageTop5'])} | {f3(x['evidencePageTop10'])} |"
                     f" {f3(x['rightDocTop5'])} | {ms(x['p50ms'])} | {ms(x['p95ms'])} |")
    lines += [
        "",
        "| chat (/messages) | citation on evidence page | citation on right doc | gold number in answer |"
        " grounded (answerable) | refusal (other companies) | refusal probes | p50 ms | p95 ms |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| extractive, topK {result['config']['chatTopK']} | {f3(c['citationOnEvidencePage'])} |"
        f" {f3(c['citationOnRightDoc'])} | {f3(c['goldNumberInAnswer'])} ({c['goldNumberHits']}/{c['goldNumberN']}) |"
        f" {f3(c['groundedRate'])} | {f3(c['refusalRate'])} ({c['refusalHits']}/{c['refusalN']}) |"
        f" {f3(c['probeRefusalRate'])} ({c['probeRefusalHits']}/{c['probeRefusalN']}) |"
        f" {ms(c['p50ms'])} | {ms(c['p95ms'])} |",
        "",
        f"Ingestion of fb-all: {ing['pages']:,} pages in {ing['catalogSeconds']:,.0f} s ="
        f" **{ing['pagesPerSecond']:.2f} pages/s** (first upload to last READY, catalog timestamps; "
        + (f"load at the end {ing['load']})" if ing["uploadedNow"] else "ingested by an earlier run on this data)")]
    off = [f"{q['id']} {e['doc']} p{e['page']} → p{e['bestKeywordPage']}" for q in result["questions"]
           for e in q["evidence"] if not e.get("pageCheck")]
    if off:
        lines += ["", f"Evidence texts whose best keyword match is on another page ({len(off)}): " + "; ".join(off)]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data/financebench-dev"),
                        help="the FinanceBench dev split (pdfs/, questions.jsonl)")
    parser.add_argument("--url", help="a running service instead of starting the jar")
    parser.add_argument("--master-key", default=os.environ.get("RAGCHAT_MASTER_KEY"), help="its master key")
    parser.add_argument("--keep-data", metavar="DIR", help="keep (and reuse) the started service's data dir here")
    parser.add_argument("--jar", default=str(ROOT / "api/target/ragchat.jar"))
    parser.add_argument("--java", default=default_java())
    parser.add_argument("--java-opts", default=JAVA_OPTS)
    parser.add_argument("--no-half", action="store_true",
                        help="no fb-half, no refusal questions: fb-all alone in the service (BM25 statistics are"
                             " index-wide, so keyword and hybrid rank fb-all differently with fb-half beside it)")
    parser.add_argument("--top-k", type=int, default=10, help="search results per query")
    parser.add_argument("--warmup", type=int, default=20, help="unrecorded searches per mode and messages first")
    parser.add_argument("--upload-batch", type=int, default=8, help="PDFs per upload request")
    parser.add_argument("--out", default=str(ROOT / "benchmarks/target/financebench-http.json"))
    args = parser.parse_args()

    data = Path(args.data)
    questions = load_questions(data)
    pdfs = sorted((data / "pdfs").glob("*.pdf"))
    companies = sorted({company(p.stem) for p in pdfs})
    half = set(companies[0::2])  # every other company, in name order
    result = {"commit": git_commit(), "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cores": os.cpu_count()}, "config": {
                  "data": str(data.resolve()), "topK": args.top_k, "chatTopK": "default (5)",
                  "fbHalfCompanies": [] if args.no_half else sorted(half), "uploadBatch": args.upload_batch,
                  "warmup": args.warmup}}
    loads = [loadavg()]
    service = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        service, base, master_key = connect(args, result, "ragchat-fb.")
        api = Api(base)
        key, _ = api.ok("POST", "/api/v1/keys", {"name": "financebench", "ttlSeconds": 86400,
                                                 "scopes": ["chat", "upload", "admin"]},
                        headers={"X-Master-Key": master_key})
        key = key["key"]
        started = time.monotonic()
        all_result, all_docs = ingest(api, key, "fb-all", pdfs, args.upload_batch)
        result["ingestion"] = {"fb-all": all_result}
        if not args.no_half:
            result["ingestion"]["fb-half"], _ = ingest(api, key, "fb-half",
                                                       [p for p in pdfs if company(p.stem) in half], args.upload_batch)
        loads.append(loadavg())
        questions_started = time.monotonic()
        check_pages(api, key, all_result["knowledgeBase"], all_docs, questions)
        warm_up(api, key, all_result["knowledgeBase"], questions[::-1], args.warmup)
        search(api, key, all_result["knowledgeBase"], all_docs, questions, args.top_k)
        loads.append(loadavg())
        chat(api, key, all_result["knowledgeBase"], all_docs, questions)
        loads.append(loadavg())
        real, probes = ([], []) if args.no_half else refusals(api, key, result["ingestion"]["fb-half"]["knowledgeBase"],
                                                              questions, half)
        loads.append(loadavg())
        result["seconds"] = {"total": round(time.monotonic() - started, 1),
                             "questions": round(time.monotonic() - questions_started, 1)}
        result["rateLimitRetries"] = api.retries_429
        result["loads"] = " → ".join(loads)
        result["summary"] = summarize(questions, real, probes)
        result["questions"] = questions
        result["refusal"] = {"real": real, "probes": probes}
    finally:
        if service:
            service.stop()
    out = write_result(args.out, result)
    print()
    print(table(result))
    print()
    say(f"questions took {result['seconds']['questions']:.0f} s; per-question results in {out}")


if __name__ == "__main__":
    main()
