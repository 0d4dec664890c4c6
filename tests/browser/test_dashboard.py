"""The running dashboard in headless Chromium: every page in both languages, a filter change, a CSV
download, a copied link, no console errors and no request leaving the machine."""

from __future__ import annotations

import csv
import io

import pytest

from benchmarks.browser import choose, chosen, time_change, wait_for_app, x_title
from civhub import config, i18n
from civhub.ui.pages import PAGES
from tests.browser.conftest import HOSTILE_ORG, SCREENSHOTS, watch

pytestmark = pytest.mark.browser

# The default page is served at the root: its own path would make Streamlit say the page does not exist.
SHOWN_PAGES = [("" if url == "overview" else url, title) for url, path, title in PAGES
               if (config.ROOT / path).is_file()]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def open_page(watched, base_url: str, path: str) -> None:
    watched.page.goto(f"{base_url}/{path}")
    wait_for_app(watched.page)


@pytest.mark.parametrize("lang", ["el", "en"])
@pytest.mark.parametrize(("url", "title"), SHOWN_PAGES)
def test_every_page_renders_in_both_languages(watched, base_url, url, title, lang):
    open_page(watched, base_url, f"{url}?lang={lang}")
    page = watched.page
    assert page.locator("[data-testid='stException']").count() == 0
    # The navigation is titled in the page's language; the synthetic label shows on the demo database.
    assert page.locator("[data-testid='stSidebarNav']").get_by_text(i18n.t(title, lang), exact=True).count() == 1
    assert page.locator("[data-testid='stAlert']").get_by_text(i18n.t("data.synthetic", lang)[:20]).count() >= 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{url or 'overview'}-{lang}.png"), full_page=True)
    watched.assert_clean()


def test_a_filter_change_redraws_the_figure(watched, base_url):
    open_page(watched, base_url, "explore?lang=en&ind=volunteers_per_1k&ind2=collaboration_rate&period=year")
    before = x_title(watched.page)
    assert before.startswith("Volunteers per 1,000 residents")
    time_change(watched.page, "horizontal axis", "Hours per volunteer")
    assert x_title(watched.page).startswith("Hours per volunteer")
    watched.assert_clean()


def test_csv_download_keeps_greek_and_neutralises_formulas(watched, base_url):
    open_page(watched, base_url, "network?lang=el&muni=0101")
    csv_label = i18n.t("common.download_csv", "el")
    buttons = watched.page.locator("[data-testid='stDownloadButton']").filter(has_text=csv_label)
    with watched.page.expect_download() as started:
        buttons.last.click()
    raw = started.value.path().read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Οργάνωση", "Τύπος"]
    cells = [cell for row in rows for cell in row]
    assert "'" + HOSTILE_ORG[1] in cells
    assert "Κοινωνική συνεταιριστική επιχείρηση (ΚοινΣΕπ)" in cells
    assert [cell for cell in cells if cell.startswith(FORMULA_STARTS)] == []
    watched.assert_clean()


def test_a_copied_link_opens_the_same_view(watched, context, base_url):
    open_page(watched, base_url, "explore?lang=en&period=quarter")
    choose(watched.page, "horizontal axis", "Bridging share")
    wait_for_app(watched.page)
    choose(watched.page, "Municipalities", "Island municipalities")
    wait_for_app(watched.page)
    watched.page.wait_for_url(lambda url: "group=island" in url and "ind=bridging_share" in url)
    link = watched.page.url
    assert "ind=bridging_share" in link and "group=island" in link and "period=quarter" in link
    state = {label: chosen(watched.page, label) for label in ("horizontal axis", "Period", "Municipalities")}

    copied = watch(context.new_page())
    copied.page.goto(link)
    wait_for_app(copied.page)
    assert {label: chosen(copied.page, label) for label in state} == state
    assert x_title(copied.page).startswith("Bridging share")
    watched.assert_clean()
    copied.assert_clean()


def test_a_link_to_a_municipality_opens_it(watched, base_url):
    open_page(watched, base_url, "network?muni=0101&lang=el")
    assert chosen(watched.page, "Δήμος").startswith("Δήμος Κομοτηνής")
    assert watched.page.locator("[data-testid='stDataFrame']").count() >= 1
    watched.assert_clean()
