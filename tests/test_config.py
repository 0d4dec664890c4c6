"""Paths from civhub/config.py and their environment overrides."""

from __future__ import annotations

from civhub import config, db


def test_default_database_is_in_data(monkeypatch):
    monkeypatch.delenv("CIVHUB_DB", raising=False)
    assert config.db_path() == config.ROOT / "data" / "civhub.duckdb"


def test_empty_override_means_the_default(monkeypatch):
    monkeypatch.setenv("CIVHUB_DB", "")
    assert config.db_path() == config.ROOT / "data" / "civhub.duckdb"


def test_civhub_db_override(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVHUB_DB", str(tmp_path / "other.duckdb"))
    assert config.db_path() == tmp_path / "other.duckdb"
    # The key and the writers' lock follow the database unless told otherwise.
    monkeypatch.delenv("CIVHUB_KEY_FILE", raising=False)
    assert config.key_path() == tmp_path / "pseudonym.key"
    assert config.lock_path() == tmp_path / "other.duckdb.lock"


def test_relative_override_is_taken_from_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CIVHUB_DB", "nested/x.duckdb")
    assert config.db_path() == tmp_path / "nested" / "x.duckdb"


def test_key_file_override(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVHUB_DB", str(tmp_path / "a" / "civhub.duckdb"))
    monkeypatch.setenv("CIVHUB_KEY_FILE", str(tmp_path / "secret" / "k.key"))
    assert config.key_path() == tmp_path / "secret" / "k.key"


def test_readers_follow_the_override(tmp_path, monkeypatch):
    monkeypatch.setenv("CIVHUB_DB", str(tmp_path / "absent.duckdb"))
    assert db.signature() is None
    (tmp_path / "absent.duckdb").write_bytes(b"12345")
    assert db.signature()[2] == 5
