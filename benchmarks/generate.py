"""Generate the benchmark's submission files with DuckDB (vectorised, seeded, seconds for 10 million rows)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from civhub import config

ROLES = ["εθελοντής", "Εθελόντρια", "οδηγός", "γιατρός", "νοσηλεύτρια", "εκπαιδευτικός", "συντονιστής", "μάγειρας"]


def _codes() -> list[str]:
    with open(config.REFERENCE_DIR / "municipalities.csv", encoding="utf-8", newline="") as handle:
        return [row["code"] for row in csv.DictReader(handle)]


def organizations_file(path: Path, orgs: int) -> Path:
    """``orgs`` organizations spread over all municipalities."""
    codes = _codes()
    lines = ["org_id,name,type,municipality_code"]
    lines += [f"ORG{i:05d},Οργάνωση {i},volunteer_group,{codes[i % len(codes)]}" for i in range(orgs)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def hours_file(path: Path, rows: int, *, orgs: int, volunteers: int, first: int = 0, seed: float = 0.42) -> Path:
    """``rows`` hour records (record ids ``first`` … ``first + rows - 1``) as a plain UTF-8 CSV."""
    codes = _codes()
    con = duckdb.connect()
    con.execute("SELECT setseed(?)", [seed])
    con.execute(
        "CREATE TABLE codes AS SELECT unnest(?::VARCHAR[]) AS code, generate_subscripts(?::VARCHAR[], 1) - 1 AS i",
        [codes, codes],
    )
    con.execute(
        "CREATE TABLE roles AS SELECT unnest(?::VARCHAR[]) AS role, generate_subscripts(?::VARCHAR[], 1) - 1 AS i",
        [ROLES, ROLES],
    )
    target = str(path).replace("'", "''")
    con.execute(f"""COPY (
        SELECT 'R' || n AS record_id, 'V' || (hash(n) % {volunteers}) AS volunteer_id,
               'ORG' || lpad(CAST(o AS VARCHAR), 5, '0') AS org_id, c.code AS municipality_code, '' AS activity_id,
               CAST(DATE '2019-01-01' + CAST(floor(random() * 2556) AS INTEGER) AS VARCHAR) AS date,
               CAST(0.5 * (1 + floor(random() * 12)) AS VARCHAR) AS hours, r.role AS role
        FROM (SELECT range AS n, CAST(hash(range * 7) % {orgs} AS INTEGER) AS o FROM range({first}, {first + rows}))
        JOIN codes c ON c.i = o % {len(codes)}
        JOIN roles r ON r.i = CAST(n % {len(ROLES)} AS INTEGER)
        ORDER BY n
    ) TO '{target}' (HEADER, DELIMITER ',', QUOTE '')""")
    con.close()
    return path
