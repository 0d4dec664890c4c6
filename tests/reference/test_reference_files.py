"""The valuation, role and region reference files: their shape, their periods and a few hand-checked values.

The files are read with the csv module only, so these checks hold whatever the loader does with them.
"""

from __future__ import annotations

import csv
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from civhub.config import REFERENCE_DIR
from civhub.text import fold
from pipelines.kinds import SERVICE_UNITS, SIZE_UNITS, SPACE_KINDS

START = date(2011, 1, 1)

COLUMNS = {
    "minimum_wage.csv": ["valid_from", "valid_to", "monthly_eur", "hourly_eur", "source"],
    "valuation_rates.csv": ["role_category", "valid_from", "valid_to", "low_eur", "central_eur", "high_eur", "source"],
    "role_map.csv": ["word", "language", "role_category", "note"],
    "service_unit_costs.csv": ["service_unit", "eur_per_unit", "is_assumption", "source"],
    "space_rent.csv": ["kind", "size_unit", "eur_per_unit_month", "is_assumption", "source"],
    "regions.csv": ["region_nuts2_2021", "region_el", "region_el_display"],
}
DECIMALS = {
    "minimum_wage.csv": ["monthly_eur", "hourly_eur"],
    "valuation_rates.csv": ["low_eur", "central_eur", "high_eur"],
    "service_unit_costs.csv": ["eur_per_unit"],
    "space_rent.csv": ["eur_per_unit_month"],
}
ROLE_CATEGORIES = {
    "general", "coordination", "driver", "medical", "nursing", "pharmacy", "teaching", "agriculture",
    "food_service", "care", "administration", "technical", "legal", "psychology",
}


