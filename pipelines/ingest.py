"""Ingest: load submitted files of one kind, each file all or nothing, and say what happened.

For each file: read it (``pipelines.read``), stage its rows, check them
(``pipelines.validate``), merge the good ones and quarantine the others
(``pipelines.merge``), record the load — all in one transaction of its own, so that a refused
file changes nothing. The files of one command are loaded on one work copy of the database,
whose marts are then rebuilt once, and which is swapped in when all that succeeded
(``pipelines.store``): a command killed at any point leaves the database as it was before it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import tempfile
import traceback
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import duckdb

from civhub import config
from civhub.text import fold
from pipelines import merge, store, upgrade
from pipelines.faults import FileFault
from pipelines.kinds import KINDS, Kind
from pipelines.marts import current as marts_current
from pipelines.marts import rebuild as rebuild_mart_tables
from pipelines.messages import render
from pipelines.parse.municipalities import MunicipalityResolver
from pipelines.parse.roles import RoleMap
from pipelines.pseudonym import load_key
from pipelines.read.open_file import close_table, open_table
from pipelines.stage import stage
from pipelines.timings import Timings
from pipelines.validate import Interpreters, check

log = logging.getLogger("civhub.pipelines")
ERRORS_SHOWN = 20
# The files a folder given to the ingest stands for (the readers go by content, not by name).
SUBMISSION_SUFFIXES = (".csv", ".tsv", ".txt", ".xls", ".xlsm", ".xlsx")


@dataclass
class LoadReport:
    """The answer for one file (also the ``--json`` object)."""

    file: str
    kind: str
    status: str  # loaded | refused
    rows_read: int = 0
    rows_loaded: int = 0
    rows_updated: int = 0
    rows_duplicate: int = 0
    rows_quarantined: int = 0
    blank_lines: int = 0
    header_rows: int = 0  # the header row again below it, skipped
    header_titles: int = 0  # and the title rows just above those, skipped with them
    errors: list[dict] = field(default_factory=list)
    message: str | None = None
    ignored_columns: list[str] = field(default_factory=list)
    sheet: str | None = None
    load_id: int | None = None
    # Each column's header as the file writes it, for the summary (errors name the columns canonically).
    headers: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        keys = (
            "file",
            "kind",
            "status",
            "rows_read",
            "rows_loaded",
            "rows_updated",
            "rows_duplicate",
            "rows_quarantined",
            "errors",
        )
        data = asdict(self)
        out = {k: data[k] for k in keys}
        if self.message:
            out["message"] = self.message
        return out


@cache
def interpreters() -> Interpreters:
    return Interpreters(
        municipalities=MunicipalityResolver.from_csv(config.REFERENCE_DIR / "municipalities.csv"),
        roles=RoleMap.from_csv(config.REFERENCE_DIR / "role_map.csv"),
        today=date.today(),
    )


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _where(fault: FileFault, lang: str) -> str:
    parts = []
    if fault.sheet:
        parts.append(("φύλλο «{}»" if lang == "el" else "sheet '{}'").format(fault.sheet))
    if fault.line:
        parts.append(("γραμμή {}" if lang == "el" else "line {}").format(fault.line))
    if fault.column:
        parts.append(("στήλη «{}»" if lang == "el" else "column '{}'").format(fault.column))
    return (" (" + ", ".join(parts) + ")") if parts else ""


def _refused(path: Path, kind: str, fault: FileFault, lang: str) -> LoadReport:
    params = {"kind": kind, **fault.params}
    if fault.code == "missing_columns" and kind in KINDS:  # named as the templates' headers name them
        columns = [KINDS[kind].column(name) for name in fault.params["columns"]]
        params |= {"headers_el": [c.el for c in columns], "headers_en": [c.en for c in columns],
                   "other_kinds": _kinds_of_header(fault.params.get("header", []), but=kind)}
    message = render(fault.code, params, lang) + _where(fault, lang)
    error = {"line": fault.line, "column": fault.column, "reason": message}
    return LoadReport(file=str(path), kind=kind, status="refused", errors=[error], message=message, sheet=fault.sheet)


def _kinds_of_header(header: list[str], but: str) -> list[str]:
    """The other kinds whose required columns the header has all of: the file was likely meant as one."""
    folded = {fold(cell) for cell in header}
    return [
        name for name, kind in KINDS.items()
        if name != but and all(column.names() & folded for column in kind.columns if column.required)
    ]


def _next_load_id(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(load_id), 0) + 1 FROM loads").fetchall()[0][0]


def _first_errors(con: duckdb.DuckDBPyConnection, load_id: int, lang: str) -> list[dict]:
    rows = con.execute(
        "SELECT line, column_name, reason, params FROM quarantine WHERE load_id = ? ORDER BY line LIMIT ?",
        [load_id, ERRORS_SHOWN],
    ).fetchall()
    return [
        {"line": line, "column": column, "reason": render(reason, params, lang)}
        for line, column, reason, params in rows
    ]


def _record_load(con: duckdb.DuckDBPyConnection, report: LoadReport, raw, digest: str, started: datetime) -> None:
    con.execute(
        """INSERT INTO loads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'loaded', ?, ?, ?)""",
        [
            report.load_id,
            Path(report.file).name,
            digest,
            report.kind,
            raw.encoding,
            raw.delimiter,
            raw.sheet,
            report.rows_read,
            report.rows_loaded,
            report.rows_updated,
            report.rows_duplicate,
            report.rows_quarantined,
            report.blank_lines,
            report.ignored_columns,
            started,
            datetime.now(UTC).replace(tzinfo=None),
            json.dumps(report.headers, ensure_ascii=False),
        ],
    )


def rebuild_marts(db: Path | None = None) -> None:
    """Rebuild the read side's marts from the records, as one swap of its own."""
    with store.writing(db) as con:
        _rebuild_timed(con)


