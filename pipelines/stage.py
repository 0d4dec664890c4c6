"""Staging: the rows of one file, as text, in a temporary table ``stage`` of the load's connection.

Only the kind's own columns are staged: any other column of the file (names, phones,
e-mails, notes) is never read into the database. A personal identifier is replaced by
its number (``pipelines.pseudonym``) in the statement that reads it, so the raw value is
never stored, not even in a temporary table or DuckDB's scratch folder.

A clean UTF-8 file (``RawTable.fast``) is scanned by DuckDB's own CSV reader; if DuckDB
rejects any line, the file is staged again row by row from the reader's batches, which
keep exact line numbers and row-level faults. A fast-path row has no line, fault or
fault column of its own: its line is its rowid + ``line_offset``, and it has no fault.

On the fast path the numbers are computed once per distinct identifier, before staging, in
a scan that may not offload anything to disk (where DuckDB would write the raw values it
is gathering): the rows then hold a link to their number (``Staged.linked``). A file whose
identifiers do not fit in memory has each row's number computed as it is read instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from civhub.text import fold
from pipelines import pseudonym
from pipelines.kinds import Column, Kind
from pipelines.read import FastCsv, RawTable
from pipelines.read.header import names_column


@dataclass
class Staged:
    """What staging found: how the header maps, how many rows, how to get a row's line."""

    columns: dict[str, int]  # canonical column -> header index
    ignored: list[str]  # headers that are not columns of the kind (names only)
    rows: int = 0
    line_offset: int = 0  # a fast-path row's line is rowid + line_offset
    fast: bool = False
    stats: dict = field(default_factory=dict)
    # Personal columns whose rows hold a link, their numbers being in pseudonym.table(column); the others the number.
    linked: set[str] = field(default_factory=set)


def map_header(kind: Kind, header: list[str]) -> tuple[dict[str, int], list[str]]:
    """Canonical column -> header index, and the headers that are not the kind's."""
    aliases = kind.header_map()
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        name = aliases.get(fold(cell or ""))
        if name is None or name in columns:
            if (cell or "").strip():
                ignored.append(cell.strip())
            continue
        columns[name] = index
    return columns, ignored


def _q(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# What people put in a cell that has no value: nothing, or a dash (hyphen, en dash, em dash).
EMPTY_CELLS = ("", "-", "\u2013", "\u2014")


def _value(staged: Staged, column: Column) -> str:
    # An empty cell is a missing value. Cells never need trimming here: the batches strip them, and
    # the fast path is only taken for text with no whitespace at the edge of any cell.
    index = staged.columns.get(column.name)
    if index is None:
        return "NULL::VARCHAR"
    empty = ", ".join(_q(text) for text in EMPTY_CELLS)
    return f"CASE WHEN c{index} NOT IN ({empty}) THEN c{index} END"


def _select_list(kind: Kind, staged: Staged) -> str:
    parts = []
    for column in kind.columns:
        value = _value(staged, column)
        if column.personal:
            parts.append(
                f"CASE WHEN {value} IS NULL THEN 'required' WHEN length({value}) > {column.max_len} THEN 'too_long' "
                f"WHEN contains({value}, chr(0)) THEN 'nul_byte' END AS {column.name}__err"
            )
            linked = column.name in staged.linked
            hidden = pseudonym.link_expression(value) if linked else pseudonym.number_expression(value)
            value = f"CASE WHEN {value} IS NOT NULL THEN {hidden} END"
        parts.append(f"{value} AS {column.name}")
    return ", ".join(parts)


def _params(kind: Kind, staged: Staged, secrets: dict) -> dict:
    """The parameters the select list binds (DuckDB refuses any it does not use)."""
    personal = [c.name for c in kind.columns if c.personal]
    params = {"salt": secrets["salt"]} if any(name in staged.linked for name in personal) else {}
    if any(name not in staged.linked for name in personal):
        params.update(ipad=secrets["ipad"], opad=secrets["opad"])
    return params


def _numbered(column: Column, value: str) -> str:
    """Whether a row's identifier needs a number: a row failing this is refused for its ``__err``."""
    return f"{value} IS NOT NULL AND length({value}) <= {column.max_len} AND NOT contains({value}, chr(0))"


def _fault_column_sql(staged: Staged) -> str:
    names = {index: name for name, index in staged.columns.items()}
    cases = " ".join(f"WHEN {index} THEN {_q(name)}" for index, name in sorted(names.items()))
    return f"CASE __fault_column {cases} END" if cases else "NULL::VARCHAR"


def _csv(fast: FastCsv, options: str) -> str:
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(fast.columns)) + "}"
    return (
        f"read_csv({_q(str(fast.path))}, auto_detect = false, header = false, skip = {fast.header_line}, "
        f"delim = {_q(fast.delimiter)}, quote = '', escape = '', columns = {columns}, {options})"
    )


# What DuckDB's CSV reader raises when it cannot read a file at all, rather than reject some of its lines: the
# batches read such a file instead, line by line.
_CSV_FAULT = duckdb.InvalidInputException


