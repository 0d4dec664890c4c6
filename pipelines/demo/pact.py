"""Which municipalities sign the Cooperation Pact, when, and which open a Centre of Active Citizens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from pipelines.demo.places import Municipality

PACT_SHARE = (0.22, 0.28)  # about a quarter of the municipalities sign
CENTRE_SHARE = 0.4  # of the signatories, about this many open a Centre
SIGNING_FIRST, SIGNING_LAST = date(2019, 3, 1), date(2024, 11, 30)


@dataclass(frozen=True)
class Pact:
    signed_on: date
    centre_on: date | None


def sign_pacts(rng: np.random.Generator, municipalities: list[Municipality], end: date) -> dict[str, Pact]:
    """code -> Pact for the signatories; larger municipalities sign more often."""
    share = rng.uniform(*PACT_SHARE)
    count = round(share * len(municipalities))
    weights = np.log10([m.population for m in municipalities]) ** 2
    chosen = rng.choice(len(municipalities), size=count, replace=False, p=weights / weights.sum())
    pacts = {}
    for index in sorted(chosen):
        signed = _signing_day(rng, min(end, SIGNING_LAST))
        centre = None
        if rng.random() < CENTRE_SHARE:
            opened = signed + timedelta(days=int(rng.integers(90, 540)))
            centre = opened if opened <= end else None
        pacts[municipalities[index].code] = Pact(signed, centre)
    return pacts


def _signing_day(rng: np.random.Generator, last: date) -> date:
    """Signatures cluster on weekdays of the working year (no signing ceremonies in August)."""
    while True:
        day = SIGNING_FIRST + timedelta(days=int(rng.integers(0, (last - SIGNING_FIRST).days + 1)))
        if day.weekday() < 5 and day.month != 8:
            return day
