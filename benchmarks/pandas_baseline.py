"""What a typical dashboard does: pandas reads the CSV, validates with pandas, and hands the frame to DuckDB.

The same rules as the pipeline's hour records: required fields, day-first dates not in
the future nor before 2011, 0 < hours <= 24 (decimal comma accepted), a known
organization and municipality, duplicates on (org_id, record_id) dropped, volunteer
identifiers replaced by their number (the first 64 bits of their HMAC).
"""

from __future__ import annotations

import hashlib
import hmac
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d/%m/%y")
COLUMNS = ["record_id", "volunteer_id", "org_id", "municipality_code", "activity_id", "date", "hours", "role"]


def run(csv_path: Path, db_path: Path, key: bytes) -> int:
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False, encoding="utf-8")
    frame = frame[COLUMNS].apply(lambda s: s.str.strip())
    con = duckdb.connect(str(db_path))
    orgs = set(con.execute("SELECT org_id FROM organizations").df()["org_id"])
    codes = set(con.execute("SELECT code FROM municipalities").df()["code"])
    when = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    for pattern in DATE_FORMATS:  # each format vectorised, on the rows still unparsed
        left = when.isna()
        when[left] = pd.to_datetime(frame.loc[left, "date"], errors="coerce", format=pattern)
    hours = pd.to_numeric(frame["hours"].str.replace(",", ".", regex=False), errors="coerce")
    ok = (
        frame["record_id"].ne("")
        & frame["volunteer_id"].ne("")
        & frame["org_id"].isin(orgs)
        & frame["municipality_code"].isin(codes)
        & when.notna()
        & (when >= pd.Timestamp(2011, 1, 1))
        & (when <= pd.Timestamp(date.today()))
        & (hours > 0)
        & (hours <= 24)
    )
    good = frame[ok].assign(work_date=when[ok].dt.date, hours=hours[ok])
    good = good.drop_duplicates(subset=["org_id", "record_id"])
    numbers = {
        v: int.from_bytes(hmac.new(key, v.encode(), hashlib.sha256).digest()[:8]) for v in good["volunteer_id"].unique()
    }
    good = good.assign(volunteer_no=good["volunteer_id"].map(numbers).astype("uint64"))
    loaded = good[
        ["org_id", "record_id", "activity_id", "municipality_code", "work_date", "hours", "role", "volunteer_no"]
    ]
    con.execute("""INSERT INTO volunteer_hours
        SELECT org_id, record_id, nullif(activity_id, ''), municipality_code, work_date, hours,
               role, 'general', 1, volunteer_no FROM loaded""")
    con.execute("CHECKPOINT")
    con.close()
    return len(loaded)


if __name__ == "__main__":
    print(run(Path(sys.argv[1]), Path(sys.argv[2]), bytes.fromhex(sys.argv[3])))
