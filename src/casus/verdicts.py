"""The casus foederis engine's verdicts: one `ObligationResult` per obligor, beneficiary,
provision and event (its `Status`, reasons, the article quoted and its source), and the tables
made of them: `summarise` (what follows), `results_json` (`casus run --json`), `to_frame`."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from casus.model import Automaticity, ObligationType, Scenario
from casus.world import World

__all__ = [
    "ObligationResult",
    "ReadingOutcome",
    "Status",
    "results_json",
    "summarise",
    "to_frame",
]


class Status(StrEnum):
    """The verdict on one obligation."""

    TRIGGERED = "triggered"
    NOT_TRIGGERED = "not_triggered"
    CONTESTED = "contested"


class ReadingOutcome(BaseModel):
    """What the provision gives under one combination of contested readings."""

    model_config = ConfigDict(frozen=True)

    readings: dict[str, str]
    status: Status
    failing: list[str] = Field(default_factory=list)


class ObligationResult(BaseModel):
    """One obligor's obligation toward one beneficiary under one provision, for one event."""

    model_config = ConfigDict(frozen=True)

    event: str
    treaty: str
    treaty_name: str
    article: str
    obligor: str
    beneficiary: str
    against: list[str]
    type: ObligationType
    automaticity: Automaticity
    binding: bool
    status: Status
    reasons: list[str]
    text: str
    verbatim: bool
    source: str
    readings: dict[str, str] = Field(default_factory=dict)
    alternatives: list[ReadingOutcome] = Field(default_factory=list)


def to_frame(results: list[ObligationResult]) -> Any:
    """The results as a pandas DataFrame, one row per obligor, beneficiary, provision and event
    (`against` and `reasons` joined with "; "; the contested readings' outcomes left to JSON)."""
    import pandas as pd

    columns = ["event", "treaty", "article", "obligor", "beneficiary", "against", "type", "automaticity",
               "binding", "status", "reasons", "text", "verbatim", "source"]  # fmt: skip
    rows = []
    for r in results:
        d = r.model_dump(mode="json")
        d["against"] = "; ".join(r.against)
        d["reasons"] = "; ".join(r.reasons)
        rows.append({c: d[c] for c in columns})
    return pd.DataFrame(rows, columns=columns)


def results_json(scenario: Scenario, results: list[ObligationResult], world: World) -> dict[str, Any]:
    """The documented JSON shape of `casus run --json`."""
    out: dict[str, Any] = {
        "scenario": scenario.model_dump(mode="json"),
        "obligations": [r.model_dump(mode="json") for r in results],
        "summary": summarise(results),
    }
    if world.provenance is not None:
        out["world"] = {"provenance": world.provenance, "caveats": world.caveats}
    return out


def summarise(results: list[ObligationResult]) -> dict[str, Any]:
    """What follows: who is bound to act, to consult, or to stay out, by status."""
    out: dict[str, Any] = {"bound_to_fight": [], "bound_to_consult": [], "bound_to_abstain": [], "policy": []}
    for r in results:
        if r.status is Status.NOT_TRIGGERED:
            continue
        rec = {
            "obligor": r.obligor,
            "beneficiary": r.beneficiary,
            "treaty": r.treaty,
            "article": r.article,
            "status": r.status.value,
        }
        if not r.binding:
            out["policy"].append(rec)
        elif r.type in (ObligationType.DEFENSE, ObligationType.OFFENSE):
            out["bound_to_fight"].append(rec)
        elif r.type is ObligationType.CONSULTATION:
            out["bound_to_consult"].append(rec)
        else:
            out["bound_to_abstain"].append(rec)
    return out
