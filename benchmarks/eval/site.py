#!/usr/bin/env python3
"""A corpus of Markdown files rendered as the pages of a documentation website, with the
site chrome every page of such a site repeats (python3 standard library only).

    python3 benchmarks/eval/site.py ../shared/data/ordqa-openroad /tmp/ordqa-site [--divs [--roles]]
    python3 benchmarks/eval/eval.py --corpus ordqa-site=/tmp/ordqa-site --only ordqa,ordqa-site

The input is a directory of the layout the held-out corpora use (`docs/<id>.md`, one file a
document, and `questions.jsonl` with `id`, `question` and `gold_doc_ids`); the output has
the same layout with `docs/<id>.html`. Each page is what a static-site generator of
technical documentation writes (the layout of Sphinx's Read-the-Docs theme): a `<header>`
with the site's name and a search form, a `<nav>` sidebar with the site's table of
contents (a link per module, the current module's pages listed under it), the page in an
`<article>` inside `<main>`, and a `<footer>` with the previous and next page, a copyright
line and the generator's name. The page's text is rendered from its Markdown (headings,
paragraphs, lists, fenced code as `<pre>`, pipe tables as `<table>`); nothing of it is
left out. With --divs the page is built of `div`s and `section`s instead (headings and
paragraphs as `<div class="...">`, lists as nested `div`s, code as `<div class="highlight">`,
the site chrome in `div`s too), as many sites' generators and front-end frameworks write
pages; with --roles as well, the chrome's and the content's `div`s carry the WAI-ARIA
landmark roles of the elements they replace (`role="navigation"`, `"contentinfo"`,
`"main"`), as accessible sites built of `div`s do. A question's gold document keeps its id, so the questions are scored as on the
Markdown files. The rendered corpus is derived from the input's data and stays out of the
repository, as the input does.
"""

import html
import json
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path

SITE = "OpenROAD"


def inline(text):
    text = html.escape(text, quote=False)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', text)


LANDMARKS = {"nav": "navigation", "footer": "contentinfo", "main": "main"}


def as_divs(page_html, roles=False):
    """The same page built of divs: every block element a div with an attribute naming
    what it was (tables stay tables: they are rows, not blocks); with roles, the landmarks'
    divs carry their WAI-ARIA role."""
    blocks = "nav|footer|header|main|article|p|ul|li|pre"

    def div(m):
        role = f' role="{LANDMARKS[m.group(1)]}"' if roles and m.group(1) in LANDMARKS else ""
        return f'<div data-was="{m.group(1)}"{role}{m.group(2)}>'
    page_html = re.sub(rf"<({blocks})\b([^>]*)>", div, page_html)
    page_html = re.sub(rf"</({blocks})>", "</div>", page_html)
    return re.sub(r"<h([1-6])>(.*?)</h\1>", r'<div class="heading-\1">\2</div>', page_html)


def render(markdown):
    """The Markdown as HTML: enough of CommonMark for documentation pages."""
    out, paragraph, items, rows = [], [], [], []
    fence = None

    def close():
        if paragraph:
            out.append("<p>" + inline(" ".join(paragraph)) + "</p>")
            paragraph.clear()
        if items:
            out.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in items) + "</ul>")
            items.clear()
        if rows:
            cells = [[c.strip() for c in r.strip().strip("|").split("|")] for r in rows
                     if not re.fullmatch(r"\|?[\s:|-]+\|?", r.strip())]
            head, body = cells[0], cells[1:]
            out.append("<table><thead><tr>" + "".join(f"<th>{inline(c)}</th>" for c in head) + "</tr></thead><tbody>"
                       + "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in body)
                       + "</tbody></table>")
            rows.clear()

    for line in markdown.splitlines():
        if fence is not None:
            if line.strip().startswith("```"):
                out.append("<pre>" + html.escape("\n".join(fence), quote=False) + "</pre>")
                fence = None
            else:
                fence.append(line)
            continue
        stripped = line.strip()
        if stripped.startswith("```"):
            close()
            fence = []
        elif m := re.match(r"(#{1,6})\s+(.*)", stripped):
            close()
            level = len(m.group(1))
            out.append(f"<h{level}>{inline(m.group(2))}</h{level}>")
        elif stripped.startswith("|"):
            if paragraph or items:
                close()
            rows.append(stripped)
        elif m := re.match(r"[-*+]\s+(.*)|\d+\.\s+(.*)", stripped):
            if paragraph or rows:
                close()
            items.append(m.group(1) or m.group(2))
        elif not stripped:
            close()
        else:
            if rows:
                close()
            paragraph.append(stripped)
    if fence is not None:
        out.append("<pre>" + html.escape("\n".join(fence), quote=False) + "</pre>")
    close()
    return "\n".join(out)


