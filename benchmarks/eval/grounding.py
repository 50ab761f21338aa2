#!/usr/bin/env python3
"""The ground step's signals for every chat question of an eval.py run, for choosing the
extract's similarity threshold and the names rule by cross-validation (python3 standard
library only).

Usage, after eval.py --keep-data DIR --out RUN.json (any knowledge bases):

    python3 benchmarks/eval/grounding.py --keep-data DIR --run RUN.json --out SIGNALS.json
    python3 benchmarks/eval/grounding.py --signals SIGNALS.json      # the cross-validation only

It starts the jar on the kept data with DEBUG logging of the answer path, asks each chat
question of RUN.json again (a fresh session each) and reads, from the service log, the
names and periods the ground step found unsupported and the best sentence similarity the
extract saw. Then, for thresholds 0.50 to 0.80, it computes per question set the grounded
rate (answerable) and the refused rate (unanswerable) the extract would give, and chooses
the names rule and threshold by leave-one-corpus-out cross-validation: for each corpus,
the setting with the smallest mean shortfall from the targets (answerable grounded >= 0.95,
unanswerable refused >= 0.90) over the OTHER corpora's question sets is applied to it.
"""

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import ragchat_bench as rb  # noqa: E402

SIMILARITY = re.compile(r"Best sentence similarity ([0-9.]+)")
GROUND = re.compile(r"Ground step: names \[(.*?)\], periods \[(.*?)\], unsupported \[(.*?)\]")


def collect(args):
    run = json.loads(Path(args.run).read_text())
    # the ground step only logs, so that the extract runs and logs its similarity for every
    # question; the names rules are applied here, offline
    # the extract reads pairs of sentences only below its threshold: at 1 it reads them for
    # every question, so that the logged similarity is the best of sentences and pairs
    args.java_opts = (args.java_opts + " -Dlogging.level.dev.ragchat.api.chat=DEBUG"
                      " -Dragchat.chat.question-terms=false -Dragchat.chat.min-similarity=1").strip()
    service = rb.Service(args)
    service.start()
    api = rb.Api(service.base)
    key = rb.create_key(api, service.master_key, "grounding")
    log = service.work / "service.log"
    signals = []
    try:
        for kb_name, sets in run["questions"].items():
            kb = rb.find_kb(api, key, kb_name)
            for set_name, questions in sets.items():
                answerable = set_name == kb_name or (kb_name == "mixed" and set_name in ("scifact", "ordqa", "fb-kept"))
                for q in questions:
                    if not q.get("chat"):
                        continue
                    offset = log.stat().st_size
                    body, _ = rb.ask(api, key, kb, q["question"])
                    time.sleep(0.05)
                    with open(log, "rb") as f:
                        f.seek(offset)
                        text = f.read().decode(errors="replace")
                    sim = SIMILARITY.findall(text)
                    ground = GROUND.findall(text)
                    names, periods, unsupported = ground[-1] if ground else ("", "", "")
                    signals.append({"kb": kb_name, "set": set_name, "answerable": answerable, "id": q["id"],
                                    "grounded": body["grounded"],
                                    "similarity": float(sim[-1]) if sim else None,
                                    "names": [n for n in names.split(", ") if n],
                                    "periods": [p for p in periods.split(", ") if p],
                                    "unsupported": [u for u in unsupported.split(", ") if u]})
            rb.say(f"{kb_name}: {len(signals)} questions so far")
    finally:
        service.stop()
    Path(args.out).write_text(json.dumps(signals, indent=1))
    return signals


RULES = ("all", "any", "proper", "periods")

PROPER = re.compile(r"[A-Z][a-z'’.-]+")


def grounded_at(signal, threshold, rule="all"):
    """What the answer path would say with this similarity threshold and names rule:
    all (every name of the question must be supported), any (at least one, when it names
    any), proper (every name written as a proper name, a capital then lower case: "Adobe",
    not "COGS" or "ATF4"), periods (only the years)."""
    unsupported = signal["unsupported"] or []
    names = signal.get("names") or []
    missing_names = [u for u in unsupported if u in names]
    missing_periods = [u for u in unsupported if u not in names]
    if missing_periods:
        return False
    if rule == "all" and missing_names:
        return False
    if rule == "any" and names and len(missing_names) == len(names):
        return False
    if rule == "proper" and any(PROPER.fullmatch(name) for name in missing_names):
        return False
    return signal["similarity"] is not None and signal["similarity"] >= threshold


def rates(signals, threshold, rule="all"):
    by_set = {}
    for s in signals:
        by_set.setdefault((s["kb"], s["set"], s["answerable"]), []).append(grounded_at(s, threshold, rule))
    return {k: (sum(v) / len(v) if k[2] else 1 - sum(v) / len(v), len(v)) for k, v in by_set.items()}


def score(signals, threshold, rule):
    """Minus the mean shortfall from the targets of issue 20, over the question sets:
    answerable questions grounded >= 0.95, unanswerable ones refused >= 0.90. A wrong
    refusal and a wrong answer count alike, by how far they pull a set below its target."""
    shortfalls = [max(0.0, (0.95 if answerable else 0.90) - rate)
                  for (_, _, answerable), (rate, _) in rates(signals, threshold, rule).items()]
    return -sum(shortfalls) / len(shortfalls)


def cross_validate(signals):
    thresholds = [round(0.50 + 0.01 * i, 2) for i in range(31)]
    settings = [(rule, t) for rule in RULES for t in thresholds]
    for rule in RULES:
        print(f"\nnames rule '{rule}':\n")
        print("| threshold | " + " | ".join(f"{kb}/{s} ({'answerable: grounded' if a else 'unanswerable: refused'})"
                                             for kb, s, a in sorted(rates(signals, 0.6))) + " |")
        print("|---" * (1 + len(rates(signals, 0.6))) + "|")
        for t in thresholds[::2]:
            r = rates(signals, t, rule)
            print(f"| {t:.2f} | " + " | ".join(f"{r[k][0]:.3f}" for k in sorted(r)) + " |")
    kbs = sorted({s["kb"] for s in signals})
    print()
    for held in kbs:
        train = [s for s in signals if s["kb"] != held]
        rule, best = max(settings, key=lambda rt: (score(train, rt[1], rt[0]), -abs(rt[1] - 0.6)))
        r = rates([s for s in signals if s["kb"] == held], best, rule)
        print(f"held out {held}: chosen on the others: names rule {rule}, threshold {best:.2f} -> "
              + ", ".join(f"{k[1]} {'grounded' if k[2] else 'refused'} {v[0]:.3f} (n={v[1]})" for k, v in r.items()))
    rule, best = max(settings, key=lambda rt: (score(signals, rt[1], rt[0]), -abs(rt[1] - 0.6)))
    print(f"\nall corpora: names rule {rule}, threshold {best:.2f} "
          f"(mean shortfall from the targets {-score(signals, best, rule):.3f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-data")
    parser.add_argument("--run")
    parser.add_argument("--out", default="grounding-signals.json")
    parser.add_argument("--signals", help="a SIGNALS.json already collected: only cross-validate")
    parser.add_argument("--jar", default=str(rb.ROOT / "api/target/ragchat.jar"))
    parser.add_argument("--java", default=rb.default_java())
    parser.add_argument("--java-opts", default="")
    args = parser.parse_args()
    signals = json.loads(Path(args.signals).read_text()) if args.signals else collect(args)
    cross_validate(signals)


if __name__ == "__main__":
    main()
