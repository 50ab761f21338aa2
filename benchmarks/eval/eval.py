#!/usr/bin/env python3
"""One evaluation over several corpora, end to end over HTTP (issue 20; python3 standard library only).

Usage, from the repository root, after ./mvnw -B -q -pl api -am -DskipTests package:

    python3 benchmarks/eval/eval.py [--keep-data DIR] [--out FILE.json] [--only fb,scifact,ordqa,mixed]
                                    [--chat-limit N] [--data DIR] [--rerank-url URL [--rerank-model M]]
    python3 benchmarks/eval/compare.py BEFORE.json AFTER.json

It starts api/target/ragchat.jar (a copy) on a free loopback port (a throw-away data dir, or
--keep-data DIR, which is re-used: knowledge bases already there are not uploaded again),
creates four knowledge bases through the API and waits until every document is READY or
FAILED:

  fb       the 40 FinanceBench dev filings (PDF)
  scifact  210 SciFact abstracts, one Markdown file each: the abstracts relevant to the first
           60 claims of qrels/train.tsv, then distractors in corpus order (no abstract that is
           relevant to any train claim)
  ordqa    the 288 sections of the OpenROAD documentation of ORD-QA (Markdown)
  mixed    the same 210 + 288 files and the filings of every other FinanceBench company

Then, for each knowledge base and each question set of it, the service scores the questions
itself: every figure below is a total of an evaluation run (POST
/api/v1/knowledge-bases/{kb}/evaluations, docs/api.md#evaluations), so that the product and
this benchmark cannot disagree. On the answerable questions, one run per search mode (hybrid,
vector, keyword) at top k 10: recall@5, recall@10 and MRR@10 of the gold (FinanceBench: the
evidence page of the evidence document, within a chunk's [page, pageEnd]; SciFact and ORD-QA:
a gold document), and for FinanceBench the right filing in the top 5 (document recall@5). Then
one run per question set with a chat session's default settings (hybrid, top 5): grounded
rate, "cites gold" (an answer with a citation on a gold page or document) and "citations gold"
(of all citations, the share that are) on answerable questions, refusal rate (grounded: false)
on unanswerable ones (other corpora's questions; SciFact claims whose abstracts are not
ingested; FinanceBench questions about companies left out of mixed). From the runs' answers it
adds what only it knows: "cites gold found by search" (cites gold among the questions whose
gold hybrid search ranks in its top 5), the gold number in the answer, the citation on the
right filing and the reference terms. Timings are the runs' in-service answer times (no HTTP
round trip). It prints one markdown table, a table of ingestion and latency, the places where
hybrid falls behind its better part by more than one question, the small-document figures of
the mixed knowledge base that are more than 0.03 below the same documents alone, and writes
every figure and every question's outcome (with the evaluation runs' ids) as JSON (--out) for
compare.py. qrels/test.tsv of SciFact is never read.

Per knowledge base, it also counts the citation quotes that end at an initial or an
abbreviation ("... General Robert E.", "... by Gen."): a sentence cut where it goes on.

With --corpus NAME=DIR (and NAME in --only), one more knowledge base: a directory of the
layout the held-out corpora use (docs/<id>.<ext>, questions.jsonl with id, question,
gold_doc_ids and, optionally, a reference answer; a question without gold documents is
one the corpus does not answer), with 15 SciFact claims and 15 FinanceBench questions as
unanswerable (benchmarks/eval/site.py renders a Markdown corpus of that layout as a
documentation website). Where a reference answer names identifiers or options
(set_io_pin_constraint, -global_routing; ORD-QA's answers do), "reference terms" is the
mean share of them that the answer holds: whether it quotes the passage that answers, not
only cites its document.

With --rerank-url the started jar reranks (-Dragchat.rerank.url=URL, and -Dragchat.rerank.model
with --rerank-model): /search hybrid and /messages go through the reranker, and the run is
labelled with it (the tables' first line, config.rerank in the JSON); compare.py then sets a
run without against a run with it. --chat-limit 0 runs the search-mode runs only.
"""

import argparse
import json
import os
import re
import signal
import sys
import tempfile
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ragchat_bench import (JAVA_OPTS, MODES, ROOT, Api, ask, company, connect, write_result, create_key,  # noqa: E402
                           default_java, doc_name, f3, git_commit, has_number, ingest, load_questions,
                           loadavg, ms, percentile, rate, say, search)

KNOWLEDGE_BASES = ("fb", "scifact", "ordqa", "mixed")
SCIFACT_CLAIMS, SCIFACT_FILES, SCIFACT_HELD_OUT = 60, 210, 30
TOP_K = 10


