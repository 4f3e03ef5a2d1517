"""The web UI: Jinja2 pages and a small script with no build step, over the service's world, store and jobs.

plotly.js is served from the installed plotly package, so the pages work offline.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from casus.compare import compare
from casus.records import EDGE_TYPES, treaty_row
from casus.service.context import HERE, Context, evidence_record, parse_date, run_record

STATIC_TYPES = {
    ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml",
}  # fmt: skip


def pages(ctx: Context) -> APIRouter:
    """The web UI: Jinja2 pages over the same world, store and jobs."""
    router = APIRouter()
    world, worlds, store, jobs, lim = ctx.world, ctx.worlds, ctx.store, ctx.jobs, ctx.limits

    @router.get("/", response_class=HTMLResponse, include_in_schema=False)
    def ui_network(request: Request, at: str | None = None) -> HTMLResponse:
        on = parse_date(at)
        regions = sorted({s.region for s in world.states.existing_on(on)})
        return ctx.page(request, "network.html", on=on.isoformat(), regions=regions, types=EDGE_TYPES,
                    history=worlds.tables is not None)  # fmt: skip

    @router.get("/treaties", response_class=HTMLResponse, include_in_schema=False)
    def ui_treaties(request: Request, at: str | None = None) -> HTMLResponse:
        on = parse_date(at)
        rows = [treaty_row(ta) for ta in world.at(on).treaties(include=("in_force", "signed", "ended"))]
        return ctx.page(request, "treaties.html", on=on.isoformat(), rows=rows)

    @router.get("/treaties/{ident}", response_class=HTMLResponse, include_in_schema=False)
    def ui_treaty(request: Request, ident: str, at: str | None = None) -> HTMLResponse:
        ta = world.at(parse_date(at)).treaty(ident)
        return ctx.page(request, "treaty.html", t=ta.treaty, ta=ta)

    @router.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def ui_compare(request: Request, ids: Annotated[list[str] | None, Query()] = None,
                   at: str | None = None) -> HTMLResponse:  # fmt: skip
        chosen = [i for i in (ids or []) if i][:6]
        result = compare(world, chosen, parse_date(at)) if len(chosen) >= 2 else None
        return ctx.page(request, "compare.html", all_ids=sorted(world.treaties), chosen=chosen, result=result)

    @router.get("/scenario", response_class=HTMLResponse, include_in_schema=False)
    def ui_scenario(request: Request) -> HTMLResponse:
        states = sorted(world.states.existing_on(dt.date.today()), key=lambda s: s.name)
        return ctx.page(request, "scenario.html", states=states, max_trials=lim.max_trials,
                    history=worlds.tables is not None)  # fmt: skip

    @router.get("/runs", response_class=HTMLResponse, include_in_schema=False)
    def ui_runs(request: Request) -> HTMLResponse:
        return ctx.page(request, "runs.html", runs=[run_record(r, jobs, full=False) for r in store.runs(100)])

    @router.get("/runs/{rid}", response_class=HTMLResponse, include_in_schema=False)
    def ui_run(request: Request, rid: str) -> HTMLResponse:
        if store.run(rid) is None:
            raise HTTPException(404, f"no run '{rid}'")
        return ctx.page(request, "run.html", rid=rid)

    @router.get("/evidence", response_class=HTMLResponse, include_in_schema=False)
    def ui_evidence(request: Request) -> HTMLResponse:
        items = [evidence_record(e, full=False) for e in store.evidence(100)]
        return ctx.page(request, "evidence.html", items=items)

    @router.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name == "plotly.min.js":
            from casus.charts import plotly_script

            return Response(plotly_script(), media_type="text/javascript")
        path = HERE / "static" / name
        # Only files that ship in the static folder, by exact name: no path ever leaves it.
        shipped = {p.name for p in (HERE / "static").iterdir() if p.suffix in STATIC_TYPES}
        if name not in shipped:
            raise HTTPException(404, f"no static file '{name}'")
        return Response(path.read_bytes(), media_type=STATIC_TYPES[path.suffix])

    return router
