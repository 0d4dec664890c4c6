"""CSV and XLSX download buttons under a chart or table, built on ``civhub.export``."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import streamlit as st

from civhub import export, i18n

_UNSAFE_NAME = re.compile(r"[^\w.-]+")
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(frame: pd.DataFrame, name: str, lang: str, key: str) -> None:
    """Two buttons side by side: ``<name>.csv`` (UTF-8 with BOM) and ``<name>.xlsx``.

    Cells that would run as formulas are neutralised (``frame`` is a published table: its small
    numbers are withheld already). ``key`` makes the buttons' keys unique on
    the page. The files are built only when a button is pressed, so an unused download costs nothing.
    """
    stem = file_stem(name)
    row = st.container(horizontal=True)
    row.download_button(
        i18n.t("common.download_csv", lang),
        data=lambda: export.to_csv_bytes(frame),
        file_name=f"{stem}.csv",
        mime=CSV_MIME,
        key=f"{key}_csv",
        on_click="ignore",
    )
    row.download_button(
        i18n.t("common.download_xlsx", lang),
        data=lambda: export.to_xlsx_bytes(frame, stem),
        file_name=f"{stem}.xlsx",
        mime=XLSX_MIME,
        key=f"{key}_xlsx",
        on_click="ignore",
    )


def file_buttons(csv: Path, xlsx: Path, lang: str, key: str, *, container=None) -> None:
    """Buttons that hand over two files as they are on disk (the blank templates), read only when pressed."""
    place = container if container is not None else st.container(horizontal=True)
    place.download_button(i18n.t("common.download_csv", lang), data=csv.read_bytes, file_name=csv.name,
                          mime=CSV_MIME, key=f"{key}_csv", on_click="ignore")
    place.download_button(i18n.t("common.download_xlsx", lang), data=xlsx.read_bytes, file_name=xlsx.name,
                          mime=XLSX_MIME, key=f"{key}_xlsx", on_click="ignore")


def file_stem(name: str) -> str:
    """``name`` as a file name: letters (Greek too), digits, dot, dash and underscore; never empty."""
    stem = _UNSAFE_NAME.sub("_", name).strip("._")
    return stem or "civhub"
