"""The simulator's conventions, defined once: side indices and the bits of a tie.

Side 0 is side A (the attackers: the side of the first event's actor, MID's side A in history),
side 1 is side B (the attacked). A state's ties toward a side are bits in one integer; the
strongest one decides the joining model's one-hot tie feature (`casus.joining.TIE_ORDER`), and a
triggered defence obligation is kept apart, as its automaticity rank.
"""

from __future__ import annotations

__all__ = [
    "ABSTAIN",
    "CAT_NAMES",
    "CONSULT",
    "CONTESTED",
    "POLICY",
    "SIDE_A",
    "SIDE_B",
    "TRIGGERED",
    "UNTRIGGERED",
]

SIDE_A, SIDE_B = 0, 1
CONTESTED, UNTRIGGERED, CONSULT, POLICY, ABSTAIN = 1, 2, 4, 8, 16
TRIGGERED = 0  # a Tie's category for a triggered defence obligation (its rank says how automatic)
CAT_NAMES = {
    CONTESTED: "defence (contested)",
    UNTRIGGERED: "defence (not triggered)",
    CONSULT: "consultation",
    POLICY: "policy commitment",
    ABSTAIN: "duty to abstain",
}
