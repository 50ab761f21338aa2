#!/usr/bin/env python3
"""The keyword ranking with local statistics, replayed offline (an experiment of issue 20,
session 11; python3 standard library only).

BM25 over a knowledge base that mixes corpora weighs a word by its rarity in the whole
knowledge base: next to filings, "DNA" is rare and "previously defined" common, so the
words that tell one abstract or manual section from its neighbours count less. Here the
candidates of one question (its vector and keyword top 100, as fusion.py fetched them)
are scored again by BM25 whose document frequencies and average length are counted
within those candidates only, then fused like FusionJoiner does: alone in place of the
knowledge base's keyword ranking, or beside it (vector + g x keyword + l x local keyword,
each min-max scaled), over a grid of g and l, with the weights chosen leaving one corpus
out.

    python3 benchmarks/eval/fusion.py fetch --keep-data DIR --out lists.json
    ./mvnw -q -pl retrieval dependency:build-classpath -Dmdep.outputFile=cp.txt
    java -cp "retrieval/target/ragchat-retrieval-0.1.0-SNAPSHOT.jar:$(cat retrieval/cp.txt)" \\
        benchmarks/eval/local-idf/Analyse.java lists.json analysed.json
    java -cp ... benchmarks/eval/local-idf/Statistics.java DATA/index analysed.json \
        fb=KB_ID scifact=KB_ID ordqa=KB_ID mixed=KB_ID statistics.json   # the service stopped
    python3 benchmarks/eval/local-idf/local_idf.py lists.json analysed.json [statistics.json]

With the knowledge bases' own statistics it also replays the keyword ranking with their
document frequencies (checking first how often that gives the service's keyword top 1),
and with no new weight: the idf of a term taken as the larger of the knowledge base's and
the candidates' (max), their sum, or their geometric mean. Last (session 12), the idf over
the knowledge base's chunks plus a x the idf over its files (how many files hold the term,
of how many), for a from 0 to 3: what the index does since then with a = 1. Lists fetched
from a service before session 12 replay the service of then for a = 0.

Session 13 (statistics.json written by this Statistics.java, which adds each term's
"fileChunks"): where the mixed knowledge base's gap comes from, replaying the questions of
SciFact and ORD-QA in mixed with the statistics of their own knowledge base (its document
frequencies, its average chunk length, or both), and two forms that need no weight: the
idf over files plus a term's rarity among the chunks of the files that hold it (a filing
next to the manual does not change it), the candidates' average chunk length, and each
term's own average length (that of the chunks of the files holding it; "fileTokens").

Session 14 (statistics.json with "fileShare", "fileAvgdl", "termFiles", "fileSizes" and
"chunkFile"): statistics in which every file counts once (a term's document frequency as
the sum of the shares of each file's chunks holding it; the mean of the files' mean chunk
lengths), over the whole knowledge base, and then over the files a question's candidates
come from (near_files: the vector top 10, 30 or 100), the form the index took
(CandidateFiles) being the files of the vector and keyword top 100 with shares + files.

Session 15 (session15): other fusions of the vector ranking with that keyword side
(distribution-based scaling, CombMNZ, each ranking's best first, a keyword weight), and
the keyword mode scored again over the files of its own rescored top n.
"""

import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import fusion as fu  # noqa: E402

K1, B = 1.2, 0.75
GROUPS = {"fb": ["fb/fb", "mixed/fb-kept"], "scifact": ["scifact/scifact", "mixed/scifact"],
          "ordqa": ["ordqa/ordqa", "mixed/ordqa"]}


def local_keyword(terms, row, tf, length):
    chunks, weights = candidates(terms, row)
    n = len(chunks)
    df = {t: sum(1 for c in chunks if tf[c][t]) for t in weights}
    return bm25(chunks, weights, tf, length, {t: idf(n, df[t]) for t in weights},
                sum(length[c] for c in chunks) / n)


def idf(n, df):
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def candidates(terms, row):
    """A question's candidates (its vector and keyword top 100) and its terms' weights."""
    chunks = {}
    for r in row["vector"] + row["keyword"]:
        chunks.setdefault(r["chunk"], r)
    weights = defaultdict(float)
    for term, weight in terms:
        weights[term] += weight
    return chunks, weights


