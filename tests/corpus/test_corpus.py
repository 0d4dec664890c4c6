"""Every corpus file through the real CLI: the documented outcome, exit code, no traceback, and idempotency.

The expected outcomes are in ``expected.py``, worked out by hand from each file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.kinds import LOAD_ORDER
from pipelines.messages import MESSAGES
from tests.corpus import make_corpus
from tests.corpus.cli import DB_NAME, Run, ingest, query, run
from tests.corpus.expected import CONTENTS, CORPUS, REASONS, Entry

FILES = make_corpus.FILES
# Tables that log each load (a row per load, per refused row, per replaced record, per note): they grow by design.
LOG_TABLES = frozenset({"loads", "quarantine", "record_history", "quality_notes"})
NUMERIC = ("DECIMAL", "INTEGER", "BIGINT", "DOUBLE", "HUGEINT", "SMALLINT")


def corpus_file(entry: Entry, large_files: Path) -> Path:
    return (large_files if entry.large else FILES) / entry.file


def assert_plain_output(run: Run) -> None:
    assert "Traceback" not in run.stdout
    assert "Traceback" not in run.stderr


def totals(folder: Path, skip: frozenset[str] = frozenset(), without: tuple[str, ...] = ()) -> dict[str, tuple]:
    """Per table: row count, the sum of each numeric column and a fingerprint of the rows (order aside)."""
    con = duckdb.connect(str(folder / DB_NAME), read_only=True)
    try:
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        result = {}
        # The marts are derived from the data tables compared here; their float sums vary in the last digits
        # with the order DuckDB's threads add them in, so they are left out.
        for table in (t for t in tables if t not in skip and not t.startswith("mart_")):
            columns = [(c, ty) for c, ty in con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position", [table]).fetchall()
                if c not in without]
            # As text: a NaN (an unknown area) must compare equal to itself.
            sums = "".join(f', sum("{c}")::VARCHAR' for c, ty in columns if ty.startswith(NUMERIC))
            row = "row(" + ", ".join(f'"{c}"' for c, _ in columns) + ")::VARCHAR"
            result[table] = con.execute(
                f"SELECT count(*){sums}, md5(coalesce(string_agg(r, '|' ORDER BY r), '')) "
                f"FROM (SELECT *, {row} AS r FROM {table})").fetchall()[0]
        return result
    finally:
        con.close()


def test_corpus_is_complete():
    assert len(CORPUS) >= 30
    assert len({e.id for e in CORPUS}) == len(CORPUS)
    named = {e.file for e in CORPUS if not e.large} | {name for e in CORPUS for name in e.before}
    assert named == {p.name for p in FILES.iterdir()}
    assert {e.file for e in CORPUS if e.large} == set(make_corpus.LARGE)


def test_committed_files_are_what_the_script_makes():
    for name, make in make_corpus.GENERATED.items():
        assert (FILES / name).read_bytes() == make(), name


def test_renamed_copy_is_the_same_bytes():
    assert (FILES / "resub_base - Copy.csv").read_bytes() == (FILES / "resub_base.csv").read_bytes()


@pytest.mark.parametrize("args", [
    ["--lang", "en", "ingest", "hours", str(FILES / "empty.csv")],
    ["ingest", "hours", str(FILES / "empty.csv"), "--lang", "en"],
], ids=["before_the_command", "after_the_command"])
def test_language_option_is_obeyed_wherever_it_is_given(fresh_db: Path, args: list[str]):
    # `python -m pipelines --help` offers --lang before the command as well as after it.
    done = run(fresh_db, args)
    assert done.code == 1
    assert done.stdout == f"{FILES / 'empty.csv'}: REFUSED — The file is empty. Nothing was changed.\n"


def test_summary_names_a_column_only_where_there_is_one(fresh_db: Path):
    # too_many_cells.csv: line 3 has a cell beyond the header (a fault of the row, not of a column).
    done = run(fresh_db, ["ingest", "hours", str(FILES / "too_many_cells.csv"), "--lang", "en"])
    assert done.code == 0
    assert "  line 3: The line has more cells than the header.\n" in done.stdout
    assert "None" not in done.stdout
    done = run(fresh_db, ["ingest", "hours", str(FILES / "hours_in_words.csv"), "--lang", "en"])
    # A column is named by the file's own header (Ώρες), not the canonical name (hours).
    assert "  line 5, column 'Ώρες': Invalid hours: write a number (2.5), hours:minutes (2:30)" in done.stdout


def test_a_dry_run_says_what_a_load_would_and_changes_nothing(fresh_db: Path):
    before = totals(fresh_db)
    done = run(fresh_db, ["ingest", "hours", str(FILES / "hours_in_words.csv"), "--dry-run", "--lang", "en"])
    assert done.code == 0
    assert done.stdout.splitlines()[0].endswith(
        "hours_in_words.csv: would load — read 4, new 3, updated 0, duplicates 0, quarantined 1")
    assert done.stdout.splitlines()[-1] == (
        "Dry run (--dry-run): the files were checked as a load would, but nothing of them was saved.")
    assert totals(fresh_db) == before


def test_the_summary_counts_a_repeated_header_row(fresh_db: Path):
    done = run(fresh_db, ["ingest", "hours", str(FILES / "repeated_header.csv"), "--dry-run", "--lang", "en"])
    assert "  the header row again further down, skipped: 1\n" in done.stdout


def test_the_summary_counts_the_title_rows_of_a_repeated_header(fresh_db: Path):
    done = run(fresh_db, ["ingest", "hours", str(FILES / "repeated_header_titles.csv"), "--dry-run", "--lang", "en"])
    assert "  the header row again further down, skipped: 1\n  title rows above it, skipped: 1\n" in done.stdout


def test_several_files_end_with_their_totals(fresh_db: Path):
    files = [str(FILES / "repeated_header.csv"), str(FILES / "empty.csv")]
    done = run(fresh_db, ["ingest", "hours", *files, "--dry-run", "--lang", "en"])
    assert done.code == 1  # a file was refused
    assert done.stdout.splitlines()[-2] == (
        "All 2 files: would load 1, refused 1 — new records 2, updated 0, quarantined 1")


def _load_before(folder: Path, entry: Entry) -> None:
    for name in entry.before:
        run = ingest(folder, entry.kind, [FILES / name])
        assert run.code == 0, run.stdout + run.stderr
        assert [r["status"] for r in run.reports] == ["loaded"]


def _check_refused(entry: Entry, report: dict, folder: Path, before: dict) -> None:
    # The expected message is the one of the expected code (up to its first parameter).
    assert entry.refusal.startswith(MESSAGES[entry.refusal_code]["en"].split("{")[0])
    assert report["message"] == entry.refusal
    assert report["errors"] == [{"line": entry.refusal_line, "column": entry.refusal_column, "reason": entry.refusal}]
    assert totals(folder) == before  # nothing changed, not even the log of loads


def _check_loaded(entry: Entry, report: dict, folder: Path) -> None:
    stored = query(folder, "SELECT line, column_name, reason FROM quarantine "
                           "WHERE load_id = (SELECT max(load_id) FROM loads) ORDER BY line, column_name")
    assert stored == list(entry.quarantine)
    assert [(e["line"], e["column"]) for e in report["errors"]] == [(line, col) for line, col, _ in entry.quarantine]
    shown = {e["line"]: e["reason"] for e in report["errors"]}
    for line, reason in REASONS.get(entry.id, ()):
        assert shown[line] == reason.format(year=date.today().year)
    for sql, params, rows in CONTENTS.get(entry.id, ()):
        assert sorted(query(folder, sql, params), key=repr) == sorted(rows, key=repr), sql


@pytest.mark.parametrize("entry", CORPUS, ids=[e.id for e in CORPUS])
def test_corpus_file(entry: Entry, fresh_db: Path, large_files: Path):
    _load_before(fresh_db, entry)
    before = totals(fresh_db)
    run = ingest(fresh_db, entry.kind, [corpus_file(entry, large_files)])
    assert_plain_output(run)
    (report,) = run.reports
    outcome = tuple(report[k] for k in ("status", "rows_read", "rows_loaded", "rows_updated", "rows_duplicate",
                                        "rows_quarantined"))
    assert outcome == (entry.status, entry.read, entry.loaded, entry.updated, entry.duplicate, entry.quarantined)
    assert run.code == entry.exit_code
    if entry.status == "refused":
        _check_refused(entry, report, fresh_db, before)
    else:
        _check_loaded(entry, report, fresh_db)


def _batches(large_files: Path) -> list[tuple[str, list[Path], list[str]]]:
    """Every corpus file once, grouped by kind in load order: (kind, paths, expected statuses)."""
    batches = []
    for kind in LOAD_ORDER:
        status: dict[Path, str] = {}
        for entry in (e for e in CORPUS if e.kind == kind):
            status.setdefault(corpus_file(entry, large_files), entry.status)
        if status:
            batches.append((kind, list(status), list(status.values())))
    return batches


def _load_all(folder: Path, batches: list) -> None:
    for kind, paths, statuses in batches:
        run = ingest(folder, kind, paths)
        assert_plain_output(run)
        assert [r["status"] for r in run.reports] == statuses
        assert run.code == (1 if "refused" in statuses else 0)


def test_loading_every_file_again_changes_no_total(fresh_db: Path, large_files: Path):
    batches = _batches(large_files)
    _load_all(fresh_db, batches)
    # meta also notes which load the marts were last rebuilt after: as much a record of the loads as those tables.
    skip = LOG_TABLES | {"meta"}
    first = totals(fresh_db, skip=skip, without=("load_id",))
    assert first["volunteer_hours"][0] > 0 and first["organizations"][0] > 3 and first["municipal_support"][0] > 0
    _load_all(fresh_db, batches)
    assert totals(fresh_db, skip=skip, without=("load_id",)) == first
