"""The Methodology page, driven through dashboard.py with AppTest on a database the real pipeline created.

A fresh database already holds the reference tables (valuation rates, unit costs, rents) of
``data/reference/``; the expected values below are read off those CSV files by hand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from civhub import markdown
from civhub.indicators.registry import INDICATORS
from pipelines.store import create_database

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
PAGE = "civhub/ui/methodology.py"


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("reference")
    db = folder / "civhub.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CIVHUB_KEY_FILE", str(folder / "pseudonym.key"))
        create_database(db, synthetic=True)
    return db


@pytest.fixture
def live(reference_db, monkeypatch) -> Path:
    monkeypatch.setenv("CIVHUB_DB", str(reference_db))
    return reference_db


def open_page(lang: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    return at.run()


def titles(at: AppTest) -> list[str]:
    # Labels are Markdown-escaped on the page; a reader sees them without the backslashes.
    return [expander.label.replace("\\", "") for expander in at.expander]


def entry(at: AppTest, title: str) -> str:
    (found,) = [e for e in at.expander if e.label.replace("\\", "") == title]
    return found.markdown[0].value.replace("\\", "")


def table(at: AppTest, heading: str):
    """The dataframe that follows the subheader ``heading``."""
    headings = [h.value for h in at.subheader]
    return at.dataframe[headings.index(heading) - 1].value


def test_greek_page_lists_every_indicator_with_its_definition(live):
    at = open_page("el")
    assert not at.exception
    assert at.title[0].value == "Μεθοδολογία"
    assert len(at.warning) == 1  # the database is synthetic
    assert titles(at)[0] == "Γενικές αρχές"
    assert len(titles(at)) == 1 + len(INDICATORS)
    assert entry(at, "Ώρες ανά εθελοντή (Κοινωνικό κεφάλαιο)") == (
        "**Ορισμός και τύπος:** Ώρες εθελοντισμού της περιόδου / διαφορετικοί εθελοντές με ώρες στην περίοδο.  \n"
        "**Μονάδα:** ώρες ανά εθελοντή  \n"
        "**Κατεύθυνση:** η μεγαλύτερη τιμή είναι καλύτερη  \n"
        "**Πηγές:** ώρες εθελοντισμού που υποβάλλουν οι οργανώσεις"
    )
    assert "**Κατεύθυνση:** η μικρότερη τιμή είναι καλύτερη" in entry(
        at, "Δημοτικό κόστος ανά ωφελούμενο (€) (Κόστος υπηρεσιών)"
    )


def test_english_page_and_the_group_filter(live):
    at = open_page("en")
    assert not at.exception
    assert "Hours per volunteer (Social capital)" in titles(at)
    assert "**Direction:** neither direction is better" in entry(at, "Municipal support (€) (Service cost)")
    at.main.segmented_control[0].set_value("service_cost").run()
    assert not at.exception
    shown = titles(at)[1:]
    assert "Value of volunteer work (€) (Service cost)" in shown
    assert "Hours per volunteer (Social capital)" not in shown
    assert all(title.endswith("(Service cost)") for title in shown)
    assert len(shown) == sum(1 for ind in INDICATORS if ind.group == "service_cost")


def test_rates_in_force_follow_the_chosen_day(live):
    at = open_page("en")
    at.date_input[0].set_value(dt.date(2024, 1, 1)).run()
    assert not at.exception
    rates = table(at, "Hourly valuation rates in force")
    assert len(rates) == 14  # one row per role category
    general = rates[rates["Role category"] == "General tasks"].iloc[0]
    # valuation_rates.csv: general, 2023-04-01 to 2024-04-01, 5.25 / 6.19 / 6.19.
    assert (general["In force since"], general["Low (€/hour)"], general["Central (€/hour)"],
            general["High (€/hour)"]) == ("1 April 2023", 5.25, 6.19, 6.19)
    at.date_input[0].set_value(dt.date(2025, 6, 1)).run()
    general = table(at, "Hourly valuation rates in force").set_index("Role category").loc["General tasks"]
    assert (general["In force since"], general["Low (€/hour)"], general["Central (€/hour)"]) == (
        "1 April 2025", 5.92, 6.98,
    )
    medical = table(at, "Hourly valuation rates in force").set_index("Role category").loc["Doctor"]
    assert medical["Low (€/hour)"] == 5.92


def test_a_day_before_any_rate_explains_itself(live):
    for lang, text in (("el", "Καμία αμοιβή αποτίμησης δεν ίσχυε στις 1 Ιανουαρίου 2010."),
                       ("en", "No valuation rate was in force on 1 January 2010.")):
        at = open_page(lang)
        at.date_input[0].set_value(dt.date(2010, 1, 1)).run()
        assert not at.exception
        assert [info.value for info in at.info] == [text]


def test_unit_costs_and_rents_with_their_sources(live):
    at = open_page("el")
    costs = table(at, "Αξία μονάδας υπηρεσίας").set_index("Μονάδα υπηρεσίας")
    assert len(costs) == 9
    assert (costs.loc["Δέμα τροφίμων", "€ ανά μονάδα"], costs.loc["Δέμα τροφίμων", "Παραδοχή"]) == (21.09, "ναι")
    assert (costs.loc["Γεύμα", "€ ανά μονάδα"], costs.loc["Γεύμα", "Παραδοχή"]) == (4.10, "όχι")
    assert costs.loc["Γεύμα", "Πηγή"].startswith("dish of the day at a private school canteen")
    rents = table(at, "Τεκμαρτό μηνιαίο μίσθωμα δημοτικών χώρων")
    assert len(rents) == 6
    building = rents[(rents["Είδος χώρου"] == "Κτίριο") & (rents["Μονάδα έκτασης"] == "τ.μ.")].iloc[0]
    assert building["€ ανά μονάδα και μήνα"] == 10.05
    # Two buttons under the indicators, the rates, the costs and the rents.
    assert len(at.get("download_button")) == 8


def test_missing_database_gives_a_plain_message(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVHUB_DB", str(tmp_path / "absent.duckdb"))
    at = open_page("en")
    assert not at.exception
    assert "has not been built" in at.info[0].value
    assert len(at.dataframe) == 0


def test_markdown_escape_shows_text_as_written():
    assert markdown.escape("**x** _y_ [a](b) <b> $1 #2 1. :red[z]") == (
        r"\*\*x\*\* \_y\_ \[a\]\(b\) \<b\> \$1 \#2 1\. \:red\[z\]"
    )
