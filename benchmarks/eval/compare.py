#!/usr/bin/env python3
"""Compares two runs of eval.py (python3 standard library only).

Usage: python3 benchmarks/eval/compare.py BEFORE.json AFTER.json [--questions]

Prints every figure before, after and the change. A change of a quality figure (a rate such
as recall@5, grounded, refused, or MRR, all within 0..1 over n questions) is marked as beyond
noise only when it is larger than BOTH one question (1/n) and one binomial standard error of
the before figure, sqrt(p (1 - p) / n) (for MRR, a mean of values within 0..1, this bounds
its standard error from above). Timings (ingestion pages/s, latency percentiles) move with
the machine's load and are printed without a verdict; any change in the number of FAILED
documents is real. At the end it lists the figures that
got worse beyond noise; --questions also lists, for those figures, the questions whose
outcome flipped.
"""

import argparse
import json
import math
import sys


def beyond_noise(before, after, n):
    """(beyond, threshold) for a quality figure."""
    if before is None or after is None or not n:
        return False, None
    threshold = max(1 / n, math.sqrt(before * (1 - before) / n))
    return abs(after - before) > threshold + 1e-12, threshold


def fmt(value, kind):
    if value is None:
        return "–"
    if kind == "ms":
        return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"
    if kind == "count":
        return str(value)
    return f"{value:.3f}"


def outcome(question, kb, key, figure):
    """The per-question value behind a figure, or None when it has none."""
    parts = figure.split("/")
    if len(parts) != 2:
        return None
    what, name = parts
    if what == "chat":
        chat = question.get("chat")
        if chat is None:
            return None
        if name == "refused":
            return not chat["grounded"]
        if name == "citesFound":
            rank = ((question.get("search") or {}).get("hybrid") or {}).get("rank")
            return chat.get("citesGold") if rank is not None and rank <= 5 else None
        return chat.get(name)
    search = (question.get("search") or {}).get(what)
    if search is None:
        return None
    rank = search.get("docRank") if name == "docTop5" else search.get("rank")
    if name in ("R@5", "docTop5"):
        return rank is not None and rank <= 5
    if name == "R@10":
        return rank is not None
    if name == "MRR":
        return round(1 / rank, 3) if rank else 0
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--questions", action="store_true", help="list the questions behind each worse figure")
    args = parser.parse_args()
    with open(args.before) as f:
        before = json.load(f)
    with open(args.after) as f:
        after = json.load(f)
    print(f"before: commit {before.get('commit')}, {before.get('started')}, loads {before.get('loads')}")
    print(f"after:  commit {after.get('commit')}, {after.get('started')}, loads {after.get('loads')}")
    print()
    print("| figure | n | before | after | change | beyond noise (> max(1/n, SE)) |")
    print("|---|---|---|---|---|---|")
    worse, better = [], []
    names = list(before["figures"]) + [k for k in after["figures"] if k not in before["figures"]]
    for name in names:
        b, a = before["figures"].get(name), after["figures"].get(name)
        kind = (b or a)["kind"]
        bv, av = b and b["value"], a and a["value"]
        n = b["n"] if b else a["n"]
        change = av - bv if bv is not None and av is not None else None
        verdict = ""
        if kind in ("rate", "mean") and b and a:
            beyond, threshold = beyond_noise(bv, av, b["n"])
            if a["n"] != b["n"]:
                verdict = f"n changed ({b['n']} → {a['n']})"
            elif beyond:
                verdict = ("**better**" if change > 0 else "**worse**") + f" (threshold {threshold:.3f})"
                (better if change > 0 else worse).append(name)
        elif kind == "count" and change:  # FAILED documents: any change is real
            verdict = "**worse** (more)" if change > 0 else "**better** (fewer)"
            (worse if change > 0 else better).append(name)
        sign = "" if change is None else ("+" if change > 0 else "")
        print(f"| {name} | {n} | {fmt(bv, kind)} | {fmt(av, kind)} |"
              f" {'–' if change is None else sign + fmt(change, kind)} | {verdict} |")
    print()
    print(f"Better beyond noise ({len(better)}): " + (", ".join(better) if better else "none"))
    print(f"Worse beyond noise ({len(worse)}): " + (", ".join(worse) if worse else "none"))
    if args.questions and worse:
        print()
        for name in worse:
            kb, key, rest = name.split("/", 2)
            if key not in before["questions"].get(kb, {}) or key not in after["questions"].get(kb, {}):
                continue  # a knowledge base's own figure (failed documents, cut quotes), no question set's
            qb = {q["id"]: q for q in before["questions"][kb][key]}
            qa = {q["id"]: q for q in after["questions"][kb][key]}
            flips = []
            for qid, q in qb.items():
                if qid not in qa:
                    continue
                ob, oa = outcome(q, kb, key, rest), outcome(qa[qid], kb, key, rest)
                if ob is not None and oa is not None and ob != oa:
                    flips.append(f"  - {qid}: {ob} → {oa}: {q['question'][:100]}")
            print(f"{name}: {len(flips)} questions changed")
            print("\n".join(flips))
    sys.exit(0)


if __name__ == "__main__":
    main()
