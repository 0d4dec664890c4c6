"""Cell formats, trend lines and bar charts of civhub/charts.py."""

from __future__ import annotations

import math

import pandas as pd

from civhub import charts


def test_cell_text_in_both_languages():
    assert charts.cell_text(1234.5, "el") == "1.234"  # no decimals from 1,000 up: 1234.5 rounds half to even
    assert charts.cell_text(1234.5, "en") == "1,234"
    assert charts.cell_text(123.45, "el") == "123,5"
    assert charts.cell_text(4.384615, "en") == "4.38"
    assert charts.cell_text(0.000875, "el") == "0,000875"
    assert charts.cell_text(31.0, "en") == "31"
    assert charts.cell_text("<5", "el") == "<5"
    assert charts.cell_text(None, "en") == "–"
    assert charts.cell_text(float("nan"), "en") == "–"


def test_numbers_turn_withheld_and_empty_cells_into_gaps():
    values = charts.numbers(pd.Series([1.5, "<5", None, 2], dtype=object))
    assert values[0] == 1.5 and values[3] == 2.0
    assert math.isnan(values[1]) and math.isnan(values[2])


def test_separators_follow_the_language():
    assert charts.separators("el") == ",."
    assert charts.separators("en") == ".,"


def test_trend_draws_a_line_per_series_with_gaps_for_withheld_cells():
    series = pd.DataFrame({
        "period": ["2023", "2024", "2023", "2024"],
        "value": [1.0, "<5", 2.0, 3.0],
        "series": ["Δήμος <b>Α</b>", "Δήμος <b>Α</b>", "Ελλάδα", "Ελλάδα"],
    })
    fig = charts.trend(series, "Εθελοντές", "el")
    lines = {trace.name: list(trace.y) for trace in fig.data}
    # Names from the data are escaped so plotly shows them as written, not as markup.
    assert set(lines) == {"Δήμος &lt;b&gt;Α&lt;/b&gt;", "Ελλάδα"}
    assert lines["Ελλάδα"] == [2.0, 3.0]
    first, second = lines["Δήμος &lt;b&gt;Α&lt;/b&gt;"]
    assert first == 1.0 and math.isnan(second)
    assert fig.layout.separators == ",."


def test_bars_put_the_largest_on_top():
    frame = pd.DataFrame({"Κατηγορία": ["Υγεία", "Πολιτισμός", "Γεωργία"], "Δράσεις": [2, 7, 4]})
    fig = charts.bars(frame, "Κατηγορία", "Δράσεις", "Δράσεις", "en")
    # Plotly draws the first row of a horizontal bar chart at the bottom.
    assert list(fig.data[0].y) == ["Υγεία", "Γεωργία", "Πολιτισμός"]
    assert list(fig.data[0].x) == [2, 4, 7]
    assert fig.layout.separators == ".,"
