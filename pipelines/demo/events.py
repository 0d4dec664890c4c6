"""One-off events, a few co-organized, and the coordination meetings of the Centres of Active Citizens."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from pipelines.demo.activity import Activity
from pipelines.demo.orgs import Organization
from pipelines.demo.pact import Pact
from pipelines.demo.period import month_end, month_index, month_start
from pipelines.demo.spaces import Space
from pipelines.demo.words import COORDINATION_TITLE, EVENT_CATEGORIES, EVENT_TITLES

EVENTS_PER_YEAR = {"volunteer_group": 3.0, "association": 2.5, "social_cooperative": 2.0, "other": 1.5,
                   "social_supermarket": 1.0, "social_farm": 1.2, "social_clinic": 0.8, "solidarity_house": 0.8,
                   "tutoring_centre": 0.8, "social_pharmacy": 0.5}
EVENTS_AFTER_PACT, EVENTS_AFTER_CENTRE = 1.15, 1.35
PARTNERED = (0.08, 0.14, 0.30)  # chance an event is co-organized: no Pact, after signing, Centre open


def _pact_factor(pact: Pact | None, day: date) -> float:
    if pact is None or day < pact.signed_on:
        return 1.0
    return EVENTS_AFTER_CENTRE if pact.centre_on and day >= pact.centre_on else EVENTS_AFTER_PACT


def _partner_chance(pact: Pact | None, day: date) -> float:
    if pact is None or day < pact.signed_on:
        return PARTNERED[0]
    return PARTNERED[2] if pact.centre_on and day >= pact.centre_on else PARTNERED[1]


def make_events(rng: np.random.Generator, orgs: list[Organization], pacts: dict[str, Pact], target: int,
                end: date) -> list[Activity]:
    """Poisson counts per organization and month, scaled so that the total is about ``target``."""
    months = month_index(end) + 1
    firsts = [month_start(i) for i in range(months)]
    expected = np.zeros((len(orgs), months))
    for i, org in enumerate(orgs):
        rate = EVENTS_PER_YEAR[org.type] / 12 * org.weight ** 0.5
        for j in range(month_index(org.active_from), month_index(org.active_to) + 1):
            expected[i, j] = rate * _pact_factor(pacts.get(org.municipality), firsts[j])
    counts = rng.poisson(expected * target / max(expected.sum(), 1e-9))
    local = _by_municipality(orgs)
    made = []
    for i, j in zip(*np.nonzero(counts), strict=True):
        for _ in range(counts[i, j]):
            made.append(_event(rng, orgs, int(i), int(j), pacts.get(orgs[i].municipality), local, end))
    return made


def _event(rng: np.random.Generator, orgs: list[Organization], lead: int, month: int, pact: Pact | None,
           local: dict[str, list[int]], end: date) -> Activity:
    org = orgs[lead]
    first, last = max(month_start(month), org.active_from), min(month_end(month), org.active_to, end)
    start = first + timedelta(days=int(rng.integers(0, (last - first).days + 1)))
    categories = EVENT_CATEGORIES[org.type]
    weights = np.array(list(categories.values()), dtype=float)
    category = list(categories)[int(rng.choice(len(categories), p=weights / weights.sum()))]
    titles = [t for t, season in EVENT_TITLES[category] if season is None or start.month in season]
    title = titles[int(rng.integers(len(titles)))]
    activity = Activity(lead, org.municipality, start, _event_end(rng, title, start, min(org.active_to, end)),
                        category, title)
    _fill_outputs(rng, activity)
    if rng.random() < _partner_chance(pact, start):
        activity.partners = _partners(rng, orgs, local[org.municipality], lead, start, 1 + int(rng.binomial(2, 0.35)))
    return activity


def _event_end(rng: np.random.Generator, title: str, start: date, last: date) -> date | None:
    """Most events last a day (end left blank or repeated); fire watches run for weeks."""
    if title == "Πυροφύλαξη":
        days = int(rng.integers(20, 61))
    elif rng.random() < 0.15:
        days = int(rng.integers(1, 3))
    else:
        return None if rng.random() < 0.5 else start
    return min(start + timedelta(days=days), last)


def _fill_outputs(rng: np.random.Generator, activity: Activity) -> None:
    if rng.random() < 0.45:
        return
    activity.beneficiaries = int(np.clip(rng.lognormal(np.log(60), 0.8), 5, 2000))
    if activity.category == "food_support":
        activity.unit = "meal" if rng.random() < 0.5 else "food_parcel"
        activity.units = float(round(activity.beneficiaries * rng.uniform(0.6, 2.0)))
    elif activity.category == "culture" and rng.random() < 0.4:
        activity.unit, activity.units = "event", 1.0


def _partners(rng: np.random.Generator, orgs: list[Organization], local: list[int], lead: int, day: date,
              count: int) -> tuple[int, ...]:
    """Partners from the same municipality, more often of a different type than the lead."""
    candidates = [i for i in local if i != lead and orgs[i].active_from <= day <= orgs[i].active_to]
    if not candidates:
        return ()
    weights = np.array([3.0 if orgs[i].type != orgs[lead].type else 1.0 for i in candidates])
    chosen = rng.choice(len(candidates), size=min(count, len(candidates)), replace=False, p=weights / weights.sum())
    return tuple(sorted(candidates[c] for c in chosen))


def make_coordination(rng: np.random.Generator, orgs: list[Organization], spaces: list[Space],
                      end: date) -> list[Activity]:
    """Where a Centre is open, its host calls the city's organizations together about every other month."""
    local = _by_municipality(orgs)
    made = []
    for index, space in enumerate(spaces):
        if not space.is_centre or space.host < 0:
            continue
        for month in range(month_index(space.available_from), month_index(end) + 1):
            first = max(month_start(month), space.available_from, orgs[space.host].active_from)
            last = min(month_end(month), end, orgs[space.host].active_to)
            if first > last or rng.random() >= 0.5:
                continue
            day = first + timedelta(days=int(rng.integers(0, (last - first).days + 1)))
            partners = _partners(rng, orgs, local[space.municipality], space.host, day, int(rng.integers(3, 7)))
            made.append(Activity(space.host, space.municipality, day, None, "coordination", COORDINATION_TITLE,
                                 partners=partners, space=index))
    return made


def _by_municipality(orgs: list[Organization]) -> dict[str, list[int]]:
    local: dict[str, list[int]] = {}
    for index, org in enumerate(orgs):
        local.setdefault(org.municipality, []).append(index)
    return local
