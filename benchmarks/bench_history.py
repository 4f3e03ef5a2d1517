"""History pipeline timings on a data folder, against a row-by-row reference, in one process.

Usage: python benchmarks/bench_history.py [--data ../shared/data] [--sample 3000]

Prints: the vectorised feature build for every candidate, and the same features computed one
candidate at a time in plain Python (the reference) on a random sample, as candidates per
second and their ratio (the two are checked to agree on the sample); the per-war level's fit on
every candidate, compiled (`casus.history.level`) against the same objective in plain numpy
arrays (checked to give the same parameters); then the wall time of the single-model and
forward-chained backtests with the cascade, as `casus backtest` runs them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import expit, log_expit

from casus.history import level
from casus.history.cascade import HistoryWorld
from casus.history.evaluate import SET_ASIDE, backtest, fit_model, levels_of, model_log_odds
from casus.history.features import build, history_table, originators
from casus.history.readers import read_folder

ROOT = Path(__file__).resolve().parents[1]


def reference_features(tables: dict[str, pd.DataFrame], sample: pd.DataFrame) -> pd.DataFrame:
    """ATOP and contiguity features with each side's originators, one candidate at a time."""
    atop: dict[tuple[int, int, int], tuple[int, ...]] = {}
    for row in tables["atop"].itertuples(index=False):
        atop[(row.ccode1, row.ccode2, row.year)] = (
            row.defense,
            row.offense,
            row.neutral,
            row.nonagg,
            row.consul,
        )
    cont: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
    for row in tables["cow_contiguity"].itertuples(index=False):
        if row.conttype > 0:
            cont[(row.ccode1, row.ccode2)].append((row.conttype, row.stdate.year, row.enddate.year))
    origs: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for row in originators(tables["mid_participants"]).itertuples(index=False):
        origs[row.dispnum].append((row.oc, row.oside))
    out = []
    for c in sample.itertuples(index=False):
        d_same = d_opp = 0
        cs, co = 9, 9
        for oc, oside in origs[c.dispnum]:
            a = atop.get((c.ccode, oc, c.year), (0, 0, 0, 0, 0))
            t = min([k for k, sy, ey in cont.get((c.ccode, oc), []) if sy <= c.year <= ey], default=9)
            if oside == c.side:
                d_same, cs = max(d_same, a[0]), min(cs, t)
            else:
                d_opp, co = max(d_opp, a[0]), min(co, t)
        out.append((d_same, d_opp, cs, co))
    return pd.DataFrame(out, columns=["atop_defense_same", "atop_defense_opp", "cont_same", "cont_opp"])


def reference_level(z: np.ndarray, y: np.ndarray, disputes: np.ndarray) -> tuple[float, float, float]:
    """The level's fit on the same grid and objective, as whole numpy arrays (candidates x points)."""
    order = np.argsort(disputes, kind="stable")
    z, y, d = z[order], y[order], disputes[order]
    starts = np.flatnonzero(np.r_[True, d[1:] != d[:-1]])
    counts = np.diff(np.r_[starts, len(z)])
    x = np.linspace(-level.SPAN, level.SPAN, level.GRID)
    lw = np.log(np.exp(-(x**2) / 2) / np.exp(-(x**2) / 2).sum())

    def f(th: np.ndarray) -> tuple[float, np.ndarray]:
        s = np.exp(th[2])
        t = (th[0] + th[1] * z)[:, None] + s * x[None, :]
        ll = np.where(y[:, None] == 1, log_expit(t), log_expit(-t))
        big = np.add.reduceat(ll, starts, axis=0) + lw
        mx = big.max(axis=1, keepdims=True)
        e = np.exp(big - mx)
        post = e / e.sum(axis=1, keepdims=True)
        r = (y[:, None] - expit(t)) * np.repeat(post, counts, axis=0)
        grad = -np.array([r.sum(), (r.sum(axis=1) * z).sum(), (r @ x).sum() * s])
        return float(-(mx[:, 0] + np.log(e.sum(axis=1))).sum()), grad

    res = minimize(f, np.array([0.0, 1.0, 0.0]), jac=True, method="L-BFGS-B",
                   options={"maxiter": 500, "gtol": 1e-8, "ftol": 1e-15})  # fmt: skip
    return float(res.x[0]), float(res.x[1]), float(np.exp(res.x[2]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--sample", type=int, default=3000)
    args = ap.parse_args()
    tables = read_folder(args.data)

    t = time.perf_counter()
    cands = build(tables)
    t_build = time.perf_counter() - t
    sample = cands.sample(args.sample, random_state=1).reset_index(drop=True)
    t = time.perf_counter()
    ref = reference_features(tables, sample)
    t_ref = time.perf_counter() - t
    cols = list(ref.columns)
    assert (ref.to_numpy() == sample[cols].to_numpy()).all(), "reference and vectorised features differ"
    fast_rate, ref_rate = len(cands) / t_build, len(sample) / t_ref

    m = fit_model(cands, until=None, version="bench", data_ver="", without=SET_ASIDE)
    assert m.level is not None
    p = m.level  # the fit above compiled the level's loop: time a second, warm run
    from casus.history.features import joining_features

    X = joining_features(cands)
    z = model_log_odds(m, X, levels_of(cands))  # each candidate at its dispute's level, as the fit does
    y, disp = cands.joined.to_numpy(), cands.dispnum.to_numpy()
    t = time.perf_counter()
    fast = level.fit_level(z, y, disp)
    t_level = time.perf_counter() - t
    t = time.perf_counter()
    slow = reference_level(z, y, disp)
    t_level_ref = time.perf_counter() - t
    assert fast == p and np.allclose((fast.offset, fast.scale, fast.sd), slow, atol=1e-4), (fast, slow)

    parts = tables["mid_participants"]
    world = HistoryWorld(tables, history_table(tables, parts))
    timings = {}
    for protocol in ("single", "forward"):
        t = time.perf_counter()
        r = backtest(cands, cands, world=world, test_participants=parts, protocol=protocol,  # type: ignore[arg-type]
                     without=SET_ASIDE)  # fmt: skip
        timings[protocol] = (time.perf_counter() - t, r["metrics"])
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    print(f"date {dt.date.today()}  machine {machine}")
    print(
        f"features, vectorised: {len(cands):,} candidates in {t_build:.2f} s = {fast_rate:,.0f} candidates/s"
    )
    print(f"features, reference:  {len(sample):,} candidates in {t_ref:.2f} s = {ref_rate:,.0f} candidates/s "
          f"(ATOP and contiguity only)")  # fmt: skip
    print(f"ratio {fast_rate / ref_rate:,.0f}x")
    print(f"per-war level fit, compiled: {t_level:.2f} s; numpy reference: {t_level_ref:.2f} s; "
          f"ratio {t_level_ref / t_level:.1f}x (sd {fast.sd:.3f})")  # fmt: skip
    for protocol, (secs, m) in timings.items():
        print(f"backtest {protocol}: {secs:.1f} s (AUC {m['auc']:.3f}, AP {m['average_precision']:.4f}, "
              f"recall@10 {m['recall_at_10']:.3f})")  # fmt: skip


if __name__ == "__main__":
    main()
