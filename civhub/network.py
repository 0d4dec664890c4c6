"""The co-organization network of one municipality: organizations tied by the activities they ran together.

Nodes are organizations (public bodies of the register); edges join two organizations that took part,
as lead or partner, in the same activity held in the municipality, weighted by how many such
activities they share. Volunteers never appear. The layout is computed here with numpy, seeded, so
that the same network is always drawn the same way.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from civhub import db, i18n

LAYOUT_SEED = 2025
LAYOUT_ROUNDS = 200
# The pull of every node towards the centre, per square root of the node count. Without it organizations with
# no tie are pushed to the edge and the layout, scaled to fit them, squeezes the tied ones into a knot
# (a tenth of the width in the demo's networks); with it the tied ones spread over about two thirds.
GRAVITY = 1.0


@dataclass(frozen=True)
class Network:
    """``nodes``: org_id, name, type, municipality_code, activities. ``edges``: source, target, weight."""

    nodes: pd.DataFrame
    edges: pd.DataFrame


def municipalities(con: duckdb.DuckDBPyConnection, language: str) -> dict[str, str]:
    """Every municipality by code, named in ``language``, with its count of co-organized activities."""
    lang = language
    frame = db.query_df(con, "network_municipalities")
    names = frame["name_en" if lang == "en" else "name_el"]
    return {
        code: i18n.t("network.municipality_option", lang, name=name, shared=i18n.fmt_int(shared, lang))
        for code, name, shared in zip(frame["code"], names, frame["shared_activities"], strict=True)
    }


def busiest(con: duckdb.DuckDBPyConnection) -> str | None:
    """The municipality that hosted the most co-organized activities (the lowest code on a tie)."""
    frame = db.query_df(con, "network_municipalities")
    if frame.empty:
        return None
    return frame.sort_values(["shared_activities", "code"], ascending=[False, True])["code"].iloc[0]


def network(con: duckdb.DuckDBPyConnection, municipality_code: str) -> Network:
    """The organizations of ``municipality_code``'s network and their ties."""
    nodes = db.query_df(con, "network_nodes", municipality_code=municipality_code)
    edges = db.query_df(con, "network_edges", municipality_code=municipality_code)
    return Network(nodes=nodes.astype({"activities": "int64"}), edges=edges.astype({"weight": "int64"}))


def layout(net: Network, seed: int = LAYOUT_SEED, rounds: int = LAYOUT_ROUNDS) -> np.ndarray:
    """A position (x, y) in [-1, 1]² for each node, in the order of ``net.nodes``.

    Fruchterman-Reingold: tied nodes pull together (more the heavier the tie), every pair pushes
    apart, every node is drawn towards the centre (``GRAVITY``), and the step cools each round.
    Starting points come from a seeded generator, so the result depends on the network alone.
    """
    count = len(net.nodes)
    if count == 0:
        return np.zeros((0, 2))
    if count == 1:
        return np.zeros((1, 2))
    index = {org: i for i, org in enumerate(net.nodes["org_id"])}
    weights = np.zeros((count, count))
    for source, target, weight in net.edges[["source", "target", "weight"]].itertuples(index=False):
        weights[index[source], index[target]] = weights[index[target], index[source]] = weight
    positions = np.random.default_rng(seed).uniform(-1, 1, size=(count, 2))
    ideal = np.sqrt(4.0 / count)
    for step in np.linspace(0.1, 0.001, rounds):
        positions += _displacement(positions, weights, ideal, step)
    return _fit(positions)


def _displacement(positions: np.ndarray, weights: np.ndarray, ideal: float, step: float) -> np.ndarray:
    delta = positions[:, None, :] - positions[None, :, :]
    distance = np.maximum(np.linalg.norm(delta, axis=2), 0.01)
    push = ideal**2 / distance**2
    pull = weights * distance / ideal
    force = ((push - pull)[:, :, None] * delta).sum(axis=1) - GRAVITY * np.sqrt(len(positions)) * positions
    length = np.maximum(np.linalg.norm(force, axis=1, keepdims=True), 1e-9)
    return force / length * np.minimum(length, step)


