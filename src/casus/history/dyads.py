"""Dyad-year tables, one function per data source, each adding its columns and citing its data.

The shape the field's tools give a dyad-year analysis: `dyad_years` makes one row per pair of
states in the COW system in a year (directed: both (a, b) and (b, a); undirected: ccode1 < ccode2),
and each `add_*` joins one source onto it by vectorised merges. Every function cites the data it
read (`citations.cited`: readable names in `frame.attrs["sources"]`, in the order added, keys in
`frame.attrs["citations"]`); `cite` lists the names and `citations.cite` gives their BibTeX, so a
table says what it was built from. The tables are the user's: casus ships none of them.

`casus.history.covariates` has peacesciencer's names and codings of these sources (and more):
`add_atop_alliance`, `add_contiguity` (conttype by `slice`), `add_cow_majors` (cowmaj),
`add_nmc`, `add_capital_distance` (capdist) and `add_gml_mids` (onset as an indicator). The verbs
here keep casus's earlier columns, with one change: `conttype` is 0 where the two are not
contiguous (it was 9, so that `conttype > 0` counted every pair as contiguous).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from casus import capitals
from casus.history import covariates
from casus.history.citations import cited, describe, sources
from casus.history.features import capital_years, system_years

__all__ = [
    "CAPITALS",
    "NO_CONTIGUITY",
    "PAIR",
    "REGISTRY",
    "add_atop",
    "add_capabilities",
    "add_contiguity",
    "add_disputes",
    "add_distance",
    "add_majors",
    "add_nuclear",
    "cite",
    "dyad_years",
]

PAIR = ["ccode1", "ccode2", "year"]
# What the two casus-made sources are; a table cites both as citations key "casus".
REGISTRY = "casus state registry: nuclear-weapon spells (first test or assessed date)"
CAPITALS = "casus capitals table (capital of every COW state by year, 1816 on)"
NO_CONTIGUITY = 0  # COW contiguity types run 1 (land) to 5 (up to 400 miles of water)


def _keep_sources(out: pd.DataFrame, d: pd.DataFrame, key: str) -> pd.DataFrame:
    """`out`, made from `d`, with `d`'s marks (kind, directed, sources) and the source `key` cited."""
    out.attrs = {k: list(v) if isinstance(v, list) else v for k, v in d.attrs.items()}
    return cited(out, key)


def cite(frame: pd.DataFrame) -> list[str]:
    """The readable names of the data a table was built from, in the order its columns were added."""
    return sources(frame)


def dyad_years(
    states: pd.DataFrame, *, since: int | None = None, until: int | None = None, directed: bool = True
) -> pd.DataFrame:
    """Every pair of states in the COW system in the same year, `since`..`until` (COW State System).

    Columns ccode1, ccode2, year, sorted. Directed gives each pair both ways; undirected once, with
    ccode1 < ccode2. A state is in a year's system if any of its membership spells covers the year.
    The table is marked a COW dyad-year table (`citations.describe`).
    """
    sy = system_years(states)
    if since is not None:
        sy = sy[sy.year >= since]
    if until is not None:
        sy = sy[sy.year <= until]
    if since is not None and until is not None and since > until:
        raise ValueError(f"since ({since}) is after until ({until})")
    sy = sy.astype({"ccode": "int64", "year": "int64"})
    d = sy.rename(columns={"ccode": "ccode1"}).merge(sy.rename(columns={"ccode": "ccode2"}), on="year")
    keep = d.ccode1 != d.ccode2 if directed else d.ccode1 < d.ccode2
    d = d[keep][PAIR].sort_values(PAIR, ignore_index=True)
    return cited(describe(d, "dyad_year", "cow", directed), "cow_states")


def add_atop(d: pd.DataFrame, atop: pd.DataFrame) -> pd.DataFrame:
    """ATOP obligations in force that year: atop_<kind> = 1 where ccode1 owes ccode2 (ATOP v5.1).

    Kinds: defense, offense, neutral, nonagg, consul. In an undirected table a column is 1 where
    either state owes the other.
    """
    cols = ["defense", "offense", "neutral", "nonagg", "consul"]
    a = atop[[*PAIR, *cols]]
    if not _directed(d):  # either direction counts: fold each coded pair onto ccode1 < ccode2
        a = a.assign(ccode1=np.minimum(a.ccode1, a.ccode2), ccode2=np.maximum(a.ccode1, a.ccode2))
    a = a.groupby(PAIR, as_index=False)[cols].max()  # one row per pair-year, whatever the file repeats
    out = d.merge(a.rename(columns={c: f"atop_{c}" for c in cols}), on=PAIR, how="left")
    new = [f"atop_{c}" for c in cols]
    out[new] = out[new].fillna(0).astype("int8")
    return _keep_sources(out, d, "atop")


def add_contiguity(d: pd.DataFrame, contiguity: pd.DataFrame) -> pd.DataFrame:
    """The closest contiguity in force at any time that year: conttype 1 land … 5 up to 400 miles of
    water, 0 none (COW Direct Contiguity); `covariates.add_contiguity(slice="closest")`.

    A non-directed table counts a border coded either way. Missing after the file's last year.
    """
    return covariates.add_contiguity(d, contiguity, slice="closest")


