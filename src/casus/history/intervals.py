"""How sure are a backtest's scores? Bootstrap intervals by start year, and paired differences.

A backtest's AUC, average precision, Brier score and recall@10 are estimates from one history.
Disputes are not independent draws from it: one war appears as many disputes in the same months,
and its joiners move every score together. So the intervals here resample whole *start years*
(every dispute that began in a year goes in or out together), never single disputes or
candidates, which would treat the siblings of one war as separate evidence and give intervals
that are too narrow.

Each resample draws as many start years as were scored, with replacement, and weights every
dispute by how often its year was drawn. The scores of the resample are then computed exactly as
`casus.history.evaluate.metrics` computes them (ties in probability included), from weighted
counts of candidates per dispute around each joiner's probability, so a resample costs a few
products over joiners and disputes rather than a pass over every candidate. The same resamples
score every scorer, so the difference between the model and a baseline has its own (paired)
interval: a baseline that the model beats in every resample is beaten for a reason, not by the
luck of which wars happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

__all__ = ["F64", "I64", "LEVEL", "METRICS", "RESAMPLES", "bootstrap", "point_estimates"]

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
METRICS = ("auc", "average_precision", "brier", "recall_at_10")
LEVEL = 0.90
RESAMPLES = 200


@dataclass(frozen=True)
class _Scorer:
    """One scorer's probabilities reduced to what any resample needs.

    Joiners are few (hundreds) and disputes are weighted whole, so every ranking score is a sum
    over joiners of counts per dispute: for joiner i, how many candidates of each dispute score at
    least as high (`at_least`), and how many non-joiners score lower (`below`) or the same
    (`tied`). A resample is then three products with the dispute weights, not a pass over every
    candidate.
    """

    joiner_dispute: I64  # per joiner: its dispute
    at_least: F64  # [joiner, dispute]: candidates scoring >= the joiner's probability
    below: F64  # [joiner, dispute]: non-joiners scoring < it
    tied: F64  # [joiner, dispute]: non-joiners scoring == it
    joiners_at_least: F64  # [joiner, joiner]: 1 where the second scores >= the first
    sq_error: F64  # per dispute: summed squared error of the probabilities
    hits: F64  # per dispute: joiners among its ten most likely candidates (recall@10's ordering)


def _scorer(p: F64, y: F64, dispute: I64, n_disputes: int) -> _Scorer:
    pos = np.flatnonzero(y > 0)
    t = p[pos]
    at_least = np.zeros((len(pos), n_disputes))
    below = np.zeros((len(pos), n_disputes))
    tied = np.zeros((len(pos), n_disputes))
    order = np.lexsort((p, dispute))  # by dispute, then probability ascending
    bounds = np.searchsorted(dispute[order], np.arange(n_disputes + 1))
    for d in range(n_disputes):
        rows = order[bounds[d] : bounds[d + 1]]
        every = p[rows]
        negative = every[y[rows] == 0]  # still ascending
        at_least[:, d] = len(every) - np.searchsorted(every, t, side="left")
        lo, hi = np.searchsorted(negative, t, side="left"), np.searchsorted(negative, t, side="right")
        below[:, d], tied[:, d] = lo, hi - lo
    # recall@10's ordering: probability descending, then table order (a stable sort keeps it)
    ranked = np.lexsort((np.arange(len(p)), -p, dispute))
    sorted_dispute = dispute[ranked]
    first = np.searchsorted(sorted_dispute, sorted_dispute, side="left")
    top = (np.arange(len(p)) - first) < 10
    hits = np.bincount(sorted_dispute[top], weights=y[ranked][top], minlength=n_disputes).astype(np.float64)
    sq = np.bincount(dispute, weights=(np.clip(p, 0, 1) - y) ** 2, minlength=n_disputes).astype(np.float64)
    joiners_at_least = (t[None, :] >= t[:, None]).astype(np.float64)
    return _Scorer(dispute[pos], at_least, below, tied, joiners_at_least, sq, hits)


def _weighted(s: _Scorer, dispute_w: F64, joiners: F64, sizes: F64) -> F64:
    """AUC, AP, Brier and recall@10 of one scorer with each dispute counted `dispute_w` times.

    The same numbers as `casus.history.evaluate.metrics` on a table holding each dispute that
    many times (scikit-learn's AUC and average precision, ties included).
    """
    w_joiner = dispute_w[s.joiner_dispute]
    n_pos = float(w_joiner.sum())
    n_neg = float((dispute_w * (sizes - joiners)).sum())
    auc = ap = float("nan")
    if n_pos > 0 and n_neg > 0:
        auc = float(w_joiner @ (s.below @ dispute_w + 0.5 * (s.tied @ dispute_w)) / (n_pos * n_neg))
        called = s.at_least @ dispute_w  # 0 only for joiners of disputes left out of this resample
        precision = np.divide(
            s.joiners_at_least @ w_joiner, called, out=np.zeros_like(called), where=called > 0
        )
        ap = float(w_joiner @ precision / n_pos)
    brier = float((dispute_w * s.sq_error).sum() / (dispute_w * sizes).sum())
    total = (dispute_w * joiners).sum()
    recall = float((dispute_w * s.hits).sum() / total) if total > 0 else float("nan")
    return np.array([auc, ap, brier, recall])


def _interval(values: F64, level: float) -> list[float]:
    ok = values[~np.isnan(values)]
    if not len(ok):
        return [float("nan"), float("nan")]
    tail = (1.0 - level) / 2 * 100
    lo, hi = np.percentile(ok, [tail, 100 - tail])
    return [float(lo), float(hi)]


def bootstrap(
    scored: pd.DataFrame,
    names: list[str],
    *,
    reference: str = "model",
    resamples: int = RESAMPLES,
    level: float = LEVEL,
    seed: int = 0,
) -> dict[str, Any]:
    """Intervals for every scorer's metrics, and for the reference's lead over each other scorer.

    `scored` has `dispnum`, `year` (the dispute's start year), `joined` and one column `p_<name>`
    per scorer in `names` (a backtest's scored table); differences need `reference` among `names`.
    Returns the resampling unit, the number of resamples, the level and seed; `metrics`
    (name -> metric -> [low, high]); `difference` (name -> metric -> [low, high] of the reference
    minus that scorer; Brier is better lower, so a positive difference there means the reference
    is worse); and `wins` (name -> metric -> share of resamples in which the reference did better).
    """
    if not 0 < level < 1:
        raise ValueError(f"level must lie between 0 and 1, not {level}")
    if resamples < 1:
        raise ValueError(f"resamples must be at least 1, not {resamples}")
    y = scored.joined.to_numpy(dtype=np.float64)
    disp_codes, dispute = np.unique(scored.dispnum.to_numpy(), return_inverse=True)
    dispute = dispute.astype(np.int64)
    n_disputes = len(disp_codes)
    dispute_year = scored.groupby("dispnum").year.first().reindex(disp_codes).to_numpy()
    years, year_of_dispute = np.unique(dispute_year, return_inverse=True)
    joiners = np.bincount(dispute, weights=y, minlength=n_disputes).astype(np.float64)
    sizes = np.bincount(dispute, minlength=n_disputes).astype(np.float64)
    scorers = {n: _scorer(scored[f"p_{n}"].to_numpy(dtype=np.float64), y, dispute, n_disputes) for n in names}
    rng = np.random.default_rng(seed)
    stats = {n: np.empty((resamples, len(METRICS))) for n in names}
    for r in range(resamples):
        year_w = np.bincount(rng.integers(len(years), size=len(years)), minlength=len(years))
        dispute_w = year_w[year_of_dispute].astype(np.float64)
        for n, s in scorers.items():
            stats[n][r] = _weighted(s, dispute_w, joiners, sizes)
    out: dict[str, Any] = {
        "unit": "start year",
        "n_units": len(years),
        "resamples": resamples,
        "level": level,
        "seed": seed,
        "metrics": {n: {m: _interval(stats[n][:, k], level) for k, m in enumerate(METRICS)} for n in names},
        "difference": {},
        "wins": {},
    }
    ref = stats.get(reference)
    for n in names:
        if ref is None or n == reference:
            continue
        diff = ref - stats[n]
        better = np.where(np.array([m == "brier" for m in METRICS]), -diff, diff)
        out["difference"][n] = {m: _interval(diff[:, k], level) for k, m in enumerate(METRICS)}
        out["wins"][n] = {
            m: float(np.mean(better[~np.isnan(better[:, k]), k] > 0)) if (~np.isnan(better[:, k])).any()
            else float("nan")
            for k, m in enumerate(METRICS)
        }  # fmt: skip
    return out


def point_estimates(scored: pd.DataFrame, name: str) -> dict[str, float]:
    """A scorer's metrics on the scored table itself (every year once): the same computation as a
    resample, so tests can hold it against `casus.history.evaluate.metrics`."""
    y = scored.joined.to_numpy(dtype=np.float64)
    _, dispute = np.unique(scored.dispnum.to_numpy(), return_inverse=True)
    dispute = dispute.astype(np.int64)
    n = int(dispute.max()) + 1 if len(dispute) else 0
    s = _scorer(scored[f"p_{name}"].to_numpy(dtype=np.float64), y, dispute, n)
    ones = np.ones(n)
    values = _weighted(
        s, ones, np.bincount(dispute, weights=y, minlength=n).astype(np.float64),
        np.bincount(dispute, minlength=n).astype(np.float64),
    )  # fmt: skip
    return dict(zip(METRICS, (float(v) for v in values), strict=True))
