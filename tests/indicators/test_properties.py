"""Properties of the marts and of what is published, on random small databases (hypothesis).

The records are written straight into a copy of an empty database (schema and reference tables
made by ``pipelines.store.create_database``) and the marts rebuilt; the ingest itself is covered
by the golden tests and the pipeline tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from civhub import config
from civhub.indicators.registry import INDICATORS
from civhub.indicators.table import published_rows
from civhub.privacy import MIN_VOLUNTEERS, SUPPRESSED
from pipelines.marts import rebuild
from pipelines.store import create_database

# Three municipalities of EL51 and Thessaloniki (EL52).
MUNICIPALITIES = ["0101", "0102", "0103", "0701"]
ORGS = [("O1", "social_clinic", "0101"), ("O2", "association", "0101"), ("O3", "social_farm", "0102"),
        ("O4", "association", "0701")]
ROLES = ["general", "teaching", "nursing", "medical", "driver"]
CATEGORIES = ["food_support", "health_care", "education", "culture"]
UNITS = [None, "meal", "clinic_visit", "kg_produce"]
START = dt.date(2023, 1, 1)

hour_records = st.lists(
    st.tuples(
        st.integers(0, 11),  # volunteer
        st.integers(0, len(ORGS) - 1),
        st.sampled_from(MUNICIPALITIES),
        st.integers(0, 500),  # day after START
        st.integers(1, 16),  # half hours
        st.sampled_from(ROLES),
    ),
    max_size=60,
)
activity_records = st.lists(
    st.tuples(
        st.integers(0, len(ORGS) - 1),
        st.sampled_from(MUNICIPALITIES),
        st.integers(0, 500),
        st.integers(0, 80),  # extra days
        st.sampled_from(CATEGORIES),
        st.integers(0, 90),
        st.integers(0, 40),
        st.sampled_from(UNITS),
        st.sets(st.integers(0, len(ORGS) - 1), max_size=2),
    ),
    max_size=8,
)
support_records = st.lists(
    st.tuples(st.sampled_from(MUNICIPALITIES), st.sampled_from([2023, 2024]), st.integers(1, 50_000)),
    max_size=4, unique_by=lambda r: (r[0], r[1]),
)
space_records = st.lists(
    st.tuples(st.sampled_from(MUNICIPALITIES), st.booleans(), st.integers(1, 500), st.integers(0, 500),
              st.one_of(st.none(), st.integers(0, 300))),
    max_size=3,
)
databases = st.fixed_dictionaries(
    {"hours": hour_records, "activities": activity_records, "support": support_records, "spaces": space_records}
)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "empty.duckdb"
    create_database(path, synthetic=False)
    return path


@pytest.fixture
def make_db(template: Path, tmp_path: Path):
    """A fresh database per hypothesis example: the template's copy, the example's records, the marts."""
    opened: list[duckdb.DuckDBPyConnection] = []

    def _make(data: dict) -> duckdb.DuckDBPyConnection:
        path = tmp_path / f"db{len(opened)}.duckdb"
        shutil.copyfile(template, path)
        con = duckdb.connect(str(path))
        opened.append(con)
        con.execute("BEGIN")
        _insert(con, data)
        rebuild(con)
        con.execute("COMMIT")
        return con

    yield _make
    for con in opened:
        con.close()


def _many(con: duckdb.DuckDBPyConnection, sql: str, rows: list) -> None:
    if rows:
        con.executemany(sql, rows)


def _insert(con: duckdb.DuckDBPyConnection, data: dict) -> None:
    _many(con, "INSERT INTO organizations VALUES (?, ?, ?, ?, NULL, NULL, 1)",
                    [(org, org, kind, municipality) for org, kind, municipality in ORGS])
    _many(
        con,
        "INSERT INTO volunteer_hours VALUES (?, ?, NULL, ?, ?, ?, NULL, ?, 1, ?)",
        [(ORGS[org][0], f"R{i}", municipality, START + dt.timedelta(days=day), halves / 2, role,
          volunteer)
         for i, (volunteer, org, municipality, day, halves, role) in enumerate(data["hours"])],
    )
    for i, (org, municipality, day, extra, category, people, units, unit, partners) in enumerate(data["activities"]):
        start = START + dt.timedelta(days=day)
        con.execute(
            "INSERT INTO activities VALUES (?, ?, ?, ?, ?, ?, 'x', ?, ?, ?, NULL, 1)",
            [f"A{i}", ORGS[org][0], municipality, start, start + dt.timedelta(days=extra) if extra else None,
             category, people, units if unit else None, unit],
        )
        _many(con, "INSERT INTO activity_partners VALUES (?, ?)",
              [(f"A{i}", ORGS[p][0]) for p in sorted(partners) if p != org])
    _many(con, "INSERT INTO municipal_support VALUES (?, ?, '', 'grant', ?, 1)", data["support"])
    _many(
        con,
        "INSERT INTO spaces VALUES (?, ?, ?, 'x', ?, ?, ?, ?, NULL, 1)",
        [(f"S{i}", municipality, "building" if building else "farmland", size, "m2" if building else "stremma",
          START + dt.timedelta(days=day), None if length is None else START + dt.timedelta(days=day + length))
         for i, (municipality, building, size, day, length) in enumerate(data["spaces"])],
    )


def _frame(con, sql: str) -> pd.DataFrame:
    return con.execute(sql).df()


def _reference_populations() -> dict[str, int]:
    """Population per municipality, region and the nation, summed here from the reference file."""
    with open(config.REFERENCE_DIR / "municipalities.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    populations = {row["code"]: int(row["population_2021"]) for row in rows}
    for row in rows:
        populations[row["region_nuts2_2021"]] = populations.get(row["region_nuts2_2021"], 0) + int(
            row["population_2021"])
    populations["GR"] = sum(int(row["population_2021"]) for row in rows)
    return populations


POPULATIONS = _reference_populations()


def check_value_ranges_are_ordered(con) -> None:
    rows = _frame(con, "SELECT * FROM mart_indicators")
    assert (rows["volunteer_value_eur_low"] <= rows["volunteer_value_eur"] + 1e-9).all()
    assert (rows["volunteer_value_eur"] <= rows["volunteer_value_eur_high"] + 1e-9).all()


def check_per_capita_denominators_are_the_reference_populations(con) -> None:
    areas = _frame(con, "SELECT area_code, population FROM mart_areas")
    assert dict(zip(areas["area_code"], areas["population"], strict=True)) == POPULATIONS
    rows = _frame(con, "SELECT * FROM mart_indicators")
    population = rows["area_code"].map(POPULATIONS)
    assert (rows["volunteers_per_1k"] * population / 1_000 - rows["volunteers"]).abs().max() < 1e-6 or rows.empty


def check_national_and_regional_sums_add_up_over_municipalities(con) -> None:
    rows = _frame(con, "SELECT * FROM mart_indicators")
    additive = [c for i in INDICATORS if i.additive for c in i.columns]
    municipalities = rows[rows["level"] == "municipality"]
    for level, key in (("national", None), ("region", "region_code")):
        keys = ["period_type", "period_start", *([key] if key else [])]
        summed = municipalities.groupby(keys)[additive].sum()
        totals = rows[rows["level"] == level].set_index(keys)[additive]
        summed = summed.reindex(totals.index, fill_value=0.0)
        assert ((totals - summed).abs() <= 1e-6 * (1 + totals.abs())).all().all(), level


ORACLE = """
WITH records AS (
    SELECT h.volunteer_no, m.code, m.region_code, h.work_date
    FROM volunteer_hours h JOIN municipalities m ON m.code = h.municipality_code
),
by_area AS (
    SELECT 'municipality' AS level, code AS area_code, volunteer_no, work_date FROM records
    UNION ALL SELECT 'region', region_code, volunteer_no, work_date FROM records
    UNION ALL SELECT 'national', 'GR', volunteer_no, work_date FROM records
),
active AS (
    SELECT DISTINCT level, area_code, volunteer_no, period_type,
           CAST(date_trunc(period_type, work_date) AS DATE) AS period_start
    FROM by_area, (SELECT unnest(['month', 'quarter', 'year']) AS period_type)
)
SELECT a.level, a.area_code, a.period_type, a.period_start, count(*) AS active, count(p.volunteer_no) AS retained
FROM active a
LEFT JOIN active p
    ON p.level = a.level AND p.area_code = a.area_code AND p.volunteer_no = a.volunteer_no
    AND p.period_type = a.period_type
    AND p.period_start = CAST(a.period_start - CASE a.period_type WHEN 'month' THEN INTERVAL 1 MONTH
                                                              WHEN 'quarter' THEN INTERVAL 3 MONTH
                                                              ELSE INTERVAL 1 YEAR END AS DATE)
