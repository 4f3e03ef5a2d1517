"""peacesciencer's verbs: each checked row by row against its source file on a random sample of rows,
with the codings it documents, its refusals and its citations."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from casus import capitals
from casus.history import covariates as cv
from casus.history import dyads, verbs
from casus.history.citations import cite, describe
from casus.history.features import system_years
from casus.history.readers import CORE, COVARIATES, read_folder

SINCE, UNTIL = 1990, 1995
N = 300  # rows sampled per check
Key = tuple[int, ...]


# --- frames and helpers -----------------------------------------------------------------------


def _states() -> pd.DataFrame:
    rows = [(2, 1816, 2016), (200, 1816, 2016), (255, 1816, 1945), (255, 1990, 2016), (260, 1955, 1990)]
    return pd.DataFrame(rows, columns=["ccode", "styear", "endyear"])


def _dyads(states: pd.DataFrame, since: int, until: int, directed: bool = True) -> pd.DataFrame:
    return describe(
        dyads.dyad_years(states, since=since, until=until, directed=directed), "dyad_year", "cow", directed
    )


def _state_years(states: pd.DataFrame) -> pd.DataFrame:
    return describe(system_years(states).reset_index(drop=True), "state_year", "cow")


def _same(a: Any, b: Any) -> bool:
    """Equal, or both missing."""
    missing_a = a is None or a is pd.NA or (isinstance(a, float) and math.isnan(a))
    missing_b = b is None or b is pd.NA or (isinstance(b, float) and math.isnan(b))
    return (missing_a and missing_b) or (not missing_a and not missing_b and a == b)


def _check(out: pd.DataFrame, expect: Callable[[Any], dict[str, Any]], *, positive: str | None = None) -> int:
    """Compare sampled rows of `out` with what `expect(row)` reads from the file; half the sample where
    `positive` is set (nonzero, not missing), so the rare codings are read too. Returns rows checked."""
    sample = out.sample(min(N, len(out)), random_state=1)
    if positive is not None:
        hit = out[out[positive].fillna(0).astype(bool)]
        sample = pd.concat([sample, hit.sample(min(N, len(hit)), random_state=2)])
    for row in sample.itertuples(index=False):
        want = expect(row)
        got = {c: getattr(row, c) for c in want}
        assert all(_same(got[c], want[c]) for c in want), (row, want)
    return len(sample)


def _first(rows: Iterable[tuple[Hashable, Any]]) -> dict[Hashable, Any]:
    """key -> value of the first row with that key (the verbs keep a repeated key's first row)."""
    out: dict[Hashable, Any] = {}
    for k, v in rows:
        out.setdefault(k, v)
    return out


@pytest.fixture(scope="module")
def tables(shared_data: Path) -> dict[str, pd.DataFrame]:
    return read_folder(shared_data, kinds=[*CORE, *COVARIATES])


@pytest.fixture(scope="module")
def frames(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    st = tables["cow_states"]
    return {
        "directed": _dyads(st, SINCE, UNTIL),
        "undirected": _dyads(st, SINCE, UNTIL, directed=False),
        "states": _state_years(st),
    }


DYADS = ["directed", "undirected"]


# --- per-state values: democracy, NMC, SDP/GDP, trade, IGO state-years ------------------------------


@pytest.mark.parametrize(
    ("verb", "kind", "cols", "key"),
    [
        (cv.add_democracy, "democracy", cv.DEMOCRACY, "democracy"),
        (cv.add_nmc, "cow_nmc", cv.NMC, "cow_nmc"),
        (cv.add_sdp_gdp, "sdp_gdp", cv.SDP_GDP, "sdp_gdp"),
        (cv.add_cow_trade, "cow_trade_state_year", ("imports", "exports"), "cow_trade"),
    ],
)
@pytest.mark.parametrize("frame", [*DYADS, "states"])
def test_state_values_match_the_file_row_by_row(
    tables: dict[str, pd.DataFrame],
    frames: dict[str, pd.DataFrame],
    verb: Callable[..., pd.DataFrame],
    kind: str,
    cols: tuple[str, ...],
    key: str,
    frame: str,
) -> None:
    src = tables[kind]
    values = _first(
        (
            (int(r.ccode), int(r.year)),
            tuple(float(getattr(r, c)) if getattr(r, c) != "" else np.nan for c in cols),
        )
        for r in src.itertuples(index=False)
    )
    blank = (np.nan,) * len(cols)
    f = frames[frame]
    out = verb(f, src)
    assert len(out) == len(f) and out.attrs["citations"][-1] == key
    if frame == "states":
        n = _check(out, lambda r: dict(zip(cols, values.get((r.ccode, r.year), blank), strict=True)))
        assert out[cols[-1]].notna().sum() > 1000
    else:

        def expect(r: Any) -> dict[str, Any]:
            one, two = values.get((r.ccode1, r.year), blank), values.get((r.ccode2, r.year), blank)
            return {
                **{f"{c}1": v for c, v in zip(cols, one, strict=True)},
                **{f"{c}2": v for c, v in zip(cols, two, strict=True)},
            }

        n = _check(out, expect)
    assert n >= min(N, len(f))


def test_trade_alias_and_keep(tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame]) -> None:
    assert cv.add_trade is cv.add_cow_trade
    out = cv.add_democracy(frames["directed"], tables["democracy"], keep=["polity2"])
    assert [c for c in out.columns if c not in frames["directed"].columns] == ["polity21", "polity22"]
    with pytest.raises(ValueError, match="cannot keep euds"):
        cv.add_democracy(frames["states"], tables["democracy"], keep=["euds"])


# --- relations between states --------------------------------------------------------------------


@pytest.mark.parametrize("frame", [*DYADS, "states"])
def test_igos_match_the_file_row_by_row(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], frame: str
) -> None:
    f = frames[frame]
    if frame == "states":
        src = tables["cow_igo_state_year"]
        cols = cv.IGO_STATE
        values = _first(
            ((r.ccode, r.year), tuple(getattr(r, c) for c in cols)) for r in src.itertuples(index=False)
        )
        out = cv.add_igos(f, src)
        _check(out, lambda r: dict(zip(cols, values.get((r.ccode, r.year), (np.nan,) * 4), strict=True)))
    else:
        src = tables["cow_igo_dyad_year"]
        src = src[src.year.between(SINCE, UNTIL)]
        igos = {(r.ccode1, r.ccode2, r.year): r.dyadigos for r in src.itertuples(index=False)}
        out = cv.add_igos(f, src)
        _check(
            out,
            lambda r: {"dyadigos": igos.get((min(r.ccode1, r.ccode2), max(r.ccode1, r.ccode2), r.year))},
            positive="dyadigos",
        )
        assert out.dyadigos.notna().mean() > 0.9
    assert len(out) == len(f) and out.attrs["citations"][-1] == "cow_igo"


