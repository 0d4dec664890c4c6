"""Readers are never blocked and never see half a load; a killed load leaves before or after."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from civhub import config

ROWS_PER_FILE = 50
HEADER = "record_id,volunteer_id,org_id,municipality_code,date,hours\n"


def _hours_file(folder: Path, n: int, rows: int) -> Path:
    # Every row is one hour, so a total that is not a multiple of ``rows`` would be half a load.
    path = folder / f"hours-{n:02d}.csv"
    lines = [f"F{n}-{i},V{i % 17},ORG{1 + i % 2},010{1 + i % 2},2024-01-{1 + i % 28:02d},1" for i in range(rows)]
    path.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def _env(db: Path) -> dict[str, str]:
    return {**os.environ, "CIVHUB_DB": str(db), "PYTHONPATH": str(config.ROOT)}


def _totals(db: Path) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        sql = "SELECT count(*), coalesce(sum(hours), 0)::BIGINT FROM volunteer_hours"
        count, hours = con.execute(sql).fetchall()[0]
        return count, hours
    finally:
        con.close()


def test_reader_in_a_loop_during_20_loads_sees_no_error_and_no_partial_load(orgs, db, tmp_path):
    files = [_hours_file(tmp_path, n, ROWS_PER_FILE) for n in range(20)]
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "pipelines", "ingest", "hours", *map(str, files[i::4])],
            env=_env(db),
            cwd=config.ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for i in range(4)
    ]
    seen, errors = set(), []
    while any(w.poll() is None for w in writers):
        try:
            seen.add(_totals(db))
        except duckdb.Error as error:
            errors.append(str(error))
    assert [w.returncode for w in writers] == [0, 0, 0, 0], [w.stderr.read() for w in writers]
    seen.add(_totals(db))
    assert errors == []
    assert all(count == hours and count % ROWS_PER_FILE == 0 for count, hours in seen), seen
    assert _totals(db) == (20 * ROWS_PER_FILE, 20 * ROWS_PER_FILE)
    assert len(seen) > 2  # the reader really ran while loads landed


def test_load_killed_at_20_random_points_leaves_before_or_after(orgs, db, tmp_path):
    rows = 60_000
    big = _hours_file(tmp_path, 99, rows)
    baseline = tmp_path / "baseline.duckdb"
    shutil.copyfile(db, baseline)
    command = [sys.executable, "-m", "pipelines", "ingest", "hours", str(big)]
    started = time.monotonic()
    subprocess.run(command, env=_env(db), cwd=config.ROOT, check=True, stdout=subprocess.DEVNULL)
    duration = time.monotonic() - started
    assert _totals(db) == (rows, rows)
    rng = random.Random(20)
    outcomes = []
    for _ in range(20):
        shutil.copyfile(baseline, db)
        process = subprocess.Popen(command, env=_env(db), cwd=config.ROOT, stdout=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        outcomes.append(_totals(db))
    assert set(outcomes) <= {(0, 0), (rows, rows)}, outcomes
    # A later load cleans up what a killed one left and succeeds.
    shutil.copyfile(baseline, db)
    subprocess.run(command, env=_env(db), cwd=config.ROOT, check=True, stdout=subprocess.DEVNULL)
    assert _totals(db) == (rows, rows)
