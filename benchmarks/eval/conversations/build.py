#!/usr/bin/env python3
"""Builds a conversation suite's tasks.jsonl, docs.jsonl and SHA256SUMS from the conversations
written in its conversations.py and the documents in its docs/ (python3 standard library only).

Usage, from the repository root (the suite folder defaults to this one, Larkfield's):

    python3 benchmarks/eval/conversations/build.py           # write the files
    python3 benchmarks/eval/conversations/build.py --check   # only check, write nothing
    python3 benchmarks/eval/conversations/build.py benchmarks/eval/conversations-harbourline --check

A suite's conversations.py defines COLLECTION (the knowledge base's collection, the prefix of
its documents' names) and CONVERSATIONS, made with U and A imported from this file.

The conversations are the source: edit them there, never tasks.jsonl. Each one gives its
turns, its answerability and multi-turn type, the reference answer (target), and for the
answerable, partial and underspecified ones the evidence: sentences quoted verbatim from the
gold files. The build stops when a quote is not in its file, when a quote of a gold file
is also in a trap file (the sibling a conversation that lost its subject would answer
from: then it would not be a trap), when a file named is not in docs/, or when a
document is left unused. A task's context is the section (heading to next heading) that
holds a quote, as MTRAG's contexts are passages; its gold files are the files quoted.

The subject of a task is the thing its last question is about; named_by says whose turn
names it first: "agent" when only the assistant's turns do, "user" when a user turn does,
"none" when no turn does (first turns about a kind of thing, underspecified questions).
"""

import hashlib
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANSWERABILITY = ("ANSWERABLE", "PARTIAL", "UNANSWERABLE", "UNDERSPECIFIED")
MULTI_TURN = ("Follow-up", "Clarification", "N/A")


def U(text):
    return ("user", text)


def A(text):
    return ("agent", text)


# Each conversation of a suite's CONVERSATIONS: id, kind (what it probes: "category: detail"), answerability, multi_turn, question_type,
# subject (None: no single thing), turns (the last a user turn), target, evidence
# ({file stem: [verbatim quotes]}), traps (file stems a lost subject answers from).
def load(folder):
    """The suite in folder: its collection and conversations, from its conversations.py."""
    spec = importlib.util.spec_from_file_location(f"conversations_{folder.name}", folder / "conversations.py")
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(HERE))
    spec.loader.exec_module(module)
    return module.COLLECTION, module.CONVERSATIONS


# --------------------------------------------------------------------------- building

def file_of(collection, stem):
    return f"{collection}-{stem}.md"


def title(text):
    first = text.splitlines()[0]
    return first[2:].strip() if first.startswith("# ") else None


def section(text, start):
    """The passage around a quote: from the heading above it to the next heading (or the end)."""
    headings = [m.start() for m in re.finditer(r"^#{1,6} ", text, re.M)]
    begin = max([h for h in headings if h <= start], default=0)
    end = min([h for h in headings if h > start], default=len(text))
    return begin, end


def named_by(subject, turns):
    if not subject:
        return "none"
    pattern = re.compile(re.escape(subject), re.I)
    if any(pattern.search(text) for speaker, text in turns if speaker == "user"):
        return "user"
    if any(pattern.search(text) for speaker, text in turns if speaker == "agent"):
        return "agent"
    return "none"