def spread(items, count):
    """count items spread evenly over the list, first included (deterministic)."""
    return [items[i * len(items) // count] for i in range(count)] if len(items) > count else list(items)


# --------------------------------------------------------------------------- the corpora

def financebench(data):
    """FinanceBench questions: gold = an evidence page of the evidence document."""
    out = []
    for q in load_questions(data / "financebench-dev"):
        out.append({"id": q["id"], "corpus": "fb", "question": q["question"], "doc": q["doc"],
                    "company": company(q["doc"]),
                    "goldPages": [{"doc": e["doc"], "page": e["page"]} for e in q["evidence"]],
                    "goldDocs": sorted({e["doc"] for e in q["evidence"]}), "goldNumber": q["gold_number"]})
    return out


def scifact(data):
    """The SciFact selection (from corpus.jsonl, queries.jsonl and qrels/train.tsv only)."""
    root = data / "scifact"
    relevant = {}
    with open(root / "qrels/train.tsv") as f:
        next(f)  # header
        for line in f:
            query, doc, score = line.split("\t")
            if int(score) > 0:
                relevant.setdefault(int(query), set()).add(doc)
    claims = {}
    with open(root / "queries.jsonl") as f:
        for line in f:
            q = json.loads(line)
            claims[int(q["_id"])] = q["text"]
    corpus = []
    with open(root / "corpus.jsonl") as f:
        for line in f:
            d = json.loads(line)
            corpus.append((d["_id"], d.get("title") or "", d.get("text") or ""))
    ordered = sorted(relevant)
    answerable = ordered[:SCIFACT_CLAIMS]
    gold = {doc for c in answerable for doc in relevant[c]}
    any_relevant = {doc for docs in relevant.values() for doc in docs}
    chosen = [d for d in corpus if d[0] in gold]
    for d in corpus:
        if len(chosen) >= SCIFACT_FILES:
            break
        if d[0] not in any_relevant:
            chosen.append(d)
    ingested = {d[0] for d in chosen}
    held_out = [c for c in ordered[SCIFACT_CLAIMS:] if not relevant[c] & ingested][:SCIFACT_HELD_OUT]

    def question(c):
        return {"id": f"scifact-{c}", "corpus": "scifact", "question": claims[c], "goldDocs": sorted(relevant[c])}

    return {"files": chosen, "answerable": [question(c) for c in answerable],
            "heldOut": [question(c) for c in held_out]}


# a reference answer's terms that an answer quoting the right passage holds as they are:
# identifiers (set_io_pin_constraint, OPENROAD_EXE) and options (-global_routing)
REFERENCE_TERM = re.compile(r"(?<![\w-])(-[A-Za-z][\w-]*|[A-Za-z][A-Za-z0-9]*_[\w]+)")


def reference_terms(answer):
    return sorted(set(REFERENCE_TERM.findall(answer or "")))


# abbreviations that stand before a name, a number or an example, so never end a sentence
CUT_ABBREVIATIONS = {"Gen.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "No.", "Inc.", "e.g.", "i.e.", "vs."}


def cut_at_abbreviation(quote):
    """Whether a quote ends at an initial (a capital letter and a period: "Robert E.",
    "(B.A.J. or B.", not "the U.S.") or an abbreviation ("Gen.", "e.g."), markers aside."""
    words = re.sub(r"(\s*\[\d+])+\s*$", "", quote or "").split()
    last = words[-1].lstrip("([\"'“‘") if words else ""
    return bool(re.fullmatch(r"[A-Z]\.", last)) or last in CUT_ABBREVIATIONS


def ordqa(data):
    answerable, _, files = generic("ordqa", data / "ordqa-openroad")
    return answerable, files


def generic(name, root):
    """A corpus of the held-out layout: docs/<id>.<ext> and questions.jsonl (id, question,
    gold_doc_ids; a question with no gold document is one the corpus does not answer)."""
    answerable, unanswerable = [], []
    with open(root / "questions.jsonl") as f:
        for line in f:
            q = json.loads(line)
            row = {"id": q["id"], "corpus": name, "question": q["question"], "goldDocs": q.get("gold_doc_ids") or [],
                   "referenceTerms": reference_terms(q.get("answer"))}
            (answerable if row["goldDocs"] else unanswerable).append(row)
    return answerable, unanswerable, sorted(p for p in (root / "docs").iterdir() if p.is_file())


def write_scifact(files, directory):
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for doc, title, text in files:
        path = directory / f"{doc}.md"
        path.write_text(f"# {title}\n\n{text}\n")
        paths.append(path)
    return paths


def plan(data, work, corpora=None):
    """The knowledge bases (their files) and their question sets, all deterministic; with
    corpora ({name: directory} of the held-out layout), one more knowledge base each: its
    answerable questions, its unanswerable ones if it has any, 15 SciFact claims and 15
    FinanceBench questions (spread)."""
    fb = financebench(data)
    pdfs = sorted((data / "financebench-dev/pdfs").glob("*.pdf"))
    companies = sorted({company(p.stem) for p in pdfs})
    kept = set(companies[0::2])
    sf = scifact(data)
    od, od_files = ordqa(data)
    sf_files = write_scifact(sf["files"], work / "scifact")

    def qset(key, title, kind, questions):
        return {"key": key, "title": title, "kind": kind, "questions": questions}

    kbs = {
        "fb": {"files": pdfs, "sets": [
            qset("fb", "FinanceBench", "answerable", fb),
            qset("scifact", "SciFact claims", "unanswerable", spread(sf["answerable"], 15)),
            qset("ordqa", "ORD-QA", "unanswerable", spread(od, 15))]},
        "scifact": {"files": sf_files, "sets": [
            qset("scifact", "SciFact claims", "answerable", sf["answerable"]),
            qset("scifact-held-out", "SciFact claims, abstracts not ingested", "unanswerable", sf["heldOut"]),
            qset("ordqa", "ORD-QA", "unanswerable", spread(od, 10)),
            qset("fb", "FinanceBench", "unanswerable", spread(fb, 10))]},
        "ordqa": {"files": od_files, "sets": [
            qset("ordqa", "ORD-QA", "answerable", od),
            qset("scifact", "SciFact claims", "unanswerable", spread(sf["answerable"], 15)),
            qset("fb", "FinanceBench", "unanswerable", spread(fb, 15))]},
        "mixed": {"files": [p for p in pdfs if company(p.stem) in kept] + sf_files + od_files, "sets": [
            qset("scifact", "SciFact claims", "answerable", sf["answerable"]),
            qset("ordqa", "ORD-QA", "answerable", od),
            qset("fb-kept", "FinanceBench, companies in it", "answerable",
                 [q for q in fb if q["company"] in kept]),
            qset("fb-left-out", "FinanceBench, companies left out", "unanswerable",
                 [q for q in fb if q["company"] not in kept])]},
    }
    for name, root in (corpora or {}).items():
        answerable, unanswerable, files = generic(name, Path(root))
        kbs[name] = {"files": files, "sets": [qset(name, name, "answerable", answerable)]
                     + ([qset(f"{name}-unanswerable", f"{name}, not answered by it", "unanswerable", unanswerable)]
                        if unanswerable else [])
                     + [qset("scifact", "SciFact claims", "unanswerable", spread(sf["answerable"], 15)),
                        qset("fb", "FinanceBench", "unanswerable", spread(fb, 15))]}
    config = {"fbPdfs": len(pdfs), "mixedCompanies": sorted(kept), "leftOutCompanies": sorted(set(companies) - kept),
              "scifactFiles": [d[0] for d in sf["files"]],
              "scifactClaims": [q["id"] for q in sf["answerable"]],
              "scifactHeldOut": [q["id"] for q in sf["heldOut"]], "ordqaFiles": len(od_files)}
    return kbs, config


# --------------------------------------------------------------------------- measuring

def golden_line(q, answerable):
    """A question as a line of the evaluations API's golden set: its gold pages (FinanceBench,
    with the evidence document) or gold documents, or, unanswerable, one to refuse."""
    line = {"id": q["id"], "question": q["question"]}
    if not answerable:
        line["refuse"] = True
    elif "goldPages" in q:
        line["documents"] = [q["doc"]]
        line["pages"] = [{"document": g["doc"], "page": g["page"]} for g in q["goldPages"]]
    else:
        line["documents"] = q["goldDocs"]
    return line


def evaluate(api, key, kb, questions, answerable, params):
    """Runs the questions through POST /api/v1/knowledge-bases/{kb}/evaluations (the service
    scores them) and waits for the run's end. Returns (the run, its questions' results in order)."""
    body = "\n".join(json.dumps(golden_line(q, answerable)) for q in questions).encode()
    run, _ = api.ok("POST", f"/api/v1/knowledge-bases/{kb}/evaluations?{urlencode(params)}", body,
                    headers={"X-API-Key": key}, content_type="application/x-ndjson")
    while run["status"] in ("QUEUED", "RUNNING"):
        time.sleep(1)
        run, _ = api.ok("GET", run["url"], headers={"X-API-Key": key})
    if run["status"] != "DONE":
        raise RuntimeError(f"evaluation {run['id']} ended {run['status']}: {run.get('error')}")
    results = []
    while len(results) < run["total"]:
        page, _ = api.ok("GET", f"{run['questionsUrl']}?offset={len(results)}&limit=500", headers={"X-API-Key": key})
        if not page["questions"]:
            raise RuntimeError(f"evaluation {run['id']}: {len(results)} of {run['total']} results")
        results += page["questions"]
    assert [r["id"] for r in results] == [q["id"] for q in questions], "results out of the golden set's order"
    return run, results


def measure_search(api, key, kb, docs, questions, record, totals):
    """One evaluation run per mode at top 10: the ranks of the gold (FinanceBench: the evidence
    page, within a chunk's pages; else a gold document) and of the right filing come from the
    service's scores, the figures from the run's totals."""
    for mode in MODES:
        run, results = evaluate(api, key, kb, questions, True, {"mode": mode, "topK": TOP_K, "name": f"search {mode}"})
        totals.setdefault("search", {})[mode] = run["totals"]
        for q, r in zip(questions, results):
            scores = r["scores"]
            outcome = {"rank": scores["pageRank"] if "goldPages" in q else scores["documentRank"],
                       "ms": r["latencyMillis"], "evaluation": run["id"],
                       "top": [f"{docs.get(f['documentId'], doc_name(f['filename']))}:{f['page']}"
                               + (f"-{f['pageEnd']}" if f["pageEnd"] != f["page"] else "") for f in r["found"][:TOP_K]]}
            if "doc" in q:  # FinanceBench: the right filing
                outcome["docRank"] = scores["documentRank"]
            record[q["id"]].setdefault("search", {})[mode] = outcome


def measure_chat(api, key, kb, docs, questions, answerable, record, totals):
    """One evaluation run with the default settings of a chat session (hybrid, top 5, reranked
    when a reranker is configured): grounded, cites gold, citations gold and refused are the
    run's totals; the rest is read from its questions' answers."""
    if not questions:
        return
    run, results = evaluate(api, key, kb, questions, answerable, {"name": "chat"})
    totals["chat"] = run["totals"]
    for q, r in zip(questions, results):
        citations = [{"doc": docs.get(c["documentId"], doc_name(c["filename"])), "page": c["page"]}
                     for c in r["citations"]]
        quotes = [c.get("quote") for c in r["citations"] if c.get("quote")]
        outcome = {"grounded": bool(r["grounded"]), "ms": r["latencyMillis"], "evaluation": run["id"],
                   "answer": r["answer"], "citations": citations, "quotes": len(quotes),
                   "cutQuotes": [q for q in quotes if cut_at_abbreviation(q)]}
        if answerable:
            outcome["goldCitations"] = [c["expected"] for c in r["citations"]]
            outcome["citesGold"] = r["scores"]["citesExpected"]
            if q.get("referenceTerms"):
                answer = r["answer"] or ""
                outcome["referenceTerms"] = sum(t in answer for t in q["referenceTerms"]) / len(q["referenceTerms"])
            if "doc" in q:
                outcome["citesDoc"] = any(c["doc"] == q["doc"] for c in citations)
                if q.get("goldNumber") is not None:
                    outcome["goldNumber"] = has_number(r["answer"], q["goldNumber"])
        record[q["id"]]["chat"] = outcome


def warm_up(api, key, kb, questions, count):
    """Unrecorded requests first, so that a service that has just started (a re-run on kept
    data) is measured with its code compiled, like one that has just ingested."""
    say(f"warm-up: {count} searches per mode and {count} messages, not recorded (load {loadavg()})")
    for q in questions[:count]:
        for mode in MODES:
            search(api, key, kb, q["question"], mode, TOP_K, {})
        ask(api, key, kb, q["question"])


# --------------------------------------------------------------------------- figures

def figure(totals, name):
    """A figure of an evaluation run's totals as {value, hits, n}."""
    t = totals[name]
    return {"value": t["value"], "hits": t["hits"], "n": t["n"]}


def summarize_set(qset, record, totals):
    """The set's figures: the evaluation runs' totals (the service scores them), and the
    figures this benchmark adds from the questions' answers."""
    n = len(qset["questions"])
    out = {"title": qset["title"], "kind": qset["kind"], "n": n, "search": {}, "chat": {}}
    outcomes = [record[q["id"]] for q in qset["questions"]]
    pages = any("goldPages" in q for q in qset["questions"])
    level = "page" if pages else "document"
    if qset["kind"] == "answerable":
        for mode in MODES:
            t = totals["search"][mode]
            out["search"][mode] = {"R@5": figure(t, f"{level}RecallAt5"), "R@10": figure(t, f"{level}RecallAt10"),
                                   "MRR": figure(t, f"{level}Mrr")}
            if all("docRank" in o["search"][mode] for o in outcomes):
                out["search"][mode]["docTop5"] = figure(t, "documentRecallAt5")
    if "chat" not in totals:
        return out
    chats = [o["chat"] for o in outcomes if "chat" in o]
    t = totals["chat"]
    if qset["kind"] == "answerable":
        out["chat"] = {"grounded": figure(t, "grounded"), "citesGold": figure(t, "citesExpected"),
                       # of all the citations of the answers, the share on a gold page or document
                       "goldCitations": figure(t, "citationsExpected")}
        # of the questions whose gold hybrid search ranks in its top 5, the share whose
        # answer cites it (issue 20: chat cites what search found)
        figures = {"citesFound": rate([o["chat"]["citesGold"] for o in outcomes if "chat" in o
                                       and (o["search"]["hybrid"]["rank"] or 99) <= 5])}
        terms = [c["referenceTerms"] for c in chats if "referenceTerms" in c]
        if terms:
            # the mean share of the reference answer's identifiers and options the answer holds
            figures["referenceTerms"] = (sum(terms) / len(terms), None, len(terms))
        if chats and all("citesDoc" in c for c in chats):
            figures["citesDoc"] = rate([c["citesDoc"] for c in chats])
            figures["goldNumber"] = rate([c.get("goldNumber") for c in chats])
        out["chat"].update({k: {"value": v[0], "hits": v[1], "n": v[2]} for k, v in figures.items()})
    else:
        out["chat"] = {"refused": figure(t, "refused")}
    return out


def hybrid_flags(kb, key, summary):
    """Where hybrid is below its better part by more than one question."""
    flags = []
    if not summary["search"]:
        return flags
    n = summary["n"]
    for figure in ("R@5", "MRR"):
        hybrid = summary["search"]["hybrid"][figure]["value"]
        best_mode = max(("vector", "keyword"), key=lambda m: summary["search"][m][figure]["value"])
        best = summary["search"][best_mode][figure]["value"]
        if hybrid < best - 1 / n:
            flags.append({"knowledgeBase": kb, "set": key, "figure": figure, "hybrid": hybrid, "mode": best_mode,
                          "best": best, "n": n})
    return flags


def mixed_gaps(result, limit=0.03):
    """The small documents' figures on the mixed knowledge base that are more than `limit`
    below the same question set in a knowledge base of its own (issue 20's target)."""
    gaps = []
    kbs = result["knowledgeBases"]
    if "mixed" not in kbs:
        return gaps
    for key, mixed in kbs["mixed"]["sets"].items():
        alone = kbs.get(key, {}).get("sets", {}).get(key)
        if not alone or mixed["kind"] != "answerable":
            continue
        pairs = [(f"{mode} {name}", mixed["search"][mode][name], alone["search"][mode][name])
                 for mode in mixed["search"] for name in ("R@5", "MRR")]
        pairs += [(f"chat {name}", mixed["chat"][name], alone["chat"][name])
                  for name in ("grounded", "citesGold") if name in mixed["chat"] and name in alone["chat"]]
        for figure, m, a in pairs:
            if m["value"] is not None and a["value"] is not None and m["value"] < a["value"] - limit - 1e-9:
                gaps.append({"set": key, "figure": figure, "mixed": m["value"], "alone": a["value"]})
    return gaps


def flat_figures(result):
    """Every figure as {name: {value, n, kind}} for compare.py."""
    figures = {}
    for kb, r in result["knowledgeBases"].items():
        for key, s in r["sets"].items():
            for mode, fs in s["search"].items():
                for name, f in fs.items():
                    figures[f"{kb}/{key}/{mode}/{name}"] = {"value": f["value"], "n": f["n"],
                                                           "kind": "mean" if name == "MRR" else "rate"}
            for name, f in s["chat"].items():
                figures[f"{kb}/{key}/chat/{name}"] = {"value": f["value"], "n": f["n"],
                                                      "kind": "mean" if name == "referenceTerms" else "rate"}
        ing = r["ingestion"]
        figures[f"{kb}/ingestion/pagesPerSecond"] = {"value": ing["pagesPerSecond"], "n": ing["pages"],
                                                     "kind": "speed"}
        figures[f"{kb}/ingestion/failed"] = {"value": ing["failed"], "n": ing["documents"], "kind": "count"}
        if "cutQuotes" in r:  # quotes ending at an initial or an abbreviation: any more is worse
            figures[f"{kb}/chat/cutQuotes"] = {"value": r["cutQuotes"]["value"], "n": r["cutQuotes"]["n"],
                                               "kind": "count"}
        for name, lat in r["latency"].items():
            for p in ("p50", "p95"):
                # in-service answer times of the evaluation runs (not HTTP round trips)
                figures[f"{kb}/latency/evaluation-{name}/{p}ms"] = {"value": lat[p], "n": lat["n"], "kind": "ms"}
    return figures


# --------------------------------------------------------------------------- report

def cell(f):
    return "–" if f is None or f["value"] is None else f3(f["value"])


def pps(x):
    return "–" if x is None else f"{x:.2f}"


def count_cell(f):
    return "–" if f is None or f["value"] is None else f"{f3(f['value'])} ({f['hits']}/{f['n']})"


def tables(result):
    rerank = result["config"].get("rerank")
    reranker = (f"reranked by {rerank['url']}" + (f" ({rerank['model']})" if rerank["model"] else "")
                + (f", least score {rerank['minScore']}" if rerank.get("minScore") is not None else "")) if rerank \
        else "no reranker"
    lines = [f"Commit {result['commit']}, {result['started']}, {reranker}, loads {result['loads']}", "",
             "| KB | questions | n | hybrid R@5 | R@10 | MRR | vector R@5 | R@10 | MRR | keyword R@5 | R@10 | MRR |"
             " chat grounded | cites gold | cites gold found by search | citations gold | refused (n unanswerable) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    flagged = {(f["knowledgeBase"], f["set"], f["figure"]) for f in result["hybridFlags"]}
    for kb, r in result["knowledgeBases"].items():
        for key, s in r["sets"].items():
            row = [kb, f"{s['title']} ({'answerable' if s['kind'] == 'answerable' else 'unanswerable'})", str(s["n"])]
            for mode in MODES:
                fs = s["search"].get(mode, {})
                for name in ("R@5", "R@10", "MRR"):
                    mark = " ⚠" if mode == "hybrid" and (kb, key, name) in flagged else ""
                    row.append(cell(fs.get(name)) + mark)
            c = s["chat"]
            row += [count_cell(c.get("grounded")), count_cell(c.get("citesGold")), count_cell(c.get("citesFound")),
                    count_cell(c.get("goldCitations")), count_cell(c.get("refused"))]
            lines.append("| " + " | ".join(row) + " |")
    fb_rows = [(kb, key, s) for kb, r in result["knowledgeBases"].items() for key, s in r["sets"].items()
               if s["search"] and "docTop5" in s["search"]["hybrid"]]
    if fb_rows:
        lines += ["", "| KB | FinanceBench questions | n | right filing in top 5: hybrid | vector | keyword |"
                      " citation on the right filing | gold number in answer |",
                  "|---|---|---|---|---|---|---|---|"]
        for kb, key, s in fb_rows:
            lines.append(f"| {kb} | {s['title']} | {s['n']} | "
                         + " | ".join(cell(s["search"][m]["docTop5"]) for m in MODES)
                         + f" | {count_cell(s['chat'].get('citesDoc'))} | {count_cell(s['chat'].get('goldNumber'))} |")
    term_rows = [(kb, s) for kb, r in result["knowledgeBases"].items() for s in r["sets"].values()
                 if "referenceTerms" in s["chat"]]
    if term_rows:
        lines += ["", "| KB | questions | n (with identifiers or options in the reference answer) |"
                      " share of them the answer holds |", "|---|---|---|---|"]
        lines += [f"| {kb} | {s['title']} | {s['chat']['referenceTerms']['n']} | {cell(s['chat']['referenceTerms'])} |"
                  for kb, s in term_rows]
    lines += ["", "| KB | documents | failed | pages | chunks | ingestion s | pages/s | answer p50/p95 ms, top 10:"
                  " hybrid | vector | keyword | answer p50/p95 ms, chat settings | load after the questions |"
                  " quotes ending at an initial or abbreviation |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for kb, r in result["knowledgeBases"].items():
        ing, lat = r["ingestion"], r["latency"]
        seconds = f"{ing['catalogSeconds']:,.0f}" + ("" if ing["uploadedNow"] else " (earlier run)")
        lines.append(f"| {kb} | {ing['documents']} | {ing['failed']} | {ing['pages']:,} | {ing['chunks']:,} |"
                     f" {seconds} | {pps(ing['pagesPerSecond'])} | "
                     + " | ".join(f"{ms(lat[m]['p50'])} / {ms(lat[m]['p95'])}" if m in lat else "–"
                                  for m in (*MODES, "messages"))
                     + f" | {r['load']} | "
                     + (f"{r['cutQuotes']['value']} of {r['cutQuotes']['n']}" if "cutQuotes" in r else "–") + " |")
    if result["hybridFlags"]:
        lines += ["", "Hybrid below its better part by more than one question (⚠; target: hybrid never worse than"
                      " its parts):"]
        for f in result["hybridFlags"]:
            lines.append(f"- {f['knowledgeBase']} / {f['set']}: hybrid {f['figure']} {f3(f['hybrid'])} <"
                         f" {f['mode']} {f3(f['best'])} − 1/{f['n']}")
    else:
        lines += ["", "Hybrid is nowhere below its better part by more than one question."]
    gaps = mixed_gaps(result)
    if gaps:
        lines += ["", "Small documents next to the filings more than 0.03 below the same documents alone (target:"
                      " within 0.03):"]
        lines += [f"- {g['set']}: {g['figure']} {f3(g['mixed'])} mixed, {f3(g['alone'])} alone" for g in gaps]
    elif "mixed" in result["knowledgeBases"]:
        lines += ["", "Every small-document figure on the mixed knowledge base is within 0.03 of the same documents"
                      " alone."]
    failed = [(kb, d) for kb, r in result["knowledgeBases"].items() for d in r["ingestion"]["failedDocuments"]]
    if failed:
        lines += ["", f"FAILED documents ({len(failed)}):"]
        lines += [f"- {kb}: {d['filename']}: {d['error']}" for kb, d in failed]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared/data"),
                        help="the folder holding financebench-dev/, scifact/ and ordqa-openroad/")
    parser.add_argument("--only", default=",".join(KNOWLEDGE_BASES),
                        help="knowledge bases to ingest and measure, comma-separated (default: all four)")
    parser.add_argument("--corpus", action="append", default=[], metavar="NAME=DIR",
                        help="one more knowledge base: a directory of the held-out layout (docs/, questions.jsonl), "
                             "measured when --only names it")
    parser.add_argument("--chat-limit", type=int, help="at most this many /messages questions per question set")
    parser.add_argument("--url", help="a running service instead of starting the jar")
    parser.add_argument("--master-key", default=os.environ.get("RAGCHAT_MASTER_KEY"), help="its master key")
    parser.add_argument("--keep-data", metavar="DIR", help="keep (and re-use) the started service's data dir here")
    parser.add_argument("--jar", default=str(ROOT / "api/target/ragchat.jar"))
    parser.add_argument("--java", default=default_java())
    parser.add_argument("--java-opts", default=JAVA_OPTS)
    parser.add_argument("--warmup", type=int, default=10, help="unrecorded searches per mode and messages first")
    parser.add_argument("--upload-batch", type=int, default=25, help="files per upload request (at most 50 MB)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks/target/eval.json"))
    parser.add_argument("--rerank-url", help="start the jar with this reranker (ragchat.rerank.url)")
    parser.add_argument("--rerank-model", help="the reranker's model (ragchat.rerank.model)")
    parser.add_argument("--rerank-min-score", type=float,
                        help="the reranker as judge: the least score a chunk needs (ragchat.rerank.min-score)")
    args = parser.parse_args()
    if args.rerank_url:
        if args.url:
            sys.exit("--rerank-url configures the started jar; a service at --url keeps its own settings")
        args.java_opts += f" -Dragchat.rerank.url={args.rerank_url}"
        if args.rerank_model:
            args.java_opts += f" -Dragchat.rerank.model={args.rerank_model}"
        if args.rerank_min_score is not None:
            args.java_opts += f" -Dragchat.rerank.min-score={args.rerank_min_score}"
    elif args.rerank_min_score is not None:
        sys.exit("--rerank-min-score needs --rerank-url")

    corpora = dict(c.split("=", 1) for c in args.corpus)
    known = list(KNOWLEDGE_BASES) + [name for name in corpora if name not in KNOWLEDGE_BASES]
    only = [kb.strip() for kb in args.only.split(",") if kb.strip()]
    unknown = [kb for kb in only if kb not in known]
    if unknown:
        sys.exit(f"unknown knowledge bases {unknown}; known: {', '.join(known)}")
    only = [kb for kb in known if kb in only]
    data = Path(args.data)
    scratch = Path(tempfile.mkdtemp(prefix="ragchat-eval-files."))
    kbs, config = plan(data, scratch, corpora)
    result = {"commit": git_commit(), "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cores": os.cpu_count()},
              "config": {"data": str(data.resolve()), "only": only, "topK": TOP_K, "chatTopK": "default (5)",
                         "chatLimit": args.chat_limit, "warmup": args.warmup,
                         "rerank": ({"url": args.rerank_url, "model": args.rerank_model,
                                     "minScore": args.rerank_min_score}
                                    if args.rerank_url else None), **config},
              "knowledgeBases": {}}
    loads = [loadavg()]
    service = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        service, base, master_key = connect(args, result, "ragchat-eval.")
        api = Api(base)
        key = create_key(api, master_key, "eval")
        started = time.monotonic()
        ingested = {}
        for kb in only:
            ingested[kb] = ingest(api, key, kb, kbs[kb]["files"], args.upload_batch,
                                  description=f"issue 20 evaluation: {kb}")
        loads.append(loadavg())
        shutil.rmtree(scratch, ignore_errors=True)
        questions_started = time.monotonic()
        first = only[0]
        warm_up(api, key, ingested[first][0]["knowledgeBase"],
                [q for s in kbs[first]["sets"] for q in s["questions"]][::-1], args.warmup)
        outcomes = {}
        for kb in only:
            ingestion, docs = ingested[kb]
            kb_id = ingestion["knowledgeBase"]
            sets = kbs[kb]["sets"]
            # a record per set: a corpus's own questions and the other corpora's questions
            # added to it as unanswerable may share ids
            records = {s["key"]: {q["id"]: {"id": q["id"], "question": q["question"]} for q in s["questions"]}
                       for s in sets}
            answerable = [s for s in sets if s["kind"] == "answerable"]
            say(f"{kb}: search, {sum(len(s['questions']) for s in answerable)} questions × {len(MODES)} modes"
                f" (load {loadavg()})")
            totals = {s["key"]: {} for s in sets}
            for s in answerable:
                measure_search(api, key, kb_id, docs, s["questions"], records[s["key"]], totals[s["key"]])
            for s in sets:
                asked = s["questions"][:args.chat_limit] if args.chat_limit is not None else s["questions"]
                say(f"{kb}: chat, {s['title']} ({s['kind']}), {len(asked)} questions (load {loadavg()})")
                measure_chat(api, key, kb_id, docs, asked, s["kind"] == "answerable", records[s["key"]],
                             totals[s["key"]])
            every = [o for record in records.values() for o in record.values()]
            latency = {}
            for mode in MODES:
                values = [o["search"][mode]["ms"] for o in every if "search" in o]
                latency[mode] = {"p50": percentile(values, 50), "p95": percentile(values, 95), "n": len(values)}
            values = [o["chat"]["ms"] for o in every if "chat" in o]
            latency["messages"] = {"p50": percentile(values, 50), "p95": percentile(values, 95), "n": len(values)}
            summaries = {s["key"]: summarize_set(s, records[s["key"]], totals[s["key"]]) for s in sets}
            chats = [o["chat"] for o in every if "chat" in o]
            cut = [q for c in chats for q in c["cutQuotes"]]
            result["knowledgeBases"][kb] = {"ingestion": ingestion, "latency": latency, "load": loadavg(),
                                            "sets": summaries,
                                            "cutQuotes": {"value": len(cut), "n": sum(c["quotes"] for c in chats),
                                                          "examples": cut[:5]}}
            outcomes[kb] = {s["key"]: [records[s["key"]][q["id"]] for q in s["questions"]] for s in sets}
            say(f"{kb}: done (load {loadavg()})")
        loads.append(loadavg())
        result["seconds"] = {"total": round(time.monotonic() - started, 1),
                             "questions": round(time.monotonic() - questions_started, 1)}
        result["rateLimitRetries"] = api.retries_429
        result["loads"] = " → ".join(loads)
        result["hybridFlags"] = [f for kb, r in result["knowledgeBases"].items() for key, s in r["sets"].items()
                                 for f in hybrid_flags(kb, key, s)]
        result["figures"] = flat_figures(result)
        result["questions"] = outcomes
    finally:
        if service:
            service.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    out = write_result(args.out, result)
    print()
    print(tables(result))
    print()
    say(f"questions took {result['seconds']['questions']:.0f} s; every figure and question in {out}")


if __name__ == "__main__":
    main()
