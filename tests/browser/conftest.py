"""The browser suite: one dashboard server on the demo database, driven by headless Chromium.

Without ``/usr/bin/chromium`` (or the Playwright package) the suite skips locally and fails in CI
(``CI=true``), where the browser must be installed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmarks.browser import CHROMIUM, launch, serve
from pipelines.store import writing
from tests.browser.demo_db import build

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
LOCAL_HOSTS = {"localhost", "127.0.0.1"}
_PROBES = ("/_stcore/health", "/_stcore/host-config")
# An organization whose name a spreadsheet would run as a formula, to see the export neutralise it.
HOSTILE_ORG = ("BROWSER-HOSTILE", "=1+1 Σύλλογος «Αλληλεγγύη»", "social_cooperative", "0101")


def _missing(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: the browser suite must run in CI")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_api():
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_api):
    chromium = launch(playwright_api)
    yield chromium
    chromium.close()


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory) -> Path:
    """The demo database with one organization named like a formula (in municipality 0101)."""
    db = build(tmp_path_factory.mktemp("browser"))
    with writing(db) as con:
        con.execute("BEGIN")
        con.execute("INSERT INTO organizations VALUES (?, ?, ?, ?, NULL, NULL, 0)", list(HOSTILE_ORG))
        con.execute("COMMIT")
    return db


@pytest.fixture(scope="session")
def base_url(browser_db):
    with serve(browser_db) as url:
        yield url


@dataclass
class Watched:
    """A page and what went wrong in it: console errors, uncaught errors, requests leaving localhost."""

    page: object
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.outside == []


def watch(page) -> Watched:
    watched = Watched(page)
    page.on("console", lambda message: _record_error(watched, message))
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.on("request", lambda request: _record_outside(watched, request.url))
    return watched


def _record_error(watched: Watched, message) -> None:
    # Opened at a page's path, Streamlit's client first asks for its endpoints under that path and,
    # answered 404, falls back to the root: those two probes are how it finds the server, not faults.
    probe = urlsplit(message.location.get("url", "")).path.endswith(_PROBES)
    if message.type == "error" and not probe:
        watched.errors.append(f"{message.text} ({message.location.get('url')})")


def _record_outside(watched: Watched, url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
        watched.outside.append(url)


@pytest.fixture
def context(browser):
    ctx = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    yield ctx
    ctx.close()


@pytest.fixture
def watched(context) -> Watched:
    """A fresh page in the test's browser context, watched for errors and outside requests."""
    return watch(context.new_page())