def bm25(chunks, weights, tf, length, idfs, average):
    """The candidates ranked by BM25 with the given idfs and average length."""
    scores = {}
    for c in chunks:
        s = sum(w * idfs[t] * tf[c][t] / (tf[c][t] + K1 * (1 - B + B * length[c] / average))
                for t, w in weights.items() if tf[c][t])
        if s > 0:
            scores[c] = s
    return [dict(chunks[c], score=scores[c]) for c in sorted(scores, key=lambda c: -scores[c])[:100]]


def mixed_keyword(terms, row, tf, length, statistics, how):
    """The candidates scored by BM25 with the knowledge base's average length and an idf
    from its document frequencies, the candidates' or both."""
    chunks, weights = candidates(terms, row)
    near = {t: idf(len(chunks), sum(1 for c in chunks if tf[c][t])) for t in weights}
    kb = {t: idf(statistics["n"], statistics["df"].get(t, 0)) for t in weights}
    idfs = {"global": kb, "max": {t: max(kb[t], near[t]) for t in weights},
            "sum": {t: kb[t] + near[t] for t in weights},
            "geometric mean": {t: math.sqrt(kb[t] * near[t]) for t in weights}}[how]
    return bm25(chunks, weights, tf, length, idfs, statistics["avgdl"])


def with_files(terms, row, tf, length, statistics, a):
    """The candidates scored by BM25 whose idf is the idf over the knowledge base's chunks
    plus a x the idf over its files."""
    chunks, weights = candidates(terms, row)
    idfs = {t: idf(statistics["n"], statistics["df"].get(t, 0))
            + a * idf(statistics["files"], statistics["fileDf"].get(t, 0)) for t in weights}
    return bm25(chunks, weights, tf, length, idfs, statistics["avgdl"])


def fuse(row, local, g, l):
    chunks = {}
    for r in row["vector"] + row["keyword"] + local:
        chunks.setdefault(r["chunk"], r)
    vector, keyword, near = (fu.scaled(x, "minmax") for x in (row["vector"], row["keyword"], local))
    scores = {c: vector.get(c, 0) + g * keyword.get(c, 0) + l * near.get(c, 0) for c in chunks}
    return fu.top_pages(row["question"], chunks, scores)


def figures(lists, ranking):
    by_set = defaultdict(list)
    for key, row in lists.items():
        by_set[key.rsplit("/", 1)[0]].append(fu.rank(row, ranking(key, row)))
    return {s: (sum(1 for r in ranks if r and r <= 5) / len(ranks), sum(1 / r for r in ranks if r) / len(ranks),
                len(ranks)) for s, ranks in by_set.items()}


def line(name, f):
    print(f"| {name} | " + " | ".join(f"{r:.3f} / {m:.3f}" for r, m, _ in f.values()) + " |")


