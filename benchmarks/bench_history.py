"""History pipeline timings on a data folder, against a row-by-row reference, in one process.

Usage: python benchmarks/bench_history.py [--data ../shared/data] [--sample 3000]

Prints: the vectorised feature build for every candidate, and the same features computed one
candidate at a time in plain Python (the reference) on a random sample, as candidates per
second and their ratio (the two are checked to agree on the sample); then the wall time of the
single-model and forward-chained backtests with the cascade, as `casus backtest` runs them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import time
from collections import defaultdict
from pathlib import Path

import pandas as pd

from casus.history.cascade import HistoryWorld
from casus.history.evaluate import backtest
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

    parts = tables["mid_participants"]
    world = HistoryWorld(tables, history_table(tables, parts))
    timings = {}
    for protocol in ("single", "forward"):
        t = time.perf_counter()
        r = backtest(cands, cands, world=world, test_participants=parts, protocol=protocol)  # type: ignore[arg-type]
        timings[protocol] = (time.perf_counter() - t, r["metrics"])
    machine = f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores"
    print(f"date {dt.date.today()}  machine {machine}")
    print(
        f"features, vectorised: {len(cands):,} candidates in {t_build:.2f} s = {fast_rate:,.0f} candidates/s"
    )
    print(f"features, reference:  {len(sample):,} candidates in {t_ref:.2f} s = {ref_rate:,.0f} candidates/s "
          f"(ATOP and contiguity only)")  # fmt: skip
    print(f"ratio {fast_rate / ref_rate:,.0f}x")
    for protocol, (secs, m) in timings.items():
        print(f"backtest {protocol}: {secs:.1f} s (AUC {m['auc']:.3f}, AP {m['average_precision']:.4f}, "
              f"recall@10 {m['recall_at_10']:.3f})")  # fmt: skip


if __name__ == "__main__":
    main()
