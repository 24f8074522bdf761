#!/usr/bin/env python3
"""What the file system charges for a site of many files: create+write, hard-link, rename and
remove N files of 4 KB in one folder (the shape of public/articles/).

  python3 bench/fileops.py [--files 200000] [--dir /tmp/broadsheet-bench/fileops]
"""
import argparse
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200000)
    ap.add_argument("--dir", default="/tmp/broadsheet-bench/fileops")
    a = ap.parse_args()
    shutil.rmtree(a.dir, ignore_errors=True)
    src, dst = os.path.join(a.dir, "a"), os.path.join(a.dir, "b")
    os.makedirs(src)
    os.makedirs(dst)
    blob = b"x" * 4000
    names = ["f%06d.html" % i for i in range(a.files)]
    print("load before: %s" % common.load())
    t = time.perf_counter()
    for n in names:
        with open(os.path.join(src, n), "wb") as fh:
            fh.write(blob)
    t1 = time.perf_counter()
    for n in names:
        os.link(os.path.join(src, n), os.path.join(dst, n))
    t2 = time.perf_counter()
    os.rename(src, src + "-moved")
    t3 = time.perf_counter()
    shutil.rmtree(src + "-moved")
    t4 = time.perf_counter()
    shutil.rmtree(dst)
    t5 = time.perf_counter()
    print("%d files: create+write %.2fs, hard-link %.2fs, rename folder %.4fs, remove (links dropped) %.2fs, remove last links %.2fs; load after: %s"
          % (a.files, t1 - t, t2 - t1, t3 - t2, t4 - t3, t5 - t4, common.load()))
    shutil.rmtree(a.dir, ignore_errors=True)


if __name__ == "__main__":
    main()