def _per_state(d: pd.DataFrame, values: pd.DataFrame, name: str, fill: float | int) -> pd.DataFrame:
    """`name`1 and `name`2: a (ccode, year) -> value table joined onto each side of the pair."""
    out = d
    values = values.drop_duplicates(["ccode", "year"])  # a repeated state-year must not repeat pairs
    for k in ("1", "2"):
        v = values.rename(columns={"ccode": f"ccode{k}", name: f"{name}{k}"})
        out = out.merge(v, on=[f"ccode{k}", "year"], how="left")
    cols = [f"{name}1", f"{name}2"]
    out[cols] = out[cols].fillna(fill)
    return out


def add_majors(d: pd.DataFrame, majors: pd.DataFrame) -> pd.DataFrame:
    """major1, major2: each state a major power that year (COW major powers)."""
    years = system_years(majors).assign(major=1)
    out = _per_state(d, years, "major", 0).astype({"major1": "int8", "major2": "int8"})
    return _keep_sources(out, d, "cow_majors")


def add_capabilities(d: pd.DataFrame, nmc: pd.DataFrame) -> pd.DataFrame:
    """cinc1, cinc2: each state's CINC score that year, NaN where not coded (COW NMC)."""
    out = _per_state(d, nmc[["ccode", "year", "cinc"]], "cinc", np.nan)
    return _keep_sources(out, d, "cow_nmc")


def add_nuclear(d: pd.DataFrame, nuclear: pd.DataFrame) -> pd.DataFrame:
    """nuclear1, nuclear2: each state held nuclear weapons that year (`features.nuclear_years`)."""
    years = nuclear[["ccode", "year"]].drop_duplicates().assign(nuclear=1)
    out = _per_state(d, years, "nuclear", 0).astype({"nuclear1": "int8", "nuclear2": "int8"})
    return _keep_sources(out, d, "casus")


def add_distance(d: pd.DataFrame) -> pd.DataFrame:
    """capital_km: great-circle distance between the two capitals that year, NaN where one is unknown."""
    pos = capital_years(d.year.unique())
    out = d
    for k in ("1", "2"):
        side = pos.rename(columns={"ccode": f"ccode{k}", "lat": f"lat{k}", "lon": f"lon{k}"})
        out = out.merge(side, on=[f"ccode{k}", "year"], how="left")
    out["capital_km"] = capitals.distance_km(out.lat1, out.lon1, out.lat2, out.lon2)
    out = out.drop(columns=["lat1", "lon1", "lat2", "lon2"])
    return _keep_sources(out, d, "casus")


def add_disputes(d: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """Militarised disputes between the two (GML MID participants).

    - mid_onset: the number of disputes in which the two came to stand on opposite sides that year
      (the later of their two start years);
    - mid_ongoing: 1 where they stood on opposite sides in a dispute at any time that year;
    - mid_together: the number of disputes in which they came to stand on the same side that year.
    Each state's spell in a dispute runs from its own start year to its own end year.
    """
    p = participants.groupby(["dispnum", "ccode"], as_index=False).agg(
        side=("sidea", "first"), sy=("styear", "min"), ey=("endyear", "max")
    )
    pairs = p.merge(p, on="dispnum", suffixes=("1", "2"))
    pairs = pairs[pairs.ccode1 != pairs.ccode2]
    if not _directed(d):
        pairs = pairs[pairs.ccode1 < pairs.ccode2]
    pairs = pairs.assign(
        sy=np.maximum(pairs.sy1, pairs.sy2),
        ey=np.minimum(pairs.ey1, pairs.ey2),
        opposed=pairs.side1 != pairs.side2,
    )
    pairs = pairs[pairs.sy <= pairs.ey]
    onset = pairs.rename(columns={"sy": "year"}).groupby(["ccode1", "ccode2", "year", "opposed"]).size()
    onset = onset.unstack("opposed", fill_value=0).reindex(columns=[True, False], fill_value=0)
    onset.columns = pd.Index(["mid_onset", "mid_together"])
    opp = pairs[pairs.opposed]
    lengths = (opp.ey - opp.sy + 1).to_numpy()
    offset = np.arange(lengths.sum()) - np.repeat(np.cumsum(lengths) - lengths, lengths)  # 0, 1, … per spell
    ongoing = pd.DataFrame(
        {
            "ccode1": np.repeat(opp.ccode1.to_numpy(), lengths),
            "ccode2": np.repeat(opp.ccode2.to_numpy(), lengths),
            "year": np.repeat(opp.sy.to_numpy(), lengths) + offset,
        }
    )
    ongoing = ongoing.drop_duplicates().assign(mid_ongoing=1)
    out = d.merge(onset.reset_index(), on=PAIR, how="left").merge(ongoing, on=PAIR, how="left")
    cols = ["mid_onset", "mid_together", "mid_ongoing"]
    out[cols] = out[cols].fillna(0).astype("int16")
    out = out[[*d.columns, "mid_onset", "mid_ongoing", "mid_together"]]
    return _keep_sources(out, d, "mid")


def _directed(d: pd.DataFrame) -> bool:
    """Whether a dyad-year table holds pairs both ways: as `dyad_years` recorded, else as its rows show."""
    return bool(d.attrs.get("directed", (d.ccode1 > d.ccode2).any()))
