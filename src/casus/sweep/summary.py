"""The HTML summary of a sweep: outcome ranges, heat maps over two inputs, and where outcomes flip.

A heat map shows one outcome over two varied inputs for one scenario, averaged over any other
varied inputs (the page says which). In a random sample, numeric inputs are binned. A flip is a
pair of grid cells that differ in one input by one step (any two values, for true/false and
readings) and whose outcome lies on opposite sides of a threshold: the places where changing one
assumption changes the answer.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from jinja2 import Environment, PackageLoader, select_autoescape

from casus.charts import figure_html, plotly_script
from casus.sweep.format import Flip, Heatmap, RandomSample, Span
from casus.sweep.spec import Plan
from casus.sweep.variables import Variable
from casus.version import __version__

MAX_FLIPS = 200
MAX_TABLE_ROWS = 200
BINS = 8


def default_heatmaps(plan: Plan) -> list[Heatmap]:
    """Without a choice in the file: every outcome over the first two inputs that take several values."""
    several = [
        v.key
        for v in plan.variables
        if len(plan.levels[v.key]) > 1 or isinstance(plan.spec.sample, RandomSample)
    ]
    if len(several) < 2:
        return []
    return [Heatmap(x=several[0], y=several[1], outcome=o) for o in plan.spec.outcomes]


def default_flips(plan: Plan) -> list[Flip]:
    """Without a choice in the file: probabilities and trigger counts crossing 0.5."""
    return [Flip(outcome=o) for o in plan.spec.outcomes if o.startswith(("p_", "triggered"))]


def _axis(frame: pd.DataFrame, var: Variable, plan: Plan) -> tuple[pd.Series, list[Any]]:
    """The column to group on and its levels in display order (numeric inputs of a random sample binned)."""
    col = frame[var.key]
    if isinstance(plan.spec.sample, RandomSample) and var.numeric and col.nunique() > BINS:
        binned = pd.cut(col.astype(float), BINS)
        labels = [f"{iv.mid:.3g}" for iv in binned.cat.categories]
        return binned.cat.rename_categories(labels).astype(str), labels
    levels = plan.levels[var.key]
    present = set(col.tolist())
    return col, [v for v in levels if v in present] if not isinstance(
        plan.spec.sample, RandomSample
    ) else sorted(present, key=str)


def _fmt(v: Any) -> str:
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.4g}"
    return str(v)


def heatmap_figure(
    frame: pd.DataFrame, plan: Plan, hm: Heatmap, scenario: str, div_id: str
) -> tuple[str, list[str]]:
    """One heat map as HTML, and the varied inputs it averages over."""
    variables = {v.key: v for v in plan.variables}
    xs, xlev = _axis(frame, variables[hm.x], plan)
    ys, ylev = _axis(frame, variables[hm.y], plan)
    table = frame.assign(_x=xs, _y=ys).groupby(["_y", "_x"], observed=True)[hm.outcome].mean()
    z = [[table.get((y, x)) for x in xlev] for y in ylev]
    probability = hm.outcome.startswith("p_")
    fig = go.Figure(
        go.Heatmap(
            z=z,
            x=[_fmt(x) for x in xlev],
            y=[_fmt(y) for y in ylev],
            colorscale="Viridis",
            zmin=0.0 if probability else None,
            zmax=1.0 if probability else None,
            texttemplate="%{z:.3f}",
            hovertemplate=f"{hm.x}=%{{x}}<br>{hm.y}=%{{y}}<br>{hm.outcome}=%{{z:.4f}}<extra></extra>",
            colorbar={"title": {"text": hm.outcome}},
        )
    )
    fig.update_layout(
        title={"text": f"{hm.outcome} — {scenario}"},
        height=max(320, 60 + 34 * len(ylev)),
        xaxis={"title": {"text": hm.x}, "type": "category"},
        yaxis={"title": {"text": hm.y}, "type": "category"},
    )
    averaged = [v.key for v in plan.variables if v.key not in (hm.x, hm.y) and frame[v.key].nunique() > 1]
    return figure_html(fig, div_id), averaged


def find_flips(frame: pd.DataFrame, plan: Plan, flip: Flip) -> list[dict[str, Any]]:
    """Pairs of grid cells one step apart in one input whose outcome crosses the threshold."""
    out: list[dict[str, Any]] = []
    keys = [v.key for v in plan.variables]
    for var in plan.variables:
        levels = plan.levels[var.key]
        if len(levels) < 2:
            continue
        pairs = (
            list(itertools.pairwise(sorted(levels)))
            if var.numeric
            else list(itertools.combinations(levels, 2))
        )
        others = ["scenario_file", *(k for k in keys if k != var.key)]
        cols = [*others, var.key, flip.outcome, "cell"]
        for a, b in pairs:
            left = frame.loc[frame[var.key] == a, cols]
            right = frame.loc[frame[var.key] == b, cols]
            both = left.merge(right, on=others, suffixes=("_a", "_b"))
            o_a, o_b = both[f"{flip.outcome}_a"], both[f"{flip.outcome}_b"]
            crossed = both[(o_a >= flip.threshold) != (o_b >= flip.threshold)]
            for rec in crossed.to_dict("records"):
                out.append(
                    {
                        "scenario": rec["scenario_file"],
                        "input": var.key,
                        "from": _fmt(a),
                        "to": _fmt(b),
                        "outcome_from": rec[f"{flip.outcome}_a"],
                        "outcome_to": rec[f"{flip.outcome}_b"],
                        "cells": (int(rec["cell_a"]), int(rec["cell_b"])),
                        "others": ", ".join(f"{k}={_fmt(rec[k])}" for k in others[1:]),
                    }
                )
    return out


def write_summary(path: str | os.PathLike[str], plan: Plan, rows: list[dict[str, Any]]) -> Path:
    """Write the sweep's HTML summary (self-contained: plotly.js inlined, no network needed)."""
    path = Path(path)
    frame = pd.DataFrame(rows)
    files = {s.file: s.name for s in plan.scenarios}
    ranges = []
    for name in plan.spec.outcomes:
        for file, sub in frame.groupby("scenario_file", sort=False):
            col = sub[name]
            ranges.append(
                {
                    "outcome": name,
                    "scenario": files.get(str(file), str(file)),
                    "min": col.min(),
                    "median": col.median(),
                    "max": col.max(),
                }
            )
    maps = []
    for i, hm in enumerate(plan.spec.summary.heatmaps or default_heatmaps(plan)):
        for j, (file, sub) in enumerate(frame.groupby("scenario_file", sort=False)):
            html, averaged = heatmap_figure(
                sub, plan, hm, files.get(str(file), str(file)), f"heatmap-{i}-{j}"
            )
            maps.append({"html": html, "averaged": averaged})
    flips = []
    grid = not isinstance(plan.spec.sample, RandomSample)
    for fl in (plan.spec.summary.flips or default_flips(plan)) if grid else []:
        found = find_flips(frame, plan, fl)
        flips.append(
            {"outcome": fl.outcome, "threshold": fl.threshold, "count": len(found), "rows": found[:MAX_FLIPS]}
        )
    env = Environment(loader=PackageLoader("casus", "templates"), autoescape=select_autoescape(["html"]))
    inputs = []
    for v in plan.variables:
        given = plan.spec.vary[v.key]
        if not grid and isinstance(given, Span):
            levels = f"{given.start:g} to {given.stop:g}, uniformly"
        else:
            levels = ", ".join(_fmt(x) for x in plan.levels[v.key])
        inputs.append({"key": v.key, "levels": levels})
    table_cols = ["cell", "scenario", *(v.key for v in plan.variables), "intensity", *plan.spec.outcomes]
    intensities: dict[str, list[str]] = {}
    for r in rows:
        seen = intensities.setdefault(str(r["scenario"]), [])
        if r.get("intensity") and r["intensity"] not in seen:
            seen.append(str(r["intensity"]))
    html = env.get_template("sweep.html").render(
        plan=plan,
        spec=plan.spec,
        n_cells=len(rows),
        ranges=ranges,
        maps=maps,
        flips=flips,
        grid=grid,
        inputs=inputs,
        script=plotly_script() if maps else "",
        table_cols=table_cols,
        intensities=intensities,
        table=[[_fmt(r[c]) for c in table_cols] for r in rows[:MAX_TABLE_ROWS]],
        fmt=_fmt,
        casus_version=__version__,
        date=dt.date.today().isoformat(),
        random=plan.spec.sample.random if isinstance(plan.spec.sample, RandomSample) else None,
    )
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path
