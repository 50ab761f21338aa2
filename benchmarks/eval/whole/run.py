#!/usr/bin/env python3
"""Questions about the whole knowledge base, end to end over HTTP: item precision, recall, exact counts.

Issue 71, item 6 (python3 standard library only). Usage, from the repository root, after
./mvnw -B -q -pl api -am -DskipTests package:

    python3 benchmarks/eval/whole/run.py [--jar JAR] [--docs 2000] [--seed 42] [--keep-data DIR]
                                         [--out FILE.json] [--only planted,scifact] [--workers 1]
                                         [--raw FILE.jsonl] [--url URL --master-key KEY]

It generates the planted corpus (generate.py: --docs supplier contracts, seed --seed, with
truth.json and questions.json) under benchmarks/target/whole/, starts the jar (a copy) on a free
loopback port (a throw-away data dir, or --keep-data DIR, re-used: a knowledge base already
there is not uploaded again), makes two knowledge bases and waits until every document is
READY or FAILED:

  planted  whole-contracts-s<seed>-n<docs>: the generated contracts, 28 questions
  scifact  whole-scifact-300: the first 300 SciFact abstracts (../shared/data/scifact), 7
           questions whose golden lists were written by hand (scifact.json)

Each question is asked in a new chat session (POST /api/v1/sessions, then POST
/api/v1/sessions/{id}/messages); a follow-up (`follows` in questions.json) is asked in the
session of the question it follows, right after it. From each answer it takes the items:
those of `items` when the answer's `outcome` is `list` (the engine's answer to a question about
the whole knowledge base: items [{documentId, title, page, quote, citation, value?}], count,
scanned, truncated); otherwise the answer's citations, labelled "top-k fallback" (what the
service answers before it has that outcome: the count is then the number of documents cited).

Scoring (the README has the details): an item counts when its document's file name is in the
question's golden set (and, for a figure question, when its value is the golden value of that
document: `value`, or the quote when an item has no value); a document listed twice counts
once. Item precision and recall per question, their means over the questions (the goals)
and over all items; exact count (how-many questions: `count` equals the golden count);
figure values right; near-miss leakage (near-miss documents listed, of those the questions
name); truncated answers; round trip per question (p50, p95). Goals of the engine: precision
and recall >= 0.95 (means over the questions), exact count in >= 90 % of the how-many
questions, no near-miss document listed.
"""

import argparse
import json
import os
import re
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
from ragchat_bench import (JAVA_OPTS, ROOT, Api, connect, create_key, default_java, documents, f3,  # noqa: E402
                           git_commit, ingest, loadavg, percentile, say, write_result)
from eval import write_scifact  # noqa: E402
import generate  # noqa: E402
import mtrag  # noqa: E402

SETS = ("planted", "scifact", "ashcombe", "pellworth", "brambleford", "ledgerly", "marrowby")
FALLBACK = "top-k fallback"
GOALS = {"precision": 0.95, "recall": 0.95, "exactCount": 0.90}
SCIFACT_DOCS = 300


def default_scifact():
    for root in (ROOT.parent, *ROOT.parents):
        candidate = root / "shared/data/scifact"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared/data/scifact"


# --------------------------------------------------------------------------- the sets

def planted(args, work):
    """The generated contracts and their questions (generated again: deterministic and fast)."""
    folder = work / f"contracts-s{args.seed}-n{args.docs}"
    generate.generate(folder, args.docs, args.seed)
    questions = json.loads((folder / "questions.json").read_text())["questions"]
    return {"name": "planted", "kb": f"whole-contracts-s{args.seed}-n{args.docs}",
            "description": f"generated supplier contracts, seed {args.seed}",
            "files": sorted((folder / "docs").glob("*.md")), "questions": questions, "corpus": str(folder)}


