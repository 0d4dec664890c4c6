"""Golden tests: every indicator of the hand-built fixture (golden_data.py), worked out by hand.

Rates used (data/reference/valuation_rates.csv; low / central / high per hour):
  general  2023-04-01 .. 2024-03-31: 5.25 / 6.19 / 6.19    2024-04-01 .. 2025-03-31: 5.59 / 6.59 / 6.59
  teaching 2023-04-01 .. 2024-03-31: 5.25 / 6.19 / 13.30   2024-04-01 .. 2025-03-31: 5.59 / 6.59 / 14.15
  nursing  2023-04-01 .. 2024-03-31: 5.25 / 6.19 / 9.69    2024-04-01 .. 2025-03-31: 5.59 / 6.59 / 10.31
Unit values (service_unit_costs.csv): food_parcel 21.09, meal 4.10, bed_night 16.00, tutoring_hour 15.00,
kg_produce 1.49, clinic_visit 10.00, medicine_pack 10.88. Rent (space_rent.csv): building 10.05 €/m² a month,
farmland 3.825 €/stremma a month. Populations (municipalities.csv): 0101 65,107, 0102 14,944, 0103 12,346;
EL51 (the sum of its 22 municipalities) 562,069; Greece 10,430,702.
"""

from __future__ import annotations

import datetime as dt
from math import log

import pandas as pd
import pytest

from civhub.indicators.registry import INDICATORS
from civhub.indicators.structures import SpaceUse, delivered, structures
from civhub.indicators.table import indicator_table
from civhub.privacy import SUPPRESSED

A, B, C, REGION, NATION = "0101", "0102", "0103", "EL51", "GR"
POPULATION = {A: 65_107, B: 14_944, C: 12_346, REGION: 562_069, NATION: 10_430_702}
LN10 = log(10)
# SP3: 100 m² × 10.05 = 1,005 a month, from 16 March 2024 (16 of March's 31 days) through December.
C_SUPPORT_2024 = 1005 * (9 + 16 / 31)

