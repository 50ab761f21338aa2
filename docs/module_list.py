#!/usr/bin/env python3
"""Writes the module list of docs/architecture.md from the code.

The modules are those of the generated map (docs/modules/module-<name>.puml, written by
ModularityTests with Spring Modulith's Documenter), plus the Maven modules' fronts; each
one's line is the first sentence of its package-info.java. The list stands between
<!-- modules:begin --> and <!-- modules:end -->.

    python3 docs/module_list.py           # write the list into the page
    python3 docs/module_list.py --check   # exit 1 when the page differs from the code

Python 3 standard library only.
"""

import argparse
import difflib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "architecture.md"
MAP = ROOT / "docs" / "modules"
FRONTS = ("api", "ingestion", "retrieval")
BLOCK = re.compile(r"(<!-- modules:begin -->\n)(.*?)(<!-- modules:end -->)", re.S)


def package_info(name):
    found = sorted(ROOT.glob(f"*/src/main/java/dev/ragchat/{name.replace('.', '/')}/package-info.java"))
    if len(found) != 1:
        sys.exit(f"module {name}: {len(found)} package-info.java files found")
    return found[0]


def first_sentence(path):
    text = path.read_text(encoding="utf-8")
    javadoc = re.search(r"/\*\*(.*?)\*/", text, re.S)
    if not javadoc:
        sys.exit(f"{path}: no Javadoc")
    lines = [re.sub(r"^\s*\*\s?", "", line) for line in javadoc.group(1).splitlines()]
    body = re.split(r"<p>|\n\s*@\w", "\n".join(lines))[0]
    body = " ".join(body.split())
    body = re.sub(r"\{@code ([^}]*)\}", r"`\1`", body)
    body = re.sub(r"\{@link(?:plain)? (?:[\w.]*\.)?([\w]+)(?:#(\w+))?[^}]*\}",
                  lambda m: f"`{m.group(1)}{'.' + m.group(2) if m.group(2) else ''}`", body)
    body = re.sub(r"</?(?:p|ul|ol|li|em|strong|b|i|br|code|pre)\b[^>]*>", "", body)
    depth = 0
    for index, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "." and depth == 0 and (index + 1 == len(body) or body[index + 1] == " "):
            return body[:index + 1]
    return body


def modules():
    names = sorted(path.stem[len("module-"):] for path in MAP.glob("module-*.puml"))
    if not names:
        sys.exit(f"no module-*.puml in {MAP}")
    return [(name, False) for name in FRONTS] + [(name, True) for name in names]


def render():
    rows = ["| module | Maven module | what it holds (its `package-info`) |", "|---|---|---|"]
    for name, module in modules():
        path = package_info(name)
        maven = path.relative_to(ROOT).parts[0]
        label = f"`{name}`" if module else f"`{name}` (front)"
        sentence = first_sentence(path).replace("|", "\\|")
        rows.append(f"| {label} | `{maven}` | {sentence} |")
    return "\n".join(rows) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when the page's list differs from the code")
    args = parser.parse_args()
    page = PAGE.read_text(encoding="utf-8")
    if not BLOCK.search(page):
        sys.exit(f"{PAGE}: no <!-- modules:begin --> … <!-- modules:end --> block")
    written = BLOCK.sub(lambda m: m.group(1) + render() + m.group(3), page, count=1)
    if args.check:
        if written != page:
            sys.stdout.writelines(difflib.unified_diff(page.splitlines(True), written.splitlines(True),
                                                       "page", "from the code"))
            print(f"{PAGE} is stale: run python3 docs/module_list.py", file=sys.stderr)
            return 1
        return 0
    if written != page:
        PAGE.write_text(written, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
