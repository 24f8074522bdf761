"""Search-index size and the bytes a browser loads to answer one query.

The sharded index (docs/search-index.md) ships its own measure, tried first: a script
`bench/search/query_bytes.py` or the `broadsheet search --bytes` option, whichever the search
engineer provides. Without either, the index is one script, `search-index.js`, that the search page
loads whole: one query costs search.html + assets/search.js + search-index.js."""
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
    here = os.path.dirname(os.path.abspath(__file__))
    tool = os.path.join(here, "search", "query_bytes.py")
    if os.path.exists(tool):
        p = subprocess.run([sys.executable, tool, "--site", site, "--query", query], capture_output=True, text=True)
        if p.returncode == 0 and p.stdout.strip():
            return int(p.stdout.split()[0]) / 1024
    monolith = os.path.join(site, "search-index.js")
    if os.path.exists(monolith) and not os.path.isdir(os.path.join(site, "search")):
        return sum(os.path.getsize(os.path.join(site, p)) for p in ("search.html", "assets/search.js", "search-index.js")
                   if os.path.exists(os.path.join(site, p))) / 1024
    return None
