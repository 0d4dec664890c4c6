"""Running services reported per period: monthly for pharmacies, clinics, groceries and solidarity houses,
per school term for tutoring, per season for social farms. Volumes follow the figures published by
Greek municipal structures (pharmacies ~150–215 people a month, clinics up to ~500 patients a month)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from pipelines.demo.activity import Activity
from pipelines.demo.orgs import Organization
from pipelines.demo.period import month_end, month_index, month_start
from pipelines.demo.words import MONTHS_NOMINATIVE, SERVICE_TITLES

MONTHLY = ("social_pharmacy", "social_clinic", "social_supermarket", "solidarity_house")
PHARMACY_LEVEL, PHARMACY_RANGE = (150, 215), (100, 260)
CLINIC_CAP, GROCERY_CAP = 500, 200
TERMS = (((9, 15), (12, 22)), ((1, 8), (6, 15)))  # school terms: (month, day) of start and end
SEASON_HARVEST = (0.5, 1.1, 1.6, 0.8)  # kg of produce by quarter, relative


def service_activities(rng: np.random.Generator, orgs: list[Organization], populations: dict[str, int],
                       end: date) -> list[Activity]:
    made: list[Activity] = []
    for index, org in enumerate(orgs):
        size = min(1.0, populations[org.municipality] / 150_000)
        last = min(org.active_to, end)
        if org.type in MONTHLY:
            made += _monthly(rng, index, org, size, last)
        elif org.type == "tutoring_centre":
            made += _terms(rng, index, org, size, last)
        elif org.type == "social_farm":
            made += _seasons(rng, index, org, last)
    return made


def _full_months(first: date, last: date) -> range:
    """Months wholly inside [first, last]: a monthly report covers a whole calendar month."""
    start = month_index(first) + (first.day != 1)
    stop = month_index(last) + (last == month_end(month_index(last)))
    return range(start, stop)


def _monthly(rng: np.random.Generator, index: int, org: Organization, size: float, last: date) -> list[Activity]:
    category, unit, title = SERVICE_TITLES[org.type]
    level = _monthly_level(rng, org.type, size)
    made = []
    for month in _full_months(org.active_from, last):
        first = month_start(month)
        label = f"{title} – {MONTHS_NOMINATIVE[first.month - 1]} {first.year}"
        people, units = _monthly_volume(rng, org.type, level, (month_end(month) - first).days + 1)
        made.append(Activity(index, org.municipality, first, month_end(month), category, label, people, units, unit,
                             running=True))
    return made


def _monthly_level(rng: np.random.Generator, kind: str, size: float) -> float:
    """The organization's usual monthly volume: people (pharmacy, clinic), households (grocery), beds (house)."""
    if kind == "social_pharmacy":
        return rng.uniform(*PHARMACY_LEVEL)
    if kind == "social_clinic":
        return rng.uniform(60, 180) + 300 * size
    if kind == "social_supermarket":
        return rng.uniform(25, 60) + 130 * size
    return rng.uniform(8, 24)


def _monthly_volume(rng: np.random.Generator, kind: str, level: float, days: int) -> tuple[int, float]:
    """(beneficiaries, service units) for one month."""
    noisy = level * rng.normal(1.0, 0.08)
    if kind == "social_pharmacy":
        people = _clamp(round(noisy), *PHARMACY_RANGE)
        return people, float(round(people * rng.uniform(1.2, 1.6)))
    if kind == "social_clinic":
        people = _clamp(round(noisy), 20, CLINIC_CAP)
        return people, float(round(people * rng.uniform(1.1, 1.5)))
    if kind == "social_supermarket":
        households = _clamp(round(noisy), 12, GROCERY_CAP)
        return round(households * rng.uniform(2.2, 2.9)), float(households)
    beds = max(4, round(level))
    occupancy = _clamp(rng.normal(0.8, 0.1), 0.4, 1.0)
    return round(beds * rng.uniform(1.0, 1.8)), float(round(beds * occupancy * days))


def _terms(rng: np.random.Generator, index: int, org: Organization, size: float, last: date) -> list[Activity]:
    category, unit, title = SERVICE_TITLES[org.type]
    students = rng.uniform(15, 40) + 80 * size
    made = []
    for year in range(org.active_from.year - 1, last.year + 1):
        for (m1, d1), (m2, d2) in TERMS:
            first = date(year + (m1 < 9), m1, d1)
            term_end = date(year + (m1 < 9), m2, d2)
            first, term_end = max(first, org.active_from), min(term_end, last)
            if (term_end - first).days < 30:
                continue
            weeks = ((term_end - first).days + 1) / 7
            pupils = max(5, round(students * rng.normal(1.0, 0.12)))
            taught = round(pupils / rng.uniform(4, 7) * rng.uniform(3, 5) * weeks)
            label = f"{title} – σχολικό έτος {first.year - (first.month < 9)}-{first.year + (first.month >= 9)}"
            made.append(Activity(index, org.municipality, first, term_end, category, label, pupils, float(taught),
                                 unit, running=True))
    return made


def _seasons(rng: np.random.Generator, index: int, org: Organization, last: date) -> list[Activity]:
    category, unit, title = SERVICE_TITLES[org.type]
    level = rng.uniform(400, 2500)
    made = []
    quarter = month_index(org.active_from) // 3
    while month_start(quarter * 3) <= last:
        first = max(month_start(quarter * 3), org.active_from)
        season_end = min(month_start(quarter * 3 + 3) - timedelta(days=1), last)
        if (season_end - first).days >= 30:
            kg = round(level * SEASON_HARVEST[quarter % 4] * rng.normal(1.0, 0.15), 1)
            label = f"{title} – {quarter % 4 + 1}ο τρίμηνο {first.year}"
            made.append(Activity(index, org.municipality, first, season_end, category, label,
                                 int(rng.integers(20, 151)), max(10.0, kg), unit, running=True))
        quarter += 1
    return made


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)
