"""The dashboard in a real browser: the time from a filter change to the rendered result.

``filter_change_seconds(db)`` starts ``streamlit run dashboard.py`` on ``db``, opens the Explore page
in headless Chromium (Debian's ``/usr/bin/chromium`` driven by Playwright) and switches the
horizontal-axis indicator back and forth; each round is timed from the choice in the drop-down to
the moment the script has finished (``data-test-script-state="notRunning"``) and the scatter shows
the new axis title. The server and browser helpers here are shared with the browser test suite.

``python -m benchmarks.browser DB [--rounds N]`` prints the result as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
TARGET_SECONDS = 1.5
START_TIMEOUT_S = 90
RUN_TIMEOUT_MS = 60_000
# The two indicators the benchmark switches between, with their English axis-title prefixes.
SWITCHED = ("Volunteer hours per resident", "Active organizations per 10,000 residents")


def free_port() -> int:
    """A TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve(db: Path, key_file: Path | None = None) -> Iterator[str]:
    """``streamlit run dashboard.py`` on ``db``; yields its base URL and stops the server afterwards."""
    port = free_port()
    env = {**os.environ, "CIVHUB_DB": str(db), "CIVHUB_KEY_FILE": str(key_file or db.with_name("pseudonym.key"))}
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless=true",
               f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
               "--server.fileWatcherType=none"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_healthy(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}: {server.stderr.read().decode()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.read().decode().strip() == "ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer {url}/_stcore/health within {START_TIMEOUT_S} s")


def launch(playwright):
    """Headless Chromium from the system package: Playwright downloads no browser of its own."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def wait_for_app(page, timeout: int = RUN_TIMEOUT_MS) -> None:
    """Wait as Streamlit's own end-to-end suite does: connected, the script finished, no skeleton left."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_selector("[data-testid='stSkeleton']", state="detached", timeout=timeout)


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` (its shown text) in the drop-down labelled ``label``."""
    selectbox(page, label).locator("input[role='combobox']").click()
    page.locator("[role='listbox'] [role='option']").filter(has_text=option).first.click()


def selectbox(page, label: str):
    """The drop-down whose label holds ``label``."""
    return page.locator("[data-testid='stSelectbox']").filter(has_text=label).first


def chosen(page, label: str) -> str:
    """The text the drop-down labelled ``label`` shows."""
    return selectbox(page, label).locator("input[role='combobox']").input_value()


def x_title(page) -> str:
    """The horizontal-axis title of the first chart on the page."""
    return page.locator("[data-testid='stPlotlyChart'] .xtitle").first.text_content() or ""


def time_change(page, label: str, option: str) -> float:
    """Seconds from choosing ``option`` to the finished run with the first chart titled by it."""
    started = time.perf_counter()
    choose(page, label, option)
    page.wait_for_function(
        """(prefix) => {
            const app = document.querySelector("[data-testid='stApp']");
            const title = document.querySelector("[data-testid='stPlotlyChart'] .xtitle");
            return app && app.dataset.testScriptState === "notRunning" && title
                && title.textContent.startsWith(prefix);
        }""",
        arg=option,
        timeout=RUN_TIMEOUT_MS,
    )
    return time.perf_counter() - started


def filter_change_seconds(db: Path, rounds: int = 6) -> dict:
    """Timings of a filter change on the Explore page of the dashboard serving ``db``, in a real browser."""
    from playwright.sync_api import sync_playwright

    with serve(db) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/explore?lang=en&period=year")
            wait_for_app(page)
            time_change(page, "horizontal axis", SWITCHED[1])  # warms the caches of both choices
            time_change(page, "horizontal axis", SWITCHED[0])
            seconds = [time_change(page, "horizontal axis", SWITCHED[(i + 1) % 2]) for i in range(rounds)]
        finally:
            browser.close()
    return {
        "page": "explore",
        "change": "horizontal-axis indicator",
        "rounds": rounds,
        "median_s": round(statistics.median(seconds), 3),
        "max_s": round(max(seconds), 3),
        "target_s": TARGET_SECONDS,
        "within_target": max(seconds) < TARGET_SECONDS,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.browser")
    parser.add_argument("db", type=Path, help="a built civhub database")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    print(json.dumps(filter_change_seconds(args.db.resolve(), args.rounds), indent=2))


if __name__ == "__main__":
    main()
