"""Running a sweep: in this process, on a local Dask cluster, or on a running Dask scheduler.

Cells already in the output folder's journal are skipped. The others are submitted to Dask one
task per cell (small cells in batches of up to 64), with the shared context sent to every worker
once; each finished cell is written to the journal the moment its task's result arrives, so a
killed worker (Dask reruns its tasks elsewhere) or an interrupted sweep loses no finished cell.
A cell's numbers depend only on its inputs and seed, so where and in what order it ran makes no
difference to the results.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casus.model import CasusError
from casus.sweep.cell import META, Context, run_cell, run_cells
from casus.sweep.journal import Journal, read_journal, write_results
from casus.sweep.spec import Plan, digest
from casus.version import __version__

MANIFEST = "sweep.json"
TASK_TRIALS = 250_000  # trials per Dask task, at least (small cells are sent in batches)
MAX_BATCH = 64
SUMMARY = "summary.html"


class SweepError(CasusError):
    """A sweep could not finish (unreachable scheduler, a failing cell); one line for the user."""


@dataclass
class SweepRun:
    """A finished sweep."""

    rows: list[dict[str, Any]]
    columns: list[str]
    reused: int
    computed: int
    unreadable: int
    wall_s: float
    where: str
    out: Path


def columns(plan: Plan) -> list[str]:
    """The results' columns: identity, varied inputs, outcomes (probabilities with their standard
    errors), then seed, versions and timing."""
    outs: list[str] = []
    for name in plan.spec.outcomes:
        outs.append(name)
        if name.startswith("p_"):
            outs.append(f"{name}_se")
    return [*META[:4], *(v.key for v in plan.variables), *outs, *META[4:]]


@contextmanager
def _client(scheduler: str | None, workers: int, timeout: float) -> Iterator[tuple[Any, str]]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=f"{timeout}s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise SweepError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        try:
            n = len(client.scheduler_info()["workers"])
            yield client, f"Dask scheduler {scheduler} ({n} workers at start)"
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    client = Client(cluster)
    try:
        yield client, f"local Dask cluster of {workers} worker processes"
    finally:
        client.close()
        cluster.close()


def batch_size(trials: int, cells: int, slots: int) -> int:
    """Cells per Dask task: enough trials that scheduling costs little (a task costs a few
    milliseconds), few enough that every worker thread gets several tasks to balance the load."""
    by_work = -(-TASK_TRIALS // max(trials, 1))
    by_balance = max(1, cells // (4 * slots))
    return max(1, min(by_work, by_balance, MAX_BATCH))


def _describe(plan: Plan, index: int) -> str:
    cell = plan.cells[index]
    inputs = ", ".join(f"{k}={v!r}" for k, v in cell.inputs.items())
    return f"cell {index} ({plan.scenarios[cell.scenario].file}{'; ' + inputs if inputs else ''})"


def _write_manifest(out: Path, data: dict[str, Any]) -> None:
    tmp = out / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def _manifest(plan: Plan, reused: int) -> dict[str, Any]:
    """What sweep.json says while the sweep runs: its inputs, versions and seeds."""
    return {
        "name": plan.spec.name,
        "spec": str(plan.path),
        "spec_digest": plan.spec_digest,
        "cells": len(plan.cells),
        "reused": reused,
        "computed": 0,
        "status": "running",
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seed": plan.spec.seed,
        "seeds": plan.spec.seeds,
        "trials": plan.spec.trials,
        "model_version": plan.model.label,
        "data_version": plan.model.data_version,
        "world_version": plan.world_version,
        "casus_version": __version__,
        "results": "results.parquet",
        "summary": SUMMARY,
    }


def _rows(plan: Plan, done: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every cell's row in the plan's order (a reused cell may have had another place before)."""
    rows = []
    for cell in plan.cells:
        row = dict(done[cell.cell_id])
        row["cell"] = cell.index
        rows.append(row)
    return rows


def run_sweep(
    plan: Plan,
    out: str | os.PathLike[str],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    started: Callable[[int, int], None] | None = None,
    advance: Callable[[int], None] | None = None,
    connect_timeout: float = 20.0,
) -> SweepRun:
    """Run every cell not already in `out`'s journal; write results.parquet, sweep.json, summary.html.

    `workers=0` runs in this process without Dask; otherwise a local cluster of `workers`
    processes (default: the machine's cores) unless `scheduler` names a running one.
    `started(total, reused)` is called once before any cell runs, `advance(1)` per finished cell.
    """
    out = Path(out)
    from casus.sweep.summary import write_summary

    out.mkdir(parents=True, exist_ok=True)
    by_id = {c.cell_id: c for c in plan.cells}
    done, unreadable = read_journal(out, set(by_id))
    reused = len(done)
    todo = [c for c in plan.cells if c.cell_id not in done]
    if started is not None:
        started(len(plan.cells), reused)
    t0 = time.perf_counter()
    manifest = _manifest(plan, reused)
    _write_manifest(out, manifest)
    journal = Journal(out)

    def finished(row: dict[str, Any]) -> None:
        journal.add(row)
        done[row["cell_id"]] = row
        if advance is not None:
            advance(1)

    where = "this process" if todo else "nothing left to run"
    try:
        if workers == 0 and not scheduler:
            ctx = Context.of(plan, threads=None)
            for cell in todo:
                finished(run_cell(cell, ctx))
        elif todo:
            n = workers or os.cpu_count() or 1
            where = _distributed(plan, todo, scheduler, n, finished, connect_timeout)
    except BaseException as exc:
        # The journal keeps every finished cell; the manifest says the sweep stopped and why.
        manifest.update(status="stopped", computed=len(done) - reused, error=f"{type(exc).__name__}: {exc}")
        _write_manifest(out, manifest)
        raise
    finally:
        journal.close()
    wall = time.perf_counter() - t0
    cols = columns(plan)
    rows = _rows(plan, done)
    write_results(out, rows, cols)
    write_summary(out / SUMMARY, plan, rows)
    computed = len(todo)
    manifest.update(
        computed=computed,
        status="complete",
        where=where,
        wall_s=round(wall, 3),
        finished=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        unreadable_journal_lines=unreadable,
    )
    _write_manifest(out, manifest)
    return SweepRun(rows, cols, reused, computed, unreadable, wall, where, out)


def _distributed(
    plan: Plan,
    todo: list[Any],
    scheduler: str | None,
    workers: int,
    finished: Callable[[dict[str, Any]], None],
    timeout: float,
) -> str:
    from dask.distributed import as_completed

    with _client(scheduler, workers, timeout) as (client, where):
        ctx = client.scatter(Context.of(plan, threads=1), broadcast=True)
        slots = max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))
        size = batch_size(plan.spec.trials, len(todo), slots)
        batches = [todo[i : i + size] for i in range(0, len(todo), size)]
        keys = [f"casus-cells-{digest([c.cell_id for c in b])}" for b in batches]
        futures = client.map(run_cells, batches, ctx=ctx, key=keys)
        first = {f.key: b[0].index for f, b in zip(futures, batches, strict=True)}
        try:
            for fut in as_completed(futures):
                try:
                    rows = fut.result()
                except Exception as exc:
                    what = _describe(plan, first[fut.key])
                    raise SweepError(f"{what} failed: {type(exc).__name__}: {exc}") from None
                for row in rows:
                    finished(row)
                fut.release()
        finally:
            client.cancel(futures)
    return where
