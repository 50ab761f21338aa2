#!/usr/bin/env python3
"""Multi-turn conversations end to end over /v1: MTRAG-UN's development set, or a suite in its layout.

IBM's MTRAG-UN development set (govt, ibmcloud), or any data set in its layout, such as our
own Larkfield conversation suite (benchmarks/eval/conversations); python3 standard library only.

Usage, from the repository root, after ./mvnw -B -q -pl api -am -DskipTests package:

    python3 benchmarks/eval/mtrag.py [--jar JAR] [--keep-data DIR] [--out FILE.json] [--only govt,ibmcloud]
                                     [--limit N] [--workers 3] [--data DIR] [--url URL --master-key KEY]
    python3 benchmarks/eval/mtrag.py --data benchmarks/eval/conversations --out FILE.json   # our suite
    python3 benchmarks/eval/mtrag.py --compare BEFORE.json AFTER.json [--tasks]

A data set is a folder with tasks.jsonl (MTRAG's task layout: collection, answerability,
multi_turn, input, gold_files) and docs/<collection>-*.* files; its collections are the ones its
tasks name (--only picks some). It starts the jar (a copy) on a free loopback port (a throw-away
data dir, or --keep-data DIR, re-used: a knowledge base already there, also in a copy of such a
dir, is not uploaded again), makes one knowledge base per collection (mtrag-govt,
mtrag-ibmcloud; mtrag-larkfield for our suite) holding that collection's docs/ files (the data
set writes a text once: no copies to skip) and waits until every document is READY or FAILED.
Then, as the data set's README asks (its "Scoring"), each task is
asked twice through POST /v1/chat/completions with the model kb:<id> and "trace": true: with
the conversation as messages (speaker user -> user, agent -> assistant, the last one the
question) and with the last user turn alone. From each answer it keeps grounded,
refusal.reason, the cited file names, the rewrite stage's `gave` (the query searched), the
files of the first 5 candidates of the final ranking (the last of the rerank, fuse, vector and
keyword stages) and whether the answer asks back (a field `outcome` equal to "clarify", at the
top level or in an extension object; absent from services that cannot ask back).

Figures (a markdown table; every figure and every task's outcome as JSON with --out):
- on ANSWERABLE and PARTIAL tasks: recall@5 (the share of the task's gold_files among the
  files of the 5 candidates, averaged) and hit@5 (at least one), with the conversation and
  with the last turn alone; grounded and "cites a gold file" (both ways);
- on answerable tasks that name trap_files (the siblings of their subject, which a
  conversation that lost its subject answers from: our suite's tasks do), "cites a trap file",
  both ways: lower is better;
- on UNANSWERABLE tasks, refused (grounded false); on UNDERSPECIFIED ones, asked back,
  refused (not grounded, not asked back) and answered;
- the answerable tasks refused (with the conversation), by refusal reason; the share of tasks
  whose searched query differs from their last turn;
split by multi_turn (Follow-up, Clarification, N/A) and by collection.

--compare sets two runs' figures side by side with compare.py's noise rule (a change beyond
both one task and one binomial standard error); --tasks lists the tasks whose outcome flipped
for each figure that got worse.

Questions are asked by --workers threads (default 3), each with its own connection; the
service admits 8 answers at once and answers 429 beyond, which is waited out and retried.
"""

import argparse
import json
import os
import signal
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ragchat_bench import (JAVA_OPTS, ROOT, Api, connect, create_key, default_java, f3, git_commit,  # noqa: E402
                           ingest, loadavg, percentile, say, write_result)
from compare import beyond_noise  # noqa: E402

ANSWERABLE = ("ANSWERABLE", "PARTIAL")
MULTI_TURN = ("Follow-up", "Clarification", "N/A")
RANKINGS = ("rerank", "fuse", "vector", "keyword")
WAYS = {"conversation": "with the conversation", "lastTurn": "last turn alone"}
TOP = 5
# figures that are no goal in themselves: a change gets no verdict of better or worse
NEUTRAL = ("underspecified/refused", "underspecified/answered", "queryChanged")
# figures that are better when they fall
LOWER_IS_BETTER = ("citesTrap",)


def default_data():
    for root in (ROOT.parent, *ROOT.parents):
        candidate = root / "shared/data/mtrag-dev"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared/data/mtrag-dev"


