"""Scenario runs queued to a pool of worker threads, so the server answers while they compute.

The simulation kernel releases the interpreter lock, so a worker thread computing a run does not
stall the threads answering requests. The queue is bounded: when it is full a submission is
refused rather than left to wait without end. Progress lives in memory (trials done of total);
the run's record lives in the store.

No run is lost or left "running": a keeper thread renews the heartbeat of this server's runs,
marks those of stopped servers interrupted, and retries the writes the database refused while it
was away (a result waits in memory until it is stored). A result the database can never take
(not a connection problem) marks its run failed with the reason. Shutdown cancels running work
at its next progress step and marks it, and everything still queued, interrupted.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import multiprocessing as mp
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from casus.joining import JoiningModel
from casus.loader import LineMap
from casus.model import CasusError, InputError, Scenario
from casus.service import compute
from casus.service.compute import Cancelled
from casus.service.store import Store
from casus.version import __version__
from casus.world import World

log = logging.getLogger("casus.service")
T = TypeVar("T")

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
CHECKED_KEPT = 256  # scenarios whose check is remembered


class QueueFull(CasusError):
    """More runs are waiting than the pool accepts."""


def transient(exc: BaseException) -> bool:
    """Whether a database error may pass (the connection, not the data): the write is worth retrying."""
    from sqlalchemy.exc import DBAPIError, OperationalError, TimeoutError

    if isinstance(exc, OperationalError | TimeoutError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


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
    """A bounded queue of runs, the threads that compute them, and the keeper that looks after them."""

    def __init__(self, store: Store, worlds: ScenarioWorlds, model: JoiningModel, workers: int = 1,
                 max_waiting: int = 32, beat_every: float | None = None,
                 processes: bool = True) -> None:  # fmt: skip
        self.store, self.worlds, self.model, self.workers = store, worlds, model, workers
        # Each worker slot is a thread that records its run and waits for it; the computing is
        # done in a worker process (`processes`, what servers use) or in that thread.
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="casus-run")
        ctx = mp.get_context("spawn")
        self.progress_queue: Any = ctx.Queue()
        self.stop_event: Any = ctx.Event()
        self.processes: ProcessPoolExecutor | None = self._start_processes() if processes else None
        self.listener = threading.Thread(target=self._listen, name="casus-progress", daemon=True)
        if processes:
            self.listener.start()
        # Submissions are checked and recorded one at a time on a thread of their own: dozens of
        # request threads doing it at once spent their time passing the interpreter lock around
        # (bench_service: acceptance p50 0.8 s with the request thread pool).
        self.intake_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="casus-intake")
        self.max_waiting = max_waiting
        self.progress: dict[str, Progress] = {}
        self.futures: dict[str, Future[None]] = {}
        self.pending: dict[str, Callable[[], None]] = {}  # writes the database refused, to retry
        self.lock = threading.Lock()
        self.checked: OrderedDict[str, tuple[Scenario, World, int]] = OrderedDict()
        self.stopping = threading.Event()
        self.beat_every = beat_every if beat_every is not None else max(0.5, store.stale_after / 6)
        self.keeper = threading.Thread(target=self._keep, name="casus-keeper", daemon=True)
        self.keeper.start()

    def refuse_if_full(self) -> None:
        """Raise QueueFull when too many runs wait (cheap: callable from the event loop)."""
        if self.stopping.is_set():
            raise QueueFull("the server is shutting down; try again when it is back")
        if self.waiting() >= self.max_waiting:
            raise QueueFull(f"{self.max_waiting} runs are already waiting; try again later")

    async def intake(self, fn: Callable[..., T], *args: Any) -> T:
        """Call `fn(*args)` on the intake thread, awaiting its answer (or its exception)."""
        return await asyncio.get_running_loop().run_in_executor(self.intake_pool, fn, *args)

    def check(self, scenario_data: dict[str, Any], trials: int) -> tuple[Scenario, World, int]:
        """`prepare`, remembering the scenarios already checked (the world never changes under a
        server, so a scenario sent again, as re-runs and sweeps of seeds do, is not checked again)."""
        key = hashlib.sha256(json.dumps(scenario_data, sort_keys=True, default=str).encode()).hexdigest()
        with self.lock:
            hit = self.checked.get(key)
            if hit is not None:
                self.checked.move_to_end(key)
        if hit is None:
            scenario, world, _ = prepare(self.worlds, scenario_data, 0)
            from casus.sensitivity import variations

            hit = (scenario, world, len(variations(world, scenario)))
            with self.lock:
                self.checked[key] = hit
                while len(self.checked) > CHECKED_KEPT:
                    self.checked.popitem(last=False)
        scenario, world, n = hit
        if trials <= 0:
            return scenario, world, 0
        from casus.sensitivity import sensitivity_runs

        return scenario, world, trials + sensitivity_runs(trials, SENSITIVITY_TRIALS) * (n + 1)

    def warm(self) -> None:
        """Check a bundled example once, so that the modules checking needs are loaded."""
        from casus.loader import read_file
        from casus.scenario import BUNDLED_EXAMPLES

        try:
            data, _ = read_file(BUNDLED_EXAMPLES / "belgorod-2025.yaml")
            prepare(self.worlds, data, 0)
        except Exception:  # only a warm-up: a failure here shows again, explained, on a real request
            log.debug("warm-up check failed", exc_info=True)

    def waiting(self) -> int:
        """Runs accepted and not yet finished."""
        with self.lock:
            return sum(1 for f in self.futures.values() if not f.done())

    def submit(self, name: str, scenario_data: dict[str, Any], trials: int, seed: int | None,
               rerun_of: str | None = None) -> str:  # fmt: skip
        """Queue a run; returns its id. Raises QueueFull when too many are waiting."""
        self.refuse_if_full()  # before the check: a refusal should cost nothing
        scenario, world, total = self.check(scenario_data, trials)  # InputError when invalid
        rid = self.store.queue_run(name, scenario_data, trials, seed, rerun_of=rerun_of)
        prog = Progress(total=total)
        with self.lock:
            self.progress[rid] = prog
            self.futures[rid] = self.pool.submit(self._work, rid, scenario, world, trials, seed, prog)
        return rid

    def _advance(self, prog: Progress) -> Callable[[int], None]:
        def step(k: int) -> None:
            if self.stopping.is_set():
                raise Cancelled
            prog.advance(k)

        return step

    def _work(
        self, rid: str, scenario: Scenario, world: World, trials: int, seed: int | None, prog: Progress
    ) -> None:
        if self.stopping.is_set():
            self._write(rid, lambda: self.store.fail_run(rid, SHUT_DOWN, status="interrupted"))
            return
        self._write(rid, lambda: self.store.start_run(rid))
        prog.stage = "running"
        t0 = time.perf_counter()
        outcome, payload, used = self._compute(rid, scenario, world, trials, seed, prog)
        if outcome != "done":
            prog.stage = "interrupted" if outcome == "cancelled" else "failed"
            if outcome == "cancelled":
                self._write(rid, lambda: self.store.fail_run(rid, SHUT_DOWN, status="interrupted"))
            else:
                self._write(rid, lambda: self.store.fail_run(rid, str(payload)))
            return
        wall = time.perf_counter() - t0
        timings = {"wall_s": round(wall, 3), "trials_per_s": round(prog.done / wall, 1) if wall else 0.0}

        def finish() -> None:
            self.store.finish_run(rid, payload, seed=used or 0, model_version=self.model.label,
                                  data_version=self.model.data_version or "", casus_version=__version__,
                                  timings=timings)  # fmt: skip

        prog.stage = "storing"
        if self._write(rid, finish, fallback=True):
            prog.stage = "done"

    def _compute(
        self, rid: str, scenario: Scenario, world: World, trials: int, seed: int | None, prog: Progress
    ) -> tuple[str, Any, int | None]:
        """("done", result, seed used), ("failed", reason, None) or ("cancelled", None, None)."""
        if self.processes is None:
            try:
                result, used = run_scenario(world, scenario, trials, seed, self.model, self._advance(prog))
            except Cancelled:
                return "cancelled", None, None
            except InputError as exc:
                return "failed", "; ".join(str(p) for p in exc.problems), None
            except Exception as exc:  # a failed run is recorded, never half-written
                log.exception("run %s failed", rid)
                return "failed", f"{type(exc).__name__}: {exc}", None
            return "done", result, used
        own = None if world is self.worlds.bundled else world  # a historical world travels with its run
        try:
            fut = self.processes.submit(compute.compute, rid, scenario, own, trials, seed, SENSITIVITY_TRIALS)
            return fut.result()
        except BrokenProcessPool:
            self._renew_processes()
            if self.stopping.is_set():
                return "cancelled", None, None
            log.error("run %s: the worker process computing it died", rid)
            return (
                "failed",
                "the worker process computing it died (killed, or out of memory); re-run it",
                None,
            )
        except RuntimeError:  # the pool was shut down before the run began
            return "cancelled", None, None

    def _start_processes(self) -> ProcessPoolExecutor:
        ctx = mp.get_context("spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=ctx, initializer=compute.start,
            initargs=(self.worlds.bundled, self.model, self.progress_queue, self.stop_event),
        )  # fmt: skip

    def _renew_processes(self) -> None:
        with self.lock:
            if self.processes is not None and getattr(self.processes, "_broken", False):
                self.processes.shutdown(wait=False, cancel_futures=True)
                if not self.stopping.is_set():
                    self.processes = self._start_processes()

    def _listen(self) -> None:
        """Count the trials the worker processes report, until the server stops (a None)."""
        while (item := self.progress_queue.get()) is not None:
            rid, k = item
            prog = self.status(rid)
            if prog is not None:
                prog.advance(k)

    def _write(self, rid: str, write: Callable[[], Any], fallback: bool = False) -> bool:
        """Write a run's record now, or keep the write to retry while the database is away.

        `fallback`: a write that fails for good (not a connection problem) marks the run failed
        with the reason. True when the write landed now.
        """
        try:
            write()
            return True
        except Exception as exc:
            if transient(exc):
                log.warning("run %s: the database is unavailable (%s); the write waits in memory", rid,
                            type(exc).__name__)  # fmt: skip
                with self.lock:
                    self.pending[rid] = write
                return False
            log.exception("run %s: the store refused its record", rid)
            if fallback:
                reason = f"the result could not be stored: {type(exc).__name__}: {str(exc)[:300]}"
                self._write(rid, lambda: self.store.fail_run(rid, reason))
            return False

    def flush(self) -> int:
        """Retry the writes the database refused; returns how many are still waiting."""
        with self.lock:
            waiting = list(self.pending.items())
        for rid, write in waiting:
            try:
                write()
            except Exception as exc:
                if transient(exc):
                    break  # still away: keep the rest for the next round
                log.exception("run %s: the store refused its record", rid)
                self._write(rid, lambda r=rid, e=exc: self.store.fail_run(  # type: ignore[misc]
                    r, f"the result could not be stored: {type(e).__name__}"))  # fmt: skip
            else:
                log.info("run %s: its record is stored after the database came back", rid)
                prog = self.status(rid)
                if prog is not None and prog.stage == "storing":
                    prog.stage = "done"
            with self.lock:
                if self.pending.get(rid) is write:
                    del self.pending[rid]
        with self.lock:
            return len(self.pending)

    def _keep(self) -> None:
        """Heartbeat, reap and retry until shutdown; a database that is away is only logged."""
        while not self.stopping.wait(self.beat_every):
            self.tend()

    def tend(self) -> None:
        """One round of the keeper: store what waits, renew heartbeats, mark stopped servers' runs."""
        try:
            self.flush()
            self.store.beat()
            reaped = self.store.reap()
            if reaped:
                log.warning("%d run(s) of a server that stopped marked interrupted", reaped)
        except Exception as exc:
            log.warning("keeper: the database is unavailable (%s)", type(exc).__name__)

    def status(self, rid: str) -> Progress | None:
        """In-memory progress of a run submitted to this process."""
        with self.lock:
            return self.progress.get(rid)

    def shutdown(self, grace: float = 5.0) -> None:
        """Stop taking runs; cancel those computing (within `grace` s); mark them and the queued ones."""
        self.stopping.set()
        self.stop_event.set()  # worker processes stop their runs at the next progress step
        with self.lock:
            futures = dict(self.futures)
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.intake_pool.shutdown(wait=False, cancel_futures=True)
        end = time.monotonic() + grace
        for rid, fut in futures.items():
            if fut.cancelled():
                self._write(rid, lambda r=rid: self.store.fail_run(r, SHUT_DOWN, status="interrupted"))  # type: ignore[misc]
                continue
            # Recorded by the worker; one still computing past the grace is marked by the next reaper.
            with contextlib.suppress(Exception):
                fut.result(timeout=max(0.0, end - time.monotonic()))
        if self.processes is not None:
            # A worker process still busy past the grace is ended; its run's thread marks it.
            for proc in list((getattr(self.processes, "_processes", None) or {}).values()):
                if proc.is_alive():
                    proc.terminate()
            self.processes.shutdown(wait=True, cancel_futures=True)
            self.progress_queue.put(None)
            self.listener.join(timeout=1.0)
        self.flush()
        self.keeper.join(timeout=1.0)


SHUT_DOWN = "the server shut down before the run finished; re-run it"
DIED = "the worker process computing it died (killed, or out of memory); re-run it"
