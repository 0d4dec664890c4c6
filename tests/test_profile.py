"""The indicator table of civhub/profile.py, on the hand-made database of tests/ui/conftest.py with its marts."""

from __future__ import annotations

import duckdb
import pytest

from civhub import profile
from pipelines.marts import rebuild
from tests.ui.conftest import build_test_db


@pytest.fixture
def con(tmp_path):
    path = build_test_db(tmp_path / "civhub.duckdb")
    writer = duckdb.connect(str(path))
    writer.execute("BEGIN")
    rebuild(writer)
    writer.execute("COMMIT")
    writer.close()
    reader = duckdb.connect(str(path), read_only=True)
    yield reader
    reader.close()


def test_the_trend_column_holds_only_published_numbers(con):
    history = profile.indicator_history(con, "0101", "month")
    table = profile.indicators(history, "2023-04", "en").set_index("Indicator")
    # Komotini (65,107 residents) served 1,200 people in April 2023 (A1) and 45 in September (A2).
    assert table.loc["People served per 1,000 residents", "Trend"] == pytest.approx([1200 / 65.107, 45 / 65.107])
    # Its volunteers (2 in April, 1 in September) are withheld in both months: no point to draw.
    assert table.loc["Volunteers per 1,000 residents", "Value"] == "<5"
    assert table.loc["Volunteers per 1,000 residents", "Trend"] == []
    # Komotini is the only municipality over 25,000 residents here: first of one. A withheld value has no rank.
    assert table.loc["People served per 1,000 residents", "Rank in peer group"] == "1 of 1"
    assert table.loc["Volunteers per 1,000 residents", "Rank in peer group"] == "–"
