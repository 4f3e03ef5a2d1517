"""How much of the alliance world the bundled library holds, set against ATOP's codings.

ATOP's dyad-year file records, for each pair of states and year, whether an alliance in force
carries a defence or offence obligation between them. `coverage` takes ATOP's last year and
sorts its defence and offence pairs:

- **covered**: the library binds the pair today (`on`) by a defence or offence obligation of a
  binding treaty in force (signed-only treaties do not count);
- **ended**: the pair's tie has ended since ATOP's last year: the library holds the treaty and
  says when the pair's membership or the treaty ended (the date and the treaty's source), or
  `data/coverage-ended.yaml` records an alliance the library does not hold, with the date it
  ended and the source that says so;
- **missing**: neither; listed pair by pair, so that the library can be completed.

`share_covered` is covered / (pairs − ended). A covered pair whose every binding tie passes
through a membership the library could not verify (`Membership.verified: false`, coded on ATOP's
or a signature list's word) is marked `unverified`: the engine reads such a duty as an open
question. `share_verified` leaves those pairs out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from casus.loader import read_file, validate
from casus.model import Direction, ObligationType
from casus.world import World

__all__ = ["ENDED_FILE", "Coverage", "EndedTie", "coverage", "library_pairs"]

ENDED_FILE = Path(__file__).resolve().parent / "data" / "coverage-ended.yaml"
FIGHT = (ObligationType.DEFENSE, ObligationType.OFFENSE)


class EndedTie(BaseModel):
    """An alliance ATOP codes in its last year that has ended since and that the library does not hold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    alliance: str
    states: list[str] = Field(min_length=2)  # ISO3; every pair among them
    ended: dt.date | None = None  # None: the tie's end is not dated; the pair stays missing, with the reason
    source: str
    note: str | None = None


@dataclass
class Coverage:
    """The pairs of ATOP's last year, sorted."""

    atop_year: int
    on: dt.date
    covered: list[dict[str, Any]] = field(default_factory=list)
    ended: list[dict[str, Any]] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)

    @property
    def pairs(self) -> int:
        """ATOP's defence and offence pairs in its last year."""
        return len(self.covered) + len(self.ended) + len(self.missing)

    @property
    def share_covered(self) -> float:
        """covered / (pairs − ended)."""
        live = self.pairs - len(self.ended)
        return len(self.covered) / live if live else 1.0

    @property
    def unverified(self) -> list[dict[str, Any]]:
        """Covered pairs whose every binding tie rests on a membership not verified (the engine
        reads the duty as an open question)."""
        return [row for row in self.covered if row.get("unverified")]

    @property
    def share_verified(self) -> float:
        """(covered − unverified) / (pairs − ended): the share bound by verified memberships alone."""
        live = self.pairs - len(self.ended)
        return (len(self.covered) - len(self.unverified)) / live if live else 1.0

    def to_json(self) -> dict[str, Any]:
        """The documented JSON of `casus data coverage --json`."""
        return {
            "atop_year": self.atop_year, "on": self.on.isoformat(), "pairs": self.pairs,
            "covered": len(self.covered), "ended": len(self.ended), "missing": len(self.missing),
            "share_covered": round(self.share_covered, 4), "covered_unverified": len(self.unverified),
            "share_verified": round(self.share_verified, 4),
            "covered_pairs": self.covered, "ended_pairs": self.ended, "missing_pairs": self.missing,
        }  # fmt: skip