@pytest.mark.parametrize("frame", [*DYADS, "states"])
def test_minimum_distance_matches_the_file_row_by_row(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], frame: str
) -> None:
    f = frames[frame]
    src = tables["cow_mindist"]
    if frame == "states":  # the least distance to any state the file pairs it with, in sampled years
        years = {1900, 1950, 2000}
        f = f[f.year.isin(years)]
        src = src[src.year.isin(years)]
        least: dict[Key, float] = defaultdict(lambda: math.inf)
        for r in src.itertuples(index=False):
            for a in (r.ccode1, r.ccode2):
                least[(a, r.year)] = min(least[(a, r.year)], r.mindist)
        out = cv.add_minimum_distance(f, src)
        _check(out, lambda r: {"minmindist": least.get((r.ccode, r.year), np.nan)})
        assert out.minmindist.notna().mean() > 0.9
    else:
        dist = {
            (r.ccode1, r.ccode2, r.year): r.mindist for r in src[src.year.between(SINCE, UNTIL)].itertuples()
        }
        out = cv.add_minimum_distance(f, src)
        _check(
            out, lambda r: {"mindist": dist.get((min(r.ccode1, r.ccode2), max(r.ccode1, r.ccode2), r.year))}
        )
        assert (out.mindist == 0).sum() > 100  # touching
    assert len(out) == len(f) and out.attrs["citations"][-1] == "cow_mindist"


