"""What each municipality gives per year: grants, utilities of hosted spaces, Centre staff, the space itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from pipelines.demo.orgs import Organization
from pipelines.demo.pact import Pact
from pipelines.demo.period import START
from pipelines.demo.places import Municipality
from pipelines.demo.spaces import Space

RENT_PER_MONTH = {"m2": (3.0, 6.0), "stremma": (4.0, 8.0)}  # imputed euros per unit and month
GRANTS_WITHOUT_PACT = 0.2  # share of other municipalities giving a grant in a given year


@dataclass(frozen=True)
class Support:
    municipality: str
    year: int
    org: int  # index of the organization, -1 when not tied to one
    kind: str
    amount: float


def make_support(rng: np.random.Generator, municipalities: list[Municipality], pacts: dict[str, Pact],
                 orgs: list[Organization], spaces: list[Space], end: date) -> list[Support]:
    totals: dict[tuple[str, int, str, int], float] = {}
    for space in spaces:
        _space_support(rng, space, end, totals)
    local: dict[str, list[int]] = {}
    for index, org in enumerate(orgs):
        local.setdefault(org.municipality, []).append(index)
    for m in municipalities:
        pact = pacts.get(m.code)
        for year in range(START.year, end.year + 1):
            _yearly(rng, m.code, year, pact, orgs, local[m.code], totals)
    return [Support(code, year, org, kind, round(amount, 2))
            for (code, year, kind, org), amount in sorted(totals.items())]


def _months_in_year(first: date, last: date, year: int) -> int:
    start = max(first, date(year, 1, 1))
    stop = min(last, date(year, 12, 31))
    return 0 if stop < start else (stop.year - start.year) * 12 + stop.month - start.month + 1


def _space_support(rng: np.random.Generator, space: Space, end: date, totals: dict) -> None:
    """The imputed rent of a space given to a host, and the utilities the municipality pays for buildings."""
    if space.host < 0:
        return
    rent = rng.uniform(*RENT_PER_MONTH[space.size_unit]) * space.size
    utilities = rng.uniform(60, 400)
    last = min(space.available_to or end, end)
    for year in range(space.available_from.year, last.year + 1):
        months = _months_in_year(space.available_from, last, year)
        _add(totals, (space.municipality, year, "space", space.host), rent * months)
        if space.kind == "building":
            _add(totals, (space.municipality, year, "utilities", space.host), utilities * months)


def _yearly(rng: np.random.Generator, code: str, year: int, pact: Pact | None, orgs: list[Organization],
            local: list[int], totals: dict) -> None:
    active = [i for i in local if orgs[i].active_from.year <= year <= orgs[i].active_to.year]
    if not active:
        return
    if pact and pact.signed_on.year <= year:
        grants = rng.choice(active, size=min(len(active), 1 + int(rng.integers(0, 3))), replace=False)
        for org in sorted(grants):
            _add(totals, (code, year, "grant", int(org)), round(rng.uniform(1_000, 12_000), -2))
        if pact.centre_on and pact.centre_on.year <= year:
            months = 12 - (pact.centre_on.month - 1 if pact.centre_on.year == year else 0)
            _add(totals, (code, year, "staff", -1), rng.uniform(1_150, 1_700) * months)
    elif rng.random() < GRANTS_WITHOUT_PACT:
        _add(totals, (code, year, "grant", int(rng.choice(active))), round(rng.uniform(500, 5_000), -2))


def _add(totals: dict, key: tuple, amount: float) -> None:
    totals[key] = totals.get(key, 0.0) + amount
