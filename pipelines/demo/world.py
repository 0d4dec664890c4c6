"""The whole synthetic world of one demo, generated from a seed: each part draws from its own random stream,
so that changing how one part is drawn leaves the others as they were."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np

from pipelines.demo.activities import make_activities
from pipelines.demo.activity import Activity
from pipelines.demo.hours import Hours, make_hours
from pipelines.demo.orgs import Organization, make_organizations
from pipelines.demo.pact import Pact, sign_pacts
from pipelines.demo.places import Municipality, load_municipalities
from pipelines.demo.scales import Scale
from pipelines.demo.spaces import Space, make_spaces
from pipelines.demo.support import Support, make_support
from pipelines.demo.volunteers import Volunteers, make_volunteers

STREAMS = ("pact", "organizations", "spaces", "activities", "volunteers", "hours", "support",
           "organization-files", "activity-files", "hour-files")


@dataclass
class World:
    seed: int
    scale: Scale
    end: date
    municipalities: list[Municipality]
    pacts: dict[str, Pact]
    orgs: list[Organization]
    spaces: list[Space]
    activities: list[Activity]
    volunteers: Volunteers
    hours: Hours
    support: list[Support]

    def rng(self, stream: str) -> np.random.Generator:
        return stream_rng(self.seed, stream)


def stream_rng(seed: int, stream: str) -> np.random.Generator:
    return np.random.default_rng([seed, STREAMS.index(stream)])


def make_world(seed: int, scale: Scale, end: date) -> World:
    places = load_municipalities()
    populations = {m.code: m.population for m in places}
    pacts = sign_pacts(stream_rng(seed, "pact"), places, end)
    orgs = make_organizations(stream_rng(seed, "organizations"), places, pacts, scale.organizations, end)
    spaces = make_spaces(stream_rng(seed, "spaces"), places, pacts, orgs, end)
    activities = make_activities(stream_rng(seed, "activities"), orgs, pacts, spaces, populations,
                                 scale.event_activities, end)
    volunteers = make_volunteers(stream_rng(seed, "volunteers"), places, pacts, orgs, scale.volunteers_per_1000, end)
    hours = make_hours(stream_rng(seed, "hours"), places, pacts, orgs, activities, volunteers, scale.hour_records, end)
    support = make_support(stream_rng(seed, "support"), places, pacts, orgs, spaces, end)
    return World(seed, scale, end, places, pacts, orgs, spaces, activities, volunteers, hours, support)
