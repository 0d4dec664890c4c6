"""A database made by an earlier version of civhub: a page that cannot read it says how to bring it up to date.

Simulated on the hand-made database: its marts lose the peer counts that schema 5 added, and its
schema version is set back to 4, as a database of that version would have them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from pipelines.marts import rebuild
from tests.ui.conftest import build_test_db

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"


@pytest.fixture
def old_db(tmp_path, monkeypatch) -> Path:
    path = build_test_db(tmp_path / "civhub.duckdb")
    con = duckdb.connect(str(path))
    try:
        con.execute("BEGIN")
        rebuild(con)
        con.execute("COMMIT")
        counts = con.execute("SELECT column_name FROM information_schema.columns "
                             "WHERE table_name = 'mart_peer_stats' AND column_name LIKE '%_peer_count'").fetchall()
        for (column,) in counts:
            con.execute(f"ALTER TABLE mart_peer_stats DROP COLUMN {column}")
        con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    finally:
        con.close()
    monkeypatch.setenv("CIVHUB_DB", str(path))
    return path


@pytest.mark.parametrize(("lang", "words"), [("el", "python -m pipelines upgrade"),
                                             ("en", "Bring it up to date with `python -m pipelines upgrade`")])
def test_the_explore_page_asks_for_the_upgrade(old_db, lang, words):
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("civhub/ui/explore.py").run()
    assert not at.exception
    assert len(at.error) == 0
    # The other warning is the banner of synthetic data.
    upgrade = [w.value for w in at.warning if "python -m pipelines upgrade" in w.value]
    assert len(upgrade) == 1 and words in upgrade[0]
