"""``python -m civhub``: the read side on the command line. Plain messages and exit codes, never a traceback.

Commands:
- ``indicators``: the published indicator table (one row per area and period, one column per
  indicator, and for municipalities each indicator's peer-group median and rank), as CSV (UTF-8 with
  a byte-order mark, so that spreadsheets read the Greek) or JSON.
- ``methodology``: rewrite ``docs/methodology.md`` from the indicator registry, or check that it is current.

Exit codes: 0 done, 1 the command failed (no database, a file that cannot be written, a stale
methodology), 2 a usage error.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path

import duckdb
import pandas as pd

from civhub import config, db, i18n, meta
from civhub.indicators.table import LEVELS, PERIOD_TYPES, indicator_table

TEXT = {
    "el": {
        "no_db": "Δεν υπάρχει βάση δεδομένων στο {path}. Δημιουργήστε τη με: python -m pipelines demo",
        "no_marts": "Οι δείκτες δεν έχουν υπολογιστεί σε αυτή τη βάση ({path}). Φορτώστε δεδομένα με "
        "python -m pipelines ingest ή δημιουργήστε τη βάση επίδειξης με python -m pipelines demo.",
        "busy": "Η βάση δεδομένων {path} δεν μπορεί να ανοιχτεί αυτή τη στιγμή. Δοκιμάστε ξανά σε λίγο.",
        "outdated": "Η βάση δεδομένων {path} δημιουργήθηκε από παλαιότερη έκδοση του civhub. Ενημερώστε τη με: "
        "python -m pipelines upgrade",
        "written": "Γράφτηκαν {rows} γραμμές στο {path}.",
        "cannot_write": "Δεν ήταν δυνατή η εγγραφή στο {path}: {reason}",
        "methodology_written": "Γράφτηκε το {path}.",
        "methodology_stale": "Το {path} δεν αντιστοιχεί στο μητρώο δεικτών. Ξαναγράψτε το με: "
        "python -m civhub methodology",
        "methodology_current": "Το {path} είναι ενημερωμένο.",
        "failed": "Σφάλμα: {error}",
        "interrupted": "Διακόπηκε.",
        "no_area": "Δεν υπάρχει περιοχή με κωδικό «{area}» στο επίπεδο «{level}» (δήμος: κωδικός ΕΛΣΤΑΤ όπως 0101, "
        "περιφέρεια: όπως EL51, χώρα: GR).",
    },
    "en": {
        "no_db": "There is no database at {path}. Build it with: python -m pipelines demo",
        "no_marts": "The indicators have not been computed in this database ({path}). Load data with "
        "python -m pipelines ingest, or build the demo database with python -m pipelines demo.",
        "busy": "The database {path} cannot be opened right now. Please try again in a moment.",
        "outdated": "The database {path} was made by an earlier version of civhub. Bring it up to date with: "
        "python -m pipelines upgrade",
        "written": "Wrote {rows} rows to {path}.",
        "cannot_write": "Could not write {path}: {reason}",
        "methodology_written": "Wrote {path}.",
        "methodology_stale": "{path} does not match the indicator registry. Rewrite it with: "
        "python -m civhub methodology",
        "methodology_current": "{path} is current.",
        "failed": "Error: {error}",
        "interrupted": "Interrupted.",
        "no_area": "There is no area with code '{area}' at level '{level}' (municipality: an ELSTAT code such as "
        "0101, region: such as EL51, country: GR).",
    },
}

# A text cell starting with one of these would run as a formula in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Decimal places of exported numbers: below a millionth nothing is meaningful, and the float noise goes.
DECIMALS = 6


class CommandFailed(Exception):
    """A failure the user gets as one plain line (the text is already in their language)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m civhub", description="civhub (the read side)")
    parser.add_argument("--lang", choices=["el", "en"], default=_default_lang(),
                        help="language of the messages and area names (default el, or CIVHUB_LANG)")
    sub = parser.add_subparsers(dest="command", required=True)
    table = sub.add_parser("indicators", help="write the indicator table")
    table.add_argument("--period", choices=PERIOD_TYPES, default="year")
    table.add_argument("--level", choices=LEVELS, default="municipality")
    table.add_argument("--area", default=None,
                       help="one area of the level: a municipality's ELSTAT code (0101), a region's (EL51), GR")
    table.add_argument("--format", choices=["csv", "json"], default="csv")
    table.add_argument("--out", type=Path, default=None, help="file to write (default: standard output)")
    table.add_argument("--lang", choices=["el", "en"], default=argparse.SUPPRESS)
    method = sub.add_parser("methodology", help="rewrite docs/methodology.md from the indicator registry")
    method.add_argument("--check", action="store_true", help="only check that the file is current")
    method.add_argument("--lang", choices=["el", "en"], default=argparse.SUPPRESS)
    return parser


