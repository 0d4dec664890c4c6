"""The one writer: every change is made on a copy of the live database and swapped in whole.

Readers open the live file read-only and are never blocked, because no writer ever
opens it: a writer takes a lock (so loads run one after another), copies the live
file to a work file beside it, applies its change in one transaction, checkpoints,
closes, fsyncs and renames the work file over the live one (``os.replace`` is atomic
on POSIX). A writer killed at any point leaves the live file untouched; a stale work
file is removed by the next writer.
"""

from __future__ import annotations

import csv
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from civhub import config
from civhub.db import check_readable
from civhub.meta import SCHEMA_VERSION  # pipelines/upgrade.py brings older databases to it
from pipelines.timings import Timings

# Bounded so that a national-scale load stays well under 1 GB of memory; DuckDB spills to the scratch folder.
WRITE_CONFIG = {"threads": 2, "memory_limit": "500MB", "preserve_insertion_order": True}


@contextmanager
def _writer_lock(db: Path) -> Iterator[None]:
    db.parent.mkdir(parents=True, exist_ok=True)
    with open(db.with_name(db.name + ".lock"), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _work_path(db: Path) -> Path:
    return db.with_name(db.name + ".work")


class Unchanged(Exception):  # noqa: N818 - not an error: how a block says it has nothing to swap in
    """Raised in a ``writing`` block that changed nothing: the work file is discarded, quietly."""


@contextmanager
def writing(db: Path | None = None, *, fresh: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a work copy of ``db``; swapped in when the block ends without error.

    ``fresh`` starts from an empty file instead of a copy of the live one. The caller
    runs its changes inside a transaction of its own (``BEGIN`` … ``COMMIT``); if the
    block raises, the work file is discarded and the live file is unchanged (``Unchanged``
    is not raised further).
    """
    db = Path(db or config.db_path())
    with _writer_lock(db):
        work = _work_path(db)
        for leftover in (work, work.with_name(work.name + ".wal")):
            leftover.unlink(missing_ok=True)
        timings = Timings("database", file=db.name)
        with timings.step("copy"):
            if db.exists() and not fresh:
                shutil.copyfile(db, work)
        con = duckdb.connect(str(work), config=WRITE_CONFIG)
        try:
            con.execute(f"SET temp_directory = '{_scratch_dir(db)}'")
            con.execute("SET enable_progress_bar = false")  # a long load must not draw bars over the command's answer
            yield con
            with timings.step("swap"):
                con.execute("CHECKPOINT")
        except BaseException as error:
            con.close()
            work.unlink(missing_ok=True)
            if isinstance(error, Unchanged):
                return
            raise
        with timings.step("swap"):
            con.close()
            with open(work, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(work, db)
            _fsync_dir(db.parent)
        timings.log()


def _scratch_dir(db: Path) -> str:
    scratch = db.with_name(db.name + ".tmp")
    scratch.mkdir(exist_ok=True)
    return str(scratch).replace("'", "''")


def _read_reference(name: str) -> list[dict[str, str]]:
    with open(config.REFERENCE_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: list[tuple]) -> None:
    marks = ", ".join("?" for _ in columns)
    con.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def _load_municipalities(con: duckdb.DuckDBPyConnection) -> None:
    cols = [
        "code",
        "name_el",
        "name_el_display",
        "name_en",
        "regional_unit_code",
        "regional_unit_el",
        "region_code",
        "region_el",
        "region_en",
        "population_2021",
        "area_km2",
        "elstat_code_2011",
        "change_since_2011",
        "region_el_display",
    ]
    regions = {r["region_nuts2_2021"]: r["region_el_display"] for r in _read_reference("regions.csv")}
    rows = [
        (
            r["code"],
            r["name_el"],
            r["name_el_display"],
            r["name_en"],
            r["regional_unit_code"],
            r["regional_unit_el"],
            r["region_nuts2_2021"],
            r["region_el"],
            r["region_en"],
            int(r["population_2021"]),
            float(r["area_km2"] or "nan"),
            r["elstat_code_2011"],
            r["change_since_2011"],
            regions[r["region_nuts2_2021"]],
        )
        for r in _read_reference("municipalities.csv")
    ]
    _insert_rows(con, "municipalities", cols, rows)


def _load_valuation(con: duckdb.DuckDBPyConnection) -> None:
    from civhub.text import fold

    rates = [
        (
            r["role_category"],
            r["valid_from"],
            r["valid_to"] or None,
            r["low_eur"],
            r["central_eur"],
            r["high_eur"],
            r["source"],
        )
        for r in _read_reference("valuation_rates.csv")
    ]
    _insert_rows(
        con,
        "valuation_rates",
        ["role_category", "valid_from", "valid_to", "low_eur", "central_eur", "high_eur", "source"],
        rates,
    )
    words = {fold(r["word"]): r["role_category"] for r in _read_reference("role_map.csv")}
    _insert_rows(con, "role_map", ["word", "role_category"], sorted(words.items()))
    units = [
        (r["service_unit"], r["eur_per_unit"], r["is_assumption"].lower() == "true", r["source"])
        for r in _read_reference("service_unit_costs.csv")
    ]
    _insert_rows(con, "service_unit_costs", ["service_unit", "eur_per_unit", "is_assumption", "source"], units)
    rent = [
        (r["kind"], r["size_unit"], r["eur_per_unit_month"], r["is_assumption"].lower() == "true", r["source"])
        for r in _read_reference("space_rent.csv")
    ]
    _insert_rows(con, "space_rent", ["kind", "size_unit", "eur_per_unit_month", "is_assumption", "source"], rent)


def create_database(db: Path | None = None, *, synthetic: bool, meta: dict[str, str] | None = None) -> None:
    """A new, empty database (schema and reference tables) swapped in at ``db``, replacing any there."""
    settings = {
        "schema_version": SCHEMA_VERSION,
        "synthetic": "true" if synthetic else "false",
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        **(meta or {}),
    }
    with writing(db, fresh=True) as con:
        con.execute("BEGIN")
        con.execute((config.SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
        _load_municipalities(con)
        _load_valuation(con)
        _insert_rows(con, "meta", ["key", "value"], sorted(settings.items()))
        con.execute("COMMIT")


def ensure_database(db: Path | None = None) -> None:
    """Create an empty (non-synthetic) database if there is none yet; refuse a file that is not one
    (``civhub.db.DatabaseUnreadable``)."""
    path = Path(db or config.db_path())
    if path.exists():
        check_readable(path)
    else:
        create_database(db, synthetic=False)
