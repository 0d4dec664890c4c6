"""Nothing is dated after today: the demo's last day is min(2025-12-31, today), and every part keeps to it."""

from __future__ import annotations

from datetime import date

from pipelines.demo.period import day_number, end_date
from pipelines.demo.scales import SCALES
from pipelines.demo.world import make_world


def test_end_date_is_today_until_the_end_of_2025():
    assert end_date(date(2024, 6, 30)) == date(2024, 6, 30)
    assert end_date(date(2026, 2, 1)) == date(2025, 12, 31)


def test_an_early_end_clamps_every_part():
    end = date(2022, 6, 30)
    world = make_world(3, SCALES["test"], end)
    assert world.hours.day.max() <= day_number(end)
    assert all(o.founded <= end and o.active_to <= end for o in world.orgs)
    assert all(a.start <= end and (a.end or a.start) <= end for a in world.activities)
    assert all(s.available_from <= end and (s.available_to or s.available_from) <= end for s in world.spaces)
    assert all(p.signed_on <= end and (p.centre_on or p.signed_on) <= end for p in world.pacts.values())
    assert max(s.year for s in world.support) == 2022
