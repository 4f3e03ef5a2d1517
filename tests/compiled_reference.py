"""The joining probability compiled with numba, as the trials computed it before the table: the
reference `casus.join_table.probability_table` is held equal to, bit for bit (a test helper).

The same function as `casus.joining.JoiningModel.probability`, over the kernel's arrays.
"""

from __future__ import annotations

import math

import numba as nb

from casus.join_table import (
    K_ABSTAIN,
    K_CONSULT,
    K_CONT_ENEMY,
    K_CONT_FRIEND,
    K_DEF_CONT,
    K_DEF_STRENGTH,
    K_DEF_TRIG,
    K_DEF_UNTRIG,
    K_DETERRED,
    K_ENEMY_MAJOR,
    K_NUC_OPP,
    K_POLICY,
)
from casus.ties import ABSTAIN, CONSULT, CONTESTED, POLICY, UNTRIGGERED


@nb.njit
def join_probability(  # type: ignore[no-untyped-def]
    i, s, trig, flags, adj, zconst, coef, fights, reliability,
    enemy_major, enemy_nuclear, nuclear, major, deterrence,
):  # fmt: skip
    """P(state i joins side s); the same function as JoiningModel.probability.

    `fights[i, s]` is False where the scenario keeps the state off side s (it does not fight, or
    a reliability override binds it to the other side).
    """
    if not fights[i, s]:
        return 0.0
    t = trig[i, s]
    f = flags[i, s]
    # The strongest tie decides the tie feature (one-hot), so that ties do not stack.
    z = zconst[i, s]
    tie = True
    if t > 0:
        z += coef[K_DEF_TRIG] + coef[K_DEF_STRENGTH] * (t / 6.0)
        if not math.isnan(reliability[i]):
            return reliability[i]
    elif f & CONTESTED:
        z += coef[K_DEF_CONT]
        if not math.isnan(reliability[i]):
            return reliability[i]
    elif f & POLICY:
        z += coef[K_POLICY]
    elif f & UNTRIGGERED:
        z += coef[K_DEF_UNTRIG]
    elif f & CONSULT:
        z += coef[K_CONSULT]
    else:
        tie = False
    if f & ABSTAIN:
        z += coef[K_ABSTAIN]
        tie = True
    if adj[i, 1 - s]:
        z += coef[K_CONT_ENEMY]
        tie = True
    if adj[i, s]:
        z += coef[K_CONT_FRIEND]
        tie = True
    if not tie and not major[i]:  # no tie and not a major power: out of the war
        return 0.0
    if enemy_major:
        z += coef[K_ENEMY_MAJOR]
    if deterrence and enemy_nuclear:
        z += coef[K_NUC_OPP] if nuclear[i] else coef[K_DETERRED]
    return 1.0 / (1.0 + math.exp(-z))