def collections(data):
    """The collections the data set's tasks name, sorted."""
    with open(data / "tasks.jsonl") as f:
        return sorted({json.loads(line)["collection"] for line in f if line.strip()})


def load_tasks(data, only, limit):
    tasks = []
    with open(data / "tasks.jsonl") as f:
        for line in f:
            if not line.strip():
                continue
            t = json.loads(line)
            if t["collection"] in only:
                tasks.append(t)
    if limit is not None:  # the first N of each collection, in the benchmark's order
        tasks = [t for c in only for t in [x for x in tasks if x["collection"] == c][:limit]]
    return tasks


def messages(task, conversation):
    turns = task["input"] if conversation else task["input"][-1:]
    return [{"role": "user" if m["speaker"] == "user" else "assistant", "content": m["text"]} for m in turns]


def asked_back(body):
    """Whether the answer asks the user back: outcome "clarify" at the top level or in an
    extension object (the field the answer engine is getting; absent before)."""
    if not isinstance(body, dict):
        return False
    if body.get("outcome") == "clarify":
        return True
    return any(isinstance(v, dict) and v.get("outcome") == "clarify" for v in body.values())


def final_ranking(trace):
    """The files of the first TOP candidates of the last ranking stage (rerank, fuse, vector
    or keyword, whichever ran last)."""
    ranking = None
    for stage in (trace or {}).get("stages") or []:
        if stage.get("name") in RANKINGS:
            ranking = stage
    if ranking is None:
        return None, []
    candidates = sorted(ranking.get("candidates") or [], key=lambda c: c.get("rank") or 0)[:TOP]
    return ranking["name"], [c.get("filename") for c in candidates]


def searched_query(trace):
    for stage in (trace or {}).get("stages") or []:
        if stage.get("name") == "rewrite":
            return stage.get("gave")
    return None


def outcome(status, body, seconds, task):
    """What one answer says, scored against the task."""
    if status != 200 or not isinstance(body, dict):
        return {"status": status, "error": body if isinstance(body, (str, dict)) else None}
    trace = body.get("trace") or {}
    stage, top = final_ranking(trace)
    gold = set(task["gold_files"])
    traps = set(task.get("trap_files") or [])
    cited = [c.get("filename") for c in body.get("citations") or []]
    query = searched_query(trace)
    last = task["input"][-1]["text"]
    refusal = body.get("refusal") or {}
    row = {"status": status, "grounded": bool(body.get("grounded")), "refusal": refusal.get("reason"),
           "askedBack": asked_back(body), "cited": cited, "citesGold": bool(gold & set(cited)) if gold else None,
           "citesTrap": bool(traps & set(cited)) if traps else None,
           "query": query, "queryChanged": None if query is None else query.strip() != last.strip(),
           "ranking": stage, "top5": top, "ms": round(seconds * 1000, 1),
           "answer": ((body.get("choices") or [{}])[0].get("message") or {}).get("content")}
    if gold:
        found = gold & set(top)
        row["recall5"] = round(len(found) / len(gold), 4)
        row["hit5"] = bool(found)
    return row


# --------------------------------------------------------------------------- asking

class Asker:
    """Asks the tasks with a few threads, each with its own keep-alive connection."""

    def __init__(self, base, key, workers, raw=None):
        self.base, self.key, self.workers = base, key, workers
        self.raw = open(raw, "w") if raw else None
        self.local = threading.local()
        self.apis = []
        self.lock = threading.Lock()
        self.done = 0

    def api(self):
        if not hasattr(self.local, "api"):
            self.local.api = Api(self.base)
            with self.lock:
                self.apis.append(self.local.api)
        return self.local.api

    def ask(self, kb, task, conversation):
        body = {"model": f"kb:{kb}", "messages": messages(task, conversation), "trace": True}
        status, answer, seconds = self.api().request("POST", "/v1/chat/completions", body,
                                                     headers={"Authorization": "Bearer " + self.key})
        if self.raw:  # --raw: every answer as the service gave it, trace included
            with self.lock:
                self.raw.write(json.dumps({"id": task["task_id"], "conversation": conversation, "status": status,
                                           "body": answer}) + "\n")
                self.raw.flush()
        return outcome(status, answer, seconds, task)

    def task(self, kb, task, total):
        row = {"id": task["task_id"], "collection": task["collection"], "answerability": task["answerability"],
               "multiTurn": task["multi_turn"], "turns": len(task["input"]), "question": task["input"][-1]["text"],
               "goldFiles": task["gold_files"],
               "conversation": self.ask(kb, task, True), "lastTurn": self.ask(kb, task, False)}
        with self.lock:
            self.done += 1
            if self.done % 50 == 0 or self.done == total:
                say(f"{self.done}/{total} tasks asked (load {loadavg()})")
        return row

    def all(self, kbs, tasks):
        with ThreadPoolExecutor(self.workers) as pool:
            return list(pool.map(lambda t: self.task(kbs[t["collection"]], t, len(tasks)), tasks))

    def retries(self):
        return sum(a.retries_429 for a in self.apis)


