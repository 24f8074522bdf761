"""Fixtures for the site quality gates.

The gates build nothing: they read the site folder named by BROADSHEET_SITE (default `public`,
relative to the project root) and fail when it is missing.
"""
import shutil
import stat
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from site_gates import site_folder  # noqa: E402


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
