#!/usr/bin/env python3
"""Broadsheet's build benchmark: full build, no-op rebuild and one-file rebuild of generated and
real corpora, with wall time, throughput, peak RSS, output and search-index sizes.

  python3 bench/bench.py [--sizes 10000 100000] [--kinds gen real] [--work /tmp/broadsheet-bench]

Corpora and sites live in --work (never in the repository). Prints a Markdown table and writes
the raw figures as JSON to --work/results-<kinds>-<sizes>.json.
"""
import argparse
import json
import os
import time
import platform
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import query_bytes  # noqa: E402


def site_figures(out):
    site, files = common.tree_bytes(out, skip={".broadsheet-cache"})
    cache, _ = common.tree_bytes(os.path.join(out, ".broadsheet-cache"))
    index = query_bytes.index_bytes(out)
    return {"site_mb": site / 1e6, "site_files": files, "cache_mb": cache / 1e6, "index_mb": index / 1e6,
            "query_kb": query_bytes.query_kib(out)}


def edit_one(folder):
    """Appends a paragraph to the last article of the input in the middle of the sorted list (the
    same file every time). The paragraph names the moment of the run: ingest drops a repeated
    paragraph, so a fixed text would change nothing from the second run on."""
    paths = sorted(os.path.join(d, n) for d, _, names in os.walk(folder) for n in names if not n.startswith("."))
    victim = paths[len(paths) // 2]
    with open(victim, "ab") as fh:
        fh.write(("\n\u3000\u3000基准测试于%d追加的一段文字，用来检验增量构建只重写受影响的文件。\n" % time.time_ns()).encode())
    return os.path.relpath(victim, folder)


def run_corpus(a, kind, n):
    seeds, articles = common.generated_corpus(a.work, n) if kind == "gen" else common.real_corpus(a.work, n)
    common.age_inputs(seeds)
    in_bytes = common.input_bytes(seeds)
    out = os.path.join(a.work, "site-%s-%d" % (kind, n))
    logs = os.path.join(a.work, "logs")
    os.makedirs(logs, exist_ok=True)
    cmd = [a.bin, "build", "--seeds", seeds, "--out", out, "--config", a.config, "--templates", a.templates, "--verbose"]
    res = {"kind": kind, "articles": articles, "input_mb": in_bytes / 1e6, "steps": {}}

    def step(name, extra=()):
        log = os.path.join(logs, "%s-%d-%s.log" % (kind, n, name))
        r = common.timed(cmd + list(extra), log)
        with open(log, encoding="utf-8", errors="replace") as fh:
            lines = [line.rstrip() for line in fh if line.startswith("built ") or line.startswith("  time:")]
        r["summary"] = lines
        r["articles_per_s"] = articles / r["wall_s"]
        r["input_mb_per_s"] = in_bytes / 1e6 / r["wall_s"]
        res["steps"][name] = r
        print("%-6s %7d %-8s %7.2fs %8.0f art/s %6.1f MB/s rss %5.0f MB  load %s" % (
            kind, n, name, r["wall_s"], r["articles_per_s"], r["input_mb_per_s"], r["rss_mb"], r["load_before"]), flush=True)
        for line in lines:
            print("    " + line, flush=True)

    common.set_aside(out, a.work)  # no run pays for the harness's own deletion (common.set_aside)
    step("full", ["--clean"])
    res.update(site_figures(out))
    step("noop")
    res["edited"] = edit_one(seeds)
    step("onefile")
    return res


def table(results):
    rows = ["| corpus | articles | input MB | step | wall s | vs full | articles/s | input MB/s | peak RSS MB | CPU user+sys s | others' CPU s | load before |",
            "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in results:
        full = r["steps"]["full"]["wall_s"]
        for name, s in r["steps"].items():
            rows.append("| %s | %d | %.1f | %s | %.2f | %.1f%% | %.0f | %.1f | %.0f | %.1f | %.1f | %s |" % (
                r["kind"], r["articles"], r["input_mb"], name, s["wall_s"], 100 * s["wall_s"] / full,
                s["articles_per_s"], s["input_mb_per_s"], s["rss_mb"], s["user_s"] + s["sys_s"], s["others_cpu_s"], s["load_before"]))
    rows += ["", "| corpus | articles | site MB | site files | search index MB | bytes for one query (KiB) | cache MB |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        q = "%.1f" % r["query_kb"] if r["query_kb"] is not None else "n/a"
        rows.append("| %s | %d | %.1f | %d | %.1f | %s | %.1f |" % (r["kind"], r["articles"], r["site_mb"], r["site_files"], r["index_mb"], q, r["cache_mb"]))
    return "\n".join(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--kinds", nargs="+", default=["gen", "real"], choices=["gen", "real"])
    ap.add_argument("--work", default="/tmp/broadsheet-bench")
    ap.add_argument("--bin", default=os.path.join(common.REPO, ".build/release/broadsheet"))
    ap.add_argument("--config", default=os.path.join(common.REPO, "site.yml"))
    ap.add_argument("--templates", default=os.path.join(common.REPO, "Templates"))
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    print("machine: %d cores, %s, %s; load %s" % (os.cpu_count(), platform.processor() or platform.machine(), platform.release(), common.load()))
    try:
        results = [run_corpus(a, kind, n) for n in a.sizes for kind in a.kinds]
    finally:
        common.report_set_aside(a.work)
    name = "results-%s-%s.json" % ("-".join(a.kinds), "-".join(map(str, a.sizes)))
    with open(os.path.join(a.work, name), "w") as fh:
        json.dump(results, fh, indent=1)
    print()
    print(table(results))


if __name__ == "__main__":
    main()