def scifact(args, work):
    """The first 300 SciFact abstracts, one Markdown file each, and the hand-written questions."""
    data = Path(args.scifact)
    if not (data / "corpus.jsonl").is_file():
        sys.exit(f"no corpus.jsonl in {data} (--scifact)")
    abstracts = []
    with open(data / "corpus.jsonl") as f:
        for line in f:
            if len(abstracts) == SCIFACT_DOCS:
                break
            d = json.loads(line)
            abstracts.append((d["_id"], d.get("title") or "", d.get("text") or ""))
    files = write_scifact(abstracts, work / f"scifact-{SCIFACT_DOCS}")
    spec = json.loads((HERE / "scifact.json").read_text())
    questions = []
    for q in spec["questions"]:
        row = {k: v for k, v in q.items() if k not in ("gold", "nearMiss", "ambiguous", "method")}
        row.update({"gold": [f"{i}.md" for i in q["gold"]], "count": len(q["gold"]),
                    "nearMiss": [f"{i}.md" for i in q["nearMiss"]],
                    "ambiguous": [f"{i}.md" for i in q.get("ambiguous", [])]})
        questions.append(row)
    return {"name": "scifact", "kb": f"whole-scifact-{SCIFACT_DOCS}", "description": spec["selection"],
            "files": files, "questions": questions, "corpus": str(data.resolve())}


def suite_set(name):
    """Pages of one of our conversation suites and questions written by hand about them (NAME.json)."""
    folder = ROOT / f"benchmarks/eval/conversations-{name}/docs"
    spec = json.loads((HERE / f"{name}.json").read_text())
    questions = []
    for q in spec["questions"]:
        row = {k: v for k, v in q.items() if k != "method"}
        row.update({"count": len(q["gold"]), "ambiguous": q.get("ambiguous", [])})
        questions.append(row)
    return {"name": name, "kb": f"whole-{name}", "description": spec["selection"],
            "files": sorted(folder.glob("*.md")), "questions": questions, "corpus": str(folder)}


def ashcombe(args, work):
    """The Ashcombe University pages of the conversation suite, and questions about its halls (ashcombe.json)."""
    return suite_set("ashcombe")


def pellworth(args, work):
    """The Pellworth leaflets and pharmacy pages of the conversation suite, and their questions (pellworth.json)."""
    return suite_set("pellworth")


def brambleford(args, work):
    """The Brambleford nursery's care sheets and pages of the conversation suite, and their questions
    (brambleford.json)."""
    return suite_set("brambleford")


def ledgerly(args, work):
    """The Ledgerly help-centre pages of the conversation suite, and their questions (ledgerly.json)."""
    return suite_set("ledgerly")


def marrowby(args, work):
    """The Marrowby council's waste and recycling pages of the conversation suite, and their questions
    (marrowby.json)."""
    return suite_set("marrowby")


LOADERS = {"planted": planted, "scifact": scifact, "ashcombe": ashcombe, "pellworth": pellworth,
           "brambleford": brambleford, "ledgerly": ledgerly, "marrowby": marrowby}


def chains(questions):
    """The questions in conversations: each follow-up after the question it follows."""
    out, where = [], {}
    for q in questions:
        if q.get("follows"):
            chain = where[q["follows"]]
        else:
            chain = []
            out.append(chain)
        chain.append(q)
        where[q["id"]] = chain
    return out


# --------------------------------------------------------------------------- values

WORD_NUMBERS = {"one hundred and eighty": 180, "one hundred and twenty": 120, "forty-five": 45, "fourteen": 14,
                "thirty": 30, "sixty": 60, "ninety": 90}
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
CURRENCY_WORDS = {"EUR": ("eur", "€", "euro"), "GBP": ("gbp", "£", "pound"), "USD": ("usd", "$", "dollar"),
                  "NOK": ("nok", "norwegian krone"), "SEK": ("sek", "swedish kron"), "DKK": ("dkk", "danish kron")}


def numbers(text):
    text = text or ""
    found = [int(m.group(1).replace(",", "")) for m in NUMBER.finditer(text)]
    lower = text.lower()
    for words, n in WORD_NUMBERS.items():
        if words in lower:
            found.append(n)
            lower = lower.replace(words, " ")
    return found


def normal(text):
    return " ".join(re.sub(r"[^\w]+", " ", (text or "").casefold()).split())


