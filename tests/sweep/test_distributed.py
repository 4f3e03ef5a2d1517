"""A sweep on a real Dask cluster (a scheduler and two workers on loopback) that loses a worker."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from casus.sweep.journal import JOURNAL
from casus.sweep.run import run_sweep
from casus.sweep.spec import load_plan
from casus.world import World

from .conftest import write_spec

DASK = Path(sys.executable).with_name("dask")


def _wait(
    what: str, ok: object, procs: list[subprocess.Popen[bytes]], log: Path, seconds: float = 90
) -> None:
    deadline = time.monotonic() + seconds
    while not ok():  # type: ignore[operator]
        if any(p.poll() is not None for p in procs) or time.monotonic() > deadline:
            pytest.fail(f"{what}: {log.read_text()[-3000:]}")
        time.sleep(0.1)


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[tuple[str, list[subprocess.Popen[bytes]]]]:
    """`dask scheduler` and two single-thread `dask worker` processes (no nanny, so a kill is final)."""
    if not DASK.exists():
        pytest.skip(f"the dask command is not installed next to {sys.executable}")
    from dask.distributed import Client

    sched_file, log = tmp_path / "scheduler.json", tmp_path / "cluster.log"
    logf = log.open("wb")
    common = ["--no-dashboard", "--scheduler-file", str(sched_file)]
    procs = [
        subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", *common], stdout=logf, stderr=logf
        )
    ]
    try:
        _wait(
            "the scheduler did not start",
            lambda: sched_file.exists() and sched_file.stat().st_size > 0,
            procs,
            log,
        )
        address = json.loads(sched_file.read_text())["address"]
        workers = [
            subprocess.Popen(
                [
                    str(DASK),
                    "worker",
                    "--host",
                    "127.0.0.1",
                    "--nthreads",
                    "1",
                    "--no-nanny",
                    "--name",
                    f"w{i}",
                    *common,
                ],
                stdout=logf,
                stderr=logf,
            )
            for i in range(2)
        ]
        procs += workers
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=90)
        yield address, workers
    finally:
        for p in procs:
            p.kill()
            p.wait()
        logf.close()


def test_a_worker_killed_midway_loses_nothing_and_changes_nothing(
    cluster: tuple[str, list[subprocess.Popen[bytes]]], world: World, tmp_path: Path
) -> None:
    address, workers = cluster
    plan = load_plan(write_spec(tmp_path, trials=200_000), world)
    total = len(plan.cells)
    out = tmp_path / "distributed"
    finished = [0]
    killed_at: list[int] = []

    def advance(k: int) -> None:
        finished[0] += k
        if finished[0] >= total // 3 and not killed_at:
            os.kill(workers[0].pid, signal.SIGKILL)
            killed_at.append(finished[0])

    run = run_sweep(plan, out, scheduler=address, advance=advance)
    assert (
        len(killed_at) == 1 and killed_at[0] < total * 2 // 3
    )  # killed with a third of the sweep or more to go
    assert workers[0].wait(10) == -signal.SIGKILL
    assert workers[1].poll() is None  # the survivor finished the sweep
    assert run.where.startswith(f"Dask scheduler {address}") and run.computed == total
    frame = pd.read_parquet(out / "results.parquet")
    assert (
        len(frame) == total
        and frame.cell_id.is_unique
        and set(frame.cell_id) == {c.cell_id for c in plan.cells}
    )
    journal = [json.loads(line)["cell_id"] for line in (out / JOURNAL).read_text().splitlines()]
    assert sorted(journal) == sorted(frame.cell_id)  # every cell persisted exactly once
    single = run_sweep(plan, tmp_path / "single", workers=0)
    assert frame.drop(columns="elapsed_s").equals(
        pd.DataFrame(single.rows, columns=single.columns).drop(columns="elapsed_s")
    )
