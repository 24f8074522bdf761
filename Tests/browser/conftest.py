"""Shared fixtures for the browser tests: one site build, one headless Chromium.

The site is built by the release binary into a temporary folder (never into public/), and opened
from disk through file:// as a reader would. Nothing is downloaded: Selenium drives Debian's
chromium through Debian's chromedriver.
"""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = REPO / ".build" / "release" / "broadsheet"


@pytest.fixture(scope="session")
def site():
    """A freshly built site folder (env BROADSHEET_SITE overrides it with an existing one)."""
    given = os.environ.get("BROADSHEET_SITE")
    if given:
        yield pathlib.Path(given).resolve()
        return
    folder = pathlib.Path(tempfile.mkdtemp(prefix="broadsheet-browser-"))
    out = folder / "public"
    subprocess.run(
        [str(BINARY), "build", "--seeds", "seeds", "--out", str(out), "--config", "site.yml", "--templates", "Templates"],
        cwd=REPO, check=True,
    )
    yield out
    shutil.rmtree(folder, ignore_errors=True)


def make_driver(width=1280, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--lang=zh-CN"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


@pytest.fixture(scope="session")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


def requested_urls(browser):
    """Every URL the page asked the network stack for, from Chromium's performance log."""
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(browser):
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
