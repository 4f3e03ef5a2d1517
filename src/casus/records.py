"""JSON-ready records of states, treaties and the alliance network at a date.

Shared by the command line's `--json` output and the service's API, so both say the same thing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from casus.model import State
from casus.world import TreatyAt, World

__all__ = ["EDGE_TYPES", "network_at", "state_record", "treaty_record", "treaty_row"]

# Obligation types, strongest first (the order filters and legends use).
EDGE_TYPES = ("defense", "offense", "consultation", "neutrality", "non_aggression", "non_assistance")


def state_record(s: State, on: dt.date) -> dict[str, Any]:
    """A state as JSON, with date-dependent facts resolved."""
    rec = s.model_dump(mode="json", exclude_none=True)
    rec["exists"] = s.exists_on(on)
    rec["nuclear_armed"] = s.nuclear_on(on)
    cow = s.cow_on(on)
    rec["cow_on_date"] = cow.model_dump(mode="json", exclude_none=True) if cow else None
    return rec


def treaty_row(ta: TreatyAt) -> dict[str, Any]:
    """One line of a treaty listing: dates, status and parties on the date, provision types."""
    t = ta.treaty
    return {
        "id": t.id,
        "short_name": t.short_name,
        "kind": t.kind.value,
        "binding": t.binding,
        "status": ta.status,
        "signed": t.signed.isoformat(),
        "in_force": t.in_force.isoformat() if t.in_force else None,
        "ended": t.ended.isoformat() if t.ended else None,
        "parties": ta.parties,
        "suspensions": [s.model_dump(mode="json") for s in ta.suspensions],
        "types": sorted({p.type.value for p in t.provisions}),
    }


def treaty_record(ta: TreatyAt) -> dict[str, Any]:
    """A whole treaty (every provision with its text and source) and how it stood on the date."""
    rec = ta.treaty.model_dump(mode="json", by_alias=True)
    rec["on"] = {
        "date": ta.on.isoformat(),
        "status": ta.status,
        "parties": ta.parties,
        "suspensions": [s.model_dump(mode="json") for s in ta.suspensions],
    }
    return rec


def network_at(world: World, on: dt.date) -> dict[str, Any]:
    """States existing on a date and the obligations between them as typed, directed edges.

    One edge per (treaty, provision type, obligor, beneficiary) among the treaty's parties on the
    date; a directed provision runs from its obligors to its beneficiaries, a mutual one both ways.
    Treaties merely signed are included and marked, ended ones are not.
    """
    w = world.at(on)
    nodes = [{"id": s.id, "name": s.name, "region": s.region, "nuclear": s.nuclear_on(on)} for s in w.states]
    edges: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for ta in w.treaties():
        parties = set(ta.parties)
        for p in ta.treaty.provisions:
            kind = p.type.value
            if p.direction.value == "directed":
                pairs = [(a, b) for a in p.obligors for b in p.beneficiaries if a in parties and b in parties]
            else:
                pairs = [(a, b) for a in parties for b in parties if a != b]
            for a, b in pairs:
                key = (ta.treaty.id, kind, a, b)
                edges.setdefault(key, {
                    "source": a, "target": b, "type": kind, "treaty": ta.treaty.id,
                    "article": p.article, "status": ta.status,
                })  # fmt: skip
    return {"date": on.isoformat(), "nodes": nodes, "edges": sorted(edges.values(), key=_edge_order)}


def _edge_order(e: dict[str, Any]) -> tuple[str, str, str, str]:
    return (e["treaty"], e["type"], e["source"], e["target"])
