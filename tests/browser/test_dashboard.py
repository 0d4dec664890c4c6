"""The running dashboard in headless Chromium: every page in both languages, a filter change, a CSV
download, a copied link, a click on the scatter or the map that opens a municipality, no console errors
and no request leaving the machine."""

from __future__ import annotations

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest

from benchmarks.browser import RUN_TIMEOUT_MS, choose, chosen, time_change, time_map_change, wait_for_app, x_title
from civhub import config, i18n
from civhub.indicators.registry import indicator
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
    name = url or "overview"
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{lang}.png"), full_page=True)
    # The page scrolls inside its own frame, so its first chart (the Overview's map) gets a picture of its own.
    charts = page.locator(CHART)
    if charts.count():
        chart = charts.first
        chart.scroll_into_view_if_needed()
        chart.locator(".main-svg").first.wait_for()
        chart.screenshot(path=str(SCREENSHOTS / f"{name}-{lang}-chart.png"))
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



@pytest.mark.parametrize("lang", ["el", "en"])
def test_the_overview_opens_at_its_own_path_too(watched, base_url, lang):
    # Streamlit serves the default page at the root; a link to /overview must still open it, with no
    # "Page not found" notice in front of it, marked in the navigation as the current page.
    # "also" stands for any parameter given twice: both of its values are kept.
    open_page(watched, base_url, f"overview?lang={lang}&ind=collaboration_rate&also=1&also=2")
    page = watched.page
    # The page at /overview runs first and hands over to the root: the app may rest between the two runs.
    page.wait_for_url(lambda url: urlsplit(url).path == "/", timeout=RUN_TIMEOUT_MS)
    page.locator("h1").filter(has_text=i18n.t("overview.title", lang)).wait_for(timeout=RUN_TIMEOUT_MS)
    wait_for_app(page)
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("h1").filter(has_text=i18n.t("overview.title", lang)).count() == 1
    assert chosen(page, i18n.t("overview.indicator", lang)) == indicator("collaboration_rate").label(lang)
    assert page.locator(CHART).count() >= 1
    current = page.locator("[data-testid='stSidebarNavLink'][aria-current='page']")
    assert current.count() == 1 and current.inner_text().strip() == i18n.t("nav.overview", lang)
    assert urlsplit(page.url).path == "/"  # sent on to the root, where the overview is served
    query = parse_qs(urlsplit(page.url).query)
    assert query["ind"] == ["collaboration_rate"] and query["also"] == ["1", "2"]
    watched.assert_clean()

# The town of Grevena, seat of the municipality of Grevena (2011 and 2021 code 1501): a large inland
# municipality, so a click there is well inside its polygon at the map's opening zoom.
GREVENA = "1501"  # a compact municipality: the middle of its outline lies inside it
CHART = "[data-testid='stPlotlyChart']"


def isolated_point(page) -> tuple[str, float, float]:
    """The code and the screen centre of a scatter point with no other point within 30 pixels, so that a
    click there can only mean it. The code is the point's first custom datum, read from the drawn figure."""
    chart = page.locator(CHART).first
    chart.scroll_into_view_if_needed()
    points = chart.locator(".scatterlayer path.point").evaluate_all(
        """(elements) => elements.map((el) => {
            const box = el.getBoundingClientRect();
            const trace = el.closest(".trace").__data__[0].trace;
            return [trace.customdata[el.__data__.i][0], box.x + box.width / 2, box.y + box.height / 2];
        })"""
    )
    for code, x, y in points:
        if all((x - x2) ** 2 + (y - y2) ** 2 > 30**2 for other, x2, y2 in points if other != code):
            return code, x, y
    raise AssertionError("every point of the scatter has another within 30 pixels")


def map_pixel(page, code: str) -> tuple[float, float]:
    """The middle of the area ``code`` (its 2011 code) on the first chart's map, once it has drawn."""
    chart = page.locator(f"{CHART} .js-plotly-plot").first
    chart.scroll_into_view_if_needed()
    # The map draws each area as an SVG path bound to its location.
    find = """(gd, code) => [...gd.querySelectorAll("path.choroplethlocation")]
        .find(path => path.__data__ && path.__data__.loc === code)"""
    page.wait_for_function(
        f"""code => ({find})(document.querySelector("[data-testid='stPlotlyChart'] .js-plotly-plot"), code)""",
        arg=code,
    )
    return tuple(chart.evaluate(
        f"""(gd, code) => {{
            const box = ({find})(gd, code).getBoundingClientRect();
            return [box.left + box.width / 2, box.top + box.height / 2];
        }}""",
        code,
    ))


def opened_profile(page, code: str) -> None:
    page.wait_for_url(lambda url: "/municipality?" in url and f"muni={code}" in url)
    wait_for_app(page)
    assert page.locator("h1").first.text_content() == "Municipality profile"
    assert chosen(page, "Municipality").endswith(f"({code})")


def test_clicking_a_scatter_point_opens_that_municipality(watched, base_url):
    open_page(watched, base_url, "explore?lang=en&period=year")
    page = watched.page
    code, x, y = isolated_point(page)
    page.mouse.click(x, y)
    opened_profile(page, code)
    assert "lang=en" in page.url
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "municipality-from-scatter.png"), full_page=True)

    # Back on Explore the click is forgotten: the page stays, and another click opens the other municipality.
    page.locator("[data-testid='stSidebarNav']").get_by_text("Explore", exact=True).click()
    page.wait_for_url(lambda url: "/explore" in url)
    wait_for_app(page)
    assert page.locator("h1").first.text_content() == "Explore the indicators"
    other, x, y = isolated_point(page)
    page.mouse.click(x, y)
    opened_profile(page, other)
    watched.assert_clean()


def test_clicking_a_municipality_on_the_map_opens_it(watched, base_url):
    open_page(watched, base_url, "?lang=en&level=municipality")
    page = watched.page
    code = GREVENA
    page.mouse.click(*map_pixel(page, code))
    opened_profile(page, code)
    assert chosen(page, "Municipality") == "Grevena (1501)"
    watched.assert_clean()


def test_clicking_a_region_on_the_map_changes_nothing(watched, base_url):
    open_page(watched, base_url, "?lang=en&level=region")
    page = watched.page
    before = page.url
    # West Macedonia (EL53), Grevena's region: a compact one, the middle of its outline lies inside it.
    page.mouse.click(*map_pixel(page, "EL53"))
    page.wait_for_timeout(1500)
    wait_for_app(page)
    assert page.url == before
    assert page.locator("[data-testid='stException']").count() == 0
    watched.assert_clean()


def test_an_indicator_change_redraws_the_map(watched, base_url):
    open_page(watched, base_url, "?lang=en&level=municipality&ind=active_organizations_per_10k")
    time_map_change(watched.page, "Volunteer hours per resident")
    assert chosen(watched.page, "Indicator") == "Volunteer hours per resident"
    watched.assert_clean()
