"""Small shared types: ids, areas and date helpers."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import StringConstraints

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
TreatyId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")]


class AreaId(StrEnum):
    """Named areas that treaty scope clauses refer to (see docs/treaty-format.md)."""

    EUROPE = "europe"
    NORTH_AMERICA = "north_america"
    NORTH_ATLANTIC = "north_atlantic_north_of_tropic_of_cancer"
    MEDITERRANEAN = "mediterranean"
    PACIFIC = "pacific"
    ASIA = "asia"
    WESTERN_HEMISPHERE = "western_hemisphere"
    RIO_SECURITY_ZONE = "rio_security_zone"
    ARAB_WORLD = "arab_world"
    AFRICA = "africa"
    MIDDLE_EAST = "middle_east"
    CAUCASUS = "caucasus"
    CENTRAL_ASIA = "central_asia"
