"""``python -m pipelines status``: every line in the language asked, reasons with their real parameters."""

from __future__ import annotations

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
