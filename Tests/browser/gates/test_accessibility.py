"""axe-core finds no WCAG violation on the home page, a topic page, an article, a search, and the
overview (SVG chart) and archive pages."""
import pytest
from selenium_axe_python import Axe

from site_gates import sample_pages, site_folder

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}}


def urls():
    site = site_folder()
    pages = {name: path.as_uri() for name, path in sample_pages(site).items()} if (site / "index.html").exists() else {}
    pages["search"] = (site / "search.html").as_uri() + "?q=%E5%B0%B1%E4%B8%9A"  # 就业
    pages["overview"] = (site / "overview.html").as_uri()
    pages["archive"] = (site / "archive.html").as_uri()
    return pages


@pytest.mark.parametrize("name,url", sorted(urls().items()))
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_has_no_axe_violations(browser, site, name, url, scheme):
    browser.set_window_size(1280, 900)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    browser.get(url)
    axe = Axe(browser)
    axe.inject()
    results = axe.run(options=WCAG)
    violations = results["violations"]
    assert not violations, axe.report(violations)
    if name == "search":
        items = browser.find_elements("css selector", "[data-search-results] li")
        assert items, "search.html?q=就业 shows no results"
