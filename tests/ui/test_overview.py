"""The overview page, driven through dashboard.py with Streamlit's AppTest on the hand-made database."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from .conftest import execute

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"

# Counted by hand from tests/ui/conftest.py.
GREEK_FIGURES = {
    "Δήμοι στο Σύμφωνο Συνεργασίας": "3",
    "Κέντρα Ενεργών Πολιτών σε λειτουργία": "2",
    "Οργανώσεις": "5",
    "Εθελοντές": "6",
    "Ώρες εθελοντισμού": "19,5",
    "Ωφελούμενοι": "1.280",
}
ENGLISH_FIGURES = {
    "Municipalities in the Cooperation Pact": "3",
    "Centres of Active Citizens open": "2",
    "Organizations": "5",
    "Volunteers": "6",
    "Volunteer hours": "19.5",
    "People served": "1,280",
}


def run_dashboard(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    if lang is not None:
        at.query_params["lang"] = lang
    return at.run()


def figures(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def texts(elements) -> list[str]:
    return [element.value for element in elements]


def test_greek_by_default(test_db):
    at = run_dashboard()
    assert not at.exception
    assert figures(at) == GREEK_FIGURES
    assert "Στοιχεία από 3 Απριλίου 2023 έως 15 Ιουλίου 2024." in texts(at.caption)
    assert at.query_params["lang"] == "el"


def test_english_from_the_url(test_db):
    at = run_dashboard("en")
    assert not at.exception
    assert figures(at) == ENGLISH_FIGURES
    assert "Data from 3 April 2023 to 15 July 2024." in texts(at.caption)


def test_organizations_by_type_named_in_the_language(test_db):
    at = run_dashboard()
    # 3 social cooperatives, then the two types with 1 each in code order (social_clinic < solidarity_house).
    expected = pd.DataFrame(
        {
            "Τύπος": ["Κοινωνική συνεταιριστική επιχείρηση (ΚοινΣΕπ)", "Κοινωνικό ιατρείο", "Οίκος αλληλεγγύης"],
            "Οργανώσεις": [3, 1, 1],
        }
    )
    table = at.dataframe[0].value
    assert table["Τύπος"].tolist() == expected["Τύπος"].tolist()
    assert table["Οργανώσεις"].tolist() == expected["Οργανώσεις"].tolist()


def test_synthetic_label_in_both_languages(test_db):
    greek = run_dashboard("el")
    english = run_dashboard("en")
    assert len(greek.warning) == 1 and greek.warning[0].value.startswith("Συνθετικά δεδομένα")
    assert len(english.warning) == 1 and english.warning[0].value.startswith("Synthetic data")


def test_no_synthetic_label_on_real_data(test_db):
    execute(test_db, "DELETE FROM meta WHERE key = 'synthetic'")
    at = run_dashboard()
    assert not at.exception
    assert len(at.warning) == 0


def test_switch_keeps_the_language_in_the_url(test_db):
    at = run_dashboard()
    at.sidebar.segmented_control[0].set_value("en").run()
    assert not at.exception
    assert at.query_params["lang"] == "en"
    assert figures(at) == ENGLISH_FIGURES


def test_unknown_language_falls_back_to_greek(test_db):
    at = run_dashboard("fr")
    assert not at.exception
    assert figures(at) == GREEK_FIGURES
    assert at.query_params["lang"] == "el"


def test_volunteer_figures_withheld_below_five_volunteers(test_db):
    # Without v5 and v6 four volunteers remain: too few to publish their count or hours.
    execute(test_db, "DELETE FROM volunteer_hours WHERE volunteer_no IN (5, 6)")
    at = run_dashboard("en")
    shown = figures(at)
    assert shown["Volunteers"] == "—"
    assert shown["Volunteer hours"] == "—"
    assert shown["People served"] == "1,280"
    assert "Volunteer figures are shown only when built from at least 5 distinct volunteers." in texts(at.caption)


def test_missing_database_message(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVHUB_DB", str(tmp_path / "absent.duckdb"))
    for lang, words in (("el", "δεν έχει δημιουργηθεί"), ("en", "has not been built")):
        at = run_dashboard(lang)
        assert not at.exception
        assert len(at.metric) == 0
        message = at.info[0].value
        assert words in message
        assert "make run" in message and "python -m pipelines demo" in message


def test_unreadable_database_gives_a_plain_message(tmp_path, monkeypatch):
    broken = tmp_path / "civhub.duckdb"
    broken.write_bytes(b"this is not a database file" * 200)
    monkeypatch.setenv("CIVHUB_DB", str(broken))
    at = run_dashboard("en")
    assert not at.exception
    # Not "try again": no waiting makes this file a database.
    assert texts(at.error) == [
        f"The file {broken} is not a civhub database (it is not a DuckDB file). Move it aside, then build the "
        "database with `make run` or with `python -m pipelines demo`."]


def test_swapped_database_is_read_on_the_next_interaction(test_db, tmp_path):
    at = run_dashboard("en")
    assert figures(at)["Municipalities in the Cooperation Pact"] == "3"
    # As the pipelines do: build the next file beside the live one, then replace the live one atomically.
    next_db = tmp_path / "next.duckdb"
    shutil.copyfile(test_db, next_db)
    execute(next_db, "INSERT INTO pact VALUES ('0104', DATE '2024-03-01', NULL, 5)")
    os.replace(next_db, test_db)
    at.run()
    assert not at.exception
    assert figures(at)["Municipalities in the Cooperation Pact"] == "4"