EXPECTED = {
    (A, 2023): {
        # O01, O02, O03, O08 recorded hours; O09 partnered ACT2 in A.
        "active_organizations_per_10k": 5 * 10_000 / 65_107,
        "volunteers_per_1k": 6 * 1_000 / 65_107,  # V1-V6
        "volunteer_hours_per_capita": 25 / 65_107,  # 4 + 3 + 2 + 5 + 6 + 4 + 1
        "hours_per_volunteer": 25 / 6,
        "volunteer_retention": None,  # 2022 lies before the calendar
        "collaboration_rate": 2 / 2,  # ACT1 (partner O01) and ACT2 (O02, O09)
        "ties_per_organization": 4 / 5,  # (O01,O03) (O02,O08) (O02,O09) (O08,O09) over 5 organizations
        "bridging_share": 4 / 4,  # every pair joins two types
        "activity_diversity": 0.0,  # ACT1 and ACT2 are both food_support
        "social_capital_index": None,  # no retention in 2023, so no index
        "social_capital_index_pca": None,
        "volunteer_value_eur": 25 * 6.19,  # 154.75, all general work from 2023-04-01 on
        "volunteer_value_eur_low": 25 * 5.25,  # 131.25
        "volunteer_value_eur_high": 25 * 6.19,  # general: high = central
        "fte_equivalent": 25 / 2080,
        "services_value_eur": 61 * 21.09,  # ACT1: 1,286.49; ACT2 reports no units
        "municipal_support_eur": 12_000 + 200 * 10.05 * 12,  # grant + SP1 all year = 36,120
        "leverage_ratio": (154.75 + 1286.49) / 36_120,
        "value_per_resident": (154.75 + 1286.49) / 65_107,
        "beneficiaries_per_1k": (61 + 40) * 1_000 / 65_107,
        "cost_per_beneficiary": 36_120 / 101,
    },
    (A, 2024): {
        "active_organizations_per_10k": 4 * 10_000 / 65_107,  # O01, O02, O03, O08
        "volunteers_per_1k": 6 * 1_000 / 65_107,  # V1, V27, V28, V7, V8, V9
        "volunteer_hours_per_capita": 20 / 65_107,  # 4 + 2 + 3 + 5 + 2 + 4
        "hours_per_volunteer": 20 / 6,
        "volunteer_retention": 1 / 6,  # of 2023's six only V1 came back
        "collaboration_rate": 1 / 3,  # ACT4 has a partner, ACT3 and ACT10 none
        "ties_per_organization": 1 / 4,  # (O02,O03)
        "bridging_share": 1 / 1,
        "activity_diversity": log(3) / LN10,  # social_support, housing_support, culture: one each
        # 2024: every component ranks A < C < B, so both methods give A 0, C 50, B 100.
        "social_capital_index": 0.0,
        "social_capital_index_pca": 0.0,
        "volunteer_value_eur": 4 * 6.19 + 16 * 6.59,  # V1's 4 h of 2024-03-15 at the old rate: 130.20
        "volunteer_value_eur_low": 4 * 5.25 + 16 * 5.59,  # 110.44
        "volunteer_value_eur_high": 4 * 6.19 + 16 * 6.59,
        "fte_equivalent": 20 / 2080,
        "services_value_eur": 10 * 4.10 + 5 * 16.00,  # ACT3 meals + ACT4 bed-nights = 121.00
        "municipal_support_eur": 12_000 + 2_400 + 200 * 10.05 * 12,  # 38,520
        "leverage_ratio": (130.20 + 121.00) / 38_520,
        "value_per_resident": (130.20 + 121.00) / 65_107,
        "beneficiaries_per_1k": (30 + 5 + 20) * 1_000 / 65_107,
        "cost_per_beneficiary": 38_520 / 55,
    },
    (B, 2023): {
        "active_organizations_per_10k": 3 * 10_000 / 14_944,  # O04, O05, O09
        "volunteers_per_1k": 4 * 1_000 / 14_944,  # V10, V11, V12, V24
        "volunteer_hours_per_capita": 8 / 14_944,  # 2 + 2 + 3 + 1
        "hours_per_volunteer": 8 / 4,
        "volunteer_retention": None,
        "collaboration_rate": 0 / 1,  # ACT5 alone
        "ties_per_organization": 0 / 3,
        "bridging_share": None,  # no pairs
        "activity_diversity": 0.0,
        "social_capital_index": None,
        "social_capital_index_pca": None,
        "volunteer_value_eur": 8 * 6.19,  # 49.52
        "volunteer_value_eur_low": 8 * 5.25,  # 42.00
        "volunteer_value_eur_high": 4 * 13.30 + 4 * 6.19,  # teaching 53.20 + general 24.76 = 77.96
        "fte_equivalent": 8 / 2080,
        "services_value_eur": 20 * 15.00,  # ACT5
        "municipal_support_eur": 10 * 3.825 * 6,  # SP2 July-December: 229.50
        "leverage_ratio": (49.52 + 300) / 229.50,
        "value_per_resident": (49.52 + 300) / 14_944,
        "beneficiaries_per_1k": 12 * 1_000 / 14_944,
        "cost_per_beneficiary": 229.50 / 12,
    },
    (B, 2024): {
        "active_organizations_per_10k": 4 * 10_000 / 14_944,  # O04, O05, O09 and O11 (partner of ACT6)
        "volunteers_per_1k": 7 * 1_000 / 14_944,  # V10, V11, V13, V14, V15, V25, V26
        "volunteer_hours_per_capita": 16 / 14_944,  # 2 + 2 + 3 + 1 + 2 + 3 + 3
        "hours_per_volunteer": 16 / 7,
        "volunteer_retention": 2 / 4,  # V10 and V11 of 2023's four
        "collaboration_rate": 1 / 1,  # ACT6
        "ties_per_organization": 3 / 4,  # (O04,O09) (O04,O11) (O09,O11)
        "bridging_share": 2 / 3,  # O09 and O11 are both associations
        "activity_diversity": 0.0,
        "social_capital_index": 100.0,
        "social_capital_index_pca": 100.0,
        "volunteer_value_eur": 16 * 6.59,  # 105.44
        "volunteer_value_eur_low": 16 * 5.59,  # 89.44
        "volunteer_value_eur_high": 4 * 14.15 + 12 * 6.59,  # 56.60 + 79.08 = 135.68
        "fte_equivalent": 16 / 2080,
        "services_value_eur": 100 * 1.49,  # ACT6
        "municipal_support_eur": 6_000 + 10 * 3.825 * 10,  # grant + SP2 January-October = 6,382.50
        "leverage_ratio": (105.44 + 149) / 6_382.50,
        "value_per_resident": (105.44 + 149) / 14_944,
        "beneficiaries_per_1k": 8 * 1_000 / 14_944,
        "cost_per_beneficiary": 6_382.50 / 8,
    },
    (C, 2023): {
        "active_organizations_per_10k": 3 * 10_000 / 12_346,  # O06, O07, O10
        "volunteers_per_1k": 6 * 1_000 / 12_346,  # V16-V20 and V1 (who also served in A)
        "volunteer_hours_per_capita": 14 / 12_346,  # 3 + 3 + 2 + 2 + 2 + 2
        "hours_per_volunteer": 14 / 6,
        "volunteer_retention": None,
        "collaboration_rate": 1 / 1,  # ACT7 with O07
        "ties_per_organization": 1 / 3,  # (O06,O07)
        "bridging_share": 1 / 1,
        "activity_diversity": 0.0,
        "social_capital_index": None,
        "social_capital_index_pca": None,
        "volunteer_value_eur": 14 * 6.19,  # 86.66
        "volunteer_value_eur_low": 14 * 5.25,  # 73.50
        "volunteer_value_eur_high": 6 * 9.69 + 8 * 6.19,  # nursing 58.14 + general 49.52 = 107.66
        "fte_equivalent": 14 / 2080,
        "services_value_eur": 25 * 10.00,  # ACT7
        "municipal_support_eur": 0.0,  # no support, SP3 only from 2024
        "leverage_ratio": None,  # no support: undefined, not 0 nor infinite
        "value_per_resident": (86.66 + 250) / 12_346,
        "beneficiaries_per_1k": 25 * 1_000 / 12_346,
        "cost_per_beneficiary": 0 / 25,
    },
    (C, 2024): {
        "active_organizations_per_10k": 3 * 10_000 / 12_346,  # O06, O07, O10
        "volunteers_per_1k": 5 * 1_000 / 12_346,  # V16, V17, V21, V22, V23
        "volunteer_hours_per_capita": 12 / 12_346,
        "hours_per_volunteer": 12 / 5,
        "volunteer_retention": 2 / 6,  # V16, V17
        "collaboration_rate": 1 / 2,  # ACT9 has a partner, ACT8 none
        "ties_per_organization": 1 / 3,  # (O06,O10)
        "bridging_share": 1 / 1,
        "activity_diversity": log(2) / LN10,  # health_care, environment
        "social_capital_index": 50.0,
        "social_capital_index_pca": 50.0,
        "volunteer_value_eur": 12 * 6.59,  # 79.08
        "volunteer_value_eur_low": 12 * 5.59,  # 67.08
        "volunteer_value_eur_high": 6 * 10.31 + 6 * 6.59,  # 61.86 + 39.54 = 101.40
        "fte_equivalent": 12 / 2080,
        "services_value_eur": 10 * 10.88,  # ACT8; ACT9 reports no units
        "municipal_support_eur": C_SUPPORT_2024,
        "leverage_ratio": (79.08 + 108.80) / C_SUPPORT_2024,
        "value_per_resident": (79.08 + 108.80) / 12_346,
        "beneficiaries_per_1k": 10 * 1_000 / 12_346,
        "cost_per_beneficiary": C_SUPPORT_2024 / 10,
    },
}


