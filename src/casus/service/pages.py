"""The web UI: Jinja2 pages and a small script with no build step, over the service's world, store and jobs.

plotly.js is served from the installed plotly package, so the pages work offline.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from casus.compare import compare
from casus.records import EDGE_TYPES, treaty_row
from casus.sensitivity import sensitivity_runs
from casus.service.context import HERE, Context, evidence_record, parse_date, run_record
from casus.service.jobs import SENSITIVITY_TRIALS
from casus.service.runview import duration, glossary, question, report_html, servable, when
from casus.service.scenarios import file_name
from casus.world import World

STATIC_TYPES = {
    ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml",
}  # fmt: skip


def pages(ctx: Context) -> APIRouter:
    """The web UI: Jinja2 pages over the same world, store and jobs."""
    router = APIRouter()
    router.include_router(world_pages(ctx))
    router.include_router(run_pages(ctx))
    return router


def world_pages(ctx: Context) -> APIRouter:
    """The map, the treaties, comparisons, the scenario builder, the evidence list and static files."""
    router = APIRouter()
    world, worlds, store, lim = ctx.world, ctx.worlds, ctx.store, ctx.limits

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
        today = dt.date.today()
        states = sorted(world.states.existing_on(today), key=lambda s: s.name)
        readings = [
            {"key": f"{t.id}/{p.article}/{q.id}", "treaty": t.short_name, "article": p.article,
             "question": q.question, "default": q.default,
             "readings": [{"id": r.id, "label": r.label} for r in q.readings]}
            for t in sorted(world.treaties.values(), key=lambda t: t.short_name)
            for p in t.provisions for q in p.contested
        ]  # fmt: skip
        return ctx.page(request, "scenario.html", states=states, max_trials=lim.max_trials,
                        today=today.isoformat(), readings=readings,
                        places=sorted(p.name for p in world.places.values()),
                        history=worlds.tables is not None)  # fmt: skip

    @router.get("/evidence", response_class=HTMLResponse, include_in_schema=False)
    def ui_evidence(request: Request) -> HTMLResponse:
        items = [
            evidence_record(e, full=False) | {"created_text": when(e.created)} for e in store.evidence(100)
        ]
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


def run_pages(ctx: Context) -> APIRouter:
    """The runs list, a run's page and its HTML report."""
    router = APIRouter()
    world, worlds, store, jobs = ctx.world, ctx.worlds, ctx.store, ctx.jobs

    @router.get("/runs", response_class=HTMLResponse, include_in_schema=False)
    def ui_runs(request: Request) -> HTMLResponse:
        rows = []
        for r in store.runs(100):
            rec = run_record(r, jobs, full=False)
            rec |= {"created_text": when(r.created), "took": duration(r.started, r.finished),
                    "finished_text": when(r.finished)}  # fmt: skip
            rows.append(rec)
        return ctx.page(request, "runs.html", runs=rows)

    @router.get("/runs/{rid}", response_class=HTMLResponse, include_in_schema=False)
    def ui_run(request: Request, rid: str) -> HTMLResponse:
        r = store.run(rid)
        if r is None:
            raise HTTPException(404, f"no run '{rid}'")
        data = r.scenario if isinstance(r.scenario, dict) else {}
        run_world = _run_world(data)
        try:
            on: dt.date | None = dt.date.fromisoformat(str(data.get("date")))
        except ValueError:
            on = None
        return ctx.page(request, "run.html", rid=rid, run=r, q=question(run_world, data),
                        glossary=glossary(run_world, r.result, on), created=when(r.created),
                        sensitivity_trials=sensitivity_runs(r.trials, SENSITIVITY_TRIALS))  # fmt: skip

    def _run_world(data: dict[str, Any]) -> World:
        """The world a run's scenario runs in (the bundled one when it cannot be told)."""
        try:
            from casus.loader import LineMap
            from casus.scenario import validate_scenario

            return worlds(validate_scenario(data, "scenario", LineMap()))  # type: ignore[no-any-return]
        except Exception:
            return world

    reports: dict[str, tuple[str, str, list[str]]] = {}  # a few finished runs' reports, rendered once

    def _report(rid: str) -> tuple[str, str, list[str]]:
        """(self-contained report, servable page, its scripts) of a finished run."""
        if rid in reports:
            return reports[rid]
        r = store.run(rid)
        if r is None:
            raise HTTPException(404, f"no run '{rid}'")
        if r.status != "done" or not r.result:
            raise HTTPException(409, f"run '{rid}' is {r.status}: its report is written when it is done")
        html = report_html(_run_world(r.scenario), r.result)
        page, scripts = servable(html, f"/runs/{rid}/report/scripts")
        if len(reports) >= 4:
            reports.pop(next(iter(reports)))
        reports[rid] = (html, page, scripts)
        return reports[rid]

    @router.get("/runs/{rid}/report", response_class=HTMLResponse, include_in_schema=False)
    def ui_run_report(rid: str, download: bool = False) -> Response:
        """The HTML report `casus run --report` writes, from the run's stored result; `download`:
        as the self-contained file (it opens offline)."""
        html, page, _ = _report(rid)
        if download:
            r = store.run(rid)
            stem = file_name(r.name if r else "run").removesuffix(".yaml")
            headers = {"Content-Disposition": f'attachment; filename="{stem}.html"'}
            return HTMLResponse(html, headers=headers)
        return HTMLResponse(page)

    @router.get("/runs/{rid}/report/scripts/{n}.js", include_in_schema=False)
    def ui_run_report_script(rid: str, n: int) -> Response:
        scripts = _report(rid)[2]
        if not 0 <= n < len(scripts):
            raise HTTPException(404, f"no script {n} in the report of run '{rid}'")
        return Response(scripts[n], media_type="text/javascript")

    return router