def _default_lang() -> str:
    lang = os.environ.get("CIVHUB_LANG")
    return lang if lang in TEXT else "el"


def _indicators(args, text: dict) -> int:
    path = config.db_path()
    if not path.exists():
        raise CommandFailed(text["no_db"].format(path=path))
    try:
        con = db.connect_read(path)
    except db.DatabaseUnreadable as error:
        raise CommandFailed(i18n.t("db.unreadable", args.lang, path=path)) from error
    except duckdb.IOException as error:
        raise CommandFailed(text["busy"].format(path=path)) from error
    try:
        if meta.outdated(con):
            raise CommandFailed(text["outdated"].format(path=path))
        if args.area is not None and not _is_area(con, args.level, args.area):
            raise CommandFailed(text["no_area"].format(area=args.area, level=args.level))
        table = indicator_table(con, args.level, args.period, area_code=args.area, lang=args.lang)
    except duckdb.CatalogException as error:
        raise CommandFailed(text["no_marts"].format(path=path)) from error
    finally:
        con.close()
    payload = to_csv(table) if args.format == "csv" else to_json(table)
    _write(payload, args.out, text)
    if args.out is not None:
        print(text["written"].format(rows=len(table), path=args.out), file=sys.stderr)
    return 0


def _is_area(con: duckdb.DuckDBPyConnection, level: str, code: str) -> bool:
    return db.query_df(con, "cli_area", level=level, area_code=code).shape[0] > 0


def to_csv(table: pd.DataFrame) -> bytes:
    """The table as CSV in UTF-8 with a byte-order mark; numbers to 6 decimals, empty cells empty, and text
    that never runs as a formula."""
    buffer = io.StringIO()
    _safe(table).to_csv(buffer, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")


def to_json(table: pd.DataFrame) -> bytes:
    """The table as a JSON list of row objects; empty cells are null."""
    records = json.loads(_rounded(table).to_json(orient="records", force_ascii=False, date_format="iso"))
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _rounded(table: pd.DataFrame) -> pd.DataFrame:
    rounded = table.copy()
    for column in rounded.columns:
        if pd.api.types.is_float_dtype(rounded[column]):
            rounded[column] = rounded[column].round(DECIMALS)
        elif rounded[column].dtype == object:
            rounded[column] = rounded[column].map(lambda v: round(v, DECIMALS) if isinstance(v, float) else v)
    return rounded


def _safe(table: pd.DataFrame) -> pd.DataFrame:
    safe = _rounded(table)
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(_safe_cell)
    return safe


def _safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write(payload: bytes, out: Path | None, text: dict) -> None:
    if out is None:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    try:
        out.write_bytes(payload)
    except OSError as error:
        raise CommandFailed(text["cannot_write"].format(path=out, reason=error.strerror or error)) from error


def _methodology(args, text: dict) -> int:
    from civhub import methodology

    shown = methodology.DOC_PATH.relative_to(config.ROOT)
    if args.check:
        if not methodology.is_current():
            raise CommandFailed(text["methodology_stale"].format(path=shown))
        print(text["methodology_current"].format(path=shown))
        return 0
    try:
        methodology.write()
    except OSError as error:
        raise CommandFailed(text["cannot_write"].format(path=shown, reason=error.strerror or error)) from error
    print(text["methodology_written"].format(path=shown))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    text = TEXT[args.lang]
    commands = {"indicators": _indicators, "methodology": _methodology}
    try:
        return commands[args.command](args, text)
    except CommandFailed as failure:
        print(failure, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(text["interrupted"], file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the user gets one plain line, never a traceback
        print(text["failed"].format(error=type(error).__name__), file=sys.stderr)
        return 1
