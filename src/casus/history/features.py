"""Candidate tables and their features, one function per data source (each cites its data).

A candidate is a (dispute, state, side) triple: every state in the COW system in the dispute's
start year (the earliest start year among its participants) other than its originators, once
for each side; it is a joiner if it took part in the dispute, on that side, without being there
at the start. Features are built with vectorised joins, the same way the engine builds them for
today's world (see `casus.joining`):

    cands = candidates(participants, states)
    cands = add_atop(cands, atop)            # ATOP obligations with each side's originators
    cands = add_contiguity(cands, contiguity)
    cands = add_majors(cands, majors)
    cands = add_capabilities(cands, nmc)
    cands = add_nuclear(cands, nuclear_years())  # nuclear status from the state registry
    cands = add_history(cands, participants) # the candidate's disputes with each side before this one
    cands = add_proximity(cands, participants)  # how close the candidate's capital is to each side's
    cands = add_level(cands, disputes, participants)  # how far the dispute went (MID hostlev)
    X = joining_features(cands)

Each add_* measures the candidate's ties to the belligerents of each side. By default those are
the dispute's originators (what a forecaster sees at the start, and the cascade's first round).
With `exposure="joined"` they are the originators plus every participant that joined before the
candidate did (all of them, for a candidate that never joined): the situation in which the
candidate actually decided. `casus calibrate` fits on the former (what a forecaster sees at the
start; fitting on the latter ranked joiners worse in the forward backtest), and the cascade
(`casus.history.cascade`) asks the model again each round, after allies of the belligerents join.
`add_proximity` always measures to the originators.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from casus import capitals
from casus.joining import FEATURES
from casus.ties import SIDE_A, SIDE_B

__all__ = [
    "HIACT_LEVELS",
    "KEY",
    "LAST_YEAR",
    "NEVER",
    "add_atop",
    "add_capabilities",
    "add_contiguity",
    "add_history",
    "add_level",
    "add_majors",
    "add_nuclear",
    "add_proximity",
    "belligerents",
    "build",
    "candidates",
    "capital_years",
    "dispute_levels",
    "history_table",
    "joining_features",
    "level_of_hiact",
    "nuclear_years",
    "originators",
    "pair_history",
    "side_of",
    "start_time",
    "system_years",
]

KEY = ["dispnum", "ccode", "side"]
# Sides as the simulator numbers them (casus.ties): 0 side A, the side that took the first
# militarized action (MID's sidea = 1), 1 side B.


def side_of(sidea: pd.Series) -> pd.Series:
    """The side index (SIDE_A or SIDE_B) of MID's `sidea` column (1 = side A).

    >>> side_of(pd.Series([1, 0])).tolist()
    [0, 1]
    """
    return pd.Series(np.where(sidea.to_numpy() == 1, SIDE_A, SIDE_B), index=sidea.index, dtype="int64")


NEVER = 10**9  # the join time of a candidate that never joined
LAST_YEAR = 2100
Exposure = Literal["originators", "joined"]


def start_time(frame: pd.DataFrame) -> pd.Series:
    """A participant's start as a sortable integer yyyymmdd (unknown month or day -> 1)."""
    day = frame.stday.clip(lower=1) if "stday" in frame else 1
    return frame.styear * 10_000 + frame.stmon.clip(lower=1) * 100 + day


def pair_history(history: pd.DataFrame) -> pd.DataFrame:
    """Every ordered pair of states in the same dispute: ccode, ccode_o, t (start month), together."""
    h = history.assign(t=history.styear * 12 + history.stmon.where(history.stmon > 0, 1))
    h = h.groupby(["dispnum", "ccode"]).agg(sidea=("sidea", "first"), t=("t", "min")).reset_index()
    pairs = h.merge(h, on="dispnum", suffixes=("", "_o"))
    pairs = pairs[pairs.ccode != pairs.ccode_o]
    pairs = pairs.assign(together=(pairs.sidea == pairs.sidea_o).astype("int8"))
    return pairs[["ccode", "ccode_o", "t", "together"]].reset_index(drop=True)


def belligerents(participants: pd.DataFrame) -> pd.DataFrame:
    """Every participant of every dispute: dispnum, oc, oside, ot (start), orig."""
    p = participants.assign(ot=start_time(participants), oside=side_of(participants.sidea))
    g = p.groupby(["dispnum", "ccode"]).agg(oside=("oside", "first"), ot=("ot", "min"), orig=("orig", "max"))
    return g.reset_index().rename(columns={"ccode": "oc"})


