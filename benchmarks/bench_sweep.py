"""Scaling of `casus sweep` from one Dask worker to two on this machine.

Usage: python benchmarks/bench_sweep.py [--cells 40] [--trials 1000000] [--max-workers 2]

A grid over both Korea-pact example scenarios (North Korea's reliability in `--cells / 2` steps),
each cell a full Monte Carlo run of `--trials` trials. Reference, in the same run: the same cells
computed one after another in this process with one simulation thread (what one core does with
no scheduler at all). Then a local Dask cluster of 1, 2, ... workers (one thread each; started
before the clock, so start-up is reported apart) runs the same sweep through `casus.sweep`.
Prints seconds, cells per second, the ratio to the reference, and the parallel efficiency
T(1 worker) / (k × T(k workers)); checks that every run produced the same numbers. As a ceiling
for what this machine allows, the reference is also run as k plain processes at once (no Dask),
each on its share of the cells. Each timing is the best of `--repeat` runs (the machine is shared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import multiprocessing as mp
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]


def spec_file(folder: Path, cells: int, trials: int) -> Path:
    """The benchmark sweep: two scenarios × cells/2 reliability levels."""
    steps = max(2, cells // 2)
    spec = {
        "name": "scaling benchmark",
        "scenarios": [
            str(ROOT / "examples" / "kursk-2025.yaml"),
            str(ROOT / "examples" / "belgorod-2025.yaml"),
        ],
        "vary": {"assumptions.overrides.PRK.reliability": {"from": 0.0, "to": 1.0, "steps": steps}},
        "trials": trials,
        "seed": 7,
        "outcomes": ["p_war:PRK", "p_spread", "war_size_mean", "p_nuclear_opposed"],
    }
    path = folder / "bench-sweep.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    return path


def _warm(ctx: object, cell: object) -> None:
    from casus.sweep.cell import run_cell

    run_cell(cell, ctx)  # type: ignore[arg-type]


def _noop(_: int) -> None:
    return None


def _cells(job: tuple[object, list[object]]) -> int:
    from casus.sweep.cell import run_cell

    ctx, cells = job
    for c in cells:
        run_cell(c, ctx)  # type: ignore[arg-type]
    return len(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=40)
    parser.add_argument("--trials", type=int, default=1_000_000)
    parser.add_argument("--max-workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    import numba
    from dask.distributed import Client, LocalCluster

    from casus.sweep.cell import Context, run_cell
    from casus.sweep.run import run_sweep
    from casus.sweep.spec import load_plan
    from casus.world import load_world

    world = load_world(use_env=False)
    tmp = Path(tempfile.mkdtemp(prefix="casus-bench-sweep-"))
    plan = load_plan(spec_file(tmp, args.cells, args.trials), world)
    n = len(plan.cells)
    print(
        f"{n} cells × {args.trials:,} trials; {os.cpu_count()} cores; numba {numba.__version__}", flush=True
    )

    # Warm the compiled kernel (cached on disk) outside every clock.
    ctx = Context.of(plan, threads=1)
    run_cell(plan.cells[0], ctx)
    t_ref = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        reference = pd.DataFrame([run_cell(c, ctx) for c in plan.cells])
        t_ref = min(t_ref, time.perf_counter() - t)
    print(
        f"reference (this process, 1 thread, no scheduler): {t_ref:.2f} s, {n / t_ref:.2f} cells/s",
        flush=True,
    )
    for k in range(2, args.max_workers + 1):
        with mp.get_context("spawn").Pool(k, initializer=_warm, initargs=(ctx, plan.cells[0])) as pool:
            pool.map(_noop, range(k))
            best = float("inf")
            for _ in range(args.repeat):
                t = time.perf_counter()
                pool.map(_cells, [(ctx, plan.cells[i::k]) for i in range(k)])
                best = min(best, time.perf_counter() - t)
        print(
            f"ceiling: {k} plain processes, no Dask: {best:.2f} s, efficiency {t_ref / (k * best):.0%}",
            flush=True,
        )

    results: dict[int, float] = {}
    starts: dict[int, float] = {}
    for k in range(1, args.max_workers + 1):
        t = time.perf_counter()
        cluster = LocalCluster(n_workers=k, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)  # fmt: skip
        with Client(cluster) as client:
            client.wait_for_workers(k)
            client.run(run_cell, plan.cells[0], ctx)  # load the cached kernel in every worker
            starts[k] = time.perf_counter() - t
            results[k] = float("inf")
            for r in range(args.repeat):
                t = time.perf_counter()
                run = run_sweep(plan, tmp / f"out-{k}-{r}", scheduler=cluster.scheduler_address)
                results[k] = min(results[k], time.perf_counter() - t)
        cluster.close()
        busy = sum(r["elapsed_s"] for r in run.rows)
        print(f"  time inside cells: {busy:.2f} s (reference {reference.elapsed_s.sum():.2f} s)", flush=True)
        same = pd.DataFrame(run.rows).drop(columns="elapsed_s").equals(reference.drop(columns="elapsed_s"))
        eff = results[1] / (k * results[k])
        print(
            f"{k} worker(s): {results[k]:.2f} s, {n / results[k]:.2f} cells/s, "
            f"{t_ref / results[k]:.2f}× the reference, efficiency {eff:.0%} "
            f"(cluster start {starts[k]:.1f} s); same numbers as the reference: {same}",
            flush=True,
        )
        if not same:
            sys.exit("results differ from the reference")
    print(
        f"date {dt.date.today()}, {platform.system()} {platform.machine()}, Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
