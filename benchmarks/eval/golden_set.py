#!/usr/bin/env python3
"""Converts a benchmark's question file to a golden set of the evaluations API (python3
standard library only).

Usage, from the repository root:

    python3 benchmarks/eval/golden_set.py IN.jsonl [OUT.jsonl]     (OUT: standard output)

The evaluations API (POST /api/v1/knowledge-bases/{kb}/evaluations, docs/api.md#evaluations)
reads one layout only: a JSON object a line with id, question, documents, pages ({document,
page}, pages from 1), refuse, answer and history ([{role: user|assistant, content}]), as
api/src/main/resources/dev/ragchat/api/evaluation/golden-set-line.schema.json describes it;
any other field is refused. This script maps the benchmarks' own field names to those, line
by line, in the first layout a line matches:

  FinanceBench    financebench_id, question, doc_name, evidence: [{doc_name,
                  evidence_page_num}] (pages counted from 0 there, so page + 1), answer
  MTRAG           tasks.jsonl: task_id, input (the conversation: its last turn, the user's, is
                  the question, the turns before it the history; speaker user|agent, text),
                  gold_files, target
  held-out        questions.jsonl of the held-out corpora (eval.py --corpus): id (or _id),
                  question, gold_doc_ids, answer
  ragchat's own   passed on, its history turns in MTRAG's {speaker, text} mapped to {role,
                  content}

A question that names no document is written with "refuse": true, as the API reads one
anyway. Other fields of the benchmarks (company, evidence_text, collection, ...) are left
out. A line it cannot map stops it with the line's number; blank lines are skipped.
"""

import json
import sys

FIELDS = ("id", "question", "documents", "pages", "refuse", "answer", "history")


class BadLine(Exception):
    pass


def turns(values, field):
    """Turns as {role, content}, from {role, content} or MTRAG's {speaker: user|agent, text}."""
    if not isinstance(values, list):
        raise BadLine(f'"{field}" is not a list of turns')
    out = []
    for i, turn in enumerate(values):
        if not isinstance(turn, dict):
            raise BadLine(f'"{field}"[{i}] is not a turn')
        role = turn.get("role", turn.get("speaker"))
        content = turn.get("content", turn.get("text"))
        if role not in ("user", "assistant", "agent"):
            raise BadLine(f'"{field}"[{i}]: the role is user or assistant (speaker user or agent)')
        out.append({"role": "assistant" if role == "agent" else role, "content": content})
    return out


def financebench(q):
    documents, pages = [], []
    if q.get("doc_name"):
        documents.append(q["doc_name"])
    for e in q.get("evidence") or []:
        pages.append({"document": e["doc_name"], "page": e["evidence_page_num"] + 1})
        if e["doc_name"] not in documents:
            documents.append(e["doc_name"])
    return {"id": q["financebench_id"], "question": q["question"], "documents": documents, "pages": pages,
            "answer": q.get("answer")}


def mtrag(q):
    history = turns(q.get("input"), "input")
    if not history or history[-1]["role"] != "user":
        raise BadLine('the last turn of "input" is the user\'s question')
    question = history.pop()["content"]
    return {"id": q["task_id"], "question": question, "documents": q.get("gold_files") or [],
            "answer": q.get("target"), "history": history}


def held_out(q):
    return {"id": q.get("id", q.get("_id")), "question": q["question"], "documents": q.get("gold_doc_ids") or [],
            "answer": q.get("answer")}


def own(q):
    line = {k: q[k] for k in FIELDS if k in q}
    if line.get("history") is not None:
        line["history"] = turns(line["history"], "history")
    return line


def convert(q):
    """One line of any layout above as a line of the API's golden set."""
    if not isinstance(q, dict):
        raise BadLine("not a JSON object")
    if "financebench_id" in q or "evidence" in q or "doc_name" in q:
        line = financebench(q)
    elif "task_id" in q or ("input" in q and "question" not in q):
        line = mtrag(q)
    elif "gold_doc_ids" in q or "_id" in q:
        line = held_out(q)
    else:
        line = own(q)
    if not line.get("documents") and not line.get("pages") and "refuse" not in line:
        line["refuse"] = True
    answer = line.get("answer")
    if answer is not None and not isinstance(answer, str):
        line["answer"] = str(answer)
    return {k: v for k, v in line.items() if v is not None and v != [] or k == "refuse"}


def main(argv):
    if len(argv) not in (2, 3) or argv[1] in ("-h", "--help"):
        sys.exit(__doc__)
    out = open(argv[2], "w") if len(argv) == 3 else sys.stdout
    try:
        with open(argv[1]) as f:
            for number, text in enumerate(f, 1):
                if not text.strip():
                    continue
                try:
                    line = convert(json.loads(text))
                except (BadLine, ValueError, KeyError, TypeError) as e:
                    detail = f'"{e.args[0]}" is missing' if isinstance(e, KeyError) else str(e)
                    sys.exit(f"{argv[1]}, line {number}: {detail}")
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


if __name__ == "__main__":
    main(sys.argv)