def _area_totals(population: int) -> dict:
    """EL51 and Greece: the same records (only EL51 has any), divided by their own populations."""
    support_2024 = 38_520 + 6_382.50 + C_SUPPORT_2024
    return {
        2023: {
            # O01 O02 O03 O08 O09 (A), O04 O05 O09 (B), O06 O07 O10 (C): 10 distinct, 11 if summed.
            "active_organizations_per_10k": 10 * 10_000 / population,
            "volunteers_per_1k": 15 * 1_000 / population,  # 6 + 4 + 6, V1 counted once
            "volunteer_hours_per_capita": 47 / population,  # 25 + 8 + 14
            "hours_per_volunteer": 47 / 15,
            "volunteer_retention": None,
            "collaboration_rate": 3 / 4,  # ACT1, ACT2, ACT7 of ACT1, ACT2, ACT5, ACT7
            "ties_per_organization": 5 / 10,
            "bridging_share": 5 / 5,
            # food_support 2, education 1, health_care 1: H = ½ ln 2 + ¼ ln 4 + ¼ ln 4 = 1.5 ln 2.
            "activity_diversity": 1.5 * log(2) / LN10,
            "social_capital_index": None,  # municipalities only
            "social_capital_index_pca": None,
            "volunteer_value_eur": 154.75 + 49.52 + 86.66,
            "volunteer_value_eur_low": 131.25 + 42.00 + 73.50,
            "volunteer_value_eur_high": 154.75 + 77.96 + 107.66,
            "fte_equivalent": 47 / 2080,
            "services_value_eur": 1286.49 + 300 + 250,
            "municipal_support_eur": 36_120 + 229.50 + 0,
            "leverage_ratio": (290.93 + 1836.49) / 36_349.50,
            "value_per_resident": (290.93 + 1836.49) / population,
            "beneficiaries_per_1k": (101 + 12 + 25) * 1_000 / population,
            "cost_per_beneficiary": 36_349.50 / 138,
        },
        2024: {
            "active_organizations_per_10k": 11 * 10_000 / population,  # 4 + 4 + 3
            "volunteers_per_1k": 18 * 1_000 / population,  # 6 + 7 + 5
            "volunteer_hours_per_capita": 48 / population,  # 20 + 16 + 12
            "hours_per_volunteer": 48 / 18,
            "volunteer_retention": 5 / 15,  # V1, V10, V11, V16, V17 of 2023's 15
            "collaboration_rate": 3 / 6,  # ACT4, ACT6, ACT9 of six activities
            "ties_per_organization": 5 / 11,
            "bridging_share": 4 / 5,
            "activity_diversity": log(6) / LN10,  # six categories, one activity each
            "social_capital_index": None,
            "social_capital_index_pca": None,
            "volunteer_value_eur": 130.20 + 105.44 + 79.08,
            "volunteer_value_eur_low": 110.44 + 89.44 + 67.08,
            "volunteer_value_eur_high": 130.20 + 135.68 + 101.40,
            "fte_equivalent": 48 / 2080,
            "services_value_eur": 121.00 + 149.00 + 108.80,
            "municipal_support_eur": support_2024,
            "leverage_ratio": (314.72 + 378.80) / support_2024,
            "value_per_resident": (314.72 + 378.80) / population,
            "beneficiaries_per_1k": (55 + 8 + 10) * 1_000 / population,
            "cost_per_beneficiary": support_2024 / 73,
        },
    }


