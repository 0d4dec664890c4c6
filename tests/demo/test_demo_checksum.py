"""Two demo builds with the same seed hold identical table contents (the status checksum)."""

from __future__ import annotations

import os
import subprocess
import sys

from civhub import config


def _build_and_checksum(folder, key_file, seed: int) -> str:
    env = {**os.environ, "CIVHUB_DB": str(folder / "civhub.duckdb"), "CIVHUB_KEY_FILE": str(key_file),
           "PYTHONPATH": str(config.ROOT)}
    run = [sys.executable, "-m", "pipelines"]
    subprocess.run([*run, "demo", "--scale", "test", "--seed", str(seed)], env=env, cwd=config.ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    done = subprocess.run([*run, "status", "--checksum"], env=env, cwd=config.ROOT, check=True,
                          capture_output=True, text=True)
    return done.stdout


def test_same_seed_gives_identical_tables_and_another_seed_does_not(tmp_path):
    key = tmp_path / "shared.key"
    first, second, other = (tmp_path / name for name in ("a", "b", "c"))
    for folder in (first, second, other):
        folder.mkdir()
    a = _build_and_checksum(first, key, 7)
    b = _build_and_checksum(second, key, 7)
    c = _build_and_checksum(other, key, 8)
    assert "volunteer_hours" in a and a == b
    assert a != c
