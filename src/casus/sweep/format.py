"""The sweep file's format: its fields and their checks (pydantic), read by `casus.sweep.spec`.
docs/sweep-format.md describes them for users."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

MAX_CELLS = 1_000_000
SEED_MAX = 2**63 - 1
Name = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
Value = bool | int | float | str


class Span(BaseModel):
    """Evenly spaced numbers from `from` to `to` inclusive (`steps` of them) in a grid; the
    interval to draw from uniformly in a random sample."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    start: float = Field(alias="from")
    stop: float = Field(alias="to")
    steps: int = Field(default=5, ge=2, le=10_000)


class RandomSample(BaseModel):
    """Draw this many input combinations (per scenario) instead of the full grid."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    random: int = Field(ge=1, le=MAX_CELLS)


class Heatmap(BaseModel):
    """One heat map in the summary: an outcome over two varied inputs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    x: Name
    y: Name
    outcome: Name


class Flip(BaseModel):
    """Where an outcome crosses a threshold between neighbouring cells."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    outcome: Name
    threshold: float = 0.5


class SummarySpec(BaseModel):
    """What the HTML summary shows (defaults: the first two varied inputs, every outcome)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    heatmaps: list[Heatmap] = Field(default_factory=list)
    flips: list[Flip] = Field(default_factory=list)


class SweepSpec(BaseModel):
    """A sweep file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Name
    description: str | None = None
    scenarios: list[Name] = Field(min_length=1)
    vary: dict[str, list[Value] | Span] = Field(default_factory=dict)
    sample: Literal["grid"] | RandomSample = "grid"
    trials: int = Field(default=10_000, ge=1, le=100_000_000)
    seed: int = Field(default=0, ge=0, le=SEED_MAX)
    seeds: Literal["per-cell", "common"] = "per-cell"
    model: Name = "today"
    outcomes: list[Name] = Field(default_factory=lambda: ["p_spread", "war_size_mean", "p_nuclear_opposed"])
    summary: SummarySpec = Field(default_factory=SummarySpec)

    @model_validator(mode="after")
    def _lists_not_empty(self) -> SweepSpec:
        for key, values in self.vary.items():
            if isinstance(values, list) and not values:
                raise ValueError(f"vary.{key}: give at least one value")
        if len(set(self.outcomes)) != len(self.outcomes):
            raise ValueError("outcomes are listed more than once")
        if len(set(self.scenarios)) != len(self.scenarios):
            raise ValueError("a scenario is listed more than once")
        return self