def read(name: str, directory: Path = REFERENCE_DIR) -> tuple[list[str], list[dict[str, str]]]:
    with (directory / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def tiling_problems(rows: list[dict[str, str]]) -> list[str]:
    """What breaks 'one period after the other from 2011-01-01, the last one open'; empty when none."""
    ordered = sorted(rows, key=lambda r: r["valid_from"])
    problems = []
    if not ordered or date.fromisoformat(ordered[0]["valid_from"]) != START:
        problems.append(f"does not start on {START}")
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before["valid_to"] != after["valid_from"]:
            problems.append(f"{before['valid_from']}..{before['valid_to']} then {after['valid_from']}")
    for row in ordered:
        if row["valid_to"] and date.fromisoformat(row["valid_to"]) <= date.fromisoformat(row["valid_from"]):
            problems.append(f"empty period from {row['valid_from']}")
    if ordered and ordered[-1]["valid_to"]:
        problems.append("the last period is closed")
    return problems


def in_force(rows: list[dict[str, str]], day: date) -> list[dict[str, str]]:
    return [
        r for r in rows
        if date.fromisoformat(r["valid_from"]) <= day and (not r["valid_to"] or day < date.fromisoformat(r["valid_to"]))
    ]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_columns_are_exactly_the_contract(name):
    header, rows = read(name)
    assert header == COLUMNS[name]
    assert rows
    assert all(None not in row and None not in row.values() for row in rows)


@pytest.mark.parametrize("name", sorted(name for name in COLUMNS if "source" in COLUMNS[name]))
def test_every_row_has_a_source(name):
    _, rows = read(name)
    assert [r for r in rows if not r["source"].strip()] == []


@pytest.mark.parametrize("name", sorted(DECIMALS))
def test_amounts_are_positive_decimals_with_a_point(name):
    _, rows = read(name)
    for row in rows:
        for column in DECIMALS[name]:
            assert "," not in row[column]
            assert Decimal(row[column]) > 0, (row[column], column)


@pytest.mark.parametrize("name", ["service_unit_costs.csv", "space_rent.csv"])
def test_is_assumption_is_true_or_false(name):
    _, rows = read(name)
    assert {r["is_assumption"] for r in rows} <= {"true", "false"}


def test_minimum_wage_periods_tile_from_2011():
    _, rows = read("minimum_wage.csv")
    assert tiling_problems(rows) == []


def test_minimum_wage_hourly_is_monthly_times_14_over_2080():
    _, rows = read("minimum_wage.csv")
    for row in rows:
        expected = (Decimal(row["monthly_eur"]) * 14 / 2080).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert Decimal(row["hourly_eur"]) == expected, row["valid_from"]


def test_minimum_wage_on_2025_06_01_is_880_a_month_and_5_92_an_hour():
    # 880 × 14 / 2080 = 12,320 / 2,080 = 5.923…
    _, rows = read("minimum_wage.csv")
    [row] = in_force(rows, date(2025, 6, 1))
    assert (row["monthly_eur"], row["hourly_eur"]) == ("880.00", "5.92")


def test_minimum_wage_cut_of_february_2012():
    # 751.39 × 0.78 = 586.08 from 14 Feb 2012; 586.08 × 14 / 2080 = 3.944…
    _, rows = read("minimum_wage.csv")
    [before] = in_force(rows, date(2012, 2, 13))
    [after] = in_force(rows, date(2012, 2, 14))
    assert before["monthly_eur"] == "751.39"
    assert (after["monthly_eur"], after["hourly_eur"]) == ("586.08", "3.94")


def test_every_rate_row_has_low_central_high_in_order():
    _, rows = read("valuation_rates.csv")
    out_of_order = [
        (r["role_category"], r["valid_from"]) for r in rows
        if not Decimal(r["low_eur"]) <= Decimal(r["central_eur"]) <= Decimal(r["high_eur"])
    ]
    assert out_of_order == []


def test_rates_cover_every_role_category_of_the_design():
    _, rows = read("valuation_rates.csv")
    assert {r["role_category"] for r in rows} == ROLE_CATEGORIES


@pytest.mark.parametrize("role", sorted(ROLE_CATEGORIES))
def test_rate_periods_tile_from_2011_for_each_role(role):
    _, rows = read("valuation_rates.csv")
    assert tiling_problems([r for r in rows if r["role_category"] == role]) == []


def test_rate_periods_are_the_minimum_wage_periods_and_low_is_that_minimum():
    _, wages = read("minimum_wage.csv")
    _, rates = read("valuation_rates.csv")
    hourly = {(w["valid_from"], w["valid_to"]): w["hourly_eur"] for w in wages}
    mismatched = [
        (r["role_category"], r["valid_from"]) for r in rates
        if hourly.get((r["valid_from"], r["valid_to"])) != r["low_eur"]
    ]
    assert mismatched == []


def test_central_is_one_wage_for_all_roles_in_a_period():
    _, rows = read("valuation_rates.csv")
    by_period: dict[str, set[str]] = {}
    for row in rows:
        by_period.setdefault(row["valid_from"], set()).add(row["central_eur"])
    assert {period: len(values) for period, values in by_period.items() if len(values) != 1} == {}


def test_general_high_equals_central():
    _, rows = read("valuation_rates.csv")
    general = [r for r in rows if r["role_category"] == "general"]
    assert [r["valid_from"] for r in general if r["high_eur"] != r["central_eur"]] == []


def test_hand_checked_rates_in_force_on_2025_06_01():
    # central 1,037.45 × 14 / 2080 = 6.982…; nurse 1,200 × 880/650 × 14 / 2080 = 10.934…; tutor 15 €/h as found
    _, rows = read("valuation_rates.csv")
    now = {r["role_category"]: r for r in in_force(rows, date(2025, 6, 1))}
    assert set(now) == ROLE_CATEGORIES
    assert (now["nursing"]["low_eur"], now["nursing"]["central_eur"], now["nursing"]["high_eur"]) == (
        "5.92", "6.98", "10.93")
    assert now["teaching"]["high_eur"] == "15.00"


def test_role_categories_of_the_map_and_the_rates_are_the_same():
    _, words = read("role_map.csv")
    _, rates = read("valuation_rates.csv")
    assert {w["role_category"] for w in words} == {r["role_category"] for r in rates}


def test_role_map_has_at_least_80_words_in_greek_and_english():
    _, words = read("role_map.csv")
    assert len(words) >= 80
    assert {w["language"] for w in words} == {"el", "en"}
    assert all(w["word"].strip() == w["word"] and w["word"] for w in words)


def test_role_map_has_no_duplicate_folded_words():
    _, words = read("role_map.csv")
    seen: dict[str, str] = {}
    duplicates = []
    for row in words:
        key = fold(row["word"])
        if key in seen:
            duplicates.append((seen[key], row["word"]))
        seen[key] = row["word"]
    assert duplicates == []


def test_role_map_sends_gendered_forms_to_the_same_category():
    _, words = read("role_map.csv")
    category = {fold(w["word"]): w["role_category"] for w in words}
    pairs = [("εθελοντής", "εθελόντρια"), ("νοσηλευτής", "νοσηλεύτρια"), ("δάσκαλος", "δασκάλα"),
             ("μάγειρας", "μαγείρισσα"), ("συντονιστής", "συντονίστρια")]
    for masculine, feminine in pairs:
        assert category[fold(masculine)] == category[fold(feminine)], masculine
    assert category[fold("ΓΙΑΤΡΟΣ")] == category[fold("doctor")] == "medical"


def test_every_service_unit_has_one_cost_row():
    _, rows = read("service_unit_costs.csv")
    units = [r["service_unit"] for r in rows]
    assert sorted(units) == sorted(SERVICE_UNITS)


def test_every_space_kind_and_size_unit_has_one_rent_row():
    _, rows = read("space_rent.csv")
    pairs = [(r["kind"], r["size_unit"]) for r in rows]
    assert sorted(pairs) == sorted((k, u) for k in SPACE_KINDS for u in SIZE_UNITS)


def test_stremma_rent_is_a_thousand_square_metres():
    _, rows = read("space_rent.csv")
    rent = {(r["kind"], r["size_unit"]): Decimal(r["eur_per_unit_month"]) for r in rows}
    assert rent[("building", "stremma")] == rent[("building", "m2")] * 1000
    assert rent[("other", "stremma")] == rent[("other", "m2")] * 1000
    # 45.9 €/stremma a year / 12 = 3.825; / 1,000 = 0.003825, stored with 4 decimals
    assert rent[("farmland", "stremma")] == Decimal("3.8250")
    assert rent[("farmland", "m2")] == Decimal("0.0038")


def write_periods(path: Path, periods: list[tuple[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["valid_from", "valid_to", "monthly_eur", "hourly_eur", "source"])
        writer.writerows((a, b, "1.00", "0.01", "test") for a, b in periods)


@pytest.mark.parametrize(
    ("periods", "problem"),
    [
        ([("2011-01-01", "2012-01-01"), ("2012-02-01", "")], "2011-01-01..2012-01-01 then 2012-02-01"),
        ([("2011-01-01", "2012-06-01"), ("2012-01-01", "")], "2011-01-01..2012-06-01 then 2012-01-01"),
        ([("2011-02-01", "")], "does not start on 2011-01-01"),
        ([("2011-01-01", "2012-01-01")], "the last period is closed"),
    ],
)
def test_tiling_check_reports_gaps_overlaps_late_start_and_closed_end(tmp_path, periods, problem):
    write_periods(tmp_path / "periods.csv", periods)
    _, rows = read("periods.csv", tmp_path)
    assert problem in tiling_problems(rows)


def test_tiling_check_accepts_a_clean_series(tmp_path):
    write_periods(tmp_path / "periods.csv", [("2012-01-01", ""), ("2011-01-01", "2012-01-01")])
    _, rows = read("periods.csv", tmp_path)
    assert tiling_problems(rows) == []


def test_every_region_has_its_display_name():
    _, municipalities = read("municipalities.csv")
    _, regions = read("regions.csv")
    elstat = {(m["region_nuts2_2021"], m["region_el"]) for m in municipalities}
    assert {(r["region_nuts2_2021"], r["region_el"]) for r in regions} == elstat
    assert len(regions) == 13


@pytest.mark.parametrize("row", read("regions.csv")[1], ids=lambda row: row["region_nuts2_2021"])
def test_a_region_display_name_is_elstat_s_name_cased(row):
    display = row["region_el_display"]
    assert display.startswith("Περιφέρεια ")
    assert fold(display.removeprefix("Περιφέρεια ")) == fold(row["region_el"])
    words = display.split()
    # Mixed case: every word but «και» begins with a capital and goes on in small letters, with an accent
    # where the word has more than one syllable.
    assert all(w == "και" or (w[0].isupper() and w[1:].islower()) for w in words)
    assert all(w == "και" or any(c in "άέήίόύώ" for c in w) for w in words[1:] if len(w) > 3)