def main():
    lists = json.loads(Path(sys.argv[1]).read_text())
    analysed = json.loads(Path(sys.argv[2]).read_text())
    tf = {c: Counter(t) for c, t in analysed["chunks"].items()}
    length = {c: len(t) for c, t in analysed["chunks"].items()}
    local = {k: local_keyword(analysed["questions"][k], row, tf, length) for k, row in lists.items()}
    today = figures(lists, lambda k, row: fuse(row, local[k], 1, 0))
    print("| R@5 / MRR@10 | " + " | ".join(today) + " |\n|" + "---|" * (len(today) + 1))
    line("hybrid today (vector + keyword)", today)
    line("keyword today", figures(lists, lambda k, row: row["keyword"]))
    line("local keyword", figures(lists, lambda k, row: local[k]))
    line("vector + local keyword", figures(lists, lambda k, row: fuse(row, local[k], 0, 1)))
    grid = [(g / 10, l / 10) for g in range(11) for l in range(11) if g + l]
    results = {w: figures(lists, lambda k, row: fuse(row, local[k], *w)) for w in grid}

    def worst(w, sets):  # the worst change in questions found (R@5), then the summed MRR change
        return (min(round((results[w][s][0] - today[s][0]) * today[s][2]) for s in sets),
                sum(results[w][s][1] - today[s][1] for s in sets))

    print("\nweights chosen leaving one corpus out (the worst change on the others, then MRR):")
    for held, sets in GROUPS.items():
        train = [s for g, ss in GROUPS.items() if g != held for s in ss]
        best = max(grid, key=lambda w: worst(w, train))
        print(f"  {held} held out: g = {best[0]}, l = {best[1]}; held out " + ", ".join(
            f"{s} {today[s][0]:.3f} / {today[s][1]:.3f} -> {results[best][s][0]:.3f} / {results[best][s][1]:.3f}"
            for s in sets))
    best = max(grid, key=lambda w: worst(w, [s for ss in GROUPS.values() for s in ss]))
    line(f"chosen on all corpora: g = {best[0]}, l = {best[1]}", results[best])
    if len(sys.argv) > 3:
        statistics = json.loads(Path(sys.argv[3]).read_text())
        chunk_file = statistics.pop("chunkFile", None)
        print()
        for how in ("global", "max", "sum", "geometric mean"):
            ranked = {k: mixed_keyword(analysed["questions"][k], row, tf, length, statistics[k.split("/")[0]], how)
                      for k, row in lists.items()}
            if how == "global":
                same = sum(1 for k, row in lists.items()
                           if ranked[k][:1] and row["keyword"][:1] and ranked[k][0]["chunk"] == row["keyword"][0]["chunk"])
                print(f"the knowledge base's statistics replayed give the service's keyword top 1 for {same} of "
                      f"{len(lists)} questions\n")
            line(f"keyword, idf {how}", figures(lists, lambda k, row: ranked[k]))
            line(f"hybrid, keyword idf {how}", figures(lists, lambda k, row: fuse({**row, "keyword": ranked[k]}, [], 1, 0)))
        print()
        for a in (0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3):
            ranked = {k: with_files(analysed["questions"][k], row, tf, length, statistics[k.split("/")[0]], a)
                      for k, row in lists.items()}
            line(f"hybrid, keyword idf over chunks + {a} x over files",
                 figures(lists, lambda k, row: fuse({**row, "keyword": ranked[k]}, [], 1, 0)))
        if all("fileChunks" in s for s in statistics.values()):
            print()
            session13(lists, analysed, tf, length, statistics)
        if all("fileShare" in s for s in statistics.values()):
            print()
            session14(lists, analysed, tf, length, statistics)
        if chunk_file and all("termFiles" in s for s in statistics.values()):
            print()
            near_files(lists, analysed, tf, length, statistics, chunk_file)
            print()
            session15(lists, analysed, tf, length, statistics, chunk_file)


def session13(lists, analysed, tf, length, statistics):
    """The mixed knowledge base's gap taken apart, and two forms without a weight."""

    def today(s, t):  # the index since session 12: idf over chunks + idf over files
        return idf(s["n"], s["df"].get(t, 0)) + idf(s["files"], s["fileDf"].get(t, 0))

    def within(s, t):  # idf over files + rarity among the chunks of the files holding t
        holding = s["fileChunks"].get(t, 0)
        return idf(s["files"], s["fileDf"].get(t, 0)) + (idf(holding, s["df"].get(t, 0)) if holding else 0)

    def own(key):  # the statistics of the knowledge base a question set comes from alone
        kb, qset = key.split("/")[:2]
        return statistics.get(qset, statistics[kb]) if kb == "mixed" and qset in ("scifact", "ordqa") else None

    def replay(name, how):
        ranked = {}
        for k, row in lists.items():
            chunks, weights = candidates(analysed["questions"][k], row)
            idfs, average = how(k, row, chunks, weights, statistics[k.split("/")[0]])
            if isinstance(average, dict):  # an average length per term
                ranked[k] = bm25_per_term(chunks, weights, tf, length, idfs, average)
            else:
                ranked[k] = bm25(chunks, weights, tf, length, idfs, average)
        line(f"keyword, {name}", figures(lists, lambda k, row: ranked[k]))
        line(f"hybrid, {name}", figures(lists, lambda k, row: fuse({**row, "keyword": ranked[k]}, [], 1, 0)))

    replay("today", lambda k, row, c, w, s: ({t: today(s, t) for t in w}, s["avgdl"]))
    replay("mixed with its own knowledge base's document frequencies",
           lambda k, row, c, w, s: ({t: today(own(k) or s, t) for t in w}, s["avgdl"]))
    replay("mixed with its own knowledge base's average length",
           lambda k, row, c, w, s: ({t: today(s, t) for t in w}, (own(k) or s)["avgdl"]))
    replay("mixed with its own knowledge base's statistics (both)",
           lambda k, row, c, w, s: ({t: today(own(k) or s, t) for t in w}, (own(k) or s)["avgdl"]))
    replay("idf over files + within the files holding the term",
           lambda k, row, c, w, s: ({t: within(s, t) for t in w}, s["avgdl"]))
    replay("average length of the candidates",
           lambda k, row, c, w, s: ({t: today(s, t) for t in w}, sum(length[x] for x in c) / len(c)))
    replay("each term's own average length (of the chunks of the files that hold it)",
           lambda k, row, c, w, s: ({t: today(s, t) for t in w},
                                    {t: s["fileTokens"][t] / s["fileChunks"][t] if s["fileChunks"].get(t) else s["avgdl"]
                                     for t in w}))