# --------------------------------------------------------------------------- figures

def mean(values):
    values = [v for v in values if v is not None]
    return {"value": round(sum(values) / len(values), 4) if values else None, "n": len(values), "kind": "mean"}


def share(flags):
    flags = [f for f in flags if f is not None]
    return {"value": round(sum(flags) / len(flags), 4) if flags else None, "hits": sum(flags), "n": len(flags),
            "kind": "rate"}


def columns(rows):
    """The columns of the figures: all tasks, each multi-turn type, each collection asked."""
    return ("all", *MULTI_TURN, *sorted({r["collection"] for r in rows}))


def in_column(row, column):
    return column == "all" or row["multiTurn"] == column or row["collection"] == column


def answered(row, way):
    return row[way].get("status") == 200


# (figure name, label, the tasks it is over, value of a task's answer)
FIGURES = [
    ("recall@5/conversation", "recall@5, with the conversation", ANSWERABLE, "conversation", "recall5"),
    ("recall@5/lastTurn", "recall@5, last turn alone", ANSWERABLE, "lastTurn", "recall5"),
    ("hit@5/conversation", "hit@5, with the conversation", ANSWERABLE, "conversation", "hit5"),
    ("hit@5/lastTurn", "hit@5, last turn alone", ANSWERABLE, "lastTurn", "hit5"),
    ("grounded/conversation", "grounded (answerable), with the conversation", ANSWERABLE, "conversation",
     "grounded"),
    ("citesGold/conversation", "cites a gold file (answerable), with the conversation", ANSWERABLE,
     "conversation", "citesGold"),
    ("grounded/lastTurn", "grounded (answerable), last turn alone", ANSWERABLE, "lastTurn", "grounded"),
    ("citesGold/lastTurn", "cites a gold file (answerable), last turn alone", ANSWERABLE, "lastTurn",
     "citesGold"),
    ("citesTrap/conversation", "cites a trap file (answerable), with the conversation", ANSWERABLE,
     "conversation", "citesTrap"),
    ("citesTrap/lastTurn", "cites a trap file (answerable), last turn alone", ANSWERABLE, "lastTurn", "citesTrap"),
    ("refused/conversation", "refused (unanswerable), with the conversation", ("UNANSWERABLE",), "conversation",
     "refused"),
    ("underspecified/askedBack", "underspecified: asked back", ("UNDERSPECIFIED",), "conversation", "askedBack"),
    ("underspecified/refused", "underspecified: refused", ("UNDERSPECIFIED",), "conversation", "refusedOnly"),
    ("underspecified/answered", "underspecified: answered", ("UNDERSPECIFIED",), "conversation", "answeredOnly"),
    ("queryChanged/conversation", "searched query differs from the last turn (all tasks)", None, "conversation",
     "queryChanged"),
]


def value(answer, what):
    if what == "refused":
        return not answer["grounded"]
    if what == "refusedOnly":
        return not answer["grounded"] and not answer["askedBack"]
    if what == "answeredOnly":
        return answer["grounded"] and not answer["askedBack"]
    return answer.get(what)


def figures(rows):
    out = {}
    for name, _, over, way, what in FIGURES:
        for column in columns(rows):
            values = [value(r[way], what) for r in rows
                      if (over is None or r["answerability"] in over) and in_column(r, column) and answered(r, way)]
            values = [v for v in values if v is not None]  # a task without gold or trap files has no value
            if not values:
                continue
            out[f"{name}/{column}"] = mean(values) if what == "recall5" else share(values)
    return out


