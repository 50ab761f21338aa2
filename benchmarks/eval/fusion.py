#!/usr/bin/env python3
"""Hybrid fusion replayed offline, for trying a fusion in seconds instead of an eval.py run
(python3 standard library only).

    python3 benchmarks/eval/fusion.py fetch --keep-data DIR --out LISTS.json   # after eval.py --keep-data DIR
    python3 benchmarks/eval/fusion.py replay LISTS.json [--keyword-weight 0.8] [--keyword-scale max] ...

fetch starts the jar on the kept data and records, for every answerable question of the
four knowledge bases, the service's hybrid top 10 and the vector and keyword rankings it
fuses (100 candidates each, with scores and texts). replay fuses those rankings again the
way FusionJoiner does with the default settings (scores scaled to [0, 1] over each
ranking, weighted and added; a chunk that names none of the question's years keeps half
its score; one chunk a page), first checks that this reproduces the service's top 5 for
every question, then prints recall@5 and MRR@10 per question set for hybrid, vector and
keyword, with the flag of eval.py (hybrid below the better single mode by more than one
question). Options change one part of the fusion. A setting that looks better here still
has to be measured with eval.py, on all four knowledge bases.
"""

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import ragchat_bench as rb  # noqa: E402
import eval as ev  # noqa: E402

ANSWERABLE = {"fb": ["fb"], "scifact": ["scifact"], "ordqa": ["ordqa"], "mixed": ["scifact", "ordqa", "fb-kept"]}
DEPTH = 100

# Periods.java: a year, "FY2018", "FY 2018", "FY'18", "FY18"
YEAR = re.compile(r"(?<![^\W_])((?:19|20)\d{2})(?!\d)|\b[Ff][Yy]\s?'?((?:19|20)\d{2})\b|\b[Ff][Yy]\s?'?(\d{2})\b")
EDGES = re.compile(r"^[^\w$]+|[^\w%]+$")


def fetch(args):
    service = rb.Service(args)
    service.start()
    api = rb.Api(service.base)
    key = rb.create_key(api, service.master_key, "fusion")
    kbs, _ = ev.plan(Path(args.data), Path(args.keep_data) / "fusion-files")
    lists = {}
    try:
        for kb_name, sets in ANSWERABLE.items():
            kb = rb.find_kb(api, key, kb_name)
            for qset in kbs[kb_name]["sets"]:
                if qset["key"] not in sets:
                    continue
                for q in qset["questions"]:
                    row = {"question": q["question"], "gold": {k: q[k] for k in ("goldPages", "goldDocs") if k in q}}
                    for mode, depth in (("hybrid", 10), ("vector", DEPTH), ("keyword", DEPTH)):
                        body, _ = api.ok("POST", f"/api/v1/knowledge-bases/{kb}/search",
                                         {"query": q["question"], "topK": depth, "mode": mode},
                                         headers={"X-API-Key": key})
                        row[mode] = [{"chunk": r["chunkId"], "doc": Path(r["filename"]).stem, "page": r["page"],
                                      "pageEnd": r.get("pageEnd") or r["page"], "score": r["score"],
                                      "text": f"{r.get('title') or ''}\n{r.get('headingPath') or ''}\n{r['text']}"}
                                     for r in body["results"]]
                    lists[f"{kb_name}/{qset['key']}/{q['id']}"] = row
            rb.say(f"{kb_name}: {len(lists)} questions so far")
    finally:
        service.stop()
    Path(args.out).write_text(json.dumps(lists))


def years(text):
    found = []
    for m in YEAR.finditer(text):
        year = m.group(1) or m.group(2) or "20" + m.group(3)
        if year not in found:
            found.append(year)
    return found


def question_years(question):
    """The years QueryShaper reads: each whitespace-separated word that is one."""
    found = []
    for token in question.split():
        word = EDGES.sub("", token)
        match = YEAR.fullmatch(word)
        if match:
            year = match.group(1) or match.group(2) or "20" + match.group(3)
            if year not in found:
                found.append(year)
    return found


def scaled(ranking, scale):
    if not ranking:
        return {}
    scores = [r["score"] for r in ranking]
    low, high = min(scores), max(scores)
    if scale == "max":
        return {r["chunk"]: r["score"] / high if high else 1.0 for r in ranking}
    return {r["chunk"]: (r["score"] - low) / (high - low) if high > low else 1.0 for r in ranking}


