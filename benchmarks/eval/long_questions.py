#!/usr/bin/env python3
"""What a long question costs: /messages and /search with 0 to 500 capitalised words, each
a name the ground step may check (python3 standard library only).

Usage, after eval.py --keep-data DIR (any knowledge base of it):

    python3 benchmarks/eval/long_questions.py --keep-data DIR [--kb fb] [--jar JAR]

It starts the jar on the kept data and, for 0, 10, 50, 200 and 500 words (those of 5 to 12
letters of the first 200 SciFact abstracts, capitalised, or with --capitals in capitals,
in a fixed shuffled order, up to the 4,000 characters /messages accepts and the 2,000 of
/search), asks "What was the revenue of Nike in 2022 and <words>?" in a fresh session and
searches the words (hybrid), and prints the seconds each took. One client, nothing else
asked meanwhile: the figures are the work one request causes, not a throughput.
"""

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import ragchat_bench as rb  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-data", required=True, help="the data dir of an eval.py --keep-data run")
    parser.add_argument("--kb", default="fb", help="the knowledge base asked")
    parser.add_argument("--data", default=str(rb.ROOT.parent / "shared/data"), help="the folder holding scifact/")
    parser.add_argument("--jar", default=str(rb.ROOT / "api/target/ragchat.jar"))
    parser.add_argument("--java", default=rb.default_java())
    parser.add_argument("--java-opts", default=rb.JAVA_OPTS)
    parser.add_argument("--capitals", action="store_true",
                        help="the words in capitals (COGS, EBITDA: names the default rule does not ask for)")
    args = parser.parse_args()
    with open(Path(args.data) / "scifact/corpus.jsonl") as f:
        text = " ".join(json.loads(line)["text"] for _, line in zip(range(200), f))
    words = sorted({(w.upper() if args.capitals else w.capitalize()) for w in re.findall(r"\b[a-z]{5,12}\b", text)})
    random.Random(1).shuffle(words)
    service = rb.Service(args)
    service.start()
    try:
        api = rb.Api(service.base)
        key = rb.create_key(api, service.master_key, "long-questions")
        kb = rb.find_kb(api, key, args.kb)
        rb.ask(api, key, kb, "What was the revenue in 2022?")  # warm-up
        print("| words | /messages characters | /messages s | grounded | /search characters | /search s |")
        print("|---|---|---|---|---|---|")
        for n in (0, 10, 50, 200, 500):
            question = ("What was the revenue of Nike in 2022 and " + " ".join(words[:n]))[:3999] + "?"
            body, asked = rb.ask(api, key, kb, question)
            query = " ".join(words[:max(n, 1)])[:2000]
            _, searched = rb.search(api, key, kb, query, "hybrid", 10, {})
            print(f"| {n} | {len(question)} | {asked:.2f} | {body['grounded']} | {len(query)} | {searched:.2f} |",
                  flush=True)
    finally:
        service.stop()


if __name__ == "__main__":
    main()
