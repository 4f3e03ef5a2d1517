"""Side-by-side comparison of what treaties commit their parties to."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casus.model import Conditions, ObligationType, Provision, Treaty
from casus.world import World

__all__ = ["TYPE_ORDER", "compare", "describe_conditions", "provision_summary"]

TYPE_ORDER = list(ObligationType)


def describe_conditions(c: Conditions) -> list[str]:
    """The conditions of a provision in plain words, one per item."""
    out = []
    if c.scope is not None:
        out.append(f"scope: {c.scope.summary}")
    if c.attacker_must_be_state:
        out.append("attacker must be a state")
    if c.state_of_war_required:
        out.append("attacked party must be in a state of war")
    if c.non_provocation:
        out.append("only if unprovoked")
    if c.request_required:
        out.append("only at the attacked party's request")
    if c.external_attack_only:
        out.append("external attack only")
    if c.adversaries:
        out.append("named adversaries: " + ", ".join(c.adversaries))
    if c.adversary_note:
        out.append(f"adversary: {c.adversary_note}")
    return out


def provision_summary(t: Treaty, p: Provision) -> dict[str, Any]:
    """A provision as a flat, JSON-ready record for comparison and listing."""
    source = p.text_source or t.source
    english = (
        None
        if source.language == "en"
        else next((r for r in p.renderings if r.source.language == "en"), None)
    )
    return {
        "treaty": t.id,
        "article": p.article,
        "type": p.type.value,
        "trigger": p.trigger.value,
        "automaticity": p.automaticity.value,
        "automaticity_rank": p.automaticity.rank,
        "automaticity_label": p.automaticity.label,
        "direction": p.direction.value,
        "obligors": p.obligors,
        "beneficiaries": p.beneficiaries,
        "conditions": describe_conditions(p.conditions),
        "scope": p.conditions.scope.model_dump(mode="json", by_alias=True) if p.conditions.scope else None,
        "escape_clauses": p.escape_clauses,
        "contested": [
            {
                "id": c.id,
                "question": c.question,
                "default": c.default,
                "readings": [r.label for r in c.readings],
                "changes": {r.id: r.overrides for r in c.readings},
            }
            for c in p.contested
        ],
        "text": p.text,
        "verbatim": p.verbatim,
        "language": source.language,
        # the English beside an original in another language: the first published rendering
        "english": None
        if english is None
        else {
            "text": english.text,
            "verbatim": english.verbatim,
            "publisher": english.source.publisher,
        },
        "source": source.model_dump(mode="json"),
    }


def compare(world: World, ids: list[str], on: dt.date | None = None) -> dict[str, Any]:
    """Compare treaties obligation type by obligation type; JSON-ready."""
    treaties = [world.treaty(i) for i in ids]
    when = on or dt.date.today()
    header = []
    for t in treaties:
        header.append(
            {
                "id": t.id,
                "short_name": t.short_name,
                "kind": t.kind.value,
                "binding": t.binding,
                "policy_commitment": t.is_policy,
                "signed": t.signed.isoformat(),
                "in_force": t.in_force.isoformat() if t.in_force else None,
                "ended": t.ended.isoformat() if t.ended else None,
                "status": t.status_on(when),
                "parties": t.parties_on(when),
            }
        )
    rows = []
    for ot in TYPE_ORDER:
        by_treaty = {t.id: [provision_summary(t, p) for p in t.provisions if p.type is ot] for t in treaties}
        if any(by_treaty.values()):
            rows.append({"type": ot.value, "by_treaty": by_treaty})
    strongest = {}
    for t in treaties:
        ranks = [p.automaticity.rank for p in t.provisions if p.type is ObligationType.DEFENSE]
        known = [r for r in ranks if r is not None]
        strongest[t.id] = max(known) if known else None
    return {
        "date": when.isoformat(),
        "treaties": header,
        "obligations": rows,
        "strongest_defense_rank": strongest,
    }
