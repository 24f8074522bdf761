#!/usr/bin/env python3
"""Ingest accuracy harness: run `broadsheet convert` on pages whose articles are known and score it.

  python3 bench/ingest-accuracy/accuracy.py synthetic /tmp/ingest-acc      # gen_corpus.py output
  python3 bench/ingest-accuracy/accuracy.py real /work/shared/corpus/people-daily-2019-02 --pages 60
  add --show 5 to print up to five examples of each kind of failure, --json FILE to save the figures.

Articles are paired with the truth by body content (character bigrams), so a wrong title does not
also count as a missed article. Figures: precision/recall of articles, then per paired article the
share with the exact title, kicker, subtitle, month/day, first and last sentence, paragraph count,
and the share with layout spaces or line breaks left inside Chinese text.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from truth import synthetic_pages  # noqa: E402
from realpages import real_pages  # noqa: E402

CJK = "\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’—…·"
RE_STRAY_SPACE = re.compile(r"(?<=[%s])[ \u3000]+(?=[%s0-9])|(?<=[0-9])[ \u3000]+(?=[%s])" % (CJK, CJK, CJK))
RE_SENT = re.compile(r"[^。！？]*[。！？]+[”’」』）)]*")
RE_DATE = re.compile(r"^(?:date|date_partial): \"?(\d{4}|-)-(\d\d)-(\d\d)")


def squash(s):
    return re.sub(r"\s+", "", s or "")


def headline(s):
    """Headline text as compared: dashes that mark a kicker or deck are typography, not words."""
    return squash((s or "").strip("—－- ")) or None


def printed_titles(o):
    """The output title, and with its column label (`（今日谈）`) put back where the page printed it."""
    title = headline(o.get("title"))
    found = {title}
    if title and o.get("column"):
        found.add(title + "（%s）" % squash(o["column"]))
    return found


def sentences(text):
    found = [m.group(0) for m in RE_SENT.finditer(squash(text))]
    return found or [squash(text)]


def bigrams(text):
    t = squash(text)
    return {t[i:i + 2] for i in range(len(t) - 1)}


def parse_convert(stdout):
    """Articles printed by `broadsheet convert`: front matter fields and body blocks."""
    arts = []
    for chunk in re.split(r"(?m)^---\n(?=title: )", stdout)[1:]:
        fm, _, body = chunk.partition("\n---\n")
        meta = {}
        for line in fm.splitlines():
            key, _, value = line.partition(": ")
            if value.startswith("\""):
                value = json.loads(value)
            meta[key] = value
            m = RE_DATE.match(line)
            if m:
                meta["year"] = None if m.group(1) == "-" else int(m.group(1))
                meta["month"], meta["day"] = int(m.group(2)), int(m.group(3))
        blocks = [b for b in body.strip("\n").split("\n\n") if b.strip()]
        meta["paragraphs"] = [b for b in blocks if not b.startswith(("> 📷", "#"))]
        meta["blocks"] = blocks
        arts.append(meta)
    return arts


def run_convert(binary, paths):
    by_source = {os.path.basename(p): [] for p in paths}
    for i in range(0, len(paths), 50):
        batch = paths[i:i + 50]
        proc = subprocess.run([binary, "convert", "--config", "/nonexistent.yml"] + batch,
                              capture_output=True, text=True)
        for a in parse_convert(proc.stdout):
            by_source.setdefault(a.get("source", ""), []).append(a)
    return by_source


def pair(truths, outputs):
    """Greedy one-to-one pairing by body bigram overlap (Jaccard >= 0.3)."""
    scores = []
    tb = [bigrams("".join(t["paragraphs"])) for t in truths]
    ob = [bigrams("".join(o["paragraphs"])) for o in outputs]
    for i, a in enumerate(tb):
        for j, b in enumerate(ob):
            if a and b:
                s = len(a & b) / len(a | b)
                if s >= 0.3:
                    scores.append((s, i, j))
    pairs, ti, oj = [], set(), set()
    for s, i, j in sorted(scores, reverse=True):
        if i not in ti and j not in oj:
            ti.add(i)
            oj.add(j)
            pairs.append((truths[i], outputs[j]))
    return pairs


def stray_spaces(truth, out):
    expected = "\n".join(truth["paragraphs"])
    found = []
    for p in out["paragraphs"]:
        for m in RE_STRAY_SPACE.finditer(p):
            ctx = p[max(0, m.start() - 1):m.end() + 1]
            if ctx not in expected:
                found.append(ctx)
    return found


CHECKS = ["title", "kicker", "subtitle", "date", "first", "last", "paragraphs", "no_stray_space", "no_stray_break"]


def score(pages, outputs, show):
    totals = {"pages": len(pages), "expected": 0, "output": 0, "paired": 0, "count_exact_pages": 0,
              "dated_expected": 0, "photos": 0}
    hits = {c: 0 for c in CHECKS}
    by_layout = {}
    examples = {c: [] for c in CHECKS + ["missed", "extra"]}
    for page in pages:
        truths, outs = page["articles"], outputs.get(os.path.basename(page["page"]), [])
        # A photo printed on its own becomes an article holding only its figure: not a story.
        photos = [o for o in outs if not o["paragraphs"]]
        totals["photos"] += len(photos)
        outs = [o for o in outs if o["paragraphs"]]
        totals["expected"] += len(truths)
        totals["output"] += len(outs)
        totals["count_exact_pages"] += len(truths) == len(outs)
        pairs = pair(truths, outs)
        totals["paired"] += len(pairs)
        if "layout" in page:
            key = "recall_" + page["layout"]
            by_layout.setdefault(key, [0, 0])
            by_layout[key][0] += len(pairs)
            by_layout[key][1] += len(truths)
        paired_t = {id(t) for t, _ in pairs}
        paired_o = {id(o) for _, o in pairs}
        name = os.path.basename(page["page"])
        examples["missed"] += ["%s: %s" % (name, t["title"]) for t in truths if id(t) not in paired_t]
        examples["extra"] += ["%s: %s | %s" % (name, o.get("title"), squash(" ".join(o["paragraphs"]))[:40])
                              for o in outs if id(o) not in paired_o]
        for t, o in pairs:
            ts, os_ = sentences(t["paragraphs"][0]), sentences(o["paragraphs"][0] if o["paragraphs"] else "")
            tl, ol = sentences(t["paragraphs"][-1]), sentences(o["paragraphs"][-1] if o["paragraphs"] else "")
            got_date = (o.get("month"), o.get("day"))
            if t["month"]:
                totals["dated_expected"] += 1
            spaces = stray_spaces(t, o)
            breaks = [p for p in o["paragraphs"] if "\n" in p]
            result = {
                "title": (headline(t["title"]) in printed_titles(o), (t["title"], o.get("title"))),
                "kicker": (headline(t.get("kicker")) == headline(o.get("kicker")), (t.get("kicker"), o.get("kicker"))),
                "subtitle": (headline(t.get("subtitle")) == headline(o.get("subtitle")),
                             (t.get("subtitle"), o.get("subtitle"))),
                "date": ((t["month"], t["day"]) == got_date, ((t["month"], t["day"]), got_date)),
                "first": (ts[0] == os_[0], (ts[0][:50], os_[0][:50])),
                "last": (tl[-1] == ol[-1], (tl[-1][-40:], ol[-1][-40:])),
                "paragraphs": (len(t["paragraphs"]) == len(o["paragraphs"]), (len(t["paragraphs"]), len(o["paragraphs"]))),
                "no_stray_space": (not spaces, spaces[:3]),
                "no_stray_break": (not breaks, [b[:30] for b in breaks[:2]]),
            }
            for c, (ok, detail) in result.items():
                hits[c] += ok
                if not ok:
                    examples[c].append("%s: %s | %s" % (name, t["title"], detail))
    p = totals["paired"]
    figures = dict(totals)
    figures["precision"] = round(p / totals["output"], 4) if totals["output"] else 0.0
    figures["recall"] = round(p / totals["expected"], 4) if totals["expected"] else 0.0
    for key, (paired, expected) in sorted(by_layout.items()):
        figures[key] = round(paired / expected, 4)
    for c in CHECKS:
        figures[c + "_rate"] = round(hits[c] / p, 4) if p else 0.0
    return figures, {k: v[:show] for k, v in examples.items()}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("kind", choices=["synthetic", "real"])
    ap.add_argument("source", help="gen_corpus.py output folder, or the real corpus folder")
    ap.add_argument("--binary", default=os.path.join(here, "..", "..", ".build", "debug", "broadsheet"))
    ap.add_argument("--pages", type=int, default=60, help="real pages to assemble")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--json")
    args = ap.parse_args()
    if args.kind == "synthetic":
        pages = synthetic_pages(args.source)
    else:
        pages = real_pages(args.source, tempfile.mkdtemp(prefix="real-pages-"), args.pages, args.seed)
    outputs = run_convert(os.path.abspath(args.binary), [p["page"] for p in pages])
    figures, examples = score(pages, outputs, args.show)
    for k, v in figures.items():
        print("%-22s %s" % (k, v))
    for k, v in examples.items():
        if v:
            print("\n== %s" % k)
            for line in v:
                print("  " + line)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(figures, fh, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
