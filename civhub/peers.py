"""Who a municipality is compared with: its peer group and its nearest neighbours.

Peer groups follow the spirit of the Law 4555/2018 ("Kleisthenis") typology: metropolitan
municipalities, island municipalities, and the rest of the country by population. Nearest
neighbours follow the CIPFA method (statistical distance on standardised characteristics),
here on two variables: log population and log density.

Both functions take a frame with the columns of ``data/reference/municipalities.csv`` (or the
``municipalities`` table): ``code``, ``regional_unit_code``, ``population_2021`` and, for the
neighbours, ``area_km2``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

PEER_GROUPS = ("metropolitan", "island", "mainland_large", "mainland_medium", "mainland_small")

PEER_GROUP_LABELS = {
    "metropolitan": {"el": "Μητροπολιτικοί δήμοι", "en": "Metropolitan municipalities"},
    "island": {"el": "Νησιωτικοί δήμοι", "en": "Island municipalities"},
    "mainland_large": {"el": "Μεγάλοι ηπειρωτικοί δήμοι (άνω των 25.000 κατοίκων)",
                       "en": "Large mainland municipalities (over 25,000 residents)"},
    "mainland_medium": {"el": "Μεσαίοι ηπειρωτικοί δήμοι (10.001–25.000 κατοίκων)",
                        "en": "Medium mainland municipalities (10,001–25,000 residents)"},
    "mainland_small": {"el": "Μικροί ηπειρωτικοί δήμοι (έως 10.000 κατοίκους)",
                       "en": "Small mainland municipalities (up to 10,000 residents)"},
}

LARGE_ABOVE = 25_000
MEDIUM_ABOVE = 10_000

# The Athens urban area: the four sectors of Athens and Piraeus (ELSTAT regional-unit codes).
METROPOLITAN_UNITS = {
    "45": "ΚΕΝΤΡΙΚΟΥ ΤΟΜΕΑ ΑΘΗΝΩΝ", "46": "ΒΟΡΕΙΟΥ ΤΟΜΕΑ ΑΘΗΝΩΝ", "47": "ΔΥΤΙΚΟΥ ΤΟΜΕΑ ΑΘΗΝΩΝ",
    "48": "ΝΟΤΙΟΥ ΤΟΜΕΑ ΑΘΗΝΩΝ", "51": "ΠΕΙΡΑΙΩΣ",
}
# The Thessaloniki urban area is only part of its regional unit (which also holds rural Volvi,
# Langadas, Delta, ...), so it is listed by municipality.
METROPOLITAN_MUNICIPALITIES = {
    "0701": "ΘΕΣΣΑΛΟΝΙΚΗΣ", "0702": "ΑΜΠΕΛΟΚΗΠΩΝ - ΜΕΝΕΜΕΝΗΣ", "0707": "ΚΑΛΑΜΑΡΙΑΣ",
    "0708": "ΚΟΡΔΕΛΙΟΥ - ΕΥΟΣΜΟΥ", "0710": "ΝΕΑΠΟΛΗΣ - ΣΥΚΕΩΝ", "0711": "ΠΑΥΛΟΥ ΜΕΛΑ",
    "0712": "ΠΥΛΑΙΑΣ - ΧΟΡΤΙΑΤΗ",
}
# Regional units made of islands: Thasos, the Sporades, the five Ionian units, the Islands unit
# of Attica, and every unit of the North and South Aegean. Crete (71-74) and Evia (29) are not
# here: the typology counts them as mainland.
ISLAND_UNITS = {
    "04": "ΘΑΣΟΥ", "25": "ΣΠΟΡΑΔΩΝ",
    "32": "ΚΕΡΚΥΡΑΣ", "33": "ΖΑΚΥΝΘΟΥ", "34": "ΙΘΑΚΗΣ", "35": "ΚΕΦΑΛΛΗΝΙΑΣ", "36": "ΛΕΥΚΑΔΑΣ",
    "52": "ΝΗΣΩΝ",
    "53": "ΛΕΣΒΟΥ", "54": "ΙΚΑΡΙΑΣ", "55": "ΛΗΜΝΟΥ", "56": "ΣΑΜΟΥ", "57": "ΧΙΟΥ",
    "58": "ΣΥΡΟΥ", "59": "ΑΝΔΡΟΥ", "60": "ΘΗΡΑΣ", "61": "ΚΑΛΥΜΝΟΥ", "62": "ΚΑΡΠΑΘΟΥ",
    "63": "ΚΕΑΣ - ΚΥΘΝΟΥ", "64": "ΚΩ", "65": "ΜΗΛΟΥ", "66": "ΜΥΚΟΝΟΥ", "67": "ΝΑΞΟΥ",
    "68": "ΠΑΡΟΥ", "69": "ΡΟΔΟΥ", "70": "ΤΗΝΟΥ",
}
# Islands of their own that belong to a mainland regional unit (or to Crete or Evia's unit
# without being Crete or Evia).
ISLAND_MUNICIPALITIES = {
    "0304": "ΣΑΜΟΘΡΑΚΗΣ (Evros)", "2908": "ΣΚΥΡΟΥ (Evia)", "4303": "ΕΛΑΦΟΝΗΣΟΥ (Laconia)",
    "7403": "ΓΑΥΔΟΥ (Chania)",
}
# Troizinia-Methana is in the Islands unit of Attica but lies on the Peloponnese.
MAINLAND_IN_ISLAND_UNITS = {"5207": "ΤΡΟΙΖΗΝΙΑΣ - ΜΕΘΑΝΩΝ"}


def peer_groups(municipalities: pd.DataFrame) -> pd.Series:
    """The peer group key of each municipality, indexed by ``code`` (name ``peer_group``).

    Metropolitan and island membership come from the lists above; everything else is grouped
    by ``population_2021``: over 25,000 large, 10,001-25,000 medium, up to 10,000 small.
    Raises ``ValueError`` on duplicate codes or on a missing population that the grouping needs.
    """
    _require(municipalities, ["code", "regional_unit_code", "population_2021"])
    codes = municipalities["code"]
    _require_unique(codes)
    municipality = codes.map(_municipality_key)
    unit = municipalities["regional_unit_code"].map(_unit_key)
    population = pd.to_numeric(municipalities["population_2021"], errors="coerce")
    groups = [
        _group(code, ru, people)
        for code, ru, people in zip(municipality, unit, population, strict=True)
    ]
    missing = [code for code, group in zip(codes, groups, strict=True) if group is None]
    if missing:
        raise ValueError(f"population_2021 is missing for municipalities {missing}")
    return pd.Series(groups, index=pd.Index(codes, name="code"), name="peer_group")


def nearest_neighbours(municipalities: pd.DataFrame, k: int = 10) -> pd.DataFrame:
    """Each municipality's ``k`` nearest neighbours by the CIPFA distance.

    Each of log(population_2021) and log(density = population_2021 / area_km2) is z-scored
    across the municipalities used (population sd, ddof=0); the distance is Euclidean on the
    two z-scores. A municipality is never its own neighbour; equal distances (to 9 decimals)
    are ordered by neighbour code. Municipalities without a positive population and area
    (the reference file has no area for the 14 whose boundaries changed in 2019) take no part:
    they get no neighbours and are nobody's neighbour.

    Returns columns ``code``, ``neighbour_code`` (both as text), ``rank`` (1..k) and ``distance``,
    ordered by code and rank.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    _require(municipalities, ["code", "population_2021", "area_km2"])
    _require_unique(municipalities["code"])
    codes, features = _cipfa_features(municipalities)
    distances = _standardised_distances(features)
    rows = []
    for i, code in enumerate(codes):
        others = np.delete(np.arange(len(codes)), i)
        # Rounding makes ties that are exact in arithmetic exact in floating point too.
        order = others[np.lexsort((codes[others], np.round(distances[i, others], 9)))][:k]
        rows.extend((code, codes[j], rank, float(distances[i, j])) for rank, j in enumerate(order, start=1))
    frame = pd.DataFrame(rows, columns=["code", "neighbour_code", "rank", "distance"])
    return frame.astype({"rank": "int64", "distance": "float64"})


