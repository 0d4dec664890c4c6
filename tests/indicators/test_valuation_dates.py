"""Work is valued at the rates in force on its date, also when the rates change in the middle of a month."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import duckdb
import pytest

from tests.indicators.conftest import build

FILES = {
    "organizations": "org_id,name,type,municipality_code\nORG1,Παντοπωλείο Κομοτηνής,social_supermarket,0101\n",
    # The statutory minimum wage fell on 14 February 2012 (data/reference/valuation_rates.csv, role 'general'):
    # before it low 5.06 and central 5.96 euros an hour, from that day 3.94 and 4.65.
    "hours": (
        "record_id,volunteer_id,org_id,municipality_code,date,hours,role\n"
        "R1,V1,ORG1,0101,2012-02-13,2,\n"
        "R2,V2,ORG1,0101,2012-02-14,3,\n"
        "R3,V1,ORG1,0101,2012-03-20,1,\n"
        # Around a change on the first of a month (1 February 2019: low 4.38, central 5.16 from that day).
        "R4,V2,ORG1,0101,2019-01-31,1,\n"
        "R5,V2,ORG1,0101,2019-02-20,2,\n"
    ),
}


@pytest.fixture
def hours_mart(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVHUB_KEY_FILE", str(tmp_path / "pseudonym.key"))
    monkeypatch.delenv("CIVHUB_PSEUDONYM_KEY", raising=False)
    db = build(tmp_path / "civhub.duckdb", tmp_path / "in", FILES)
    con = duckdb.connect(str(db), read_only=True)
    yield con.execute("SELECT month, hours, value_low, value_central FROM mart_hours ORDER BY month").fetchall()
    con.close()


def test_each_day_of_a_month_is_valued_at_its_own_rate(hours_mart):
    # February: low 2 x 5.06 + 3 x 3.94 = 10.12 + 11.82 = 21.94; central 2 x 5.96 + 3 x 4.65 = 11.92 + 13.95 = 25.87.
    february, march, *_ = hours_mart
    assert february == (dt.date(2012, 2, 1), Decimal("5.00"), Decimal("21.94"), Decimal("25.87"))
    # March, all at the new rate: 1 x 3.94 and 1 x 4.65.
    assert march == (dt.date(2012, 3, 1), Decimal("1.00"), Decimal("3.94"), Decimal("4.65"))


def test_a_change_on_the_first_of_a_month_values_the_whole_month_at_the_new_rate(hours_mart):
    january, february = hours_mart[2:]
    # 31 January 2019, at the rates of 14 February 2012: 1 x 3.94 and 1 x 4.65.
    assert january == (dt.date(2019, 1, 1), Decimal("1.00"), Decimal("3.94"), Decimal("4.65"))
    # 20 February 2019, at the rates of 1 February 2019: 2 x 4.38 = 8.76 and 2 x 5.16 = 10.32.
    assert february == (dt.date(2019, 2, 1), Decimal("2.00"), Decimal("8.76"), Decimal("10.32"))
