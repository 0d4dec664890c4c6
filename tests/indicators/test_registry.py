"""The registry and the marts agree: every indicator has its column, every column its indicator."""

from __future__ import annotations

from civhub.indicators.registry import BY_KEY, GROUPS, INDEX_COMPONENTS, INDICATORS, SOURCES, UNITS
from civhub.indicators.table import indicator_columns

# Columns of mart_indicators that are not indicators: the row's key and what publishing needs.
NOT_INDICATORS = {"level", "area_code", "period_type", "period_start", "period", "region_code", "volunteers",
                  "volunteers_prev"}
INDEX = {"social_capital_index", "social_capital_index_pca"}  # in mart_index


def test_keys_are_unique_and_entries_complete():
    assert len(BY_KEY) == len(INDICATORS)
    for indicator in INDICATORS:
        assert indicator.group in GROUPS and indicator.unit in UNITS
        assert indicator.sources and set(indicator.sources) <= set(SOURCES)
        assert all([indicator.label_el, indicator.label_en, indicator.formula_el, indicator.formula_en])


def test_every_column_of_the_mart_is_an_indicator_and_back(golden):
    columns = [row[0] for row in golden.execute("DESCRIBE mart_indicators").fetchall()]
    assert set(columns) - NOT_INDICATORS == set(indicator_columns()) - INDEX
    index_columns = {row[0] for row in golden.execute("DESCRIBE mart_index").fetchall()}
    assert index_columns >= INDEX


def test_the_index_components_are_indicators_where_more_is_better():
    assert len(INDEX_COMPONENTS) == 6
    assert all(BY_KEY[key].higher_is_better is True for key in INDEX_COMPONENTS)
