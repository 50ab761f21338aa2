#!/usr/bin/env python3
"""/messages latency with and without an evaluation running (issue 49; python3 standard library only).

Usage, from the repository root, on a data dir that eval.py filled (--keep-data):

    python3 benchmarks/eval/evaluation_load.py --keep-data DIR [--kb fb] [--questions 40] [--jar api/target/ragchat.jar]

It starts the jar on the kept data dir, then asks the FinanceBench questions one after another
through /messages (a fresh session each, as eval.py does), once unrecorded (warm caches), then
three times: with no evaluation (before), while an evaluation of the same knowledge base runs
(a golden set of 400 questions, chat settings), and after the evaluation is cancelled. It prints p50, p95 and max of each phase
and how many questions the evaluation answered meanwhile: the evaluation waits while a live
answer is in progress, so only the question it has begun competes with the live ones.
"""

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ragchat_bench import (JAVA_OPTS, ROOT, Api, ask, connect, create_key, default_java, find_kb,  # noqa: E402
                           load_questions, loadavg, percentile, say)


def phase(api, key, kb, questions):
    times = []
    for q in questions:
        _, seconds = ask(api, key, kb, q["question"])
        times.append(seconds * 1000)
    return {"n": len(times), "p50": percentile(times, 50), "p95": percentile(times, 95), "max": max(times),
            "load": loadavg()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    parser.add_argument("--kb", default="fb", help="the knowledge base (by name) of the kept data dir")
    parser.add_argument("--questions", type=int, default=40, help="live questions per phase")
    parser.add_argument("--url")
    parser.add_argument("--master-key", default=os.environ.get("RAGCHAT_MASTER_KEY"))
    parser.add_argument("--keep-data", metavar="DIR")
    parser.add_argument("--jar", default=str(ROOT / "api/target/ragchat.jar"))
    parser.add_argument("--java", default=default_java())
    parser.add_argument("--java-opts", default=JAVA_OPTS)
    parser.add_argument("--out", help="write the figures as JSON here")
    args = parser.parse_args()
    questions = load_questions(Path(args.data) / "financebench-dev")
    live = (questions * (args.questions // len(questions) + 1))[:args.questions]
    golden = "\n".join(json.dumps({"id": f"q{i}", "question": questions[i % len(questions)]["question"],
                                   "documents": [questions[i % len(questions)]["doc"]]}) for i in range(400))
    result = {"machine": {"cores": os.cpu_count()}, "kb": args.kb, "questions": args.questions}
    service = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        service, base, master_key = connect(args, result, "ragchat-evaluation-load.")
        api = Api(base)
        key = create_key(api, master_key, "evaluation-load")
        kb = find_kb(api, key, args.kb)
        if not kb:
            sys.exit(f"no knowledge base named {args.kb} in the data dir: run eval.py with --keep-data first")
        # the same questions once unrecorded first: every phase then reads warm caches
        say(f"warm-up, {len(live)} questions (load {loadavg()})")
        phase(api, key, kb, live)
        say(f"before: {len(live)} questions, no evaluation (load {loadavg()})")
        result["before"] = phase(api, key, kb, live)
        run, _ = api.ok("POST", f"/api/v1/knowledge-bases/{kb}/evaluations?name=load", golden.encode(),
                        headers={"X-API-Key": key}, content_type="application/x-ndjson")
        while run["status"] == "QUEUED" or (run["status"] == "RUNNING" and run["done"] == 0):
            time.sleep(0.5)
            run, _ = api.ok("GET", run["url"], headers={"X-API-Key": key})
        started = run["done"]
        say(f"during: {len(live)} questions while evaluation {run['id']} runs (load {loadavg()})")
        result["during"] = phase(api, key, kb, live)
        run, _ = api.ok("GET", run["url"], headers={"X-API-Key": key})
        result["during"]["evaluationQuestions"] = run["done"] - started
        cancelled, _ = api.ok("DELETE", run["url"], headers={"X-API-Key": key})
        result["evaluation"] = {"id": run["id"], "status": cancelled["status"], "done": cancelled["done"]}
        say(f"after: {len(live)} questions, evaluation cancelled (load {loadavg()})")
        result["after"] = phase(api, key, kb, live)
    finally:
        if service:
            service.stop()
    print()
    print("| phase | n | /messages p50 ms | p95 | max | evaluation questions meanwhile | load after |")
    print("|---|---|---|---|---|---|---|")
    for name in ("before", "during", "after"):
        p = result[name]
        print(f"| {name} | {p['n']} | {p['p50']:,.0f} | {p['p95']:,.0f} | {p['max']:,.0f} |"
              f" {p.get('evaluationQuestions', '–')} | {p['load']} |")
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
