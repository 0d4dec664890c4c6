"""The organizations: how many each municipality has, their types, names and years of activity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from pipelines.demo.pact import Pact
from pipelines.demo.period import START, random_day
from pipelines.demo.places import Municipality
from pipelines.demo.words import MOTTOS, ORG_NAME_PATTERNS
from pipelines.kinds import ORG_TYPES

TYPE_WEIGHTS = {
    "volunteer_group": 28, "association": 28, "social_cooperative": 12, "other": 7.5, "social_supermarket": 6.5,
    "tutoring_centre": 5, "social_pharmacy": 4, "social_clinic": 3, "solidarity_house": 3, "social_farm": 3,
}
# Structures a small municipality rarely runs; and municipal ones (one per ~150,000 residents at most).
SERVICE_TYPES = ("social_supermarket", "social_pharmacy", "social_clinic", "solidarity_house", "tutoring_centre",
                 "social_farm")
MUNICIPAL_TYPES = ("social_supermarket", "social_pharmacy", "social_clinic")
SIZE_EXPONENT = 0.75  # organizations grow sub-linearly with population
NEW_AFTER_PACT, NEW_AFTER_CENTRE = 0.15, 0.10  # extra organizations founded after signing / after the Centre opens
FOUNDED_IN_PERIOD, DISSOLVED = 0.12, 0.05
FIRST_YEAR = {"social_cooperative": 2012, "social_supermarket": 2011, "social_pharmacy": 2012, "social_clinic": 2011,
              "solidarity_house": 2012, "social_farm": 2013, "tutoring_centre": 2011, "volunteer_group": 1995,
              "association": 1975, "other": 1990}
SIZE_BY_TYPE = {"social_supermarket": 1.6, "social_clinic": 1.5, "social_pharmacy": 1.2, "volunteer_group": 1.2,
                "solidarity_house": 1.1, "tutoring_centre": 1.0, "social_farm": 1.0, "social_cooperative": 0.7,
                "association": 0.8, "other": 0.7}


@dataclass
class Organization:
    org_id: str
    name: str
    type: str
    municipality: str
    founded: date
    active_from: date  # first day it can log anything in the demo period
    active_to: date
    weight: float  # relative size: share of the municipality's volunteers and events
    registry_number: str


def make_organizations(rng: np.random.Generator, municipalities: list[Municipality], pacts: dict[str, Pact],
                       target: int, end: date) -> list[Organization]:
    factor = target / sum(m.population ** SIZE_EXPONENT for m in municipalities)
    orgs: list[Organization] = []
    for m in municipalities:
        types = _draw_types(rng, m, max(1, int(rng.poisson(factor * m.population ** SIZE_EXPONENT))))
        founded = [_founding_day(rng, kind, START, end) for kind in types]
        for opened, share in _pact_openings(pacts.get(m.code)):
            if opened <= end:
                extra = _draw_types(rng, m, int(rng.binomial(len(types), share)), taken=types)
                types += extra
                founded += [random_day(rng, opened, end) for _ in extra]
        order = sorted(range(len(types)), key=lambda i: (founded[i], types[i]))
        orgs += [_organization(rng, m, n + 1, types[i], founded[i], end) for n, i in enumerate(order)]
    _ensure_every_type(rng, orgs)
    _name(rng, orgs, {m.code: m for m in municipalities})
    return orgs


def _pact_openings(pact: Pact | None) -> list[tuple[date, float]]:
    if pact is None:
        return []
    return [(pact.signed_on, NEW_AFTER_PACT)] + ([(pact.centre_on, NEW_AFTER_CENTRE)] if pact.centre_on else [])


def _draw_types(rng: np.random.Generator, m: Municipality, count: int, taken: Sequence[str] = ()) -> list[str]:
    small = min(1.0, m.population / 15_000) ** 0.5
    names = sorted(TYPE_WEIGHTS)
    weights = np.array([TYPE_WEIGHTS[t] * (small if t in SERVICE_TYPES else 1.0) for t in names])
    cap = 1 + m.population // 150_000
    drawn: list[str] = []
    for pick in rng.choice(len(names), size=count, p=weights / weights.sum()):
        kind = names[pick]
        if kind in MUNICIPAL_TYPES and [*taken, *drawn].count(kind) >= cap:
            kind = "volunteer_group" if rng.random() < 0.5 else "association"
        drawn.append(kind)
    return drawn


def _founding_day(rng: np.random.Generator, kind: str, start: date, end: date) -> date:
    if rng.random() < FOUNDED_IN_PERIOD:
        return random_day(rng, start, end)
    return random_day(rng, date(FIRST_YEAR[kind], 1, 1), start - timedelta(days=1))


def _organization(rng: np.random.Generator, m: Municipality, number: int, kind: str, founded: date,
                  end: date) -> Organization:
    active_from = max(founded, START)
    active_to = end
    if rng.random() < DISSOLVED and (end - active_from).days > 400:
        active_to = random_day(rng, active_from + timedelta(days=365), end)
    weight = float(rng.lognormal(0.0, 0.7)) * SIZE_BY_TYPE[kind]
    return Organization(f"ORG-{m.code}-{number:03d}", "", kind, m.code, founded, active_from, active_to, weight,
                        _registry_number(rng, kind, founded))


def _registry_number(rng: np.random.Generator, kind: str, founded: date) -> str:
    """ΓΕΜΗ numbers for cooperatives, court register numbers for associations; many others leave it blank."""
    if kind == "social_cooperative":
        return str(int(rng.integers(10**11, 10**12)))
    if kind in ("association", "other") and rng.random() < 0.7:
        return f"{int(rng.integers(1, 2500))}/{founded.year}"
    return ""


def _ensure_every_type(rng: np.random.Generator, orgs: list[Organization]) -> None:
    """Every type must appear even in a small demo: turn a common one in a big municipality into the missing one."""
    sizes = Counter(o.municipality for o in orgs)
    by_size = sorted(orgs, key=lambda o: (-sizes[o.municipality], o.org_id))
    for kind in sorted(set(ORG_TYPES) - {o.type for o in orgs}):
        spare = next(o for o in by_size if o.type in ("volunteer_group", "association"))
        spare.type = kind
        spare.registry_number = _registry_number(rng, kind, spare.founded)


def _name(rng: np.random.Generator, orgs: list[Organization], places: dict[str, Municipality]) -> None:
    used: set[str] = set()
    for org in orgs:
        patterns = ORG_NAME_PATTERNS[org.type]
        genitive = places[org.municipality].genitive
        for _ in range(12):
            motto = MOTTOS[int(rng.integers(len(MOTTOS)))]
            name = patterns[int(rng.integers(len(patterns)))].format(g=genitive, m=motto)
            if name not in used:
                break
        branch = 2
        while name in used:  # a big city's second pharmacy is a branch of the first
            name, branch = f"{name.split(' – ')[0]} – {branch}ο Παράρτημα", branch + 1
        used.add(name)
        org.name = name
