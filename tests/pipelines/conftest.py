"""A fresh database per test, built by the real pipeline, with its own key and path."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines.ingest import ingest_files
from pipelines.store import create_database

ORGS = """org_id,name,type,municipality_code,founded_on
ORG1,Κοινωνικό Παντοπωλείο Κομοτηνής,social_supermarket,0101,2015-03-01
ORG2,Εθελοντική Ομάδα Αρριανών,volunteer_group,0102,
ORG3,Κοινωνικό Ιατρείο Ιάσμου,social_clinic,0103,2012-06-15
"""


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "civhub.duckdb"
    monkeypatch.setenv("CIVHUB_DB", str(path))
    monkeypatch.setenv("CIVHUB_KEY_FILE", str(tmp_path / "pseudonym.key"))
    monkeypatch.delenv("CIVHUB_PSEUDONYM_KEY", raising=False)
    create_database(path, synthetic=False)
    return path


@pytest.fixture
def write(tmp_path: Path):
    """Write a submission file: text (encoded as asked) or bytes."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        target = tmp_path / "in" / name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
        return target

    return _write


@pytest.fixture
def load(db: Path, write):
    """Ingest content as a file of ``kind``; returns the one report."""

    def _load(kind: str, content: str | bytes, name: str | None = None, encoding: str = "utf-8"):
        path = write(name or f"{kind}.csv", content, encoding)
        (report,) = ingest_files(kind, [path], db, lang="en")
        return report

    return _load


@pytest.fixture
def orgs(load):
    report = load("organizations", ORGS, "orgs.csv")
    assert report.status == "loaded", report
    return report


@pytest.fixture
def q(db: Path):
    """Run a read-only query on the live database."""

    def _q(sql: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    return _q
