"""Hour records, drawn for all volunteers at once with numpy (10 million rows take seconds, not minutes).

Each volunteer logs shifts at their own rate while active; shifts are then kept with a probability that
follows the season (the 2020 lockdowns, August) and the municipality's Pact: activity rises modestly
after signing and again when a Centre opens, with noise, so that the effect is visible but not certain.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from pipelines.demo.activity import Activity
from pipelines.demo.orgs import Organization
from pipelines.demo.pact import Pact
from pipelines.demo.period import day_number, month_index, month_start, month_starts
from pipelines.demo.places import Municipality
from pipelines.demo.volunteers import Volunteers

LOCKDOWNS = {(2020, 3): 0.55, (2020, 4): 0.45, (2020, 5): 0.65, (2020, 11): 0.8, (2020, 12): 0.85,
             (2021, 1): 0.8, (2021, 2): 0.85}
SEASON = {8: 0.75, 12: 1.1}  # summer holidays; December food drives
PACT_EFFECT, CENTRE_EFFECT = (1.08, 0.06), (1.06, 0.06)  # mean and spread of the uplift
SECOND_ORG_SHARE = 0.2  # of a two-organization volunteer's shifts, those at the second one
LINK_SERVICE, LINK_EVENT = 0.6, 0.4  # shifts recorded against an activity when there is one that month
DAYS_PER_MONTH = 30.44


@dataclass
class Hours:
    """One entry per hour record, sorted by (day, organization, volunteer)."""

    org: np.ndarray
    volunteer: np.ndarray
    day: np.ndarray  # day number
    hours: np.ndarray
    activity: np.ndarray  # index into the activities, -1 for none
    record_no: np.ndarray  # 1, 2, … within each organization, in date order

    def __len__(self) -> int:
        return len(self.org)


def make_hours(rng: np.random.Generator, places: list[Municipality], pacts: dict[str, Pact],
               orgs: list[Organization], activities: list[Activity], volunteers: Volunteers, target: int,
               end: date) -> Hours:
    months = month_index(end) + 1
    place_of_org = _place_of_org(places, orgs)
    keep = keep_matrix(rng, places, pacts, months)
    span = np.maximum(volunteers.last_day - volunteers.first_day + 1, 0)
    expected = volunteers.rate * span / DAYS_PER_MONTH
    kept_share = keep[place_of_org[volunteers.org]].mean(axis=1)
    counts = rng.poisson(expected * target / (expected * kept_share).sum())
    volunteer = np.repeat(np.arange(len(volunteers), dtype=np.int32), counts)
    day = (volunteers.first_day[volunteer] + rng.random(len(volunteer)) * span[volunteer]).astype(np.int32)
    org = _with_second_org(rng, volunteers, volunteer, day, orgs)
    month_of_day = np.searchsorted(month_starts(months), np.arange(day_number(end) + 1), side="right") - 1
    month = month_of_day[day]
    kept = rng.random(len(day)) < keep[place_of_org[org], month]
    volunteer, day, org, month = volunteer[kept], day[kept], org[kept], month[kept]
    activity, day = _link_activities(rng, activities, len(orgs), months, org, month, day)
    shift = volunteers.shift_hours()[volunteer] + rng.normal(0.0, 0.9, len(day))
    hours = np.clip(np.round(shift * 2) / 2, 1.0, 10.0)
    order = np.argsort((day.astype(np.int64) << 40) | (org.astype(np.int64) << 20) | volunteer, kind="stable")
    org = org[order]
    return Hours(org, volunteer[order], day[order], hours[order], activity[order], _numbers_within(org))


def keep_matrix(rng: np.random.Generator, places: list[Municipality], pacts: dict[str, Pact],
                months: int) -> np.ndarray:
    """Probability (municipality, month) that a drawn shift is kept; its largest value is 1."""
    firsts = [month_start(i) for i in range(months)]
    season = np.array([LOCKDOWNS.get((d.year, d.month), 1.0) * SEASON.get(d.month, 1.0) for d in firsts])
    years = np.array([d.year for d in firsts]) - firsts[0].year
    keep = np.tile(season, (len(places), 1))
    keep *= rng.lognormal(0.0, 0.06, (len(places), years.max() + 1))[:, years]
    for row, m in enumerate(places):
        pact = pacts.get(m.code)
        if pact is None:
            continue
        uplift = rng.normal(*PACT_EFFECT)
        keep[row, month_index(pact.signed_on) + 1:] *= uplift
        if pact.centre_on:
            keep[row, month_index(pact.centre_on) + 1:] *= rng.normal(*CENTRE_EFFECT)
    return keep / keep.max()


def _place_of_org(places: list[Municipality], orgs: list[Organization]) -> np.ndarray:
    row = {m.code: i for i, m in enumerate(places)}
    return np.array([row[o.municipality] for o in orgs], dtype=np.int32)


def _with_second_org(rng: np.random.Generator, volunteers: Volunteers, volunteer: np.ndarray, day: np.ndarray,
                     orgs: list[Organization]) -> np.ndarray:
    org = volunteers.org[volunteer]
    second = volunteers.second_org[volunteer]
    first_day = np.array([day_number(o.active_from) for o in orgs], dtype=np.int32)
    last_day = np.array([day_number(o.active_to) for o in orgs], dtype=np.int32)
    moved = (second >= 0) & (rng.random(len(day)) < SECOND_ORG_SHARE)
    moved &= (first_day[second] <= day) & (day <= last_day[second])
    return np.where(moved, second, org).astype(np.int32)


def _link_activities(rng: np.random.Generator, activities: list[Activity], n_orgs: int, months: int,
                     org: np.ndarray, month: np.ndarray, day: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Attach shifts to the running service of that month, or to an event (moving the shift onto its days)."""
    service = np.full((n_orgs, months), -1, dtype=np.int32)
    event = np.full((n_orgs, months), -1, dtype=np.int32)
    first = np.array([day_number(a.start) for a in activities], dtype=np.int32)
    last = np.array([day_number(a.end or a.start) for a in activities], dtype=np.int32)
    for index in range(len(activities) - 1, -1, -1):  # backwards, so the first event of a month wins
        a = activities[index]
        if a.running:
            service[a.org, month_index(a.start):month_index(a.end) + 1] = index
        else:
            event[a.org, month_index(a.start)] = index
    to_service = service[org, month]
    to_event = event[org, month]
    use_service = (to_service >= 0) & (rng.random(len(day)) < LINK_SERVICE)
    use_event = ~use_service & (to_event >= 0) & (rng.random(len(day)) < LINK_EVENT)
    linked = np.where(use_service, to_service, np.where(use_event, to_event, -1)).astype(np.int32)
    span = last[to_event] - first[to_event] + 1
    on_event = first[to_event] + (rng.random(len(day)) * span).astype(np.int32)
    day = np.where(use_event, on_event, day)
    day = np.where(use_service, np.clip(day, first[to_service], last[to_service]), day).astype(np.int32)
    return linked, day


def _numbers_within(org: np.ndarray) -> np.ndarray:
    """1, 2, … per organization, in the order the records already have."""
    by_org = np.argsort(org, kind="stable")
    grouped = org[by_org]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    sizes = np.diff(np.r_[starts, len(grouped)])
    numbers = np.empty(len(org), dtype=np.int64)
    numbers[by_org] = np.arange(len(org)) - np.repeat(starts, sizes) + 1
    return numbers
