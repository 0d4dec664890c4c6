"""Staging: the rows of one file, as text, in a temporary table ``stage`` of the load's connection.

Only the kind's own columns are staged: any other column of the file (names, phones,
e-mails, notes) is never read into the database. Personal identifiers are replaced by
their pseudonym in the statement that reads them, so the raw value is never stored,
not even in a temporary table.

A clean UTF-8 file (``RawTable.fast``) is scanned by DuckDB's own CSV reader; if DuckDB
rejects any line, the file is staged again row by row from the reader's batches, which
keep exact line numbers and row-level faults.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from civhub.text import fold
from pipelines import pseudonym
from pipelines.kinds import Kind
from pipelines.read import RawTable


@dataclass
class Staged:
    """What staging found: how the header maps, how many rows, how to get a row's line."""

    columns: dict[str, int]  # canonical column -> header index
    ignored: list[str]  # headers that are not columns of the kind (names only)
    rows: int = 0
    line_offset: int = 0  # a fast-path row's line is rowid + line_offset
    fast: bool = False
    stats: dict = field(default_factory=dict)


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


def _text(index: int) -> str:
    # An empty cell is a missing value. Cells never need trimming here: the batches strip them, and
    # the fast path is only taken for text with no whitespace at the edge of any cell.
    return f"nullif(c{index}, '')"


def _select_list(kind: Kind, staged: Staged) -> str:
    parts = []
    for column in kind.columns:
        index = staged.columns.get(column.name)
        value = _text(index) if index is not None else "NULL::VARCHAR"
        if column.personal:
            parts.append(
                f"CASE WHEN {value} IS NULL THEN 'required' WHEN length({value}) > {column.max_len} THEN 'too_long' "
                f"WHEN contains({value}, chr(0)) THEN 'nul_byte' END AS {column.name}__err"
            )
            value = f"CASE WHEN {value} IS NOT NULL THEN {pseudonym.sql_expression(value)} END"
        parts.append(f"{value} AS {column.name}")
    return ", ".join(parts)


def _fault_column_sql(kind: Kind, staged: Staged) -> str:
    names = {index: name for name, index in staged.columns.items()}
    cases = " ".join(f"WHEN {index} THEN {_q(name)}" for index, name in sorted(names.items()))
    return f"CASE __fault_column {cases} END" if cases else "NULL::VARCHAR"


def _stage_fast(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, staged: Staged, pads: dict) -> bool:
    fast = raw.fast
    assert fast is not None
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(fast.columns)) + "}"
    con.execute(
        f"""CREATE TEMP TABLE stage AS
        SELECT NULL::BIGINT AS line, NULL::VARCHAR AS fault, NULL::VARCHAR AS fault_column, {_select_list(kind, staged)}
        FROM read_csv({_q(str(fast.path))}, auto_detect = false, header = false, skip = {fast.header_line},
                      delim = {_q(fast.delimiter)}, quote = '', escape = '', columns = {columns},
                      store_rejects = true, rejects_table = 'fast_rejects', rejects_scan = 'fast_scans')""",
        pads,
    )
    if con.execute("SELECT count(*) FROM fast_rejects").fetchall()[0][0]:
        con.execute("DROP TABLE stage")
        return False
    staged.rows = con.execute("SELECT count(*) FROM stage").fetchall()[0][0]
    staged.line_offset = fast.header_line + 1
    return True


def _stage_batches(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, staged: Staged, pads: dict) -> None:
    select = (
        f"SELECT __line AS line, __fault AS fault, {_fault_column_sql(kind, staged)} AS fault_column, "
        f"{_select_list(kind, staged)} FROM batch"
    )
    created = False
    for batch in raw.batches():
        con.register("batch", batch)
        con.execute(f"INSERT INTO stage {select}" if created else f"CREATE TEMP TABLE stage AS {select}", pads)
        con.unregister("batch")
        created = True
        staged.rows += batch.num_rows
    if not created:
        empty = {f"c{i}": [] for i in range(len(raw.header))}
        import pyarrow as pa

        batch = pa.table(
            {
                "__line": pa.array([], pa.int64()),
                "__fault": pa.array([], pa.string()),
                "__fault_column": pa.array([], pa.int32()),
                **{k: pa.array(v, pa.string()) for k, v in empty.items()},
            }
        )
        con.register("batch", batch)
        con.execute(f"CREATE TEMP TABLE stage AS {select}", pads)
        con.unregister("batch")


def stage(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, key: bytes) -> Staged:
    """Fill the temporary table ``stage`` from ``raw``."""
    columns, ignored = map_header(kind, raw.header)
    staged = Staged(columns=columns, ignored=ignored)
    ipad, opad = pseudonym.pads(key)
    pads = {"ipad": ipad, "opad": opad} if any(c.personal for c in kind.columns) else {}
    if raw.fast is not None and _stage_fast(con, kind, raw, staged, pads):
        staged.fast = True
    else:
        _stage_batches(con, kind, raw, staged, pads)
    staged.stats = dict(raw.stats)
    return staged
