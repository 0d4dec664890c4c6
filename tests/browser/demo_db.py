"""The demo database the page tests and the browser suite run on, built once per test session.

Built with the real pipeline (``pipelines.demo.build_demo``, seed 1, test scale); the marts are
rebuilt afterwards when the load did not leave them.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from pipelines.demo import build_demo
from pipelines.marts import rebuild
from pipelines.store import writing

_built: dict[str, Path] = {}


def build(folder: Path) -> Path:
    """A fresh demo database in ``folder`` (its key file beside it); the demo files go to ``folder/in``."""
    db = folder / "civhub.duckdb"
    saved = {name: os.environ.get(name) for name in ("CIVHUB_DB", "CIVHUB_KEY_FILE")}
    os.environ["CIVHUB_DB"], os.environ["CIVHUB_KEY_FILE"] = str(db), str(folder / "pseudonym.key")
    try:
        build_demo(db, seed=1, scale="test", out_dir=folder / "in")
        if not _has_marts(db):
            with writing(db) as con:
                con.execute("BEGIN")
                rebuild(con)
                con.execute("COMMIT")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return db


def session_demo(factory: pytest.TempPathFactory) -> Path:
    """The session's demo database, built on first use."""
    if "db" not in _built:
        _built["db"] = build(factory.mktemp("demo"))
    return _built["db"]


def _has_marts(db: Path) -> bool:
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'mart_indicators'")
        return found.fetchone()[0] == 1
    finally:
        con.close()
