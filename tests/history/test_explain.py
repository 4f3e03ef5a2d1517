"""Predictions dispute by dispute: ranks as recall@10 counts them, names, and the CLI's CSV and report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from casus.cli import app
from casus.history.evaluate import SET_ASIDE, recall_at_10
from casus.history.explain import COLUMNS, disputes, predictions, write_predictions
from casus.history.features import SIDE_A, SIDE_B
from casus.joining import CALIBRATED_PATH, TODAY_PATH, UNMEASURED_TODAY, load_model

STATES = pd.DataFrame({"stateabb": ["USA", "UKG", "FRN", "GMY"], "ccode": [2, 200, 220, 255]})


def _scored() -> pd.DataFrame:
    """Two disputes; in dispute 7 two candidates tie, and state 999 is not in the state table."""
    return pd.DataFrame(
        {
            "dispnum": [7, 7, 7, 7, 9, 9],
            "ccode": [200, 220, 999, 2, 255, 200],
            "side": [SIDE_A, SIDE_B, SIDE_A, SIDE_A, SIDE_B, SIDE_A],
            "year": [1914, 1914, 1914, 1914, 1920, 1920],
            "joined": [0, 1, 0, 1, 0, 0],
            "fit": "forward-1910",
            "p_model": [0.2, 0.2, 0.05, 0.3, 0.1, 0.4],
            "p_model_first_round": [0.1, 0.2, 0.05, 0.3, 0.1, 0.4],
        }
    )


def test_predictions_rank_candidates_within_their_dispute() -> None:
    p = predictions(_scored(), STATES)
    assert list(p.columns) == COLUMNS
    d7 = p[p.dispnum == 7]
    # highest first; of the two at 0.2 the one earlier in the table first, as recall@10 breaks ties
    assert list(d7.state) == ["USA", "UKG", "FRN", "999"] and list(d7["rank"]) == [1, 2, 3, 4]
    assert list(d7.side) == ["A", "A", "B", "A"] and list(d7.joined) == [1, 0, 1, 0]
    assert list(p[p.dispnum == 9].state) == ["UKG", "GMY"]
    assert (p.model == "forward-1910").all()


def test_ranks_are_the_ones_recall_at_10_counts() -> None:
    rng = np.random.default_rng(3)
    n = 3000
    scored = pd.DataFrame(
        {
            "dispnum": rng.integers(0, 40, n),
            "ccode": np.arange(n),
            "side": rng.integers(0, 2, n),
            "year": 1900,
            "joined": (rng.random(n) < 0.05).astype(int),
            "fit": "m",
            "p_model": rng.choice([0.01, 0.02, 0.03], n),  # many ties
        }
    )
    scored["p_model_first_round"] = scored.p_model
    p = predictions(scored, STATES)
    joiners = p[p.joined == 1]
    assert (joiners["rank"] <= 10).mean() == pytest.approx(recall_at_10(scored, scored.p_model.to_numpy()))


def test_nothing_scored_gives_an_empty_table() -> None:
    assert list(predictions(None, STATES).columns) == COLUMNS
    assert disputes(predictions(None, STATES), pd.DataFrame(columns=["dispnum"]), STATES) == []


def test_disputes_list_originators_joiners_and_the_top_five() -> None:
    participants = pd.DataFrame(
        {
            "dispnum": [7, 7, 7, 7, 9, 9],
            "ccode": [255, 200, 220, 2, 255, 220],
            "styear": [1914, 1914, 1914, 1917, 1920, 1920],
            "stmon": [8, 8, 8, 4, 1, 1],
            "sidea": [1, 0, 0, 0, 1, 0],
            "orig": [1, 1, 0, 0, 1, 1],
        }
    )
    cases = disputes(predictions(_scored(), STATES), participants, STATES, top=2)
    assert [c["dispnum"] for c in cases] == [7]  # dispute 9 drew no joiner
    c = cases[0]
    assert (c["year"], c["side_a"], c["side_b"], c["found"]) == (1914, ["GMY"], ["UKG"], 2)
    assert [(j["state"], j["side"], j["rank"]) for j in c["joiners"]] == [("USA", "A", 1), ("FRN", "B", 3)]
    assert all(j["found"] for j in c["joiners"])
    assert [(t["state"], t["joined"]) for t in c["top"]] == [("USA", True), ("UKG", False)]


def test_write_predictions_replaces_the_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("old", encoding="utf-8")
    write_predictions(predictions(_scored(), STATES), path)
    scored = _scored()
    scored.loc[2, "p_model"] = 3.25e-9  # a far state's chance must not round to zero
    write_predictions(predictions(scored, STATES), path)
    back = pd.read_csv(path)
    assert list(back.columns) == COLUMNS and len(back) == 6
    assert back.p_join.min() == pytest.approx(3.25e-9)
    assert not list(tmp_path.glob("*.tmp"))


def test_backtest_cli_writes_predictions_and_a_dispute_table(shared_data: Path, tmp_path: Path) -> None:
    raw = pd.read_csv(shared_data / "mid_participants.csv.gz")
    first = raw.groupby("dispnum").styear.transform("min")
    subset = tmp_path / "parts.csv"
    raw[first.between(1910, 1919)].to_csv(subset, index=False)
    pred, report = tmp_path / "pred.csv", tmp_path / "bt.html"
    args = ["backtest", "--data", str(shared_data), "--participants", str(subset), "--trials", "16"]
    r = CliRunner().invoke(app, [*args, "--json", "--predictions", str(pred), "--report", str(report)])
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout)
    p = pd.read_csv(pred)
    assert len(p) == result["n_candidates"] and p.joined.sum() == result["n_joiners"]
    joiners = p[p.joined == 1]
    assert (joiners["rank"] <= 10).mean() == pytest.approx(result["metrics"]["recall_at_10"])
    assert p.year.between(1910, 1919).all() and p.state.str.fullmatch(r"[A-Z]{3}").all()
    assert set(p.model) == {load_model(CALIBRATED_PATH).version}  # the shipped model scored every row
    html = report.read_text(encoding="utf-8")
    n_cases = (p.groupby("dispnum").joined.sum() > 0).sum()
    assert f"The {n_cases} disputes that drew a joiner" in html
    assert f"{joiners.state.iloc[0]} ({joiners.side.iloc[0]}) #{joiners['rank'].iloc[0]}" in html
    assert result["without"] == sorted(SET_ASIDE)  # the full model leaves out only what did not help
    ci = result["intervals"]  # on by default: 200 resamples of the scored start years
    assert (ci["unit"], ci["n_units"], ci["resamples"], ci["seed"]) == ("start year", 10, 200, 0)
    assert set(ci["metrics"]) == {"model", *result["baselines"]}  # the first round is one of them
    assert set(ci["difference"]) == set(result["baselines"])
    for lo, hi in ci["metrics"]["model"].values():
        assert lo <= hi
    assert "90% interval, from 200 bootstrap resamples of the 10 scored start years" in html
    assert "The cascade's lead over each baseline" in html
    r = CliRunner().invoke(app, [*args, "--today", "--json", "--predictions", str(pred), "--intervals", "0"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["without"] == sorted(UNMEASURED_TODAY)
    assert "intervals" not in json.loads(r.stdout)
    r = CliRunner().invoke(app, [*args, "--intervals", "50"], env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.output
    assert "from 50 bootstrap resamples of the 10 scored start years (seed 0)" in r.output
    assert "the cascade's lead over each baseline" in r.output
    assert set(pd.read_csv(pred).model) == {load_model(TODAY_PATH).version}  # what casus run uses
    r = CliRunner().invoke(app, [*args, "--today", "--model", "calibrated"])
    assert r.exit_code == 2 and "leave out --model" in " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.output).split())


def test_backtest_cli_refuses_a_missing_output_folder_before_running(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "pred.csv"
    r = CliRunner().invoke(app, ["backtest", "--data", str(tmp_path), "--predictions", str(missing)])
    said = " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.output).split())  # the error panel wraps long paths
    assert r.exit_code == 2 and "Invalid value for --predictions" in said and "does not exist" in said
    assert not missing.parent.exists()


def test_backtest_json_is_strict_where_a_score_is_undefined(shared_data: Path, tmp_path: Path) -> None:
    raw = pd.read_csv(shared_data / "mid_participants.csv.gz")
    quiet = raw.groupby("dispnum").orig.min().pipe(lambda s: s[s == 1].index[:12])  # nobody joined these
    subset = tmp_path / "parts.csv"
    raw[raw.dispnum.isin(quiet)].to_csv(subset, index=False)
    args = ["backtest", "--data", str(shared_data), "--participants", str(subset), "--trials", "16", "--json"]
    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output

    def refuse(name: str) -> None:
        raise AssertionError(f"{name} is not JSON")

    result = json.loads(r.stdout, parse_constant=refuse)  # NaN or Infinity would land here
    assert result["n_joiners"] == 0 and result["metrics"]["auc"] is None
    assert result["metrics"]["brier"] > 0 and "intervals" not in result  # no joiner: nothing to resample