def _group(municipality: str, unit: str, population: float) -> str | None:
    if municipality in METROPOLITAN_MUNICIPALITIES or unit in METROPOLITAN_UNITS:
        return "metropolitan"
    if municipality in ISLAND_MUNICIPALITIES or (unit in ISLAND_UNITS and municipality not in MAINLAND_IN_ISLAND_UNITS):
        return "island"
    if pd.isna(population):
        return None
    if population > LARGE_ABOVE:
        return "mainland_large"
    return "mainland_medium" if population > MEDIUM_ABOVE else "mainland_small"


def _cipfa_features(municipalities: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The codes (as text, sorted) and the [log population, log density] of the usable rows."""
    population = pd.to_numeric(municipalities["population_2021"], errors="coerce").to_numpy(dtype=float)
    area = pd.to_numeric(municipalities["area_km2"], errors="coerce").to_numpy(dtype=float)
    usable = np.isfinite(population) & np.isfinite(area) & (population > 0) & (area > 0)
    codes = np.array([str(code) for code in municipalities["code"]], dtype=str)[usable]
    order = np.argsort(codes, kind="stable")
    population, area = population[usable][order], area[usable][order]
    return codes[order], np.column_stack([np.log(population), np.log(population / area)])


def _standardised_distances(features: np.ndarray) -> np.ndarray:
    centred = features - features.mean(axis=0) if len(features) else features
    sd = centred.std(axis=0) if len(features) else np.ones(features.shape[1])
    # A variable with no spread cannot tell municipalities apart; it adds nothing to the distance.
    z = np.divide(centred, sd, out=np.zeros_like(centred), where=sd > 0)
    difference = z[:, None, :] - z[None, :, :]
    return np.sqrt((difference**2).sum(axis=2))


def _municipality_key(code: object) -> str:
    # Codes read as numbers lose their leading zero (101 for 0101).
    return str(code).strip().zfill(4)


def _unit_key(code: object) -> str:
    return str(code).strip().zfill(2)


def _require(frame: pd.DataFrame, columns: list[str]) -> None:
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise ValueError(f"municipalities frame lacks columns {missing}")


def _require_unique(codes: pd.Series) -> None:
    duplicated = sorted(set(codes[codes.duplicated()].astype(str)))
    if duplicated:
        raise ValueError(f"municipality codes are not unique: {duplicated}")
