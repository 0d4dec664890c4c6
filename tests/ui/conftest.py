"""A small hand-made database for the dashboard tests.

``build_test_db`` writes it with the schema of ``civhub/sql/schema.sql`` and a few rows
typed in by hand, so every figure the pages show can be counted on paper.
It stands in for the pipelines until they can build such a fixture themselves.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
import streamlit as st

from civhub import config
from pipelines.store import SCHEMA_VERSION

MUNICIPALITIES = [
    ("0101", "ΚΟΜΟΤΗΝΗΣ", "Δήμος Κομοτηνής", "Komotini", "01", "ΡΟΔΟΠΗΣ", "EL51",
     "ΑΝΑΤΟΛΙΚΗΣ ΜΑΚΕΔΟΝΙΑΣ ΚΑΙ ΘΡΑΚΗΣ", "East Macedonia and Thrace", 65107, 646.62, "0101", "unchanged",
     "Περιφέρεια Ανατολικής Μακεδονίας και Θράκης"),
    ("0102", "ΑΡΡΙΑΝΩΝ", "Δήμος Αρριανών", "Arriana", "01", "ΡΟΔΟΠΗΣ", "EL51",
     "ΑΝΑΤΟΛΙΚΗΣ ΜΑΚΕΔΟΝΙΑΣ ΚΑΙ ΘΡΑΚΗΣ", "East Macedonia and Thrace", 14944, 773.15, "0102", "unchanged",
     "Περιφέρεια Ανατολικής Μακεδονίας και Θράκης"),
    ("0103", "ΙΑΣΜΟΥ", "Δήμος Ιάσμου", "Iasmos", "01", "ΡΟΔΟΠΗΣ", "EL51",
     "ΑΝΑΤΟΛΙΚΗΣ ΜΑΚΕΔΟΝΙΑΣ ΚΑΙ ΘΡΑΚΗΣ", "East Macedonia and Thrace", 12346, 487.2, "0103", "unchanged",
     "Περιφέρεια Ανατολικής Μακεδονίας και Θράκης"),
    ("0104", "ΜΑΡΩΝΕΙΑΣ - ΣΑΠΩΝ", "Δήμος Μαρώνειας-Σαπών", "Maroneia-Sapes", "01", "ΡΟΔΟΠΗΣ", "EL51",
     "ΑΝΑΤΟΛΙΚΗΣ ΜΑΚΕΔΟΝΙΑΣ ΚΑΙ ΘΡΑΚΗΣ", "East Macedonia and Thrace", 11983, 643.99, "0104", "unchanged",
     "Περιφέρεια Ανατολικής Μακεδονίας και Θράκης"),
]

# Three municipalities signed; 0101 and 0103 opened a Centre, 0103's only in 2024.
PACT = [
    ("0101", "2023-03-01", "2023-06-15", 1),
    ("0102", "2023-05-10", None, 1),
    ("0103", "2024-01-20", "2024-02-01", 1),
]

# Three social cooperatives, one solidarity house, one social clinic (one name that looks like HTML).
ORGANIZATIONS = [
    ("O1", "ΚοινΣΕπ Κομοτηνής", "social_cooperative", "0101", "2019-05-02", None, 2),
    ("O2", "<b>Αρριανά</b> Μαζί", "social_cooperative", "0102", None, None, 2),
    ("O3", "Οίκος Αλληλεγγύης Κομοτηνής", "solidarity_house", "0101", None, None, 2),
    ("O4", "Κοινωνικό Ιατρείο Ιάσμου", "social_clinic", "0103", None, None, 2),
    ("O5", "ΚοινΣΕπ Ιάσμου", "social_cooperative", "0103", None, None, 2),
]

# People served: 1200 + 45 + (none reported) + 35 = 1280. First start 2023-04-03.
ACTIVITIES = [
    ("A1", "O1", "0101", "2023-04-03", None, "food_support", "Διανομή τροφίμων", 1200, 300.0, "food_parcel", None, 3),
    ("A2", "O3", "0101", "2023-09-10", None, "housing_support", "Φιλοξενία", 45, None, None, None, 3),
    ("A3", "O4", "0103", "2024-02-12", None, "health_care", "Ιατρείο", None, None, None, None, 3),
    ("A4", "O5", "0103", "2024-05-30", "2024-06-30", "education", "Μαθήματα", 35, None, None, None, 3),
]

# Six distinct volunteers, v1 to v6 by their volunteer_no, the last column (v1 twice);
# hours 3 + 2.5 + 4 + 1.5 + 6 + 2 + 0.5 = 19.5; last day 2024-07-15.
VOLUNTEER_HOURS = [
    ("O1", "r1", "A1", "0101", "2023-04-03", 3.00, "μάγειρας", "cook", 4, 1),
    ("O1", "r2", "A1", "0101", "2023-04-03", 2.50, "διανομή", "general", 4, 2),
    ("O1", "r3", "A1", "0101", "2023-04-10", 4.00, "μάγειρας", "cook", 4, 1),
    ("O3", "r1", "A2", "0101", "2023-09-10", 1.50, None, "general", 4, 3),
    ("O4", "r1", "A3", "0103", "2024-02-12", 6.00, "γιατρός", "doctor", 4, 4),
    ("O5", "r1", "A4", "0103", "2024-06-01", 2.00, "δάσκαλος", "teacher", 4, 5),
    ("O5", "r2", None, "0103", "2024-07-15", 0.50, None, "general", 4, 6),
]

META = [("schema_version", SCHEMA_VERSION), ("synthetic", "true")]

def build_test_db(path: Path) -> Path:
    """Write the hand-made database to ``path`` (which must not exist yet)."""
    con = duckdb.connect(str(path))
    try:
        con.execute((config.SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
        for table, rows in (
            ("municipalities", MUNICIPALITIES), ("pact", PACT), ("organizations", ORGANIZATIONS),
            ("activities", ACTIVITIES), ("volunteer_hours", VOLUNTEER_HOURS), ("meta", META),
        ):
            marks = ", ".join("?" * len(rows[0]))
            con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    finally:
        con.close()
    return path


def execute(path: Path, sql: str, *params: object) -> None:
    """One change to a test database (to vary it from one test to the next)."""
    con = duckdb.connect(str(path))
    try:
        con.execute(sql, list(params))
    finally:
        con.close()


@pytest.fixture(autouse=True)
def fresh_streamlit_caches():
    """Caches are process-wide: each test starts from empty ones (closing any cached connection)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def test_db(tmp_path, monkeypatch) -> Path:
    """The hand-made database, made the live one through CIVHUB_DB."""
    path = build_test_db(tmp_path / "civhub.duckdb")
    monkeypatch.setenv("CIVHUB_DB", str(path))
    return path


@pytest.fixture
def live(monkeypatch):
    """``live(db)`` makes ``db`` the live database of this test (through CIVHUB_DB) and returns it."""

    def use(db: Path) -> Path:
        monkeypatch.setenv("CIVHUB_DB", str(db))
        return db

    return use


@pytest.fixture
def demo(tmp_path_factory, monkeypatch) -> Path:
    """The session's demo database (built once by the real pipeline), as the live database of this test."""
    from .demo_db import demo_database

    path = demo_database(tmp_path_factory)
    monkeypatch.setenv("CIVHUB_DB", str(path))
    return path
