"""States: the registry's records, keyed by ISO 3166-1 alpha-3."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from casus.model.common import AreaId, Iso3

StateId = Iso3


class StateStatus(StrEnum):
    """A state's standing in the international system."""

    UN_MEMBER = "un_member"
    UN_OBSERVER = "un_observer"
    PARTIALLY_RECOGNISED = "partially_recognised"
    HISTORICAL = "historical"


class CowCode(BaseModel):
    """A Correlates of War identity: numeric ccode and three-letter abbreviation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: int | None = Field(default=None, ge=1, le=999)
    abb: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    start: dt.date | None = None
    end: dt.date | None = None


class Spell(BaseModel):
    """A period with a start and an optional end (the first day it no longer holds)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    since: dt.date
    until: dt.date | None = None
    note: str | None = None

    def covers(self, on: dt.date) -> bool:
        """True if the spell holds on that date."""
        return self.since <= on and (self.until is None or on < self.until)


NuclearSpell = Spell  # a period of nuclear-weapon possession: since (first test or assessed), until, note


class State(BaseModel):
    """One state of the modern state system, present or past."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: StateId
    iso2: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    name: Annotated[str, StringConstraints(min_length=1)]
    official_name: str | None = None
    aliases: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)
    capital: str | None = None
    metonyms: list[str] = Field(default_factory=list)
    region: Annotated[str, StringConstraints(min_length=1)]
    subregion: str | None = None
    areas: list[AreaId] = Field(default_factory=list)
    start: dt.date
    end: dt.date | None = None
    status: StateStatus
    status_note: str | None = None
    cow: CowCode | None = None
    former_cow: list[CowCode] = Field(default_factory=list)
    neighbours: list[StateId] = Field(default_factory=list)
    nuclear: list[NuclearSpell] = Field(default_factory=list)
    major_power: list[Spell] = Field(default_factory=list)
    predecessors: list[StateId] = Field(default_factory=list)
    successors: list[StateId] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_in_order(self) -> State:
        if self.end is not None and self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        return self

    def exists_on(self, on: dt.date) -> bool:
        """True if the state existed on that date."""
        return self.start <= on and (self.end is None or on < self.end)

    def nuclear_on(self, on: dt.date) -> bool:
        """True if the state was nuclear-armed on that date."""
        return any(spell.covers(on) for spell in self.nuclear)

    def major_on(self, on: dt.date) -> bool:
        """True if the state was a major power (COW's list) on that date."""
        return any(spell.covers(on) for spell in self.major_power)

    def cow_on(self, on: dt.date | None = None) -> CowCode | None:
        """The COW identity in use on a date (today's when no date is given)."""
        if on is not None:
            for former in self.former_cow:
                if (former.start is None or former.start <= on) and (former.end is None or on < former.end):
                    return former
        return self.cow
