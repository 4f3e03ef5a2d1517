"""Scenarios: a date, events, and explicit assumptions for contested questions."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from casus.model.common import AreaId, Iso3

NonEmpty = Annotated[str, StringConstraints(min_length=1)]


class EventKind(StrEnum):
    """What happened."""

    ARMED_ATTACK = "armed_attack"
    STRIKE_ON_TERRITORY = "strike_on_territory"
    ATTACK_ON_FORCES = "attack_on_forces"
    IMMINENT_THREAT = "imminent_threat"
    DECLARATION_OF_WAR = "declaration_of_war"


class TargetAsset(StrEnum):
    """What was hit: the state's territory, or its forces, public vessels or aircraft abroad."""

    TERRITORY = "territory"
    ARMED_FORCES = "armed_forces"
    PUBLIC_VESSEL = "public_vessel"
    AIRCRAFT = "aircraft"


class Location(BaseModel):
    """Where an event happened: a state's territory, a named place, or the high seas."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    state: Iso3 | None = None
    place: str | None = None
    high_seas: bool = False
    areas: list[AreaId] = Field(default_factory=list)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)

    @model_validator(mode="after")
    def _something_given(self) -> Location:
        if not (self.state or self.place or self.high_seas):
            raise ValueError("give a state, a place, or high_seas: true")
        if self.high_seas and self.state:
            raise ValueError("an event on the high seas is not on a state's territory")
        return self


class EventAttributes(BaseModel):
    """Facts about an event that treaty conditions turn on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    state_actor: bool = True
    flag: Iso3 | None = None
    weapons_supplied_by: list[Iso3] = Field(default_factory=list)
    target_asset: TargetAsset = TargetAsset.TERRITORY
    provoked: bool | None = None
    request_for_assistance: bool | None = None
    description: str | None = None


class Event(BaseModel):
    """One event: who did what to whom, where and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: NonEmpty
    actor: NonEmpty
    target: Iso3
    kind: EventKind
    location: Location
    date: dt.date | None = None
    attributes: EventAttributes = Field(default_factory=EventAttributes)


class Override(BaseModel):
    """A per-state assumption for the simulation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fights: bool = True
    reliability: float | None = Field(default=None, ge=0, le=1)
    note: str | None = None


class Assumptions(BaseModel):
    """Answers to contested questions; each one is shown with the results it produced."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    suppliers_are_cobelligerents: bool = False
    honour_signed_not_in_force: bool = False
    nuclear_deterrence: bool = True
    at_war: list[Iso3] = Field(default_factory=list)
    readings: dict[str, str] = Field(default_factory=dict)
    overrides: dict[Iso3, Override] = Field(default_factory=dict)


class Simulation(BaseModel):
    """Monte Carlo settings; the command line may override them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    trials: int = Field(default=100_000, ge=1, le=100_000_000)
    seed: int = Field(default=20240619, ge=0, le=2**63 - 1)
    rounds: int = Field(default=8, ge=1, le=50)


class WorldKind(StrEnum):
    """The world a scenario runs in: the bundled states and treaties, or a historical year's."""

    BUNDLED = "bundled"
    HISTORY = "history"  # built for the scenario's year from ATOP and COW files (`casus run --data DIR`)


class Scenario(BaseModel):
    """A scenario file: a date, one or more events, and the assumptions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: NonEmpty
    date: dt.date
    world: WorldKind = WorldKind.BUNDLED
    description: str | None = None
    events: list[Event] = Field(min_length=1)
    assumptions: Assumptions = Field(default_factory=Assumptions)
    simulation: Simulation = Field(default_factory=Simulation)

    @model_validator(mode="after")
    def _unique_event_ids(self) -> Scenario:
        ids = [e.id for e in self.events]
        if len(set(ids)) != len(ids):
            raise ValueError(f"event ids must be unique: {ids}")
        return self
