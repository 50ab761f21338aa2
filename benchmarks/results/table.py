#!/usr/bin/env python3
"""Writes the results tables of docs/benchmarks.md from the data in this folder.

Each benchmark's latest result is one JSON file here (see README.md): its title, date,
commit, load, machine, a one-line summary and a table. The page holds marker comments:

    <!-- results:begin -->  ...  <!-- results:end -->            every benchmark, one row each
    <!-- results:begin NAME -->  ...  <!-- results:end NAME -->  NAME.json's table

and this script rewrites what lies between them. The summary lists the benchmarks in the
order of their blocks on the page, each linked to the section its block stands in.

    python3 benchmarks/results/table.py           # write the tables into the page
    python3 benchmarks/results/table.py --check   # exit 1 when the page differs from the data

Python 3 standard library only.
"""

import argparse
import difflib
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
PAGE = HERE.parent.parent / "docs" / "benchmarks.md"
MARKER = re.compile(r"<!-- results:(begin|end)(?: ([a-z0-9-]+))? -->")
HEADING = re.compile(r"^#{2,6} (.+)$")
MACHINE = "2 cores Intel Xeon, shared"  # the page's Machine section; named only when another
REQUIRED = ("title", "date", "commit", "load", "machine", "summary", "columns", "rows")


def load_results():
    results = {}
    for path in sorted(HERE.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        missing = [key for key in REQUIRED if key not in data]
        if missing:
            sys.exit(f"{path.name}: missing {', '.join(missing)}")
        for row in data["rows"]:
            if len(row) != len(data["columns"]):
                sys.exit(f"{path.name}: a row of {len(row)} cells under {len(data['columns'])} columns: {row}")
        results[path.stem] = data
    return results


def slug(heading):
    """The anchor GitHub gives a heading."""
    text = re.sub(r"[`*_]|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", heading)
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def cell(text):
    return str(text).replace("|", "\\|") if text != "" else ""


def table(columns, rows):
    lines = ["| " + " | ".join(cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


def detail(data):
    facts = [data["date"]]
    if data["commit"]:
        facts.append("commit " + ", ".join(f"`{c.strip()}`" for c in data["commit"].split(",")))
    if data["load"]:
        facts.append(f"load {data['load']}")
    if data["machine"] != MACHINE:
        facts.append(data["machine"])
    lines = ["Latest: " + "; ".join(facts) + ".", ""] + table(data["columns"], data["rows"])
    for note in data.get("notes", []):
        lines += ["", note]
    return lines


def summary(results, order):
    rows = []
    for name, anchor in order:
        data = results[name]
        rows.append([f"[{data['title']}](#{anchor})", data["summary"], data["date"]])
    return table(["benchmark", "latest result", "date"], rows)


def render(page, results):
    """The page with every block between markers written from the data."""
    lines = page.split("\n")
    blocks, order, heading, open_block = [], [], None, None
    for number, line in enumerate(lines):
        found = HEADING.match(line)
        if found:
            heading = slug(found.group(1))
        marker = MARKER.fullmatch(line.strip())
        if not marker:
            continue
        kind, name = marker.groups()
        if kind == "begin":
            if open_block:
                sys.exit(f"line {number + 1}: a block begins inside {open_block[1] or 'the summary'}")
            open_block = (number, name)
            if name:
                if name not in results:
                    sys.exit(f"line {number + 1}: no benchmarks/results/{name}.json")
                order.append((name, heading))
        else:
            if not open_block or open_block[1] != name:
                sys.exit(f"line {number + 1}: an end without its begin")
            blocks.append((open_block[0], number, name))
            open_block = None
    if open_block:
        sys.exit("a block is not ended")
    if not any(name is None for _, _, name in blocks):
        sys.exit("the page has no <!-- results:begin --> block for the summary")
    unplaced = sorted(set(results) - {name for name, _ in order})
    if unplaced:
        sys.exit("no block on the page for " + ", ".join(unplaced))
    for begin, end, name in reversed(blocks):
        body = summary(results, order) if name is None else detail(results[name])
        lines[begin + 1:end] = body
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the page's tables differ from the data")
    parser.add_argument("--page", type=pathlib.Path, default=PAGE)
    args = parser.parse_args()
    page = args.page.read_text(encoding="utf-8")
    written = render(page, load_results())
    if args.check:
        if written != page:
            sys.stdout.writelines(difflib.unified_diff(page.splitlines(True), written.splitlines(True),
                                                       "page", "from the data"))
            print(f"{args.page} is stale: run python3 benchmarks/results/table.py", file=sys.stderr)
            return 1
        return 0
    if written != page:
        args.page.write_text(written, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
