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
counts over one fixed ordering of each scorer's probabilities, so a resample costs a few passes
over the candidates rather than a sort. The same resamples score every scorer, so the difference
between the model and a baseline has its own (paired) interval: a baseline that the model beats
in every resample is beaten for a reason, not by the luck of which wars happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
METRICS = ("auc", "average_precision", "brier", "recall_at_10")
LEVEL = 0.90
RESAMPLES = 200


@dataclass(frozen=True)
class _Scorer:
    """One scorer's probabilities reduced to what any resample needs."""

    group: I64  # per candidate: its rank among the distinct probabilities, highest first
    n_groups: int
    sq_error: F64  # per dispute: summed squared error of the probabilities
    hits: F64  # per dispute: joiners among its ten most likely candidates (recall@10's ordering)


def _scorer(p: F64, y: F64, dispute: I64, n_disputes: int) -> _Scorer:
    values, inverse = np.unique(-p, return_inverse=True)  # ascending in -p: highest probability first
    # recall@10's ordering: probability descending, then table order (a stable sort keeps it)
    order = np.lexsort((np.arange(len(p)), -p, dispute))
    sorted_dispute = dispute[order]
    first = np.searchsorted(sorted_dispute, sorted_dispute, side="left")
    top = (np.arange(len(p)) - first) < 10
    hits = np.bincount(sorted_dispute[top], weights=y[order][top], minlength=n_disputes).astype(np.float64)
    sq = np.bincount(dispute, weights=(np.clip(p, 0, 1) - y) ** 2, minlength=n_disputes).astype(np.float64)
    return _Scorer(inverse.astype(np.int64), len(values), sq, hits)


def _weighted(s: _Scorer, y: F64, row_w: F64, dispute_w: F64, joiners: F64, sizes: F64) -> F64:
    """AUC, AP, Brier and recall@10 of one scorer with candidates weighted by `row_w`."""
    pos = np.bincount(s.group, weights=row_w * y, minlength=s.n_groups)
    neg = np.bincount(s.group, weights=row_w * (1.0 - y), minlength=s.n_groups)
    tp, fp = np.cumsum(pos), np.cumsum(neg)
    n_pos, n_neg = tp[-1], fp[-1]
    auc = float((neg * (tp - pos / 2)).sum() / (n_pos * n_neg)) if n_pos > 0 and n_neg > 0 else np.nan
    called = tp + fp
    precision = np.divide(tp, called, out=np.zeros_like(tp), where=called > 0)
    ap = float((pos * precision).sum() / n_pos) if n_pos > 0 and n_neg > 0 else np.nan
    brier = float((dispute_w * s.sq_error).sum() / (dispute_w * sizes).sum())
    total = (dispute_w * joiners).sum()
    recall = float((dispute_w * s.hits).sum() / total) if total > 0 else np.nan
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
        row_w = dispute_w[dispute]
        for n, s in scorers.items():
            stats[n][r] = _weighted(s, y, row_w, dispute_w, joiners, sizes)
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
        s, y, np.ones(len(y)), ones, np.bincount(dispute, weights=y, minlength=n).astype(np.float64),
        np.bincount(dispute, minlength=n).astype(np.float64),
    )  # fmt: skip
    return dict(zip(METRICS, (float(v) for v in values), strict=True))
