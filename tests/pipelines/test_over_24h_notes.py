"""Days over 24 hours: a file's days are summed over every load, and only the days it names are noted."""

from __future__ import annotations

import hashlib
import hmac
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines import merge

# By hand: V8 works 20 + 5 = 25 hours on 2 February (noted by the first load); V9 works 14 hours on
# 1 February in the first file and 12 more in the second, 26 in all (noted by the second load). The
# second file names 3 February for V8 (3 hours) but not 2 February, which it must not note again.
FIRST = """record_id,volunteer_id,org_id,municipality_code,date,hours
D1,V9,ORG1,0101,2024-02-01,14
D2,V8,ORG1,0101,2024-02-02,20
D3,V8,ORG2,0102,2024-02-02,5
"""
SECOND = """record_id,volunteer_id,org_id,municipality_code,date,hours
E1,V9,ORG2,0102,2024-02-01,12
E2,V8,ORG1,0101,2024-02-03,3
"""


def _key_of(identifier: str, db: Path) -> str:
    # The note names the volunteer by its number: the first 16 hexadecimal digits of its HMAC.
    key = bytes.fromhex(db.with_name("pseudonym.key").read_text(encoding="ascii").strip())
    return hmac.new(key, identifier.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


# 0: the days that may exceed 24 hours are looked for among those the file names; a huge share: among all.
@pytest.mark.parametrize("share", [0, 1_000_000], ids=["days the file names", "all stored days"])
def test_days_over_24_hours_are_summed_over_loads(orgs, load, q, db, monkeypatch, share):
    monkeypatch.setattr(merge, "NAMED_DAYS_SHARE", share)
    first, second = load("hours", FIRST, name="first.csv"), load("hours", SECOND, name="second.csv")
    assert (first.rows_loaded, second.rows_loaded) == (3, 2)
    notes = q("""SELECT load_id, subject, rows, CAST(json_extract_string(params, '$.hours') AS DECIMAL(6, 2)),
                        json_extract_string(params, '$.date')
                 FROM quality_notes WHERE note = 'over_24h_day' ORDER BY load_id""")
    assert notes == [
        (first.load_id, _key_of("V8", db) + " 2024-02-02", 2, Decimal("25.00"), "2024-02-02"),
        (second.load_id, _key_of("V9", db) + " 2024-02-01", 2, Decimal("26.00"), "2024-02-01"),
    ]
