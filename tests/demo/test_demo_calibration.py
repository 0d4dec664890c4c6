"""The demo files are calibrated on published Greek figures (see the methodology docs): checked on the files."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from pipelines.kinds import ACTIVITIES, ORG_TYPES, ORGANIZATIONS, choice_value

ADULTS = 0.85  # share of residents aged 16+
FORMAL_VOLUNTEERING = 0.074  # ELSTAT SILC 2022: adults volunteering formally in a year


def org_types(demo) -> dict[str, str]:
    column = ORGANIZATIONS.column("type")
    return {row["org_id"]: choice_value(column, row["type"]) for row in demo.rows("organizations")}


def test_every_organization_type_is_present(demo):
    assert set(org_types(demo).values()) == set(ORG_TYPES)


def test_all_332_municipalities_have_organizations(demo, readback):
    codes = {readback.municipality(row["municipality_code"]) for row in demo.rows("organizations")}
    assert None not in codes
    assert len(codes) == 332


def test_about_a_quarter_sign_the_pact_and_some_open_a_centre(demo, readback):
    pact = demo.rows("pact")
    assert 0.20 <= len(pact) / 332 <= 0.30
    signed = [readback.parse_date(row["signed_on"]) for row in pact]
    assert min(signed) >= date(2019, 1, 1) and max(signed) <= date(2024, 12, 31)
    centres = [(readback.parse_date(r["signed_on"]), readback.parse_date(r["centre_opened_on"]))
               for r in pact if "centre_opened_on" in r]
    assert 0.25 <= len(centres) / len(pact) <= 0.55
    assert all(opened > signing for signing, opened in centres)


def test_volunteers_per_municipality_stay_well_under_the_formal_rate(demo, readback):
    volunteers = defaultdict(set)
    for row in demo.rows("hours"):
        code = readback.municipality(row["municipality_code"])
        if code:
            volunteers[code].add(row["volunteer_id"])
    population = {code: int(row["population_2021"]) for code, row in readback.reference().items()}
    shares = {code: len(ids) / (population[code] * ADULTS) for code, ids in volunteers.items()}
    assert len(shares) > 300
    assert max(shares.values()) < FORMAL_VOLUNTEERING
    assert sorted(shares.values())[len(shares) // 2] < 0.01  # a few per thousand is typical


def test_pharmacies_serve_100_to_260_people_a_month(demo, readback):
    types = org_types(demo)
    unit = ACTIVITIES.column("service_unit")
    monthly = [row for row in demo.rows("activities") if types[row["org_id"]] == "social_pharmacy"
               and choice_value(unit, row.get("service_unit", "")) == "medicine_pack"]
    assert len(monthly) > 100
    for row in monthly:
        start, end = readback.parse_date(row["date"]), readback.parse_date(row["end_date"])
        assert start.day == 1 and end.month == start.month and (end + timedelta(days=1)).day == 1
        assert 100 <= int(readback.parse_number(row["beneficiaries"])) <= 260


def test_clinics_and_groceries_stay_within_published_volumes(demo, readback):
    types = org_types(demo)
    unit = ACTIVITIES.column("service_unit")
    for row in demo.rows("activities"):
        kind = choice_value(unit, row.get("service_unit", "")) if row.get("service_unit") else None
        if types[row["org_id"]] == "social_clinic" and kind == "clinic_visit":
            assert int(readback.parse_number(row["beneficiaries"])) <= 500
        if types[row["org_id"]] == "social_supermarket" and kind == "household_served":
            assert readback.parse_number(row["service_units"]) <= 200


def test_test_scale_has_about_20000_hour_records(demo):
    assert 17_000 <= len(demo.rows("hours")) <= 23_000


def test_mistakes_are_few_but_present(demo, readback):
    rows = demo.rows("hours")
    wrong = 0
    for row in rows:
        hours = readback.parse_number(row["hours"])
        day = readback.parse_date(row["date"])
        wrong += not 0 < hours <= 24 or day is None or readback.municipality(row["municipality_code"]) is None
    assert 5 <= wrong < 0.005 * len(rows)


def test_nothing_is_dated_before_2019_or_after_2025(demo, readback):
    for kind, column in (("hours", "date"), ("activities", "date"), ("activities", "end_date"),
                         ("spaces", "available_from"), ("pact", "centre_opened_on")):
        days = [readback.parse_date(row[column]) for row in demo.rows(kind) if column in row]
        days = [d for d in days if d is not None]
        assert date(2019, 1, 1) <= min(days) and max(days) <= date(2025, 12, 31), (kind, column)


def test_co_organizing_is_more_frequent_where_a_centre_is_open(demo, readback):
    centres = {r["municipality_code"]: readback.parse_date(r["centre_opened_on"])
               for r in demo.rows("pact") if "centre_opened_on" in r}
    signed = {r["municipality_code"] for r in demo.rows("pact")}
    with_centre, without_pact = [], []
    for row in demo.rows("activities"):
        code = readback.municipality(row["municipality_code"])
        if code in centres and readback.parse_date(row["date"]) >= centres[code]:
            with_centre.append("partner_org_ids" in row)
        elif code not in signed:
            without_pact.append("partner_org_ids" in row)
    assert sum(with_centre) / len(with_centre) > 2 * sum(without_pact) / len(without_pact)


def test_hours_rise_modestly_after_signing(demo, readback):
    """Hours of signatories after signing, against what the other municipalities' trend predicts."""
    pact = {r["municipality_code"]: readback.parse_date(r["signed_on"]) for r in demo.rows("pact")}
    monthly = defaultdict(float)  # (code or 'rest', (year, month)) -> hours
    for row in demo.rows("hours"):
        code, day = readback.municipality(row["municipality_code"]), readback.parse_date(row["date"])
        if code and day:
            monthly[(code if code in pact else "rest", (day.year, day.month))] += readback.parse_number(row["hours"])
    observed = predicted = 0.0
    for code, signing in pact.items():
        before = [k[1] for k in monthly if k[0] == code and k[1] < (signing.year, signing.month)]
        after = [k[1] for k in monthly if k[0] == code and k[1] > (signing.year, signing.month)]
        rest_before = sum(monthly[("rest", m)] for m in before)
        if len(before) < 6 or len(after) < 6 or rest_before == 0:
            continue
        observed += sum(monthly[(code, m)] for m in after)
        predicted += sum(monthly[(code, m)] for m in before) * sum(monthly[("rest", m)] for m in after) / rest_before
    assert 1.05 < observed / predicted < 1.6
