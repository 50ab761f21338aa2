#!/usr/bin/env python3
"""Fit the extract's answerability score offline (python3 standard library only). The judge
it fitted (Answerability, commit 9dc82ab) was withdrawn: it refused 12 of FinanceBench dev's
47 answerable questions, a set left out of this fit (docs/benchmarks.md); a refit must
include it.

Usage, from the repository root:

    python3 benchmarks/eval/answerability_fit.py [benchmarks/eval/answerability_signals.json]

Data (answerability_signals.json): one row per answer the extract grounded (the judge runs
last: only those can it refuse), of the engine at commit 98e2a76, logged by a probe build of
the judge that refused nothing:
- mtrag-conv / mtrag-last: MTRAG-UN's development set (../shared/data/mtrag-dev, 288 tasks,
  `benchmarks/eval/mtrag.py`), asked with the conversation / the last turn alone;
  ANSWERABLE and PARTIAL are answerable (1), UNANSWERABLE not (0), UNDERSPECIFIED left out;
- scifact (answerable), scifact-held-out (in-domain, its documents left out: unanswerable),
  ordqa (answerable): `benchmarks/eval/eval.py --only scifact,ordqa`.
Signals: keywordRank, the rank in keyword search's first 20 of the passage vector search
puts first (21 when absent), used as its natural log; fusedGap, the fused ranking's first
score minus its second.

Fitted on mtrag-conv, scifact, scifact-held-out and ordqa (class-balanced logistic
regression on standardised signals); mtrag-last is checked, not fitted. The threshold is
(half-way below) the highest that refuses at most 2 answerable of mtrag-conv, 3 of mtrag-last and 1 of
SciFact and ORD-QA each (about a point; the noise of `mtrag.py --compare`). Other signals
tried (the vector ranking's first-to-fifth gap, the two rankings' top-5 overlap, the best
sentence's similarity, the question's words in the quotes) are in docs/benchmarks.md.
"""
import json
import math
import sys

FITTED = ("mtrag-conv", "scifact", "scifact-held-out", "ordqa")
LIMITS = {"mtrag-conv": 2, "mtrag-last": 3, "scifact": 1, "ordqa": 1}


def signals(row):
    return [math.log(row["keywordRank"]), row["fusedGap"]]


def fit(xs, ys, l2=1.0, steps=2000, rate=0.2):
    n, d = len(xs), len(xs[0])
    mu = [sum(x[j] for x in xs) / n for j in range(d)]
    sd = [math.sqrt(sum((x[j] - mu[j]) ** 2 for x in xs) / n) + 1e-9 for j in range(d)]
    z = [[(x[j] - mu[j]) / sd[j] for j in range(d)] for x in xs]
    pos = sum(ys) / n
    cw = [0.5 / pos if y else 0.5 / (1 - pos) for y in ys]
    w, b = [0.0] * d, 0.0
    for _ in range(steps):
        g = [(1 / (1 + math.exp(-(sum(a * c for a, c in zip(w, zi)) + b))) - y) * c
             for zi, y, c in zip(z, ys, cw)]
        for j in range(d):
            w[j] -= rate * (sum(gi * zi[j] for gi, zi in zip(g, z)) / n + l2 * w[j] / n)
        b -= rate * sum(g) / n
    return [w[j] / sd[j] for j in range(d)], b - sum(w[j] * mu[j] / sd[j] for j in range(d))


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "benchmarks/eval/answerability_signals.json"
    with open(path, encoding="utf-8") as f:
        rows = json.load(f)["rows"]
    train = [r for r in rows if r["set"] in FITTED]
    w, b = fit([signals(r) for r in train], [r["answerable"] for r in train])
    # scored as Answerability.java does, with the constants as printed
    w, b = [round(x, 3) for x in w], round(b, 3)
    print(f"WEIGHT_LOG_KEYWORD_RANK = {w[0]:.3f}, WEIGHT_FUSED_GAP = {w[1]:.3f}, BIAS = {b:.3f}")
    scored = [(sum(a * c for a, c in zip(w, signals(r))) + b, r) for r in rows]
    # the highest score refusing within the limits is an answerable's own: the threshold is
    # half-way down to the next score, so rounding the constants does not refuse it
    steps = sorted({s for s, _ in scored})
    last = 0
    for i, t in enumerate(steps):
        lost = {k: sum(1 for s, r in scored if r["set"] == k and r["answerable"] and s < t) for k in LIMITS}
        if any(lost[k] > limit for k, limit in LIMITS.items()):
            break
        last = i
    threshold = (steps[last] + steps[last - 1]) / 2
    print(f"THRESHOLD = {threshold:.4f} (refused below)")
    for name in sorted({r["set"] for r in rows}):
        mine = [(s, r) for s, r in scored if r["set"] == name]
        print(f"  {name}: {sum(1 for _, r in mine if r['answerable'])} answerable,"
              f" {sum(1 for s, r in mine if r['answerable'] and s < threshold)} refused;"
              f" {sum(1 for _, r in mine if not r['answerable'])} unanswerable,"
              f" {sum(1 for s, r in mine if not r['answerable'] and s < threshold)} refused")


if __name__ == "__main__":
    main()