def _fit(positions: np.ndarray) -> np.ndarray:
    centred = positions - positions.mean(axis=0)
    scale = np.abs(centred).max()
    return centred / scale if scale > 0 else centred


def figure(net: Network, positions: np.ndarray, lang: str) -> go.Figure:
    """The network drawn with plotly: ties as lines (wider when heavier), organizations coloured by type."""
    fig = go.Figure()
    at = dict(zip(net.nodes["org_id"], map(tuple, positions), strict=True))
    for weight, ties in net.edges.groupby("weight", sort=True):
        xs, ys = _segments(ties, at)
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
            line={"width": min(1 + weight, 8), "color": "rgba(120,120,120,0.6)"},
        ))
    nodes = net.nodes.assign(x=positions[:, 0], y=positions[:, 1])
    for kind, members in nodes.groupby("type", sort=True):
        hover = [
            i18n.t("network.hover", lang, activities=i18n.fmt_int(n, lang))
            for n in members["activities"]
        ]
        fig.add_trace(go.Scatter(
            x=members["x"], y=members["y"], mode="markers", name=i18n.label("org_type", kind, lang),
            hovertext=members["name"].map(_as_text), customdata=hover,
            hovertemplate="%{hovertext}<br>%{customdata}<extra></extra>",
            marker={"size": 10 + 2 * np.sqrt(members["activities"].to_numpy()), "line": {"width": 1, "color": "white"}},
        ))
    hidden = {"visible": False, "range": [-1.15, 1.15]}
    return fig.update_layout(xaxis=hidden, yaxis={**hidden, "scaleanchor": "x"}, margin={"t": 10, "b": 10},
                             legend={"orientation": "h"}, height=600)


def _as_text(name: str) -> str:
    # Plotly reads a few HTML tags in hover text; escaped, a name is shown exactly as written.
    return html.escape(name)


def _segments(ties: pd.DataFrame, at: dict[str, tuple[float, float]]) -> tuple[list, list]:
    # One trace per weight: its lines are joined in one list, broken by None between ties.
    xs, ys = [], []
    for source, target in ties[["source", "target"]].itertuples(index=False):
        (x0, y0), (x1, y1) = at[source], at[target]
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    return xs, ys


def ties_table(net: Network, lang: str) -> pd.DataFrame:
    """The ties as a table to show and export: both organizations named, heaviest first."""
    names = dict(zip(net.nodes["org_id"], net.nodes["name"], strict=True))
    table = net.edges.assign(
        source_name=net.edges["source"].map(names), target_name=net.edges["target"].map(names)
    ).sort_values(["weight", "source", "target"], ascending=[False, True, True])
    columns = {
        "source_name": i18n.t("network.column_source", lang),
        "target_name": i18n.t("network.column_target", lang),
        "weight": i18n.t("network.column_weight", lang),
    }
    return table[list(columns)].rename(columns=columns).reset_index(drop=True)


def organizations_table(net: Network, lang: str) -> pd.DataFrame:
    """The organizations of the network with their type (in ``lang``), ties and activities."""
    ties = pd.concat([net.edges["source"], net.edges["target"]]).value_counts()
    table = net.nodes.assign(
        type=net.nodes["type"].map(lambda kind: i18n.label("org_type", kind, lang)),
        ties=net.nodes["org_id"].map(ties).fillna(0).astype("int64"),
    )
    columns = {
        "name": i18n.t("network.column_name", lang),
        "type": i18n.t("network.column_type", lang),
        "ties": i18n.t("network.column_ties", lang),
        "activities": i18n.t("network.column_activities", lang),
    }
    return table.sort_values(["ties", "org_id"], ascending=[False, True])[list(columns)].rename(
        columns=columns).reset_index(drop=True)
