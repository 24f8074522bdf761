"""Shared fixtures for the site quality gates.

The gates build nothing: they read the site folder named by BROADSHEET_SITE (default `public`,
relative to the project root) and fail when it is missing.
"""
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[3]
ARTIFACTS = PROJECT / "Tests" / "browser" / "artifacts"


def site_folder() -> Path:
    site = Path(os.environ.get("BROADSHEET_SITE", "public"))
    return site if site.is_absolute() else PROJECT / site


@pytest.fixture(scope="session")
def site() -> Path:
    folder = site_folder()
    if not (folder / "index.html").is_file():
        pytest.fail(f"no site at {folder}: build it first (or set BROADSHEET_SITE)")
    return folder


@pytest.fixture(scope="session")
def readable_site(site):
    """A world-readable copy: linkchecker run as root drops to user nobody."""
    tmp = Path(tempfile.mkdtemp(prefix="broadsheet-site-"))
    copy = tmp / "site"
    shutil.copytree(site, copy)
    for path in [tmp, *tmp.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH | (0o111 if path.is_dir() else 0))
    yield copy
    shutil.rmtree(tmp, ignore_errors=True)


def html_pages(site: Path):
    return sorted(p for p in site.rglob("*.html"))


def sample_pages(site: Path) -> dict:
    """The pages the browser gates look at: home, a topic page with entries, an article."""
    topics = sorted(site.glob("topics/*/index.html"), key=lambda p: (-p.read_text("utf-8").count('class="entry"'), str(p)))
    articles = sorted(site.glob("articles/*.html"))
    # Prefer an article that shows most of the page: kicker, subtitle, figure, related list.
    def richness(p):
        text = p.read_text("utf-8")
        return -sum(marker in text for marker in ('class="kicker"', 'class="subtitle"', "<figure", 'class="related"', "<h2>")), str(p)
    articles.sort(key=richness)
    pages = {"home": site / "index.html"}
    if topics:
        pages["topic"] = topics[0]
    if articles:
        pages["article"] = articles[0]
    return pages


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    yield driver
    driver.quit()
