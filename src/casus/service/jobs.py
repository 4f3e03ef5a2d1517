"""Scenario runs queued to a pool of worker threads, so the server answers while they compute.

The simulation kernel releases the interpreter lock, so a worker thread computing a run does not
stall the threads answering requests. The queue is bounded: when it is full a submission is
refused rather than left to wait without end. Progress lives in memory (trials done of total);
the run's record lives in the store.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from casus.joining import JoiningModel
from casus.loader import LineMap
from casus.model import CasusError, InputError, Scenario
from casus.service.store import Store
from casus.version import __version__
from casus.world import World

if TYPE_CHECKING:
    from casus.history.world import ScenarioWorlds


@dataclass
class Progress:
    """How far a run has got."""

    done: int = 0
    total: int = 0
    stage: str = "queued"
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def advance(self, k: int) -> None:
        """Count `k` more trials done."""
        with self.lock:
            self.done += k


SENSITIVITY_TRIALS = 20_000  # trials per sensitivity variation (at most the run's own)


class QueueFull(CasusError):
    """More runs are waiting than the pool accepts."""


def prepare(
    worlds: ScenarioWorlds, scenario_data: dict[str, Any], trials: int
) -> tuple[Scenario, World, int]:
    """Check a scenario given as data; (the scenario, the world it runs in, trials it will simulate in all).

    The world is the bundled one, or for a scenario set in a historical world its year's (when the
    server has the ATOP and COW files). The total counts the main run, one sensitivity run per
    variation and the run that weighs the treaty verdicts, as progress reports them.
    """
    from casus.scenario import parse_scenario, validate_scenario
    from casus.session import Session

    world = worlds(validate_scenario(scenario_data, "scenario", LineMap()))
    scenario = parse_scenario(scenario_data, "scenario", LineMap(), world)
    return scenario, world, Session(world).planned_trials(scenario, trials, cap=SENSITIVITY_TRIALS)


def run_scenario(
    world: World, scenario: Scenario, trials: int, seed: int | None, model: JoiningModel,
    progress: Callable[[int], None] | None = None,
) -> tuple[dict[str, Any], int]:  # fmt: skip
    """Obligations and simulation (with sensitivity) for a checked scenario; (JSON result, seed used)."""
    from casus.session import Session

    result = Session(world, model).run(scenario, trials=trials, seed=seed, sensitivity_cap=SENSITIVITY_TRIALS,
                                       progress=progress)  # fmt: skip
    return result.to_json(), result.seed


class Jobs:
    """A bounded queue of runs and the threads that compute them."""

    def __init__(self, store: Store, worlds: ScenarioWorlds, model: JoiningModel, workers: int = 1,
                 max_waiting: int = 32) -> None:  # fmt: skip
        self.store, self.worlds, self.model = store, worlds, model
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="casus-run")
        self.max_waiting = max_waiting
        self.progress: dict[str, Progress] = {}
        self.futures: dict[str, Future[None]] = {}
        self.lock = threading.Lock()

    def waiting(self) -> int:
        """Runs accepted and not yet finished."""
        with self.lock:
            return sum(1 for f in self.futures.values() if not f.done())

    def submit(self, name: str, scenario_data: dict[str, Any], trials: int, seed: int | None) -> str:
        """Queue a run; returns its id. Raises QueueFull when too many are waiting."""
        scenario, world, total = prepare(self.worlds, scenario_data, trials)  # InputError when invalid
        if self.waiting() >= self.max_waiting:
            raise QueueFull(f"{self.max_waiting} runs are already waiting; try again later")
        rid = self.store.queue_run(name, scenario_data, trials, seed)
        prog = Progress(total=total)
        with self.lock:
            self.progress[rid] = prog
            self.futures[rid] = self.pool.submit(self._work, rid, scenario, world, trials, seed, prog)
        return rid

    def _work(
        self, rid: str, scenario: Scenario, world: World, trials: int, seed: int | None, prog: Progress
    ) -> None:
        self.store.start_run(rid)
        prog.stage = "running"
        t0 = time.perf_counter()
        try:
            result, used = run_scenario(world, scenario, trials, seed, self.model, prog.advance)
        except InputError as exc:
            prog.stage = "failed"
            self.store.fail_run(rid, "; ".join(str(p) for p in exc.problems))
            return
        except Exception as exc:  # a failed run is recorded, never half-written
            prog.stage = "failed"
            self.store.fail_run(rid, f"{type(exc).__name__}: {exc}")
            return
        wall = time.perf_counter() - t0
        self.store.finish_run(
            rid, result, seed=used, model_version=self.model.label,
            data_version=self.model.data_version or "", casus_version=__version__,
            timings={"wall_s": round(wall, 3), "trials_per_s": round(prog.done / wall, 1) if wall else 0.0},
        )  # fmt: skip
        prog.stage = "done"

    def status(self, rid: str) -> Progress | None:
        """In-memory progress of a run submitted to this process."""
        with self.lock:
            return self.progress.get(rid)

    def shutdown(self) -> None:
        """Stop taking runs and wait for those in progress."""
        self.pool.shutdown(wait=True, cancel_futures=True)