def _rebuild_timed(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild the marts in a transaction of their own, and log how long the rebuild and its commit took."""
    timings = Timings("marts")
    con.execute("BEGIN")
    with timings.step("rebuild"):
        rebuild_mart_tables(con)
    with timings.step("commit"):
        con.execute("COMMIT")
    timings.log()


def _drop_temporary(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the load's temporary tables and views, so that the marts' rebuild has their memory."""
    for name, kind in con.execute(
        "SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE temporary "
        "UNION ALL SELECT view_name, 'VIEW' FROM duckdb_views() WHERE temporary AND NOT internal"
    ).fetchall():
        con.execute(f'DROP {kind} IF EXISTS temp."{name}" CASCADE')


def _load_one(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind, key: bytes, lang: str) -> LoadReport:
    started = datetime.now(UTC).replace(tzinfo=None)
    if not path.exists():
        raise FileFault("file_not_found")
    if path.is_dir():
        raise FileFault("empty_folder", {"suffixes": ", ".join(sorted(SUBMISSION_SUFFIXES))})
    if not path.is_file():
        raise FileFault("not_a_file")
    if path.stat().st_size > config.MAX_FILE_BYTES:
        raise FileFault("file_too_large", {"limit": f"{config.MAX_FILE_BYTES // 1024**3} GB"})
    required = {c.name for c in kind.columns if c.required}
    timings = Timings("file", kind=kind.name, file=path.name)
    # The file's checksum is worked out beside the reading of its header and bytes: hashlib lets go of the
    # interpreter while it hashes, so on two cores the checksum of a national file costs almost no time of its own.
    # The step "open" ends when the checksum is done too: the pool waits for it.
    with timings.step("open"), ThreadPoolExecutor(max_workers=1) as pool:
        hashing = pool.submit(sha256_of, path)
        raw = open_table(path, kind.header_map(), required)
    try:
        digest = hashing.result()
        # Staging and checking only fill temporary tables; the transaction covers every change to the data.
        with timings.step("stage"):
            staged = stage(con, kind, raw, key)
        with timings.step("check"):
            check(con, kind, staged, interpreters())
        con.execute("BEGIN")
        with timings.step("merge"):
            load_id = _next_load_id(con)
            counts = merge.merge(con, kind, load_id)
            merge.quality_notes(con, kind, load_id)
        report = LoadReport(
            file=str(path),
            kind=kind.name,
            status="loaded",
            rows_read=staged.rows,
            rows_loaded=counts.loaded,
            rows_updated=counts.updated,
            rows_duplicate=counts.duplicate,
            rows_quarantined=counts.quarantined,
            blank_lines=staged.stats.get("blank_lines", 0),
            header_rows=staged.stats.get("header_rows", 0),
            header_titles=staged.stats.get("header_titles", 0),
            ignored_columns=staged.ignored,
            sheet=raw.sheet,
            load_id=load_id,
            headers={name: raw.header[index].strip() for name, index in staged.columns.items()},
        )
        _record_load(con, report, raw, digest, started)
        report.errors = _first_errors(con, load_id, lang)
        with timings.step("commit"):
            con.execute("COMMIT")
        timings.log(rows=staged.rows, loaded=counts.loaded, updated=counts.updated)
        return report
    finally:
        close_table(raw)


def _load_or_refuse(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind, key: bytes, lang: str) -> LoadReport:
    """The file loaded, or refused with nothing of it left on ``con``; either way its temporary tables dropped
    (the next file, or the marts, need the names and the memory)."""
    try:
        return _load_one(con, path, kind, key, lang)
    except FileFault as fault:
        _roll_back(con)
        return _refused(path, kind.name, fault, lang)
    except Exception:  # noqa: BLE001 - a user must get a plain message, the log gets the details
        log.error("unexpected error loading %s:\n%s", path.name, traceback.format_exc())
        _roll_back(con)
        return _refused(path, kind.name, FileFault("internal_error"), lang)
    finally:
        _drop_temporary(con)


def _roll_back(con: duckdb.DuckDBPyConnection) -> None:
    """Undo the open transaction, if any (a fault may come before ``BEGIN``)."""
    with contextlib.suppress(duckdb.TransactionException):  # no transaction is active
        con.execute("ROLLBACK")


def submission_files(paths: Sequence[Path]) -> list[Path]:
    """The files named, a folder standing for the submission files directly in it, in name order (an empty
    folder stands for itself, to be reported). Hidden files and Excel's lock files (~$…) are left out."""
    files: list[Path] = []
    for path in map(Path, paths):
        files += (_in_folder(path) if path.is_dir() else []) or [path]
    return files


def _in_folder(folder: Path) -> list[Path]:
    found = (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUBMISSION_SUFFIXES)
    return sorted((p for p in found if not p.name.startswith((".", "~$"))), key=lambda p: p.name)


def ingest_files(
    kind: str, paths: Sequence[Path], db: Path | None = None, *, lang: str = "el", marts: bool = True,
    dry_run: bool = False,
) -> list[LoadReport]:
    """Load each file of ``kind`` into ``db`` (default: the configured database); one report per file.

    A folder stands for the submission files in it (``submission_files``). ``marts=False`` leaves the marts
    to a later ``rebuild_marts`` (for a batch of many files). ``dry_run`` loads on the work copy as a load
    would, for the same reports, and then throws the copy away.
    """
    paths = submission_files(paths)
    if kind not in KINDS:
        fault = FileFault("unknown_kind", {"kind": kind, "kinds": ", ".join(KINDS)})
        return [_refused(Path(p), kind, fault, lang) for p in paths]
    db = Path(db or config.db_path())
    if dry_run and not db.exists():
        # Nothing to check against but the reference data: an empty database made aside, and removed after.
        with tempfile.TemporaryDirectory() as scratch:
            aside = Path(scratch) / db.name
            store.ensure_database(aside)
            return ingest_files(kind, paths, aside, lang=lang, marts=marts, dry_run=True)
    store.ensure_database(db)
    upgrade.upgrade(db)
    key = load_key()
    try:
        with store.writing(db) as con:
            reports = [_load_or_refuse(con, path, KINDS[kind], key, lang) for path in map(Path, paths)]
            if dry_run:  # the answers of a load, and nothing of it kept
                raise store.Unchanged
            next_load = _next_load_id(con)
            # A command that added or changed no record (files sent again, or every row refused) leaves current
            # marts as they are; marts a batch (marts=False) left behind are rebuilt by the next load.
            if marts and not marts_current(con, next_load):
                _rebuild_timed(con)
            elif not any(r.status == "loaded" for r in reports):
                raise store.Unchanged
    except Exception:  # noqa: BLE001 - nothing of this command was swapped in: no file of it loaded
        log.error("unexpected error loading %s:\n%s", ", ".join(map(str, paths)), traceback.format_exc())
        return [_refused(Path(p), kind, FileFault("internal_error"), lang) for p in paths]
    return reports
