"""The backtest report: one offline HTML file with ROC, precision-recall and calibration plots."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from jinja2 import Environment, PackageLoader, select_autoescape
from sklearn.metrics import precision_recall_curve, roc_curve

from casus.charts import figure_html, plotly_script

__all__ = [
    "LEVEL_NAMES",
    "MAX_POINTS",
    "NAMES",
    "calibration",
    "calibration_by_level",
    "curves",
    "render_backtest_report",
    "write_backtest_report",
]

NAMES = {
    "model": "cascade",
    "model_first_round": "first round only",
    "defense_pact_rule": "defense-pact rule",
    "reliability_rate": "reliability rate",
    "plain_logistic": "plain logistic",
}
MAX_POINTS = 400  # curve points kept per line: the file stays small


def _thin(x: np.ndarray, y: np.ndarray) -> tuple[list[float], list[float]]:
    if len(x) > MAX_POINTS:
        keep = np.unique(np.linspace(0, len(x) - 1, MAX_POINTS).astype(int))
        x, y = x[keep], y[keep]
    return [round(float(v), 5) for v in x], [round(float(v), 5) for v in y]


def _html(fig: go.Figure, div_id: str) -> str:
    fig.update_layout(height=420)
    return figure_html(fig, div_id)


def curves(scored: pd.DataFrame) -> dict[str, str]:
    """ROC and precision-recall curves of the cascade and each baseline, and the calibration plot."""
    y = scored.joined.to_numpy()
    roc, pr = go.Figure(), go.Figure()
    for key, label in NAMES.items():
        p = scored[f"p_{key}"].to_numpy()
        fpr, tpr, _ = roc_curve(y, p)
        roc.add_scatter(x=_thin(fpr, tpr)[0], y=_thin(fpr, tpr)[1], name=label, mode="lines")
        prec, rec, _ = precision_recall_curve(y, p)
        rx, ry = _thin(rec[::-1], prec[::-1])
        pr.add_scatter(x=rx, y=ry, name=label, mode="lines")
    roc.add_scatter(x=[0, 1], y=[0, 1], name="chance", mode="lines", line={"dash": "dot", "color": "#999"})
    roc.update_layout(title="ROC curve", xaxis_title="false positive rate", yaxis_title="true positive rate")
    pr.update_layout(title="Precision-recall curve", xaxis_title="recall", yaxis_title="precision",
                     yaxis_type="log")  # fmt: skip
    charts = {"roc": _html(roc, "chart-roc"), "pr": _html(pr, "chart-pr"), "calibration": calibration(scored)}
    if "hostlev" in scored and scored.hostlev.nunique() > 1:
        charts["calibration_by_level"] = calibration_by_level(scored)
    return charts


def calibration(scored: pd.DataFrame, bins: int = 12) -> str:
    """Observed joining rate against predicted probability, in quantile bins of the cascade's P."""
    p = scored.p_model.to_numpy()
    y = scored.joined.to_numpy()
    edges = np.unique(np.quantile(p, np.linspace(0, 1, bins + 1)))
    idx = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, max(len(edges) - 2, 0))
    frame = (
        pd.DataFrame({"bin": idx, "p": p, "y": y})
        .groupby("bin")
        .agg(p=("p", "mean"), y=("y", "mean"), n=("y", "size"))
    )
    fig = go.Figure()
    top = float(max(frame.p.max(), frame.y.max(), 1e-4)) * 1.1
    fig.add_scatter(
        x=[0, top], y=[0, top], mode="lines", name="perfect", line={"dash": "dot", "color": "#999"}
    )
    fig.add_scatter(
        x=frame.p.round(6).tolist(),
        y=frame.y.round(6).tolist(),
        mode="markers+lines",
        name="cascade",
        text=[f"{n:,} candidates" for n in frame.n],
    )
    fig.update_layout(title="Calibration (quantile bins)", xaxis_title="predicted P(join)",
                      yaxis_title="observed share that joined")  # fmt: skip
    return _html(fig, "chart-calibration")


LEVEL_NAMES = {2: "threat", 3: "display of force", 4: "use of force", 5: "war"}


def calibration_by_level(scored: pd.DataFrame, bins: int = 6) -> str:
    """The calibration plot drawn once per level the disputes reached (quantile bins within each),
    on log axes: a war's candidates join at ten times a use of force's rate."""
    fig = go.Figure()
    lo, hi = 1.0, 0.0
    for level, g in scored.groupby("hostlev"):
        p = g.p_model.to_numpy()
        y = g.joined.to_numpy()
        if y.sum() == 0:
            continue
        edges = np.unique(np.quantile(p, np.linspace(0, 1, bins + 1)))
        idx = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, max(len(edges) - 2, 0))
        f = pd.DataFrame({"bin": idx, "p": p, "y": y}).groupby("bin").agg(p=("p", "mean"), y=("y", "mean"),
                                                                            n=("y", "size"))  # fmt: skip
        f = f[(f.p > 0) & (f.y > 0)]
        if f.empty:
            continue
        lo, hi = min(lo, float(f.p.min()), float(f.y.min())), max(hi, float(f.p.max()), float(f.y.max()))
        name = f"{level} {LEVEL_NAMES.get(int(level), '')}"
        fig.add_scatter(x=f.p.round(7).tolist(), y=f.y.round(7).tolist(), mode="markers+lines", name=name,
                        text=[f"{n:,} candidates" for n in f.n])  # fmt: skip
    if hi > 0:
        fig.add_scatter(x=[lo / 1.5, hi * 1.5], y=[lo / 1.5, hi * 1.5], mode="lines", name="perfect",
                        line={"dash": "dot", "color": "#999"})  # fmt: skip
    title = "Calibration by the level reached (log axes; bins where no one joined left out)"
    fig.update_layout(title=title, xaxis_title="predicted P(join)", yaxis_title="observed share that joined",
                      xaxis_type="log", yaxis_type="log")  # fmt: skip
    return _html(fig, "chart-calibration-level")


def _fmt(value: float, digits: int) -> str:
    return "—" if value != value else f"{value:.{digits}f}"  # NaN: no joiners to score


def render_backtest_report(
    result: dict[str, Any], scored: pd.DataFrame | None, cases: list[dict[str, Any]] | None = None
) -> str:
    """The report as an HTML string (no network needed to view it; scripts only from plotly).

    `cases` are `casus.history.explain.disputes`: the section that lists them dispute by dispute.
    """
    env = Environment(loader=PackageLoader("casus", "templates"), autoescape=select_autoescape(["html"]))
    bands = (result.get("intervals") or {}).get("metrics", {})
    rows = [("cascade", result.get("metrics", {}), bands.get("model"))]
    rows += [(NAMES.get(k, k), v, bands.get(k)) for k, v in result.get("baselines", {}).items()]
    charts = curves(scored) if scored is not None and len(scored) and scored.joined.nunique() == 2 else None
    return env.get_template("backtest.html").render(
        r=result, rows=rows, charts=charts, script=plotly_script() if charts else "",
        periods=result.get("by_decade") or result.get("by_block") or [], fmt=_fmt, names=NAMES,
        cases=cases or [],
    )  # fmt: skip


def write_backtest_report(
    result: dict[str, Any],
    scored: pd.DataFrame | None,
    path: str | os.PathLike[str],
    cases: list[dict[str, Any]] | None = None,
) -> None:
    """Write the report atomically (a failed run leaves any earlier report untouched)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_backtest_report(result, scored, cases), encoding="utf-8")
    tmp.replace(path)
