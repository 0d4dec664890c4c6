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


def all_files(work: Path, rows: int, orgs: int, volunteers: int) -> dict[str, Path]:
    """The benchmark's three files: organizations, the big hour file and a 100,000-row increment."""
    return {
        "orgs": organizations_file(work / "orgs.csv", orgs),
        "big": hours_file(work / "hours-big.csv", rows, orgs=orgs, volunteers=volunteers),
        # 10 % of the increment re-delivers records of the big file, 90 % are new.
        "batch": hours_file(work / "hours-batch.csv", 100_000, orgs=orgs, volunteers=volunteers, first=rows - 10_000),
    }


if __name__ == "__main__":
    import sys

    # Run apart from the timing process, whose peak memory would otherwise be inherited by every child it forks.
    all_files(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
