"""peacesciencer's verbs for state-year and dyad-year tables: one source's columns each, cited.

The Python counterpart of the `add_*()` functions of R's peacesciencer (Miller 2022): each verb
takes a state-year table (`ccode, year`) or a dyad-year table (`ccode1, ccode2, year`; directed
or not), as `citations.describe` marks them, and the table it reads (`casus.history.readers`
kinds), joins that source's columns by vectorised merges and records the source with
`citations.cited`. A per-state value becomes `<col>` in a state-year and `<col>1`/`<col>2` in a
dyad-year. Names and codings follow peacesciencer's; where casus differs, the verb says so.

An indicator or count is 0 where the source says "none" within the years the source covers and
missing (pandas' nullable `Int8`/`Int16`) outside them, as peacesciencer bounds its zeros (e.g.
MIDs 1816-2010): a year the source never coded is not a year of peace. A measure (democracy,
CINC, distances…) is NaN where the source has no value.

The covariate files are in COW state codes: a Gleditsch-Ward table (`gwcode`) is refused until
it carries COW codes too. `casus.history.verbs` names every verb by its source, with the reader
kinds it needs per table kind, and applies several at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from casus import capitals
from casus.history.citations import cited, kind_of
from casus.history.features import capital_years, system_years

__all__ = [
    "DEMOCRACY",
    "NMC",
    "SDP_GDP",
    "add_atop_alliance",
    "add_capital_distance",
    "add_contiguity",
    "add_cow_majors",
    "add_cow_trade",
    "add_democracy",
    "add_gml_mids",
    "add_igos",
    "add_mids",
    "add_minimum_distance",
    "add_nmc",
    "add_powers",
    "add_sdp_gdp",
    "add_strategic_rivalries",
    "add_trade",
]

STATE = ["ccode", "year"]
PAIR = ["ccode1", "ccode2", "year"]
STATE_YEAR, DYAD_YEAR = "state_year", "dyad_year"
DEMOCRACY = ("v2x_polyarchy", "polity2", "xm_qudsest")
NMC = ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc")
SDP_GDP = ("wbgdp2011est", "wbpopest", "sdpest", "wbgdppc2011est")
IGO_STATE = ("sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype")
ATOP = ("defense", "offense", "neutral", "nonagg", "consul")
RIVALRY_TYPES = ("ideological", "interventionary", "positional", "spatial")
Slice = Literal["first", "last", "closest"]
Init = Literal["sidea-all-joiners", "sidea-with-joiners", "sidea-orig"]


# --- shared helpers ----------------------------------------------------------------------------


def _table(frame: pd.DataFrame, verb: str, *kinds: str) -> str:
    """The frame's kind, refusing a wrong kind or a table without COW codes (one-line ValueError)."""
    kind, system = kind_of(frame, verb, *kinds)
    need = ["ccode"] if kind == STATE_YEAR else ["ccode1", "ccode2"]
    if not set(need) <= set(frame.columns):
        raise ValueError(
            f"{verb}: the data are coded in COW state codes ({', '.join(need)}) and this "
            f"{'Gleditsch-Ward ' if system == 'gw' else ''}table has none; convert it to COW codes first"
        )
    return kind


def _new(frame: pd.DataFrame, verb: str, cols: Iterable[str]) -> None:
    """Refuse to add columns the table already has (a merge would rename them silently)."""
    if have := [c for c in cols if c in frame.columns]:
        raise ValueError(f"{verb}: the table already has {', '.join(have)}")


