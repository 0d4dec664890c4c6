"""Municipal spaces made available: idle buildings (m²) and farmland (stremmata), and the Centres themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from pipelines.demo.orgs import Organization
from pipelines.demo.pact import Pact
from pipelines.demo.period import START, random_day
from pipelines.demo.places import Municipality
from pipelines.demo.words import FIELD_PLACES, FORMER_BUILDINGS

FARM_HOSTS = ("social_farm", "social_cooperative")
CENTRE_HOSTS = ("volunteer_group", "other", "association")
SPACES_AFTER_PACT = 0.8  # on top of one space each signatory gives
SPACE_WITHOUT_PACT = 0.12  # share of other municipalities that also give one
UNHOSTED = 0.1  # made available, nobody moved in yet


@dataclass
class Space:
    space_id: str
    municipality: str
    kind: str
    name: str
    size: float
    size_unit: str
    available_from: date
    available_to: date | None
    host: int  # index of the host organization, -1 for none
    is_centre: bool = False


def make_spaces(rng: np.random.Generator, municipalities: list[Municipality], pacts: dict[str, Pact],
                orgs: list[Organization], end: date) -> list[Space]:
    by_place: dict[str, list[int]] = {}
    for index, org in enumerate(orgs):
        by_place.setdefault(org.municipality, []).append(index)
    spaces: list[Space] = []
    for m in municipalities:
        local = by_place.get(m.code, [])
        pact = pacts.get(m.code)
        made: list[Space] = []
        if pact and pact.centre_on:
            made.append(_centre(rng, m, pact.centre_on, _pick_host(rng, orgs, local, pact.centre_on, CENTRE_HOSTS)))
        if pact:
            for _ in range(1 + int(rng.poisson(SPACES_AFTER_PACT))):
                offered = pact.signed_on + timedelta(days=int(rng.integers(30, 365)))
                made.append(_space(rng, m, orgs, local, offered, end))
        elif rng.random() < SPACE_WITHOUT_PACT:
            made.append(_space(rng, m, orgs, local, random_day(rng, START, end), end))
        for number, space in enumerate((s for s in made if s.available_from <= end), start=1):
            space.space_id = f"SP-{m.code}-{number:02d}"
            spaces.append(space)
    return spaces


def _centre(rng: np.random.Generator, m: Municipality, opened: date, host: int) -> Space:
    former = FORMER_BUILDINGS[int(rng.integers(len(FORMER_BUILDINGS)))]
    name = f"Κέντρο Ενεργών Πολιτών Δήμου {m.genitive} ({former})"
    return Space("", m.code, "building", name, float(rng.integers(12, 46) * 10), "m2", opened, None, host, True)


def _space(rng: np.random.Generator, m: Municipality, orgs: list[Organization], local: list[int], opened: date,
           end: date) -> Space:
    has_farm = any(orgs[i].type == "social_farm" for i in local)
    farm = rng.random() < (0.6 if has_farm else 0.25)
    host = -1 if rng.random() < UNHOSTED else _pick_host(rng, orgs, local, opened, FARM_HOSTS if farm else ())
    if host >= 0:
        opened = max(opened, orgs[host].active_from)
    closed = None
    if rng.random() < 0.1:
        closed = opened + timedelta(days=int(rng.integers(365, 3 * 365)))
        closed = closed if closed < end else None
    if farm:
        place = FIELD_PLACES[int(rng.integers(len(FIELD_PLACES)))]
        name = f"Αγροτεμάχιο στη θέση «{place}» {m.genitive}"
        size, unit = round(float(rng.uniform(2, 40)), 1), "stremma"
    else:
        former = FORMER_BUILDINGS[int(rng.integers(len(FORMER_BUILDINGS)))]
        name, size, unit = f"{former[0].upper()}{former[1:]} {m.genitive}", float(rng.integers(6, 60) * 10), "m2"
    return Space("", m.code, "farmland" if farm else "building", name, size, unit, opened, closed, host)


def _pick_host(rng: np.random.Generator, orgs: list[Organization], local: list[int], day: date,
               preferred: tuple[str, ...]) -> int:
    """An organization of the municipality active on that day, of a preferred type when there is one."""
    active = [i for i in local if orgs[i].active_from <= day <= orgs[i].active_to] or local
    fitting = [i for i in active if orgs[i].type in preferred] or active
    if not fitting:
        return -1
    weights = np.array([orgs[i].weight for i in fitting])
    return fitting[int(rng.choice(len(fitting), p=weights / weights.sum()))]
