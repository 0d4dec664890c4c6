"""The Data page, driven through dashboard.py with AppTest on databases the real pipeline loaded.

The small database holds two hand-written files (below); every figure the page shows is counted
from them by hand. The demo database checks the page on realistic data in both languages.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from civhub import export, loads
from pipelines.demo import build_demo
from pipelines.ingest import ingest_files
from pipelines.store import create_database

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard.py"
PAGE = "civhub/ui/data.py"

# Load 1: four organizations; line 4 has a type no one accepts, line 5 a municipality that does not exist.
ORGANIZATIONS = """\
Organization ID,Name,Type,Municipality,Founded on,Registry number
O1,ΚοινΣΕπ Κομοτηνής,social cooperative,Κομοτηνής,2019-05-02,
O2,Οίκος Αλληλεγγύης,solidarity house,Κομοτηνής,,
O3,Ομάδα Χ,=1+1,Κομοτηνής,,
O4,Ομάδα Ψ,association,Ατλαντίδας,,
"""
# Load 2: v1 works 20 + 6 = 26 hours on 1 March 2024; two records name a role no one knows; line 6 has no number.
HOURS = """\
Record ID,Volunteer ID,Organization ID,Municipality,Activity ID,Date,Hours,Role
r1,v1,O1,Κομοτηνής,,2024-03-01,20,μάγειρας
r2,v1,O1,Κομοτηνής,,2024-03-01,6,μάγειρας
r3,v2,O1,Κομοτηνής,,2024-03-02,2,ζογκλέρ
r4,v3,O2,Κομοτηνής,,2024-03-02,2,ζογκλέρ
r5,v4,O2,Κομοτηνής,,2024-03-03,abc,
"""


def load_small(folder: Path, db: Path) -> None:
    create_database(db, synthetic=False)
    for kind, name, text in (("organizations", "orgs.csv", ORGANIZATIONS), ("hours", "hours.csv", HOURS)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        ingest_files(kind, [path], db)


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    db = folder / "civhub.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CIVHUB_KEY_FILE", str(folder / "pseudonym.key"))
        load_small(folder, db)
    return db


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    db = folder / "civhub.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CIVHUB_KEY_FILE", str(folder / "pseudonym.key"))
        build_demo(db, seed=1, scale="test", out_dir=folder / "files")
    return db


def open_page(lang: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    return at.run()


def figures(at: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def frames(at: AppTest) -> list:
    return [element.value for element in at.dataframe]


def test_greek_figures_and_tables(small_db, live):
    live(small_db)
    at = open_page("el")
    assert not at.exception
    assert at.title[0].value == "Δεδομένα"
    # 2 + 4 rows loaded; 2 + 1 quarantined; one unknown-role note and one over-24-hours note.
    assert figures(at) == {
        "Αρχεία που φορτώθηκαν": "2",
        "Γραμμές νέες ή ενημερωμένες": "6",
        "Γραμμές σε καραντίνα": "3",
        "Σημειώσεις ποιότητας": "2",
    }
    history, quarantine, notes = frames(at)
    assert list(history["Αρχείο"]) == ["hours.csv", "orgs.csv"]
    assert list(history["Είδος"]) == ["Ώρες εθελοντισμού", "Οργανώσεις"]
    assert list(history["Σε καραντίνα"]) == [1, 2]
    # The newest file with refused rows is chosen first: the hours file, line 6.
    assert quarantine.to_dict("records") == [
        {"Γραμμή": 6, "Στήλη": "Hours", "Τιμή": "abc",
         "Αιτία": "Μη έγκυρες ώρες: γράψτε αριθμό (2,5), ώρες:λεπτά (2:30) ή π.χ. «2 ώρες 30 λεπτά»."}
    ]
    assert sorted(notes["Σημείωση"]) == [
        "Άγνωστος ρόλος «ζογκλέρ» (2 εγγραφές): αποτιμήθηκε ως γενικός εθελοντής.",
        "Εθελοντής με 26,00 ώρες την 1 Μαρτίου 2024 (πάνω από 24 σε μία ημέρα).",
    ]
    assert len(at.warning) == 0  # real data: no synthetic label


def test_choosing_another_file_shows_its_quarantined_rows_in_english(small_db, live):
    live(small_db)
    at = open_page("en")
    assert not at.exception
    assert at.selectbox[0].options == ["#2 hours.csv (1 quarantined)", "#1 orgs.csv (2 quarantined)"]
    at.selectbox[0].select_index(1).run()
    assert not at.exception
    rows = frames(at)[1]
    assert list(rows["Line"]) == [4, 5]
    assert list(rows["Column"]) == ["Type", "Municipality"]  # as the file heads them
    assert list(rows["Value"]) == ["=1+1", "Ατλαντίδας"]
    assert rows.loc[0, "Reason"].startswith("Value not accepted (accepted: association, other,")
    assert rows.loc[1, "Reason"] == "Unknown municipality."
    assert sorted(frames(at)[2]["Note"]) == [
        "A volunteer with 26.00 hours on 1 March 2024 (over 24 in one day).",
        "Unknown role 'ζογκλέρ' (2 records): valued as a general volunteer.",
    ]


def test_a_quarantined_value_leaves_as_text_in_the_csv(small_db):
    con = duckdb.connect(str(small_db), read_only=True)
    try:
        rows = loads.quarantined_rows(con, 1, "en")
    finally:
        con.close()
    data = export.to_csv_bytes(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [line[2] for line in lines] == ["Value", "'=1+1", "Ατλαντίδας"]


def test_templates_and_downloads_are_offered(small_db, live):
    live(small_db)
    at = open_page("en")
    names = [element.value for element in at.text]
    assert names == [
        "Cooperation Pact and Centres", "Organizations", "Municipal spaces", "Activities", "Volunteer hours",
        "Municipal support",
    ]
    # Two buttons under each of the three tables and under each of the six templates.
    assert len(at.get("download_button")) == 2 * 3 + 2 * 6


def test_empty_database_explains_itself(tmp_path, live, monkeypatch):
    monkeypatch.setenv("CIVHUB_KEY_FILE", str(tmp_path / "pseudonym.key"))
    create_database(live(tmp_path / "civhub.duckdb"), synthetic=True)
    for lang, words in (("el", ("κανένα αρχείο", "Καμία γραμμή", "Δεν υπάρχουν σημειώσεις")),
                        ("en", ("No file has been loaded", "No row has been quarantined", "no data-quality notes"))):
        at = open_page(lang)
        assert not at.exception
        infos = [element.value for element in at.info]
        assert len(infos) == 3 and all(word in info for word, info in zip(words, infos, strict=True))
        assert len(at.dataframe) == 0
        assert len(at.warning) == 1  # the synthetic label


def test_missing_database_gives_a_plain_message(tmp_path, live):
    live(tmp_path / "absent.duckdb")
    at = open_page("en")
    assert not at.exception
    assert len(at.metric) == 0
    assert "has not been built" in at.info[0].value


@pytest.mark.parametrize("lang", ["el", "en"])
def test_demo_database_renders(demo_db, live, lang):
    live(demo_db)
    at = open_page(lang)
    assert not at.exception
    assert len(at.warning) == 1  # synthetic label
    history, quarantine, notes = frames(at)
    assert len(history) == int(figures(at)[at.metric[0].label])
    assert len(quarantine) > 0 and len(notes) > 0
    before = quarantine
    at.selectbox[0].select_index(1).run()
    assert not at.exception
    assert not frames(at)[1].equals(before)


def test_a_load_made_before_headers_were_kept_names_its_columns_canonically(tmp_path):
    db = tmp_path / "civhub.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CIVHUB_KEY_FILE", str(tmp_path / "pseudonym.key"))
        load_small(tmp_path, db)
    con = duckdb.connect(str(db))
    con.execute("UPDATE loads SET headers = NULL")  # as the upgrade to schema 7 leaves older loads
    try:
        rows = loads.quarantined_rows(con, 1, "en")
    finally:
        con.close()
    assert list(rows["Column"]) == ["type", "municipality_code"]
