"""OCR-like pages assembled from real People's Daily articles (one article per corpus file).

Each page takes 3-6 articles of one day and lays them out the way NEWSPAPER-TEXT.md describes
an e-paper OCR: lines hard-wrapped at 13-25 characters, each headline block (kicker, title,
subtitle) after its body or all of them gathered at the end of the page, blank lines at column
breaks (sometimes mid-sentence), now and then a letter-spaced title and layout spaces between
CJK and digits. Returns pages in the same shape as truth.synthetic_pages.
"""
import os
import random
import re

from truth import stated_date

NO_LINE_START = "，。、；：？！”’」』）)》%,.;:!?"
NO_LINE_END = "“‘「『（(《"
TERM = "。！？”"


def read_article(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().replace("\r\n", "\n").split("\n")
    if len(lines) < 4:
        return None
    kicker, title, subtitle = (l.strip() for l in lines[:3])
    paragraphs = [l.strip().strip("\u3000").strip() for l in lines[3:]]
    paragraphs = [p for p in paragraphs if p]
    return {"kicker": kicker or None, "title": title, "subtitle": subtitle or None, "paragraphs": paragraphs}


def usable(a):
    """Stories with a title and a few prose paragraphs: what an OCR page's articles look like."""
    if a is None or not a["title"] or not 2 <= len(a["paragraphs"]) <= 14:
        return False
    if any(len(p) > 600 for p in a["paragraphs"]) or sum(len(p) for p in a["paragraphs"]) < 200:
        return False
    # Photo pages, tables and lists do not read as column text.
    return all(p[-1] in TERM + "）)" for p in a["paragraphs"])


def wrap(text, width):
    lines, i, n = [], 0, len(text)
    while i < n:
        j = min(i + width, n)
        while j < n and text[j] in NO_LINE_START and j - i < width + 2:
            j += 1
        if j < n and text[j - 1] in NO_LINE_END and j - 1 > i:
            j -= 1
        lines.append(text[i:j])
        i = j
    return lines


def layout_spaces(rng, text):
    if rng.random() < 0.3:
        return re.sub(r"(?<=[^\x00-\x7f])(\d[\d.]*)(?=[^\x00-\x7f])", r" \1 ", text)
    return text


def render(rng, arts):
    gathered = rng.random() < 0.3
    out, heads = [], []
    for a in arts:
        width = rng.randint(13, 25)
        for p in a["paragraphs"]:
            lines = wrap(layout_spaces(rng, p), width)
            if len(lines) > 3 and rng.random() < 0.12:  # a column ends inside the paragraph
                k = rng.randint(1, len(lines) - 1)
                lines = lines[:k] + [""] + lines[k:]
            out.extend(lines)
            out.append("")
        title = a["title"]
        if rng.random() < 0.08 and len(title) <= 14:
            title = " ".join(title)
        head = [x for x in (a["kicker"], title, a["subtitle"]) if x]
        if gathered:
            heads.append(head)
        else:
            out.extend(head)
            out.append("")
    for head in heads:
        out.extend(head)
        out.append("")
    return "\n".join(out), "gathered" if gathered else "after-body"


def real_pages(corpus, out_dir, pages=60, seed=7):
    rng = random.Random(seed)
    days = sorted(d for d in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, d)))
    os.makedirs(out_dir, exist_ok=True)
    result = []
    for n in range(pages):
        day = rng.choice(days)
        files = sorted(os.listdir(os.path.join(corpus, day)))
        pool = [a for a in (read_article(os.path.join(corpus, day, f)) for f in files) if usable(a)]
        k = min(len(pool), rng.randint(3, 6))
        arts = rng.sample(pool, k)
        path = os.path.join(out_dir, "real_%03d.txt" % (n + 1))
        with open(path, "w", encoding="utf-8") as fh:
            text, layout = render(rng, arts)
            fh.write(text)
        truth = []
        for i, a in enumerate(arts):
            month, day_ = stated_date(a["paragraphs"][0])
            truth.append(dict(a, id="%03d-%d" % (n + 1, i + 1), month=month, day=day_, year=None))
        result.append({"page": path, "layout": layout, "articles": truth})
    return result
