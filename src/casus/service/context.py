"""What the service's routers share: limits, request bodies, JSON records, the request context.

Every error the service gives is JSON `{"error": "<one line>"}`; `error` builds it.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import Header, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from casus.joining import JoiningModel
from casus.loader import date_or_today
from casus.scenario import BUNDLED_EXAMPLES
from casus.service.jobs import Jobs
from casus.service.store import EvidenceRow, RunRow, Store
from casus.version import __version__
from casus.world import World

HERE = Path(__file__).resolve().parent
MAX_BODY = 2 * 1024 * 1024  # bytes in one request
MAX_ARTICLE = 1024 * 1024  # characters of one submitted article
EXAMPLES = BUNDLED_EXAMPLES


class Limits(BaseModel):
    """What one request may ask for."""

    max_trials: int = 200_000
    max_body: int = MAX_BODY
    max_waiting: int = 32  # runs queued or computing; more are refused with 503
    max_events: int = 50  # events in one scenario (the seeds' cases have at most a handful)
    max_scenario: int = 256 * 1024  # bytes of one scenario as JSON


class RunRequest(BaseModel):
    """A scenario to run (the scenario file format, as JSON) and how many trials."""

    model_config = ConfigDict(extra="forbid")
    scenario: dict[str, Any]
    trials: int = Field(default=20_000, ge=0)
    seed: int | None = Field(default=None, ge=0, le=2**63 - 1)


class RunAccepted(BaseModel):
    """A queued run."""

    id: str
    status: str
    url: str


class EvidenceRequest(BaseModel):
    """An article to read and store: plain text or HTML."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_ARTICLE)
    source: str = Field(default="submitted", max_length=2000)
    title: str | None = Field(default=None, max_length=2000)
    date: str | None = Field(default=None, max_length=10)
    html: bool = False


class ScenarioRequest(BaseModel):
    """A scenario to save (the scenario file format, as JSON)."""

    model_config = ConfigDict(extra="forbid")
    scenario: dict[str, Any]


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": " ".join(str(message).split())}, status_code=status)


def bounded(scenario: dict[str, Any], lim: Limits) -> None:
    """Refuse a scenario too large to check quickly: 413 over `max_scenario` bytes, 422 over `max_events`."""
    size = len(json.dumps(scenario, default=str))
    if size > lim.max_scenario:
        raise HTTPException(413, f"scenario: {size} bytes as JSON; at most {lim.max_scenario} on this server")
    events = scenario.get("events")
    if isinstance(events, list) and len(events) > lim.max_events:
        raise HTTPException(
            422, f"scenario.events: {len(events)} events; at most {lim.max_events} on this server"
        )


def parse_date(value: str | None) -> dt.date:
    try:
        return date_or_today(value)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


def run_record(r: RunRow, jobs: Jobs | None = None, full: bool = True) -> dict[str, Any]:
    """A run as JSON: inputs, status, progress, versions, timings and (when asked) the result."""
    prog = jobs.status(r.id) if jobs is not None else None
    rec: dict[str, Any] = {
        "id": r.id, "name": r.name, "status": r.status, "trials": r.trials, "seed": r.seed,
        "created": r.created.isoformat() if r.created else None,
        "started": r.started.isoformat() if r.started else None,
        "finished": r.finished.isoformat() if r.finished else None,
        "model_version": r.model_version, "data_version": r.data_version, "casus_version": r.casus_version,
        "timings": r.timings, "error": r.error, "rerun_of": r.rerun_of,
        "progress": {"done": prog.done, "total": prog.total} if prog else None,
    }  # fmt: skip
    if full:
        rec["scenario"] = r.scenario
        rec["result"] = r.result
    return rec


def evidence_record(e: EvidenceRow, full: bool = True) -> dict[str, Any]:
    """A stored reading as JSON."""
    rec: dict[str, Any] = {"id": e.id, "source": e.source, "title": e.title, "date": e.date,
                           "created": e.created.isoformat() if e.created else None}  # fmt: skip
    if full:
        rec["reading"] = e.reading
    else:
        rec["claims"] = len(e.reading.get("claims", []))
        rec["flags"] = len(e.reading.get("flags", []))
    return rec


@dataclass(frozen=True)
class Context:
    """What every router reads: the world, the scenario worlds, the model, the store, the jobs,
    the limits and the token that writes need."""

    world: World
    worlds: Any  # casus.history.world.ScenarioWorlds
    model: JoiningModel
    store: Store
    jobs: Jobs
    limits: Limits
    token: str
    templates: Jinja2Templates

    def need_token(self, authorization: Annotated[str | None, Header()] = None) -> None:
        """The dependency of every write: the service token as a bearer token."""
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
            raise HTTPException(401, "writes need the service token: Authorization: Bearer <token>")

    async def world_on(self, on: dt.date, history: bool) -> World:
        """The bundled world, or (`history`) the historical world of the date's year."""
        if not history:
            return self.world
        if self.worlds.tables is None:
            raise HTTPException(
                422, "history: this server has no ATOP and COW files (casus serve --data DIR)"
            )
        try:
            return await run_in_threadpool(self.worlds.year, on.year)  # the first request builds the year
        except ValueError as exc:
            raise HTTPException(422, f"at: {exc}") from None

    def page(self, request: Request, name: str, **values: Any) -> HTMLResponse:
        """A UI page from its template."""
        return self.templates.TemplateResponse(request, name, {"version": __version__, **values})


def examples(history: bool = False) -> list[dict[str, Any]]:
    """The example scenarios that ship inside the package (`casus/examples`), as JSON.

    `history`: with those set in a historical year (`examples/history/`), for a server that can
    build its world.
    """
    from casus.loader import read_file

    out = []
    files = sorted(EXAMPLES.glob("*.yaml")) + (sorted(EXAMPLES.glob("history/*.yaml")) if history else [])
    for path in files:
        data, _ = read_file(path)
        name = data.get("name", path.stem)
        out.append({"file": path.relative_to(EXAMPLES).as_posix(), "name": name, "scenario": data})
    return out