for _level_area in (REGION, NATION):
    for _year, _values in _area_totals(POPULATION[_level_area]).items():
        EXPECTED[(_level_area, _year)] = _values

LEVEL = {A: "municipality", B: "municipality", C: "municipality", REGION: "region", NATION: "national"}
ALL_COLUMNS = {column for indicator in INDICATORS for column in indicator.columns}


def mart_row(con, area: str, period_type: str, start: str) -> dict:
    """The raw (unpublished) indicators of one area and period, with the index."""
    frame = con.execute(
        """SELECT i.*, x.social_capital_index, x.social_capital_index_pca
           FROM mart_indicators i LEFT JOIN mart_index x USING (level, area_code, period_type, period_start)
           WHERE i.level = ? AND i.area_code = ? AND i.period_type = ? AND i.period_start = ?""",
        [LEVEL[area], area, period_type, start],
    ).df()
    assert len(frame) == 1, (area, period_type, start)
    return {column: _plain(value) for column, value in frame.iloc[0].items()}


def _plain(value):
    return None if pd.isna(value) else value  # NaN and NA become None


def _expect(value):
    return None if value is None else pytest.approx(value, rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(("area", "year"), sorted(EXPECTED))
def test_every_indicator_of_the_year(golden, area, year):
    expected = EXPECTED[(area, year)]
    assert set(expected) == ALL_COLUMNS  # every indicator of the registry is checked
    row = mart_row(golden, area, "year", f"{year}-01-01")
    assert {column: row[column] for column in expected} == {c: _expect(v) for c, v in expected.items()}


def test_months_quarters_and_returning_volunteers(golden):
    december = mart_row(golden, A, "month", "2023-12-01")
    # V5 (also in November) and V6; November had V5 alone, who came back.
    assert (december["volunteers"], december["volunteers_prev"], december["volunteer_retention"]) == (2, 1, 1.0)
    assert december["volunteers_per_1k"] == pytest.approx(2 * 1_000 / 65_107)
    second_quarter = mart_row(golden, A, "quarter", "2023-04-01")
    # V1, V2 (May), V3, V4 (June); the first quarter, inside the calendar, had none: retention undefined.
    assert (second_quarter["volunteers"], second_quarter["volunteers_prev"]) == (4, 0)
    assert second_quarter["volunteer_retention"] is None
    assert second_quarter["fte_equivalent"] == pytest.approx((4 + 3 + 2 + 5) / (2080 * 3 / 12))
    # The region counts V1 once although V1 served in A (May) and C (May) that quarter.
    assert mart_row(golden, REGION, "quarter", "2023-04-01")["volunteers"] == 4 + 6 - 1


def test_activities_are_shared_among_their_months(golden):
    # ACT1 runs 1 May - 30 June 2023 (61 days): 31 days of its 61 food parcels and 61 people fall in May.
    may, june = mart_row(golden, A, "month", "2023-05-01"), mart_row(golden, A, "month", "2023-06-01")
    assert may["services_value_eur"] == pytest.approx(31 * 21.09)
    assert june["services_value_eur"] == pytest.approx(30 * 21.09)
    assert may["beneficiaries_per_1k"] == pytest.approx(31 * 1_000 / 65_107)
    assert may["collaboration_rate"] == june["collaboration_rate"] == 1.0  # ACT1 counts in both months
    # May's value: V1 4 h + V2 3 h at 6.19; support 12,000 / 12 + SP1's 2,010.
    assert may["fte_equivalent"] == pytest.approx(7 / (2080 / 12))
    assert may["municipal_support_eur"] == pytest.approx(1_000 + 2_010)
    assert may["leverage_ratio"] == pytest.approx((7 * 6.19 + 31 * 21.09) / 3_010)


def test_support_and_rent_by_the_month(golden):
    january = mart_row(golden, A, "month", "2024-01-01")
    # (12,000 + 2,400) / 12 + 200 m² × 10.05; no hours that month, so no volunteers.
    assert january["municipal_support_eur"] == pytest.approx(1_200 + 2_010)
    assert (january["volunteers"], january["volunteers_per_1k"], january["hours_per_volunteer"]) == (0, 0.0, None)
    # SP3 from the 16th: 16 of March's 31 days.
    assert mart_row(golden, C, "month", "2024-03-01")["municipal_support_eur"] == pytest.approx(1005 * 16 / 31)


def test_the_index_loadings_are_published(golden):
    loadings = golden.execute(
        "SELECT component, loading, explained_variance, municipalities FROM mart_index_loadings "
        "WHERE period_type = 'year' AND period_start = DATE '2024-01-01' ORDER BY component"
    ).fetchall()
    assert [row[0] for row in loadings] == sorted([
        "volunteers_per_1k", "volunteer_hours_per_capita", "active_organizations_per_10k",
        "volunteer_retention", "collaboration_rate", "ties_per_organization",
    ])
    # Every component ranks the three municipalities alike, so all load positively.
    assert all(loading > 0 for _, loading, _, _ in loadings)
    assert all(0 < explained <= 1 and n == 3 for _, _, explained, n in loadings)


def published(golden, year: str) -> dict[str, dict]:
    table = indicator_table(golden, "municipality", "year", lang="en")
    return {row["area_code"]: row for row in table[table["period"] == year].to_dict("records")}


def test_small_numbers_are_withheld_with_their_partners(golden):
    rows = published(golden, "2023")
    # B had 4 volunteers in 2023: every volunteer-based cell of B is withheld.
    for column in ("volunteers_per_1k", "volunteer_hours_per_capita", "hours_per_volunteer", "volunteer_value_eur",
                   "volunteer_value_eur_low", "volunteer_value_eur_high", "fte_equivalent", "leverage_ratio",
                   "value_per_resident"):
        assert rows[B][column] == SUPPRESSED, column
    assert rows[B]["services_value_eur"] == pytest.approx(300.0)  # not built from volunteers
    # EL51's 2023 figures are published, so a second municipality goes with B: the one with the fewest
    # volunteers of A (6) and C (6), the first of equals, A; whole rows go, never single cells.
    # C goes too. In EL51's second quarter only A (4 volunteers) would be withheld beside C (6), so C's
    # second quarter goes, and with it C's year, of which it is the only quarter with volunteers.
    for area in (A, C):
        assert rows[area]["volunteers_per_1k"] == SUPPRESSED
        assert rows[area]["volunteer_value_eur"] == SUPPRESSED
        assert rows[area]["value_per_resident"] == SUPPRESSED
        assert rows[area]["hours_per_volunteer"] == SUPPRESSED
    # 2024: every municipality has 5 volunteers or more, yet C's year goes the same way (its second
    # quarter, 5 volunteers, is withheld beside A's 4), and then A's (6 volunteers, fewer than B's 7).
    rows = published(golden, "2024")
    assert rows[A]["volunteers_per_1k"] == SUPPRESSED
    assert rows[C]["volunteers_per_1k"] == SUPPRESSED
    assert rows[B]["volunteers_per_1k"] == pytest.approx(7_000 / 14_944)
    assert rows[B]["volunteer_hours_per_capita"] == pytest.approx(16 / 14_944)
    # B's retention rests on 2023's four volunteers.
    assert rows[B]["volunteer_retention"] == SUPPRESSED


def test_a_month_withheld_alone_in_its_year_takes_another_with_it(golden):
    # C's May 2023 (1 volunteer) and April (5): April goes too, or May would be the year minus April.
    months = indicator_table(golden, "municipality", "month", area_code=C, lang="en").set_index("period")
    assert months.loc["2023-05", "volunteer_hours_per_capita"] == SUPPRESSED
    assert months.loc["2023-04", "volunteer_hours_per_capita"] == SUPPRESSED
    # April 2024 (5 volunteers) goes with C's second quarter, withheld beside A's (see above): the quarter's
    # other months have no volunteers, so April would equal the quarter.
    assert months.loc["2024-04", "volunteer_hours_per_capita"] == SUPPRESSED


def test_peer_medians_and_ranks_use_published_cells(golden):
    rows = published(golden, "2024")
    # A (65,107) is the only large mainland municipality with data, and its 2024 cells are withheld:
    # its group has no published value. B and C are medium (10,001-25,000); C's cells are withheld.
    assert pd.isna(rows[A]["volunteers_per_1k_peer_median"]) and pd.isna(rows[A]["volunteers_per_1k_peer_rank"])
    assert rows[B]["volunteers_per_1k_peer_median"] == pytest.approx(7_000 / 14_944)
    assert rows[B]["volunteers_per_1k_peer_rank"] == 1
    assert pd.isna(rows[C]["volunteers_per_1k_peer_rank"])
    # Ranked in each group: B alone among the medium ones (C withheld), none among the large (A withheld).
    assert (rows[B]["volunteers_per_1k_peer_count"], rows[C]["volunteers_per_1k_peer_count"]) == (1, 1)
    assert rows[A]["volunteers_per_1k_peer_count"] == 0
    rows = published(golden, "2023")
    # All three are withheld in 2023: no median, no rank.
    assert all(pd.isna(rows[area]["volunteers_per_1k_peer_median"]) for area in (A, B, C))
    assert all(pd.isna(rows[area]["volunteers_per_1k_peer_rank"]) for area in (A, B, C))
    # Cost per person served is not built from volunteers. Lower ranks first: C (0.00) before B (229.50 / 12).
    assert (rows[C]["cost_per_beneficiary_peer_rank"], rows[B]["cost_per_beneficiary_peer_rank"]) == (1, 2)
    assert (rows[C]["cost_per_beneficiary_peer_count"], rows[B]["cost_per_beneficiary_peer_count"]) == (2, 2)
    assert rows[C]["cost_per_beneficiary_peer_median"] == pytest.approx((0 + 229.50 / 12) / 2)


def test_the_seed_structures(golden):
    found = {s.municipality_code: s for s in structures(golden)}
    assert set(found) == {A, B, C}
    assert (found[A].pact_signed_on, found[A].centre_opened_on) == (dt.date(2022, 3, 1), dt.date(2022, 9, 1))
    assert (found[B].pact_signed_on, found[B].centre_opened_on) == (dt.date(2023, 5, 10), None)
    assert found[C].pact_signed_on is None
    assert found[A].organizations == {"social_cooperative": 1, "solidarity_house": 1, "social_supermarket": 1,
                                      "volunteer_group": 1}
    assert found[C].organizations == {"social_clinic": 1, "social_pharmacy": 1, "other": 1, "association": 1}
    # SP1 hosted ACT4, SP2 hosted ACT6; 10 stremmata are 10,000 m².
    assert found[A].spaces == (SpaceUse("building", 1, 200.0, 0.2, 1),)
    assert found[B].spaces == (SpaceUse("farmland", 1, 10_000.0, 10.0, 1),)
    assert found[C].spaces == (SpaceUse("building", 1, 100.0, 0.1, 0),)


def test_what_each_type_delivered(golden):
    rows = delivered(golden, A)
    got = {(r.org_type, _plain(r.service_unit)): (r.activities, _plain(r.units), r.people_served)
           for r in rows.itertuples()}
    assert got[("social_supermarket", "food_parcel")] == (1, 61.0, 61)
    assert got[("social_cooperative", "meal")] == (1, 10.0, 30)
    assert got[("solidarity_house", "bed_night")] == (1, 5.0, 5)
    assert got[("volunteer_group", None)] == (2, None, 60)  # ACT2 and ACT10 report people, no units