def value_text(value):
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def value_right(kind, golden, text):
    """Whether a text (an item's value, else its quote) gives the golden value."""
    if not text:
        return False
    if kind == "days":
        return golden in numbers(text)
    if kind == "money":
        lower = text.lower()
        return golden["amount"] in numbers(text) and any(w in lower for w in CURRENCY_WORDS[golden["currency"]])
    if kind == "name":
        base = " ".join(golden.split()[:2])  # the name without its legal form (AS, Ltd, B.V.)
        return normal(base) in normal(text)
    if kind == "place":
        adjective = generate.PLACES[golden][0]
        lower = text.casefold()
        return any(w.casefold() in lower for w in (golden.removeprefix("the "), adjective))
    raise ValueError(kind)


# --------------------------------------------------------------------------- answers

def read(status, body, files_by_id):
    """What one answer gives: its items (of `items` with outcome list, else of its citations)."""
    if status != 200 or not isinstance(body, dict):
        return {"status": status, "error": body if isinstance(body, (str, dict)) else None, "mode": None,
                "items": [], "count": None}
    listed = body.get("outcome") == "list"
    raw = (body.get("items") if listed else body.get("citations")) or []
    items = [{"file": files_by_id.get(it.get("documentId")) or it.get("filename"), "page": it.get("page"),
              "value": it.get("value"), "quote": it.get("quote") or it.get("snippet")} for it in raw]
    count = body.get("count") if listed else len({i["file"] for i in items})
    return {"status": status, "mode": "list" if listed else FALLBACK, "outcome": body.get("outcome"),
            "grounded": body.get("grounded"), "refusal": (body.get("refusal") or {}).get("reason"),
            "count": count, "scanned": body.get("scanned"), "truncated": body.get("truncated"), "items": items,
            "answer": (body.get("answer") or "")[:400]}


def score(q, got):
    """A question's figures from what its answer gave."""
    gold, near = set(q["gold"]), set(q.get("nearMiss") or [])
    ambiguous = set(q.get("ambiguous") or [])
    listed = list(dict.fromkeys(i["file"] for i in got["items"]))
    scored = [f for f in listed if f not in ambiguous]
    kind, values = q.get("valueKind"), q.get("values") or {}
    right, wrong_value, from_quote = [], [], 0
    for f in scored:
        if f not in gold:
            continue
        if not kind:
            right.append(f)
            continue
        of = [i for i in got["items"] if i["file"] == f]
        with_value = [i for i in of if value_text(i["value"])]
        texts = [value_text(i["value"]) for i in with_value] or [i["quote"] for i in of]
        from_quote += not with_value
        (right if any(value_right(kind, values[f], t) for t in texts) else wrong_value).append(f)
    leaked = [f for f in scored if f in near]
    row = {"items": len(scored), "duplicates": len(got["items"]) - len(listed), "right": len(right),
           "gold": len(gold), "precision": round(len(right) / len(scored), 4) if scored else None,
           "recall": round(len(right) / len(gold), 4) if gold else None,
           "missed": sorted(gold - set(right) - set(wrong_value))[:20],
           "wrong": [f for f in scored if f not in gold][:20],
           "nearMiss": len(near), "nearMissListed": leaked}
    if kind:
        row["wrongValue"] = wrong_value
        row["valuesFromQuote"] = from_quote
    if q["kind"] == "howMany":
        row["exactCount"] = got.get("count") == len(gold)
    return row


class Asker(mtrag.Asker):
    """Asks the conversations with a few threads, each with its own keep-alive connection
    (mtrag.py's, whose api() gives each thread its own)."""

    def __init__(self, base, key, workers, raw):
        super().__init__(base, key, workers)
        self.raw = open(raw, "a") if raw else None

    def chain(self, qset, chain, files_by_id, total):
        api = self.api()
        session, _ = api.ok("POST", "/api/v1/sessions", {"knowledgeBase": qset["kbId"]},
                            headers={"X-API-Key": self.key})
        rows = []
        for q in chain:
            status, body, seconds = api.request("POST", f"/api/v1/sessions/{session['sessionId']}/messages",
                                                {"message": q["question"]},
                                                headers={"Authorization": "Bearer " + session["token"]})
            if self.raw:
                with self.lock:
                    self.raw.write(json.dumps({"set": qset["name"], "id": q["id"], "status": status, "body": body},
                                              ensure_ascii=False) + "\n")
                    self.raw.flush()
            got = read(status, body, files_by_id)
            row = {"id": q["id"], "kind": q["kind"], "question": q["question"], "follows": q.get("follows"),
                   "ms": round(seconds * 1000, 1), **{k: got[k] for k in got if k != "items"},
                   "score": score(q, got)}
            rows.append(row)
            with self.lock:
                self.done += 1
                say(f"{qset['name']} {self.done}/{total} {q['id']}: {row['mode']}, {row['score']['items']} items"
                    f" of {row['score']['gold']} gold, {row['ms']:.0f} ms")
        return rows

    def all(self, qset, files_by_id):
        self.done = 0
        todo = chains(qset["questions"])
        with ThreadPoolExecutor(self.workers) as pool:
            done = list(pool.map(lambda c: self.chain(qset, c, files_by_id, len(qset["questions"])), todo))
        return [row for rows in done for row in rows]