GROUP BY ALL
"""


def check_distinct_and_returning_volunteers_match_a_plain_count(con) -> None:
    keys = ["level", "area_code", "period_type", "period_start"]
    expected = _frame(con, ORACLE).sort_values(keys, ignore_index=True)
    counted = _frame(con, "SELECT level, area_code, period_type, period_start, active, retained "
                          "FROM mart_distinct_counts WHERE entity = 'volunteers'").sort_values(keys, ignore_index=True)
    pd.testing.assert_frame_equal(counted, expected, check_dtype=False)


LEVELS = ("municipality", "region", "national")
_CELL = ["level", "area_code", "period_type", "period_start"]


def check_nothing_published_rests_on_fewer_than_five_volunteers(con) -> None:
    protected = [c for i in INDICATORS if i.volunteer_based for c in i.columns]
    table = pd.concat([published_rows(con, level) for level in LEVELS], ignore_index=True)
    counts = _frame(con, "SELECT level, area_code, period_type, period_start, volunteers AS counted, "
                         "volunteers_prev AS counted_prev FROM mart_indicators")
    rows = table.merge(counts, on=_CELL, validate="1:1")
    marks = rows[protected].map(lambda v: v == SUPPRESSED)
    shown = rows[protected].map(lambda v: v is not None and v == v and v != SUPPRESSED)
    small = rows["counted"].between(1, MIN_VOLUNTEERS - 1).to_numpy()
    assert not shown[small].to_numpy().any()
    assert not shown.loc[rows["counted_prev"].between(1, MIN_VOLUNTEERS - 1), "volunteer_retention"].any()
    # A row is withheld whole: its columns are functions of one another.
    others = [c for c in protected if c != "volunteer_retention"]
    withheld = marks[others].any(axis=1)
    assert not (withheld.to_numpy()[:, None] & shown[others].to_numpy()).any()
    _no_row_recoverable(rows.assign(withheld=withheld))


def _no_row_recoverable(rows: pd.DataFrame) -> None:
    """Every set of rows that adds up to another row (areas to their region and nation, months and quarters to
    their year, months to their quarter) holds no withheld row or at least two, counting the total."""
    start = pd.to_datetime(rows["period_start"])
    rows = rows.assign(year=start.dt.year, quarter=start.dt.quarter)
    is_type = {kind: rows["period_type"] == kind for kind in ("month", "quarter", "year")}
    equations = [
        (rows[is_type["month"]], ["level", "area_code", "year"], rows[is_type["year"]]),
        (rows[is_type["quarter"]], ["level", "area_code", "year"], rows[is_type["year"]]),
        (rows[is_type["month"]], ["level", "area_code", "year", "quarter"], rows[is_type["quarter"]]),
        (rows[rows["level"] == "municipality"].assign(total=rows["region_code"]),
         ["period_type", "period_start", "total"], rows[rows["level"] == "region"].assign(total=rows["area_code"])),
        (rows[rows["level"] == "region"].assign(total="GR"), ["period_type", "period_start", "total"],
         rows[rows["level"] == "national"].assign(total="GR")),
    ]
    for parts, keys, totals in equations:
        counted = parts.groupby(keys)["withheld"].agg(["sum", "size"])
        totalled = totals.set_index(keys)["withheld"]
        counted["sum"] += totalled.reindex(counted.index).fillna(False).astype(int)
        counted["size"] += totalled.reindex(counted.index).notna().astype(int)
        lone = counted[(counted["sum"] == 1) & (counted["size"] > 1)]
        assert lone.empty, lone


CHECKS = (
    check_value_ranges_are_ordered,
    check_per_capita_denominators_are_the_reference_populations,
    check_national_and_regional_sums_add_up_over_municipalities,
    check_distinct_and_returning_volunteers_match_a_plain_count,
    check_nothing_published_rests_on_fewer_than_five_volunteers,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          report_multiple_bugs=False)
@given(databases)
def test_properties_hold_on_random_databases(make_db, data):
    # One database per example, every property checked on it (rebuilding is what costs).
    con = make_db(data)
    for check in CHECKS:
        check(con)
