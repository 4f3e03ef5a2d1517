"""The covariate verbs by source (`VERBS`), each with the reader kinds it takes for a state-year
and a dyad-year table, and `add(frame, names, tables)` to apply several: what `casus data states
--add` and `casus data dyads --add` run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from casus.history.citations import kind_of
from casus.history.covariates import (
    DYAD_YEAR,
    STATE_YEAR,
    add_atop_alliance,
    add_capital_distance,
    add_contiguity,
    add_cow_majors,
    add_cow_trade,
    add_democracy,
    add_gml_mids,
    add_igos,
    add_minimum_distance,
    add_nmc,
    add_powers,
    add_sdp_gdp,
    add_strategic_rivalries,
)

__all__ = ["VERBS", "Verb", "add", "needs"]


@dataclass(frozen=True)
class Verb:
    """A verb and the reader kinds (`readers.FILES` keys) it takes for each table kind, in order."""

    add: Callable[..., pd.DataFrame]
    tables: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __call__(self, frame: pd.DataFrame, *tables: pd.DataFrame, **options: Any) -> pd.DataFrame:
        return self.add(frame, *tables, **options)


def _both(*kinds: str) -> dict[str, tuple[str, ...]]:
    return {STATE_YEAR: kinds, DYAD_YEAR: kinds}


VERBS: dict[str, Verb] = {
    "democracy": Verb(add_democracy, _both("democracy")),
    "igos": Verb(add_igos, {STATE_YEAR: ("cow_igo_state_year",), DYAD_YEAR: ("cow_igo_dyad_year",)}),
    "mindist": Verb(add_minimum_distance, _both("cow_mindist")),
    "rivalries": Verb(add_strategic_rivalries, _both("td_rivalries")),
    "sdp_gdp": Verb(add_sdp_gdp, _both("sdp_gdp")),
    "trade": Verb(add_cow_trade, _both("cow_trade_state_year")),
    "powers": Verb(add_powers, _both("maoz_powers")),
    "atop": Verb(add_atop_alliance, {DYAD_YEAR: ("atop",)}),
    "nmc": Verb(add_nmc, _both("cow_nmc")),
    "contiguity": Verb(add_contiguity, _both("cow_contiguity")),
    "capdist": Verb(add_capital_distance, _both()),
    "majors": Verb(add_cow_majors, _both("cow_majors")),
    "mids": Verb(add_gml_mids, _both("mid_participants")),
}


def _verb(name: str) -> Verb:
    if name not in VERBS:
        raise ValueError(f"unknown source {name!r} (one of {', '.join(VERBS)})")
    return VERBS[name]


def needs(names: Iterable[str], kind: str) -> tuple[str, ...]:
    """The reader kinds the verbs `names` read for a table of `kind` ("state_year" or "dyad_year").

    >>> needs(["democracy", "igos", "capdist"], "dyad_year")
    ('democracy', 'cow_igo_dyad_year')
    """
    return tuple(dict.fromkeys(k for n in names for k in _verb(n).tables.get(kind, ())))


def add(frame: pd.DataFrame, names: Iterable[str], tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """`frame` with the verbs `names` (keys of VERBS) applied in order, each given its files from `tables`.

    Raises ValueError for an unknown name, a verb that does not take the table's kind, or a file
    not in `tables`.
    """
    for name in names:
        verb = _verb(name)
        kind, _ = kind_of(frame, verb.add.__name__, *verb.tables)
        if missing := [k for k in verb.tables[kind] if k not in tables]:
            raise ValueError(f"{name}: needs the {', '.join(missing)} file")
        frame = verb(frame, *(tables[k] for k in verb.tables[kind]))
    return frame
