"""A historical year as a `World`, so the obligation engine and the simulator run on 1914 as on today.

Built from the same files as `casus.history.snapshot` (COW State System, major powers and direct
contiguity; ATOP's directed dyad-year obligations) and by the same rules: a state is in the
world if its COW membership covers the year, an obligation if ATOP codes it for that year.

- **States** are keyed by their COW abbreviation (GMY, AUH, UKG, YUG): this world is not
  mixed with the ISO registry, where some of those letters name other states (AUS is Austria
  in COW, Australia in ISO). A state's name is the bundled registry's for its COW code where
  there is one (Serbia for COW 345 in 1914), else COW's; the other name, and the ISO id, are
  aliases. Borders are COW land contiguity; major-power spells are COW's; nuclear spells are
  the registry's.
- **Obligations.** ATOP's dyad-year file names neither treaty nor article, so each pair of
  states with obligations in force becomes one record (`atop-gmy-auh`) with one provision per
  obligation type coded, mutual when both directions are coded and directed otherwise. Its
  text is a description of the coding, never treaty wording, and is marked not verbatim.
  Dates are years: an obligation runs from 1 January of the first year of its unbroken run of
  coded years up to the world's year, with no end (later years are not read, so the world of
  1914 knows nothing of 1915); `caveats` lists those first coded in
  the world's own year, which may postdate a scenario's day.
- **Mapping onto the engine.** defence → defence triggered by an armed attack; offence (a
  promise to fight beside the partner in a war, whoever starts it) → offence triggered by an
  armed attack on the partner, as the history features count both (`joining_features`);
  neutrality → a duty to stay out, engaged by an attack on the partner; non-aggression →
  standing; consultation → consultation on any threat. ATOP does not code automaticity, so it
  is "unspecified" (the fitted models give defence strength no weight).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict

import pandas as pd

from casus.history.features import system_years
from casus.history.readers import SOURCES
from casus.history.snapshot import KINDS, world_at
from casus.loader import LineMap
from casus.model import (
    Automaticity,
    CowCode,
    Direction,
    InputError,
    Membership,
    ObligationType,
    Provision,
    Source,
    Spell,
    State,
    StateStatus,
    Treaty,
    TreatyKind,
    Trigger,
)
from casus.model.scenario import Scenario, WorldKind
from casus.world import StateRegistry, World, load_states

__all__ = ["ARTICLE", "ATOP_SOURCE", "TABLES", "ScenarioWorlds", "historical_world", "scenario_world"]

TABLES = ("cow_states", "cow_majors", "cow_contiguity", "atop")
ATOP_SOURCE = Source(
    title=SOURCES["atop"],
    publisher="Alliance Treaty Obligations and Provisions project",
    url="http://www.atopdata.org/",
)
ARTICLE = {kind: f"ATOP {label}" for kind, label in KINDS.items()}
_CODING: dict[str, tuple[ObligationType, Trigger, Automaticity, str]] = {
    "defense": (
        ObligationType.DEFENSE,
        Trigger.ARMED_ATTACK,
        Automaticity.UNSPECIFIED,
        "to defend {b} if attacked",
    ),
    "offense": (
        ObligationType.OFFENSE,
        Trigger.ARMED_ATTACK,
        Automaticity.UNSPECIFIED,
        "to fight beside {b} in war, whoever starts it",
    ),
    "neutral": (
        ObligationType.NEUTRALITY,
        Trigger.ARMED_ATTACK,
        Automaticity.NOT_APPLICABLE,
        "to stay neutral in a war {b} fights",
    ),
    "nonagg": (
        ObligationType.NON_AGGRESSION,
        Trigger.STANDING,
        Automaticity.NOT_APPLICABLE,
        "not to attack {b}",
    ),
    "consul": (
        ObligationType.CONSULTATION,
        Trigger.THREAT,
        Automaticity.CONSULTATION_ONLY,
        "to consult {b} in a crisis",
    ),
}
# COW numbers states by region: the first code of each range.
_REGIONS = (
    (2, "Americas"),
    (200, "Europe"),
    (400, "Africa"),
    (600, "Middle East"),
    (700, "Asia"),
    (900, "Oceania"),
)


def _region(ccode: int) -> str:
    return next(name for start, name in reversed(_REGIONS) if ccode >= start)


def _date(year: int, month: int, day: int) -> dt.date:
    # COW codes an unknown day as -9 in some releases; the first of the month stands for it.
    return dt.date(year, max(month, 1), max(day, 1))


def _spells(rows: pd.DataFrame, year: int) -> list[Spell]:
    """COW start/end rows as spells as known at the end of `year`: later spells left out, later ends open."""
    out = []
    for r in rows.itertuples():
        since = _date(r.styear, r.stmonth, r.stday)
        end = _date(r.endyear, r.endmonth, r.endday)
        if since.year > year:
            continue
        out.append(Spell(since=since, until=None if end.year > year else end + dt.timedelta(days=1)))
    return out


def _states(tables: dict[str, pd.DataFrame], year: int, registry: StateRegistry | None) -> dict[int, State]:
    cow = tables["cow_states"]
    in_year = set(system_years(cow).query("year == @year").ccode)
    majors = tables["cow_majors"]
    ct = tables["cow_contiguity"]
    land = ct[(ct.conttype == 1) & (ct.stdate.dt.year <= year) & (ct.enddate.dt.year >= year)]
    abb = cow.drop_duplicates("ccode").set_index("ccode").stateabb
    out: dict[int, State] = {}
    for ccode, rows in cow[cow.ccode.isin(in_year)].groupby("ccode"):
        code = int(ccode)
        spells = _spells(rows[(rows.styear <= year) & (rows.endyear >= year)], year)
        first = rows.iloc[0]
        here = spells[0].since if spells[0].since.year == year else dt.date(year, 7, 1)
        known = registry.by_cow_code(code, here) if registry is not None else None
        names = [known.name, str(first.statenme)] if known is not None else [str(first.statenme)]
        name = names[0]
        aliases = sorted({n for n in names[1:] if n != name} | ({known.id} if known is not None else set()))
        nb = set(land[land.ccode1 == code].ccode2) & in_year
        out[code] = State(
            id=str(first.stateabb),
            name=name,
            aliases=[a for a in aliases if a != first.stateabb],
            region=_region(code),
            start=spells[0].since,
            end=spells[-1].until,
            status=StateStatus.HISTORICAL,
            status_note=f"in the COW State System in {year}",
            cow=CowCode(code=code, abb=str(first.stateabb)),
            neighbours=sorted(str(abb[n]) for n in nb),
            nuclear=list(known.nuclear) if known is not None else [],
            major_power=_spells(majors[majors.ccode == code], year),
        )
    return out


def _runs(atop: pd.DataFrame, year: int) -> pd.DataFrame:
    """The first year of the unbroken run of coded years up to `year`, per unordered pair (a < b) and kind.

    Columns a, b, kind ("any" for any kind), first; only pairs and kinds coded in `year`. Later
    years are not read: the world of a year knows nothing of what came after it.
    """
    lo = atop[["ccode1", "ccode2"]].min(axis=1)
    hi = atop[["ccode1", "ccode2"]].max(axis=1)
    wide = atop[list(KINDS)].assign(a=lo, b=hi, year=atop.year)[atop.year <= year]
    wide = wide.groupby(["a", "b", "year"], as_index=False).max()  # either direction counts
    wide["any"] = wide[list(KINDS)].max(axis=1)
    now = wide.loc[wide.year == year, ["a", "b"]]
    long = wide.merge(now, on=["a", "b"]).melt(["a", "b", "year"], var_name="kind")
    long = long[long.value > 0].sort_values(["a", "b", "kind", "year"], ignore_index=True)
    key = long[["a", "b", "kind"]]
    new_run = (long.year.diff() != 1) | (key != key.shift()).any(axis=1)
    long["run"] = new_run.cumsum()
    first = long.groupby("run").year.min().rename("first")
    here = long[long.year == year].join(first, on="run")
    return here[["a", "b", "kind", "first"]].reset_index(drop=True)


def _provision(
    kind: str,
    owed: set[tuple[str, str]],
    pair: tuple[str, str],
    names: dict[str, str],
    first: int,
    year: int,
) -> Provision:
    otype, trigger, auto, verb = _CODING[kind]
    a, b = pair
    mutual = (a, b) in owed and (b, a) in owed
    obligor, beneficiary = (a, b) if (a, b) in owed else (b, a)
    if mutual:
        who = f"{names[a]} and {names[b]} each as obliged " + verb.format(b="the other")
    else:
        who = f"{names[obligor]} as obliged " + verb.format(b=names[beneficiary])
    years = f"{first}-{year}" if year > first else str(year)
    text = (
        f"ATOP codes {who} ({kind} = 1, {years}). Its dyad-year file names no treaty or article: "
        "this is the coding, not treaty text."
    )
    return Provision(
        article=ARTICLE[kind],
        text=text,
        verbatim=False,
        text_source=ATOP_SOURCE,
        type=otype,
        trigger=trigger,
        automaticity=auto,
        direction=Direction.MUTUAL if mutual else Direction.DIRECTED,
        obligors=[] if mutual else [obligor],
        beneficiaries=[] if mutual else [beneficiary],
    )


def _listed(items: list[str], most: int = 12) -> str:
    more = len(items) - most
    return ", ".join(items[:most]) + (f" and {more} more" if more > 0 else "")


def historical_world(
    tables: dict[str, pd.DataFrame], year: int, registry: StateRegistry | None = None
) -> World:
    """The world of `year` from the COW states, majors and contiguity files and ATOP's dyad-year file.

    `registry` (the bundled states, by default none) supplies modern names and nuclear spells by
    COW code. The world's `provenance` names the files and their data version; its `caveats`
    say what the reader should know. Raises ValueError for a year outside the files (as
    `snapshot.world_at` does).
    """
    from casus.history.evaluate import data_version

    snap = world_at(tables, year)  # refuses years outside the data, with the reason
    states = _states(tables, year, registry)
    abb = {c: s.id for c, s in states.items()}
    names = {s.id: s.name for s in states.values()}
    ob = snap.obligations
    inside = ob.ccode1.isin(list(states)) & ob.ccode2.isin(list(states))
    caveats: list[str] = []
    outside = sorted((set(ob[~inside].abb1) | set(ob[~inside].abb2)) - {s.id for s in states.values()})
    if outside:
        caveats.append(
            f"ATOP codes obligations in {year} with {_listed(outside)}, not in the COW State System "
            "that year: left out"
        )
    ob = ob[inside]
    owed_by_pair: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for kind in KINDS:
        for c1, c2 in ob.loc[ob[kind] == 1, ["ccode1", "ccode2"]].itertuples(index=False):
            owed_by_pair.setdefault((min(c1, c2), max(c1, c2)), []).append((int(c1), int(c2), kind))
    runs = _runs(tables["atop"], year)
    firsts = {(int(r.a), int(r.b), str(r.kind)): int(r.first) for r in runs.itertuples()}
    treaties: dict[str, Treaty] = {}
    new: list[str] = []
    for (c1, c2), owed in sorted(owed_by_pair.items()):
        pair = (abb[c1], abb[c2])
        provisions = []
        for kind in KINDS:
            these = {(abb[x], abb[y]) for x, y, k in owed if k == kind}
            if these:
                provisions.append(_provision(kind, these, pair, names, firsts[(c1, c2, kind)], year))
        first = firsts[(c1, c2, "any")]
        start = dt.date(first, 1, 1)
        if first == year:
            new.append(f"{pair[0]}–{pair[1]}")
        tid = f"atop-{pair[0].lower()}-{pair[1].lower()}"
        treaties[tid] = Treaty(
            id=tid,
            title=f"Obligations between {names[pair[0]]} and {names[pair[1]]} coded by ATOP",
            short_name=f"ATOP {pair[0]}–{pair[1]}",
            kind=TreatyKind.AGREEMENT,
            binding=True,
            signed=start,
            in_force=start,
            source=ATOP_SOURCE,
            parties=[Membership(state=pair[0]), Membership(state=pair[1])],
            notes=(
                f"Some obligation coded in every year {first}-{year}; ATOP's dyad-year file gives years, "
                "not days, so 1 January stands for the first year. Later years are not read."
            ),
            provisions=provisions,
        )
    if new:
        caveats.append(
            f"first coded in {year}, so possibly not yet in force on a scenario's day: {_listed(new)}"
        )
    reg = StateRegistry(
        {s.id: s for s in states.values()},
        {s.id: "COW State System" for s in states.values()},
        ids=f"COW abbreviations of {year}: casus states --at DATE --data DIR lists them",
    )
    files = "; ".join(SOURCES[k] for k in TABLES)
    provenance = (
        f"historical world of {year} from {files} (data {data_version({k: tables[k] for k in TABLES})})"
    )
    return World(reg, treaties, dict.fromkeys(treaties, SOURCES["atop"]), {}, provenance, caveats)


def scenario_world(scenario: Scenario, tables: dict[str, pd.DataFrame], file: str, lines: LineMap) -> World:
    """The historical world of a scenario's year (modern names from the bundled registry).

    A year outside the files is an InputError at the scenario's `date` line.
    """
    try:
        return historical_world(tables, scenario.date.year, load_states())
    except ValueError as exc:
        raise _at_date(exc, file, lines) from None


def _at_date(exc: ValueError, file: str, lines: LineMap) -> InputError:
    """A year the files cannot give, as a problem at the scenario's `date` line."""
    return InputError.single(file, lines.line(["date"]), "date", str(exc))


