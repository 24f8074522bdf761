"""Helpers shared by the gates: where the site is and which pages the browser gates look at.
(Kept out of conftest.py so that `import` never picks up another folder's conftest.)"""
import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[3]
ARTIFACTS = PROJECT / "Tests" / "browser" / "artifacts"


def site_folder() -> Path:
    site = Path(os.environ.get("BROADSHEET_SITE", "public"))
    return site if site.is_absolute() else PROJECT / site


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
