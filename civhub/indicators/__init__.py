"""Indicators: the registry that defines them, and the published table pages, exports and the CLI read."""

from civhub.indicators.registry import BY_KEY, GROUPS, INDEX_COMPONENTS, INDICATORS, SOURCES, UNITS, Indicator
from civhub.indicators.table import LEVELS, PERIOD_TYPES, indicator_table, published_rows

__all__ = [
    "BY_KEY", "GROUPS", "INDEX_COMPONENTS", "INDICATORS", "LEVELS", "PERIOD_TYPES", "SOURCES", "UNITS",
    "Indicator", "indicator_table", "published_rows",
]
