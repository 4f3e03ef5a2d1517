"""Fitting the joining model's per-war level (`casus.joining.WarLevel`) on historical disputes.

Given each candidate's plain log-odds z from the fitted logistic model, the level's offset a,
scale b and sd s maximise the marginal likelihood over disputes,

    prod_d  integral  prod_{i in d} sigmoid(+-(a + b z_i + s u)) phi(u) du,

so that the candidates of one dispute join or stay out together. The integral is taken on a
fixed grid of normal quantile points (trapezoid rule on [-U, U]); Gauss-Hermite rules need far
more nodes here, because a dispute with many joiners pins its level down sharply. The loop over
candidates and grid points is compiled (numba), one dispute per task, and the gradient comes
from the same pass, so a fit on all 385,000 candidates takes seconds.
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize

from casus.joining import WarLevel

__all__ = ["GRID", "SPAN", "fit_level"]

GRID = 81  # grid points for the integral over the level
SPAN = 6.0  # ... on [-SPAN, SPAN] standard deviations


@nb.njit(cache=True, parallel=True)
def _negloglik(z, y, starts, x, lw, a, b, s):  # type: ignore[no-untyped-def]
    """Minus the marginal log-likelihood and its gradient in (a, b, log s)."""
    ng = starts.shape[0] - 1
    k = x.shape[0]
    vals = np.zeros(ng)
    grads = np.zeros((ng, 3))
    for g in nb.prange(ng):
        lo, hi = starts[g], starts[g + 1]
        sig = np.empty((hi - lo, k))
        ll = lw.copy()
        for i in range(lo, hi):
            base = a + b * z[i]
            for j in range(k):
                t = base + s * x[j]
                e = math.exp(-abs(t))
                # log sigmoid(t) and log sigmoid(-t) without overflow
                lp = -math.log1p(e) + (t if t < 0.0 else 0.0)
                p = 1.0 / (1.0 + e) if t >= 0.0 else e / (1.0 + e)
                sig[i - lo, j] = p
                ll[j] += lp if y[i] else lp - t
        mx = ll.max()
        post = np.exp(ll - mx)
        tot = post.sum()
        post /= tot
        vals[g] = -(mx + math.log(tot))
        ga = 0.0
        gb = 0.0
        gs = 0.0
        for i in range(lo, hi):
            for j in range(k):
                r = (y[i] - sig[i - lo, j]) * post[j]
                ga += r
                gb += r * z[i]
                gs += r * x[j]
        grads[g, 0] = -ga
        grads[g, 1] = -gb
        grads[g, 2] = -gs * s
    return vals.sum(), grads.sum(axis=0)


def fit_level(
    z: npt.NDArray[np.float64], joined: npt.NDArray[np.int64], disputes: npt.NDArray[np.int64]
) -> WarLevel:
    """The per-war level maximising the marginal likelihood; parameters rounded so refits reproduce a file."""
    order = np.argsort(disputes, kind="stable")
    zs = np.ascontiguousarray(z[order], dtype=np.float64)
    ys = np.ascontiguousarray(joined[order], dtype=np.int64)
    d = disputes[order]
    starts = np.flatnonzero(np.r_[True, d[1:] != d[:-1], True]).astype(np.int64)
    x = np.linspace(-SPAN, SPAN, GRID)
    w = np.exp(-(x**2) / 2.0)
    lw = np.log(w / w.sum())

    def f(theta: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        v, g = _negloglik(zs, ys, starts, x, lw, theta[0], theta[1], math.exp(theta[2]))
        return float(v), np.asarray(g)

    res = minimize(f, np.array([0.0, 1.0, 0.0]), jac=True, method="L-BFGS-B",
                   options={"maxiter": 500, "gtol": 1e-8, "ftol": 1e-15})  # fmt: skip
    # L-BFGS-B may stop on a failed line search where rounding, not distance, limits progress:
    # accept that only at a stationary point. Never write a file from a fit that did not converge.
    if not res.success and float(np.abs(res.jac).max()) > 1e-4:
        raise RuntimeError(f"war-level fit did not converge: {res.message}")
    a, b, log_s = (float(v) for v in res.x)
    return WarLevel(offset=round(a, 6), scale=round(b, 6), sd=round(math.exp(log_s), 6))
