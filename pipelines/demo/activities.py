"""All activities of the demo, numbered in date order, placed in the municipal spaces of their hosts."""

from __future__ import annotations

from datetime import date

import numpy as np

from pipelines.demo.activity import Activity
from pipelines.demo.events import make_coordination, make_events
from pipelines.demo.orgs import Organization
from pipelines.demo.pact import Pact
from pipelines.demo.services import service_activities
from pipelines.demo.spaces import Space

AT_HOSTED_SPACE = 0.85  # activities of a host organization mostly take place in its space


def make_activities(rng: np.random.Generator, orgs: list[Organization], pacts: dict[str, Pact], spaces: list[Space],
                    populations: dict[str, int], events: int, end: date) -> list[Activity]:
    made = service_activities(rng, orgs, populations, end)
    made += make_events(rng, orgs, pacts, events, end)
    made += make_coordination(rng, orgs, spaces, end)
    _place_in_spaces(rng, made, spaces)
    made.sort(key=lambda a: (a.start, a.org, a.title))
    for number, activity in enumerate(made, start=1):
        activity.activity_id = f"ACT-{number:06d}"
    return made


def _place_in_spaces(rng: np.random.Generator, activities: list[Activity], spaces: list[Space]) -> None:
    hosted: dict[int, list[int]] = {}
    for index, space in enumerate(spaces):
        if space.host >= 0:
            hosted.setdefault(space.host, []).append(index)
    for activity in activities:
        for index in hosted.get(activity.org, []):
            space = spaces[index]
            fits = (space.kind == "farmland") == (activity.category == "agriculture")
            open_then = space.available_from <= activity.start and (space.available_to is None
                                                                    or activity.start <= space.available_to)
            if activity.space < 0 and fits and open_then and rng.random() < AT_HOSTED_SPACE:
                activity.space = index
