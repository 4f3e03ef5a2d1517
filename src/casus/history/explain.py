"""A backtest's predictions, dispute by dispute: whom the model expected to join and who did.

The scores say how good the ranking is on average; these tables let a reader check it case by
case (who did the model put first in July 1914, and where did it rank Italy?). Ranks are the
ones recall@10 counts: candidates of one dispute ordered by the cascade's probability, both
sides pooled, ties broken by table order.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from casus.history.features import originators
from casus.ties import SIDE_A, SIDE_B

__all__ = ["COLUMNS", "TOP_TEN", "disputes", "predictions", "write_predictions"]

TOP_TEN = 10  # recall@10's cut: a joiner ranked within it counts as found
COLUMNS = ["dispnum", "year", "ccode", "state", "side", "p_join", "p_first_round", "rank", "joined", "model"]


def _names(states: pd.DataFrame) -> pd.Series:
    """COW abbreviation by ccode (COW State System)."""
    return states.drop_duplicates("ccode").set_index("ccode").stateabb


def _label(ccode: pd.Series, names: pd.Series) -> pd.Series:
    return ccode.map(names).fillna(ccode.astype(str))


def predictions(scored: pd.DataFrame | None, states: pd.DataFrame) -> pd.DataFrame:
    """One row per scored candidate (`COLUMNS`), by dispute and then by the model's rank.

    `scored` is a backtest's `_scored` table (None when nothing was scored: no rows). `side` is A
    (MID's side that acted first) or B; `model` names the fit that scored the row (for `forward`,
    the decade it was fitted before).
    """
    if scored is None or scored.empty:
        return pd.DataFrame(columns=COLUMNS)
    d = scored.assign(_r=np.arange(len(scored)))
    d = d.sort_values(["dispnum", "p_model", "_r"], ascending=[True, False, True], ignore_index=True)
    return pd.DataFrame(
        {
            "dispnum": d.dispnum,
            "year": d.year,
            "ccode": d.ccode,
            "state": _label(d.ccode, _names(states)),
            "side": np.where(d.side == SIDE_A, "A", "B"),
            "p_join": d.p_model,
            "p_first_round": d.p_model_first_round,
            "rank": d.groupby("dispnum").cumcount() + 1,
            "joined": d.joined.astype(int),
            "model": d.fit,
        }
    )


def disputes(
    pred: pd.DataFrame, participants: pd.DataFrame, states: pd.DataFrame, top: int = 5
) -> list[dict[str, Any]]:
    """Each dispute that drew a joiner: its originators, its joiners with their ranks, the model's top `top`.

    In order of start year; `found` counts the joiners ranked in their dispute's top ten.
    """
    hit = pred[pred.joined == 1]
    if hit.empty:
        return []
    heads = pred[pred.dispnum.isin(hit.dispnum)].groupby("dispnum").head(top)
    names = _names(states)
    o = originators(participants)
    o = o.assign(state=_label(o.oc, names))
    sides = o.groupby(["dispnum", "oside"]).state.agg(list)
    out = []
    for (dispnum, j), (_, t) in zip(hit.groupby("dispnum"), heads.groupby("dispnum"), strict=True):
        out.append(
            {
                "dispnum": int(dispnum),
                "year": int(j.year.iloc[0]),
                "side_a": sides.get((dispnum, SIDE_A), []),
                "side_b": sides.get((dispnum, SIDE_B), []),
                "joiners": [
                    {"state": s, "side": side, "rank": int(r), "p": float(p), "found": bool(r <= TOP_TEN)}
                    for s, side, r, p in zip(j.state, j.side, j["rank"], j.p_join, strict=True)
                ],
                "found": int((j["rank"] <= TOP_TEN).sum()),
                "top": [
                    {"state": s, "side": side, "p": float(p), "joined": bool(y)}
                    for s, side, p, y in zip(t.state, t.side, t.p_join, t.joined, strict=True)
                ],
            }
        )
    return sorted(out, key=lambda x: (x["year"], x["dispnum"]))


def write_predictions(pred: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write the predictions as CSV, atomically (a failed run leaves any earlier file untouched)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    # Six significant digits, not decimals: a distant state's small chance must not print as 0.
    pred.to_csv(tmp, index=False, columns=COLUMNS, float_format="%.6g")
    tmp.replace(path)