def originators(participants: pd.DataFrame) -> pd.DataFrame:
    """Originators of each dispute with its start year and month: dispnum, oc, oside, year, month."""
    start = participants.groupby("dispnum").agg(year=("styear", "min"))
    first = participants.merge(start, left_on="dispnum", right_index=True)
    first = first[first.styear == first.year]
    month = first.assign(stmon=first.stmon.where(first.stmon > 0, 1)).groupby("dispnum").stmon.min()
    o = participants[participants.orig == 1][["dispnum", "ccode", "sidea"]].drop_duplicates(
        ["dispnum", "ccode"]
    )
    o = o.rename(columns={"ccode": "oc"}).assign(oside=side_of(o.sidea)).drop(columns="sidea")
    return o.merge(start, left_on="dispnum", right_index=True).merge(
        month.rename("month"), left_on="dispnum", right_index=True
    )


def system_years(states: pd.DataFrame) -> pd.DataFrame:
    """(ccode, year) for every year a state was in the COW system (COW State System)."""
    spans = states[["ccode", "styear", "endyear"]].astype("int64")
    lengths = (spans.endyear - spans.styear + 1).clip(lower=0).to_numpy()
    ccode = np.repeat(spans.ccode.to_numpy(), lengths)
    year = np.concatenate([np.arange(a, b + 1) for a, b in zip(spans.styear, spans.endyear, strict=True)])
    return pd.DataFrame({"ccode": ccode, "year": year}).drop_duplicates()


