"""Peer groups and CIPFA nearest neighbours (civhub/peers.py), on the reference file and tiny frames."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from civhub import peers
from civhub.config import REFERENCE_DIR


@pytest.fixture(scope="module")
def municipalities() -> pd.DataFrame:
    text_columns = ["code", "regional_unit_code", "elstat_code_2011", "ypes_code_2011"]
    return pd.read_csv(REFERENCE_DIR / "municipalities.csv", dtype=dict.fromkeys(text_columns, str))


@pytest.fixture(scope="module")
def groups(municipalities) -> pd.Series:
    return peers.peer_groups(municipalities)


def frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["code", "regional_unit_code", "population_2021", "area_km2"])


# --- peer groups on the reference file ---------------------------------------------------------------

def test_counts_per_group(groups):
    # Metropolitan: Central 8 + North 12 + West 7 + South Athens 8 + Piraeus 5, and 7 in Thessaloniki = 47.
    # Island: Thasos 1, Sporades 3, Ionian 4+1+1+3+2, Islands of Attica 8 - Troizinia-Methana 1,
    # North Aegean 11, South Aegean 34, plus Samothraki, Skyros, Elafonisos, Gavdos = 71.
    # The rest by population (checked with awk on the CSV): 77 over 25,000, 86 of 10,001-25,000, 51 up to 10,000.
    assert groups.value_counts().to_dict() == {
        "metropolitan": 47, "island": 71, "mainland_large": 77, "mainland_medium": 86, "mainland_small": 51,
    }
    assert len(groups) == 332
    assert set(groups) == set(peers.PEER_GROUPS)


@pytest.mark.parametrize(("code", "population", "group"), [
    ("0101", 65107, "mainland_large"),      # Komotini
    ("4501", 637798, "metropolitan"),       # Athens
    ("5101", 163572, "metropolitan"),       # Piraeus
    ("0707", 92238, "metropolitan"),        # Kalamaria, Thessaloniki urban area
    ("0711", 99969, "metropolitan"),        # Pavlos Melas
    ("0706", 55238, "mainland_large"),      # Thermi: Thessaloniki regional unit, outside the urban area
    ("0703", 19812, "mainland_medium"),     # Volvi: likewise
    ("4901", 108130, "mainland_large"),     # Acharnes: East Attica is not an urban sector
    ("5201", 37175, "island"),              # Salamina: an island whatever its size
    ("5204", 3659, "island"),               # Kythira
    ("2501", 5499, "island"),               # Skiathos
    ("0401", 13055, "island"),              # Thasos
    ("5501", 16458, "island"),              # Lemnos
    ("5401", 8555, "island"),               # Ikaria
    ("0304", 2622, "island"),               # Samothraki, in mainland Evros
    ("2908", 2913, "island"),               # Skyros, in the Evia unit but not on Evia
    ("7403", 151, "island"),                # Gavdos, in the Chania unit but not on Crete
    ("7101", 177064, "mainland_large"),     # Heraklion: Crete counts as mainland
    ("2901", 108313, "mainland_large"),     # Chalkida: Evia counts as mainland
    ("5207", 6118, "mainland_small"),       # Troizinia-Methana: Islands unit, on the Peloponnese
])
def test_named_municipalities(municipalities, groups, code, population, group):
    row = municipalities.set_index("code").loc[code]
    assert row["population_2021"] == population
    assert groups[code] == group


def test_listed_codes_name_the_municipalities_meant(municipalities):
    by_code = municipalities.set_index("code")
    units = dict(zip(municipalities["regional_unit_code"], municipalities["regional_unit_el"], strict=True))
    for unit, name in {**peers.METROPOLITAN_UNITS, **peers.ISLAND_UNITS}.items():
        assert units[unit] == name
    listed = {**peers.METROPOLITAN_MUNICIPALITIES, **peers.ISLAND_MUNICIPALITIES, **peers.MAINLAND_IN_ISLAND_UNITS}
    for code, name in listed.items():
        assert name.startswith(by_code.loc[code, "name_el"])


def test_every_group_has_greek_and_english_labels():
    assert tuple(peers.PEER_GROUP_LABELS) == peers.PEER_GROUPS
    for labels in peers.PEER_GROUP_LABELS.values():
        assert set(labels) == {"el", "en"} and all(labels.values())


# --- peer groups on tiny frames ----------------------------------------------------------------------

def test_population_thresholds():
    groups = peers.peer_groups(frame([
        ("0101", "01", 25001, 1.0), ("0102", "01", 25000, 1.0), ("0103", "01", 10001, 1.0),
        ("0104", "01", 10000, 1.0), ("5301", "53", 90000, 1.0), ("4501", "45", 500, 1.0),
    ]))
    assert groups.to_dict() == {
        "0101": "mainland_large", "0102": "mainland_medium", "0103": "mainland_medium",
        "0104": "mainland_small", "5301": "island", "4501": "metropolitan",
    }
    assert groups.index.name == "code" and groups.name == "peer_group"


def test_codes_read_as_numbers_still_match():
    groups = peers.peer_groups(frame([(707, 7, 92238, 6.52), (304, 3, 2622, 180.51), (706, 7, 55238, 382.91)]))
    assert groups.to_dict() == {707: "metropolitan", 304: "island", 706: "mainland_large"}


def test_missing_population_is_refused_only_where_it_decides():
    islands = peers.peer_groups(frame([("5301", "53", None, 1.0)]))
    assert islands.to_dict() == {"5301": "island"}
    with pytest.raises(ValueError, match="0101"):
        peers.peer_groups(frame([("0101", "01", None, 1.0)]))


def test_duplicate_codes_are_refused():
    with pytest.raises(ValueError, match="0101"):
        peers.peer_groups(frame([("0101", "01", 5, 1.0), ("0101", "01", 6, 1.0)]))


# --- nearest neighbours ------------------------------------------------------------------------------

# Populations 10^3..10^6 and densities 10, 10, 1000, 10 per km². In log10 units the populations
# are 3,4,5,6 (mean 4.5, population variance 1.25) and the densities 1,1,3,1 (mean 1.5, variance
# 0.75); the log base cancels in z-scores. A population step of Δ adds Δ²/1.25 to the squared
# distance, a density step Δ²/0.75.
FOUR = frame([
    ("1003", "10", 100_000, 100.0),
    ("1001", "10", 1_000, 100.0),
    ("1004", "10", 1_000_000, 100_000.0),
    ("1002", "10", 10_000, 1_000.0),
])
D12 = math.sqrt(1 / 1.25)               # 1001-1002: one population step
D13 = math.sqrt(4 / 1.25 + 4 / 0.75)    # 1001-1003: two population steps, two density steps
D14 = math.sqrt(9 / 1.25)               # 1001-1004
D23 = math.sqrt(1 / 1.25 + 4 / 0.75)    # 1002-1003
D24 = math.sqrt(4 / 1.25)               # 1002-1004
D34 = math.sqrt(1 / 1.25 + 4 / 0.75)    # 1003-1004: the same as 1002-1003, a tie


def test_four_municipalities_by_hand():
    got = peers.nearest_neighbours(FOUR, k=10)
    expected = [
        ("1001", "1002", 1, D12), ("1001", "1004", 2, D14), ("1001", "1003", 3, D13),
        ("1002", "1001", 1, D12), ("1002", "1004", 2, D24), ("1002", "1003", 3, D23),
        ("1003", "1002", 1, D23), ("1003", "1004", 2, D34), ("1003", "1001", 3, D13),  # tie broken by code
        ("1004", "1002", 1, D24), ("1004", "1003", 2, D34), ("1004", "1001", 3, D14),
    ]
    assert list(got.columns) == ["code", "neighbour_code", "rank", "distance"]
    assert [tuple(row[:3]) for row in got.itertuples(index=False)] == [row[:3] for row in expected]
    assert got["distance"].tolist() == pytest.approx([row[3] for row in expected], abs=1e-12)


def test_k_keeps_the_nearest():
    got = peers.nearest_neighbours(FOUR, k=1)
    assert got[["code", "neighbour_code"]].values.tolist() == [
        ["1001", "1002"], ["1002", "1001"], ["1003", "1002"], ["1004", "1002"],
    ]
    with pytest.raises(ValueError):
        peers.nearest_neighbours(FOUR, k=0)


def test_municipalities_without_an_area_take_no_part():
    with_gap = pd.concat([FOUR, frame([("1005", "10", 5_000, None), ("1006", "10", 5_000, 0.0)])])
    got = peers.nearest_neighbours(with_gap, k=10)
    assert set(got["code"]) | set(got["neighbour_code"]) == {"1001", "1002", "1003", "1004"}
    # The other four are standardised among themselves, so their distances are those above.
    assert got["distance"].tolist() == pytest.approx(peers.nearest_neighbours(FOUR)["distance"].tolist())


def test_reference_file_neighbours(municipalities):
    got = peers.nearest_neighbours(municipalities)
    # 332 municipalities less the 14 without an area in the reference file.
    assert got["code"].nunique() == 318
    assert (got.groupby("code")["rank"].apply(list) == [list(range(1, 11))] * 318).all()
    assert not (got["code"] == got["neighbour_code"]).any()
    assert (got.groupby("code")["distance"].diff().dropna() >= 0).all()
    pairs = got.set_index(["code", "neighbour_code"])["distance"]
    for (a, b), distance in pairs.items():
        if (b, a) in pairs.index:
            assert pairs[(b, a)] == pytest.approx(distance)
    # Athens's nearest neighbour is Thessaloniki: the only other municipality of its size and density.
    assert got[(got["code"] == "4501") & (got["rank"] == 1)]["neighbour_code"].item() == "0701"
