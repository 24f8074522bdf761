"""Shared helpers of the benchmark scripts: timed runs under /usr/bin/time -v, machine load,
corpus preparation. Standard library only."""
import json
import os
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
GEN = os.path.join(SHARED, "bench", "gen_corpus.py")
REAL = os.path.join(SHARED, "corpus", "people-daily-2019-02")
CLK = os.sysconf("SC_CLK_TCK")


def busy_jiffies():
    with open("/proc/stat") as fh:
        f = [int(x) for x in fh.readline().split()[1:]]
    return sum(f[:8]) - (f[3] + f[4])


def load():
    return "%.2f %.2f %.2f" % os.getloadavg()


def parse_time_v(path):
    d = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            k, _, v = line.strip().rpartition(": ")
            d[k.strip()] = v.strip()
    return {"rss_mb": int(d.get("Maximum resident set size (kbytes)", 0)) / 1024,
            "user_s": float(d.get("User time (seconds)", 0)), "sys_s": float(d.get("System time (seconds)", 0)),
            "exit": int(d.get("Exit status", -1))}


def timed(cmd, log, env=None):
    """Runs cmd under /usr/bin/time -v; wall time, peak RSS, CPU, the machine's load before the
    run and the CPU seconds other processes burnt during it."""
    subprocess.run(["sync"])
    before = load()
    b0 = busy_jiffies()
    t0 = time.perf_counter()
    with open(log, "w") as out:
        p = subprocess.run(["/usr/bin/time", "-v", "-o", log + ".time"] + cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    wall = time.perf_counter() - t0
    busy = (busy_jiffies() - b0) / CLK
    r = parse_time_v(log + ".time")
    r.update(wall_s=wall, load_before=before, others_cpu_s=max(0.0, busy - r["user_s"] - r["sys_s"]))
    if p.returncode != 0:
        sys.exit("command failed (%d): %s; see %s" % (p.returncode, " ".join(cmd), log))
    return r


def tree_bytes(root, skip=()):
    total = files = 0
    for d, dirs, names in os.walk(root):
        rel = os.path.relpath(d, root)
        dirs[:] = [x for x in dirs if os.path.normpath(os.path.join(rel, x)) not in skip]
        for n in names:
            total += os.lstat(os.path.join(d, n)).st_size
            files += 1
    return total, files


def generated_corpus(work, n):
    """gen_corpus.py's raw newspaper pages for n articles (made once, kept in work)."""
    out = os.path.join(work, "gen-%d" % n)
    if not os.path.exists(os.path.join(out, "stats.json")):
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([sys.executable, GEN, "--articles", str(n), "--seed", "42", "--out", out, "--format", "raw"],
                       check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "stats.json")) as fh:
        stats = json.load(fh)
    return os.path.join(out, "raw", "pages"), stats["articles"]


def real_corpus(work, n):
    """The People's Daily files (one article each) copied until there are n, every repetition under
    new dates: day d of the month becomes 2019-02-01 + 28·r + (d-1) days in file and folder names."""
    import datetime
    out = os.path.join(work, "real-%d" % n)
    done = os.path.join(out, ".complete")
    if not os.path.exists(done):
        shutil.rmtree(out, ignore_errors=True)
        originals = sorted(os.path.join(d, f) for d in sorted(os.listdir(REAL)) if os.path.isdir(os.path.join(REAL, d))
                           for f in sorted(os.listdir(os.path.join(REAL, d))))
        start = datetime.date(2019, 2, 1)
        for i in range(n):
            rep, k = divmod(i, len(originals))
            day_folder, name = originals[k].split("/")
            day = int(day_folder[6:8])
            date = (start + datetime.timedelta(days=28 * rep + day - 1)).strftime("%Y%m%d")
            target = os.path.join(out, date, date + name[8:])
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(REAL, originals[k]), target)
        open(done, "w").close()
    return out, n


def input_bytes(folder):
    return tree_bytes(folder)[0]


def age_inputs(folder):
    """Makes the inputs' modification times an hour old, as for an archive edited earlier (a file
    modified within 2 s of a build is re-read by the next build whatever its stamp)."""
    old = time.time() - 3600
    for d, _, names in os.walk(folder):
        for n in names:
            os.utime(os.path.join(d, n), (old, old))


def set_aside(path, work):
    """Moves a previous output out of the way instead of deleting it: a rename frees no inodes,
    so the next run does not pay ext4's scan of recently deleted ones (see side_by_side.py; at
    100,000 articles even a sync and 65 s after deleting 300,000 files left the next 10k build
    at twice its CPU). Nothing here deletes them: `make bench` does once every run is over."""
    if os.path.lexists(path):
        trash = os.path.join(work, "set-aside")
        os.makedirs(trash, exist_ok=True)
        os.rename(path, os.path.join(trash, "%d-%s" % (time.time_ns(), os.path.basename(path))))


def report_set_aside(work):
    trash = os.path.join(work, "set-aside")
    if os.path.exists(trash):
        print("previous outputs were set aside in %s; delete it once no timed run follows" % trash, flush=True)
