"""Scenarios: the bundled examples, saved scenarios, checking a scenario given as text, and a
run's scenario as a YAML file."""

from __future__ import annotations

import re
from typing import Any

import yaml
from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from casus.model import InputError
from casus.service.context import Context, ScenarioRequest, examples
from casus.service.jobs import prepare

MAX_TEXT = 256 * 1024  # characters of a scenario pasted or uploaded as text


class CheckRequest(BaseModel):
    """A scenario as YAML or JSON text, as pasted or uploaded."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_TEXT)


def check_text(ctx: Context, text: str) -> dict[str, Any]:
    """Parse and check a scenario given as YAML or JSON text against the world it will run in.

    Answers the scenario as data (dates as text), its name, the world it runs in and its intensity;
    raises InputError with every located problem (line and field) otherwise.
    """
    from casus.loader import parse_text
    from casus.scenario import parse_scenario, validate_scenario

    data, lines = parse_text(text, "scenario")
    world = ctx.worlds(validate_scenario(data, "scenario", lines), "scenario", lines)
    scenario = parse_scenario(data, "scenario", lines, world)
    return {
        "scenario": data,
        "name": scenario.name,
        "events": len(scenario.events),
        "intensity": scenario.intensity.value,
        "intensity_source": scenario.intensity_source,
        "world": world.provenance,
    }


def problems_json(exc: InputError) -> list[dict[str, Any]]:
    """An InputError's problems as JSON: line (or null), field and message."""
    return [{"line": p.line, "field": p.field, "message": " ".join(p.message.split())} for p in exc.problems]


def as_yaml(data: dict[str, Any]) -> str:
    """A scenario as YAML in the order of the file format, readable and loadable again."""
    order = ["name", "description", "date", "world", "events", "assumptions", "simulation"]
    ordered = {k: data[k] for k in order if k in data} | {k: v for k, v in data.items() if k not in order}
    return yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def file_name(name: str) -> str:
    """A safe file name from a scenario's name."""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:60]
    return f"{stem or 'scenario'}.yaml"


def scenarios(ctx: Context) -> APIRouter:
    """Saved scenarios with the bundled examples; saving one after checking it; checking text."""
    router = APIRouter()
    worlds, store = ctx.worlds, ctx.store

    @router.get("/api/scenarios")
    def scenarios() -> dict[str, Any]:
        """Saved scenarios, and the bundled examples."""
        saved = [{"id": s.id, "name": s.name, "scenario": s.body} for s in store.scenarios()]
        return {"saved": saved, "examples": examples(history=worlds.tables is not None)}

    @router.get("/api/scenarios/{sid}")
    def saved_scenario(sid: str) -> dict[str, Any]:
        """One saved scenario."""
        s = store.scenario(sid)
        if s is None:
            raise HTTPException(404, f"no saved scenario '{sid}'")
        return {"id": s.id, "name": s.name, "scenario": s.body}

    @router.post("/api/scenarios", status_code=201, dependencies=[Depends(ctx.need_token)])
    def save_scenario(req: ScenarioRequest) -> dict[str, str]:
        """Save a scenario after checking it against the world."""
        sc, _, _ = prepare(worlds, req.scenario, 0)
        return {"id": store.add_scenario(sc.name, req.scenario)}

    @router.post("/api/scenarios/check", response_model=None)
    def check(req: CheckRequest) -> dict[str, Any] | JSONResponse:
        """Check a scenario given as YAML or JSON text: the parsed scenario, or 422 with every
        problem located by line and field (`{"error", "problems": [{"line", "field", "message"}]}`)."""
        try:
            return check_text(ctx, req.text)
        except InputError as exc:
            problems = problems_json(exc)
            first = str(exc.problems[0]) if exc.problems else "invalid scenario"
            summary = first if len(problems) == 1 else f"{len(problems)} problems; first: {first}"
            return JSONResponse({"error": summary, "problems": problems}, status_code=422)

    @router.get("/api/runs/{rid}/scenario.yaml", response_class=Response)
    def run_scenario_yaml(rid: str) -> Response:
        """A run's scenario as a YAML file, to edit and run again (`casus run FILE`)."""
        r = store.run(rid)
        if r is None:
            raise HTTPException(404, f"no run '{rid}'")
        headers = {"Content-Disposition": f'attachment; filename="{file_name(r.name)}"'}
        return Response(as_yaml(r.scenario), media_type="application/yaml; charset=utf-8", headers=headers)

    return router