def library_pairs(
    world: World, on: dt.date, open_ties: dict[tuple[str, str], dict[str, set[str]]] | None = None
) -> dict[tuple[str, str], list[str]]:
    """Unordered pairs bound on a date by a defence or offence obligation of a binding treaty in
    force (or signed with its entry into force unknown: the library holds the tie, and the engine
    reads whether it binds as an open question), with the treaties that bind them. `open_ties`,
    if given, receives for each pair the treaties that bind it only through a membership not
    verified (`Membership.verified`), with the states whose membership that is."""
    out: dict[tuple[str, str], list[str]] = {}
    for ta in world.at(on).treaties(include=("in_force", "signed")):
        if not ta.treaty.binding or (ta.status == "signed" and not ta.treaty.in_force_unknown):
            continue
        parties = sorted(ta.parties)
        for p in ta.treaty.provisions:
            if p.type not in FIGHT:
                continue
            pairs: Iterable[tuple[str, str]]
            if p.direction is Direction.MUTUAL:
                pairs = itertools.combinations(parties, 2)
            else:
                pairs = ((a, b) for a in p.obligors for b in p.beneficiaries if a in parties and b in parties)
            for a, b in pairs:
                key = (min(a, b), max(a, b))
                if a != b and ta.treaty.id not in out.setdefault(key, []):
                    out[key].append(ta.treaty.id)
                    shaky = {s for s in (a, b) if s in ta.unverified}
                    if open_ties is not None and shaky:
                        open_ties.setdefault(key, {})[ta.treaty.id] = shaky
    return out


def load_ended(path: str | os.PathLike[str] = ENDED_FILE) -> list[EndedTie]:
    """The alliances ended since ATOP's last year that the library does not hold."""
    path = Path(path)
    if not path.exists():
        return []
    data, lines = read_file(path)
    return [validate(EndedTie, item, str(path), lines, (i,)) for i, item in enumerate(data or [])]


def _end_in_library(
    world: World, before: list[str] | None, pair: tuple[str, str], then: dt.date, on: dt.date
) -> dict[str, Any] | None:
    """When and why the library says the pair's tie of ATOP's last year ended before `on`."""
    if not before:
        return None
    for tid in before:
        t = world.treaty(tid)
        dates = [t.ended] if t.ended is not None and then < t.ended <= on else []
        dates += [m.left for m in t.parties if m.state in pair and m.left is not None and then < m.left <= on]
        if dates:
            return {"ended": min(dates).isoformat(), "treaty": tid, "source": t.source.url or t.source.title}
    return None


def coverage(
    atop: pd.DataFrame, world: World, on: dt.date | None = None, ended: list[EndedTie] | None = None
) -> Coverage:
    """ATOP's last-year defence and offence pairs sorted into covered, ended and missing (see the
    module docstring). `atop` is the dyad-year table (`casus.history.readers`, kind `atop`)."""
    on = on or dt.date.today()
    year = int(atop["year"].max())
    then = dt.date(year, 12, 31)
    last = atop[(atop["year"] == year) & ((atop["defense"] == 1) | (atop["offense"] == 1))]
    codes = {(min(a, b), max(a, b)) for a, b in zip(last["ccode1"], last["ccode2"], strict=True) if a != b}
    open_now: dict[tuple[str, str], dict[str, set[str]]] = {}
    now, past = library_pairs(world, on, open_now), library_pairs(world, then)
    ended_ties = load_ended() if ended is None else ended
    recorded = {}
    for tie in ended_ties:
        for a, b in itertools.combinations(sorted(tie.states), 2):
            recorded[(a, b)] = {
                "ended": tie.ended.isoformat() if tie.ended else None,
                "alliance": tie.alliance,
                "source": tie.source,
                "note": tie.note,
            }
    result = Coverage(year, on)
    for c1, c2 in sorted(codes):
        s1, s2 = world.states.by_cow_code(int(c1), then), world.states.by_cow_code(int(c2), then)
        ids = [s.id if s is not None else f"COW {c}" for s, c in ((s1, c1), (s2, c2))]
        pair = (min(ids), max(ids))
        row: dict[str, Any] = {"pair": list(pair)}
        if pair in now:
            shaky = open_now.get(pair, {})
            # covered only through memberships not verified: the engine's answer is "open", not "yes"
            unverified = sorted(set().union(*shaky.values())) if set(shaky) >= set(now[pair]) else []
            result.covered.append(
                {**row, "treaties": now[pair], **({"unverified": unverified} if unverified else {})}
            )
        elif (end := _end_in_library(world, past.get(pair), pair, then, on)) is not None:
            result.ended.append({**row, **end})
        elif pair in recorded and recorded[pair]["ended"] is not None:
            result.ended.append({**row, **recorded[pair]})
        elif pair in recorded:
            result.missing.append(
                {**row, "reason": recorded[pair]["note"], "source": recorded[pair]["source"]}
            )
        else:
            result.missing.append(row)
    return result
