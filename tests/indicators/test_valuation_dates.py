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
    february, march = hours_mart
    assert february == (dt.date(2012, 2, 1), Decimal("5.00"), Decimal("21.94"), Decimal("25.87"))
    # March, all at the new rate: 1 x 3.94 and 1 x 4.65.
    assert march == (dt.date(2012, 3, 1), Decimal("1.00"), Decimal("3.94"), Decimal("4.65"))
