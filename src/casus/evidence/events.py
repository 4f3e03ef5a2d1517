"""Events an article has told of, remembered by kind, so that a later sentence that names one only
by its noun ("Pyongyang strongly opposes these drills", "condemned the strike on the suburbs")
is read as being about whoever did it."""

from __future__ import annotations

from casus.evidence.model import Claim

__all__ = ["EVENT_NOUNS", "remember"]

# The nouns that name an event already told of, and the kind of claim that told it.
EVENT_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        ["drill", "exercise", "wargame", "maneuver", "manoeuvre", "patrol", "launch", "test"], "show"
    ),
    **dict.fromkeys(
        ["attack", "strike", "airstrike", "bombing", "assault", "offensive", "raid", "shelling"], "attack"
    ),
    **dict.fromkeys(["incident", "incursion", "violation", "intrusion", "collision", "ramming"], "incident"),
    **dict.fromkeys(["deployment", "dispatch"], "deployment"),
}
_KINDS = {
    "mobilize": "show",
    "cooperate_militarily": "show",
    "attack": "attack",
    "coerce": "incident",
    "send_troops": "deployment",
}


def remember(events: dict[str, list[str]], claims: list[Claim]) -> None:
    """Note who did the events a sentence's claims assert, the last told of each kind (an incident
    is the last attack's or coercion's)."""
    told: dict[str, list[str]] = {}  # this sentence's doers by kind: all three of a trilateral drill
    struck: list[str | None] = []  # the target of the first attack told
    for c in claims:
        kind = _KINDS.get(c.relation)
        if kind is None or c.polarity != "positive" or c.subject is None or c.conditional:
            continue
        if kind == "attack":
            # "Iran launched missiles at the US base in retaliation for a U.S. strike on its nuclear
            # facilities": the attack told, not the one it answers; both doers of one strike on Yemen
            struck = struck or [c.object]
            if c.object != struck[0]:
                continue
        doers = told.setdefault(kind, [])
        doers += [c.subject, c.object] if c.relation == "cooperate_militarily" and c.object else [c.subject]
    for kind, doers in told.items():
        events[kind] = list(dict.fromkeys(doers))
        if kind == "attack":  # "the incident" may be the attack last told of, as a coercion may be
            events["incident"] = list(dict.fromkeys(doers))
