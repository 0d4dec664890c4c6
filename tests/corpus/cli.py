"""Run ``python -m pipelines ingest`` as a user would, against a database folder of the test's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from civhub import config

DB_NAME = "civhub.duckdb"
KEY_NAME = "pseudonym.key"


@dataclass
class Run:
    """One CLI run: its exit code, its output, and the ``--json`` objects it printed."""

    code: int
    stdout: str
    stderr: str

    @property
    def reports(self) -> list[dict]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]


def environment(folder: Path, temp: Path) -> dict[str, str]:
    """The environment of a CLI run: the database and key in ``folder``, temporary files in ``temp``."""
    env = {k: v for k, v in os.environ.items() if k not in {"CIVHUB_PSEUDONYM_KEY", "CIVHUB_LANG"}}
    temp.mkdir(parents=True, exist_ok=True)
    env.update(CIVHUB_DB=str(folder / DB_NAME), CIVHUB_KEY_FILE=str(folder / KEY_NAME), TMPDIR=str(temp))
    return env


def run(folder: Path, args: list[str], temp: Path | None = None) -> Run:
    """``python -m pipelines ARGS…`` with the database in ``folder``."""
    temp = temp or folder.parent / (folder.name + "-tmp")
    done = subprocess.run([sys.executable, "-m", "pipelines", *args], cwd=config.ROOT, env=environment(folder, temp),
                          capture_output=True, text=True, timeout=600, check=False)
    return Run(done.returncode, done.stdout, done.stderr)


def ingest(folder: Path, kind: str, files: list[Path], temp: Path | None = None, lang: str = "en") -> Run:
    """``python -m pipelines ingest KIND FILE… --json --lang LANG`` with the database in ``folder``."""
    return run(folder, ["ingest", kind, *map(str, files), "--json", "--lang", lang], temp)


def query(folder: Path, sql: str, params: list | None = None) -> list[tuple]:
    """A read-only query on the database in ``folder``."""
    con = duckdb.connect(str(folder / DB_NAME), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()