def _atop_reference(atop: pd.DataFrame, directed: bool) -> dict[Key, list[int]]:
    ref: dict[Key, list[int]] = {}
    for r in atop[atop.year.between(SINCE, UNTIL)].itertuples(index=False):
        key = (
            (r.ccode1, r.ccode2, r.year)
            if directed
            else (min(r.ccode1, r.ccode2), max(r.ccode1, r.ccode2), r.year)
        )
        old = ref.get(key, [0] * 5)
        ref[key] = [
            max(a, b) for a, b in zip(old, (r.defense, r.offense, r.neutral, r.nonagg, r.consul), strict=True)
        ]
    return ref


@pytest.mark.parametrize("frame", DYADS)
def test_atop_alliance_matches_the_file_row_by_row(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], frame: str
) -> None:
    f = frames[frame]
    ref = _atop_reference(tables["atop"], frame == "directed")
    out = cv.add_atop_alliance(f, tables["atop"])
    cols = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]

    def expect(r: Any) -> dict[str, Any]:
        got = ref.get((r.ccode1, r.ccode2, r.year))
        return {"atop_alliance": int(got is not None), **dict(zip(cols, got or [0] * 5, strict=True))}

    _check(out, expect, positive="atop_alliance")
    assert out.atop_defense.sum() > 1000 and out.atop_alliance.dtype == "int8"
    assert out.attrs["citations"] == ["cow_states", "atop"]


def _spells(contiguity: pd.DataFrame) -> dict[tuple[int, int], list[tuple[int, pd.Timestamp, pd.Timestamp]]]:
    spells: dict[tuple[int, int], list[tuple[int, pd.Timestamp, pd.Timestamp]]] = defaultdict(list)
    for r in contiguity.itertuples(index=False):
        spells[(r.ccode1, r.ccode2)].append((r.conttype, r.stdate, r.enddate))
    return spells


def _conttype(spells: list[tuple[int, pd.Timestamp, pd.Timestamp]], year: int, how: str) -> int:
    """The contiguity of a pair in a year, read from its spells one at a time."""
    jan1, dec31 = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    inside = [(t, s, e) for t, s, e in spells if s.year <= year <= e.year]
    if how == "closest":
        return min((t for t, _, _ in inside if t > 0), default=0)
    if not inside:
        return 0
    if how == "first":
        return min(inside, key=lambda x: (max(x[1], jan1), x[0]))[0]
    return min(inside, key=lambda x: (-min(x[2], dec31).value, x[0]))[0]


@pytest.mark.parametrize("how", ["first", "last", "closest"])
@pytest.mark.parametrize("frame", [*DYADS, "states"])
def test_contiguity_matches_the_file_row_by_row(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], frame: str, how: str
) -> None:
    ct = tables["cow_contiguity"]
    spells = _spells(ct)
    f = frames[frame]
    out = cv.add_contiguity(f, ct, slice=how)  # type: ignore[arg-type]
    if frame == "states":
        f = f[f.year.isin([1850, 1914, 1950, 2000])]
        out = cv.add_contiguity(f, ct, slice=how)  # type: ignore[arg-type]
        partners: dict[int, list[int]] = defaultdict(list)
        for a, b in spells:
            partners[a].append(b)

        def expect(r: Any) -> dict[str, Any]:
            types = [_conttype(spells[(r.ccode, b)], r.year, how) for b in partners[r.ccode]]
            return {"land": sum(t == 1 for t in types), "sea": sum(t > 1 for t in types)}

        _check(out, expect, positive="land")
    else:

        def expect(r: Any) -> dict[str, Any]:
            pairs = [(r.ccode1, r.ccode2)] + ([(r.ccode2, r.ccode1)] if frame == "undirected" else [])
            return {"conttype": _conttype([s for p in pairs for s in spells.get(p, [])], r.year, how)}

        _check(out, expect, positive="conttype")
        assert (out.conttype == 0).mean() > 0.9 and out.conttype.dtype == "int8"  # 0: not contiguous
    assert len(out) == len(f) and out.attrs["citations"][-1] == "cow_contiguity"


