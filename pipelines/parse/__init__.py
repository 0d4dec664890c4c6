"""Value parsers and resolvers: one raw cell text in, a value or an error code out.

The loader calls them once per distinct raw value of a column and joins the results
back in DuckDB, so they are plain Python. None of them raises on any input: a value
that cannot be read gives an error code (and parameters) that becomes a quarantine row.

Error codes: ``bad_date``, ``bad_number``, ``bad_integer``, ``bad_year``, ``bad_hours``,
``unknown_municipality`` (params: suggestions), ``ambiguous_municipality`` (params: candidates).
"""

from pipelines.parse.dates import parse_date
from pipelines.parse.durations import detect_comma_hours, parse_hours
from pipelines.parse.municipalities import MunicipalityResolver
from pipelines.parse.numbers import detect_comma_decimal, parse_decimal, parse_int, parse_year
from pipelines.parse.roles import RoleMap
from pipelines.parse.translit import transliterate

__all__ = [
    "MunicipalityResolver", "RoleMap", "detect_comma_decimal", "detect_comma_hours", "parse_date", "parse_decimal",
    "parse_hours", "parse_int", "parse_year", "transliterate",
]