class ScenarioWorlds:
    """The world each scenario runs in: `bundled`, or its year's historical world built from `tables`.

    Without `tables` a scenario set in a historical world gets `bundled`, which the scenario checks
    refuse with a located problem asking for the files. Years are built once and kept (the most
    recent `keep`); safe to call from several threads.
    """

    def __init__(self, bundled: World, tables: dict[str, pd.DataFrame] | None = None, keep: int = 16) -> None:
        self.bundled, self.tables, self.keep = bundled, tables, keep
        self._years: OrderedDict[int, World] = OrderedDict()
        self._lock = threading.Lock()

    def year(self, year: int) -> World:
        """The historical world of `year`; ValueError without the tables or for a year outside them."""
        if self.tables is None:
            raise ValueError("no ATOP and COW files were given (--data DIR)")
        with self._lock:
            if year not in self._years:
                self._years[year] = historical_world(self.tables, year, load_states())
                while len(self._years) > self.keep:
                    self._years.popitem(last=False)
            self._years.move_to_end(year)
            return self._years[year]

    def __call__(self, scenario: Scenario, file: str = "scenario", lines: LineMap | None = None) -> World:
        """The world `scenario` runs in; an InputError at its `date` line for a year outside the files."""
        if scenario.world is not WorldKind.HISTORY or self.tables is None:
            return self.bundled
        try:
            return self.year(scenario.date.year)
        except ValueError as exc:
            raise _at_date(exc, file, lines or LineMap()) from None
