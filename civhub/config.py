"""Paths and settings in one place; every other module asks here.

Environment overrides:
- ``CIVHUB_DB``: the database file (default ``data/civhub.duckdb``).
- ``CIVHUB_KEY_FILE``: the pseudonymisation key file (default beside the database).
- ``CIVHUB_PSEUDONYM_KEY``: the key itself (hex), taking precedence over the file.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
REFERENCE_DIR = DATA_DIR / "reference"
TEMPLATES_DIR = DATA_DIR / "templates"
SQL_DIR = Path(__file__).resolve().parent / "sql"
PIPELINE_SQL_DIR = ROOT / "pipelines" / "sql"
DEMO_FILES_DIR = DATA_DIR / "demo-files"

# Limits that protect the loader from hostile or accidental huge input.
MAX_FILE_BYTES = 4 * 1024**3
MAX_FIELD_CHARS = 16 * 1024 * 1024
QUARANTINE_VALUE_CHARS = 200


def db_path() -> Path:
    """The live database file."""
    return Path(os.environ.get("CIVHUB_DB") or DATA_DIR / "civhub.duckdb").resolve()


def key_path() -> Path:
    """The file holding the pseudonymisation key (never inside the database)."""
    override = os.environ.get("CIVHUB_KEY_FILE")
    if override:
        return Path(override).resolve()
    return db_path().with_name("pseudonym.key")


def log_path(db: Path | None = None) -> Path:
    """The pipelines' log, beside ``db`` (default: the live database): errors, and how long each write took."""
    return (db or db_path()).with_name("pipelines.log")


def lock_path() -> Path:
    """Writers take this lock so that loads run one after another."""
    return db_path().with_name(db_path().name + ".lock")
