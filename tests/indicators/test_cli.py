"""``python -m civhub indicators`` and ``methodology``: files, formats, messages and exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from civhub import config
from civhub.cli import main, to_csv
from civhub.indicators.published import peer_columns
from civhub.indicators.table import KEY_COLUMNS, indicator_columns
from civhub.privacy import SUPPRESSED
from pipelines.store import create_database


def read_csv(payload: bytes) -> list[dict]:
    assert payload.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for spreadsheets
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"))))


def test_the_municipal_table_as_csv(golden_db, tmp_path, capsys):
    out = tmp_path / "indicators.csv"
    assert main(["--lang", "en", "indicators", "--period", "year", "--out", str(out)]) == 0
    assert "Wrote 6 rows" in capsys.readouterr().err
    rows = read_csv(out.read_bytes())
    assert list(rows[0]) == [*KEY_COLUMNS, *indicator_columns(), *peer_columns()]
    by_key = {(r["area_code"], r["period"]): r for r in rows}
    assert set(by_key) == {(code, year) for code in ("0101", "0102", "0103") for year in ("2023", "2024")}
    assert by_key[("0101", "2023")]["area_name"] == "Komotini"
    assert by_key[("0102", "2023")]["volunteers_per_1k"] == SUPPRESSED  # 4 volunteers
    assert by_key[("0103", "2023")]["leverage_ratio"] == ""  # no support: empty, never 0 or infinite
    assert float(by_key[("0102", "2024")]["volunteers_per_1k"]) == pytest.approx(7_000 / 14_944, rel=1e-6)
    assert by_key[("0102", "2024")]["volunteers_per_1k_peer_rank"] == "1"


def test_regions_as_json_with_greek_names(golden_db, capsysbinary):
    assert main(["indicators", "--level", "region", "--period", "quarter", "--format", "json"]) == 0
    rows = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert {row["period"] for row in rows} >= {"2023-Q2", "2024-Q4"}
    assert {row["area_name"] for row in rows} == {"Περιφέρεια Ανατολικής Μακεδονίας και Θράκης"}
    assert not any(key.endswith("_peer_rank") for key in rows[0])  # peers are for municipalities only
    second_quarter = next(row for row in rows if row["period"] == "2023-Q2")
    assert second_quarter["volunteer_retention"] is None  # the first quarter had no volunteers


def test_national_months(golden_db, capsysbinary):
    assert main(["indicators", "--level", "national", "--period", "month", "--format", "json"]) == 0
    rows = json.loads(capsysbinary.readouterr().out)
    assert [row["period"] for row in rows][:2] == ["2023-01", "2023-02"]
    assert all(row["area_code"] == "GR" for row in rows)


def test_one_area(golden_db, capsysbinary):
    assert main(["--lang", "en", "indicators", "--area", "0101", "--format", "json"]) == 0
    rows = json.loads(capsysbinary.readouterr().out)
    assert [(row["area_code"], row["period"]) for row in rows] == [("0101", "2023"), ("0101", "2024")]
    assert main(["indicators", "--level", "region", "--area", "EL51", "--format", "json"]) == 0
    assert {row["area_code"] for row in json.loads(capsysbinary.readouterr().out)} == {"EL51"}


def test_an_unknown_area_is_a_plain_message(golden_db, capsys):
    assert main(["--lang", "en", "indicators", "--area", "EL51"]) == 1  # a region, at the municipality level
    assert capsys.readouterr().err == (
        "There is no area with code 'EL51' at level 'municipality' (municipality: an ELSTAT code such as 0101, "
        "region: such as EL51, country: GR).\n"
    )


def test_no_database_is_a_plain_message(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CIVHUB_DB", str(tmp_path / "none.duckdb"))
    assert main(["--lang", "en", "indicators"]) == 1
    assert capsys.readouterr().err.startswith("There is no database at")


def test_a_file_that_is_no_database_is_a_plain_message(tmp_path, monkeypatch, capsys):
    other = tmp_path / "civhub.duckdb"
    other.write_text("record_id,hours\nR-1,2\n", encoding="utf-8")  # a CSV saved under the database's name
    monkeypatch.setenv("CIVHUB_DB", str(other))
    assert main(["--lang", "en", "indicators"]) == 1
    assert capsys.readouterr().err == (
        f"The file {other} is not a civhub database (it is not a DuckDB file). Move it aside, then build the "
        "database with `make run` or with `python -m pipelines demo`.\n")


def test_a_database_without_marts_is_a_plain_message(tmp_path, monkeypatch, capsys):
    db = tmp_path / "bare.duckdb"
    monkeypatch.setenv("CIVHUB_DB", str(db))
    create_database(db, synthetic=False)
    assert main(["indicators"]) == 1
    assert "Οι δείκτες δεν έχουν υπολογιστεί" in capsys.readouterr().err


def test_an_unwritable_file_is_a_plain_message(golden_db, tmp_path, capsys):
    assert main(["--lang", "en", "indicators", "--out", str(tmp_path / "missing" / "x.csv")]) == 1
    assert capsys.readouterr().err.startswith("Could not write")


def test_a_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["indicators", "--level", "nowhere"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_the_command_never_shows_a_traceback(tmp_path):
    db = tmp_path / "bare.duckdb"
    create_database(db, synthetic=False)
    env = {**os.environ, "CIVHUB_DB": str(db), "PYTHONPATH": str(config.ROOT)}
    done = subprocess.run([sys.executable, "-m", "civhub", "--lang", "en", "indicators"], env=env,
                          capture_output=True, text=True, cwd=config.ROOT, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.startswith("The indicators have not been computed")


def test_text_never_runs_as_a_formula():
    table = pd.DataFrame({"area_name": ["=1+1", "-x", "@SUM(A1)", "Δήμος"], "value": [-1.5, 2.0, None, 0.25]})
    rows = read_csv(to_csv(table))
    assert [row["area_name"] for row in rows] == ["'=1+1", "'-x", "'@SUM(A1)", "Δήμος"]
    assert [row["value"] for row in rows] == ["-1.5", "2.0", "", "0.25"]  # numbers stay numbers


def test_methodology_check(capsys):
    assert main(["--lang", "en", "methodology", "--check"]) == 0
    assert capsys.readouterr().out.strip() == "docs/methodology.md is current."


def test_numbers_are_exported_to_six_decimals():
    table = pd.DataFrame({"ratio": [2 / 3], "cell": pd.Series([1 / 7], dtype=object), "withheld": [SUPPRESSED]})
    (row,) = read_csv(to_csv(table))
    assert (row["ratio"], row["cell"], row["withheld"]) == ("0.666667", "0.142857", SUPPRESSED)


def test_a_database_of_an_earlier_version_asks_for_the_upgrade(golden_db, tmp_path, monkeypatch, capsys):
    old = tmp_path / "old.duckdb"
    shutil.copyfile(golden_db, old)
    con = duckdb.connect(str(old))
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    monkeypatch.setenv("CIVHUB_DB", str(old))
    assert main(["--lang", "en", "indicators"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"The database {old} was made by an earlier version of civhub. Bring it up to date with: "
        "python -m pipelines upgrade"
    )