# --------------------------------------------------------------------------- figures

def mean(values):
    values = [v for v in values if v is not None]
    return {"value": round(sum(values) / len(values), 4) if values else None, "n": len(values)}


def ratio(hits, n):
    return {"value": round(hits / n, 4) if n else None, "hits": hits, "n": n}


def figures(rows):
    # a question not answered (an HTTP error) lists nothing: it counts, with recall 0
    answered = [r for r in rows if r["status"] == 200]
    s = [r["score"] for r in rows]
    count_rows = [r for r in rows if r["kind"] == "howMany"]
    figure_rows = [x for x in s if "wrongValue" in x]
    near = [x for x in s if x["nearMiss"]]
    out = {
        "questions": len(rows), "answered": len(answered), "notAnswered": [r["id"] for r in rows if r not in answered],
        "modes": {m: sum(r["mode"] == m for r in answered) for m in ("list", FALLBACK)},
        "precision": mean(x["precision"] for x in s), "recall": mean(x["recall"] for x in s),
        "precisionAllItems": ratio(sum(x["right"] for x in s), sum(x["items"] for x in s)),
        "recallAllItems": ratio(sum(x["right"] for x in s), sum(x["gold"] for x in s)),
        "exactCount": ratio(sum(bool(r["score"].get("exactCount")) for r in count_rows), len(count_rows)),
        "figureValues": ratio(sum(x["right"] for x in figure_rows),
                              sum(x["right"] + len(x["wrongValue"]) for x in figure_rows)),
        "nearMissLeakage": ratio(sum(len(x["nearMissListed"]) for x in near), sum(x["nearMiss"] for x in near)),
        "questionsListingANearMiss": ratio(sum(bool(x["nearMissListed"]) for x in near), len(near)),
        "noItems": sum(x["items"] == 0 for x in s),
        "truncated": sum(bool(r.get("truncated")) for r in answered),
        "latencyMs": {"p50": percentile([r["ms"] for r in answered], 50),
                      "p95": percentile([r["ms"] for r in answered], 95), "n": len(answered)},
        "byKind": {},
    }
    for kind in ("which", "howMany", "list", "figure"):
        of = [r["score"] for r in rows if r["kind"] == kind]
        if of:
            out["byKind"][kind] = {"precision": mean(x["precision"] for x in of),
                                   "recall": mean(x["recall"] for x in of), "n": len(of)}
    out["goalsMet"] = goals_met(out)
    return out


def goals_met(f):
    checks = {"precision": (f["precision"]["value"] or 0) >= GOALS["precision"],
              "recall": (f["recall"]["value"] or 0) >= GOALS["recall"],
              "exactCount": (f["exactCount"]["value"] or 0) >= GOALS["exactCount"],
              "noNearMiss": f["nearMissLeakage"]["hits"] == 0}
    return {**checks, "all": all(checks.values())}


def cell_mean(m):
    return "–" if m["value"] is None else f"{f3(m['value'])} (n {m['n']})"


def cell_ratio(r):
    return "–" if r["value"] is None else f"{f3(r['value'])} ({r['hits']}/{r['n']})"


