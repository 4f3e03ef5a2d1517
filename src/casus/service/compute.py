"""The worker-process side of a run: the server checks and records runs, worker processes compute them.

A run spends most of its time in Python (the obligations, the compiled scenario, the sensitivity
variations), holding an interpreter lock; in the server's own process that lock is the one its
request threads need, and reads and submissions waited behind it. A worker process has its own.
Each worker gets the world and the joining model once, when it starts; a run set in a historical
world brings its world along. Progress goes back on a queue; a stop event set by the server
cancels a run at its next progress step.
"""

from __future__ import annotations

import logging
import traceback
from multiprocessing.synchronize import Event
from queue import Queue
from typing import Any

from casus.joining import JoiningModel
from casus.model import InputError, Scenario
from casus.world import World

log = logging.getLogger("casus.service")
_worker: dict[str, Any] = {}


class Cancelled(Exception):
    """The server is shutting down: the run stops at its next progress step."""


def start(world: World, model: JoiningModel, progress: Queue[tuple[str, int]], stop: Event) -> None:
    """Initialise a worker process: keep the world, the model, the progress queue and the stop event."""
    _worker.update(world=world, model=model, progress=progress, stop=stop)
    import casus.session  # noqa: F401  (imported now, not during the first run)


def ready() -> bool:
    """A task that only makes the pool start a worker (and import what runs need)."""
    return True


def compute(
    rid: str, scenario: Scenario, world: World | None, trials: int, seed: int | None, sensitivity_cap: int
) -> tuple[str, Any, int | None]:
    """Run one checked scenario; ("done", JSON result, seed used), ("failed", reason, None) or
    ("cancelled", None, None). `world` is None for the worker's own (the server's bundled) world."""
    from casus.session import Session

    progress: Queue[tuple[str, int]] = _worker["progress"]
    stop: Event = _worker["stop"]

    def step(k: int) -> None:
        if stop.is_set():
            raise Cancelled
        progress.put((rid, k))

    try:
        result = Session(world or _worker["world"], _worker["model"]).run(
            scenario, trials=trials, seed=seed, sensitivity_cap=sensitivity_cap, progress=step
        )
    except Cancelled:
        return "cancelled", None, None
    except InputError as exc:
        return "failed", "; ".join(str(p) for p in exc.problems), None
    except Exception as exc:  # reported to the server with its reason; the trace stays in the worker's log
        log.error("run %s failed:\n%s", rid, traceback.format_exc())
        return "failed", f"{type(exc).__name__}: {exc}", None
    return "done", result.to_json(), result.seed
