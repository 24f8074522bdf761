"""Shared fixtures for the browser tests: one site build, one headless Chromium.

The site is built by the release binary into a temporary folder (never into public/), and opened
from disk through file:// as a reader would. Nothing is downloaded: Selenium drives Debian's
chromium through Debian's chromedriver.
"""
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

from browser_support import make_driver

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



@pytest.fixture(scope="session")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()