def table(result):
    sets = [s for s in SETS if s in result["sets"]]
    figs = {s: result["sets"][s]["figures"] for s in sets}
    heads = [f"{s} ({result['sets'][s]['ingestion']['documents']} docs, {figs[s]['questions']} questions)"
             for s in sets]
    lines = [f"Commit {result['commit']}, jar {result['config']['jar']}, {result['started']},"
             f" {result['machine']['cores']} cores, loads {result['loads']}", ""]
    if any(figs[s]["modes"][FALLBACK] for s in sets):
        lines += ["Answers without `outcome: list` are scored from their citations (top-k fallback): their"
                  " items are the documents cited, their count the number of those.", ""]
    lines += ["| figure | " + " | ".join(heads) + " |", "|---" * (len(sets) + 1) + "|"]
    rows = [
        ("answered as `list` / top-k fallback", lambda f: f"{f['modes']['list']} / {f['modes'][FALLBACK]}"),
        ("item precision, mean per question (goal ≥ 0.95)", lambda f: cell_mean(f["precision"])),
        ("item recall, mean per question (goal ≥ 0.95)", lambda f: cell_mean(f["recall"])),
        ("item precision, all items", lambda f: cell_ratio(f["precisionAllItems"])),
        ("item recall, all items", lambda f: cell_ratio(f["recallAllItems"])),
        ("exact count, how-many questions (goal ≥ 0.90)", lambda f: cell_ratio(f["exactCount"])),
        ("values right (golden documents listed with a value asked)", lambda f: cell_ratio(f["figureValues"])),
        ("near-miss documents listed (goal 0)", lambda f: cell_ratio(f["nearMissLeakage"])),
        ("questions listing a near miss", lambda f: cell_ratio(f["questionsListingANearMiss"])),
        ("answers with no items / truncated", lambda f: f"{f['noItems']} / {f['truncated']}"),
        ("round trip ms p50 / p95", lambda f: "–" if f["latencyMs"]["p50"] is None
         else f"{f['latencyMs']['p50']:.0f} / {f['latencyMs']['p95']:.0f}"),
        ("goals met", lambda f: "yes" if f["goalsMet"]["all"]
         else "no (" + ", ".join(k for k, v in f["goalsMet"].items() if k != "all" and not v) + ")"),
    ]
    lines += [f"| {label} | " + " | ".join(fn(figs[s]) for s in sets) + " |" for label, fn in rows]
    for s in sets:
        lines += ["", f"{s}: per question", "",
                  "| question | mode | items | gold | precision | recall | count | near misses listed | ms |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for r in result["sets"][s]["questions"]:
            x = r["score"]
            count = "–" if r.get("count") is None else str(r["count"])
            if "exactCount" in x:
                count += " ✓" if x["exactCount"] else f" (gold {x['gold']})"
            lines.append(f"| {r['id']} | {r['mode'] or 'HTTP ' + str(r['status'])} | {x['items']} | {x['gold']} |"
                         f" {f3(x['precision'])} | {f3(x['recall'])} | {count} |"
                         f" {len(x['nearMissListed'])}/{x['nearMiss']} | {r['ms']:.0f} |")
    return "\n".join(lines)


# --------------------------------------------------------------------------- self-check

def golden_answer(q, near=False):
    """The answer a perfect engine gives (with near=True, one that also lists every near miss)."""
    items = []
    for f in q["gold"] + (q.get("nearMiss", []) if near else []):
        value = (q.get("values") or {}).get(f)
        if q.get("valueKind") == "money" and value:
            value = f"{value['currency']} {value['amount']:,}"
        items.append({"file": f, "page": 1, "value": value, "quote": None})
    return {"status": 200, "mode": "list", "items": items, "count": len(q["gold"]), "truncated": False}


def self_check(args):
    """Scores a perfect engine's answers and one that lists every near miss too, without a service:
    the first must meet every goal, the second must fail the near-miss goal."""
    work = Path(args.work)
    failed = False
    for name in (s for s in SETS if not args.only or s in args.only.split(",")):
        qset = LOADERS[name](args, work)
        for near in (False, True):
            rows = [{"id": q["id"], "kind": q["kind"], "status": 200, "ms": 1.0, "mode": "list",
                     "score": score(q, golden_answer(q, near))} for q in qset["questions"]]
            f = figures(rows)
            expected = not near or not any(q.get("nearMiss") for q in qset["questions"])
            perfect = (f["precision"]["value"], f["recall"]["value"]) == (1.0, 1.0)
            ok = f["goalsMet"]["all"] == expected and (near or perfect)
            failed |= not ok
            print(f"{name}, {'listing near misses too' if near else 'perfect'}: precision"
                  f" {f3(f['precision']['value'])}, recall {f3(f['recall']['value'])}, exact"
                  f" {f3(f['exactCount']['value'])}, near misses listed {f['nearMissLeakage']['hits']},"
                  f" goals met {f['goalsMet']['all']}: {'as expected' if ok else 'NOT as expected'}")
    sys.exit(1 if failed else 0)


# --------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=2000, help="how many contracts to generate")
    parser.add_argument("--seed", type=int, default=42, help="the generator's seed")
    parser.add_argument("--only",
                        help="sets, comma-separated: " + ", ".join(SETS) + " (default all)")
    parser.add_argument("--scifact", default=str(default_scifact()), help="SciFact's folder (corpus.jsonl)")
    parser.add_argument("--work", default=str(ROOT / "benchmarks/target/whole"),
                        help="where the corpora are written before upload")
    parser.add_argument("--workers", type=int, default=1, help="conversations asked at once")
    parser.add_argument("--url", help="a running service instead of starting the jar")
    parser.add_argument("--master-key", default=os.environ.get("RAGCHAT_MASTER_KEY"), help="its master key")
    parser.add_argument("--keep-data", metavar="DIR", help="keep (and re-use) the started service's data dir here")
    parser.add_argument("--jar", default=str(ROOT / "api/target/ragchat.jar"))
    parser.add_argument("--java", default=default_java())
    parser.add_argument("--java-opts", default=JAVA_OPTS)
    parser.add_argument("--upload-batch", type=int, default=50, help="files per upload request")
    parser.add_argument("--out", default=str(ROOT / "benchmarks/target/whole.json"))
    parser.add_argument("--raw", metavar="FILE.jsonl", help="also write every answer as the service gave it")
    parser.add_argument("--self-check", action="store_true",
                        help="score a perfect engine's answers (and one that lists near misses), no service")
    args = parser.parse_args()
    if args.self_check:
        self_check(args)
    only = [s.strip() for s in args.only.split(",") if s.strip()] if args.only else list(SETS)
    unknown = [s for s in only if s not in SETS]
    if unknown:
        sys.exit(f"unknown sets {unknown}; known: {', '.join(SETS)}")
    work = Path(args.work)
    qsets = [LOADERS[s](args, work) for s in only]
    result = {"commit": git_commit(), "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "machine": {"cores": os.cpu_count()},
              "config": {"docs": args.docs, "seed": args.seed, "only": only, "workers": args.workers,
                         "jar": None if args.url else str(Path(args.jar).resolve()), "goals": GOALS},
              "sets": {}}
    loads = [loadavg()]
    service = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        service, base, master_key = connect(args, result, "ragchat-whole.")
        api = Api(base)
        key = create_key(api, master_key, "whole")
        for qset in qsets:
            figures_of, _ = ingest(api, key, qset["kb"], qset["files"], args.upload_batch,
                                   description=qset["description"])
            qset["kbId"] = figures_of["knowledgeBase"]
            qset["ingestion"] = figures_of
        loads.append(loadavg())
        asker = Asker(base, key, args.workers, args.raw)
        started = time.monotonic()
        for qset in qsets:
            files_by_id = {d["id"]: d["filename"] for d in documents(api, key, qset["kbId"])}
            say(f"{qset['name']}: asking {len(qset['questions'])} questions, {args.workers} conversation(s) at once")
            rows = asker.all(qset, files_by_id)
            result["sets"][qset["name"]] = {"knowledgeBase": qset["kb"], "corpus": qset["corpus"],
                                            "ingestion": qset["ingestion"], "figures": figures(rows),
                                            "questions": rows}
        loads.append(loadavg())
        result["seconds"] = round(time.monotonic() - started, 1)
        result["loads"] = " → ".join(loads)
    finally:
        if service:
            service.stop()
    out = write_result(args.out, result)
    print()
    print(table(result))
    print()
    say(f"questions took {result['seconds']:.0f} s; every figure and answer in {out}")


if __name__ == "__main__":
    main()
