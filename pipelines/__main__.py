"""``python -m pipelines``: ingest, status, demo, upgrade. Plain messages and exit codes, never a traceback.

Exit codes: 0 every file loaded (with or without quarantined rows), 1 a file was
refused or the command failed, 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from civhub import config, i18n
from civhub.db import DatabaseUnreadable
from pipelines.kinds import KINDS

TEXT = {
    "el": {
        "loaded": "{file}: φορτώθηκε — διαβάστηκαν {rows_read}, νέες {rows_loaded}, ενημερώθηκαν {rows_updated}, "
        "διπλές {rows_duplicate}, σε καραντίνα {rows_quarantined}",
        "checked": "{file}: θα φορτωνόταν — διαβάστηκαν {rows_read}, νέες {rows_loaded}, ενημερώθηκαν {rows_updated}, "
        "διπλές {rows_duplicate}, σε καραντίνα {rows_quarantined}",
        "refused": "{file}: ΑΠΟΡΡΙΦΘΗΚΕ — {message} Τίποτα δεν άλλαξε.",
        "error": "  γραμμή {line}, στήλη «{column}»: {reason}",
        "row_error": "  γραμμή {line}: {reason}",
        "more": "  … και άλλες {n} γραμμές σε καραντίνα (python -m pipelines status)",
        "ignored": "  στήλες που αγνοήθηκαν (δεν αποθηκεύτηκαν): {columns}",
        "blank": "  κενές γραμμές που παραλείφθηκαν: {n}",
        "header_rows": "  η γραμμή επικεφαλίδων ξανά πιο κάτω, παραλείφθηκε: {n}",
        "header_titles": "  γραμμές τίτλου πάνω από αυτήν, παραλείφθηκαν: {n}",
        "totals": "Σύνολο {files} αρχείων: {verb} {loaded}, απορρίφθηκαν {refused} — νέες εγγραφές {rows_loaded}, "
        "ενημερώθηκαν {rows_updated}, σε καραντίνα {rows_quarantined}",
        "did_load": "φορτώθηκαν",
        "would_load": "θα φορτώνονταν",
        "no_db": "Δεν υπάρχει βάση δεδομένων στο {path}. Δημιουργήστε τη με: python -m pipelines demo",
        "failed": "Σφάλμα: {error}",
        "interrupted": "Διακόπηκε· η βάση δεδομένων έμεινε όπως ήταν.",
        "dry_run": "Δοκιμή (--dry-run): τα αρχεία ελέγχθηκαν όπως σε φόρτωση, αλλά τίποτα από αυτά δεν αποθηκεύτηκε.",
        "upgraded": "Η βάση {path} αναβαθμίστηκε στην έκδοση σχήματος {version}.",
        "current": "Η βάση {path} είναι ήδη στην έκδοση σχήματος {version}.",
    },
    "en": {
        "loaded": "{file}: loaded — read {rows_read}, new {rows_loaded}, updated {rows_updated}, "
        "duplicates {rows_duplicate}, quarantined {rows_quarantined}",
        "checked": "{file}: would load — read {rows_read}, new {rows_loaded}, updated {rows_updated}, "
        "duplicates {rows_duplicate}, quarantined {rows_quarantined}",
        "refused": "{file}: REFUSED — {message} Nothing was changed.",
        "error": "  line {line}, column '{column}': {reason}",
        "row_error": "  line {line}: {reason}",
        "more": "  … and {n} more quarantined rows (python -m pipelines status)",
        "ignored": "  columns ignored (not stored): {columns}",
        "blank": "  blank lines skipped: {n}",
        "header_rows": "  the header row again further down, skipped: {n}",
        "header_titles": "  title rows above it, skipped: {n}",
        "totals": "All {files} files: {verb} {loaded}, refused {refused} — new records {rows_loaded}, "
        "updated {rows_updated}, quarantined {rows_quarantined}",
        "did_load": "loaded",
        "would_load": "would load",
        "no_db": "There is no database at {path}. Build it with: python -m pipelines demo",
        "failed": "Error: {error}",
        "interrupted": "Interrupted; the database is as it was before.",
        "dry_run": "Dry run (--dry-run): the files were checked as a load would, but nothing of them was saved.",
        "upgraded": "Upgraded {path} to schema version {version}.",
        "current": "{path} is already at schema version {version}.",
    },
}


def _parser() -> argparse.ArgumentParser:
    # --lang may come before or after the command; the subcommands must not reset it to a default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=["el", "en"], default=argparse.SUPPRESS,
                        help="language of the messages (default el, or CIVHUB_LANG)")
    parser = argparse.ArgumentParser(prog="python -m pipelines", description="civhub pipelines (the write side)")
    parser.add_argument("--lang", choices=["el", "en"], default=os.environ.get("CIVHUB_LANG", "el"),
                        help="language of the messages (default el, or CIVHUB_LANG)")
    sub = parser.add_subparsers(dest="command", required=True)
    ingest = sub.add_parser("ingest", help="load submitted CSV/XLSX files of one kind", parents=[common])
    ingest.add_argument("kind", choices=sorted(KINDS))
    ingest.add_argument("files", nargs="+", type=Path,
                        help="the files; a folder stands for its CSV and Excel files, loaded in name order")
    ingest.add_argument("--json", action="store_true", help="one JSON object per file")
    ingest.add_argument("--dry-run", action="store_true",
                        help="check the files and answer as a load would, without saving anything of them")
    status = sub.add_parser("status", help="what the database holds and the latest loads", parents=[common])
    status.add_argument("--checksum", action="store_true", help="print a checksum of every table's contents")
    demo = sub.add_parser("demo", help="build the database from synthetic demo files", parents=[common])
    demo.add_argument("--seed", type=int, default=2025)
    demo.add_argument("--scale", choices=["test", "default", "national"], default="default")
    sub.add_parser("templates", help="rewrite the blank templates in data/templates/", parents=[common])
    sub.add_parser("docs", help="rewrite docs/data-formats.md from the loader's definitions", parents=[common])
    sub.add_parser("upgrade", help="bring a database made by an earlier version to the current schema",
                   parents=[common])
    return parser


def _print_report(report, text: dict, *, dry_run: bool = False) -> None:
    if report.status == "refused":
        print(text["refused"].format(file=report.file, message=report.message))
        return
    print(text["checked" if dry_run else "loaded"].format(**report.__dict__))
    for error in report.errors[:5]:
        # A fault of the whole row (more cells than the header, a cut-off quote) has no column; a column is
        # named by the file's own header.
        column = report.headers.get(error["column"]) or error["column"]
        print(text["error" if column else "row_error"].format(**{**error, "column": column}))
    if report.rows_quarantined > 5:
        print(text["more"].format(n=report.rows_quarantined - min(5, len(report.errors))))
    if report.blank_lines:
        print(text["blank"].format(n=report.blank_lines))
    if report.header_rows:
        print(text["header_rows"].format(n=report.header_rows))
    if report.header_titles:
        print(text["header_titles"].format(n=report.header_titles))
    if report.ignored_columns:
        print(text["ignored"].format(columns=", ".join(report.ignored_columns)))


def _ingest(args, text: dict) -> int:
    from pipelines.ingest import ingest_files

    reports = ingest_files(args.kind, args.files, lang=args.lang, dry_run=args.dry_run)
    for report in reports:
        if args.json:
            print(json.dumps(report.as_json(), ensure_ascii=False))
        else:
            _print_report(report, text, dry_run=args.dry_run)
    if len(reports) > 1 and not args.json:  # a folder of thirty files: the whole in one line at the end
        print(_totals(reports, text, args.dry_run))
    if args.dry_run and not args.json:
        print(text["dry_run"])
    return 0 if all(r.status == "loaded" for r in reports) else 1


def _totals(reports, text: dict, dry_run: bool) -> str:
    loaded = [r for r in reports if r.status == "loaded"]
    return text["totals"].format(
        files=len(reports), loaded=len(loaded), refused=len(reports) - len(loaded),
        verb=text["would_load" if dry_run else "did_load"], rows_loaded=sum(r.rows_loaded for r in loaded),
        rows_updated=sum(r.rows_updated for r in loaded), rows_quarantined=sum(r.rows_quarantined for r in loaded),
    )


def _status(args, text: dict) -> int:
    from pipelines.status import status_lines

    if not config.db_path().exists():
        print(text["no_db"].format(path=config.db_path()))
        return 1
    if args.checksum:
        from civhub.db import connect_read
        from pipelines.status import checksums

        con = connect_read()
        try:
            for table, value in checksums(con).items():
                print(f"{table:<20} {value}")
        finally:
            con.close()
        return 0
    for line in status_lines(args.lang):
        print(line)
    return 0


def _demo(args, text: dict) -> int:
    from pipelines.demo import build_demo

    reports = build_demo(config.db_path(), seed=args.seed, scale=args.scale)
    refused = [r for r in reports if r.status != "loaded"]
    for report in refused:
        _print_report(report, text)
    loaded = sum(r.rows_loaded for r in reports)
    quarantined = sum(r.rows_quarantined for r in reports)
    files = len(reports)
    if args.lang == "el":
        print(f"Demo: {files} αρχεία, {loaded} εγγραφές φορτώθηκαν, {quarantined} σε καραντίνα → {config.db_path()}")
    else:
        print(f"Demo: {files} files, {loaded} records loaded, {quarantined} quarantined → {config.db_path()}")
    return 0 if not refused else 1


def _docs(args, text: dict) -> int:
    from pipelines.format_docs import DOC_PATH, write

    write()
    print(DOC_PATH.relative_to(config.ROOT))
    return 0


def _templates(args, text: dict) -> int:
    from pipelines.templates import write_all

    for path in write_all():
        print(path.relative_to(config.ROOT))
    return 0


def _upgrade(args, text: dict) -> int:
    from pipelines.store import SCHEMA_VERSION
    from pipelines.upgrade import upgrade

    db = config.db_path()
    if not db.exists():
        print(text["no_db"].format(path=db), file=sys.stderr)
        return 1
    done = upgrade(db)
    print(text["upgraded" if done else "current"].format(path=db, version=SCHEMA_VERSION))
    return 0


def _setup_logging() -> None:
    log_file = config.log_path()
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(
            filename=log_file, level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s"
        )
    except OSError:
        logging.basicConfig(level=logging.CRITICAL)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    text = TEXT[args.lang]
    _setup_logging()
    commands = {
        "ingest": _ingest, "status": _status, "demo": _demo, "docs": _docs, "templates": _templates,
        "upgrade": _upgrade,
    }
    try:
        return commands[args.command](args, text)
    except KeyboardInterrupt:
        # Every change is made on a copy swapped in at the end (pipelines/store.py): none was swapped in.
        print(text["interrupted"], file=sys.stderr)
        return 1
    except DatabaseUnreadable:
        print(i18n.t("db.unreadable", args.lang, path=config.db_path()), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): nothing left to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # noqa: BLE001 - the user gets one plain line, the log the details
        logging.getLogger("civhub.pipelines").exception("command %s failed", args.command)
        print(text["failed"].format(error=type(error).__name__), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
