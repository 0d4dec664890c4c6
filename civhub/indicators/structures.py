"""The seed's structures in a municipality: its Pact and Centre, its organizations, the municipal spaces
made available and what they hosted, and what each type of organization delivered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from civhub import db


@dataclass(frozen=True)
class SpaceUse:
    kind: str  # building, farmland, other
    spaces: int
    m2: float
    stremmata: float
    activities_hosted: int


@dataclass(frozen=True)
class Structures:
    municipality_code: str
    name_el: str
    name_en: str
    pact_signed_on: dt.date | None
    centre_opened_on: dt.date | None
    organizations: dict[str, int]  # organization type -> organizations
    spaces: tuple[SpaceUse, ...]


def structures(con: duckdb.DuckDBPyConnection, municipality_code: str | None = None) -> list[Structures]:
    """The structures of one municipality (or of all with any), from ``indicators_structures.sql``."""
    rows = db.query_df(con, "indicators_structures", municipality_code=municipality_code)
    return [_structures(row) for row in rows.itertuples(index=False)]


def delivered(con: duckdb.DuckDBPyConnection, municipality_code: str | None = None) -> pd.DataFrame:
    """Per organization type and unit of service: activities, units delivered and people served."""
    return db.query_df(con, "indicators_delivered", municipality_code=municipality_code)


def _structures(row) -> Structures:
    return Structures(
        municipality_code=row.municipality_code,
        name_el=row.name_el,
        name_en=row.name_en,
        pact_signed_on=_date(row.pact_signed_on),
        centre_opened_on=_date(row.centre_opened_on),
        organizations={item["type"]: int(item["organizations"]) for item in row.organizations},
        spaces=tuple(
            SpaceUse(item["kind"], int(item["spaces"]), float(item["m2"]), float(item["stremmata"]),
                     int(item["activities_hosted"]))
            for item in row.spaces
        ),
    )


def _date(value) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()
