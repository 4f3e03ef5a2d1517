"""The REST API and the web UI, served by one FastAPI application on one port.

API under `/api` (OpenAPI schema at `/openapi.json`; no Swagger page, which would load from a CDN); UI at `/`,
`/treaties`, `/compare`, `/scenario`, `/runs`, `/evidence` (`casus.service.pages`). Reads are open;
writes (runs, scenarios, evidence) need the configured token as `Authorization: Bearer <token>`.
Request bodies, trial counts and article sizes are bounded; every error is JSON
`{"error": "<one line>"}`.
"""

from __future__ import annotations

import json
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from casus.compare import compare
from casus.joining import JoiningModel
from casus.model import InputError, UnknownIdError
from casus.records import network_at, state_record, treaty_record, treaty_row
from casus.service.context import (
    HERE,
    Context,
    EvidenceRequest,
    Limits,
    RunAccepted,
    RunRequest,
    bounded,
    error,
    evidence_record,
    parse_date,
    run_record,
)  # fmt: skip
from casus.service.jobs import Jobs, QueueFull, log, transient
from casus.service.pages import pages
from casus.service.scenarios import scenarios
from casus.service.schema import ERROR_RESPONSES, precise_openapi
from casus.service.store import Store
from casus.version import __version__
from casus.world import World

__all__ = ["Limits", "create_app"]


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
     b"img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
]  # fmt: skip


