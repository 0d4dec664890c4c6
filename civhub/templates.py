"""The blank submission templates of ``data/templates/`` (``<kind>.<lang>.csv`` and ``.xlsx``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from civhub import config

# The order in which files are loaded, so the templates read as the steps of a submission.
ORDER = ("pact", "organizations", "spaces", "activities", "hours", "support")


@dataclass(frozen=True)
class Template:
    """The CSV and XLSX template of one kind of file, with headers in one language."""

    kind: str
    csv: Path
    xlsx: Path


def templates(lang: str, folder: Path | None = None) -> list[Template]:
    """The templates with headers in ``lang`` that exist in both formats, kinds in load order (others last)."""
    folder = folder or config.TEMPLATES_DIR
    kinds = {path.name.split(".")[0] for path in folder.glob(f"*.{lang}.csv")}
    found = [
        Template(kind, folder / f"{kind}.{lang}.csv", folder / f"{kind}.{lang}.xlsx")
        for kind in kinds
        if (folder / f"{kind}.{lang}.xlsx").is_file()
    ]
    rank = {kind: position for position, kind in enumerate(ORDER)}
    return sorted(found, key=lambda t: (rank.get(t.kind, len(ORDER)), t.kind))
