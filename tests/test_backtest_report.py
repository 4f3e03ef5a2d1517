"""The backtest report renders offline, escapes what it prints and shows missing scores plainly."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from casus.backtest_report import NAMES, write_backtest_report


def _result() -> tuple[dict[str, object], pd.DataFrame]:
    rng = np.random.default_rng(1)
    n = 4000
    joined = (rng.random(n) < 0.02).astype(int)
    scored = pd.DataFrame({"dispnum": np.repeat(np.arange(40), n // 40), "ccode": np.arange(n), "side": 0,
                           "year": 1900, "joined": joined})  # fmt: skip
    for key in NAMES:
        scored[f"p_{key}"] = np.clip(0.02 + 0.1 * joined * rng.random(n) + 0.01 * rng.random(n), 0, 1)
    m = {"auc": 0.9, "average_precision": 0.05, "brier": 0.01, "recall_at_10": 0.6}
    nan = {"auc": float("nan"), "average_precision": float("nan"), "brier": 0.0, "recall_at_10": float("nan")}
    spread = {"n_disputes": 40, "n_spread": 9, "auc": 0.61, "brier": 0.08, "predicted_share": 0.2,
              "observed_share": 0.225, "expected_joiners": 88.4, "actual_joiners": 80}  # fmt: skip
    result = {
        "protocol": "forward", "n_disputes": 40, "n_candidates": n, "n_joiners": int(joined.sum()),
        "metrics": m, "baselines": {k: m for k in NAMES if k != "model"},
        "by_decade": [{"decade": 1900, "n_disputes": 40, "n_candidates": n, "n_joiners": 3, "metrics": m,
                       "plain_logistic": m},
                      {"decade": 2010, "n_disputes": 2, "n_candidates": 10, "n_joiners": 0, "metrics": nan,
                       "plain_logistic": nan}],
        "model": "<script>alert(1)</script>", "cascade": {"trials": 64, "seed": 0, "rounds": 8},
        "casus_version": "0", "date": "2026-11-23",
        "spread": {k: spread for k in NAMES},
    }  # fmt: skip
    return result, scored


def test_report_has_curves_calibration_and_decades(tmp_path: Path) -> None:
    result, scored = _result()
    path = tmp_path / "bt.html"
    write_backtest_report(result, scored, path)
    html = path.read_text(encoding="utf-8")
    for div in ("chart-roc", "chart-pr", "chart-calibration"):
        assert f'id="{div}"' in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)" in html
    assert (
        "2010s" in html and "—" in html and "nan" not in re.sub(r"<script.*?</script>", "", html, flags=re.S)
    )
    assert "Does the war spread?" in html and "9 of 40 disputes" in html and "0.610" in html
    assert not re.search(r"""<script[^>]+src=""", html)  # plotly.js is inlined, not fetched


def test_report_lists_disputes_with_joiners_and_escapes_their_names(tmp_path: Path) -> None:
    result, scored = _result()
    cases = [
        {
            "dispnum": 257,
            "year": 1914,
            "side_a": ["AUH"],
            "side_b": ["SRB"],
            "found": 1,
            "joiners": [
                {"state": "RUS", "side": "B", "rank": 2, "p": 0.2, "found": True},
                {"state": "<i>X</i>", "side": "A", "rank": 40, "p": 0.001, "found": False},
            ],
            "top": [
                {"state": "GMY", "side": "A", "p": 0.31, "joined": False},
                {"state": "RUS", "side": "B", "p": 0.2, "joined": True},
            ],
        }
    ]
    path = tmp_path / "bt.html"
    write_backtest_report(result, scored, path, cases)
    html = path.read_text(encoding="utf-8")
    assert "The 1 dispute that drew a joiner" in html and "<b>RUS (B) #2</b>," in html
    assert "&lt;i&gt;X&lt;/i&gt; (A) #40" in html and "<i>X</i>" not in html
    assert 'GMY (A) 0.310,</span> <span class="nw">RUS (B) 0.200 ✓</span>' in html and "1 of 2" in html
    write_backtest_report(result, scored, path)
    assert "Dispute by dispute" not in path.read_text(encoding="utf-8")


def test_report_shows_each_scores_interval_and_the_cascades_lead(tmp_path: Path) -> None:
    from casus.history.intervals import bootstrap

    result, scored = _result()
    scored = scored.assign(year=1900 + scored.dispnum % 8)
    result["intervals"] = ci = bootstrap(scored, list(NAMES), resamples=30, seed=4)
    path = tmp_path / "bt.html"
    write_backtest_report(result, scored, path)
    html = path.read_text(encoding="utf-8")
    assert "90% interval, from 30 bootstrap resamples of the 8 scored start years (seed 4)" in html
    lo, hi = ci["metrics"]["model"]["recall_at_10"]
    assert f"{lo:.3f} to {hi:.3f}" in html
    assert "The cascade's lead over each baseline" in html
    lo, hi = ci["difference"]["plain_logistic"]["auc"]
    wins = ci["wins"]["plain_logistic"]["auc"]
    assert f'+0.000 ({wins * 100:.0f}%)<br><span class="muted nw">{lo:+.3f} to {hi:+.3f}' in html
