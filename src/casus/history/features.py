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
    cands = add_history(cands, participants) # the candidate's disputes with each side before this one
    X = joining_features(cands)
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from casus.joining import FEATURES

KEY = ["dispnum", "ccode", "side"]
SIDE_A, SIDE_B = 1, 0  # MID's sidea: 1 = the side that took the first militarized action


def originators(participants: pd.DataFrame) -> pd.DataFrame:
    """Originators of each dispute with its start year and month: dispnum, oc, oside, year, month."""
    start = participants.groupby("dispnum").agg(year=("styear", "min"))
    first = participants.merge(start, left_on="dispnum", right_index=True)
    first = first[first.styear == first.year]
    month = first.assign(stmon=first.stmon.where(first.stmon > 0, 1)).groupby("dispnum").stmon.min()
    o = participants[participants.orig == 1][["dispnum", "ccode", "sidea"]].drop_duplicates(
        ["dispnum", "ccode"]
    )
    o = o.rename(columns={"ccode": "oc", "sidea": "oside"})
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
    """All (dispute, state, side) candidates with the label `joined` (GML MID; COW State System)."""
    o = originators(participants)
    disputes = o[["dispnum", "year", "month"]].drop_duplicates("dispnum")
    c = disputes.merge(system_years(states), on="year")
    c = c.merge(
        o[["dispnum", "oc"]].rename(columns={"oc": "ccode"}).assign(_o=1), on=["dispnum", "ccode"], how="left"
    )
    c = c[c._o.isna()].drop(columns="_o")
    c = pd.concat([c.assign(side=SIDE_A), c.assign(side=SIDE_B)], ignore_index=True)
    joiners = participants[participants.orig == 0][["dispnum", "ccode", "sidea"]].rename(
        columns={"sidea": "side"}
    )
    joiners = joiners.drop_duplicates().assign(joined=1)
    c = c.merge(joiners, on=KEY, how="left")
    c["joined"] = c.joined.fillna(0).astype("int8")
    return c.sort_values(KEY, ignore_index=True)


