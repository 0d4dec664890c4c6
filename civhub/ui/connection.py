"""The dashboard's read-only connection to the live database, and cached reads through it.

The pipelines replace the live file atomically, so ``civhub.db.signature()`` changes on
every load: the connection is cached per signature and reopened on the first interaction
after a swap, and query results are cached per (query, parameters, signature).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import duckdb
import streamlit as st

from civhub import config, db, i18n, meta

T = TypeVar("T")
Signature = tuple[int, int, int]

log = logging.getLogger(__name__)
_swap_guard = threading.Lock()
_opened: dict[str, tuple[str, Signature]] = {}


class ReadFailed(Exception):
    """Reading the database failed for a reason other than its absence."""


class DatabaseOutdated(ReadFailed):
    """Reading failed on a database made by an earlier version of civhub (``python -m pipelines upgrade``)."""


class NotADatabase(ReadFailed):
    """The file where the database should be is not a DuckDB database (``civhub.db.DatabaseUnreadable``)."""


def _close(con: duckdb.DuckDBPyConnection) -> None:
    con.close()


@st.cache_resource(show_spinner=False, max_entries=1, on_release=_close)
def _connection(path: str, signature: Signature) -> duckdb.DuckDBPyConnection:
    return db.connect_read(Path(path))


def _current(path: str, signature: Signature) -> duckdb.DuckDBPyConnection:
    with _swap_guard:
        if _opened.get("live") != (path, signature):
            # DuckDB hands back its still-open instance for a path it knows, which would keep
            # showing the replaced file: the old connection must be closed before the new opens.
            _connection.clear()
            _opened["live"] = (path, signature)
        return _connection(path, signature)


@contextmanager
def _cursor(path: str, signature: Signature) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of its own for one read: a DuckDB connection is not shared between threads."""
    cur = _current(path, signature).cursor()
    try:
        yield cur
    finally:
        cur.close()


@st.cache_data(show_spinner=False, max_entries=256)
def _cached(_read: Callable[..., T], name: str, params: tuple, path: str, signature: Signature) -> T:
    with _cursor(path, signature) as cur:
        return _read(cur, **dict(params))


def version() -> Signature | None:
    """The identity of the live database file now (None without one): what a kept result is valid for."""
    return db.signature(config.db_path())


def read(fn: Callable[..., T], **params: object) -> T:
    """``fn(cursor, **params)`` on the live database, cached until the database changes.

    Raises ``civhub.db.DatabaseMissing`` when there is no database and ``ReadFailed`` on any other fault.
    """
    path = config.db_path()
    signature = db.signature(path)
    if signature is None:
        raise db.DatabaseMissing(str(path))
    name = f"{fn.__module__}.{fn.__qualname__}"
    try:
        return _cached(fn, name, tuple(sorted(params.items())), str(path), signature)
    except db.DatabaseMissing:
        raise
    except Exception as exc:
        # One line for the operator's log; the person at the page gets a plain message.
        log.error("reading %s failed: %s: %s", name, type(exc).__name__, exc)
        if isinstance(exc, db.DatabaseUnreadable):
            raise NotADatabase(name) from exc
        if _outdated(path, signature):
            raise DatabaseOutdated(name) from exc
        raise ReadFailed(name) from exc


def _outdated(path: Path, signature: Signature) -> bool:
    """Whether the database is of an earlier schema: asked only once a read has failed, to say why."""
    try:
        with _cursor(str(path), signature) as cur:
            return meta.outdated(cur)
    except Exception:  # noqa: BLE001 - the failed read is reported as it is
        return False


def read_or_stop(fn: Callable[..., T], lang: str, **params: object) -> T:
    """``read(fn, **params)``, or a plain message in ``lang`` and the end of this page's run."""
    try:
        return read(fn, **params)
    except db.DatabaseMissing:
        st.info(i18n.t("db.missing", lang))
    except DatabaseOutdated:
        st.warning(i18n.t("db.outdated", lang))
    except NotADatabase:
        st.error(i18n.t("db.unreadable", lang, path=config.db_path()))
    except ReadFailed:
        st.error(i18n.t("db.error", lang))
    st.stop()
