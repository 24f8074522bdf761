#!/usr/bin/env python3
"""Time to results and files loaded for queries typed into a real browser on file://.

Writes a minimal search.html (the DOM contract of the site's pages) and assets/search.js into
SITE (an index written by broadsheet-search-bench, or a built site), opens
file://SITE/search.html?q=QUERY in headless Chromium with a fresh page per query, waits for
[data-search-results][data-search-state=done] and reports: results page ready
(performance.now() at render, from navigation start), search time (query → rendered), and
the bytes of every script the page loaded (its <script> elements; sizes from disk).

usage: python3 bench/search/browser.py SITE [QUERY ...]
"""
import json
import os
import shutil
import sys
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

HERE = os.path.dirname(os.path.abspath(__file__))
SEARCH_JS = os.path.join(HERE, "..", "..", "Templates", "assets", "search.js")
PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title></head><body>
<form role="search" action="search.html"><label for="search-input">搜索</label>
<input type="search" id="search-input" name="q"><button type="submit">搜索</button></form>
<main><ul data-search-results></ul></main>
<script src="search-index.js"></script><script src="assets/search.js" data-root=""></script></body></html>
"""


def main():
    site = os.path.abspath(sys.argv[1])
    queries = sys.argv[2:] or ["就业", "就業", "乡村振兴", "高质量发展", "5G"]
    os.makedirs(os.path.join(site, "assets"), exist_ok=True)
    shutil.copy(SEARCH_JS, os.path.join(site, "assets", "search.js"))
    with open(os.path.join(site, "search.html"), "w", encoding="utf-8") as f:
        f.write(PAGE)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    rows = []
    try:
        for q in queries:
            driver.get("about:blank")
            driver.get("file://" + site + "/search.html?q=" + urllib.parse.quote(q))
            WebDriverWait(driver, 30).until(
                lambda d: d.find_element(By.CSS_SELECTOR, "[data-search-results]").get_attribute("data-search-state") == "done")
            lst = driver.find_element(By.CSS_SELECTOR, "[data-search-results]")
            names = driver.execute_script(
                "return Array.prototype.map.call(document.scripts, function(s){return s.src})")
            size = 0
            for n in names:
                p = urllib.parse.unquote(urllib.parse.urlparse(n).path)
                if os.path.exists(p):
                    size += os.path.getsize(p)
            rows.append({"query": q, "results": len(lst.find_elements(By.CSS_SELECTOR, "li")),
                         "ready_ms": int(lst.get_attribute("data-search-at")),
                         "search_ms": int(lst.get_attribute("data-search-ms")),
                         "files": len(names), "kib": round(size / 1024, 1)})
    finally:
        driver.quit()
    print("| query | shown | ready ms (from navigation) | search ms (query → rendered) | scripts | KiB loaded |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['query']} | {r['results']} | {r['ready_ms']} | {r['search_ms']} | {r['files']} | {r['kib']} |")
    print(json.dumps(rows, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