def test_capital_distance_is_capdist_from_the_capitals_table(frames: dict[str, pd.DataFrame]) -> None:
    f = frames["directed"]
    out = cv.add_capital_distance(f)
    assert "capdist" in out.columns and "capital_km" not in out.columns

    def km(a: int, b: int, year: int) -> float:
        pa, pb = capitals.capital(a, year), capitals.capital(b, year)
        return np.nan if pa is None or pb is None else float(capitals.distance_km(*pa, *pb))

    def expect(r: Any) -> dict[str, Any]:
        k = km(r.ccode1, r.ccode2, r.year)
        return {"capdist": None if math.isnan(k) else pytest.approx(k)}

    _check(out, expect)
    row = out.set_index(["ccode1", "ccode2", "year"])
    assert 5500 < row.loc[(2, 200, 1990), "capdist"] < 6000  # Washington-London
    s = frames["states"]
    s = s[s.year.isin([1816, 1990])]
    out = cv.add_capital_distance(s)
    here = {y: list(g.ccode) for y, g in s.groupby("year")}

    def least(r: Any) -> dict[str, Any]:
        d = [km(r.ccode, b, r.year) for b in here[r.year] if b != r.ccode]
        d = [x for x in d if not math.isnan(x)]
        return {
            "mincapdist": pytest.approx(min(d))
            if d and not math.isnan(km(r.ccode, r.ccode, r.year))
            else None
        }

    _check(out, least)
    assert out.attrs["citations"] == ["casus"]


@pytest.mark.parametrize("frame", [*DYADS, "states"])
def test_majors_and_powers_match_their_spells_row_by_row(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], frame: str
) -> None:
    majors = {(r.ccode, y) for r in tables["cow_majors"].itertuples() for y in range(r.styear, r.endyear + 1)}
    powers: dict[str, set[tuple[int, int]]] = {"maoz_regional": set(), "maoz_global": set()}
    for r in tables["maoz_powers"].itertuples(index=False):
        for name, s, e in (
            ("maoz_regional", r.regstdate, r.regenddate),
            ("maoz_global", r.globstdate, r.globenddate),
        ):
            if not pd.isna(s):
                powers[name] |= {(r.ccode, y) for y in range(s.year, e.year + 1)}
    f = frames[frame]
    out = cv.add_powers(cv.add_cow_majors(f, tables["cow_majors"]), tables["maoz_powers"])
    if frame == "states":
        _check(
            out,
            lambda r: {
                "cowmaj": int((r.ccode, r.year) in majors),
                **{n: int((r.ccode, r.year) in s) for n, s in powers.items()},
            },
            positive="cowmaj",
        )
        assert (
            out.loc[(out.ccode == 255) & (out.year == 1867), ["maoz_regional", "maoz_global"]]
            .eq(1)
            .all(axis=None)
        )
    else:

        def expect(r: Any) -> dict[str, Any]:
            return {
                **{f"cowmaj{k}": int((c, r.year) in majors) for k, c in (("1", r.ccode1), ("2", r.ccode2))},
                **{
                    f"{n}{k}": int((c, r.year) in s)
                    for n, s in powers.items()
                    for k, c in (("1", r.ccode1), ("2", r.ccode2))
                },
            }

        _check(out, expect, positive="maoz_global1")
    assert out.attrs["citations"][-2:] == ["cow_majors", "maoz_powers"]


def _rivalries(rivalries: pd.DataFrame) -> dict[Key, Any]:
    """(ccode1, ccode2, year) -> the rivalry row, both orders, Austria as 305 from 1919."""
    ref: dict[Key, Any] = {}
    for r in rivalries.sort_values("rivalryno").itertuples(index=False):
        for y in range(max(r.styear, 1816), r.endyear + 1):
            a, b = (305 if c == 300 and y >= 1919 else c for c in (r.ccode1, r.ccode2))
            ref.setdefault((a, b, y), r)
            ref.setdefault((b, a, y), r)
    return ref


