"""Screenshots at phone and desktop widths for a person to look at (Tests/browser/artifacts/)."""
import pytest

from site_gates import ARTIFACTS, sample_pages, site_folder

WIDTHS = {"phone": 390, "desktop": 1280}


def pages():
    site = site_folder()
    return sorted(sample_pages(site).items()) if (site / "index.html").exists() else []


@pytest.mark.parametrize("width_name", sorted(WIDTHS))
@pytest.mark.parametrize("name,path", pages())
def test_screenshot(browser, site, name, path, width_name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    width = WIDTHS[width_name]
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    browser.set_window_size(width, 900)
    browser.get(path.as_uri())
    height = browser.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
    browser.set_window_size(width, height)
    # The page must not scroll sideways at any width.
    overflow = browser.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    target = ARTIFACTS / f"{name}-{width_name}.png"
    browser.save_screenshot(str(target))
    assert target.stat().st_size > 0
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {width}px"


def test_dark_mode_screenshot(browser, site):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = sample_pages(site).get("article", site / "index.html")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    browser.set_window_size(1280, 1000)
    browser.get(path.as_uri())
    browser.save_screenshot(str(ARTIFACTS / "article-desktop-dark.png"))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
