"""The joining probabilities tabulated, in numpy: P(join) for every state, side and feature
signature (the tie class and the few facts a join can change), computed once per scenario and
read by the compiled trials (`casus.kernel`).

A signature packs 6 tie classes x abstain x enemy border x friendly border x enemy major x
nuclear enemy into 0..191, the order `casus.kernel.signature` computes inside the trials.
"""

from __future__ import annotations

import math

import numpy as np

from casus.joining import IDX
from casus.ties import ABSTAIN, CONSULT, CONTESTED, POLICY, UNTRIGGERED

# Coefficient positions (casus.joining.FEATURES), read by name; numba takes them as constants.
K_DEF_TRIG, K_DEF_STRENGTH, K_DEF_CONT = (
    IDX["defense_triggered"],
    IDX["defense_strength"],
    IDX["defense_contested"],
)
K_DEF_UNTRIG, K_CONSULT, K_POLICY, K_ABSTAIN = (
    IDX["defense_untriggered"],
    IDX["consultation"],
    IDX["policy"],
    IDX["abstain"],
)
K_CONT_ENEMY, K_CONT_FRIEND = IDX["contiguous_enemy"], IDX["contiguous_friend"]
K_ENEMY_MAJOR, K_DETERRED, K_NUC_OPP = IDX["enemy_major"], IDX["deterred"], IDX["nuclear_opposed"]

N_SIG = 192  # 6 tie classes x abstain x enemy border x friendly border x enemy major x nuclear enemy


def probability_table(
    trig: np.ndarray, zconst: np.ndarray, coef: np.ndarray, fights: np.ndarray, reliability: np.ndarray,
    nuclear: np.ndarray, major: np.ndarray, deterrence: bool,
) -> np.ndarray:  # fmt: skip
    """P(join) for every state, side and feature signature: `JoiningModel.probability` tabulated.

    The same sums in the same order as the compiled reference the tests hold it to
    (`tests/compiled_reference.py`), and the logistic through the C
    library's exp (`math.exp`) as numba's is, so the table is equal to the bit; computing it in
    numpy spares the first run after an install compiling a second function.
    """
    n = trig.shape[0]
    sig = np.arange(N_SIG)
    cls, abstain = sig // 32, (sig & 16) != 0
    enemy_border, friend_border = (sig & 8) != 0, (sig & 4) != 0
    enemy_major, det = (sig & 2) != 0, (sig & 1) != 0
    classes = np.array([0, CONSULT, UNTRIGGERED, POLICY, CONTESTED, 0], dtype=np.int64)
    f = classes[cls]  # the tie bit of each class (triggered defence: none; its rank is in trig)
    t = trig.astype(np.int64)[:, :, None]  # [i, s, 1]
    z = np.broadcast_to(zconst[:, :, None], (n, 2, N_SIG)).copy()
    triggered = t > 0
    contested = ~triggered & ((f & CONTESTED) != 0)
    policy = ~triggered & ~contested & ((f & POLICY) != 0)
    untriggered = ~triggered & ~contested & ~policy & ((f & UNTRIGGERED) != 0)
    consult = ~triggered & ~contested & ~policy & ~untriggered & ((f & CONSULT) != 0)
    z = np.where(triggered, z + (coef[K_DEF_TRIG] + coef[K_DEF_STRENGTH] * (t / 6.0)), z)
    z = np.where(contested, z + coef[K_DEF_CONT], z)
    z = np.where(policy, z + coef[K_POLICY], z)
    z = np.where(untriggered, z + coef[K_DEF_UNTRIG], z)
    z = np.where(consult, z + coef[K_CONSULT], z)
    tie = triggered | contested | policy | untriggered | consult | abstain | enemy_border | friend_border
    z = np.where(abstain, z + coef[K_ABSTAIN], z)
    z = np.where(enemy_border, z + coef[K_CONT_ENEMY], z)
    z = np.where(friend_border, z + coef[K_CONT_FRIEND], z)
    z = np.where(enemy_major, z + coef[K_ENEMY_MAJOR], z)
    # Signature bit 1 is set only where deterrence applies (`signature`), so the table reads it alone.
    nuc = np.where(nuclear[:, None, None], coef[K_NUC_OPP], coef[K_DETERRED])
    z = np.where(det, z + nuc, z)
    exp = np.frompyfunc(math.exp, 1, 1)
    p = 1.0 / (1.0 + exp(-z).astype(np.float64))
    rel = reliability[:, None, None]
    p = np.where((triggered | contested) & ~np.isnan(rel), rel, p)
    p = np.where(~tie & ~major[:, None, None], 0.0, p)
    p = np.where(fights[:, :, None], p, 0.0)
    impossible = ((cls == 5) & (t == 0)) | ((cls < 5) & (t > 0))  # classes no signature of i reaches
    return np.where(impossible, 0.0, p)


def initial_probabilities(
    table: np.ndarray, side0: np.ndarray, flags0: np.ndarray, adj0: np.ndarray, trig: np.ndarray,
    deterrence: bool, glob0: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """P(join A), P(join B) for every state given only the initial belligerents, read from the
    probability table at each state's signature (the vectorised twin of `signature`)."""
    n = side0.shape[0]
    p = np.zeros((n, 2))
    cls = np.select(
        [trig > 0, (flags0 & CONTESTED) != 0, (flags0 & POLICY) != 0, (flags0 & UNTRIGGERED) != 0,
         (flags0 & CONSULT) != 0],
        [5, 4, 3, 2, 1],
        0,
    )  # fmt: skip
    out = side0 < 0
    for s in range(2):
        enemy_major, enemy_nuclear = bool(glob0[1 - s]), bool(glob0[3 - s])
        sig = (
            cls[:, s] * 32
            + np.where((flags0[:, s] & ABSTAIN) != 0, 16, 0)
            + np.where(adj0[:, 1 - s], 8, 0)
            + np.where(adj0[:, s], 4, 0)
            + (2 if enemy_major else 0)
            + (1 if deterrence and enemy_nuclear else 0)
        )
        p[out, s] = table[np.flatnonzero(out), s, sig[out]]
    return p


def level_odds(p0: np.ndarray, fixed: np.ndarray, offset: float, scale: float) -> np.ndarray:
    """exp(-(offset + scale * logit p0)) per state and side; -1 where the level does not apply.

    It does not apply where p0 is 0 or 1 or `fixed` (a user's reliability override) holds.

    >>> level_odds(np.array([[0.5, 0.0], [0.2, 0.9]]), np.array([[False, False], [True, False]]), 0.0, 1.0)
    array([[ 1.        , -1.        ],
           [-1.        ,  0.11111111]])
    """
    e = np.full(p0.shape, -1.0)
    ok = (p0 > 0.0) & (p0 < 1.0) & ~fixed
    z = np.log(p0[ok] / (1.0 - p0[ok]))
    with np.errstate(over="ignore"):  # inf for a vanishing p0 gives probability 0, as it should
        e[ok] = np.exp(-(offset + scale * z))
    return e