@pytest.mark.parametrize("frame", DYADS)
def test_rivalries_in_dyad_years_match_the_file_row_by_row(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], frame: str
) -> None:
    ref = _rivalries(tables["td_rivalries"])
    out = cv.add_strategic_rivalries(frames[frame], tables["td_rivalries"])

    def expect(r: Any) -> dict[str, Any]:
        x = ref.get((r.ccode1, r.ccode2, r.year))
        if x is None:
            return {"ongoingrivalry": 0, "rivalryno": None, "type1": None}
        types = {t: getattr(x, t) or None for t in ("type1", "type2", "type3")}
        return {"ongoingrivalry": 1, "rivalryno": x.rivalryno, "rivalryname": x.rivalryname, **types}

    _check(out, expect, positive="ongoingrivalry")
    assert out.ongoingrivalry.sum() > 50


@pytest.mark.parametrize("across", [1, 3])
def test_rivalries_in_state_years_count_each_type(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], across: int
) -> None:
    counts: dict[Key, dict[str, int]] = defaultdict(lambda: dict.fromkeys(cv.RIVALRY_TYPES, 0))
    for (a, _, y), r in _rivalries(tables["td_rivalries"]).items():
        for t in (r.type1, r.type2, r.type3)[:across]:
            if t:
                counts[(a, y)][t] += 1
    out = cv.add_strategic_rivalries(frames["states"], tables["td_rivalries"], across_types=across)
    _check(out[out.year <= 2010], lambda r: dict(counts[(r.ccode, r.year)]), positive="spatial")
    assert out[out.year > 2010].spatial.isna().all() and out[out.year <= 2010].spatial.notna().all()
    assert cite(out).count("@book{thompson2012rivalries") == 1


def _disputes(parts: pd.DataFrame, directed: bool) -> tuple[set[Key], set[Key]]:
    """(onset, ongoing) dyad-years of opposite sides, read one dispute at a time."""
    spell: dict[int, dict[int, tuple[int, int, int]]] = defaultdict(dict)
    for r in parts.itertuples(index=False):
        side, sy, ey = spell[r.dispnum].get(r.ccode, (r.sidea, r.styear, r.endyear))
        spell[r.dispnum][r.ccode] = (side, min(sy, r.styear), max(ey, r.endyear))
    onset: set[Key] = set()
    ongoing: set[Key] = set()
    for members in spell.values():
        for a, (sa, ya, ea) in members.items():
            for b, (sb, yb, eb) in members.items():
                if sa == sb or (not directed and a > b) or max(ya, yb) > min(ea, eb):
                    continue
                onset.add((a, b, max(ya, yb)))
                ongoing |= {(a, b, y) for y in range(max(ya, yb), min(ea, eb) + 1)}
    return onset, ongoing


@pytest.mark.parametrize("frame", DYADS)
def test_mids_in_dyad_years_are_indicators_matching_the_file(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], frame: str
) -> None:
    parts = tables["mid_participants"]
    onset, ongoing = _disputes(parts, frame == "directed")
    out = cv.add_gml_mids(frames[frame], parts)
    _check(
        out,
        lambda r: {
            "gmlmidonset": int((r.ccode1, r.ccode2, r.year) in onset),
            "gmlmidongoing": int((r.ccode1, r.ccode2, r.year) in ongoing),
        },
        positive="gmlmidonset",
    )
    assert set(out.gmlmidonset.unique()) == {0, 1} and out.gmlmidonset.sum() > 20
    assert out.attrs["citations"] == ["cow_states", "mid"]