def _with_originators(cands: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    o = originators(participants)[["dispnum", "oc", "oside"]]
    x = cands[[*KEY, "year"]].merge(o, on="dispnum")
    x["same"] = x.oside == x.side
    return x


def add_atop(cands: pd.DataFrame, atop: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """ATOP obligations between the candidate and each side's originators in the start year (ATOP v5.1)."""
    x = _with_originators(cands, participants)
    a = atop.rename(columns={"ccode1": "ccode", "ccode2": "oc"})
    x = x.merge(a, on=["ccode", "oc", "year"])
    cols = ["defense", "offense", "neutral", "nonagg", "consul"]
    out = cands
    for flag, name in ((True, "same"), (False, "opp")):
        g = x[x.same == flag].groupby(KEY)[cols].max()
        g.columns = [f"atop_{c}_{name}" for c in cols]
        out = out.merge(g, left_on=KEY, right_index=True, how="left")
    new = [c for c in out.columns if c.startswith("atop_")]
    out[new] = out[new].fillna(0).astype("int8")
    return out


def add_contiguity(cands: pd.DataFrame, contiguity: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Closest contiguity with each side: 1 land … 5 up to 400 miles of water, 9 none (COW contiguity)."""
    x = _with_originators(cands, participants)
    ct = contiguity[contiguity.conttype > 0].rename(columns={"ccode1": "ccode", "ccode2": "oc"})
    ct = ct.assign(sy=ct.stdate.dt.year, ey=ct.enddate.dt.year)[["ccode", "oc", "conttype", "sy", "ey"]]
    x = x.merge(ct, on=["ccode", "oc"])
    x = x[(x.year >= x.sy) & (x.year <= x.ey)]
    out = cands
    for flag, name in ((True, "same"), (False, "opp")):
        g = x[x.same == flag].groupby(KEY).conttype.min().rename(f"cont_{name}")
        out = out.merge(g, left_on=KEY, right_index=True, how="left")
    out[["cont_same", "cont_opp"]] = out[["cont_same", "cont_opp"]].fillna(9).astype("int8")
    return out


def add_majors(cands: pd.DataFrame, majors: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Whether the candidate, and whether the other side's originators, include a major power (COW majors)."""
    years = system_years(majors).assign(major=1)
    out = cands.merge(years, on=["ccode", "year"], how="left")
    x = _with_originators(cands, participants)
    x = x[~x.same].merge(years.rename(columns={"ccode": "oc"}), on=["oc", "year"])
    g = x.groupby(KEY).major.max().rename("enemy_major")
    out = out.merge(g, left_on=KEY, right_index=True, how="left")
    out[["major", "enemy_major"]] = out[["major", "enemy_major"]].fillna(0).astype("int8")
    return out


def add_capabilities(cands: pd.DataFrame, nmc: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """The candidate's CINC score and the other side's originators' summed CINC (COW NMC 6.0)."""
    cinc = nmc[["ccode", "year", "cinc"]]
    out = cands.merge(cinc, on=["ccode", "year"], how="left")
    x = _with_originators(cands, participants)
    x = x[~x.same].merge(cinc.rename(columns={"ccode": "oc"}), on=["oc", "year"])
    g = x.groupby(KEY).cinc.sum().rename("enemy_cinc")
    out = out.merge(g, left_on=KEY, right_index=True, how="left")
    out[["cinc", "enemy_cinc"]] = out[["cinc", "enemy_cinc"]].fillna(0.0)
    return out


def add_history(
    cands: pd.DataFrame, participants: pd.DataFrame, years: int = 10, history: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Earlier disputes in which the candidate stood with / against each side's originators (GML MID).

    Counts disputes that started in the `years` before this one (by year and month).

    `history` is the participants table to look back in (default: `participants`); only disputes
    that started before this one (by year and month) count, so nothing from the future leaks in.
    """
    hist = participants if history is None else history
    h = hist.assign(t=hist.styear * 12 + hist.stmon.where(hist.stmon > 0, 1))
    h = h.groupby(["dispnum", "ccode"]).agg(sidea=("sidea", "first"), t=("t", "min")).reset_index()
    pairs = h.merge(h, on="dispnum", suffixes=("", "_o"))
    pairs = pairs[pairs.ccode != pairs.ccode_o]
    pairs = pairs.assign(together=(pairs.sidea == pairs.sidea_o).astype("int8"))[
        ["ccode", "ccode_o", "t", "together"]
    ]
    x = _with_originators(cands, participants)
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


def joining_features(c: pd.DataFrame) -> pd.DataFrame:
    """The joining model's features (casus.joining.FEATURES), from the columns the add_* functions made.

    Mapping from ATOP: a defence or offence obligation with an originator of the side the
    candidate might join counts as *triggered* when that side was attacked (MID side B) and as
    *untriggered* when it struck first (side A) — as the engine treats obligations toward the
    attacked state and toward the aggressor. Consultation with the side → consultation;
    neutrality, non-aggression or defence with the other side's originators → a duty to stay out.
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
    f["enemy_major"] = c.enemy_major.astype(float)
    f["capability"] = np.log((c.cinc + 1e-6) / (c.enemy_cinc + 1e-6)).clip(-10, 10)
    f["history_with"] = np.log1p(c.hist_with)
    f["history_against"] = np.log1p(c.hist_against)
    return f


def build(tables: dict[str, pd.DataFrame], participants: pd.DataFrame | None = None,
          history: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """Candidates with every add_* column, for `participants` (default: the folder's own)."""
    p = tables["mid_participants"] if participants is None else participants
    c = candidates(p, tables["cow_states"])
    c = add_atop(c, tables["atop"], p)
    c = add_contiguity(c, tables["cow_contiguity"], p)
    c = add_majors(c, tables["cow_majors"], p)
    c = add_capabilities(c, tables["cow_nmc"], p)
    hist = tables["mid_participants"] if history is None else history
    return add_history(c, p, history=pd.concat([hist, p]).drop_duplicates(["dispnum", "ccode"]))
