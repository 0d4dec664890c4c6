"""The blank templates match the loader's definitions and load as they are."""

from __future__ import annotations

from openpyxl import load_workbook

from civhub import config
from pipelines.ingest import ingest_files
from pipelines.kinds import KINDS
from pipelines.templates import csv_text, headers


def test_every_kind_has_four_templates_with_current_headers():
    for kind in KINDS.values():
        for lang in ("el", "en"):
            csv_path = config.TEMPLATES_DIR / f"{kind.name}.{lang}.csv"
            assert csv_path.read_bytes().decode("utf-8-sig") == csv_text(kind, lang)
            sheet = load_workbook(config.TEMPLATES_DIR / f"{kind.name}.{lang}.xlsx").worksheets[0]
            assert [c.value for c in sheet[1]] == headers(kind, lang)


def test_every_template_loads_as_it_is_with_zero_rows(db):
    paths = sorted(config.TEMPLATES_DIR.iterdir())
    assert len(paths) == 4 * len(KINDS)
    for path in paths:
        kind = path.name.split(".")[0]
        (report,) = ingest_files(kind, [path], db, lang="en")
        assert (report.status, report.rows_read, report.rows_loaded) == ("loaded", 0, 0), (path.name, report)
        assert report.ignored_columns == []
