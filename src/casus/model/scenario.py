"""Scenarios: a date, events, and explicit assumptions for contested questions."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from casus.model.common import AreaId, Iso3
from casus.model.errors import CasusError

NonEmpty = Annotated[str, StringConstraints(min_length=1)]


class EventKind(StrEnum):
    """What happened."""

    ARMED_ATTACK = "armed_attack"
    STRIKE_ON_TERRITORY = "strike_on_territory"
    ATTACK_ON_FORCES = "attack_on_forces"
    IMMINENT_THREAT = "imminent_threat"
    DECLARATION_OF_WAR = "declaration_of_war"


class Intensity(StrEnum):
    """How far the conflict goes: the MID hostility level it reaches (or that the user asks about).

    The joining model is fitted conditional on it (`casus.joining`), so every probability casus
    prints is "if it comes to this". MID codes 1 (no militarized action) to 5 (war); casus asks
    about levels 2-5.
    """

    THREAT = "threat"
    DISPLAY = "display"
    USE_OF_FORCE = "use_of_force"
    WAR = "war"

    @property
    def hostlev(self) -> int:
        """The MID hostility level (2 threat ... 5 war)."""
        return {"threat": 2, "display": 3, "use_of_force": 4, "war": 5}[self.value]

    @property
    def label(self) -> str:
        """Plain words for outputs."""
        return {"threat": "a threat of force", "display": "a display of force",
                "use_of_force": "a use of force short of war", "war": "war"}[self.value]  # fmt: skip

    @classmethod
    def from_hostlev(cls, level: int) -> Intensity:
        """The intensity of a MID hostility level (1, no militarized action, counts as a threat).

        >>> Intensity.from_hostlev(4).label
        'a use of force short of war'
        >>> Intensity.from_hostlev(1)
        <Intensity.THREAT: 'threat'>
        """
        return {2: cls.THREAT, 3: cls.DISPLAY, 4: cls.USE_OF_FORCE, 5: cls.WAR}[min(5, max(2, int(level)))]


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


# The intensity an event implies when the scenario does not set one: an imminent threat is a
# threat of force (MID level 2); an attack or strike is a use of force (4); a declaration of war
# is war (5). MID's level 3, a display of force, has no event kind: set it with
# `simulation.intensity`.
EVENT_INTENSITY: dict[EventKind, Intensity] = {
    EventKind.IMMINENT_THREAT: Intensity.THREAT,
    EventKind.ARMED_ATTACK: Intensity.USE_OF_FORCE,
    EventKind.STRIKE_ON_TERRITORY: Intensity.USE_OF_FORCE,
    EventKind.ATTACK_ON_FORCES: Intensity.USE_OF_FORCE,
    EventKind.DECLARATION_OF_WAR: Intensity.WAR,
}


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


class Side(StrEnum):
    """A side of the war: `a` the attackers (the side of the first event's actor), `b` the attacked."""

    A = "a"
    B = "b"

    @property
    def position(self) -> int:
        """The side's index in the simulator's arrays (casus.sides)."""
        return 0 if self is Side.A else 1

    @property
    def other(self) -> Side:
        """The opposite side."""
        return Side.B if self is Side.A else Side.A


class Override(BaseModel):
    """A per-state assumption for the simulation.

    `fights: false` keeps the state out of the fighting; `reliability` is the probability that it
    honours an obligation it has in this war (it then never joins the other side); `supports`
    names the belligerent it supplies with arms, money or territory (a supplier, which
    `suppliers_are_cobelligerents` counts as at war on that belligerent's side); `at_war_on`
    puts it in the war from the start on side `a` or `b`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    fights: bool = True
    reliability: float | None = Field(default=None, ge=0, le=1)
    supports: Iso3 | None = None
    at_war_on: Side | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _coherent(self) -> Override:
        if self.at_war_on is not None and not self.fights:
            raise ValueError("a state at war from the start fights: drop fights: false or at_war_on")
        if self.at_war_on is not None and self.reliability is not None:
            raise ValueError("reliability is for a state that might join; this one is at war from the start")
        return self


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
    intensity: Intensity | None = None  # default: from the events' kinds (EVENT_INTENSITY)


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

    @property
    def intensity(self) -> Intensity:
        """The level the scenario asks about: `simulation.intensity`, else the highest its events imply."""
        if self.simulation.intensity is not None:
            return self.simulation.intensity
        return max((EVENT_INTENSITY[e.kind] for e in self.events), key=lambda i: i.hostlev)

    @property
    def intensity_source(self) -> str:
        """Where the intensity comes from, for outputs."""
        if self.simulation.intensity is not None:
            return "set in the scenario"
        return "from the events' kinds"


class SideConflict(CasusError, ValueError):
    """A state that the scenario puts on both sides; `path` locates the second placement."""

    def __init__(self, message: str, path: list[str | int]) -> None:
        super().__init__(message)
        self.path = path


def initial_sides(scenario: Scenario) -> dict[str, Side]:
    """The states at war at the start and their sides, built from who did what to whom.

    Events are read in date order (an event without a date is on the scenario's date; ties keep
    the file's order). The first event's actor is on side `a`, its target on side `b`; a later
    event puts its target opposite its actor whichever was placed first, so a retaliation keeps
    the sides. A non-state actor takes no side (its target still does). Overrides with
    `at_war_on` add states on a named side; with `suppliers_are_cobelligerents`, the states that
    supplied an attacker's weapons (`weapons_supplied_by`) and those an override says `supports` a
    belligerent join that belligerent's side unless already at war. Raises `SideConflict` for a
    state put on both sides, naming the two events.
    """
    side: dict[str, Side] = {}
    why: dict[str, str] = {}

    def place(state: str, s: Side, reason: str, path: list[str | int]) -> None:
        if state in side and side[state] is not s:
            raise SideConflict(
                f"{state} would be on both sides: {why[state]} puts it on side {side[state].value}, "
                f"{reason} on side {s.value}",
                path,
            )
        if state not in side:
            side[state], why[state] = s, reason

    order = sorted(range(len(scenario.events)), key=lambda i: (scenario.events[i].date or scenario.date, i))
    for i in order:
        ev = scenario.events[i]
        actor = ev.actor if ev.attributes.state_actor else None
        label = f"event {ev.id!r}"
        if actor is not None and actor in side and ev.target not in side:
            place(ev.target, side[actor].other, f"{label} (attacked by {actor})", ["events", i, "target"])
        elif ev.target in side:
            if actor is None:
                continue
            place(actor, side[ev.target].other, f"{label} (attacking {ev.target})", ["events", i, "actor"])
        else:
            place(ev.target, Side.B, f"{label} (attacked)", ["events", i, "target"])
            if actor is not None:
                place(actor, Side.A, f"{label} (attacking)", ["events", i, "actor"])
    for sid, ov in scenario.assumptions.overrides.items():
        if ov.at_war_on is not None:
            place(sid, ov.at_war_on, f"assumptions.overrides.{sid}.at_war_on",
                  ["assumptions", "overrides", sid, "at_war_on"])  # fmt: skip
    if scenario.assumptions.suppliers_are_cobelligerents:
        for ev in scenario.events:
            s = side[ev.actor] if ev.attributes.state_actor and ev.actor in side else side[ev.target].other
            for sup in ev.attributes.weapons_supplied_by:
                side.setdefault(sup, s)
        for sid, ov in scenario.assumptions.overrides.items():
            if ov.supports is not None and ov.supports in side:
                side.setdefault(sid, side[ov.supports])
    return side