class Guard:
    """ASGI middleware: refuse bodies over `max_body` bytes (declared or streamed); add security headers."""

    def __init__(self, app: Any, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await self._too_big(send)
            return
        if declared is None and scope.get("method") in ("POST", "PUT", "PATCH"):
            # No declared length (chunked): read the body here, counting, and replay it.
            body, more = b"", True
            while more:
                message = await receive()
                if message["type"] != "http.request":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body:
                    await self._too_big(send)
                    return
            replayed = False

            async def replay() -> Any:
                nonlocal replayed
                if replayed:
                    return await receive()
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}

            receive = replay

        async def send_with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _too_big(self, send: Any) -> None:
        body = json.dumps({"error": f"request body over {self.max_body} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), *SECURITY_HEADERS]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})


def _retry_later(response: JSONResponse, seconds: int = 5) -> JSONResponse:
    response.headers["Retry-After"] = str(seconds)
    return response


def create_app(world: World, store: Store, model: JoiningModel, token: str, *, workers: int = 1,
               limits: Limits | None = None, history: dict[str, Any] | None = None,
               processes: bool = True) -> FastAPI:  # fmt: skip
    """The application: API and UI over one world, one store and one joining model.

    `history` (the ATOP and COW tables, `casus.history.world.TABLES`) lets scenarios set in a
    historical world be saved and run in their year's world; without it they are refused.
    `processes`: runs are computed in worker processes (False: in the server's own threads).
    """
    from casus.history.world import ScenarioWorlds

    lim = limits or Limits()
    worlds = ScenarioWorlds(world, history)
    jobs = Jobs(store, worlds, model, workers=workers, max_waiting=lim.max_waiting, processes=processes)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # The first check of a scenario imports the scenario and obligation modules; do it now,
        # beside the first requests, so the first submission is answered as fast as the next.
        threading.Thread(target=jobs.warm, name="casus-warm", daemon=True).start()
        yield
        jobs.shutdown()

    app = FastAPI(title="casus", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Alliance obligations, escalation and evidence, as a service.",
                  responses=ERROR_RESPONSES)  # fmt: skip
    app.state.jobs = jobs
    precise_openapi(app, world, history=worlds.tables is not None)
    templates = Jinja2Templates(directory=str(HERE / "templates"))

    app.add_middleware(Guard, max_body=lim.max_body)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_r: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_r: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return error(422, f"{where}: {first.get('msg', 'invalid')}" if where else str(first.get("msg")))

    @app.exception_handler(InputError)
    async def input_error(_r: Request, exc: InputError) -> JSONResponse:
        return error(422, "; ".join(str(p) for p in exc.problems[:5]))

    @app.exception_handler(UnknownIdError)
    async def unknown_id(_r: Request, exc: UnknownIdError) -> JSONResponse:
        return error(404, str(exc))

    @app.exception_handler(SQLAlchemyError)
    async def database_error(_r: Request, exc: SQLAlchemyError) -> JSONResponse:
        if transient(exc):
            log.warning("request: the database is unavailable (%s)", type(exc).__name__)
            return _retry_later(error(503, "the database is unavailable; try again shortly"))
        log.exception("request: the database refused it")
        return error(500, f"the database refused the request ({type(exc).__name__}); it is logged")

    @app.exception_handler(Exception)
    async def server_error(_r: Request, exc: Exception) -> JSONResponse:
        log.error("request failed", exc_info=exc)
        return error(500, f"internal error ({type(exc).__name__}); it is logged")

    @app.exception_handler(QueueFull)
    async def queue_full(_r: Request, exc: QueueFull) -> JSONResponse:
        return error(503, str(exc))

    ctx = Context(world, worlds, model, store, jobs, lim, token, templates)
    for router in (reads(ctx), runs(ctx), scenarios(ctx), evidence(ctx), pages(ctx)):
        app.include_router(router)
    return app


def reads(ctx: Context) -> APIRouter:
    """The world at a date: versions, states, treaties, comparisons, the network."""
    router = APIRouter()
    world, model = ctx.world, ctx.model

    @router.get("/api/version")
    async def version() -> dict[str, Any]:
        """casus, joining-model and data versions."""
        return {"casus": __version__, "model": model.label, "data_version": model.data_version}

    @router.get("/api/states")
    async def states(
        at: str | None = None, region: str | None = Query(None, max_length=100), history: bool = False
    ) -> dict[str, Any]:
        """States existing on a date (default today), optionally in one region.

        `history=true`: the COW states of the date's year, as in `/api/network`.
        """
        on = parse_date(at)
        w = await ctx.world_on(on, history)
        rows = [s for s in w.states.existing_on(on)
                if region is None or s.region.casefold() == region.casefold()]  # fmt: skip
        out = {"date": on.isoformat(), "states": [state_record(s, on) for s in rows]}
        return out | {"world": w.provenance} if history else out

    @router.get("/api/states/{ident}")
    async def state(ident: str, at: str | None = None) -> dict[str, Any]:
        """One state (ISO3, COW code or abbreviation, or name) as it stood on a date."""
        on = parse_date(at)
        s = world.states.find(ident, on)
        if s is None:
            world.states.get(ident)  # raises UnknownIdError with a suggestion
            raise HTTPException(404, f"no state '{ident}' on {on}")
        return state_record(s, on)

    @router.get("/api/treaties")
    async def treaties(at: str | None = None, party: str | None = Query(None, max_length=100),
                 all: bool = False) -> dict[str, Any]:  # fmt: skip
        """Treaties in force or signed on a date (all of them with `all`), optionally of one party."""
        on = parse_date(at)
        pid = world.states.get(party.upper()).id if party else None
        include = ("in_force", "signed", "ended", "not_signed") if all else ("in_force", "signed")
        rows = world.at(on).treaties(party=pid, include=include)
        return {"date": on.isoformat(), "party": pid, "treaties": [treaty_row(ta) for ta in rows]}

    @router.get("/api/treaties/{ident}")
    async def treaty(ident: str, at: str | None = None) -> dict[str, Any]:
        """One treaty with every provision, its text and source, and its status and parties on a date."""
        return treaty_record(world.at(parse_date(at)).treaty(ident))

    @router.get("/api/compare")
    async def compare_api(ids: Annotated[list[str], Query(min_length=2, max_length=10)],
                    at: str | None = None) -> dict[str, Any]:  # fmt: skip
        """Treaties side by side, obligation type by obligation type."""
        return compare(world, ids, parse_date(at))

    @router.get("/api/network")
    async def network(at: str | None = None, history: bool = False) -> dict[str, Any]:
        """States and obligations between them on a date, as typed edges.

        `history=true`: in the historical world of the date's year (COW states, ATOP codings), where
        the server was started with the ATOP and COW files (`casus serve --data DIR`).
        """
        on = parse_date(at)
        w = await ctx.world_on(on, history)
        out = network_at(w, on)
        return out | {"world": w.provenance} if history else out

    return router


def runs(ctx: Context) -> APIRouter:
    """Runs: submit, list, poll, re-run."""
    router = APIRouter()
    store, jobs, lim = ctx.store, ctx.jobs, ctx.limits

    @router.get("/api/runs")
    def runs(limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        """Runs, newest first (without their results)."""
        return {"runs": [run_record(r, jobs, full=False) for r in store.runs(limit)]}

    @router.get("/api/runs/{rid}")
    def run(rid: str) -> dict[str, Any]:
        """One run: status and progress while it computes; inputs, result, versions, timings after."""
        r = store.run(rid)
        if r is None:
            raise HTTPException(404, f"no run '{rid}'")
        return run_record(r, jobs)

    @router.post("/api/runs", status_code=202, dependencies=[Depends(ctx.need_token)])
    async def submit_run(req: RunRequest) -> RunAccepted:
        """Queue a scenario run (obligations, simulation, sensitivity); poll its URL for the result."""
        if req.trials > lim.max_trials:
            raise HTTPException(422, f"trials: at most {lim.max_trials} per run on this server")
        bounded(req.scenario, lim)
        jobs.refuse_if_full()
        name = str(req.scenario.get("name") or "unnamed")[:300]
        rid = await jobs.intake(jobs.submit, name, req.scenario, req.trials, req.seed)
        return RunAccepted(id=rid, status="queued", url=f"/api/runs/{rid}")

    @router.post("/api/runs/{rid}/rerun", status_code=202, dependencies=[Depends(ctx.need_token)])
    async def rerun(rid: str) -> RunAccepted:
        """Run a stored run's scenario again with its trials and seed (the seed it used, once finished)."""
        r = await jobs.intake(store.run, rid)
        if r is None:
            raise HTTPException(404, f"no run '{rid}'")
        new = await jobs.intake(jobs.submit, r.name, r.scenario, r.trials, r.seed, rid)
        return RunAccepted(id=new, status="queued", url=f"/api/runs/{new}")

    return router


def evidence(ctx: Context) -> APIRouter:
    """Article readings: read and store one, list them, show one."""
    router = APIRouter()
    store = ctx.store

    @router.get("/api/evidence")
    def evidence(limit: int = Query(50, ge=1, le=500)) -> dict[str, Any]:
        """Stored article readings, newest first (counts only)."""
        return {"evidence": [evidence_record(e, full=False) for e in store.evidence(limit)]}

    @router.get("/api/evidence/{eid}")
    def evidence_item(eid: str) -> dict[str, Any]:
        """One stored reading: actors, claims, attribution, provision links, flags."""
        e = store.evidence_item(eid)
        if e is None:
            raise HTTPException(404, f"no evidence '{eid}'")
        return evidence_record(e)

    @router.post("/api/evidence", status_code=201, dependencies=[Depends(ctx.need_token)])
    def submit_evidence(req: EvidenceRequest) -> dict[str, Any]:
        """Read an article (text or HTML) and store what it says."""
        from casus.evidence.confidence import MIN_CONFIDENCE
        from casus.evidence.read import read_document
        from casus.evidence.sources import SourceError, documents_from_bytes

        on = parse_date(req.date) if req.date else None
        suffix = ".html" if req.html else ".txt"
        try:
            docs = documents_from_bytes(req.text.encode("utf-8"), req.source or "text", suffix)
        except SourceError as exc:  # control characters and NUL bytes: not an article
            raise HTTPException(422, f"text: {str(exc).split(': ', 1)[-1]}") from None
        if not docs:
            raise HTTPException(422, "text: no readable text in the article")
        doc = docs[0]
        reading = read_document(doc, on=on, min_confidence=MIN_CONFIDENCE).model_dump(mode="json")
        if req.title:
            reading["title"] = req.title
        eid = store.add_evidence(reading)
        return {"id": eid, "url": f"/api/evidence/{eid}"}

    return router
