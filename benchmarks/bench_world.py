"""Building a historical year's World from the ATOP and COW files, against a plain reference.

Usage: python benchmarks/bench_world.py [--data ../shared/data] [--years 1914 1962 2001]

The costly step is finding, for every pair and obligation type coded in the year, the first
year of its unbroken run of coded years (`casus.history.world._runs`, grouped pandas
operations). The reference does the same the obvious way: a dictionary of coded years per
(pair, type) filled row by row, then a walk back from the year. Both must agree; the script
checks it. It also times the whole build (`historical_world`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import pandas as pd

from casus.history.readers import read_folder
from casus.history.snapshot import KINDS
from casus.history.world import TABLES, _runs, historical_world
from casus.world import load_states

ROOT = Path(__file__).resolve().parents[1]


def reference_runs(atop: pd.DataFrame, year: int) -> set[tuple[int, int, str, int]]:
    """(a, b, kind, first year of the run) for every pair and kind coded in `year`, row by row."""
    years: dict[tuple[int, int, str], set[int]] = {}
    cols = ["ccode1", "ccode2", "year", *KINDS]
    for c1, c2, y, *flags in atop[cols].itertuples(index=False):
        if y > year:
            continue
        a, b = min(c1, c2), max(c1, c2)
        if any(flags):
            years.setdefault((a, b, "any"), set()).add(y)
        for kind, flag in zip(KINDS, flags, strict=True):
            if flag:
                years.setdefault((a, b, kind), set()).add(y)
    out = set()
    for (a, b, kind), ys in years.items():
        if year in ys:
            first = year
            while first - 1 in ys:
                first -= 1
            out.add((a, b, kind, first))
    return out


T = TypeVar("T")


def _best(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    times, results = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        results.append(fn())
        times.append(time.perf_counter() - t0)
    return min(times), results[-1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--years", type=int, nargs="+", default=[1914, 1962, 2001])
    args = ap.parse_args()
    tables = read_folder(args.data, TABLES)
    registry = load_states()
    atop = tables["atop"]
    print(f"date {dt.date.today()}; {platform.platform()}; ATOP rows {len(atop):,}")
    for year in args.years:
        fast_s, fast = _best(partial(_runs, atop, year))
        ref_s, ref = _best(partial(reference_runs, atop, year), repeat=1)
        got = {(int(r.a), int(r.b), str(r.kind), int(r.first)) for r in fast.itertuples()}
        assert got == ref, f"{year}: the two disagree on {len(got ^ ref)} runs"
        build_s, world = _best(partial(historical_world, tables, year, registry))
        print(
            f"{year}: {len(got):,} runs; vectorised {fast_s * 1000:,.0f} ms, "
            f"reference {ref_s * 1000:,.0f} ms, "
            f"ratio {ref_s / fast_s:,.1f}x; whole world ({len(world.states)} states, "
            f"{len(world.treaties):,} pairs) {build_s * 1000:,.0f} ms"
        )


if __name__ == "__main__":
    main()
