"""Validation: from the staged text rows to typed rows, each with its first fault or none.

Values are interpreted once per distinct text (dates, numbers, municipality names,
choices, roles are few compared with rows): Python parses each distinct value into a
small map table, and one SQL statement joins the maps back and checks every rule, in
column order, so a row's reason is always the first rule it breaks.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import duckdb
import pyarrow as pa

from civhub.text import fold
from pipelines import pseudonym
from pipelines.kinds import Column, Kind, choice_value
from pipelines.parse.dates import parse_date
from pipelines.parse.durations import detect_comma_hours, parse_hours
from pipelines.parse.municipalities import MunicipalityResolver
from pipelines.parse.numbers import detect_comma_decimal, parse_decimal, parse_int, parse_year
from pipelines.parse.roles import RoleMap
from pipelines.stage import Staged

EARLIEST = date(2011, 1, 1)
EARLIEST_FOUNDED = date(1900, 1, 1)
# Dates that may lie ahead (a space promised until 2030) or long ago (an old association).
MAY_BE_FUTURE = {"end_date", "available_to", "centre_opened_on"}
MAY_BE_OLD = {"founded_on"}
REF_KEYS = {"organizations": "org_id", "activities": "activity_id", "spaces": "space_id"}
# The magnitude a number must stay below to fit its column's SQL type (DECIMAL(18, 4): 14 digits before the point).
STORABLE = {"decimal": Decimal(10) ** 14, "duration": Decimal(10) ** 14, "int": 2**63}
SQL_TYPES = {
    "date": "DATE",
    "decimal": "DECIMAL(18, 4)",
    "duration": "DECIMAL(18, 4)",
    "int": "BIGINT",
    "year": "INTEGER",
    "municipality": "VARCHAR",
    "choice": "VARCHAR",
    "role": "VARCHAR",
    "id_list": "VARCHAR[]",
}


@dataclass
class Interpreters:
    """What turns text into values: built once per run from the reference data."""

    municipalities: MunicipalityResolver
    roles: RoleMap
    today: date


@dataclass
class Rule:
    condition: str
    reason: str
    column: str | None
    params: str = "'{}'"
    value: str = "NULL"


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _json(params: dict) -> str:
    return _q(json.dumps(params, ensure_ascii=False, default=str))


def _interpreter(column: Column, values: list[str], interp: Interpreters) -> Callable[[str], tuple]:
    """A function text -> (value, error code, params) for this column."""
    if column.type in {"decimal", "int"}:
        comma = detect_comma_decimal(values)
        parse = parse_decimal if column.type == "decimal" else parse_int
        return lambda raw: _storable(column, _split(parse(raw, comma)))
    if column.type == "duration":
        comma = detect_comma_hours(values)
        return lambda raw: _storable(column, _split(parse_hours(raw, comma)))
    if column.type == "date":
        return lambda raw: _split(parse_date(raw))
    if column.type == "year":
        return lambda raw: _split(parse_year(raw))
    if column.type == "municipality":
        return lambda raw: _split(interp.municipalities.resolve(raw))
    if column.type == "choice":
        codes = sorted(column.choices or {})
        # Greek messages list each value's Greek name (the first of its names), English ones its code.
        allowed = {"allowed": codes, "allowed_el": sorted((column.choices[code][0] for code in codes), key=fold)}
        return lambda raw: (v, None, None) if (v := choice_value(column, raw)) else (None, "unknown_choice", allowed)
    if column.type == "role":
        return lambda raw: _role(interp.roles.category(raw))
    if column.type == "id_list":
        return lambda raw: _id_list(raw, column)
    raise ValueError(column.type)


def _storable(column: Column, result: tuple) -> tuple:
    """``result`` (value, error code, params), or out of range when the value is too large for its SQL type:
    a number of 20 digits would otherwise stop the whole load where the map is stored."""
    value, _, _ = result
    limit = STORABLE[column.type]
    if value is None or abs(value) < limit:
        return result
    bounds = _bounds(column) if column.maximum is not None else ", ".join(filter(None, [_bounds(column), f"< {limit}"]))
    return None, "out_of_range", {"range": bounds}


def _role(found: tuple[str, bool]) -> tuple:
    return found[0], None, {"known": found[1]}


def _split(result: object) -> tuple:
    if isinstance(result, tuple):
        return None, result[0], result[1]
    if isinstance(result, str) and result.startswith(("bad_", "unknown_", "ambiguous_")):
        return None, result, {}
    return result, None, None


def _id_list(raw: str, column: Column) -> tuple:
    parts = [p.strip() for p in raw.replace("|", ";").replace(",", ";").split(";")]
    ids = sorted({p for p in parts if p})
    if any(len(p) > 64 for p in ids):
        return None, "too_long", {"max": 64}
    return ids, None, None


def build_maps(con: duckdb.DuckDBPyConnection, kind: Kind, staged: Staged, interp: Interpreters) -> None:
    """One map table ``m_<column>(raw, val, err, params)`` per interpreted column present in the file."""
    for column in kind.columns:
        if column.type not in SQL_TYPES or column.name not in staged.columns:
            continue
        values = [
            r[0]
            for r in con.execute(f"SELECT DISTINCT {column.name} FROM stage WHERE {column.name} IS NOT NULL").fetchall()
        ]
        interpret = _interpreter(column, values, interp)
        results = [interpret(v) for v in values]
        table = pa.table(
            {
                "raw": pa.array(values, pa.string()),
                "val": pa.array(
                    [str(r[0]) if r[0] is not None and column.type != "id_list" else None for r in results], pa.string()
                ),
                "lst": pa.array([r[0] if column.type == "id_list" else None for r in results], pa.list_(pa.string())),
                "err": pa.array([r[1] for r in results], pa.string()),
                "params": pa.array(
                    [json.dumps(r[2], ensure_ascii=False, default=str) if r[2] else "{}" for r in results], pa.string()
                ),
            }
        )
        con.register("map_source", table)
        value = "lst" if column.type == "id_list" else f"CAST(val AS {SQL_TYPES[column.type]})"
        # Read once per distinct role here, not once per row by the quality notes.
        known = ", CAST(json_extract(params, '$.known') AS BOOLEAN) AS known" if column.type == "role" else ""
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE m_{column.name} AS SELECT raw, {value} AS val, err, params{known} "
            "FROM map_source"
        )
        con.unregister("map_source")


def _column_rules(column: Column, kind: Kind, staged: Staged, today: date) -> list[Rule]:
    name, present = column.name, column.name in staged.columns
    raw = f"s.{name}"
    cut = f"left({raw}, 200)"
    if column.personal:
        return [Rule(f"s.{name}__err IS NOT NULL", f"s.{name}__err", name, _json({"max": column.max_len}))]
    rules = []
    if column.required:
        rules.append(Rule(f"{raw} IS NULL", _q("required"), name))
    if not present:
        return rules
    rules.append(Rule(f"contains({raw}, chr(0))", _q("nul_byte"), name, value=f"replace({cut}, chr(0), '')"))
    if column.type in {"id", "text", "role", "id_list"}:
        rules.append(
            Rule(f"length({raw}) > {column.max_len}", _q("too_long"), name, _json({"max": column.max_len}), cut)
        )
    if column.type in SQL_TYPES:
        rules.append(Rule(f"m_{name}.err IS NOT NULL", f"m_{name}.err", name, f"m_{name}.params", cut))
    rules += _range_rules(column, f"m_{name}.val", today, cut)
    if column.ref:
        if column.type != "id_list":
            rules.append(
                Rule(
                    f"{raw} IS NOT NULL AND r_{name}.k IS NULL",
                    _q("unknown_reference"),
                    name,
                    _json({"table": column.ref}),
                    cut,
                )
            )
        else:
            rules.append(
                Rule(
                    f"bad_{name}.p IS NOT NULL",
                    _q("unknown_reference"),
                    name,
                    _json({"table": column.ref}),
                    f"bad_{name}.p",
                )
            )
    return rules


def _range_rules(column: Column, val: str, today: date, cut: str) -> list[Rule]:
    rules = []
    if column.type == "date":
        earliest = EARLIEST_FOUNDED if column.name in MAY_BE_OLD else EARLIEST
        if column.name not in MAY_BE_FUTURE:
            rules.append(Rule(f"{val} > DATE '{today.isoformat()}'", _q("date_in_future"), column.name, value=cut))
        rules.append(
            Rule(
                f"{val} < DATE '{earliest.isoformat()}'",
                _q("date_too_early"),
                column.name,
                _json({"min": earliest.isoformat()}),
                cut,
            )
        )
    elif column.type == "year":
        rules.append(
            Rule(
                f"{val} NOT BETWEEN 2011 AND {today.year}",
                _q("out_of_range"),
                column.name,
                _json({"min": 2011, "max": today.year}),
                cut,
            )
        )
    elif column.minimum is not None or column.maximum is not None:
        low = column.minimum
        checks = []
        if low is not None:
            checks.append(f"{val} {'<=' if column.min_exclusive else '<'} {low}")
        if column.maximum is not None:
            checks.append(f"{val} > {column.maximum}")
        rules.append(Rule(" OR ".join(checks), _q("out_of_range"), column.name, _json({"range": _bounds(column)}), cut))
    return rules


def _bounds(column: Column) -> str:
    """The range a number of ``column`` must lie in, as the messages write it ('> 0, ≤ 24'); '' if none."""
    low, high = column.minimum, column.maximum
    bounds = [f"{'>' if column.min_exclusive else '≥'} {_num(low)}" if low is not None else "",
              f"≤ {_num(high)}" if high is not None else ""]
    return ", ".join(b for b in bounds if b)


def _num(x: float | None) -> str:
    return f"{x:g}" if x is not None else ""


def _cross_rules(kind: Kind, staged: Staged) -> list[Rule]:
    rules = []
    for start, end in (("date", "end_date"), ("available_from", "available_to")):
        if start in staged.columns and end in staged.columns:
            rules.append(Rule(f"m_{end}.val < m_{start}.val", _q("end_before_start"), end, value=f"s.{end}"))
    if "service_units" in staged.columns:
        # Units of no kind: the row's unit is empty, or the file has no unit column at all.
        unit = "m_service_unit.val IS NULL" if "service_unit" in staged.columns else "TRUE"
        rules.append(Rule(f"s.service_units IS NOT NULL AND {unit}", _q("missing_unit"), "service_unit"))
    return rules


def _joins(kind: Kind, staged: Staged) -> str:
    joins = []
    for column in kind.columns:
        name = column.name
        if name not in staged.columns:
            continue
        if name in staged.linked:
            joins.append(f"LEFT JOIN {pseudonym.table(name)} p_{name} ON p_{name}.link = s.{name}")
        if column.type in SQL_TYPES:
            joins.append(f"LEFT JOIN m_{name} ON m_{name}.raw = s.{name}")
        if column.ref and column.type == "id_list":
            joins.append(f"LEFT JOIN bad_{name} ON bad_{name}.rid = s.rowid")
        elif column.ref:
            key = REF_KEYS[column.ref]
            joins.append(f"LEFT JOIN (SELECT DISTINCT {key} AS k FROM {column.ref}) r_{name} ON r_{name}.k = s.{name}")
    return "\n".join(joins)


def _bad_lists(con: duckdb.DuckDBPyConnection, kind: Kind, staged: Staged) -> None:
    for column in kind.columns:
        if column.type == "id_list" and column.ref and column.name in staged.columns:
            key = REF_KEYS[column.ref]
            con.execute(f"""CREATE OR REPLACE TEMP TABLE bad_{column.name} AS
                SELECT rid, min(p) AS p FROM (
                    SELECT s.rowid AS rid, unnest(m.val) AS p
                    FROM stage s JOIN m_{column.name} m ON m.raw = s.{column.name}
                ) x ANTI JOIN {column.ref} r ON r.{key} = x.p GROUP BY rid""")


def _typed(column: Column, staged: Staged) -> str:
    if column.name not in staged.columns:
        return f"NULL::{SQL_TYPES.get(column.type, 'VARCHAR')} AS {column.name}"
    if column.name in staged.linked:
        return f"p_{column.name}.number AS {column.name}"
    if column.type in SQL_TYPES:
        return f"m_{column.name}.val AS {column.name}"
    return f"s.{column.name} AS {column.name}"


def check(con: duckdb.DuckDBPyConnection, kind: Kind, staged: Staged, interp: Interpreters) -> None:
    """Create the temporary table ``checked``: one typed row per staged row, with ``err`` (NULL when valid).

    ``err`` is a JSON object: ``reason`` (a message code), ``column``, ``params`` (an object) and ``value``.
    ``stage`` and the tables of numbers are dropped once read: their rows are in ``checked`` now.
    """
    build_maps(con, kind, staged, interp)
    _bad_lists(con, kind, staged)
    rules = [] if staged.fast else [Rule("s.fault IS NOT NULL", "s.fault", None)]
    for column in kind.columns:
        rules += _column_rules(column, kind, staged, interp.today)
    rules += _cross_rules(kind, staged)
    # One JSON text, not a struct of four texts: it is NULL in nearly every row, and so takes a quarter of the room.
    branches = " ".join(
        f"WHEN {r.condition} THEN json_object('reason', {r.reason}, 'column', "
        f"{_q(r.column) if r.column else 's.fault_column'}, "
        f"'params', CAST({r.params} AS JSON), 'value', CAST({r.value} AS VARCHAR))"
        for r in rules
    )
    extra = ""
    if any(c.type == "role" for c in kind.columns):
        extra += (
            ", s.role AS role_raw, m_role.known AS role_known"
            if "role" in staged.columns
            else ", NULL::VARCHAR AS role_raw, NULL::BOOLEAN AS role_known"
        )
    line = f"s.rowid + {staged.line_offset}" if staged.fast else "s.line"
    con.execute(f"""CREATE OR REPLACE TEMP TABLE checked AS
        SELECT {line} AS line,
               {", ".join(_typed(c, staged) for c in kind.columns)}{extra},
               CASE {branches} END AS err
        FROM stage s
        {_joins(kind, staged)}""")
    for table in ["stage", *map(pseudonym.table, staged.linked)]:
        con.execute(f"DROP TABLE {table}")
