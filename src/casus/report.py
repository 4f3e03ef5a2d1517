"""Self-contained HTML reports: the scenario, who is obliged to whom, the quoted provisions."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from casus.model import Scenario
from casus.obligations import ObligationResult, Status, summarise
from casus.present import follows, group_results, obligor_list
from casus.version import __version__
from casus.world import World

__all__ = ["STATUS_COLOUR", "Edge", "Node", "network", "render_report", "write_report"]

STATUS_COLOUR = {Status.TRIGGERED: "#1a7f37", Status.CONTESTED: "#b7791f", Status.NOT_TRIGGERED: "#9aa0a6"}


@dataclass(frozen=True)
class Node:
    """A state drawn in the network picture."""

    id: str
    name: str
    role: str
    x: float
    y: float


@dataclass(frozen=True)
class Edge:
    """An arrow: an attack, or an obligation from obligor to beneficiary."""

    src: Node
    dst: Node
    colour: str
    dashed: bool
    label: str
    kind: str


def network(world: World, scenario: Scenario, results: list[ObligationResult]) -> dict[str, Any]:
    """Lay out the states involved: attacked states in the middle, attackers and obligors around.

    One arrow per obligor and beneficiary, for the strongest obligation between them (military
    assistance over consultation over abstention; triggered over contested).
    """
    roles: dict[str, str] = {}
    for ev in scenario.events:
        roles.setdefault(ev.target, "target")
        roles.setdefault(ev.actor, "attacker")
    live = [r for r in results if r.status is not Status.NOT_TRIGGERED]
    for r in live:
        for a in r.against:
            roles.setdefault(a, "attacker")
        roles.setdefault(r.obligor, "obligor")
    targets = sorted(s for s in roles if roles[s] == "target")
    ring = sorted((s for s in roles if roles[s] != "target"), key=lambda s: (roles[s] != "attacker", s))
    size = max(520, min(1000, 300 + 16 * len(ring)))
    c, radius = size / 2, size / 2 - 40
    nodes: dict[str, Node] = {}

    def add(sid: str, x: float, y: float) -> None:
        state = world.states.find(sid)
        nodes[sid] = Node(sid, state.name if state else sid, roles[sid], x, y)

    for i, sid in enumerate(targets):
        add(sid, c + (i - (len(targets) - 1) / 2) * 110, c)
    for i, sid in enumerate(ring):
        angle = math.pi + 2 * math.pi * i / max(len(ring), 1)
        add(sid, c + radius * math.cos(angle), c + radius * math.sin(angle))
    edges = [
        Edge(nodes[ev.actor], nodes[ev.target], "#c62828", False, ev.kind.value.replace("_", " "), "attack")
        for ev in scenario.events
        if ev.actor in nodes
    ]

    def strength(r: ObligationResult) -> tuple[int, int]:
        kind = (
            0
            if r.type.value in ("defense", "offense") and r.binding
            else 1
            if r.type.value == "consultation"
            else 2
        )
        return (kind, r.status is not Status.TRIGGERED)

    best: dict[tuple[str, str], ObligationResult] = {}
    for r in sorted(live, key=strength):
        best.setdefault((r.obligor, r.beneficiary), r)
    for r in best.values():
        dashed = strength(r)[0] > 0
        label = f"{r.treaty} {r.article}"
        edges.append(
            Edge(nodes[r.obligor], nodes[r.beneficiary], STATUS_COLOUR[r.status], dashed, label, r.type.value)
        )
    return {"size": size, "nodes": list(nodes.values()), "edges": edges}


def render_report(
    scenario: Scenario, results: list[ObligationResult], world: World, sim: Any | None = None
) -> str:
    """The report as one HTML string with no external resources."""
    env = Environment(loader=PackageLoader("casus", "templates"), autoescape=select_autoescape(["html"]))
    template = env.get_template("report.html")
    groups = group_results(results)
    return template.render(
        scenario=scenario,
        world=world,
        groups=groups,
        follows=follows(summarise(results)),
        net=network(world, scenario, results),
        colours={s.value: c for s, c in STATUS_COLOUR.items()},
        obligor_list=obligor_list,
        version=__version__,
        counts={s.value: sum(1 for g in groups if g.first.status is s) for s in Status},
        sim=sim,
        charts=_charts(sim) if sim is not None else None,
    )


def _charts(sim: Any) -> dict[str, str]:
    from casus import charts

    out = {
        "script": charts.plotly_script(),
        "bars": charts.probability_bars(sim),
        "sizes": charts.war_size_histogram(sim),
    }
    if sim.sensitivity:
        out["tornado"] = charts.tornado(sim)
    return out


def write_report(
    path: str | os.PathLike[str],
    scenario: Scenario,
    results: list[ObligationResult],
    world: World,
    sim: Any | None = None,
) -> None:
    """Write the report atomically, so a failure never leaves half a file."""
    path = Path(path)
    html = render_report(scenario, results, world, sim)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
