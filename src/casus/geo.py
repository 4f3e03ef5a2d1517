"""Where a point lies: the treaty areas whose outline contains it (data/areas.yaml, shapely).

The outlines are coarse and drawn for points at sea (a warship attacked at given coordinates);
a state's territory carries its areas in the registry. Each area keeps its definition (the
treaty words) and how the outline follows them, for the reasons the engine gives.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from shapely.geometry import Point, Polygon
from shapely.prepared import PreparedGeometry, prep

from casus.loader import read_file, validate
from casus.model import AreaId

__all__ = ["AREAS_FILE", "AreaOutline", "areas_at", "outlines"]

AREAS_FILE = Path(__file__).resolve().parent / "data" / "areas.yaml"


class AreaOutline(BaseModel):
    """One area's outline: polygons of (longitude, latitude) points."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: AreaId
    definition: str
    drawn: str
    polygons: list[list[tuple[float, float]]] = Field(min_length=1)


@lru_cache(maxsize=1)
def outlines() -> dict[str, tuple[AreaOutline, list[PreparedGeometry]]]:
    """Every outline, with its polygons prepared for point tests."""
    data, lines = read_file(AREAS_FILE)
    out = {}
    for i, item in enumerate(data):
        area = validate(AreaOutline, item, str(AREAS_FILE), lines, (i,))
        out[area.id.value] = (area, [prep(Polygon(p)) for p in area.polygons])
    return out


def areas_at(latitude: float, longitude: float) -> list[str]:
    """The ids of the areas whose outline contains the point, in file order.

    >>> areas_at(45.0, -30.0)  # mid-Atlantic, west of the Azores
    ['north_atlantic_north_of_tropic_of_cancer']
    >>> areas_at(15.0, -25.0)  # west of Cape Verde, south of the Tropic
    []
    >>> areas_at(9.7, 115.9)  # Second Thomas Shoal
    ['pacific']
    """
    point = Point(longitude, latitude)
    return [ident for ident, (_, polys) in outlines().items() if any(p.covers(point) for p in polys)]