@pytest.mark.parametrize("init", ["sidea-all-joiners", "sidea-with-joiners", "sidea-orig"])
def test_mids_in_state_years_match_the_participants_row_by_row(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame], init: str
) -> None:
    parts = tables["mid_participants"]
    keys = ("gmlmidonset", "gmlmidongoing", "gmlmidonset_init", "gmlmidongoing_init")
    ref: dict[Key, dict[str, int]] = defaultdict(lambda: dict.fromkeys(keys, 0))
    for r in parts.itertuples(index=False):
        starts = {
            "sidea-all-joiners": r.sidea == 1 or r.orig == 0,
            "sidea-with-joiners": r.sidea == 1,
            "sidea-orig": r.sidea == 1 and r.orig == 1,
        }[init]
        for y in range(r.styear, r.endyear + 1):
            got = ref[(r.ccode, y)]
            got["gmlmidongoing"] = 1
            got["gmlmidonset"] |= y == r.styear
            got["gmlmidongoing_init"] |= starts
            got["gmlmidonset_init"] |= starts and y == r.styear
    out = cv.add_gml_mids(frames["states"], parts, init=init)  # type: ignore[arg-type]
    _check(
        out[out.year <= 2010],
        lambda r: {k: int(v) for k, v in ref[(r.ccode, r.year)].items()},
        positive="gmlmidonset",
    )
    assert out[out.year > 2010].gmlmidonset.isna().all()  # past the file: unknown, not peace


# --- the whole table, the registry -----------------------------------------------------------------


def test_every_verb_on_dyad_years_and_state_years_through_the_registry(
    tables: dict[str, pd.DataFrame], frames: dict[str, pd.DataFrame]
) -> None:
    assert set(verbs.VERBS) == {
        "democracy",
        "igos",
        "mindist",
        "rivalries",
        "sdp_gdp",
        "trade",
        "powers",
        "atop",
        "nmc",
        "contiguity",
        "capdist",
        "majors",
        "mids",
    }
    d = verbs.add(frames["directed"], list(verbs.VERBS), tables)
    assert len(d) == len(frames["directed"]) and not d.duplicated(["ccode1", "ccode2", "year"]).any()
    assert d.attrs["kind"] == "dyad_year" and d.attrs["directed"] is True
    assert d.attrs["citations"] == [
        "cow_states",
        "democracy",
        "cow_igo",
        "cow_mindist",
        "td_rivalries",
        "sdp_gdp",
        "cow_trade",
        "maoz_powers",
        "atop",
        "cow_nmc",
        "cow_contiguity",
        "casus",
        "cow_majors",
        "mid",
    ]
    bib = cite(d)
    assert "pevehouse2020igo" in bib and "schvitz2022cshapes" in bib and "miller2022peacesciencer" in bib
    names = [n for n in verbs.VERBS if n != "atop"]
    s = verbs.add(frames["states"], names, tables)
    assert len(s) == len(frames["states"]) and {"cowmaj", "minmindist", "land", "sum_igo_full"} <= set(
        s.columns
    )
    assert verbs.needs(["igos", "capdist", "mids"], "state_year") == (
        "cow_igo_state_year",
        "mid_participants",
    )
    with pytest.raises(ValueError, match="takes a dyad-year table; this is state-year table"):
        verbs.add(frames["states"], ["atop"], tables)
    with pytest.raises(ValueError, match="unknown source 'alliances'"):
        verbs.add(frames["states"], ["alliances"], tables)
    with pytest.raises(ValueError, match="needs the cow_mindist file"):
        verbs.add(frames["states"], ["mindist"], {})


# --- codings, refusals and citations on small tables (no data folder needed) ----------------------


def test_contiguity_is_0_for_none_and_the_slice_picks_the_spell() -> None:
    ct = pd.DataFrame({
        "ccode1": [200, 200, 255, 2], "ccode2": [255, 255, 200, 200], "conttype": [5, 1, 1, 0],
        "stdate": pd.to_datetime(["1816-01-01", "1994-05-01", "1994-05-01", "1816-01-01"]),
        "enddate": pd.to_datetime(["1994-05-01", "2016-12-01", "2016-12-01", "2016-12-01"]),
    })  # fmt: skip
    d = _dyads(_states(), 1993, 1995)
    hows: tuple[cv.Slice, ...] = ("first", "last", "closest")
    row = {
        how: cv.add_contiguity(d, ct, slice=how).set_index(["ccode1", "ccode2", "year"]).conttype
        for how in hows
    }
    assert [row[h][(200, 255, 1994)] for h in ("first", "last", "closest")] == [5, 1, 1]
    assert row["first"][(200, 255, 1993)] == 5 and row["first"][(200, 255, 1995)] == 1
    assert row["first"][(2, 200, 1994)] == 0 and row["first"][(2, 255, 1994)] == 0  # 0 spell; no spell
    assert ((row["first"] > 0).groupby(level=[0, 1]).sum() > 0).sum() == 2  # `conttype > 0`: contiguous
    s = cv.add_contiguity(_state_years(_states()).query("year == 1994"), ct).set_index("ccode")
    assert (s.loc[200, "land"], s.loc[200, "sea"], s.loc[255, "land"], s.loc[2, "land"]) == (0, 1, 1, 0)
    with pytest.raises(ValueError, match="slice 'middle'"):
        cv.add_contiguity(d, ct, slice="middle")  # type: ignore[arg-type]


