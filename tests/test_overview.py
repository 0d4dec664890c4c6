"""The headline figures of civhub/overview.py, on the hand-made database of tests/ui/conftest.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb
import pytest

from civhub import config, overview
from tests.ui.conftest import build_test_db, execute

TODAY = dt.date(2025, 1, 1)


@pytest.fixture
def db_file(tmp_path):
    return build_test_db(tmp_path / "civhub.duckdb")


def headline(path, as_of=TODAY) -> overview.Headline:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return overview.headline(con, as_of)
    finally:
        con.close()


def test_headline_counted_by_hand(db_file):
    assert headline(db_file) == overview.Headline(
        municipalities_in_pact=3,
        centres_open=2,
        organizations_by_type=(("social_cooperative", 3), ("social_clinic", 1), ("solidarity_house", 1)),
        volunteers=6,
        volunteer_hours=Decimal("19.50"),
        people_served=1280,
        first_date=dt.date(2023, 4, 3),
        last_date=dt.date(2024, 7, 15),
        synthetic=True,
    )
    assert headline(db_file).organizations == 5


def test_pact_and_centres_counted_as_of_a_day(db_file):
    # On 2023-12-31 0103 had not signed (2024-01-20) and only 0101's Centre was open.
    figures = headline(db_file, dt.date(2023, 12, 31))
    assert (figures.municipalities_in_pact, figures.centres_open) == (2, 1)
    # A Centre counts from its opening day on.
    assert headline(db_file, dt.date(2024, 2, 1)).centres_open == 2


def test_volunteer_figures_withheld_below_the_minimum(db_file):
    execute(db_file, "DELETE FROM volunteer_hours WHERE volunteer_no IN (5, 6)")
    figures = headline(db_file)
    assert (figures.volunteers, figures.volunteer_hours) == (None, None)
    assert figures.people_served == 1280


def test_exactly_the_minimum_is_published(db_file):
    execute(db_file, "DELETE FROM volunteer_hours WHERE volunteer_no = 6")
    figures = headline(db_file)
    # 19.5 hours less v6's 0.5.
    assert (figures.volunteers, figures.volunteer_hours) == (5, Decimal("19.00"))


def test_empty_database(tmp_path):
    path = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(path))
    con.execute((config.SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
    con.close()
    assert headline(path) == overview.Headline(0, 0, (), None, None, 0, None, None, False)


def test_synthetic_only_when_meta_says_true(db_file):
    execute(db_file, "UPDATE meta SET value = 'false' WHERE key = 'synthetic'")
    assert headline(db_file).synthetic is False


def test_organizations_table_in_each_language(db_file):
    figures = headline(db_file)
    english = overview.organizations_table(figures, "en")
    assert english.columns.tolist() == ["Type", "Organizations"]
    assert english.values.tolist() == [
        ["Social cooperative enterprise (KoinSEp)", 3], ["Social clinic", 1], ["Solidarity house", 1],
    ]
    assert overview.organizations_table(figures, "el").columns.tolist() == ["Τύπος", "Οργανώσεις"]
