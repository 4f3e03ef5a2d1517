"""Scenarios: the bundled examples, saved scenarios, and checking a scenario given as data."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from casus.service.context import Context, ScenarioRequest, examples
from casus.service.jobs import prepare


def scenarios(ctx: Context) -> APIRouter:
    """Saved scenarios with the bundled examples; saving one after checking it."""
    router = APIRouter()
    worlds, store = ctx.worlds, ctx.store

    @router.get("/api/scenarios")
    def scenarios() -> dict[str, Any]:
        """Saved scenarios, and the bundled examples."""
        saved = [{"id": s.id, "name": s.name, "scenario": s.body} for s in store.scenarios()]
        return {"saved": saved, "examples": examples(history=worlds.tables is not None)}

    @router.post("/api/scenarios", status_code=201, dependencies=[Depends(ctx.need_token)])
    def save_scenario(req: ScenarioRequest) -> dict[str, str]:
        """Save a scenario after checking it against the world."""
        sc, _, _ = prepare(worlds, req.scenario, 0)
        return {"id": store.add_scenario(sc.name, req.scenario)}

    return router
