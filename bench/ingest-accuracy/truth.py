"""Ground truth for the ingest accuracy harness: one JSON object per page.

Page record: {"page": path, "year_stated": bool, "articles": [Truth...]}
Truth: {"id", "title", "kicker", "subtitle", "month", "day", "year", "paragraphs"}
month/day come from what the page itself states (the dateline or a dated lead), never from the issue.
"""
import json
import os
import re

# A dateline's date: 本报太原10月17日讯 / 新华社北京9月26日电 / （记者…）9月24日，
RE_DATELINE_DATE = re.compile(r"^[^，。]{0,40}?(\d{1,2})月(\d{1,2})日(?:讯|电|[，,])")


def stated_date(first_paragraph):
    m = RE_DATELINE_DATE.match(first_paragraph)
    return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def read_front_matter(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    _, fm, body = text.split("---\n", 2)
    meta = {}
    for line in fm.splitlines():
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value) if value.startswith(("\"", "[")) else value
    paragraphs = [p for p in body.strip().split("\n\n") if p.strip()]
    return meta, paragraphs


def synthetic_pages(root):
    """Pages of gen_corpus.py: raw/manifest.jsonl names the articles; markdown/ holds their text."""
    pages = []
    with open(os.path.join(root, "raw", "manifest.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            arts = []
            for a in rec["articles"]:
                meta, paragraphs = read_front_matter(os.path.join(root, "markdown", "articles", a["id"] + ".md"))
                month, day = stated_date(paragraphs[0])
                arts.append({"id": a["id"], "title": a["title"], "kicker": None,
                             "subtitle": meta.get("subtitle"), "month": month, "day": day, "year": None,
                             "paragraphs": paragraphs})
            pages.append({"page": os.path.join(root, "raw", "pages", rec["page"]), "articles": arts})
    return pages
