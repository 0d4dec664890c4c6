"""End to end: the demo files go through the real ingest into a fresh synthetic database."""

from __future__ import annotations

import duckdb
import pytest

pytest.importorskip("pipelines.ingest")
pytest.importorskip("pipelines.store")

from pipelines.demo import build_demo  # noqa: E402
from pipelines.kinds import LOAD_ORDER  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("build")
    db = folder / "demo.duckdb"
    with pytest.MonkeyPatch.context() as patch:  # the key and the log go beside this database, not the live one
        patch.setenv("CIVHUB_DB", str(db))
        patch.setenv("CIVHUB_KEY_FILE", str(folder / "pseudonym.key"))
        yield db, build_demo(db, seed=2025, scale="test", out_dir=folder / "files")


def test_every_file_loads(built):
    _, reports = built
    assert [r.kind for r in reports] == sorted((r.kind for r in reports), key=LOAD_ORDER.index)
    assert {r.kind for r in reports} == set(LOAD_ORDER)
    assert [r.file for r in reports if r.status != "loaded"] == []


def test_the_quarantine_has_a_few_rows_to_show(built):
    _, reports = built
    hours = [r for r in reports if r.kind == "hours"]
    read = sum(r.rows_read for r in hours)
    quarantined = sum(r.rows_quarantined for r in hours)
    assert 17_000 <= read <= 23_000
    assert 5 <= quarantined < 0.005 * read


def test_the_database_is_marked_synthetic_and_complete(built):
    db, reports = built
    with duckdb.connect(str(db), read_only=True) as con:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        assert meta["demo_seed"] == "2025" and meta["demo_scale"] == "test"
        assert con.execute("SELECT count(DISTINCT municipality_code) FROM organizations").fetchone()[0] == 332
        loaded = sum(r.rows_loaded for r in reports if r.kind == "hours")
        assert con.execute("SELECT count(*) FROM volunteer_hours").fetchone()[0] == loaded
        assert con.execute("SELECT count(*) FROM activity_partners").fetchone()[0] > 0


def test_no_personal_data_reaches_the_database(built):
    db, _ = built
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM quarantine WHERE value LIKE '%@example.com%'").fetchone()[0] == 0
        # The volunteer is stored as a number only: no column could hold an identifier as written.
        volunteer_columns = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'volunteer_hours' AND column_name LIKE 'volunteer%'"
        ).fetchall()
        assert volunteer_columns == [("volunteer_no", "UBIGINT")]
