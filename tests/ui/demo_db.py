"""The demo database built once per test session with the real pipeline (files written, ingested, marts rebuilt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.demo import build_demo
from pipelines.marts import rebuild
from pipelines.store import writing

_BUILT: dict[str, Path] = {}


def demo_database(factory: pytest.TempPathFactory) -> Path:
    """The path of the session's demo database (seed 1, test scale), built on first use."""
    if "db" not in _BUILT:
        folder = factory.mktemp("demo_ui")
        db = folder / "civhub.duckdb"
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("CIVHUB_DB", str(db))
            patch.setenv("CIVHUB_KEY_FILE", str(folder / "pseudonym.key"))
            patch.delenv("CIVHUB_PSEUDONYM_KEY", raising=False)
            build_demo(db, seed=1, scale="test", out_dir=folder / "files")
            with writing(db) as con:
                con.execute("BEGIN")
                rebuild(con)
                con.execute("COMMIT")
        _BUILT["db"] = db
    return _BUILT["db"]
