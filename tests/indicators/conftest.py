"""The golden database: the files of golden_data.py loaded with the real pipeline, then the marts rebuilt."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.ingest import ingest_files
from pipelines.kinds import LOAD_ORDER
from pipelines.marts import rebuild
from pipelines.store import create_database, writing
from tests.indicators.golden_data import FILES


def load_files(db: Path, folder: Path, files: dict[str, str]) -> None:
    """Load each kind's file through the ingest, in load order; every row must load."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind in LOAD_ORDER:
        if kind not in files:
            continue
        path = folder / f"{kind}.csv"
        path.write_text(files[kind], encoding="utf-8")
        (report,) = ingest_files(kind, [path], db, lang="en")
        assert report.status == "loaded" and report.rows_quarantined == 0, report


def rebuild_marts(db: Path) -> None:
    with writing(db) as con:
        con.execute("BEGIN")
        rebuild(con)
        con.execute("COMMIT")


def build(db: Path, folder: Path, files: dict[str, str]) -> Path:
    create_database(db, synthetic=False)
    load_files(db, folder, files)
    rebuild_marts(db)
    return db


@pytest.fixture(scope="module")
def golden_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("golden")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CIVHUB_DB", str(folder / "civhub.duckdb"))
        patch.setenv("CIVHUB_KEY_FILE", str(folder / "pseudonym.key"))
        patch.delenv("CIVHUB_PSEUDONYM_KEY", raising=False)
        yield build(folder / "civhub.duckdb", folder / "in", FILES)


@pytest.fixture
def golden(golden_db: Path):
    """A read-only connection to the golden database."""
    con = duckdb.connect(str(golden_db), read_only=True)
    yield con
    con.close()
