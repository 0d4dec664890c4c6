"""Ctrl-C during a command: a plain line and exit code 1, never a traceback or silence."""

from __future__ import annotations

import pytest

import civhub.cli
import pipelines.__main__ as pipelines_cli


def _interrupt(*_args):
    raise KeyboardInterrupt


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "Interrupted; the database is as it was before.\n"),
    ("el", "Διακόπηκε· η βάση δεδομένων έμεινε όπως ήταν.\n"),
])
def test_pipelines(monkeypatch, capsys, tmp_path, lang, line):
    monkeypatch.setenv("CIVHUB_DB", str(tmp_path / "civhub.duckdb"))
    monkeypatch.setattr(pipelines_cli, "_status", _interrupt)
    assert pipelines_cli.main(["--lang", lang, "status"]) == 1
    assert capsys.readouterr().err == line


def test_civhub(monkeypatch, capsys):
    monkeypatch.setattr(civhub.cli, "_methodology", _interrupt)
    assert civhub.cli.main(["methodology", "--lang", "en"]) == 1
    assert capsys.readouterr().err == "Interrupted.\n"