def refusal_reasons(rows):
    return dict(Counter(r["conversation"]["refusal"] or "none" for r in rows
                        if r["answerability"] in ANSWERABLE and answered(r, "conversation")
                        and not r["conversation"]["grounded"]).most_common())


def latency(rows):
    out = {}
    for way in WAYS:
        values = [r[way]["ms"] for r in rows if answered(r, way)]
        out[way] = {"p50": percentile(values, 50), "p95": percentile(values, 95), "n": len(values)}
    return out


def cell(f):
    if f is None or f["value"] is None:
        return "–"
    if f["kind"] == "mean":
        return f"{f3(f['value'])} (n {f['n']})"
    return f"{f3(f['value'])} ({f['hits']}/{f['n']})"


def table(result):
    figs = result["figures"]
    cols = columns(result["tasks"])
    lines = [f"Commit {result['commit']}, jar {result['config']['jar']}, {result['started']},"
             f" {result['machine']['cores']} cores, loads {result['loads']}", "",
             "| figure | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for name, label, _, _, _ in FIGURES:
        if not any(f"{name}/{c}" in figs for c in cols):  # a figure the data set has no tasks for
            continue
        lines.append(f"| {label} | " + " | ".join(cell(figs.get(f"{name}/{c}")) for c in cols) + " |")
    reasons = result["answerableRefusedByReason"]
    lines += ["", "Answerable tasks refused with the conversation, by reason: "
              + (", ".join(f"{k} {v}" for k, v in reasons.items()) if reasons else "none")]
    lat = result["latency"]
    lines.append("Round trip ms p50/p95: " + ", ".join(f"{WAYS[w]} {lat[w]['p50']:.0f}/{lat[w]['p95']:.0f}"
                                                          for w in WAYS if lat[w]["n"]))
    errors = [(r["id"], w, r[w]) for r in result["tasks"] for w in WAYS if not answered(r, w)]
    if errors:
        lines.append(f"Not answered ({len(errors)}): "
                     + "; ".join(f"{i} {w}: HTTP {o['status']}" for i, w, o in errors[:10]))
    return "\n".join(lines)


# --------------------------------------------------------------------------- compare

def compare(before_path, after_path, list_tasks):
    before, after = (json.loads(Path(p).read_text()) for p in (before_path, after_path))
    print(f"before: commit {before.get('commit')}, jar {before['config'].get('jar')}, {before.get('started')}")
    print(f"after:  commit {after.get('commit')}, jar {after['config'].get('jar')}, {after.get('started')}")
    print()
    print("| figure | n | before | after | change | beyond noise (> max(1/n, SE)) |")
    print("|---|---|---|---|---|---|")
    worse, better = [], []
    for name in list(before["figures"]) + [k for k in after["figures"] if k not in before["figures"]]:
        b, a = before["figures"].get(name), after["figures"].get(name)
        bv, av = b and b["value"], a and a["value"]
        change = av - bv if bv is not None and av is not None else None
        verdict = ""
        if b and a and change is not None:
            beyond, threshold = beyond_noise(bv, av, b["n"])
            if a["n"] != b["n"]:
                verdict = f"n changed ({b['n']} → {a['n']})"
            elif beyond:
                good = None if name.startswith(NEUTRAL) else (change < 0 if name.startswith(LOWER_IS_BETTER)
                                                              else change > 0)
                if good is not None:
                    verdict = ("**better**" if good else "**worse**") + f" (threshold {threshold:.3f})"
                    (better if good else worse).append(name)
                else:
                    verdict = f"changed (threshold {threshold:.3f})"
        print(f"| {name} | {(b or a)['n']} | {f3(bv)} | {f3(av)} |"
              f" {'–' if change is None else ('+' if change > 0 else '') + f3(change)} | {verdict} |")
    print()
    print(f"Better beyond noise ({len(better)}): " + (", ".join(better) or "none"))
    print(f"Worse beyond noise ({len(worse)}): " + (", ".join(worse) or "none"))
    print(f"Answerable refused by reason: before {before['answerableRefusedByReason']},"
          f" after {after['answerableRefusedByReason']}")
    if list_tasks and worse:
        qb = {r["id"]: r for r in before["tasks"]}
        qa = {r["id"]: r for r in after["tasks"]}
        spec = {f[0]: f for f in FIGURES}
        for name in worse:
            figure, column = name.rsplit("/", 1)
            _, _, over, way, what = spec[figure]
            flips = []
            for tid, rb in qb.items():
                ra = qa.get(tid)
                if ra is None or (over is not None and rb["answerability"] not in over) \
                        or not in_column(rb, column) or not answered(rb, way) or not answered(ra, way):
                    continue
                vb, va = value(rb[way], what), value(ra[way], what)
                if vb != va:
                    flips.append(f"  - {tid} ({rb['multiTurn']}): {vb} → {va}: {rb['question'][:100]}")
            print(f"\n{name}: {len(flips)} tasks changed")
            print("\n".join(flips))


# --------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(default_data()),
                        help="the data set's folder (tasks.jsonl, docs/): mtrag-dev, benchmarks/eval/conversations")
    parser.add_argument("--only", help="collections, comma-separated (default: every collection of the data set)")
    parser.add_argument("--limit", type=int, help="at most this many tasks per collection (the first ones)")
    parser.add_argument("--workers", type=int, default=3, help="questions asked at once (the service admits 8)")
    parser.add_argument("--url", help="a running service instead of starting the jar")
    parser.add_argument("--master-key", default=os.environ.get("RAGCHAT_MASTER_KEY"), help="its master key")
    parser.add_argument("--keep-data", metavar="DIR", help="keep (and re-use) the started service's data dir here")
    parser.add_argument("--jar", default=str(ROOT / "api/target/ragchat.jar"))
    parser.add_argument("--java", default=default_java())
    parser.add_argument("--java-opts", default=JAVA_OPTS)
    parser.add_argument("--upload-batch", type=int, default=50, help="files per upload request")
    parser.add_argument("--out", default=str(ROOT / "benchmarks/target/mtrag.json"))
    parser.add_argument("--raw", metavar="FILE.jsonl", help="also write every answer as the service gave it (with its trace)")
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two runs' JSON")
    parser.add_argument("--tasks", action="store_true", help="with --compare: the tasks behind each worse figure")
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare, args.tasks)
        return
    data = Path(args.data)
    if not (data / "tasks.jsonl").is_file():
        sys.exit(f"no tasks.jsonl in {data} (--data)")
    known = collections(data)
    only = [c.strip() for c in args.only.split(",") if c.strip()] if args.only else known
    unknown = [c for c in only if c not in known]
    if unknown:
        sys.exit(f"unknown collections {unknown}; known: {', '.join(known)}")
    tasks = load_tasks(data, only, args.limit)
    result = {"commit": git_commit(), "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cores": os.cpu_count()},
              "config": {"data": str(data.resolve()), "only": only, "limit": args.limit, "workers": args.workers,
                         "jar": None if args.url else str(Path(args.jar).resolve()), "top": TOP}}
    loads = [loadavg()]
    service = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        service, base, master_key = connect(args, result, "ragchat-mtrag.")
        api = Api(base)
        key = create_key(api, master_key, "mtrag")
        kbs, ingestion = {}, {}
        for c in only:
            files = sorted((data / "docs").glob(f"{c}-*"))
            figures_of, _ = ingest(api, key, f"mtrag-{c}", files, args.upload_batch,
                                   description=f"{data.resolve().name}: {c}")
            kbs[c] = figures_of["knowledgeBase"]
            ingestion[c] = figures_of
        loads.append(loadavg())
        say(f"asking {len(tasks)} tasks twice (conversation, last turn alone), {args.workers} at once")
        started = time.monotonic()
        asker = Asker(base, key, args.workers, args.raw)
        rows = asker.all(kbs, tasks)
        loads.append(loadavg())
        result["seconds"] = round(time.monotonic() - started, 1)
        result["rateLimitRetries"] = asker.retries()
        result["loads"] = " → ".join(loads)
        result["ingestion"] = ingestion
        result["figures"] = figures(rows)
        result["answerableRefusedByReason"] = refusal_reasons(rows)
        result["latency"] = latency(rows)
        result["tasks"] = rows
    finally:
        if service:
            service.stop()
    out = write_result(args.out, result)
    print()
    print(table(result))
    print()
    say(f"{len(tasks)} tasks in {result['seconds']:.0f} s ({result['rateLimitRetries']} retries after 429);"
        f" every figure and task in {out}")


if __name__ == "__main__":
    main()
