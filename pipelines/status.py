"""``python -m pipelines status``: what the live database holds, its latest loads and their quarantine."""

from __future__ import annotations

from civhub.db import connect_read
from pipelines.kinds import KINDS
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
        "reasons": "Καραντίνα ανά αιτία και στήλη",
        "notes": "Σημειώσεις ποιότητας",
        "load": "  #{} {} [{}] διαβάστηκαν {}, νέες {}, ενημερώθηκαν {}, διπλές {}, σε καραντίνα {} "
        "({:%Y-%m-%d %H:%M})",
        "none": "  (καμία)",
        "heavy_days": "ημέρες εθελοντή με πάνω από 24 ώρες",
    },
    "en": {
        "db": "Database",
        "synthetic": "SYNTHETIC DATA (demo)",
        "real": "real data",
        "tables": "Rows per table",
        "loads": "Latest loads",
        "reasons": "Quarantine by reason and column",
        "notes": "Data-quality notes",
        "load": "  #{} {} [{}] read {}, new {}, updated {}, duplicates {}, quarantined {} ({:%Y-%m-%d %H:%M})",
        "none": "  (none)",
        "heavy_days": "volunteer-days over 24 hours",
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
            lines.append(text["load"].format(*row))
        lines.append(f"{text['reasons']}:")
        lines += _counted(con.execute(_REASONS).fetchall(), lang) or [text["none"]]
        lines.append(f"{text['notes']}:")
        roles = con.execute(_ROLES).fetchall()
        lines += [f"  {rows:>8,}  {render('unknown_role', {'word': word, 'rows': rows}, lang)}" for rows, word in roles]
        (heavy,) = con.execute("SELECT count(*) FROM quality_notes WHERE note = 'over_24h_day'").fetchall()[0]
        lines += [f"  {heavy:>8,}  {text['heavy_days']}"] if heavy else []
        return lines if roles or heavy else [*lines, text["none"]]
    finally:
        con.close()


# Each reason with the kind of file and the column; rendered with its rows' parameters where they all share
# them (an unknown organization), without where they differ (each unknown municipality has its own suggestions).
_REASONS = """
    SELECT count(*), q.reason, l.kind, q.column_name,
           CASE WHEN count(DISTINCT q.params) = 1 THEN any_value(q.params) END
    FROM quarantine q
    LEFT JOIN loads l USING (load_id)
    GROUP BY q.reason, l.kind, q.column_name
    ORDER BY count(*) DESC, l.kind, q.reason, q.column_name
    LIMIT 20
"""
# The role words not recognised, over every load, the most written first.
_ROLES = """
    SELECT sum(rows), subject FROM quality_notes WHERE note = 'unknown_role'
    GROUP BY subject ORDER BY sum(rows) DESC, subject LIMIT 10
"""


def _counted(rows: list[tuple], lang: str) -> list[str]:
    return [
        f"  {count:>8,}  {f'[{kind}] ' if kind else ''}{_column_label(kind, column, lang)}"
        f"{render(code, params or {}, lang)} ({code})"
        for count, code, kind, column, params in rows
    ]


def _column_label(kind: str | None, column: str | None, lang: str) -> str:
    """The column as the kind's templates head it, with its canonical name: files head it in many ways, and
    the quarantine of several files is counted together."""
    if not column:
        return ""
    found = [c for c in KINDS[kind].columns if c.name == column] if kind in KINDS else []
    return f"{(found[0].el if lang == 'el' else found[0].en)} ({column}): " if found else f"{column}: "


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
