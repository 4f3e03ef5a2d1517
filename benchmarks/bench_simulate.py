"""Simulation throughput on the full bundled world, against the plain reference, in one process.

Usage: python benchmarks/bench_simulate.py [--scenario examples/belgorod-2025.yaml] [--big 10000000]
       python benchmarks/bench_simulate.py --scenario examples/history/july-1914.yaml --data ../shared/data

Prints trials per second for the numba engine and for the per-trial networkx reference, their
ratio, and the wall time and peak resident memory of a large chunked run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import sys
import time
from pathlib import Path

import numba

from casus import load_world
from casus.cascade import compile_scenario
from casus.escalation import Runner, run_counts
from casus.history.readers import read_folder
from casus.history.world import TABLES, scenario_world
from casus.joining import load_model
from casus.loader import read_file
from casus.scenario import parse_scenario, validate_scenario

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the plain reference is a test helper, not part of the package
from simulate_reference import run_reference  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scenario", type=Path, default=ROOT / "examples" / "belgorod-2025.yaml")
    ap.add_argument("--trials", type=int, default=2_000_000)
    ap.add_argument("--reference-trials", type=int, default=300)
    ap.add_argument("--big", type=int, default=10_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--data", type=Path, default=None, help="ATOP and COW files: run in the scenario's year")
    args = ap.parse_args()

    raw, lines = read_file(args.scenario)
    if args.data is None:
        world = load_world(use_env=False)
    else:
        year_of = validate_scenario(raw, str(args.scenario), lines)
        world = scenario_world(year_of, read_folder(args.data, TABLES), str(args.scenario), lines)
    scenario = parse_scenario(raw, str(args.scenario), lines, world)
    compiled = compile_scenario(world, scenario, load_model())
    runner = Runner(compiled, args.seed, scenario.simulation.rounds)
    print(f"date {dt.date.today()}; {platform.platform()}; {platform.processor() or platform.machine()}; "
          f"{os.cpu_count()} cores; numba {numba.__version__} with {numba.get_num_threads()} threads")  # fmt: skip
    print(f"scenario {args.scenario.name}: {compiled.n} states, {len(compiled.rev_obligor)} ties, "
          f"{len(runner.cand0)} first-round candidates")  # fmt: skip

    run_counts(runner, 4096)  # compile (or load the cache) outside the timing
    best = 0.0
    for _ in range(3):
        t0 = time.perf_counter()
        run_counts(runner, args.trials)
        best = max(best, args.trials / (time.perf_counter() - t0))
    print(f"fast engine: {best:,.0f} trials/s (best of 3 runs of {args.trials:,})")

    t0 = time.perf_counter()
    run_reference(compiled, args.reference_trials, args.seed, scenario.simulation.rounds)
    ref = args.reference_trials / (time.perf_counter() - t0)
    print(
        f"reference (Python loop over a networkx graph): {ref:,.1f} trials/s ({args.reference_trials} trials)"
    )
    print(f"ratio: {best / ref:,.0f}x")

    if args.big:
        t0 = time.perf_counter()
        counts = run_counts(runner, args.big)
        wall = time.perf_counter() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{args.big:,} trials in {wall:.1f} s ({args.big / wall:,.0f} trials/s), chunked; "
              f"peak resident memory of the whole process {peak_mb:,.0f} MB; "
              f"P(nuclear opposed) = {counts['nucopp'] / args.big:.4f}")  # fmt: skip


if __name__ == "__main__":
    main()
