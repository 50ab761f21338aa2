#!/usr/bin/env python3
"""Leave one corpus out over search-only runs of eval.py: which variant would the other
corpora choose, and how does it do on the one left out?

    python3 benchmarks/eval/loco.py base=A.json spread2=B.json ...

Each fold chooses, among the variants, the one with the fewest target misses on the other
corpora (their mixed sets included; a miss is hybrid R@5 or MRR below the better single
mode's minus one question, or a small-document figure of the mixed knowledge base more
than 0.03 below the same documents alone), ties broken by the largest sum of their hybrid
R@5 and MRR; then prints what it misses on the corpus left out (docs/benchmarks.md,
session 23).
"""
import json
import sys

# each corpus: its own knowledge base and its questions in the mixed one
GROUPS = {
    "fb": ["fb/fb", "mixed/fb-kept"],
    "scifact": ["scifact/scifact", "mixed/scifact"],
    "ordqa": ["ordqa/ordqa", "mixed/ordqa"],
}
ALONE = {"scifact": "scifact/scifact", "ordqa": "ordqa/ordqa"}


def figures(path):
    with open(path) as f:
        run = json.load(f)
    fig = {k: v["value"] for k, v in run["figures"].items() if v and v.get("value") is not None}
    # the question count of each set, as the run counted it (one question: 1/n)
    fig.update({k.rsplit("/", 1)[0] + "/n": v["n"] for k, v in run["figures"].items() if k.endswith("/hybrid/R@5")})
    return fig


def misses(fig, group):
    found = []
    for kb in GROUPS[group]:
        n = fig[f"{kb}/hybrid/n"]
        for m in ("R@5", "MRR"):
            better = max(fig[f"{kb}/vector/{m}"], fig[f"{kb}/keyword/{m}"])
            if fig[f"{kb}/hybrid/{m}"] < better - 1 / n - 1e-9:
                found.append(f"{kb} hybrid {m} {fig[f'{kb}/hybrid/{m}']:.3f} < {better:.3f} - 1/{n}")
    if group in ALONE:
        alone = ALONE[group]
        mixed = "mixed/" + alone.split("/")[1]
        for mode in ("hybrid", "vector", "keyword"):
            for m in ("R@5", "MRR"):
                if fig[f"{mixed}/{mode}/{m}"] < fig[f"{alone}/{mode}/{m}"] - 0.03 - 1e-9:
                    found.append(f"{mixed} {mode} {m} {fig[f'{mixed}/{mode}/{m}']:.3f}, alone {fig[f'{alone}/{mode}/{m}']:.3f}")
    return found


def strength(fig, group):
    return sum(fig[f"{kb}/hybrid/R@5"] + fig[f"{kb}/hybrid/MRR"] for kb in GROUPS[group])


def main(args):
    variants = dict(a.split("=", 1) for a in args)
    runs = {name: figures(path) for name, path in variants.items()}
    print("| variant | " + " | ".join(f"misses on {g}" for g in GROUPS) + " |")
    print("|---|" + "---|" * len(GROUPS))
    for name, fig in runs.items():
        print(f"| {name} | " + " | ".join(str(len(misses(fig, g))) for g in GROUPS) + " |")
    print()
    for held in GROUPS:
        train = [g for g in GROUPS if g != held]
        chosen = min(runs, key=lambda v: (sum(len(misses(runs[v], g)) for g in train),
                                          -sum(strength(runs[v], g) for g in train)))
        left = misses(runs[chosen], held)
        print(f"{held} left out: the others choose {chosen}; on {held}: "
              + ("no miss" if not left else "; ".join(left)))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
