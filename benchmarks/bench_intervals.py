"""Bootstrap intervals of backtest scores, against a reference that copies each resample's rows.

Usage: python benchmarks/bench_intervals.py [--data ../shared/data] [--resamples 200] [--reference 10]

Scores every candidate of the data folder's disputes with the shipped model's first round and
with a plain logistic fitted on the same candidates (two scorers, as a backtest table holds
five), then times `casus.history.intervals.bootstrap` (weighted counts over one fixed ordering
of each scorer's probabilities) against the plain way: for each resample, build the table with
every drawn start year's rows copied in and score it with scikit-learn's metrics and
`casus.history.evaluate.recall_at_10`. The first `--reference` resamples are done both ways and
checked to give the same scores; the ratio is per resample.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import time
from pathlib import Path

import numpy as np
import pandas as pd

from casus.history.evaluate import fit_logistic, metrics, plain_features, predict
from casus.history.features import build, joining_features
from casus.history.intervals import METRICS, bootstrap
from casus.history.readers import read_folder
from casus.joining import load_model

ROOT = Path(__file__).resolve().parents[1]


def reference(scored: pd.DataFrame, names: list[str], resamples: int, seed: int) -> dict[str, np.ndarray]:
    """Each resample as a table of copied rows, scored by the backtest's own metrics."""
    years = np.unique(scored.groupby("dispnum").year.first().to_numpy())
    by_year = {y: g for y, g in scored.groupby("year")}
    rng = np.random.default_rng(seed)
    out = {n: np.empty((resamples, len(METRICS))) for n in names}
    for r in range(resamples):
        picks = rng.integers(len(years), size=len(years))
        table = pd.concat(
            [
                by_year[years[i]].assign(dispnum=by_year[years[i]].dispnum * 1000 + k)
                for k, i in enumerate(picks)
            ],
            ignore_index=True,
        )
        for n in names:
            m = metrics(table, table[f"p_{n}"].to_numpy())
            out[n][r] = [m[k] for k in METRICS]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--resamples", type=int, default=200)
    ap.add_argument("--reference", type=int, default=10)
    args = ap.parse_args()
    cands = build(read_folder(args.data))
    model = load_model(Path("calibrated"))
    X = joining_features(cands)
    plain = plain_features(cands)
    intercept, coef = fit_logistic(plain, cands.joined.to_numpy())
    scored = cands[["dispnum", "year", "joined"]].assign(
        p_model=predict(model.intercept, model.coefficients, X), p_plain=predict(intercept, coef, plain)
    )
    names = ["model", "plain"]

    t = time.perf_counter()
    fast = bootstrap(scored, names, resamples=args.resamples, seed=0)
    t_fast = (time.perf_counter() - t) / args.resamples
    check = bootstrap(scored, names, resamples=1, seed=0, level=0.5)  # the first resample alone
    t = time.perf_counter()
    slow = reference(scored, names, args.reference, seed=0)
    t_slow = (time.perf_counter() - t) / args.reference
    for n in names:
        for k, m in enumerate(METRICS):
            want = slow[n][0, k]
            assert np.isclose(check["metrics"][n][m][0], want, rtol=1e-9), (
                n,
                m,
                check["metrics"][n][m],
                want,
            )

    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    print(f"date {dt.date.today()}  machine {machine}")
    print(f"{len(scored):,} candidates, {scored.dispnum.nunique():,} disputes, "
          f"{fast['n_units']} start years, {len(names)} scorers")  # fmt: skip
    print(f"bootstrap, weighted counts: {args.resamples} resamples in {t_fast * args.resamples:.2f} s "
          f"= {t_fast * 1000:.1f} ms a resample")  # fmt: skip
    print(f"reference, copied rows:     {args.reference} resamples in {t_slow * args.reference:.2f} s "
          f"= {t_slow * 1000:.0f} ms a resample (first resample checked equal)")  # fmt: skip
    print(f"ratio {t_slow / t_fast:,.0f}x")
    for n in names:
        print(n, {m: [round(v, 4) for v in fast["metrics"][n][m]] for m in METRICS})


if __name__ == "__main__":
    main()
