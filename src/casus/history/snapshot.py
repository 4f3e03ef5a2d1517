"""The historical world at a year: the states in the system and the obligations in force between them.

Built from the files the calibration reads (COW State System and major powers, ATOP's directed
dyad-year obligations), with the same rules the backtest cascade compiles a dispute's year by
(`casus.history.cascade.HistoryWorld`): a state is in the world if its COW membership spell
covers the year; an obligation is in force if ATOP's dyad-year file codes it for that year.
So what a user looks up here is what the backtests saw.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from casus.history.features import system_years

__all__ = ["KINDS", "Snapshot", "world_at"]

KINDS = {
    "defense": "defence",
    "offense": "offence",
    "neutral": "neutrality",
    "nonagg": "non-aggression",
    "consul": "consultation",
}


@dataclass(frozen=True)
class Snapshot:
    """The states of one year and the obligations in force between them."""

    year: int
    states: pd.DataFrame  # ccode, stateabb, statenme, major (0/1), sorted by ccode
    obligations: pd.DataFrame  # ccode1 owes ccode2: ccode1, ccode2, abb1, abb2, one 0/1 column per KINDS

    def code(self, state: str) -> int:
        """The COW code of a state in this year's system, from its code or abbreviation (any case)."""
        s = state.strip()
        st = self.states
        hit = st[st.ccode == int(s)] if s.isdigit() else st[st.stateabb.str.upper() == s.upper()]
        if hit.empty:
            raise ValueError(f"{state!r} is not a state in the COW system in {self.year}")
        return int(hit.ccode.iloc[0])

    def involving(self, ccode: int) -> Snapshot:
        """The same year with only the obligations `ccode` owes or is owed."""
        ob = self.obligations
        return Snapshot(self.year, self.states, ob[(ob.ccode1 == ccode) | (ob.ccode2 == ccode)])

    def pairs(self, kind: str) -> list[tuple[str, str, bool]]:
        """(obligor, beneficiary, mutual) for one kind, each mutual pair once, by abbreviation."""
        ob = self.obligations[self.obligations[kind] == 1]
        owed = set(zip(ob.abb1, ob.abb2, strict=True))
        out = []
        for a, b in sorted(owed):
            mutual = (b, a) in owed
            if mutual and b < a:
                continue
            out.append((a, b, mutual))
        return out


def world_at(tables: dict[str, pd.DataFrame], year: int) -> Snapshot:
    """The states in the COW system in `year` and the ATOP obligations in force between them.

    Raises ValueError when no state was in the system that year, or when the ATOP file does not
    cover the year (so that "no obligations" is never said for lack of data).
    """
    states = tables["cow_states"]
    members = system_years(states)
    span = (int(members.year.min()), int(members.year.max())) if len(members) else (0, -1)
    in_year = members[members.year == year].ccode
    if in_year.empty:
        raise ValueError(f"no state is in the COW system in {year} (the data cover {span[0]}-{span[1]})")
    names = states.drop_duplicates("ccode").set_index("ccode")[["stateabb", "statenme"]]
    majors = set(system_years(tables["cow_majors"]).query("year == @year").ccode)
    st = names.loc[sorted(in_year.unique())].reset_index()
    st["major"] = st.ccode.isin(majors).astype("int8")
    at = tables["atop"]
    if at.empty or not at.year.min() <= year <= at.year.max():
        cover = f"{at.year.min()}-{at.year.max()}" if len(at) else "no year"
        raise ValueError(f"the ATOP file covers {cover}, not {year}")
    ob = at[(at.year == year) & (at[list(KINDS)].sum(axis=1) > 0)]
    ob = ob[["ccode1", "ccode2", *KINDS]].drop_duplicates(["ccode1", "ccode2"])
    abb = names.stateabb
    ob = ob.assign(abb1=ob.ccode1.map(abb).fillna(ob.ccode1.astype(str)))
    ob = ob.assign(abb2=ob.ccode2.map(abb).fillna(ob.ccode2.astype(str)))
    ob = ob[["ccode1", "ccode2", "abb1", "abb2", *KINDS]].sort_values(["ccode1", "ccode2"], ignore_index=True)
    return Snapshot(year, st, ob)