def title_of(doc_id, markdown):
    m = re.search(r"^#{1,6}\s+(.+)$", markdown, re.M)
    return m.group(1).strip() if m else doc_id.replace("_", " ")


def module_of(doc_id):
    return re.sub(r"_\d+$", "", doc_id)


def page(doc_id, markdown, modules, titles, order):
    module = module_of(doc_id)
    toc = []
    for name in sorted(modules):
        label = name.replace("_", " ").replace("-", " ").title()
        toc.append(f'<li class="toctree-l1"><a href="{html.escape(modules[name][0])}.html">{html.escape(label)}</a>')
        if name == module:
            toc.append("<ul>" + "".join(
                f'<li class="toctree-l2"><a href="{html.escape(d)}.html">{html.escape(titles[d])}</a></li>'
                for d in modules[name]) + "</ul>")
        toc.append("</li>")
    i = order.index(doc_id)
    previous, following = order[i - 1] if i > 0 else None, order[i + 1] if i + 1 < len(order) else None
    links = "".join(f'<a href="{html.escape(d)}.html" rel="{rel}">{label}: {html.escape(titles[d])}</a> '
                    for d, rel, label in ((previous, "prev", "Previous"), (following, "next", "Next")) if d)
    title = html.escape(titles[doc_id])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{title} &mdash; {SITE} documentation</title>
<link rel="stylesheet" href="_static/css/theme.css">
<script src="_static/js/theme.js"></script>
</head>
<body class="wy-body-for-nav">
<header class="wy-side-nav-search">
<a href="index.html" class="icon icon-home">{SITE}</a>
<form id="rtd-search-form" role="search" action="search.html" method="get">
<input type="text" name="q" placeholder="Search docs" aria-label="Search docs">
</form>
</header>
<div class="wy-grid-for-nav">
<nav class="wy-nav-side" aria-label="Navigation menu">
<p class="caption" role="heading"><span class="caption-text">Contents</span></p>
<ul class="current">
{"".join(toc)}
</ul>
</nav>
<main class="wy-nav-content">
<div role="navigation" aria-label="Page navigation">
<ul class="wy-breadcrumbs"><li><a href="index.html">Home</a> &raquo;</li><li>{title}</li></ul>
</div>
<article class="document" itemprop="articleBody">
{render(markdown)}
</article>
<footer>
<div class="rst-footer-buttons" role="navigation" aria-label="Footer">{links}</div>
<hr>
<p>&copy; Copyright 2024, The {SITE} Project.</p>
<p>Built with <a href="https://www.sphinx-doc.org/">Sphinx</a> using a theme provided by
<a href="https://readthedocs.org">Read the Docs</a>.</p>
</footer>
</main>
</div>
</body>
</html>
"""


def main():
    args = [a for a in sys.argv[1:] if a not in ("--divs", "--roles")]
    if len(args) != 2:
        sys.exit(__doc__)
    source, target = Path(args[0]), Path(args[1])
    divs, roles = "--divs" in sys.argv, "--roles" in sys.argv
    files = sorted((source / "docs").glob("*.md"))
    texts = {f.stem: f.read_text() for f in files}
    titles = {d: title_of(d, t) for d, t in texts.items()}
    order = sorted(texts, key=lambda d: (module_of(d), int(m.group(1)) if (m := re.search(r"_(\d+)$", d)) else 0))
    modules = defaultdict(list)
    for d in order:
        modules[module_of(d)].append(d)
    (target / "docs").mkdir(parents=True, exist_ok=True)
    for d, text in texts.items():
        rendered = page(d, text, modules, titles, order)
        (target / "docs" / f"{d}.html").write_text(as_divs(rendered, roles) if divs else rendered)
    shutil.copy(source / "questions.jsonl", target / "questions.jsonl")
    print(f"{len(texts)} pages, {len(modules)} modules in the table of contents, written to {target / 'docs'}")


if __name__ == "__main__":
    main()