def candidates(participants: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    """All (dispute, state, side) candidates with the label `joined` (GML MID; COW State System).

    `n_system` is the number of states in the COW system in the dispute's start year.
    """
    o = originators(participants)
    disputes = o[["dispnum", "year", "month"]].drop_duplicates("dispnum")
    c = disputes.merge(system_years(states), on="year")
    # Counted before the originators are dropped: the whole system, as the engine counts it today.
    c["n_system"] = c.groupby("dispnum").ccode.transform("size").astype("int32")
    c = c.merge(
        o[["dispnum", "oc"]].rename(columns={"oc": "ccode"}).assign(_o=1), on=["dispnum", "ccode"], how="left"
    )
    c = c[c._o.isna()].drop(columns="_o")
    c = pd.concat([c.assign(side=SIDE_A), c.assign(side=SIDE_B)], ignore_index=True)
    joiners = participants[participants.orig == 0][["dispnum", "ccode", "sidea"]]
    joiners = joiners.assign(side=side_of(joiners.sidea)).drop(columns="sidea")
    joiners = joiners.drop_duplicates().assign(joined=1)
    c = c.merge(joiners, on=KEY, how="left")
    c["joined"] = c.joined.fillna(0).astype("int8")
    b = belligerents(participants)
    jt = b[b.orig == 0][["dispnum", "oc", "ot"]].rename(columns={"oc": "ccode", "ot": "jt"})
    c = c.merge(jt, on=["dispnum", "ccode"], how="left")
    c["jt"] = c.jt.fillna(NEVER).astype("int64")
    return c.sort_values(KEY, ignore_index=True)


def _with_belligerents(
    cands: pd.DataFrame, participants: pd.DataFrame, exposure: Exposure = "originators"
) -> pd.DataFrame:
    """One row per candidate and belligerent it is exposed to, with `same` = on the candidate's side."""
    b = belligerents(participants)
    x = cands[[*KEY, "year", "jt"]].merge(b, on="dispnum")
    keep = (x.orig == 1) if exposure == "originators" else ((x.orig == 1) | (x.ot < x.jt))
    x = x[keep & (x.oc != x.ccode)]
    return x.assign(same=x.oside == x.side)


def _per_side(cands: pd.DataFrame, x: pd.DataFrame, cols: list[str], how: str, name: str) -> pd.DataFrame:
    """Aggregate `cols` of belligerent rows `x` per side, as columns `name`.format(col=..., side=...)."""
    out = cands
    for flag, side in ((True, "same"), (False, "opp")):
        g = x[x.same == flag].groupby(KEY)[cols].agg(how)
        g.columns = [name.format(col=c, side=side) for c in cols]
        out = out.merge(g, left_on=KEY, right_index=True, how="left")
    return out


def add_atop(
    cands: pd.DataFrame,
    atop: pd.DataFrame,
    participants: pd.DataFrame,
    exposure: Exposure = "originators",
) -> pd.DataFrame:
    """ATOP obligations between the candidate and each side's originators in the start year (ATOP v5.1)."""
    x = _with_belligerents(cands, participants, exposure)
    a = atop.rename(columns={"ccode1": "ccode", "ccode2": "oc"})
    x = x.merge(a, on=["ccode", "oc", "year"])
    cols = ["defense", "offense", "neutral", "nonagg", "consul"]
    out = _per_side(cands, x, cols, "max", "atop_{col}_{side}")
    new = [c for c in out.columns if c.startswith("atop_")]
    out[new] = out[new].fillna(0).astype("int8")
    return out


def add_contiguity(
    cands: pd.DataFrame,
    contiguity: pd.DataFrame,
    participants: pd.DataFrame,
    exposure: Exposure = "originators",
) -> pd.DataFrame:
    """Closest contiguity with each side: 1 land … 5 up to 400 miles of water, 9 none (COW contiguity)."""
    x = _with_belligerents(cands, participants, exposure)
    ct = contiguity[contiguity.conttype > 0].rename(columns={"ccode1": "ccode", "ccode2": "oc"})
    ct = ct.assign(sy=ct.stdate.dt.year, ey=ct.enddate.dt.year)[["ccode", "oc", "conttype", "sy", "ey"]]
    x = x.merge(ct, on=["ccode", "oc"])
    x = x[(x.year >= x.sy) & (x.year <= x.ey)]
    out = _per_side(cands, x, ["conttype"], "min", "cont_{side}")
    out[["cont_same", "cont_opp"]] = out[["cont_same", "cont_opp"]].fillna(9).astype("int8")
    return out


def _status(
    cands: pd.DataFrame, years: pd.DataFrame, participants: pd.DataFrame, exposure: Exposure, name: str
) -> pd.DataFrame:
    """Columns `name` (the candidate holds the status that year) and `enemy_<name>` (the other side does)."""
    years = years[["ccode", "year"]].assign(**{name: 1})
    out = cands.merge(years, on=["ccode", "year"], how="left")
    x = _with_belligerents(cands, participants, exposure)
    x = x[~x.same].merge(years.rename(columns={"ccode": "oc"}), on=["oc", "year"])
    g = x.groupby(KEY)[name].max().rename(f"enemy_{name}")
    out = out.merge(g, left_on=KEY, right_index=True, how="left")
    cols = [name, f"enemy_{name}"]
    out[cols] = out[cols].fillna(0).astype("int8")
    return out


def add_majors(
    cands: pd.DataFrame,
    majors: pd.DataFrame,
    participants: pd.DataFrame,
    exposure: Exposure = "originators",
) -> pd.DataFrame:
    """Whether the candidate, and whether the other side's originators, include a major power (COW majors)."""
    return _status(cands, system_years(majors), participants, exposure, "major")


def add_capabilities(
    cands: pd.DataFrame,
    nmc: pd.DataFrame,
    participants: pd.DataFrame,
    exposure: Exposure = "originators",
) -> pd.DataFrame:
    """The candidate's CINC score and the other side's originators' summed CINC (COW NMC 6.0)."""
    cinc = nmc[["ccode", "year", "cinc"]]
    out = cands.merge(cinc, on=["ccode", "year"], how="left")
    x = _with_belligerents(cands, participants, exposure)
    x = x[~x.same].merge(cinc.rename(columns={"ccode": "oc"}), on=["oc", "year"])
    g = x.groupby(KEY).cinc.sum().rename("enemy_cinc")
    out = out.merge(g, left_on=KEY, right_index=True, how="left")
    out[["cinc", "enemy_cinc"]] = out[["cinc", "enemy_cinc"]].fillna(0.0)
    return out


def nuclear_years(states: object | None = None) -> pd.DataFrame:
    """(ccode, year) for every year a state held nuclear weapons, from the state registry's spells.

    COW's files do not record nuclear status; the registry does (first test or assessed date),
    so history and today's world share one source. `states` defaults to the bundled registry.
    """
    from casus.world import load_states

    reg = load_states() if states is None else states
    rows: list[tuple[int, int]] = []
    for st in reg:  # type: ignore[attr-defined]
        for spell in st.nuclear:
            cow = st.cow_on(spell.since)
            if cow is None or cow.code is None:
                continue
            last = spell.until.year if spell.until is not None else LAST_YEAR
            rows.extend((cow.code, y) for y in range(spell.since.year, last + 1))
    return pd.DataFrame(rows, columns=["ccode", "year"]).drop_duplicates()


def add_nuclear(
    cands: pd.DataFrame,
    nuclear: pd.DataFrame,
    participants: pd.DataFrame,
    exposure: Exposure = "originators",
) -> pd.DataFrame:
    """Whether the candidate, and whether the other side's belligerents, held nuclear weapons (registry)."""
    return _status(cands, nuclear, participants, exposure, "nuclear")


def add_history(
    cands: pd.DataFrame,
    participants: pd.DataFrame,
    years: int = 10,
    history: pd.DataFrame | None = None,
    exposure: Exposure = "originators",
) -> pd.DataFrame:
    """Earlier disputes in which the candidate stood with / against each side's belligerents (GML MID).

    Counts disputes that started in the `years` before this one (by year and month).

    `history` is the participants table to look back in (default: `participants`); only disputes
    that started before this one (by year and month) count, so nothing from the future leaks in.
    """
    pairs = pair_history(participants if history is None else history)
    x = _with_belligerents(cands, participants, exposure)
    start = cands[[*KEY, "year", "month"]].drop_duplicates(KEY)
    x = x.merge(start[[*KEY, "month"]], on=KEY)
    x["t0"] = x.year * 12 + x.month
    x = x.merge(pairs.rename(columns={"ccode_o": "oc"}), on=["ccode", "oc"])
    x = x[(x.t < x.t0) & (x.t >= x.t0 - 12 * years)]
    x["with_side"] = np.where(x.same, x.together, 1 - x.together)
    x["against_side"] = 1 - x.with_side
    g = (
        x.groupby(KEY)[["with_side", "against_side"]]
        .sum()
        .rename(columns={"with_side": "hist_with", "against_side": "hist_against"})
    )
    out = cands.merge(g, left_on=KEY, right_index=True, how="left")
    out[["hist_with", "hist_against"]] = out[["hist_with", "hist_against"]].fillna(0).astype("int32")
    return out


def capital_years(years: npt.ArrayLike) -> pd.DataFrame:
    """(ccode, year, lat, lon) of every capital in `years` (casus's capitals table)."""
    codes = np.array(sorted(capitals.codes()), dtype=np.int64)
    frames = [pd.DataFrame(columns=["ccode", "year", "lat", "lon"])]
    for year in np.unique(np.asarray(years, dtype=np.int64)):
        lat, lon = capitals.positions(codes, int(year))
        frames.append(pd.DataFrame({"ccode": codes, "year": int(year), "lat": lat, "lon": lon}))
    return pd.concat(frames[1:] or frames, ignore_index=True).dropna()


def add_proximity(cands: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Summed closeness of the candidate's capital to each side's originators' capitals (casus.capitals).

    Always measured to the originators (where the war is), whatever the exposure of the other
    features: the simulator measures it to the initial belligerents too.
    """
    x = _with_belligerents(cands, participants, "originators")[[*KEY, "oc", "year", "same"]]
    pos = capital_years(x.year.unique())
    x = x.merge(pos, on=["ccode", "year"]).merge(
        pos.rename(columns={"ccode": "oc"}), on=["oc", "year"], suffixes=("", "_o")
    )
    x["close"] = capitals.closeness(capitals.distance_km(x.lat, x.lon, x.lat_o, x.lon_o))
    out = _per_side(cands, x, ["close"], "sum", "prox_{side}")
    out[["prox_same", "prox_opp"]] = out[["prox_same", "prox_opp"]].fillna(0.0)
    return out


# MID's highest action (hiact) -> hostility level, for a dispute with no row in the disputes file:
# 0 no militarized action (1); 1-6 threats (2); 7-12 displays of force (3); 13-19 uses of force,
# declarations of war included (4); 20-21 beginning or joining an interstate war (5). Read from
# the originators' highest actions: what the dispute reached before anyone joined.
HIACT_LEVELS = ((0, 1), (1, 2), (7, 3), (13, 4), (20, 5))


def level_of_hiact(hiact: npt.ArrayLike) -> npt.NDArray[np.int64]:
    """The MID hostility level each highest action implies (HIACT_LEVELS).

    >>> level_of_hiact([0, 1, 7, 13, 20, 21])  # none, threat, display, use of force, war
    array([1, 2, 3, 4, 5, 5])
    """
    a = np.asarray(hiact, dtype=np.int64)
    out = np.ones(a.shape, dtype=np.int64)
    for lo, level in HIACT_LEVELS:
        out[a >= lo] = level
    return out


def dispute_levels(participants: pd.DataFrame, disputes: pd.DataFrame | None = None) -> pd.Series:
    """Each dispute's hostility level (2-5), indexed by dispnum: the disputes file's `hostlev`
    where it has the dispute, else the level of its originators' highest action (HIACT_LEVELS),
    at least 2 (casus asks about threats and above)."""
    o = participants[participants.orig == 1]
    from_hiact = pd.Series(level_of_hiact(o.hiact.to_numpy()), index=o.dispnum.to_numpy())
    level = from_hiact.groupby(level=0).max()
    if disputes is not None and len(disputes):
        known = disputes.drop_duplicates("dispnum").set_index("dispnum").hostlev
        level = known.reindex(level.index).fillna(level).astype("int64")
    return level.clip(lower=2).astype("int64").rename("hostlev")


def add_level(cands: pd.DataFrame, disputes: pd.DataFrame | None, participants: pd.DataFrame) -> pd.DataFrame:
    """The hostility level each candidate's dispute reached, `hostlev` 2-5 (GML MID; `dispute_levels`)."""
    level = dispute_levels(participants, disputes)
    out = cands.drop(columns="hostlev", errors="ignore")
    return (
        out.merge(level, left_on="dispnum", right_index=True, how="left")
        .fillna({"hostlev": 4})
        .astype({"hostlev": "int64"})
    )


def joining_features(c: pd.DataFrame) -> pd.DataFrame:
    """The joining model's features (casus.joining.FEATURES), from the columns the add_* functions made.

    Mapping from ATOP: a defence or offence obligation with an originator of the side the
    candidate might join counts as *triggered* when that side was attacked (MID side B) and as
    *untriggered* when it struck first (side A) — as the engine treats obligations toward the
    attacked state and toward the aggressor. Consultation with the side → consultation;
    neutrality, non-aggression or defence with the other side's originators → a duty to stay out.
    Nuclear status comes from the state registry; `deterred` is a non-nuclear candidate facing
    a nuclear-armed side (the engine's nuclear-deterrence assumption, always on for history).
    ATOP's dyad-year file does not code automaticity, so `defense_strength` is 0 here.
    """
    allied = (c.atop_defense_same + c.atop_offense_same) > 0
    f = pd.DataFrame(0.0, index=c.index, columns=list(FEATURES))
    f["defense_triggered"] = (allied & (c.side == SIDE_B)).astype(float)
    f["defense_untriggered"] = (allied & (c.side == SIDE_A)).astype(float)
    f["consultation"] = ((c.atop_consul_same > 0) & ~allied).astype(float)
    f["abstain"] = ((c.atop_neutral_opp + c.atop_nonagg_opp + c.atop_defense_opp) > 0).astype(float)
    f["contiguous_enemy"] = (c.cont_opp == 1).astype(float)
    f["contiguous_friend"] = (c.cont_same == 1).astype(float)
    f["near_enemy"] = c.cont_opp.between(2, 5).astype(float)
    f["near_friend"] = c.cont_same.between(2, 5).astype(float)
    f["major_power"] = c.major.astype(float)
    f["nuclear"] = c.nuclear.astype(float)
    f["deterred"] = ((c.nuclear == 0) & (c.enemy_nuclear > 0)).astype(float)
    f["nuclear_opposed"] = ((c.nuclear > 0) & (c.enemy_nuclear > 0)).astype(float)
    f["enemy_major"] = c.enemy_major.astype(float)
    f["capability"] = np.log((c.cinc + 1e-6) / (c.enemy_cinc + 1e-6)).clip(-10, 10)
    f["history_with"] = np.log1p(c.hist_with)
    f["history_against"] = np.log1p(c.hist_against)
    f["proximity_enemy"] = np.log1p(c.prox_opp)
    f["proximity_friend"] = np.log1p(c.prox_same)
    f["system_size"] = np.log(c.n_system)
    return f


def build(
    tables: dict[str, pd.DataFrame],
    participants: pd.DataFrame | None = None,
    history: pd.DataFrame | None = None,
    exposure: Exposure = "originators",
    nuclear: pd.DataFrame | None = None,
    disputes: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Candidates with every add_* column, for `participants` (default: the folder's own).

    The dispute levels come from `disputes` (default: the folder's disputes file, if any), and
    for disputes it does not hold from the originators' highest actions.
    """
    p = tables["mid_participants"] if participants is None else participants
    c = candidates(p, tables["cow_states"])
    c = add_atop(c, tables["atop"], p, exposure)
    c = add_contiguity(c, tables["cow_contiguity"], p, exposure)
    c = add_majors(c, tables["cow_majors"], p, exposure)
    c = add_capabilities(c, tables["cow_nmc"], p, exposure)
    c = add_nuclear(c, nuclear_years() if nuclear is None else nuclear, p, exposure)
    c = add_history(c, p, history=history_table(tables, p, history), exposure=exposure)
    c = add_proximity(c, p)
    return add_level(c, tables.get("mid_disputes") if disputes is None else disputes, p)


def history_table(
    tables: dict[str, pd.DataFrame], participants: pd.DataFrame, history: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The participants to look back in: the folder's own plus the scored ones."""
    hist = tables["mid_participants"] if history is None else history
    return pd.concat([hist, participants]).drop_duplicates(["dispnum", "ccode"])
