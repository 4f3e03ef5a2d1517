"""State-year and dyad-year tables with every covariate: the vectorised verbs against a row-by-row
reference, in one process.

Usage: python benchmarks/bench_tables.py [--data ../shared/data] [--since 1816] [--until 2014] [--sample 20000]

Builds every directed COW dyad-year `since`..`until` with every covariate casus has (all of
`casus.history.covariates.VERBS` and peace years), timing each verb and the peak memory of the
process (its high-water mark, reading the files included). The reference computes the
per-state and per-pair covariates (democracy, IGOs, minimum distance, ATOP, NMC, SDP/GDP, trade)
one row at a time from dictionaries of the same files, on a random sample of rows; its time per
row, scaled to the whole table, gives the ratio. The two must agree cell for cell on the sample.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import resource
import time
from pathlib import Path

import numpy as np
import pandas as pd

from casus.history import covariates as cv
from casus.history import peace
from casus.history.readers import FILES, read_folder
from casus.history.universe import create_dyad_years

ROOT = Path(__file__).resolve().parents[1]


def peak_gib() -> float:
    """The process's peak resident memory so far, GiB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2


def vectorised(t: dict[str, pd.DataFrame], since: int, until: int) -> tuple[pd.DataFrame, dict[str, float]]:
    """The whole table, verb by verb, with the seconds each took."""
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    d = create_dyad_years(t, "cow", directed=True, since=since, until=until)
    times["create_dyad_years"] = time.perf_counter() - t0
    for name in cv.VERBS:
        if name == "mids":
            continue  # peace years below carry the same onset and ongoing columns
        t0 = time.perf_counter()
        d = cv.add(d, [name], t)
        times[name] = time.perf_counter() - t0
    t0 = time.perf_counter()
    d = peace.add_peace_years(d, t)
    times["peace"] = time.perf_counter() - t0
    return d, times


def reference(t: dict[str, pd.DataFrame], rows: pd.DataFrame) -> pd.DataFrame:
    """The per-state and per-pair covariates of `rows`, one row at a time from dictionaries."""
    dem = {(r.ccode, r.year): r for r in t["democracy"].itertuples(index=False)}
    nmc = {(r.ccode, r.year): r for r in t["cow_nmc"].itertuples(index=False)}
    sdp = {(r.ccode, r.year): r for r in t["sdp_gdp"].itertuples(index=False)}
    trade = {(r.ccode, r.year): r for r in t["cow_trade_state_year"].itertuples(index=False)}
    igo = {(r.ccode1, r.ccode2, r.year): r.dyadigos for r in t["cow_igo_dyad_year"].itertuples(index=False)}
    mind = {(r.ccode1, r.ccode2, r.year): r.mindist for r in t["cow_mindist"].itertuples(index=False)}
    atop = {(r.ccode1, r.ccode2, r.year): r for r in t["atop"].itertuples(index=False)}
    out = []
    for a, b, y in rows[["ccode1", "ccode2", "year"]].itertuples(index=False):
        row: dict[str, float] = {}
        for side, c in (("1", a), ("2", b)):
            d = dem.get((c, y))
            row["v2x_polyarchy" + side] = d.v2x_polyarchy if d is not None else math.nan
            n = nmc.get((c, y))
            row["cinc" + side] = n.cinc if n is not None else math.nan
            s = sdp.get((c, y))
            row["sdpest" + side] = s.sdpest if s is not None else math.nan
            tr = trade.get((c, y))
            row["imports" + side] = tr.imports if tr is not None else math.nan
        lo, hi = min(a, b), max(a, b)
        row["dyadigos"] = igo.get((lo, hi, y), math.nan)  # a pair the file does not code is missing
        row["mindist"] = mind.get((lo, hi, y), math.nan)
        o = atop.get((a, b, y))
        row["atop_defense"] = (o.defense if o is not None else 0) if y <= 2018 else math.nan
        out.append(row)
    return pd.DataFrame(out, index=rows.index)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--since", type=int, default=1816)
    ap.add_argument("--until", type=int, default=2014)
    ap.add_argument("--sample", type=int, default=20_000)
    args = ap.parse_args()

    t0 = time.perf_counter()
    t = read_folder(args.data, FILES)
    read_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    d, times = vectorised(t, args.since, args.until)
    build_s = time.perf_counter() - t0
    peak = peak_gib()

    sample = d.sample(min(args.sample, len(d)), random_state=1)
    t0 = time.perf_counter()
    ref = reference(t, sample)
    ref_s = time.perf_counter() - t0
    ref_whole = ref_s * len(d) / len(sample)
    agree = all(
        np.allclose(pd.to_numeric(sample[c], errors="coerce").to_numpy(dtype=float), ref[c].to_numpy(dtype=float),
                    equal_nan=True)
        for c in ref.columns
    )  # fmt: skip

    print(f"date {dt.date.today()}  machine {platform.system()} {platform.machine()}, {os.cpu_count()} cores")
    print(f"all directed COW dyad-years {args.since}-{args.until}: {len(d):,} rows, {d.shape[1]} columns, "
          f"{d.memory_usage(deep=True).sum() / 1024**3:.2f} GiB in memory")  # fmt: skip
    print(f"reading every file: {read_s:.1f} s; building the table with every covariate: {build_s:.1f} s "
          f"(total {read_s + build_s:.1f} s); peak memory of the process {peak:.2f} GiB")  # fmt: skip
    print("per verb (s): " + ", ".join(f"{k} {v:.2f}" for k, v in times.items()))
    print(f"row-by-row reference (democracy, NMC, SDP, trade on both sides; IGOs, minimum distance, ATOP): "
          f"{len(sample):,} rows in {ref_s:.2f} s, {ref_whole:.0f} s for the whole table at that rate; "
          f"ratio {ref_whole / build_s:.1f}x the vectorised build of every covariate; agree on the sample: {agree}")  # fmt: skip


if __name__ == "__main__":
    main()
