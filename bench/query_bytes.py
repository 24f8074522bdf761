"""Search-index size and the bytes a browser loads to answer one query.

The sharded index (docs/search-index.md) is measured with the search engineer's
bench/search/measure.js. The older one-file index is one script, `search-index.js`, that the search
page loads whole: one query costs search.html + assets/search.js + search-index.js."""
import os
import subprocess
import sys

QUERY = "就业"


def index_paths(site):
    for d, dirs, names in os.walk(site):
        rel = os.path.relpath(d, site)
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        for n in names:
            path = os.path.normpath(os.path.join(rel, n))
            if path.startswith("search-index") or path.split(os.sep)[0] in ("search-index", "search"):
                yield os.path.join(site, path)


def index_bytes(site):
    return sum(os.path.getsize(p) for p in index_paths(site))


def query_kib(site, query=QUERY):
    """KiB a browser loads for `query` showing 10 results: bench/search/measure.js (node), which
    follows docs/search-index.md; for the older one-file index, the files the search page loads."""
    here = os.path.dirname(os.path.abspath(__file__))
    tool = os.path.join(here, "search", "measure.js")
    if os.path.isdir(os.path.join(site, "search")) and os.path.exists(tool):
        p = subprocess.run(["node", tool, site, query], capture_output=True, text=True)
        for line in p.stdout.splitlines():
            cells = [c.strip() for c in line.strip("|").split("|")]
            if cells and cells[0] == query:
                return float(cells[-2].strip("*"))
        return None
    monolith = os.path.join(site, "search-index.js")
    if os.path.exists(monolith):
        return sum(os.path.getsize(os.path.join(site, p)) for p in ("search.html", "assets/search.js", "search-index.js")
                   if os.path.exists(os.path.join(site, p))) / 1024
    return None
