"""The co-organization network of a municipality, on a hand-made database (edges counted by hand)."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from civhub import config, network

ORGS = [
    ("A", "Σύλλογος Α", "social_cooperative", "0101"),
    ("B", "Σύλλογος Β", "solidarity_house", "0101"),
    ("C", "Σύλλογος Γ", "social_clinic", "0101"),
    ("D", "Σύλλογος Δ", "social_cooperative", "0101"),  # registered here, never active: a lone node
    ("E", "Σύλλογος Ε", "social_cooperative", "0102"),  # from elsewhere, a partner here
    ("F", "Σύλλογος Ζ", "social_cooperative", "0102"),  # active only in 0102: not in 0101's network
]
# (activity, lead, municipality); partners below.
ACTIVITIES = [("1", "A", "0101"), ("2", "A", "0101"), ("3", "B", "0101"), ("4", "C", "0101"), ("5", "F", "0102")]
PARTNERS = [("1", "B"), ("1", "C"), ("2", "B"), ("3", "E"), ("5", "A")]
# In 0101: activity 1 ties A-B, A-C, B-C; activity 2 ties A-B again; activity 3 ties B-E; 4 has no partner.
# Activity 5 is held in 0102 and counts only there.
EDGES_0101 = [("A", "B", 2), ("A", "C", 1), ("B", "C", 1), ("B", "E", 1)]


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "net.duckdb"))
    connection.execute((config.SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
    connection.executemany(
        "INSERT INTO municipalities VALUES "
        "(?, ?, ?, ?, '01', 'Ρ', 'EL51', 'Π', 'R', 1000, 10.0, ?, 'unchanged', 'Περιφέρεια Ρ')",
        [("0101", "Α", "Δήμος Α", "A", "0101"), ("0102", "Β", "Δήμος Β", "B", "0102")],
    )
    connection.executemany("INSERT INTO organizations VALUES (?, ?, ?, ?, NULL, NULL, 1)", ORGS)
    connection.executemany(
        "INSERT INTO activities VALUES (?, ?, ?, DATE '2024-01-01', NULL, 'education', 't', NULL, NULL, NULL, NULL, 1)",
        [(a, lead, muni) for a, lead, muni in ACTIVITIES],
    )
    connection.executemany("INSERT INTO activity_partners VALUES (?, ?)", PARTNERS)
    yield connection
    connection.close()


def test_edges_are_counted_per_pair(con):
    net = network.network(con, "0101")
    assert [tuple(row) for row in net.edges.itertuples(index=False)] == EDGES_0101


def test_nodes_are_the_municipality_organizations_and_their_partners(con):
    net = network.network(con, "0101")
    # A: activities 1, 2; B: 1, 2, 3; C: 1, 4; D: none; E: 3.
    activities = dict(zip(net.nodes["org_id"], net.nodes["activities"], strict=True))
    assert activities == {"A": 2, "B": 3, "C": 2, "D": 0, "E": 1}


def test_another_municipality_has_its_own_network(con):
    net = network.network(con, "0102")
    assert [tuple(row) for row in net.edges.itertuples(index=False)] == [("A", "F", 1)]
    assert sorted(net.nodes["org_id"]) == ["A", "E", "F"]


def test_busiest_municipality_hosted_most_co_organized_activities(con):
    # 0101 hosted activities 1, 2, 3 with partners; 0102 only activity 5.
    assert network.busiest(con) == "0101"


def test_layout_is_deterministic_and_inside_the_square(con):
    net = network.network(con, "0101")
    first, second = network.layout(net), network.layout(net)
    assert first.shape == (5, 2)
    np.testing.assert_array_equal(first, second)
    assert np.abs(first).max() == pytest.approx(1.0)


def test_tied_organizations_are_drawn_closer_than_the_lone_one(con):
    net = network.network(con, "0101")
    at = dict(zip(net.nodes["org_id"], network.layout(net), strict=True))
    assert np.linalg.norm(at["A"] - at["B"]) < np.linalg.norm(at["A"] - at["D"])


def test_lone_organizations_do_not_squeeze_the_tied_ones_into_a_knot():
    # A ring of 6 tied organizations and 6 with no tie. Pushed apart freely, the lone ones fly to the edge and
    # the ring, scaled with them into [-1, 1], shrank to about a tenth of the width; drawn to the centre, every
    # tie spans at least a tenth of the width (0.2 of the square's side of 2).
    tied, lone = [f"T{i}" for i in range(6)], [f"L{i}" for i in range(6)]
    nodes = pd.DataFrame({"org_id": tied + lone, "name": tied + lone, "type": "association",
                          "municipality_code": "0101", "activities": 1})
    edges = pd.DataFrame({"source": tied, "target": tied[1:] + tied[:1], "weight": 1})
    at = dict(zip(nodes["org_id"], network.layout(network.Network(nodes=nodes, edges=edges)), strict=True))
    lengths = [np.linalg.norm(at[s] - at[t]) for s, t in zip(edges["source"], edges["target"], strict=True)]
    assert min(lengths) > 0.2


def test_tables_name_organizations_and_count_ties(con):
    net = network.network(con, "0101")
    ties = network.ties_table(net, "en")
    assert ties.columns.tolist() == ["Organization", "Partner organization", "Activities together"]
    assert ties.iloc[0].tolist() == ["Σύλλογος Α", "Σύλλογος Β", 2]
    organizations = network.organizations_table(net, "el")
    # B has 3 ties (A, C, E), A and C 2, E 1, D none.
    assert organizations["Δεσμοί"].tolist() == [3, 2, 2, 1, 0]
    assert organizations["Οργάνωση"].tolist()[0] == "Σύλλογος Β"
