"""Fake personal data (name, phone, e-mail) that some senders leave in their files; the loader must drop it."""

from __future__ import annotations

import numpy as np

from pipelines.demo.words import FIRST_NAMES_FEMALE, FIRST_NAMES_MALE, SURNAMES

PERSONAL_COLUMNS = ("Ονοματεπώνυμο", "Τηλέφωνο", "Email")


def fake_people(rng: np.random.Generator, volunteers: list[int]) -> dict[int, tuple[str, str, str]]:
    """volunteer index -> (full name, mobile number, e-mail), one person each, the same in every row."""
    people = {}
    for volunteer in sorted(set(volunteers)):
        female = rng.random() < 0.55
        first, first_latin = (FIRST_NAMES_FEMALE if female else FIRST_NAMES_MALE)[int(rng.integers(10))]
        surname = SURNAMES[int(rng.integers(len(SURNAMES)))]
        last, last_latin = (surname[1], surname[3]) if female else (surname[0], surname[2])
        phone = f"69{int(rng.integers(0, 10**8)):08d}"
        email = f"{first_latin}.{last_latin}{int(rng.integers(10, 100))}@example.com"
        people[volunteer] = (f"{first} {last}", phone, email)
    return people
