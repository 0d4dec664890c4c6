"""``python -m pipelines status``: what the live database holds, its latest loads and their quarantine."""

from __future__ import annotations

from civhub.db import connect_read
from pipelines.messages import render

TABLES = (
    "municipalities",
    "pact",
    "organizations",
    "spaces",
    "activities",
    "activity_partners",
    "volunteer_hours",
    "municipal_support",
    "record_history",
    "loads",
    "quarantine",
    "quality_notes",
)
LABELS = {
    "el": {
        "db": "Βάση",
        "synthetic": "ΣΥΝΘΕΤΙΚΑ ΔΕΔΟΜΕΝΑ (επίδειξη)",
        "real": "πραγματικά δεδομένα",
        "tables": "Εγγραφές ανά πίνακα",
        "loads": "Τελευταίες φορτώσεις",
        "reasons": "Καραντίνα ανά αιτία",
        "notes": "Σημειώσεις ποιότητας",
    },
    "en": {
        "db": "Database",
        "synthetic": "SYNTHETIC DATA (demo)",
        "real": "real data",
        "tables": "Rows per table",
        "loads": "Latest loads",
        "reasons": "Quarantine by reason",
        "notes": "Data-quality notes",
    },
}


def status_lines(lang: str = "el") -> list[str]:
    text = LABELS[lang]
    con = connect_read()
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        lines = [
            f"{text['db']}: {text['synthetic'] if meta.get('synthetic') == 'true' else text['real']}",
            f"{text['tables']}:",
        ]
        for table in TABLES:
            lines.append(f"  {table:<20} {con.execute(f'SELECT count(*) FROM {table}').fetchall()[0][0]:>12,}")
        lines.append(f"{text['loads']}:")
        for row in con.execute("""SELECT load_id, file_name, kind, rows_read, rows_loaded, rows_updated,
                                         rows_duplicate, rows_quarantined, finished_at
                                  FROM loads ORDER BY load_id DESC LIMIT 10""").fetchall():
            lines.append(
                "  #{} {} [{}] read {} new {} updated {} dup {} quarantined {} ({:%Y-%m-%d %H:%M})".format(*row)
            )
        lines.append(f"{text['reasons']}:")
        for reason, count in con.execute(
            "SELECT reason, count(*) FROM quarantine GROUP BY reason ORDER BY count(*) DESC"
        ).fetchall():
            lines.append(f"  {count:>8,}  {reason}: {render(reason, {}, lang)}")
        lines.append(f"{text['notes']}:")
        for note, count in con.execute(
            "SELECT note, sum(rows) FROM quality_notes GROUP BY note ORDER BY note"
        ).fetchall():
            lines.append(f"  {count:>8,}  {note}")
        return lines
    finally:
        con.close()


# Columns that record when something ran, not what the data is.
VOLATILE = {"meta": "WHERE key <> 'created_at'", "loads": "EXCLUDE (started_at, finished_at)",
            "record_history": "EXCLUDE (replaced_at)"}


def checksums(con) -> dict[str, str]:
    """An order-independent checksum of every table's contents (count and sum of row hashes)."""
    sums = {}
    for table in ("meta", *TABLES):
        rule = VOLATILE.get(table, "")
        select = f"SELECT * {rule} FROM {table}" if rule.startswith("EXCLUDE") else f"SELECT * FROM {table} {rule}"
        count, total = con.execute(f"SELECT count(*), coalesce(sum(hash(x)), 0) FROM ({select}) x").fetchall()[0]
        sums[table] = f"{count}:{total:x}"
    return sums
