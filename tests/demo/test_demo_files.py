"""The files look like what organizations send: the bulk ready for the fast path, a minority in other dialects,
and every reference between them pointing at something that exists."""

from __future__ import annotations

import re

import openpyxl

from civhub.text import fold
from pipelines.kinds import HOURS

PERSONAL = {"Ονοματεπώνυμο", "Τηλέφωνο", "Email"}


def hour_files(demo, pattern: str):
    return [p for p in demo.files["hours"] if re.search(pattern, p.name)]


def test_bulk_hours_are_clean_utf8_csv(demo, readback):
    bulk = [p for p in demo.files["hours"] if not p.name.startswith("org-")]
    assert len(bulk) == 13  # one per region
    rows = 0
    for path in bulk:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        assert not raw.startswith(b"\xef\xbb\xbf") and b'"' not in raw and b"\r" not in raw and b"\x00" not in raw
        lines = text.split("\n")
        assert lines[-1] == "" and all(line.strip() for line in lines[:-1])
        assert len(lines[0].split(",")) == len(HOURS.columns) == 8
        rows += len(lines) - 2
    assert rows > 0.9 * len(demo.rows("hours"))


def test_a_csv_from_greek_excel(demo):
    [path] = hour_files(demo, "greek-excel")
    raw = path.read_bytes()
    try:
        raw.decode("utf-8")
        raise AssertionError("a Windows-1253 file must not be valid UTF-8")
    except UnicodeDecodeError:
        pass
    lines = raw.decode("cp1253").split("\r\n")
    assert lines[0].startswith("Κωδικός εγγραφής;Κωδικός εθελοντή;")
    assert any(re.search(r";\d\d/\d\d/\d{4};\d+,\d;", line) for line in lines)


def test_an_excel_workbook_with_title_and_total(demo):
    [path] = hour_files(demo, r"xlsx\.xlsx$")
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0].startswith("Ώρες εθελοντισμού") and all(v is None for v in rows[1])
    assert rows[2][:8] == tuple(c.el for c in HOURS.columns)
    assert rows[-1][0] == "ΣΥΝΟΛΟ"
    assert rows[-1][6] == round(sum(r[6] for r in rows[3:-1]), 2)
    assert all(hasattr(r[5], "year") for r in rows[3:-1])


def test_greek_month_names(demo):
    [path] = hour_files(demo, "month-names")
    dates = [line.split(",")[5] for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    assert all(re.fullmatch(r"\d{1,2} [Α-Ωα-ωάέήίόύώΐ]+ \d{4}", d) for d in dates)


def test_municipalities_written_as_names(demo, readback):
    [path] = hour_files(demo, r"\d-names\.csv$")
    _, rows = readback.read_table(path, "hours")
    written = {row["municipality_code"] for row in rows}
    assert not any(re.fullmatch(r"\d{4}", w) for w in written)
    assert len({fold(w) for w in written}) >= 2  # not always spelt the same way
    assert sum(readback.municipality(w) is None for w in written) >= 1  # and one misspelt


def test_personal_columns_are_not_columns_of_the_kind(demo, readback):
    headers = {h for p in demo.files["hours"] for h in readback.read_table(p, "hours")[0]}
    assert headers >= PERSONAL
    assert not {fold(h) for h in PERSONAL} & set(HOURS.header_map())


def test_roles_as_people_write_them(demo):
    roles = {row["role"] for row in demo.rows("hours") if "role" in row}
    folded = {fold(r) for r in roles}
    assert {"εθελοντησ", "εθελοντρια"} <= folded
    assert len(roles) > len(folded)  # the same word in several spellings
    assert sum("role" not in row for row in demo.rows("hours")) > 0  # sometimes left blank


def test_references_point_at_existing_records(demo):
    orgs = {row["org_id"] for row in demo.rows("organizations")}
    activities = {row["activity_id"] for row in demo.rows("activities")}
    spaces = {row["space_id"] for row in demo.rows("spaces")}
    assert {row["org_id"] for row in demo.rows("hours")} <= orgs
    assert {row["activity_id"] for row in demo.rows("hours") if "activity_id" in row} <= activities
    assert {row["host_org_id"] for row in demo.rows("spaces") if "host_org_id" in row} <= orgs
    assert {row["org_id"] for row in demo.rows("support") if "org_id" in row} <= orgs
    hosted = {row["space_id"] for row in demo.rows("activities") if "space_id" in row}
    assert hosted and hosted <= spaces
    partners = [p for row in demo.rows("activities") if "partner_org_ids" in row
                for p in re.split(r"[;,]\s*", row["partner_org_ids"])]
    assert partners and set(partners) <= orgs


def test_spaces_are_buildings_in_m2_and_farmland_in_stremmata(demo):
    pairs = {(row["kind"], row["size_unit"]) for row in demo.rows("spaces")}
    assert pairs == {("κτίριο", "τ.μ."), ("αγροτεμάχιο", "στρέμμα")}


def test_support_covers_every_kind_of_help(demo):
    kinds = {row["kind"] for row in demo.rows("support")}
    assert kinds == {"επιχορήγηση", "λειτουργικά", "προσωπικό", "χώρος"}
