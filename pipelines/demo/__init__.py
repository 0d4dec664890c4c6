"""The demo: synthetic but realistic files, as Greek civil-society organizations would send them, loaded
with the real ingest so that every screen of the dashboard has something to show.

The same seed and scale always give byte-identical files. Nothing is dated after today.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipelines.demo.hour_files import write_hours
from pipelines.demo.kind_files import write_activities, write_organizations, write_pact, write_spaces, write_support
from pipelines.demo.period import end_date
from pipelines.demo.scales import get_scale
from pipelines.demo.world import make_world
from pipelines.kinds import LOAD_ORDER

if TYPE_CHECKING:
    from pipelines.ingest import LoadReport

WRITERS = {"pact": write_pact, "organizations": write_organizations, "spaces": write_spaces,
           "activities": write_activities, "hours": write_hours, "support": write_support}
DEMO_SUFFIXES = (".csv", ".xlsx")


def write_demo_files(out_dir: Path, *, seed: int = 2025, scale: str = "default") -> dict[str, list[Path]]:
    """Generate the demo world and write its files under ``out_dir/<kind>/``; kind -> files, in load order."""
    world = make_world(seed, get_scale(scale), end_date())
    out_dir = Path(out_dir)
    _clear_previous(out_dir)
    return {kind: WRITERS[kind](world, out_dir) for kind in LOAD_ORDER}


def build_demo(db: Path, *, seed: int = 2025, scale: str = "default", out_dir: Path | None = None) -> list[LoadReport]:
    """A fresh synthetic database at ``db``, loaded from freshly written demo files; the load reports."""
    # The loading stack is imported here so that writing the files alone does not need it.
    from pipelines.ingest import ingest_files, rebuild_marts
    from pipelines.store import create_database

    create_database(Path(db), synthetic=True, meta={"demo_seed": str(seed), "demo_scale": scale})
    # The files go beside the database they build, so that two builds never share (and clear) one folder.
    files = write_demo_files(out_dir or Path(db).with_name("demo-files"), seed=seed, scale=scale)
    reports = []
    for kind in LOAD_ORDER:
        # The marts are rebuilt once, after the last file, rather than after each of the demo's many files.
        reports += ingest_files(kind, files[kind], Path(db), marts=False)
    rebuild_marts(Path(db))
    return reports


def _clear_previous(out_dir: Path) -> None:
    """Remove the files an earlier demo left in the kind folders (another scale writes other file names)."""
    for kind in LOAD_ORDER:
        folder = out_dir / kind
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.is_file() and path.suffix in DEMO_SUFFIXES:
                    path.unlink()
