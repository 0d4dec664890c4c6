"""The files of the small kinds: the Pact list, organizations, spaces, activities and municipal support."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from pipelines.demo.dialects import EXCEL_UTF8, GREEK_EXCEL, Table, write_csv, write_xlsx
from pipelines.demo.places import Namer
from pipelines.demo.regions import ACTIVITY_STYLES, ORGANIZATION_STYLES, Style, plain_style, regions_of
from pipelines.demo.words import REGION_NAMES
from pipelines.demo.world import World

# Older founding dates are often not known to whoever fills the file in, unless the register number says.
FOUNDING_DATES_FROM = date(2011, 1, 1)
ATTICA = "EL30"


def write_pact(world: World, out: Path) -> list[Path]:
    table = Table("pact", ["municipality_code", "signed_on", "centre_opened_on"], extra=["Ονομασία"])
    places = {m.code: m for m in world.municipalities}
    for code, pact in sorted(world.pacts.items()):
        table.rows.append([code, pact.signed_on, pact.centre_on, places[code].display])
    return [write_csv(out / "pact" / "symfono-synergasias.csv", table, EXCEL_UTF8)]


def write_organizations(world: World, out: Path) -> list[Path]:
    namer = Namer(world.municipalities, world.rng("organization-files"))

    def rows(style: Style, codes: set[str]) -> list[list]:
        return [[o.org_id, o.name, o.type, namer(o.municipality, style.names),
                 o.founded if o.founded >= FOUNDING_DATES_FROM or o.registry_number else None,
                 o.registry_number or None]
                for o in world.orgs if o.municipality in codes]

    columns = ["org_id", "name", "type", "municipality_code", "founded_on", "registry_number"]
    return _by_region(world, out, "organizations", columns, ORGANIZATION_STYLES, rows, "Μητρώο οργανώσεων")


def write_activities(world: World, out: Path) -> list[Path]:
    namer = Namer(world.municipalities, world.rng("activity-files"))
    orgs, spaces = world.orgs, world.spaces

    def rows(style: Style, codes: set[str]) -> list[list]:
        joiner = _list_separator(style)
        return [[a.activity_id, orgs[a.org].org_id, joiner.join(orgs[p].org_id for p in a.partners) or None,
                 namer(a.municipality, style.names), a.start, a.end, a.category, a.title, a.beneficiaries, a.units,
                 a.unit, spaces[a.space].space_id if a.space >= 0 else None]
                for a in world.activities if a.municipality in codes]

    columns = ["activity_id", "org_id", "partner_org_ids", "municipality_code", "date", "end_date", "category",
               "title", "beneficiaries", "service_units", "service_unit", "space_id"]
    return _by_region(world, out, "activities", columns, ACTIVITY_STYLES, rows, "Δράσεις")


def write_spaces(world: World, out: Path) -> list[Path]:
    """One workbook from the municipalities' property offices, all regions together."""
    columns = ["space_id", "municipality_code", "kind", "name", "size", "size_unit", "available_from",
               "available_to", "host_org_id"]
    table = Table("spaces", columns)
    for s in world.spaces:
        host = world.orgs[s.host].org_id if s.host >= 0 else None
        table.rows.append([s.space_id, s.municipality, s.kind, s.name, s.size, s.size_unit, s.available_from,
                           s.available_to, host])
    title = "Δημοτικοί χώροι που διατέθηκαν σε οργανώσεις της κοινωνίας των πολιτών"
    return [write_xlsx(out / "spaces" / "dimotikoi-xoroi.xlsx", table, title, sheet="Χώροι")]


def write_support(world: World, out: Path) -> list[Path]:
    """Attica's municipalities send a workbook; the others a CSV from Greek Excel (amounts like 12.500,00)."""
    region = {m.code: m.region_code for m in world.municipalities}
    columns = ["municipality_code", "year", "org_id", "kind", "amount_eur"]
    attica, rest = Table("support", columns), Table("support", columns)
    for s in world.support:
        row = [s.municipality, s.year, world.orgs[s.org].org_id if s.org >= 0 else None, s.kind, s.amount]
        (attica if region[s.municipality] == ATTICA else rest).rows.append(row)
    return [
        write_xlsx(out / "support" / "attica.xlsx", attica, "Δημοτική στήριξη οργανώσεων – Περιφέρεια Αττικής",
                   total_of="amount_eur", sheet="Στήριξη"),
        write_csv(out / "support" / "dimotiki-stirixi.csv", rest, GREEK_EXCEL),
    ]


def _by_region(world: World, out: Path, kind: str, columns: list[str], styles: dict[str, Style],
               rows: Callable[[Style, set[str]], list[list]], title: str) -> list[Path]:
    paths = []
    for index, region in enumerate(regions_of(world.municipalities)):
        codes = {m.code for m in world.municipalities if m.region_code == region.code}
        style = styles.get(region.code) or plain_style(index)
        table = Table(kind, columns, rows(style, codes))
        heading = f"{title} – Περιφέρεια {REGION_NAMES[region.code]}"
        paths.append(_write(out / kind / region.slug, table, style, heading))
    return paths


def _write(stem: Path, table: Table, style: Style, title: str) -> Path:
    if style.dialect is None:
        return write_xlsx(stem.with_suffix(".xlsx"), table, title)
    return write_csv(stem.with_suffix(".csv"), table, style.dialect)


def _list_separator(style: Style) -> str:
    """People list partners with commas, or with semicolons when the comma is the file's delimiter."""
    if style.dialect is None:
        return ", "
    return ";" if style.dialect.delimiter == "," else ","