def session14(lists, analysed, tf, length, statistics):
    """Statistics in which every file counts once, whatever its size: the average chunk
    length as the mean of the files' mean chunk lengths, and a term's document frequency
    as the sum over files of the share of their chunks that hold it (of as many files)."""

    def chunks_idf(s, t):
        return idf(s["n"], s["df"].get(t, 0))

    def files_idf(s, t):
        return idf(s["files"], s["fileDf"].get(t, 0))

    def share_idf(s, t):
        return idf(s["files"], s["fileShare"].get(t, 0))

    def replay(name, term_idf, average):
        ranked = {}
        for k, row in lists.items():
            s = statistics[k.split("/")[0]]
            chunks, weights = candidates(analysed["questions"][k], row)
            ranked[k] = bm25(chunks, weights, tf, length, {t: term_idf(s, t) for t in weights}, average(s))
        line(f"keyword, {name}", figures(lists, lambda k, row: ranked[k]))
        line(f"hybrid, {name}", figures(lists, lambda k, row: fuse({**row, "keyword": ranked[k]}, [], 1, 0)))

    today = lambda s, t: chunks_idf(s, t) + files_idf(s, t)  # noqa: E731
    replay("today", today, lambda s: s["avgdl"])
    replay("average length over files", today, lambda s: s["fileAvgdl"])
    replay("idf of the files' shares + over files", lambda s, t: share_idf(s, t) + files_idf(s, t),
           lambda s: s["avgdl"])
    replay("both", lambda s, t: share_idf(s, t) + files_idf(s, t), lambda s: s["fileAvgdl"])
    replay("idf of the files' shares alone, average length over files", share_idf, lambda s: s["fileAvgdl"])
    replay("idf over chunks alone, average length over files", chunks_idf, lambda s: s["fileAvgdl"])
    print("\n" + "\n".join(f"{name}: avgdl {s['avgdl']:.1f}, over files {s['fileAvgdl']:.1f}, "
                            f"{s['n']} chunks, {s['files']} files" for name, s in statistics.items()))


def near_files(lists, analysed, tf, length, statistics, chunk_file):
    """BM25 statistics counted over the files the question's vector candidates come from
    (its sub-collection, found by meaning rather than named): chunks, files and length of
    those files only."""

    def replay(name, depth, form):
        ranked = {k: candidate_files(k, row, row["vector"][:depth] if depth else row["vector"] + row["keyword"],
                                     analysed, tf, length, statistics, chunk_file, form=form)
                  for k, row in lists.items()}
        line(f"keyword, {name}", figures(lists, lambda k, row: ranked[k]))
        line(f"hybrid, {name}", figures(lists, lambda k, row: fuse({**row, "keyword": ranked[k]}, [], 1, 0)))

    for depth in (10, 30, 100, None):
        for form in ("chunks+files", "shares+files", "chunks"):
            where = f"the vector top {depth}" if depth else "the vector and keyword top 100 (the index's form)"
            replay(f"over the files of {where}, idf {form}", depth, form)


def candidate_files(k, row, near, analysed, tf, length, statistics, chunk_file, candidates_of=None,
                    form="shares+files"):
    """The candidates scored by BM25 with the statistics of the files the `near` chunks
    come from: those files' chunks and average length, and a term's idf by `form` (the
    index's keyword side since session 14: "shares+files")."""
    s = statistics[k.split("/")[0]]
    files = {chunk_file[r["chunk"]] for r in near if r["chunk"] in chunk_file}
    sizes = [s["fileSizes"][f] for f in files if f in s["fileSizes"]]
    n, nf = sum(c for c, _ in sizes), len(sizes)
    chunks, weights = candidates(analysed["questions"][k], candidates_of or row)
    idfs = {}
    for t in weights:
        holding = {f: c for f, c in s["termFiles"].get(t, {}).items() if f in files}
        df = sum(holding.values())
        share = sum(c / s["fileSizes"][f][0] for f, c in holding.items())
        idfs[t] = {"chunks+files": idf(n, df) + idf(nf, len(holding)),
                   "shares+files": idf(nf, share) + idf(nf, len(holding)),
                   "chunks": idf(n, df)}[form]
    return bm25(chunks, weights, tf, length, idfs, sum(t for _, t in sizes) / max(n, 1))


