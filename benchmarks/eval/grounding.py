#!/usr/bin/env python3
"""The ground step's signals for every chat question of an eval.py run, for choosing the
extract's similarity threshold by cross-validation (python3 standard library only).

Usage, after eval.py --keep-data DIR --out RUN.json (any knowledge bases):

    python3 benchmarks/eval/grounding.py --keep-data DIR --run RUN.json --out SIGNALS.json
    python3 benchmarks/eval/grounding.py --signals SIGNALS.json      # the cross-validation only

It starts the jar on the kept data with DEBUG logging of the answer path, asks each chat
question of RUN.json again (a fresh session each) and reads, from the service log, the
names and periods the ground step found unsupported and the best sentence similarity the
extract saw. Then, for thresholds 0.50 to 0.80, it computes per question set the grounded
rate (answerable) and the refused rate (unanswerable) the extract would give, and chooses
the threshold by leave-one-corpus-out cross-validation: for each corpus, the threshold
that maximises the mean over the OTHER corpora of min(grounded, refused) is applied to it.
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
UNSUPPORTED = re.compile(r"Not grounded: the sources do not speak of \[(.*)\]")


def collect(args):
    run = json.loads(Path(args.run).read_text())
    args.java_opts = (args.java_opts + " -Dlogging.level.dev.ragchat.api.chat=DEBUG").strip()
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
                    unsupported = UNSUPPORTED.findall(text)
                    signals.append({"kb": kb_name, "set": set_name, "answerable": answerable, "id": q["id"],
                                    "grounded": body["grounded"],
                                    "similarity": float(sim[-1]) if sim else None,
                                    "unsupported": unsupported[-1] if unsupported else None})
            rb.say(f"{kb_name}: {len(signals)} questions so far")
    finally:
        service.stop()
    Path(args.out).write_text(json.dumps(signals, indent=1))
    return signals


def grounded_at(signal, threshold):
    if signal["unsupported"] is not None:
        return False
    return signal["similarity"] is not None and signal["similarity"] >= threshold


def rates(signals, threshold):
    by_set = {}
    for s in signals:
        by_set.setdefault((s["kb"], s["set"], s["answerable"]), []).append(grounded_at(s, threshold))
    return {k: (sum(v) / len(v) if k[2] else 1 - sum(v) / len(v), len(v)) for k, v in by_set.items()}


def score(signals, threshold):
    """The mean over corpora of the worse of (answerable grounded, unanswerable refused)."""
    per_kb = {}
    for (kb, _, _), (rate, _) in rates(signals, threshold).items():
        per_kb.setdefault(kb, []).append(rate)
    return sum(min(v) for v in per_kb.values()) / len(per_kb)


def cross_validate(signals):
    thresholds = [round(0.50 + 0.01 * i, 2) for i in range(31)]
    print("| threshold | " + " | ".join(f"{kb}/{s} ({'answerable: grounded' if a else 'unanswerable: refused'})"
                                         for kb, s, a in sorted(rates(signals, 0.6))) + " |")
    for t in thresholds:
        r = rates(signals, t)
        print(f"| {t:.2f} | " + " | ".join(f"{r[k][0]:.3f}" for k in sorted(r)) + " |")
    kbs = sorted({s["kb"] for s in signals})
    print()
    for held in kbs:
        train = [s for s in signals if s["kb"] != held]
        best = max(thresholds, key=lambda t: (score(train, t), -abs(t - 0.6)))
        r = rates([s for s in signals if s["kb"] == held], best)
        print(f"held out {held}: threshold chosen on the others {best:.2f} -> "
              + ", ".join(f"{k[1]} {'grounded' if k[2] else 'refused'} {v[0]:.3f} (n={v[1]})" for k, v in r.items()))
    best = max(thresholds, key=lambda t: (score(signals, t), -abs(t - 0.6)))
    print(f"\nall corpora: {best:.2f} (mean of the worse rate per corpus {score(signals, best):.3f})")


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