def _gather_numbers(
    con: duckdb.DuckDBPyConnection, column: Column, fast: FastCsv, staged: Staged, secrets: dict
) -> bool:
    """The numbers of the column's distinct identifiers into its table, in memory only; whether they fit."""
    value = _value(staged, column)
    # Lines DuckDB cannot split are skipped here: staging then finds them and takes the batches instead.
    source = _csv(fast, "ignore_errors = true")
    distinct = f"SELECT DISTINCT {value} AS v FROM {source} WHERE {_numbered(column, value)}"
    scratch = con.execute("SELECT current_setting('temp_directory')").fetchall()[0][0]
    try:
        con.execute("SET temp_directory = ''")  # nothing can be offloaded: it would be raw identifiers
    except duckdb.NotImplementedException:  # the scratch folder holds something already, it cannot be turned off
        return False
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE {pseudonym.table(column.name)} AS
            SELECT {pseudonym.link_expression('v')} AS link, {pseudonym.number_expression('v')} AS number
            FROM ({distinct})""",
            secrets,
        )
    except (duckdb.OutOfMemoryException, _CSV_FAULT):
        return False
    finally:
        con.execute(f"SET temp_directory = {_q(scratch)}")
    return True


def _stage_fast(
    con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, staged: Staged, secrets: dict
) -> bool:
    fast = raw.fast
    rejects = "store_rejects = true, rejects_table = 'fast_rejects', rejects_scan = 'fast_scans'"
    try:
        con.execute(
            f"CREATE TEMP TABLE stage AS SELECT {_select_list(kind, staged)} FROM {_csv(fast, rejects)}",
            _params(kind, staged, secrets),
        )
    except _CSV_FAULT:
        return False
    # Lines DuckDB could not split, or the header row again further down (exports pasted together): the
    # batches keep exact line numbers while they skip such a row.
    if con.execute("SELECT count(*) FROM fast_rejects").fetchall()[0][0] or _header_again(con, kind, raw, staged):
        con.execute("DROP TABLE stage")
        return False
    staged.rows = con.execute("SELECT count(*) FROM stage").fetchall()[0][0]
    staged.line_offset = fast.header_line + 1
    return True


def _header_again(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, staged: Staged) -> bool:
    """Whether a staged row holds a header of its own column in every column the header maps (the personal
    ones aside: they are numbers by now), as the header row writes it or another way (``names_column``).

    Only rows whose probe column starts with a letter (as a header does) are looked at: the probe is a
    column of dates or numbers where one can, whose values start with digits, so that DuckDB's
    statistics of the stage skip every block of a clean file without reading it.
    """
    checked = [c for c in kind.columns if c.name in staged.columns and not c.personal]
    if not checked:
        return False
    probe = next((c for c in checked if c.type in _NUMERIC_TYPES), checked[0])
    exact = raw.header[staged.columns[probe.name]].strip()
    found = con.execute(
        f"SELECT DISTINCT {probe.name} FROM stage WHERE {probe.name} >= 'A' OR {probe.name} = ? LIMIT {_PROBED}",
        [exact],
    ).fetchall()
    aliases = kind.header_map()
    texts = [text for (text,) in found if names_column(aliases, text, probe.name)]
    if not texts:
        return False
    names = ", ".join(c.name for c in checked)
    rows = con.execute(f"SELECT DISTINCT {names} FROM stage WHERE list_contains(?, {probe.name})", [texts]).fetchall()
    return any(all(names_column(aliases, text, c.name) for text, c in zip(row, checked, strict=True)) for row in rows)


# Types whose values start with a digit (or a sign), never with a letter as a header does.
_NUMERIC_TYPES = {"date", "decimal", "duration", "int", "year"}
_PROBED = 10_000  # distinct probe values looked at, at most


def _empty_batch(raw: RawTable) -> pa.Table:
    return pa.table(
        {
            "__line": pa.array([], pa.int64()),
            "__fault": pa.array([], pa.string()),
            "__fault_column": pa.array([], pa.int32()),
            **{f"c{i}": pa.array([], pa.string()) for i in range(len(raw.header))},
        }
    )


def _stage_batches(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, staged: Staged, secrets: dict) -> None:
    select = (
        f"SELECT __line AS line, __fault AS fault, {_fault_column_sql(staged)} AS fault_column, "
        f"{_select_list(kind, staged)} FROM batch"
    )
    params = _params(kind, staged, secrets)
    created = False
    for batch in raw.batches():
        con.register("batch", batch)
        con.execute(f"INSERT INTO stage {select}" if created else f"CREATE TEMP TABLE stage AS {select}", params)
        con.unregister("batch")
        created = True
        staged.rows += batch.num_rows
    if not created:
        con.register("batch", _empty_batch(raw))
        con.execute(f"CREATE TEMP TABLE stage AS {select}", params)
        con.unregister("batch")


def stage(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, key: bytes) -> Staged:
    """Fill the temporary table ``stage`` from ``raw`` (and, on the fast path, the tables of numbers)."""
    columns, ignored = map_header(kind, raw.header)
    staged = Staged(columns=columns, ignored=ignored)
    ipad, opad = pseudonym.pads(key)
    secrets = {"salt": pseudonym.new_salt(), "ipad": ipad, "opad": opad}
    if raw.fast is not None:
        for column in (c for c in kind.columns if c.personal and c.name in columns):
            if _gather_numbers(con, column, raw.fast, staged, secrets):
                staged.linked.add(column.name)
        staged.fast = _stage_fast(con, kind, raw, staged, secrets)
    if not staged.fast:
        for name in staged.linked:
            con.execute(f"DROP TABLE {pseudonym.table(name)}")
        staged.linked.clear()
        _stage_batches(con, kind, raw, staged, secrets)
    staged.stats = dict(raw.stats)
    return staged
