"""The OpenAPI schema, made precise: scenarios typed field by field, states named, errors documented.

Request bodies keep the scenario as the JSON a client sent (it is stored as given, and checked
with located errors against the world), so FastAPI alone would document it as any object. This
puts the scenario format's own schema (`casus.model.Scenario`) in its place, with state codes
listed from the server's world, and documents the JSON error every operation may answer.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from casus.model.scenario import Scenario
from casus.world import World

__all__ = ["ERROR_RESPONSES", "precise_openapi"]

ISO3 = "^[A-Z]{3}$"
STATE_ID = "#/components/schemas/StateId"
DATE = "^(18[2-9][0-9]|19[0-9]{2}|20[0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$"
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string", "description": "What went wrong, on one line."}},
}
ERROR_JSON = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": text, "content": ERROR_JSON}
    for code, text in {
        "4XX": "The request cannot be answered as it is (the message says which field and why).",
        "5XX": "The server or its database failed; the message says which, and it is logged.",
    }.items()
}  # fmt: skip


def _name_states(node: Any) -> Any:
    """Replace every three-letter code pattern with a reference to the world's state codes."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("pattern") == ISO3:
            return {"$ref": STATE_ID}
        if "patternProperties" in node and ISO3 in node["patternProperties"]:
            value = _name_states(node["patternProperties"].pop(ISO3))
            node = {
                **node,
                "propertyNames": {"$ref": "#/components/schemas/StateId"},
                "additionalProperties": value,
            }
            node.pop("patternProperties")
            return node
        return {k: _name_states(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_name_states(v) for v in node]
    return node


def scenario_components(world: World, history: bool = False) -> dict[str, Any]:
    """The scenario format's schemas for OpenAPI components: `Scenario`, its parts, and `StateId`.

    `history`: the server can build historical worlds (else a scenario may only ask for the bundled one).
    """
    schema = Scenario.model_json_schema(ref_template="#/components/schemas/{model}")
    parts = schema.pop("$defs", {})
    parts = {name: _name_states(part) for name, part in parts.items()}
    scenario = _name_states(schema)
    parts["Event"]["properties"]["actor"] = {
        "$ref": STATE_ID,
        "description": "A state's code (a non-state actor may be named here, with "
        "`attributes.state_actor: false`; this schema lists only states).",
    }
    # Dates from 1816, the first year of the state system casus knows, to 2099.
    scenario["properties"]["date"] = {"type": "string", "format": "date", "pattern": DATE}
    if not history:
        scenario["properties"]["world"] = {"type": "string", "enum": ["bundled"], "default": "bundled"}
    # What Location's and Override's validators demand, said in the schema: a place is given, and
    # an event on the high seas is on no state's territory.
    high_seas = {"required": ["high_seas"], "properties": {"high_seas": {"const": True}}}
    parts["Location"]["anyOf"] = [
        {"required": ["state"], "properties": {"state": {"$ref": STATE_ID}}, "not": high_seas},
        {
            "required": ["place"],
            "properties": {"place": {"type": "string", "minLength": 1}},
            "not": high_seas,
        },
        {**high_seas, "not": {"required": ["state"], "properties": {"state": {"type": "string"}}}},
    ]
    parts["Override"]["not"] = {"required": ["at_war_on"], "anyOf": [
        {"required": ["reliability"], "properties": {"reliability": {"type": "number"}}},
        {"required": ["fights"], "properties": {"fights": {"const": False}}},
    ]}  # fmt: skip
    ids = sorted({s.id for s in world.states})
    return {
        **parts,
        "Scenario": scenario,
        "StateId": {"type": "string", "enum": ids, "description": "A state's ISO 3166-1 alpha-3 code."},
        "Error": ERROR,
    }


def precise_openapi(app: FastAPI, world: World, history: bool = False) -> None:
    """Make `app.openapi()` give the precise schema (built once, on first request)."""

    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = get_openapi(
            title=app.title, version=app.version, description=app.description, routes=app.routes
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(scenario_components(world, history))
        for body in ("RunRequest", "ScenarioRequest"):
            if body in components:
                components[body]["properties"]["scenario"] = {"$ref": "#/components/schemas/Scenario"}
        app.openapi_schema = schema
        return schema

    app.openapi = build  # type: ignore[method-assign]
