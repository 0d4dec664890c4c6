"""One activity: a running service over a period, or a one-off event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class Activity:
    org: int  # index of the lead organization
    municipality: str
    start: date
    end: date | None
    category: str
    title: str
    beneficiaries: int | None = None
    units: float | None = None
    unit: str | None = None
    partners: tuple[int, ...] = ()
    space: int = -1  # index into the spaces
    running: bool = False  # a running service (one per organization and period) rather than an event
    activity_id: str = ""
