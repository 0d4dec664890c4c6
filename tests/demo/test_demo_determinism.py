"""The same seed and scale give byte-identical files; another seed gives other files."""

from __future__ import annotations

from pathlib import Path

from pipelines.demo import write_demo_files


def snapshot(out: Path, files: dict[str, list[Path]]) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for paths in files.values() for p in paths}


def test_same_seed_same_bytes(tmp_path, demo):
    again = snapshot(tmp_path, write_demo_files(tmp_path, seed=2025, scale="test"))
    first = snapshot(demo.out, demo.files)
    assert sorted(again) == sorted(first)
    assert [name for name in first if first[name] != again[name]] == []


def test_another_seed_other_files(tmp_path, demo):
    other = snapshot(tmp_path, write_demo_files(tmp_path, seed=7, scale="test"))
    first = snapshot(demo.out, demo.files)
    assert other["pact/symfono-synergasias.csv"] != first["pact/symfono-synergasias.csv"]
    assert other["hours/attica.csv"] != first["hours/attica.csv"]


def test_rewriting_replaces_the_previous_files(tmp_path):
    stale = tmp_path / "hours" / "part-9.csv"
    stale.parent.mkdir(parents=True)
    stale.write_text("left by an earlier national demo\n", encoding="utf-8")
    files = write_demo_files(tmp_path, seed=1, scale="test")
    assert not stale.exists()
    assert sorted(tmp_path.joinpath("hours").iterdir()) == sorted(files["hours"])
