"""Named places: who holds them, who claims them, and which treaty areas they lie in."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from casus.model.common import AreaId, Iso3


class PlaceStatus(StrEnum):
    """The legal standing of a place."""

    TERRITORY = "territory"  # undisputed territory of its sovereign
    DISPUTED = "disputed"  # administered by one state, claimed by others
    OCCUPIED = "occupied"  # held by force; sovereignty not recognised
    ANNEXED = "annexed"  # claimed as annexed by the occupier; annexation not recognised
    HIGH_SEAS = "high_seas"  # under no state's sovereignty


class PlaceKind(StrEnum):
    """What sort of place it is."""

    REGION = "region"
    CITY = "city"
    ISLAND = "island"
    FEATURE = "feature"
    SEA = "sea"


class Place(BaseModel):
    """A named place that events happen in."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    name: Annotated[str, StringConstraints(min_length=1)]
    aliases: list[str] = Field(default_factory=list)
    kind: PlaceKind
    status: PlaceStatus
    sovereign: Iso3 | None = None
    administered_by: Iso3 | None = None
    claimed_by: list[Iso3] = Field(default_factory=list)
    areas: list[AreaId] = Field(default_factory=list)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Place:
        if self.status is PlaceStatus.HIGH_SEAS and (self.sovereign or self.administered_by):
            raise ValueError("the high seas have no sovereign or administrator")
        if self.status is not PlaceStatus.HIGH_SEAS and not self.administered_by:
            raise ValueError("administered_by is required except on the high seas")
        return self