def fuse(row, args):
    chunks = {}
    for r in row["vector"] + row["keyword"]:
        chunks.setdefault(r["chunk"], r)
    vector = scaled(row["vector"][:args.candidates], args.vector_scale)
    keyword = scaled(row["keyword"][:args.candidates], args.keyword_scale)
    scores = {c: args.vector_weight * vector.get(c, 0) + args.keyword_weight * keyword.get(c, 0)
              for c in chunks if c in vector or c in keyword}
    return top_pages(row["question"], chunks, scores, args.period_weight)


def top_pages(question, chunks, scores, period_weight=0.5):
    """The fused top 10 as FusionJoiner ends it: a chunk that names none of the question's
    years keeps 1 - period_weight of its score, then the best chunk of each page."""
    asked = question_years(question)
    if asked and period_weight > 0:
        for c in scores:
            if not any(y in asked for y in years(chunks[c]["text"])):
                scores[c] *= 1 - period_weight
    fused, pages = [], set()
    for c in sorted(scores, key=lambda c: -scores[c]):
        page = (chunks[c]["doc"], chunks[c]["page"])
        if page not in pages:
            pages.add(page)
            fused.append(chunks[c])
        if len(fused) == 10:
            break
    return fused


def rank(row, ranking):
    for i, r in enumerate(ranking[:10]):
        if ev.is_gold(row["gold"], r["doc"], r["page"], r["pageEnd"]):
            return i + 1
    return None


def replay(args):
    lists = json.loads(Path(args.lists).read_text())
    defaults = argparse.Namespace(vector_weight=1.0, keyword_weight=1.0, candidates=DEPTH, period_weight=0.5,
                                  vector_scale="minmax", keyword_scale="minmax")
    same = sum(1 for row in lists.values()
               if [(r["doc"], r["page"]) for r in fuse(row, defaults)][:5]
               == [(r["doc"], r["page"]) for r in row["hybrid"]][:5])
    print(f"the default fusion replayed gives the service's hybrid top 5 for {same} of {len(lists)} questions")
    by_set = defaultdict(list)
    for key, row in lists.items():
        by_set[key.rsplit("/", 1)[0]].append((rank(row, fuse(row, args)), rank(row, row["vector"]),
                                               rank(row, row["keyword"])))
    print("\n| set | n | hybrid R@5 / MRR | vector | keyword | flag |\n|---|---|---|---|---|---|")
    for name, ranks in by_set.items():
        n = len(ranks)
        figures = [(sum(1 for r in ranks if r[i] and r[i] <= 5) / n, sum(1 / r[i] for r in ranks if r[i]) / n)
                   for i in range(3)]
        (hr, hm), (vr, vm), (kr, km) = figures
        flag = "⚠" if hr < max(vr, kr) - 1 / n - 1e-9 or hm < max(vm, km) - 1 / n - 1e-9 else ""
        print(f"| {name} | {n} | " + " | ".join(f"{r:.3f} / {m:.3f}" for r, m in figures) + f" | {flag} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    f = commands.add_parser("fetch", help="record the rankings of the service on kept data")
    f.add_argument("--keep-data", required=True, help="the data dir of an eval.py --keep-data run")
    f.add_argument("--out", default="fusion-lists.json")
    f.add_argument("--data", default=str(rb.ROOT.parent / "shared/data"))
    f.add_argument("--jar", default=str(rb.ROOT / "api/target/ragchat.jar"))
    f.add_argument("--java", default=rb.default_java())
    f.add_argument("--java-opts", default=rb.JAVA_OPTS)
    r = commands.add_parser("replay", help="fuse the recorded rankings again, with changes")
    r.add_argument("lists")
    r.add_argument("--vector-weight", type=float, default=1.0)
    r.add_argument("--keyword-weight", type=float, default=1.0)
    r.add_argument("--candidates", type=int, default=DEPTH, help="how deep each ranking goes (at most 100)")
    r.add_argument("--period-weight", type=float, default=0.5)
    r.add_argument("--vector-scale", choices=("minmax", "max"), default="minmax")
    r.add_argument("--keyword-scale", choices=("minmax", "max"), default="minmax",
                   help="max: score / best score, 0 stays 0")
    args = parser.parse_args()
    fetch(args) if args.command == "fetch" else replay(args)


if __name__ == "__main__":
    main()