def _done(out: pd.DataFrame, frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """`out`, built from `frame`, with `frame`'s marks and the source `key` cited."""
    out.attrs = {k: list(v) if isinstance(v, list) else v for k, v in frame.attrs.items()}
    return cited(out, key)


def _directed(frame: pd.DataFrame) -> bool:
    """Whether a dyad-year table holds both orders: as marked, else as its rows show."""
    return bool(frame.attrs.get("directed", (frame.ccode1 > frame.ccode2).any()))


def _sides(cols: Iterable[str]) -> list[str]:
    cols = list(cols)
    return [f"{c}{k}" for k in ("1", "2") for c in cols]


def _per_state(frame: pd.DataFrame, kind: str, values: pd.DataFrame, cols: Sequence[str]) -> pd.DataFrame:
    """A (ccode, year) table's `cols` joined as they are (state-years) or onto each side (dyad-years)."""
    values = values[[*STATE, *cols]].drop_duplicates(STATE)  # a repeated state-year must not repeat rows
    if kind == STATE_YEAR:
        return frame.merge(values, on=STATE, how="left")
    out = frame
    for k in ("1", "2"):
        side = values.rename(columns={"ccode": f"ccode{k}", **{c: f"{c}{k}" for c in cols}})
        out = out.merge(side, on=[f"ccode{k}", "year"], how="left")
    return out


def _both_ways(pairs: pd.DataFrame) -> pd.DataFrame:
    """A non-directed (ccode1 < ccode2) table with each row in both orders."""
    swapped = pairs.rename(columns={"ccode1": "ccode2", "ccode2": "ccode1"})
    return pd.concat([pairs, swapped[pairs.columns]], ignore_index=True)


def _fill(out: pd.DataFrame, cols: Iterable[str], lo: int, hi: int, dtype: str = "int8") -> pd.DataFrame:
    """`cols` as integers: 0 where missing within the source's years lo..hi, missing outside them."""
    inside = out.year.between(lo, hi)
    for c in cols:
        s = out[c].mask(inside & out[c].isna(), 0)
        out[c] = s.astype(dtype if inside.all() else dtype.capitalize())
    return out


def _years(spells: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    """One row per year of each spell (`start`..`end` inclusive), with column `year`."""
    lengths = (spells[end] - spells[start] + 1).clip(lower=0).to_numpy()
    out = spells.iloc[np.repeat(np.arange(len(spells)), lengths)].reset_index(drop=True)
    offset = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    out["year"] = out[start].to_numpy() + offset
    return out


# --- state attributes ---------------------------------------------------------------------------


def add_democracy(
    frame: pd.DataFrame, democracy: pd.DataFrame, *, keep: Sequence[str] | None = None
) -> pd.DataFrame:
    """Democracy scores: v2x_polyarchy (V-Dem), polity2 (Polity), xm_qudsest (Márquez's extended UDS).

    State-years get the columns as named, dyad-years `v2x_polyarchy1`, `polity21`, `xm_qudsest1`
    and the same with 2; NaN where unmeasured. `keep` picks some of them, as in peacesciencer.
    peacesciencer's current `add_democracy()` reads the isard package's scores (with `euds`,
    `aeuds` where older versions had `xm_qudsest`); casus reads the file as it was assembled for
    peacesciencer's `ccode_democracy`, hence that version's columns.
    """
    kind = _table(frame, "add_democracy", STATE_YEAR, DYAD_YEAR)
    cols = _keep("add_democracy", keep, DEMOCRACY)
    _new(frame, "add_democracy", cols if kind == STATE_YEAR else _sides(cols))
    return _done(_per_state(frame, kind, democracy, cols), frame, "democracy")


def _keep(verb: str, keep: Sequence[str] | None, cols: Sequence[str]) -> list[str]:
    if keep is None:
        return list(cols)
    if bad := [c for c in keep if c not in cols]:
        raise ValueError(f"{verb}: cannot keep {', '.join(bad)}; columns: {', '.join(cols)}")
    return [c for c in cols if c in keep]


def add_nmc(frame: pd.DataFrame, nmc: pd.DataFrame, *, keep: Sequence[str] | None = None) -> pd.DataFrame:
    """COW National Material Capabilities: milex, milper, irst, pec, tpop, upop, cinc (NaN where not coded).

    As peacesciencer's `add_nmc()`: state-years get the columns as named, dyad-years each with 1
    and 2 (`cinc1`, `cinc2`, …); `keep` picks some. A file with only some of the columns (casus's
    reader requires just `cinc`) gives those it has.
    """
    kind = _table(frame, "add_nmc", STATE_YEAR, DYAD_YEAR)
    cols = [c for c in _keep("add_nmc", keep, NMC) if c in nmc.columns]
    _new(frame, "add_nmc", cols if kind == STATE_YEAR else _sides(cols))
    values = nmc[[*STATE, *cols]].copy()
    values[cols] = values[cols].apply(pd.to_numeric, errors="coerce").astype("float64")  # blanks: NaN
    return _done(_per_state(frame, kind, values, cols), frame, "cow_nmc")


def add_sdp_gdp(frame: pd.DataFrame, sdp: pd.DataFrame, *, keep: Sequence[str] | None = None) -> pd.DataFrame:
    """Anders, Fariss & Markowitz's (2020) simulated estimates, all logged: wbgdp2011est (GDP, 2011 USD),
    wbpopest (population), sdpest (surplus domestic product), wbgdppc2011est (GDP per capita).

    State-years get the columns as named, dyad-years each with 1 and 2, as in peacesciencer's
    (now superseded) `add_sdp_gdp()`. NaN where not estimated.
    """
    kind = _table(frame, "add_sdp_gdp", STATE_YEAR, DYAD_YEAR)
    cols = _keep("add_sdp_gdp", keep, SDP_GDP)
    _new(frame, "add_sdp_gdp", cols if kind == STATE_YEAR else _sides(cols))
    return _done(_per_state(frame, kind, sdp, cols), frame, "sdp_gdp")


def add_cow_trade(frame: pd.DataFrame, trade: pd.DataFrame) -> pd.DataFrame:
    """COW Trade 4.0 national totals: imports, exports (current million USD), NaN where not coded.

    State-years get `imports`, `exports`, as peacesciencer's `add_cow_trade()` does. For
    dyad-years peacesciencer adds the flows between the two (`flow1`, `flow2`, `smoothflow1`, …)
    from a dyadic trade file casus does not read; casus adds each state's totals instead,
    `imports1`, `exports1`, `imports2`, `exports2` — not the trade between them.
    """
    kind = _table(frame, "add_cow_trade", STATE_YEAR, DYAD_YEAR)
    cols = ["imports", "exports"]
    _new(frame, "add_cow_trade", cols if kind == STATE_YEAR else _sides(cols))
    return _done(_per_state(frame, kind, trade, cols), frame, "cow_trade")


add_trade = add_cow_trade


def add_cow_majors(frame: pd.DataFrame, majors: pd.DataFrame) -> pd.DataFrame:
    """COW major powers: cowmaj (state-years) or cowmaj1, cowmaj2 (dyad-years), 1 in any year of a spell.

    0 through the file's last year, missing after it. peacesciencer's default (`mry = TRUE`)
    carries the spells that run to the file's end on to last calendar year; casus does not
    guess past the file.
    """
    kind = _table(frame, "add_cow_majors", STATE_YEAR, DYAD_YEAR)
    cols = ["cowmaj"] if kind == STATE_YEAR else ["cowmaj1", "cowmaj2"]
    _new(frame, "add_cow_majors", cols)
    years = system_years(majors).assign(cowmaj=1)
    out = _per_state(frame, kind, years, ["cowmaj"])
    out = _fill(out, cols, int(majors.styear.min()), int(majors.endyear.max()))
    return _done(out, frame, "cow_majors")


def add_powers(frame: pd.DataFrame, powers: pd.DataFrame) -> pd.DataFrame:
    """Maoz's (2010) regional and global powers: maoz_regional, maoz_global (1 in any year of a spell).

    Dyad-years get `maoz_regional1`, `maoz_global1` and the same with 2. 0 through the file's last
    year, missing after it. peacesciencer ships these spells (`maoz_powers`) as data without a
    verb; the columns are casus's, coded year by year as `add_cow_majors` codes COW's spells (a
    state whose status changes within a year, Germany in 1867, is both that year).
    """
    kind = _table(frame, "add_powers", STATE_YEAR, DYAD_YEAR)
    names = ["maoz_regional", "maoz_global"]
    _new(frame, "add_powers", names if kind == STATE_YEAR else _sides(names))
    parts = []
    for name, st, en in (
        ("maoz_regional", "regstdate", "regenddate"),
        ("maoz_global", "globstdate", "globenddate"),
    ):
        s = powers[powers[st].notna()]
        spells = pd.DataFrame({"ccode": s.ccode, "sy": s[st].dt.year, "ey": s[en].dt.year})
        parts.append(_years(spells, "sy", "ey")[STATE].drop_duplicates().assign(**{name: 1}))
    years = parts[0].merge(parts[1], on=STATE, how="outer")
    out = _per_state(frame, kind, years, names)
    starts = pd.concat([powers.regstdate, powers.globstdate]).dt.year
    ends = pd.concat([powers.regenddate, powers.globenddate]).dt.year
    out = _fill(out, names if kind == STATE_YEAR else _sides(names), int(starts.min()), int(ends.max()))
    return _done(out, frame, "maoz_powers")


# --- relations between states --------------------------------------------------------------------


def add_igos(frame: pd.DataFrame, igos: pd.DataFrame) -> pd.DataFrame:
    """COW IGO 3.0 memberships: dyadigos in dyad-years, sum_igo_* in state-years (NaN where not coded).

    Give the file for the table's kind: the dyad-year file (`dyadigos`, the number of IGOs both
    are full members of) for dyad-years, the state-year file (`sum_igo_full`, `_associate`,
    `_observer`, `_anytype`) for state-years — as peacesciencer's `add_igos()`, which leaves
    uncoded years missing too.
    """
    kind = _table(frame, "add_igos", STATE_YEAR, DYAD_YEAR)
    if kind == STATE_YEAR:
        if missing := [c for c in IGO_STATE if c not in igos.columns]:
            raise ValueError(f"add_igos: a state-year table takes the state-year IGO file; no {missing[0]}")
        _new(frame, "add_igos", IGO_STATE)
        return _done(_per_state(frame, kind, igos, IGO_STATE), frame, "cow_igo")
    if "dyadigos" not in igos.columns:
        raise ValueError("add_igos: a dyad-year table takes the dyad-year IGO file (dyadigos)")
    _new(frame, "add_igos", ["dyadigos"])
    pairs = _both_ways(igos[[*PAIR, "dyadigos"]]).drop_duplicates(PAIR)
    return _done(frame.merge(pairs, on=PAIR, how="left"), frame, "cow_igo")


def add_minimum_distance(frame: pd.DataFrame, mindist: pd.DataFrame) -> pd.DataFrame:
    """CShapes 2.0 minimum distance in km between the two states' territories (0 touching), 1886-2019.

    Dyad-years get `mindist`; state-years `minmindist`, the least distance to any state the file
    pairs the state with that year, as peacesciencer's `add_minimum_distance()` gives for
    state-years. NaN where not coded (before 1886). peacesciencer can also read a daily
    file (`use_extdata`, `slice`); casus reads the yearly one, its `use_extdata = FALSE`.
    """
    kind = _table(frame, "add_minimum_distance", STATE_YEAR, DYAD_YEAR)
    pairs = _both_ways(mindist[[*PAIR, "mindist"]]).dropna(subset=["mindist"]).drop_duplicates(PAIR)
    if kind == DYAD_YEAR:
        _new(frame, "add_minimum_distance", ["mindist"])
        return _done(frame.merge(pairs, on=PAIR, how="left"), frame, "cow_mindist")
    _new(frame, "add_minimum_distance", ["minmindist"])
    least = pairs.groupby(["ccode1", "year"], as_index=False).mindist.min()
    least = least.rename(columns={"ccode1": "ccode", "mindist": "minmindist"})
    return _done(frame.merge(least, on=STATE, how="left"), frame, "cow_mindist")


def add_capital_distance(frame: pd.DataFrame) -> pd.DataFrame:
    """Great-circle distance in km between capitals: capdist (dyad-years), mincapdist (state-years).

    `mincapdist` is the least distance to the capital of any other state in the table that year
    (the whole system when the table is all state-years; peacesciencer always takes COW's whole
    system). NaN where a capital is unknown. The capitals are casus's table, which places a
    capital that moved within a year at its new seat; peacesciencer's default (`transsum =
    "first"`) takes the capital on the year's first day, and its distance is Vincenty's on a
    sphere of radius 6,378.137 km where casus uses 6,371 km, so its distances are 0.11 % longer.
    """
    kind = _table(frame, "add_capital_distance", STATE_YEAR, DYAD_YEAR)
    pos = capital_years(frame.year.unique())[["ccode", "year", "lat", "lon"]]
    if kind == DYAD_YEAR:
        _new(frame, "add_capital_distance", ["capdist"])
        out = frame
        for k in ("1", "2"):
            side = pos.rename(columns={"ccode": f"ccode{k}", "lat": f"_lat{k}", "lon": f"_lon{k}"})
            out = out.merge(side, on=[f"ccode{k}", "year"], how="left")
        out["capdist"] = capitals.distance_km(out._lat1, out._lon1, out._lat2, out._lon2)
        return _done(out.drop(columns=["_lat1", "_lon1", "_lat2", "_lon2"]), frame, "casus")
    _new(frame, "add_capital_distance", ["mincapdist"])
    here = frame[STATE].drop_duplicates().merge(pos, on=STATE)
    pairs = here.merge(here, on="year", suffixes=("", "_o"))
    pairs = pairs[pairs.ccode != pairs.ccode_o]
    pairs = pairs.assign(mincapdist=capitals.distance_km(pairs.lat, pairs.lon, pairs.lat_o, pairs.lon_o))
    least = pairs.groupby(STATE, as_index=False).mincapdist.min()
    return _done(frame.merge(least, on=STATE, how="left"), frame, "casus")


def _contiguity_years(contiguity: pd.DataFrame, how: Slice, fold: bool) -> pd.DataFrame:
    """(ccode1, ccode2, year, conttype): the one contiguity type of each pair in each year of its spells."""
    ct = contiguity[["ccode1", "ccode2", "conttype", "stdate", "enddate"]]
    if how == "closest":
        ct = ct[ct.conttype > 0]
    if fold:  # a non-directed table: either direction counts for the pair
        ct = ct.assign(ccode1=np.minimum(ct.ccode1, ct.ccode2), ccode2=np.maximum(ct.ccode1, ct.ccode2))
    ct = ct.assign(sy=ct.stdate.dt.year, ey=ct.enddate.dt.year)
    x = _years(ct, "sy", "ey")
    if how == "closest":
        return x.groupby(PAIR, as_index=False).conttype.min()
    if how == "first":  # the spell in force earliest in the year; a tie goes to the closer type
        x["at"] = np.where(x.sy < x.year, 0, x.stdate.dt.day_of_year)
        x = x.sort_values([*PAIR, "at", "conttype"])
    else:  # "last": the spell in force latest in the year
        x["at"] = np.where(x.ey > x.year, 367, x.enddate.dt.day_of_year)
        x = x.sort_values([*PAIR, "at", "conttype"], ascending=[True, True, True, False, True])
    return x.drop_duplicates(PAIR)[[*PAIR, "conttype"]]


def add_contiguity(frame: pd.DataFrame, contiguity: pd.DataFrame, *, slice: Slice = "first") -> pd.DataFrame:
    """COW Direct Contiguity: conttype in dyad-years (0 none, 1 land, 2-5 water up to 12, 24, 150, 400 miles);
    land and sea in state-years (how many states it borders by land, and by water).

    As peacesciencer's `add_contiguity()`: `slice="first"` takes the contiguity in force earliest
    in the year, `"last"` latest; the file's spells of type 0 (pairs both in the system but not
    contiguous, added by peacesciencer) count as spells. casus reads spells by day where
    peacesciencer lays them out by month (the same with COW's first-of-month dates) and breaks a
    tie between overlapping spells by the closer type where peacesciencer takes file order.
    `slice="closest"` is casus's earlier coding, the closest type in force at any time that year.
    A non-directed table counts a spell coded either way. 0 within 1816..the file's last year,
    missing after.
    """
    if slice not in ("first", "last", "closest"):
        raise ValueError(f"add_contiguity: slice {slice!r}: expected first, last or closest")
    kind = _table(frame, "add_contiguity", STATE_YEAR, DYAD_YEAR)
    lo, hi = int(contiguity.stdate.dt.year.min()), int(contiguity.enddate.dt.year.max())
    if kind == DYAD_YEAR:
        _new(frame, "add_contiguity", ["conttype"])
        x = _contiguity_years(contiguity, slice, fold=not _directed(frame))
        out = _fill(frame.merge(x, on=PAIR, how="left"), ["conttype"], lo, hi)
        return _done(out, frame, "cow_contiguity")
    _new(frame, "add_contiguity", ["land", "sea"])
    x = _contiguity_years(contiguity, slice, fold=False)
    x = x.assign(land=(x.conttype == 1).astype("int16"), sea=(x.conttype > 1).astype("int16"))
    counts = x.groupby(["ccode1", "year"], as_index=False)[["land", "sea"]].sum()
    out = frame.merge(counts.rename(columns={"ccode1": "ccode"}), on=STATE, how="left")
    return _done(_fill(out, ["land", "sea"], lo, hi, "int16"), frame, "cow_contiguity")


def add_atop_alliance(frame: pd.DataFrame, atop: pd.DataFrame, *, either_way: bool = True) -> pd.DataFrame:
    """ATOP v5.1 obligations in force: atop_alliance, atop_defense, atop_offense, atop_neutral,
    atop_nonagg, atop_consul (dyad-years only).

    In a directed table a column is 1 where ccode1 owes ccode2 that obligation (`atop_alliance`:
    the pair-year is in the file, with any obligation or none). In a non-directed table it is 1
    where either owes the other (`either_way=False`: only as coded for ccode1 < ccode2), as
    peacesciencer's `add_atop_alliance(ndir = TRUE)`. 0 within the file's years (1815-2018),
    missing outside them.
    """
    _table(frame, "add_atop_alliance", DYAD_YEAR)
    new = ["atop_alliance", *(f"atop_{c}" for c in ATOP)]
    _new(frame, "add_atop_alliance", new)
    a = atop[[*PAIR, *ATOP]].assign(alliance=1)
    if not _directed(frame) and either_way:
        a = a.assign(ccode1=np.minimum(a.ccode1, a.ccode2), ccode2=np.maximum(a.ccode1, a.ccode2))
    a = a.groupby(PAIR, as_index=False)[["alliance", *ATOP]].max()  # one row per pair-year
    a.columns = pd.Index([*PAIR, *new])
    out = _fill(frame.merge(a, on=PAIR, how="left"), new, int(atop.year.min()), int(atop.year.max()))
    return _done(out, frame, "atop")


def _rivalry_years(rivalries: pd.DataFrame) -> pd.DataFrame:
    """Each rivalry's years, both orders of the pair; Austria (300) is 305 from 1919 (rivalry 79)."""
    r = rivalries[["rivalryno", "rivalryname", "ccode1", "ccode2", "styear", "endyear", "region",
                   "type1", "type2", "type3"]]  # fmt: skip
    r = r.assign(**{t: r[t].replace("", pd.NA) for t in ("type1", "type2", "type3")})
    x = _years(_both_ways(r), "styear", "endyear")
    for c in ("ccode1", "ccode2"):
        x[c] = x[c].mask((x[c] == 300) & (x.year >= 1919), 305)
    return x[x.year >= 1816]


def add_strategic_rivalries(
    frame: pd.DataFrame, rivalries: pd.DataFrame, *, across_types: int = 1
) -> pd.DataFrame:
    """Thompson & Dreyer's (2012) strategic rivalries, 1494-2010.

    Dyad-years get the ongoing rivalry's `rivalryno`, `rivalryname`, `region`, `type1`, `type2`,
    `type3` and `ongoingrivalry` (1 in a year of a rivalry); state-years the number of ongoing
    rivalries of each type, `ideological`, `interventionary`, `positional`, `spatial`, counting a
    rivalry's first `across_types` (1-3) types. This is peacesciencer's coding for these data
    (its versions before 1.2; 1.2 reads Thompson et al. 2021 and names the state-year counts
    `n_ideological`, …); the rivalry's start and end years are left out. As peacesciencer does,
    Austria-Hungary's (300) rivalry with Serbia continues as Austria's (305) after 1918. 0 through
    2010 (the file's last year), missing after.
    """
    kind = _table(frame, "add_strategic_rivalries", STATE_YEAR, DYAD_YEAR)
    if across_types not in (1, 2, 3):
        raise ValueError(f"add_strategic_rivalries: across_types {across_types!r}: expected 1, 2 or 3")
    x = _rivalry_years(rivalries)
    lo, hi = 1816, int(rivalries.endyear.max())
    if kind == DYAD_YEAR:
        cols = ["rivalryno", "rivalryname", "region", "type1", "type2", "type3"]
        _new(frame, "add_strategic_rivalries", [*cols, "ongoingrivalry"])
        x = x[[*PAIR, *cols]].sort_values("rivalryno").drop_duplicates(PAIR)  # one rivalry per pair-year
        out = frame.merge(x, on=PAIR, how="left")
        out["rivalryno"] = out.rivalryno.astype("Int64")
        out["ongoingrivalry"] = out.rivalryno.notna().astype("int8").where(out.year.between(lo, hi))
        return _done(_fill(out, ["ongoingrivalry"], lo, hi), frame, "td_rivalries")
    _new(frame, "add_strategic_rivalries", RIVALRY_TYPES)
    types = ["type1", "type2", "type3"][:across_types]
    x = x.assign(**{t: x[types].eq(t).any(axis=1).astype("int16") for t in RIVALRY_TYPES})
    counts = x.groupby(["ccode1", "year"], as_index=False)[list(RIVALRY_TYPES)].sum()
    out = frame.merge(counts.rename(columns={"ccode1": "ccode"}), on=STATE, how="left")
    return _done(_fill(out, RIVALRY_TYPES, lo, hi, "int16"), frame, "td_rivalries")


def add_gml_mids(
    frame: pd.DataFrame, participants: pd.DataFrame, *, init: Init = "sidea-all-joiners"
) -> pd.DataFrame:
    """GML MID 2.2.1 disputes as indicators: gmlmidonset, gmlmidongoing.

    Dyad-years: `gmlmidongoing` is 1 where the two stood on opposite sides of a dispute at any
    time that year, `gmlmidonset` where they came to (the later of their two start years) — 1
    however many disputes, as peacesciencer's `add_gml_mids()` codes them after whittling
    dispute-years to dyad-years. casus adds only the two indicators, not the whittled dispute's
    own columns (dispnum, hostlev, init1, …). State-years: `gmlmidonset`, `gmlmidongoing` for any
    participation of the state, and `gmlmidonset_init`, `gmlmidongoing_init` for participations
    that count as initiating under `init` ("sidea-all-joiners": side A or any joiner;
    "sidea-with-joiners": side A; "sidea-orig": side A's originators), each participant row
    running from its own start to its own end year, as peacesciencer's state-year version (less
    its filter on leaders the file does not carry). 0 from 1816 to the file's last year (2010), missing
    after.
    """
    kind = _table(frame, "add_gml_mids", STATE_YEAR, DYAD_YEAR)
    lo, hi = min(1816, int(participants.styear.min())), int(participants.endyear.max())  # GML: 1816-2010
    if kind == STATE_YEAR:
        if init not in ("sidea-all-joiners", "sidea-with-joiners", "sidea-orig"):
            raise ValueError(
                f"add_gml_mids: init {init!r}: expected sidea-all-joiners, sidea-with-joiners or sidea-orig"
            )
        cols = ["gmlmidonset", "gmlmidongoing", "gmlmidonset_init", "gmlmidongoing_init"]
        _new(frame, "add_gml_mids", cols)
        p = participants[["ccode", "styear", "endyear", "sidea", "orig"]]
        starts = {"sidea-all-joiners": (p.sidea == 1) | (p.orig == 0), "sidea-with-joiners": p.sidea == 1}
        p = p.assign(init=starts.get(init, (p.sidea == 1) & (p.orig == 1)).astype("int8"))
        x = _years(p, "styear", "endyear")
        x = x.assign(gmlmidonset=(x.year == x.styear).astype("int8"), gmlmidongoing=1)
        x = x.assign(gmlmidonset_init=x.gmlmidonset * x.init, gmlmidongoing_init=x.init)
        per = x.groupby(STATE, as_index=False)[cols].max()
        return _done(_fill(frame.merge(per, on=STATE, how="left"), cols, lo, hi), frame, "mid")
    cols = ["gmlmidonset", "gmlmidongoing"]
    _new(frame, "add_gml_mids", cols)
    p = participants.groupby(["dispnum", "ccode"], as_index=False).agg(
        side=("sidea", "first"), sy=("styear", "min"), ey=("endyear", "max")
    )
    pairs = p.merge(p, on="dispnum", suffixes=("1", "2"))
    pairs = pairs[(pairs.side1 != pairs.side2) & (pairs.ccode1 != pairs.ccode2)]
    if not _directed(frame):
        pairs = pairs[pairs.ccode1 < pairs.ccode2]
    pairs = pairs.assign(sy=np.maximum(pairs.sy1, pairs.sy2), ey=np.minimum(pairs.ey1, pairs.ey2))
    x = _years(pairs[pairs.sy <= pairs.ey][["ccode1", "ccode2", "sy", "ey"]], "sy", "ey")
    x = x.assign(gmlmidonset=(x.year == x.sy).astype("int8"), gmlmidongoing=1)
    per = x.groupby(PAIR, as_index=False)[cols].max()
    return _done(_fill(frame.merge(per, on=PAIR, how="left"), cols, lo, hi), frame, "mid")


add_mids = add_gml_mids