def test_mid_onset_is_an_indicator_where_the_old_column_counted() -> None:
    parts = pd.DataFrame(
        [
            (1, 2, 1, 1990, 1991, 1),
            (1, 200, 0, 1990, 1991, 1),
            (2, 2, 1, 1990, 1990, 1),
            (2, 200, 0, 1990, 1990, 1),
            (3, 255, 0, 1991, 1991, 0),
            (3, 2, 1, 1990, 1991, 1),
        ],
        columns=["dispnum", "ccode", "sidea", "styear", "endyear", "orig"],
    )
    d = _dyads(_states(), 1990, 1992)
    new = cv.add_mids(d, parts).set_index(["ccode1", "ccode2", "year"])
    old = dyads.add_disputes(d, parts).set_index(["ccode1", "ccode2", "year"])
    assert old.loc[(2, 200, 1990), "mid_onset"] == 2 and new.loc[(2, 200, 1990), "gmlmidonset"] == 1
    assert new.loc[(200, 2, 1991), "gmlmidongoing"] == 1 and new.loc[(200, 2, 1991), "gmlmidonset"] == 0
    assert new.loc[(255, 2, 1991), "gmlmidonset"] == 1 and new.loc[(200, 255, 1991), "gmlmidongoing"] == 0
    assert new.loc[(2, 200, 1992)].isna().all()  # after the file's last year: missing
    s = cv.add_gml_mids(_state_years(_states()).query("1990 <= year <= 1991"), parts).set_index(
        ["ccode", "year"]
    )
    assert s.loc[(255, 1991)].tolist() == [1, 1, 1, 1]  # a joiner counts as initiating by default
    assert s.loc[(200, 1991)].tolist() == [0, 1, 0, 0]


def test_wrong_kinds_gw_tables_and_wrong_files_are_refused_in_one_line() -> None:
    s = _state_years(_states())
    atop = pd.DataFrame(
        columns=["ccode1", "ccode2", "year", "defense", "offense", "neutral", "nonagg", "consul"]
    )
    with pytest.raises(
        ValueError, match=r"^add_atop_alliance: takes a dyad-year table; this is state-year table$"
    ):
        cv.add_atop_alliance(s, atop)
    gw = describe(pd.DataFrame({"gwcode": [2], "year": [1990]}), "state_year", "gw")
    with pytest.raises(ValueError, match="Gleditsch-Ward table has none; convert it to COW codes first") as e:
        cv.add_democracy(gw, pd.DataFrame(columns=["ccode", "year", *cv.DEMOCRACY]))
    assert "\n" not in str(e.value)
    with pytest.raises(ValueError, match="neither state-years nor dyad-years"):
        cv.add_cow_majors(pd.DataFrame({"x": [1]}), pd.DataFrame())
    igo_state = pd.DataFrame(columns=["ccode", "year", *cv.IGO_STATE])
    with pytest.raises(ValueError, match="takes the dyad-year IGO file"):
        cv.add_igos(_dyads(_states(), 1990, 1990), igo_state)
    majors = pd.DataFrame({"ccode": [200], "styear": [1816], "endyear": [2016]})
    once = cv.add_cow_majors(s, majors)
    with pytest.raises(ValueError, match="already has cowmaj"):
        cv.add_cow_majors(once, majors)
    assert once.attrs["citations"] == ["cow_majors"] and "citations" not in s.attrs  # the input is left alone
