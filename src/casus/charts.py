"""Plotly figures for the report, rendered to HTML fragments that work offline."""

from __future__ import annotations

from typing import Any

import plotly.graph_objects as go
from plotly.offline import get_plotlyjs

__all__ = [
    "A_COLOUR",
    "B_COLOUR",
    "figure_html",
    "plotly_script",
    "probability_bars",
    "tornado",
    "war_size_histogram",
]

A_COLOUR, B_COLOUR = "#c62828", "#1565c0"


def plotly_script() -> str:
    """The plotly.js library, to inline once per report (no network needed to view it)."""
    return str(get_plotlyjs())


def figure_html(fig: go.Figure, div_id: str) -> str:
    """A figure as an HTML fragment in the reports' common style (plotly.js included separately)."""
    fig.update_layout(margin={"l": 10, "r": 10, "t": 40, "b": 10}, template="plotly_white", font={"size": 12})
    return str(
        fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, config={"displaylogo": False})
    )


def probability_bars(sim: Any, top: int = 25) -> str:
    """P(at war) by state, split by side, for the states most likely to join."""
    rows = [s for s in sim.states if s.initial is None][:top][::-1]
    labels = [f"{s.state} {s.name}" for s in rows]
    fig = go.Figure()
    fig.add_bar(
        y=labels,
        x=[s.p_side_a for s in rows],
        name="side A (with the attackers)",
        orientation="h",
        marker_color=A_COLOUR,
        error_x=None,
    )
    fig.add_bar(
        y=labels,
        x=[s.p_side_b for s in rows],
        name="side B (with the attacked)",
        orientation="h",
        marker_color=B_COLOUR,
    )
    # Small probabilities are the rule short of war: scale the axis to them, and say so.
    top_p = max((s.p_war for s in rows), default=0.0)
    upper = 1.0 if top_p > 0.5 else max(0.01, top_p * 1.15)
    fig.update_layout(
        barmode="stack",
        title=f"Probability of joining the war, by side (axis 0 to {upper:.2g})",
        height=120 + 22 * len(rows),
        xaxis={"range": [0, upper], "title": "probability"},
    )
    return figure_html(fig, "chart-probabilities")


def war_size_histogram(sim: Any) -> str:
    """Distribution of the number of belligerents."""
    dist = {int(k): v for k, v in sim.war_size["distribution"].items()}
    fig = go.Figure(go.Bar(x=list(dist), y=list(dist.values()), marker_color="#455a64"))
    fig.update_layout(
        title=f"Number of belligerents (mean {sim.war_size['mean']:.2f})",
        height=320,
        xaxis={"title": "states at war", "dtick": 1},
        yaxis={"title": "probability"},
    )
    return figure_html(fig, "chart-war-size")


def tornado(sim: Any, top: int = 15) -> str:
    """Effect of each assumption on the chosen outcome, largest first."""
    rows = sim.sensitivity[:top][::-1]
    colours = [B_COLOUR if s.delta < 0 else A_COLOUR for s in rows]
    fig = go.Figure(
        go.Bar(y=[s.change for s in rows], x=[s.delta for s in rows], orientation="h", marker_color=colours)
    )
    fig.update_layout(
        title=f"Sensitivity of {sim.outcome} to each assumption",
        height=140 + 26 * len(rows),
        xaxis={"title": "change in outcome"},
        yaxis={"automargin": True},
    )
    return figure_html(fig, "chart-tornado")
