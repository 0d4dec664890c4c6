"""A database holding the small organizations/activities fixture, loaded once through the CLI and copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.corpus import make_corpus
from tests.corpus.cli import DB_NAME, KEY_NAME, ingest

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixture"


@pytest.fixture(scope="session")
def base_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus-base") / "db"
    folder.mkdir()
    for kind in ("organizations", "activities"):
        run = ingest(folder, kind, [FIXTURE / f"{kind}.csv"])
        assert run.code == 0, (run.stdout, run.stderr)
        assert [r["status"] for r in run.reports] == ["loaded"]
    return folder


@pytest.fixture
def fresh_db(base_db: Path, tmp_path: Path) -> Path:
    """A copy of the fixture database (and its pseudonymisation key) for one test."""
    folder = tmp_path / "db"
    folder.mkdir()
    for name in (DB_NAME, KEY_NAME):
        shutil.copy2(base_db / name, folder / name)
    return folder


@pytest.fixture(scope="session")
def large_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus files too big to commit, built once."""
    folder = tmp_path_factory.mktemp("corpus-large")
    for name in make_corpus.LARGE:
        make_corpus.build_large(name, folder)
    return folder
