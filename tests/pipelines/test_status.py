"""``python -m pipelines status``: every line in the language asked, reasons with their real parameters."""

from __future__ import annotations

from pipelines.__main__ import main
from pipelines.status import status_lines

HOURS = """record_id,volunteer_id,org_id,municipality_code,date,hours,role
R1,V-1,ORG1,0101,2024-03-02,2,κλόουν
R2,V-2,ORG1,0101,2024-03-02,3,κλόουν
R3,V-3,ORGX,0101,2024-03-02,3,οδηγός
R4,V-4,ORGY,0101,2024-03-02,30,οδηγός
"""


def test_status_after_a_load(orgs, load):
    report = load("hours", HOURS, "march.csv")
    assert (report.rows_loaded, report.rows_quarantined) == (2, 2)
    lines = status_lines("en")
    assert any(line.startswith("  #2 march.csv [hours] read 4, new 2, updated 0, duplicates 0, quarantined 2 (")
               for line in lines)
    reasons = lines[lines.index("Quarantine by reason and column:") + 1:lines.index("Data-quality notes:")]
    # Line 5 is refused for its organization first (one reason a row); both rows name the same table. The column
    # is named as the templates head it: the quarantine of files that head it differently is counted together.
    assert reasons == [
        "         2  [hours] Organization ID (org_id): There is no organization with this identifier; load it first."
        " (unknown_reference)",
    ]
    greek = status_lines("el")
    assert greek[greek.index("Καραντίνα ανά αιτία και στήλη:") + 1].startswith(
        "         2  [hours] Κωδικός οργάνωσης (org_id): Δεν υπάρχει οργάνωση με αυτόν τον κωδικό"
    )
    assert lines[lines.index("Data-quality notes:") + 1:] == [
        "         2  Unknown role 'κλόουν' (2 records): valued as a general volunteer.",
    ]


def test_status_in_greek_of_an_empty_database(db):
    lines = status_lines("el")
    assert lines[0] == "Βάση: πραγματικά δεδομένα"
    assert lines[lines.index("Καραντίνα ανά αιτία και στήλη:") + 1] == "  (καμία)"
    assert lines[-2:] == ["Σημειώσεις ποιότητας:", "  (καμία)"]


def test_commands_on_a_file_that_is_no_database_say_so_and_leave_it(tmp_path, monkeypatch, capsys):
    other = tmp_path / "civhub.duckdb"
    other.write_bytes(b"PK\x03\x04" + bytes(500))  # a workbook saved under the database's name
    monkeypatch.setenv("CIVHUB_DB", str(other))
    monkeypatch.setenv("CIVHUB_KEY_FILE", str(tmp_path / "pseudonym.key"))
    said = (f"The file {other} is not a civhub database (it is not a DuckDB file). Move it aside, then build the "
            "database with `make run` or with `python -m pipelines demo`.\n")
    hours = tmp_path / "hours.csv"
    hours.write_text(HOURS, encoding="utf-8")
    for command in (["status"], ["status", "--checksum"], ["upgrade"], ["ingest", "hours", str(hours)]):
        assert main([*command, "--lang", "en"]) == 1, command
        assert capsys.readouterr().err == said, command
    assert other.read_bytes() == b"PK\x03\x04" + bytes(500)
