"""The volunteers: who logs hours where, from when to when, how often, and in which role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from pipelines.demo.orgs import Organization
from pipelines.demo.pact import Pact
from pipelines.demo.period import START, day_number
from pipelines.demo.places import Municipality
from pipelines.demo.words import ROLE_HOURS, ROLE_SPELLINGS, ROLES_BY_TYPE

ALREADY_ACTIVE = 0.55  # share already volunteering when the demo period starts
JOIN_AFTER_PACT, JOIN_AFTER_CENTRE = 0.08, 0.06  # extra volunteers joining after signing / after the Centre opens
MEAN_STAY_DAYS = 3.5 * 365
SECOND_ORG = 0.08  # volunteers who also help a second organization of their municipality
BLANK_ROLE, UNUSUAL_ROLE = 0.12, 0.005

ROLE_WORDS = [(kind, word) for kind, words in ROLE_SPELLINGS.items() for word in words]


@dataclass
class Volunteers:
    """One entry per volunteer; days are day numbers (see period.day_number)."""

    org: np.ndarray  # index of the main organization
    second_org: np.ndarray  # index of a second organization, -1 for none
    first_day: np.ndarray
    last_day: np.ndarray
    rate: np.ndarray  # relative records per month
    role: np.ndarray  # index into ROLE_WORDS, -1 for left blank

    def __len__(self) -> int:
        return len(self.org)

    def ids(self) -> list[str]:
        return [f"V{n:06d}" for n in range(1, len(self) + 1)]

    def shift_hours(self) -> np.ndarray:
        """Typical hours of a shift for each volunteer, from the role."""
        typical = np.array([ROLE_HOURS[kind] for kind, _ in ROLE_WORDS] + [ROLE_HOURS["volunteer"]])
        return typical[self.role]  # -1 (blank) picks the last entry


def make_volunteers(rng: np.random.Generator, municipalities: list[Municipality], pacts: dict[str, Pact],
                    orgs: list[Organization], per_1000: float, end: date) -> Volunteers:
    by_place: dict[str, list[int]] = {}
    for index, org in enumerate(orgs):
        by_place.setdefault(org.municipality, []).append(index)
    windows = _OrgWindows(orgs)
    parts = [_municipality_volunteers(rng, m, pacts.get(m.code), windows, np.array(by_place[m.code]), per_1000, end)
             for m in municipalities]
    return Volunteers(*(np.concatenate([p[i] for p in parts]) for i in range(6)))


class _OrgWindows:
    """The organizations as arrays: active days, size, type."""

    def __init__(self, orgs: list[Organization]):
        self.first = np.array([day_number(o.active_from) for o in orgs], dtype=np.int32)
        self.last = np.array([day_number(o.active_to) for o in orgs], dtype=np.int32)
        self.weight = np.array([o.weight for o in orgs])
        self.type = np.array([o.type for o in orgs])


def _municipality_volunteers(rng: np.random.Generator, m: Municipality, pact: Pact | None, orgs: _OrgWindows,
                             local: np.ndarray, per_1000: float, end: date) -> tuple[np.ndarray, ...]:
    base = max(2, int(rng.poisson(m.population * per_1000 / 1000 * rng.lognormal(0.0, 0.35))))
    start, last = day_number(START), day_number(end)
    joins = [np.where(rng.random(base) < ALREADY_ACTIVE, start, rng.integers(start, last + 1, base))]
    if pact:
        for opened, share in ((pact.signed_on, JOIN_AFTER_PACT), (pact.centre_on, JOIN_AFTER_CENTRE)):
            if opened and opened <= end:
                joins.append(rng.integers(day_number(opened), last + 1, int(rng.binomial(base, share))))
    first = np.concatenate(joins).astype(np.int32)
    count = len(first)
    org = _pick_orgs(rng, orgs, local, first)
    first = np.maximum(first, orgs.first[org])
    stay = rng.exponential(MEAN_STAY_DAYS, count).astype(np.int32)
    last_day = np.minimum(np.minimum(first + stay, orgs.last[org]), last).astype(np.int32)
    second = np.full(count, -1, dtype=np.int32)
    if len(local) > 1:
        for i in np.flatnonzero(rng.random(count) < SECOND_ORG):
            second[i] = rng.choice(local[local != org[i]])
    rate = rng.lognormal(np.log(1.2), 0.9, count)
    return org, second, first, last_day, rate, _pick_roles(rng, orgs.type[org])


def _pick_orgs(rng: np.random.Generator, orgs: _OrgWindows, local: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Volunteers join an organization active on their first day, bigger ones more often."""
    active = (orgs.first[local] <= day[:, None]) & (day[:, None] <= orgs.last[local])
    active[~active.any(axis=1)] = True
    cumulative = np.cumsum(active * orgs.weight[local], axis=1)
    draw = rng.random(len(day)) * cumulative[:, -1]
    return local[(cumulative < draw[:, None]).sum(axis=1)].astype(np.int32)


def _pick_roles(rng: np.random.Generator, org_types: np.ndarray) -> np.ndarray:
    """A role word per volunteer: the kind of role from the organization's type, then one of its spellings."""
    kinds = np.empty(len(org_types), dtype=object)
    for org_type, weights in ROLES_BY_TYPE.items():
        where = np.flatnonzero(org_types == org_type)
        p = np.array(list(weights.values()), dtype=float)
        kinds[where] = np.array(list(weights))[rng.choice(len(weights), size=len(where), p=p / p.sum())]
    draw = rng.random(len(org_types))
    kinds[(draw >= BLANK_ROLE) & (draw < BLANK_ROLE + UNUSUAL_ROLE)] = "unusual"
    spelling = rng.random(len(org_types))
    role = np.array([_KIND_START[k] + int(s * len(ROLE_SPELLINGS[k])) for k, s in zip(kinds, spelling, strict=True)])
    role[draw < BLANK_ROLE] = -1
    return role.astype(np.int32)


_KIND_START = {kind: [k for k, _ in ROLE_WORDS].index(kind) for kind in ROLE_SPELLINGS}
