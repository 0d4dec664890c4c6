"""How big a demo to build: the same generator at three sizes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    organizations: int  # about this many organizations before the Pact adds new ones
    volunteers_per_1000: float  # residents who log hours, before the Pact adds new ones
    hour_records: int  # about this many hour records
    event_activities: int  # one-off activities, on top of the monthly services
    hour_files: int  # plain CSV files the bulk of the hours is split into (0 = one per region)
    special_files: int  # organizations per odd dialect that send their own hours file


SCALES = {
    "test": Scale("test", 500, 1.2, 20_000, 1_500, 0, 1),
    "default": Scale("default", 2_000, 3.0, 300_000, 12_000, 0, 3),
    "national": Scale("national", 2_000, 3.0, 10_000_000, 12_000, 4, 3),
}


def get_scale(name: str) -> Scale:
    try:
        return SCALES[name]
    except KeyError:
        raise ValueError(f"unknown demo scale {name!r}; choose one of {', '.join(SCALES)}") from None