def build(folder, check_only):
    collection, conversations = load(folder)
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted((folder / "docs").glob("*.md"))}
    errors, tasks, used = [], [], Counter()
    ids = Counter(c["id"] for c in conversations)
    errors += [f"{i}: id used {n} times" for i, n in ids.items() if n > 1]
    for c in conversations:
        where = c["id"]
        turns = c["turns"]
        if c["answerability"] not in ANSWERABILITY or c["multi_turn"] not in MULTI_TURN:
            errors.append(f"{where}: answerability or multi_turn unknown")
        if turns[-1][0] != "user" or any(turns[i][0] == turns[i + 1][0] for i in range(len(turns) - 1)):
            errors.append(f"{where}: turns must alternate and end with the user")
        if len(turns) == 1 and c["multi_turn"] != "N/A":
            errors.append(f"{where}: a first turn is N/A")
        answerable = c["answerability"] != "UNANSWERABLE"
        if answerable != bool(c["evidence"]):
            errors.append(f"{where}: evidence is given exactly for answerable, partial and underspecified tasks")
        contexts = []
        for stem, quotes in c["evidence"].items():
            name = file_of(collection, stem)
            if name not in docs:
                errors.append(f"{where}: no document {name}")
                continue
            used[name] += 1
            spans = set()
            for q in quotes:
                at = docs[name].find(q)
                if at < 0:
                    errors.append(f"{where}: not in {name}: {q!r}")
                    continue
                spans.add(section(docs[name], at))
                for trap in c["traps"]:
                    if docs.get(file_of(collection, trap), "").find(q) >= 0:
                        errors.append(f"{where}: the quote is also in the trap {trap}: {q!r}")
            for begin, end in sorted(spans):
                contexts.append({"document_id": f"{collection}-{stem}-{begin}-{end}", "file": name,
                                 "start": begin, "end": end})
        for trap in c["traps"]:
            if file_of(collection, trap) not in docs:
                errors.append(f"{where}: no trap document {file_of(collection, trap)}")
        gold = [file_of(collection, s) for s in c["evidence"]]
        user_turns = sum(1 for s, _ in turns if s == "user")
        tasks.append({
            "task_id": f"{where}<::>{user_turns}", "conversation_id": where, "turn": user_turns,
            "collection": collection, "answerability": c["answerability"], "multi_turn": c["multi_turn"],
            "question_type": c["question_type"],
            "input": [{"speaker": s, "text": t} for s, t in turns],
            "target": c["target"], "contexts": contexts, "gold_files": gold,
            "gold_doc_ids": [g[:-3] for g in gold],
            "probe": c["kind"].split(":")[0], "probe_detail": c["kind"], "subject": c["subject"], "subject_named_by": named_by(c["subject"], turns),
            "trap_files": [file_of(collection, t) for t in c["traps"]],
        })
    quoted = {t for t in used if used[t] > 0}
    trapped = {f for t in tasks for f in t["trap_files"]}
    unused = sorted(set(docs) - quoted - trapped)
    if unused:
        errors.append(f"documents no task uses: {', '.join(unused)}")
    if errors:
        sys.exit("\n".join(errors))
    if check_only:
        print(f"{len(tasks)} tasks, {len(docs)} documents: fine")
        return tasks, docs
    with open(folder / "tasks.jsonl", "w", encoding="utf-8") as f:
        for t in tasks:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    with open(folder / "docs.jsonl", "w", encoding="utf-8") as f:
        for name, text in docs.items():
            f.write(json.dumps({"file": name, "collection": collection, "doc_id": name[:-3], "title": title(text),
                                "role": "reference" if name in quoted else "distractor",
                                "words": len(text.split()), "chars": len(text),
                                "tasks": sum(1 for t in tasks if name in t["gold_files"]),
                                "trap_in": sum(1 for t in tasks if name in t["trap_files"])},
                               ensure_ascii=False) + "\n")
    files = ["tasks.jsonl", "docs.jsonl", *[f"docs/{n}" for n in docs]]
    with open(folder / "SHA256SUMS", "w") as f:
        for name in files:
            f.write(f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()}  {name}\n")
    summary(tasks, docs)
    return tasks, docs


def summary(tasks, docs):
    words = [len(t.split()) for t in docs.values()]
    print(f"{len(tasks)} tasks, {len(docs)} documents ({min(words)}–{max(words)} words, {sum(words)} in all)")
    print("answerability:", dict(Counter(t["answerability"] for t in tasks)))
    print("multi_turn:", dict(Counter(t["multi_turn"] for t in tasks)))
    print("subject named by:", dict(Counter(t["subject_named_by"] for t in tasks)))
    print("probes:", dict(Counter(t["probe"] for t in tasks).most_common()))
    print("turns (user):", dict(sorted(Counter(t["turn"] for t in tasks).items())))
    table = Counter((t["answerability"], t["multi_turn"]) for t in tasks)
    print("| answerability | " + " | ".join(MULTI_TURN) + " | all |")
    for a in ANSWERABILITY:
        row = [table[(a, m)] for m in MULTI_TURN]
        print(f"| {a} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")


if __name__ == "__main__":
    args = sys.argv[1:]
    folders = [a for a in args if a != "--check"]
    if len(folders) > 1 or any(a.startswith("-") for a in folders):
        sys.exit("usage: build.py [SUITE_FOLDER] [--check]")
    build(Path(folders[0]).resolve() if folders else HERE, "--check" in args)
