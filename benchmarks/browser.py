"""The dashboard in a real browser: the time from a filter change to the rendered result.

``filter_change_seconds(db)`` starts ``streamlit run dashboard.py`` on ``db`` and drives it in headless
Chromium (Debian's ``/usr/bin/chromium`` driven by Playwright). On the Explore page it switches the
horizontal-axis indicator back and forth; each round is timed from the choice in the drop-down to the
moment the script has finished (``data-test-script-state="notRunning"``) and the scatter shows the new
axis title. On the Overview page it does the same with the indicator of the municipality map, timed to
the finished run with the map's values redrawn. Each change also counts the bytes the server sent
for it. The server and browser helpers here are shared with the browser test suite.

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
# The two indicators the benchmark switches between, by their English labels.
SWITCHED = ("Volunteer hours per resident", "Active organizations per 10,000 residents")
OPENED_ON = "volunteer_hours_per_capita"  # the code of SWITCHED[0]: each page opens on it, so every choice is a change
MAP_INDICATOR = "Indicator"  # the label of the Overview map's drop-down, in English
CHART = "[data-testid='stPlotlyChart']"


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
    box = selectbox(page, label).locator("input[role='combobox']")
    # A drop-down closes on scroll: one opened by the click that also scrolled it into view would close again.
    box.scroll_into_view_if_needed()
    box.click()
    page.locator("[role='listbox'] [role='option']").filter(has_text=option).first.click()


def selectbox(page, label: str):
    """The drop-down whose label holds ``label``."""
    return page.locator("[data-testid='stSelectbox']").filter(has_text=label).first


def chosen(page, label: str) -> str:
    """The text the drop-down labelled ``label`` shows."""
    return selectbox(page, label).locator("input[role='combobox']").input_value()


def x_title(page) -> str:
    """The horizontal-axis title of the first chart on the page."""
    return page.locator(f"{CHART} .xtitle").first.text_content() or ""


def map_values(page) -> str:
    """The values the first chart of the page (the Overview map) colours its areas by, as JSON text."""
    return page.locator(f"{CHART} .js-plotly-plot").first.evaluate("gd => JSON.stringify(gd.data[0].z)")


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


def time_map_change(page, option: str) -> float:
    """Seconds from choosing ``option`` as the Overview map's indicator to the finished run with the map
    headed by it and drawn with other values than before."""
    before = map_values(page)
    started = time.perf_counter()
    choose(page, MAP_INDICATOR, option)
    page.wait_for_function(
        """([heading, before]) => {
            const app = document.querySelector("[data-testid='stApp']");
            const headed = [...document.querySelectorAll("h3")].some((h) => h.textContent.startsWith(heading));
            const map = document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot");
            return app && app.dataset.testScriptState === "notRunning" && headed && map && map.data
                && JSON.stringify(map.data[0].z) !== before;
        }""",
        arg=[f"Map: {option}", before],
        timeout=RUN_TIMEOUT_MS,
    )
    return time.perf_counter() - started


class Received:
    """The bytes a page has received over Streamlit's websocket: what the server sends for each change."""

    def __init__(self, page) -> None:
        self.bytes = 0
        page.on("websocket", lambda socket: socket.on("framereceived", self._add))

    def _add(self, payload: str | bytes) -> None:
        self.bytes += len(payload)


def _rounds(change, received: Received, rounds: int) -> dict:
    """``change(option)`` back and forth between the two ``SWITCHED`` indicators: the seconds of each change
    after the first two, and the bytes received for a first choice and for a repeated one.

    The first two changes warm the caches of both choices; Streamlit's browser keeps a large element it has
    been sent and is sent only its hash again, so a repeated choice costs less than a new one.
    """
    first = [_received(received, lambda option=option: change(option))[1] for option in (SWITCHED[1], SWITCHED[0])]
    timed = [_received(received, lambda i=i: change(SWITCHED[(i + 1) % 2])) for i in range(rounds)]
    seconds = [s for s, _ in timed]
    return {
        "rounds": rounds,
        "median_s": round(statistics.median(seconds), 3),
        "max_s": round(max(seconds), 3),
        "target_s": TARGET_SECONDS,
        "within_target": max(seconds) < TARGET_SECONDS,
        "received_mb_first_choice": round(max(first) / 1e6, 3),
        "received_mb_repeat": round(statistics.median(size for _, size in timed) / 1e6, 3),
    }


def _received(received: Received, action) -> tuple[float, int]:
    before = received.bytes
    return action(), received.bytes - before


def filter_change_seconds(db: Path, rounds: int = 6) -> dict:
    """Timings of a filter change in a real browser on the dashboard serving ``db``: the Explore page's at the
    top level (as before), the Overview map's under ``"overview"``."""
    from playwright.sync_api import sync_playwright

    with serve(db) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            received = Received(page)
            page.goto(f"{url}/explore?lang=en&period=year&ind={OPENED_ON}")
            wait_for_app(page)
            explore = _rounds(lambda option: time_change(page, "horizontal axis", option), received, rounds)
            page.goto(f"{url}/?lang=en&period=year&level=municipality&ind={OPENED_ON}")
            wait_for_app(page)
            overview = _rounds(lambda option: time_map_change(page, option), received, rounds)
        finally:
            browser.close()
    return {
        "page": "explore", "change": "horizontal-axis indicator", **explore,
        "overview": {"page": "overview", "change": "indicator of the municipality map", **overview},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.browser")
    parser.add_argument("db", type=Path, help="a built civhub database")
    parser.add_argument("--rounds", type=int, default=6)
    args = parser.parse_args(argv)
    print(json.dumps(filter_change_seconds(args.db.resolve(), args.rounds), indent=2))


if __name__ == "__main__":
    main()
