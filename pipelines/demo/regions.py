"""The 13 regions, and how the senders of each region write their files."""

from __future__ import annotations

from dataclasses import dataclass

from pipelines.demo.dialects import EXCEL_UTF8, GREEK_EXCEL, MONTH_NAMES, PLAIN, PLAIN_ENGLISH, PLAIN_GREEK, Dialect
from pipelines.demo.places import Municipality


@dataclass(frozen=True)
class Region:
    code: str
    name_en: str

    @property
    def slug(self) -> str:
        return self.name_en.lower().replace(" ", "-")


@dataclass(frozen=True)
class Style:
    """How one region's file of a kind is written: as XLSX, or as CSV in a dialect; municipalities as names or codes."""

    dialect: Dialect | None  # None = XLSX
    names: bool = False


# Most regions send plain UTF-8; a few send what their office software makes.
ORGANIZATION_STYLES = {"EL30": Style(None), "EL52": Style(GREEK_EXCEL), "EL54": Style(MONTH_NAMES),
                       "EL62": Style(EXCEL_UTF8, names=True), "EL65": Style(PLAIN_GREEK, names=True)}
ACTIVITY_STYLES = {"EL41": Style(None), "EL61": Style(GREEK_EXCEL), "EL54": Style(MONTH_NAMES),
                   "EL63": Style(EXCEL_UTF8, names=True)}
HOUR_HEADERS = {"EL43": PLAIN_GREEK, "EL61": PLAIN_GREEK, "EL51": PLAIN_ENGLISH}


def regions_of(municipalities: list[Municipality]) -> list[Region]:
    return sorted({Region(m.region_code, m.region_en) for m in municipalities}, key=lambda r: r.code)


def plain_style(index: int) -> Style:
    """Plain UTF-8 for the rest, half of them with English headers."""
    return Style(PLAIN_ENGLISH if index % 2 else PLAIN)
