"""Timings of the marts at national scale: the rebuild after a load, and the reads pages make.

``run()`` builds (once, in a scratch folder) a database of 10 million hour records shaped like the
ingest benchmark's (``benchmarks/generate.py``: volunteers = records / 15, 5,000 organizations over
the 332 municipalities, 2019-2025), with activities, partners, spaces, support and Pact rows, writing
the tables directly with SQL (the ingest itself is timed by ``benchmarks/__main__.py``). It then times
``pipelines.marts.rebuild`` on a fresh copy of that database each round, up to its marts stored (the
commit and checkpoint, which a load pays too) and, apart, up to its commit; then, on the rebuilt
database, one municipality over all periods and all municipalities for one period.
Targets (2 cores): rebuild, marts stored, <= 3 s; one municipality <= 50 ms; all municipalities <= 100 ms.

``python -m benchmarks.marts [--rows N] [--rounds N] [--work DIR]`` prints the result as JSON and
writes it to ``benchmarks/results/marts.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from civhub import config
from civhub.db import connect_read
from civhub.indicators.table import PERIOD_TYPES, indicator_table
from pipelines.kinds import ACTIVITY_CATEGORIES, ORG_TYPES
from pipelines.marts import rebuild
from pipelines.store import WRITE_CONFIG, create_database

TARGETS = {"rebuild_stored_s": 3.0, "one_municipality_s": 0.050, "all_municipalities_s": 0.100}
ORGANIZATIONS = 5_000
ROLES = ["general", "driver", "medical", "nursing", "teaching", "coordination", "food_service", "care"]
UNITS = ["food_parcel", "meal", "clinic_visit", "tutoring_hour", "kg_produce", "bed_night", "household_served"]
MUNICIPALITY = "0101"  # Komotini, for the one-municipality read
MAP_PERIOD = dt.date(2024, 1, 1)


def build(db: Path, rows: int = 10_000_000) -> Path:
    """A database of ``rows`` hour records and the rest, written directly (seeded, so the same every time)."""
    create_database(db, synthetic=True, meta={"benchmark": "marts"})
    con = _connect(db)
    try:
        con.execute("SELECT setseed(0.42)")
        con.execute("BEGIN")
        con.execute(_codes_sql())
        for statement in _insert_statements(rows):
            con.execute(statement)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return db


def _codes_sql() -> str:
    return "CREATE TEMP TABLE codes AS SELECT code, row_number() OVER (ORDER BY code) - 1 AS i FROM municipalities"


def _list(values) -> str:
    return "[" + ", ".join(f"'{value}'" for value in values) + "]"


def _insert_statements(rows: int) -> list[str]:
    volunteers = max(1_000, rows // 15)
    org = "'ORG' || lpad(CAST({} AS VARCHAR), 5, '0')"
    return [
        f"""INSERT INTO organizations
            SELECT {org.format('o')}, 'Οργάνωση ' || o, ({_list(ORG_TYPES)})[1 + o % {len(ORG_TYPES)}],
                   c.code, NULL, NULL, 1
            FROM range({ORGANIZATIONS}) t(o) JOIN codes c ON c.i = o % 332""",
        f"""INSERT INTO volunteer_hours
            SELECT {org.format('o')}, 'R' || n, NULL, c.code,
                   DATE '2019-01-01' + CAST(floor(random() * 2556) AS INTEGER),
                   CAST(0.5 * (1 + floor(random() * 12)) AS DECIMAL(6, 2)), NULL,
                   ({_list(ROLES)})[1 + CAST(n % {len(ROLES)} AS INTEGER)], 2, CAST('0x' || key[1:16] AS UBIGINT)
            FROM (SELECT range AS n, CAST(hash(range * 7) % {ORGANIZATIONS} AS INTEGER) AS o,
                         sha256('V' || (hash(range) % {volunteers})) AS key
                  FROM range({rows}))
            JOIN codes c ON c.i = o % 332""",
        f"""INSERT INTO activities
            SELECT 'A' || n, {org.format('o')}, c.code, start_date,
                   CASE WHEN n % 5 = 0 THEN start_date + CAST(floor(random() * 90) AS INTEGER) END,
                   ({_list(ACTIVITY_CATEGORIES)})[1 + CAST(n % {len(ACTIVITY_CATEGORIES)} AS INTEGER)],
                   'Δράση ' || n, CAST(floor(random() * 200) AS INTEGER), floor(random() * 500),
                   ({_list(UNITS)})[1 + CAST(n % {len(UNITS)} AS INTEGER)], NULL, 3
            FROM (SELECT range AS n, CAST(hash(range * 13) % {ORGANIZATIONS} AS INTEGER) AS o,
                         DATE '2019-01-01' + CAST(floor(random() * 2466) AS INTEGER) AS start_date
                  FROM range(200000))
            JOIN codes c ON c.i = o % 332""",
        f"""INSERT INTO activity_partners
            SELECT DISTINCT 'A' || n, {org.format('p')}
            FROM (SELECT range AS n, CAST((range + 332 * (1 + range % 3)) % {ORGANIZATIONS} AS INTEGER) AS p
                  FROM range(0, 200000, 3))""",
        """INSERT INTO spaces
            SELECT 'S' || n, c.code, CASE WHEN n % 4 = 0 THEN 'farmland' ELSE 'building' END, 'Χώρος ' || n,
                   CASE WHEN n % 4 = 0 THEN 5 + n % 20 ELSE 100 + n % 400 END,
                   CASE WHEN n % 4 = 0 THEN 'stremma' ELSE 'm2' END,
                   DATE '2019-01-01' + CAST(floor(random() * 2000) AS INTEGER),
                   CASE WHEN n % 3 = 0 THEN DATE '2025-06-30' END, NULL, 4
            FROM range(1000) t(n) JOIN codes c ON c.i = n % 332""",
        """INSERT INTO municipal_support
            SELECT c.code, y, '', 'grant', CAST(1000 + floor(random() * 50000) AS DECIMAL(14, 2)), 5
            FROM codes c, range(2019, 2026) t(y)""",
        """INSERT INTO pact SELECT code, DATE '2019-06-01', DATE '2020-01-15', 6 FROM codes WHERE i % 3 = 0""",
    ]


def _connect(db: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(db), config=WRITE_CONFIG)
    con.execute("SET enable_progress_bar = false")
    return con


def _time_rebuild(db: Path) -> tuple[float, float, float]:
    """Seconds of one rebuild, on a copy of ``db``: elapsed up to its commit; of processor time up to then,
    over all the process's threads (DuckDB's and NumPy's included), which bounds the elapsed time from
    below on a machine of few cores; and elapsed until its marts are stored (committed and checkpointed)."""
    copy = db.with_name(db.name + ".round")
    shutil.copyfile(db, copy)
    con = _connect(copy)
    try:
        con.execute("BEGIN")
        started, processor = time.perf_counter(), time.process_time()
        rebuild(con)
        elapsed, processor = time.perf_counter() - started, time.process_time() - processor
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
        stored = time.perf_counter() - started
    finally:
        con.close()
        for scratch in (copy, copy.with_name(copy.name + ".wal")):
            scratch.unlink(missing_ok=True)
    return elapsed, processor, stored


def _commit_rebuild(db: Path) -> None:
    con = _connect(db)
    try:
        con.execute("BEGIN")
        rebuild(con)
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _time_reads(db: Path, rounds: int) -> dict[str, float]:
    con = connect_read(db)
    try:
        reads = {
            "one_municipality_s": lambda: indicator_table(con, "municipality", "month", area_code=MUNICIPALITY),
            "one_municipality_every_period_type_s": lambda: [
                indicator_table(con, "municipality", kind, area_code=MUNICIPALITY) for kind in PERIOD_TYPES
            ],
            "all_municipalities_s": lambda: indicator_table(con, "municipality", "year", period_start=MAP_PERIOD),
        }
        return {name: _median_seconds(read, rounds * 5) for name, read in reads.items()}
    finally:
        con.close()


def _median_seconds(action, rounds: int) -> float:
    action()  # the first call warms caches; the page's user sees the steady state
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return round(statistics.median(timings), 4)


def run(db: Path | None = None, rows: int = 10_000_000, rounds: int = 3, work: Path | None = None) -> dict:
    """Time the rebuild and the reads; ``db`` is used as it is when given, else built in ``work``."""
    scratch = work or Path(tempfile.mkdtemp(prefix="civhub-marts-"))
    try:
        if db is None:
            db = scratch / "marts.duckdb"
            if not db.exists():
                build(db, rows)
        rebuild_s, processor_s, stored_s = zip(*(_time_rebuild(db) for _ in range(rounds)), strict=True)
        _commit_rebuild(db)
        timings = {
            "rebuild_s": round(statistics.median(rebuild_s), 3),
            "rebuild_stored_s": round(statistics.median(stored_s), 3),
            **_time_reads(db, rounds),
        }
        return {
            "rows": rows,
            "rounds": rounds,
            "median": timings,
            "rebuild_runs_s": [round(s, 3) for s in rebuild_s],
            "rebuild_stored_runs_s": [round(s, 3) for s in stored_s],
            "rebuild_processor_s": round(statistics.median(processor_s), 3),
            "rebuild_processor_runs_s": [round(s, 3) for s in processor_s],
            "cpus": os.cpu_count(),
            "targets": TARGETS,
            "verdict": {name: timings[name] <= target for name, target in TARGETS.items()},
        }
    finally:
        if work is None:
            shutil.rmtree(scratch, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.marts")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--work", type=Path, default=None, help="scratch folder kept between runs (default: temporary)")
    args = parser.parse_args()
    result = run(rows=args.rows, rounds=args.rounds, work=args.work)
    results = config.ROOT / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    (results / "marts.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
