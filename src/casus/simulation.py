"""What a simulation gives: per-state chances, war sizes, escalation paths, sensitivity, the weight
of the treaty verdicts, and what every number is conditional on (`SimulationResult`)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from casus.joining import JoiningModel
from casus.model import Intensity

__all__ = [
    "EscalationPath",
    "PathStep",
    "Sensitivity",
    "SimulationResult",
    "StateOutcome",
    "VerdictEffect",
    "model_note",
]


class StateOutcome(BaseModel):
    """One state's probability of being at war, by side, with the Monte Carlo standard error."""

    model_config = ConfigDict(frozen=True)

    state: str
    name: str
    initial: str | None
    p_war: float
    p_side_a: float
    p_side_b: float
    se: float


class PathStep(BaseModel):
    """One state joining, in one round, and the tie that carried it."""

    model_config = ConfigDict(frozen=True)

    round: int
    state: str
    side: str
    via: str


class EscalationPath(BaseModel):
    """A sequence of joins and how often it happened."""

    model_config = ConfigDict(frozen=True)

    probability: float
    steps: list[PathStep]


class Sensitivity(BaseModel):
    """The effect on the outcome of changing one assumption, with the same random numbers."""

    model_config = ConfigDict(frozen=True)

    change: str
    kind: str
    outcome: float
    delta: float


def model_note(model: JoiningModel, intensity: Intensity | None = None) -> str:
    """What the model's probabilities are conditional on, and what in it today's world cannot feed."""
    level = intensity or model.given
    if model.kind == "prior":
        note = (
            "prior from published reliability rates, not fitted to data; it does not distinguish intensities"
        )
    elif model.knows_intensity and level is not None:
        note = (
            f"fitted on {model.data_version}: historical militarized disputes that reached "
            f"{level.label} (MID level {level.hostlev}), so these are the chances of joining "
            f"if it comes to {level.label}"
        )
    else:
        note = (
            f"fitted on {model.data_version}: historical militarized disputes of every intensity "
            "(this model has no intensity terms), so these are base rates for a dispute"
        )
    if model.level is not None and model.level.sd > 0:
        note += (
            f"; a per-war level (sd {model.level.sd:.2f} on the log-odds) moves the first round's "
            "joins together, so most conflicts draw no one in and the few that spread draw several"
        )
    unmeasured = model.unmeasured_today()
    if unmeasured:
        # The scenario's world has no values for these, so the model runs with them at 0.
        note += (
            f"; it weighs {', '.join(unmeasured)}, which casus cannot measure for this world and takes "
            "as 0 (--model today is fitted without them)"
        )
    return note


class VerdictEffect(BaseModel):
    """How much the obligation engine's verdicts move the numbers under the model in use: the most
    likely joiner's P(war), and the mean war size, with every triggered or contested obligation
    counted as not triggered (same random numbers)."""

    model_config = ConfigDict(frozen=True)

    state: str | None
    p_war: float
    p_war_untriggered: float
    war_size_mean: float
    war_size_mean_untriggered: float
    trials: int


class SimulationResult(BaseModel):
    """What `casus.simulate` returns; also the `simulation` object of `casus run --json`."""

    model_config = ConfigDict(frozen=True)

    trials: int
    seed: int
    rounds: int
    intensity: Intensity  # the level the probabilities are conditional on
    intensity_source: str
    model: str
    model_kind: str
    model_note: str
    data_version: str | None
    casus_version: str
    world: str | None = None  # the provenance of a world built from data (a historical year)
    side_a: list[str]
    side_b: list[str]
    states: list[StateOutcome]
    p_nuclear_opposed: float
    p_nuclear_opposed_se: float
    war_size: dict[str, Any]
    paths: list[EscalationPath]
    outcome: str = "p_nuclear_opposed"
    sensitivity: list[Sensitivity] = Field(default_factory=list)
    verdicts: VerdictEffect | None = None

    def to_frame(self) -> Any:
        """Each state's probabilities as a pandas DataFrame (state, name, initial, p_war, p_side_a,
        p_side_b, se), with what they are conditional on in `attrs` (intensity, model, data and
        casus versions, trials, seed)."""
        import pandas as pd

        columns = ["state", "name", "initial", "p_war", "p_side_a", "p_side_b", "se"]
        frame = pd.DataFrame([s.model_dump() for s in self.states], columns=columns)
        frame.attrs.update(
            intensity=self.intensity.value, model=self.model, data_version=self.data_version,
            casus_version=self.casus_version, trials=self.trials, seed=self.seed, world=self.world,
        )  # fmt: skip
        return frame