def session15(lists, analysed, tf, length, statistics, chunk_file):
    """Fusions of the vector ranking with the candidate-file keyword side (the service
    since session 14), and the keyword mode scored again over the files of its own
    rescored top n."""
    import statistics as st
    kept = {k: candidate_files(k, row, row["vector"] + row["keyword"], analysed, tf, length, statistics, chunk_file)
            for k, row in lists.items()}

    def scaled(ranking, how):
        scores = [r["score"] for r in ranking]
        if how == "minmax":
            return fu.scaled(ranking, "minmax")
        mean, sd = st.mean(scores), st.pstdev(scores)
        low, high = (mean - how * sd, mean + how * sd) if how > 0 else (mean + how * sd, max(scores))
        return {r["chunk"]: (r["score"] - low) / (high - low) if high > low else 1.0 for r in ranking}

    def fused(row, keyword, vector_scale="minmax", keyword_scale="minmax", keyword_weight=1, mnz=False):
        chunks = {}
        for r in row["vector"] + keyword:
            chunks.setdefault(r["chunk"], r)
        v, kw = scaled(row["vector"], vector_scale), scaled(keyword, keyword_scale)
        scores = {c: (v.get(c, 0) + keyword_weight * kw.get(c, 0)) * ((c in v) + (c in kw) if mnz else 1)
                  for c in chunks}
        return fu.top_pages(row["question"], chunks, scores)

    def leaders(row, keyword):
        top = fused(row, keyword)
        asked = fu.question_years(row["question"])

        def adjusted(r):
            return r["score"] * (0.5 if asked and not any(y in asked for y in fu.years(r.get("text", ""))) else 1)
        lead = []
        for ranking in (row["vector"], keyword):
            best = max(ranking, key=adjusted) if ranking else None
            if best and all((x["doc"], x["page"]) != (best["doc"], best["page"]) for x in lead):
                lead.append(best)
        place = {(x["doc"], x["page"]): i for i, x in enumerate(top)}
        lead.sort(key=lambda r: place.get((r["doc"], r["page"]), 99))
        return (lead + [x for x in top if all((x["doc"], x["page"]) != (y["doc"], y["page"]) for y in lead)])[:10]

    print("| fusion with the candidate-file keyword side | " + " | ".join(figures(lists, lambda k, row: kept[k]))
          + " |\n|" + "---|" * 7)
    for name, options in (("today: min-max, 1 : 1", {}), ("vector mean ± 3σ", {"vector_scale": 3}),
                          ("vector mean ± 2σ", {"vector_scale": 2}), ("vector mean ± 4σ", {"vector_scale": 4}),
                          ("vector mean − 3σ to its best", {"vector_scale": -3}),
                          ("both mean ± 3σ", {"vector_scale": 3, "keyword_scale": 3}),
                          ("CombMNZ", {"mnz": True}), ("keyword weight 1.2", {"keyword_weight": 1.2})):
        line(name, figures(lists, lambda k, row: fused(row, kept[k], **options)))
    line("each ranking's best first", figures(lists, lambda k, row: leaders(row, kept[k])))
    first = {k: candidate_files(k, row, row["keyword"], analysed, tf, length, statistics, chunk_file,
                                {"vector": [], "keyword": row["keyword"]}) for k, row in lists.items()}
    line("keyword mode (files of the keyword top 100)", figures(lists, lambda k, row: first[k]))
    for n in (10, 20, 30, 50):
        again = {k: candidate_files(k, row, first[k][:n], analysed, tf, length, statistics, chunk_file,
                                    {"vector": [], "keyword": row["keyword"]}) for k, row in lists.items()}
        line(f"keyword mode, again over the files of its top {n}", figures(lists, lambda k, row: again[k]))


def bm25_per_term(chunks, weights, tf, length, idfs, averages):
    """BM25 whose length normalisation takes each term's own average length."""
    scores = {}
    for c in chunks:
        s = sum(w * idfs[t] * tf[c][t] / (tf[c][t] + K1 * (1 - B + B * length[c] / averages[t]))
                for t, w in weights.items() if tf[c][t])
        if s > 0:
            scores[c] = s
    return [dict(chunks[c], score=scores[c]) for c in sorted(scores, key=lambda c: -scores[c])[:100]]


if __name__ == "__main__":
    main()
