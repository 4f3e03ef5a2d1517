"""Dyad-year tables on a data folder: the vectorised build against a row-by-row reference, in one process.

Usage: python benchmarks/bench_dyads.py [--data ../shared/data] [--since 1816] [--until 2016]

Prints the time to build every directed dyad-year with ATOP obligations, contiguity, major-power
status and MID onsets by `casus.history.dyads`, the time a plain-Python reference takes to compute
the same columns one pair at a time (dictionaries of the same files), both in dyad-years per
second, their ratio, and whether the two tables agree cell for cell.
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

from casus.history import dyads
from casus.history.features import system_years
from casus.history.readers import read_folder

ROOT = Path(__file__).resolve().parents[1]
COLS = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul", "conttype", "major1",
        "major2", "mid_onset", "mid_together"]  # fmt: skip


def vectorised(t: dict[str, pd.DataFrame], since: int, until: int) -> pd.DataFrame:
    """The table as `casus data dyads` builds it."""
    d = dyads.dyad_years(t["cow_states"], since=since, until=until)
    d = dyads.add_atop(d, t["atop"])
    d = dyads.add_contiguity(d, t["cow_contiguity"])
    d = dyads.add_majors(d, t["cow_majors"])
    return dyads.add_disputes(d, t["mid_participants"])


def reference(t: dict[str, pd.DataFrame], since: int, until: int) -> pd.DataFrame:
    """The same columns one pair at a time, from dictionaries of the files."""
    members: dict[int, list[int]] = defaultdict(list)
    for c, y in system_years(t["cow_states"]).itertuples(index=False):
        if since <= y <= until:
            members[int(y)].append(int(c))
    atop = {(r.ccode1, r.ccode2, r.year): (r.defense, r.offense, r.neutral, r.nonagg, r.consul)
            for r in t["atop"].itertuples(index=False)}  # fmt: skip
    cont: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
    for r in t["cow_contiguity"].itertuples(index=False):
        if r.conttype > 0:
            cont[(r.ccode1, r.ccode2)].append((r.conttype, r.stdate.year, r.enddate.year))
    major = set(map(tuple, system_years(t["cow_majors"]).to_numpy().tolist()))
    spells: dict[int, dict[int, tuple[int, int, int]]] = defaultdict(dict)
    for r in t["mid_participants"].itertuples(index=False):
        side, sy, ey = spells[r.dispnum].get(r.ccode, (r.sidea, r.styear, r.endyear))
        spells[r.dispnum][r.ccode] = (side, min(sy, r.styear), max(ey, r.endyear))
    onset: dict[tuple[int, int, int], list[int]] = defaultdict(lambda: [0, 0])
    for spell in spells.values():
        for a, (sa, ya, ea) in spell.items():
            for b, (sb, yb, eb) in spell.items():
                if a != b and max(ya, yb) <= min(ea, eb):
                    onset[(a, b, max(ya, yb))][0 if sa != sb else 1] += 1
    rows = []
    for year in sorted(members):
        states = sorted(members[year])
        for a in states:
            for b in states:
                if a == b:
                    continue
                ob = atop.get((a, b, year), (0, 0, 0, 0, 0))
                ct = min((k for k, s, e in cont.get((a, b), []) if s <= year <= e), default=0)
                o = onset.get((a, b, year), (0, 0))
                rows.append(
                    (a, b, year, *ob, ct, int((a, year) in major), int((b, year) in major), o[0], o[1])
                )
    return pd.DataFrame(rows, columns=["ccode1", "ccode2", "year", *COLS])


def main() -> None:
    """Time both builds and check they agree."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--since", type=int, default=1816)
    ap.add_argument("--until", type=int, default=2016)
    args = ap.parse_args()
    t = read_folder(args.data)
    t0 = time.perf_counter()
    fast = vectorised(t, args.since, args.until)
    t_fast = time.perf_counter() - t0
    t0 = time.perf_counter()
    ref = reference(t, args.since, args.until)
    t_ref = time.perf_counter() - t0
    key = ["ccode1", "ccode2", "year"]
    a = fast[key + COLS].sort_values(key, ignore_index=True).astype("int64")
    b = ref.sort_values(key, ignore_index=True).astype("int64")
    same = a.equals(b)
    n = len(fast)
    print(f"date {dt.date.today()}  machine {platform.system()} {platform.machine()}, {os.cpu_count()} cores")
    print(f"{n:,} directed dyad-years {args.since}-{args.until}; columns: {', '.join(COLS)}")
    print(f"vectorised (casus.history.dyads): {t_fast:.2f} s, {n / t_fast:,.0f} dyad-years/s")
    print(f"row-by-row reference: {t_ref:.2f} s, {n / t_ref:,.0f} dyad-years/s")
    print(f"ratio {t_ref / t_fast:.1f}x; tables agree cell for cell: {same}")


if __name__ == "__main__":
    main()
