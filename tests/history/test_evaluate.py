"""Features, metrics and the forward backtest on the shared data (skips without it)."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from casus.cli import app
from casus.history import evaluate
from casus.history.cascade import HistoryWorld
from casus.history.evaluate import (
    FIXED,
    SET_ASIDE,
    backtest,
    data_version,
    features_left_out,
    fit_logistic,
    fit_model,
    fitted_features,
    leave_out,
    metrics,
    recall_at_10,
    spread_metrics,
    time_blocks,
)
from casus.history.features import KEY, SIDE_B, build, candidates, joining_features
from casus.history.readers import FILES
from casus.joining import CALIBRATED_PATH, FEATURES, TODAY_PATH, UNMEASURED_TODAY, JoiningModel, load_model
from casus.model import InputError


def test_recall_at_10_counts_joiners_in_their_own_disputes_top_ten() -> None:
    c = pd.DataFrame({"dispnum": [1] * 12 + [2] * 3, "joined": [1] + [0] * 10 + [1] + [0, 0, 1]})
    p = np.array([0.9] + [0.5] * 10 + [0.1] + [0.3, 0.2, 0.1])
    assert recall_at_10(c, p) == pytest.approx(2 / 3)  # dispute 1's second joiner ranks 12th
    m = metrics(c, p)
    assert 0 <= m["auc"] <= 1 and 0 <= m["brier"] <= 1


def test_candidates_exclude_originators_and_label_joiners() -> None:
    parts = pd.DataFrame(
        {
            "dispnum": [1, 1, 1],
            "ccode": [2, 200, 20],
            "styear": [1950] * 3,
            "stmon": [6] * 3,
            "sidea": [1, 0, 0],
            "orig": [1, 1, 0],
        }
    )
    states = pd.DataFrame(
        {"ccode": [2, 20, 200, 220], "styear": [1816, 1920, 1816, 1816], "endyear": [2016] * 4}
    )
    c = candidates(parts, states)
    assert set(c.ccode) == {20, 220} and len(c) == 4
    assert c[(c.ccode == 20) & (c.side == SIDE_B)].joined.item() == 1 and c.joined.sum() == 1


def test_features_are_the_engines(history: tuple[dict[str, pd.DataFrame], pd.DataFrame]) -> None:
    _, cands = history
    X = joining_features(cands)
    assert list(X.columns) == list(FEATURES)
    assert len(cands) > 300_000 and 300 < cands.joined.sum() < 1_000  # about 0.1 % join
    usa_1990 = cands[(cands.ccode == 2) & (cands.year == 1990)]
    assert len(usa_1990) and X.loc[usa_1990.index, "nuclear"].eq(1).all()
    assert X.loc[cands[(cands.ccode == 2) & (cands.year == 1930)].index, "nuclear"].eq(0).all()


def test_joined_exposure_only_adds_belligerents(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame],
) -> None:
    tables, cands = history
    later = build(tables, exposure="joined")
    assert len(later) == len(cands) and (later[KEY].to_numpy() == cands[KEY].to_numpy()).all()
    for col in ("atop_defense_same", "hist_with", "enemy_major", "nuclear"):
        assert (later[col].to_numpy() >= cands[col].to_numpy()).all()
    assert (later.atop_defense_same.to_numpy() > cands.atop_defense_same.to_numpy()).any()


def _same(a: Any, b: Any, where: str = "") -> None:
    """Equal, numbers to within the last digits the file keeps (the fit's sums run in a different
    order on another processor's BLAS kernels, and a coefficient rounded to six places can flip
    its last digit)."""
    if isinstance(a, float) or isinstance(b, float):
        assert isinstance(a, int | float) and isinstance(b, int | float), where
        assert abs(a - b) <= 1e-5 * max(1.0, abs(b)), (where, a, b)
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), where
        for k in a:
            _same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}[{i}]")
    else:
        assert a == b, (where, a, b)


def _same_model(written: Path, shipped: Path) -> None:
    _same(json.loads(written.read_text()), json.loads(shipped.read_text()))


def test_same_model_catches_a_changed_coefficient() -> None:
    _same({"c": {"x": 0.598209}}, {"c": {"x": 0.59821}})
    with pytest.raises(AssertionError):
        _same({"c": {"x": 0.5982}}, {"c": {"x": 0.5992}})
    with pytest.raises(AssertionError):
        _same({"version": "a"}, {"version": "b"})


def test_the_shipped_model_is_what_calibrate_writes(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    r = CliRunner().invoke(app, ["calibrate", "--data", str(shared_data), "--out", str(out)])
    assert r.exit_code == 0, r.output
    _same_model(out, CALIBRATED_PATH)
    m = load_model(CALIBRATED_PATH)
    assert m.kind == "fitted" and m.fitted_on and m.fitted_on["until"] is None
    assert set(m.fitted_on["transferred"]) == {"defense_strength", "defense_contested", "policy"}
    assert set(m.fitted_on["fixed"]) == {"system_size"} and m.coefficients["system_size"] == -1.0
    assert m.fitted_on["without"] == SET_ASIDE and all(m.coefficients[f] == 0.0 for f in SET_ASIDE)


def test_the_shipped_today_model_is_what_calibrate_today_writes(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    r = CliRunner().invoke(app, ["calibrate", "--data", str(shared_data), "--today", "--out", str(out)])
    assert r.exit_code == 0, r.output
    _same_model(out, TODAY_PATH)
    today, full = load_model(), load_model(CALIBRATED_PATH)
    assert (
        today.version == "today-all"
        and today.fitted_on
        and set(today.fitted_on["without"]) == set(UNMEASURED_TODAY)
    )
    assert today.unmeasured_today() == [] and full.unmeasured_today() == ["history_with", "history_against"]
    # Left out, the history features' weight moves to what today's world can measure.
    assert today.coefficients["major_power"] > full.coefficients["major_power"]
    assert today.coefficients["defense_triggered"] > full.coefficients["defense_triggered"]


def test_calibrate_reads_files_named_one_by_one_as_it_reads_the_folder(
    shared_data: Path, tmp_path: Path
) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    files = []
    for kind, name in FILES.items():  # the optional disputes file too: it gives the levels
        link = mine / f"my-{kind}{''.join(Path(name).suffixes)}"
        link.symlink_to(shared_data / name)
        files += ["--file", f"{kind}={link}"]
    by_file, by_folder = tmp_path / "f.json", tmp_path / "d.json"
    r = CliRunner().invoke(app, ["calibrate", *files, "--until", "1900", "--out", str(by_file)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(
        app, ["calibrate", "--data", str(shared_data), "--until", "1900", "--out", str(by_folder)]
    )
    assert r.exit_code == 0, r.output
    assert by_file.read_bytes() == by_folder.read_bytes()


def test_history_commands_refuse_missing_or_unknown_files_before_reading(tmp_path: Path) -> None:
    for cmd in ("calibrate", "backtest"):
        for args, message in (
            ([], "no file for atop"),
            (["--file", f"atop={tmp_path / 'a.csv'}"], "no file for mid_participants"),
            (["--data", str(tmp_path), "--file", "mid=x.csv"], "unknown kind 'mid'"),
            (["--data", str(tmp_path / "nowhere")], "is not a folder"),
        ):
            r = CliRunner().invoke(app, [cmd, *args])
            said = " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.output).split())
            assert r.exit_code == 2 and message in said, (cmd, args, r.output)
    r = CliRunner().invoke(app, ["calibrate", "--data", str(tmp_path)])  # a folder without the files
    assert isinstance(r.exception, InputError) and f"{tmp_path / FILES['atop']}: no such file" in str(
        r.exception
    )


def test_features_left_out_stay_out_of_every_refit(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame], hworld: HistoryWorld
) -> None:
    tables, cands = history
    without = {"history_with": "test", "near_enemy": "test"}
    m = fit_model(cands, until=1950, version="t", data_ver="", without=without)
    full = fit_model(cands, until=1950, version="t", data_ver="")
    assert m.coefficients["history_with"] == m.coefficients["near_enemy"] == 0.0
    assert full.coefficients["history_with"] != 0.0 and m.coefficients["history_against"] != 0.0
    assert m.fitted_on and m.fitted_on["without"] == without and "without" not in (full.fitted_on or {})
    seen: list[JoiningModel] = []
    real_fit = evaluate.fit_model

    def spy(*args: Any, **kw: Any) -> JoiningModel:
        seen.append(real_fit(*args, **kw))
        return seen[-1]

    late = cands[cands.year >= 1990]
    parts = tables["mid_participants"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(evaluate, "fit_model", spy)
        r = backtest(cands, late, world=hworld, test_participants=parts[parts.dispnum.isin(late.dispnum)],
                     protocol="forward", trials=16, without=without)  # fmt: skip
    assert seen and all(s.coefficients["history_with"] == 0.0 for s in seen)
    assert "leaving out history_with, near_enemy" in r["model"] and r["without"] == sorted(without)


def test_leave_out_expands_patterns_and_refuses_what_no_fit_estimates() -> None:
    chosen = leave_out(["history_*", "capability"], {"history_with": "no record"})
    asked = "left out on request"
    assert chosen == {"history_with": "no record", "history_against": asked, "capability": asked}
    for bad in ("bogus", "system_size", "policy", "defense_contested"):  # fixed or transferred, or unknown
        with pytest.raises(ValueError, match="choose from defense_triggered"):
            leave_out([bad])
    assert leave_out([]) == {} and len(fitted_features()) == len(FEATURES) - 4


def test_fits_set_aside_what_backtests_showed_does_not_help_unless_kept() -> None:
    assert features_left_out() == SET_ASIDE and set(SET_ASIDE) <= set(UNMEASURED_TODAY)
    assert set(features_left_out(keep=["near_*"])) == {"capability"}
    assert set(features_left_out(["abstain"], ["capability"])) == {"near_enemy", "near_friend", "abstain"}
    today = features_left_out(today=True)
    assert today == UNMEASURED_TODAY and list(today) == list(UNMEASURED_TODAY)  # its reasons, its order
    for keep, without, today, said in (
        (["history_with"], [], False, "names no set-aside feature"),
        (["capability"], [], True, "capability is both kept and left out"),
        (["capability"], ["cap*"], False, "capability is both kept and left out"),
    ):
        with pytest.raises(ValueError, match=said):
            features_left_out(without, keep, today=today)


def test_a_fit_without_a_tie_feature_transfers_from_zero(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame],
) -> None:
    _, cands = history
    m = fit_model(cands, until=1950, version="t", data_ver="", without={"defense_triggered": "test"})
    c = m.coefficients
    assert c["defense_triggered"] == 0.0 and c["defense_untriggered"] != 0.0
    assert c["defense_contested"] == pytest.approx(c["defense_untriggered"] / 2, abs=1e-6)
    with pytest.raises(ValueError, match="cannot leave out system_size"):
        fit_model(cands, until=1950, version="t", data_ver="", without={"system_size": "test"})


def test_calibrate_and_backtest_leave_out_what_without_names(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.json"
    args = ["calibrate", "--data", str(shared_data), "--until", "1950", "--out", str(out)]
    r = CliRunner().invoke(app, [*args, "--without", "history_*", "--today", "--without", "abstain"])
    assert r.exit_code == 0, r.output
    m = load_model(out)
    assert m.version == "today-1950-without-abstain" and m.fitted_on
    assert set(m.fitted_on["without"]) == {*UNMEASURED_TODAY, "abstain"}
    assert m.fitted_on["without"]["abstain"] == "left out on request"
    assert all(m.coefficients[f] == 0.0 for f in m.fitted_on["without"])
    raw = pd.read_csv(shared_data / "mid_participants.csv.gz")
    subset = tmp_path / "parts.csv"
    raw[raw.groupby("dispnum").styear.transform("min").between(1950, 1954)].to_csv(subset, index=False)
    bt = ["backtest", "--data", str(shared_data), "--participants", str(subset), "--trials", "16"]
    r = CliRunner().invoke(app, [*bt, "--forward", "--without", "near_*", "--json"])
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout)
    assert result["without"] == sorted(SET_ASIDE) and "leaving out capability, near_enemy" in result["model"]
    r = CliRunner().invoke(app, [*args, "--with", "capability"])
    assert r.exit_code == 0 and load_model(out).version == "fitted-1950-with-capability"
    assert (
        load_model(out).coefficients["capability"] != 0.0
        and load_model(out).coefficients["near_enemy"] == 0.0
    )
    for extra, said in (
        ([], "they need --forward or --blocked-cv"),
        (["--forward", "--without", "x"], "'x' names"),
        (["--forward", "--with", "capability"], "capability is both kept and left out"),
    ):
        r = CliRunner().invoke(app, [*bt, "--without", "capability", *extra])
        assert r.exit_code == 2 and said in " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.output).split())


def test_logistic_fit_is_scikit_learns_and_takes_an_offset() -> None:
    """Without an offset the objective is LogisticRegression(C=1)'s; a constant offset moves only the
    intercept, and an offset made of a column reproduces that column's coefficient when it is known."""
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(3)
    X = pd.DataFrame({"a": rng.normal(size=4000), "b": rng.integers(0, 2, 4000).astype(float)})
    size = np.log(rng.integers(20, 200, 4000))
    y = (rng.random(4000) < 1 / (1 + np.exp(-(-1.0 + 1.5 * X.a - 0.8 * X.b - 1.0 * size)))).astype(int)
    intercept, coef = fit_logistic(X, y)
    sk = LogisticRegression(C=1.0, max_iter=5000, tol=1e-10).fit(X.to_numpy(), y)
    assert intercept == pytest.approx(sk.intercept_[0], abs=1e-4)
    assert [coef["a"], coef["b"]] == pytest.approx(list(sk.coef_[0]), abs=1e-4)
    shifted, coef2 = fit_logistic(X, y, np.full(4000, 2.5))
    assert shifted == pytest.approx(intercept - 2.5, abs=1e-4) and coef2 == pytest.approx(coef, abs=1e-4)
    _, free = fit_logistic(X.assign(size=size), y)
    i3, fixed = fit_logistic(X, y, -1.0 * size)
    assert free["size"] == pytest.approx(-1.0, abs=0.25)  # the truth the offset fixes
    assert fixed["a"] == pytest.approx(free["a"], abs=0.05) and i3 == pytest.approx(-1.0, abs=0.5)


def test_calibration_is_reproducible(history: tuple[dict[str, pd.DataFrame], pd.DataFrame]) -> None:
    tables, cands = history
    a = fit_model(cands, until=1950, version="t", data_ver=data_version(tables))
    b = fit_model(cands, until=1950, version="t", data_ver=data_version(tables))
    assert a == b and a.fitted_on and a.fitted_on["until"] == 1950
    assert a.coefficients["defense_triggered"] > 0 and a.coefficients["contiguous_enemy"] > 0
    c = a.coefficients
    assert c["defense_contested"] == pytest.approx((c["defense_triggered"] + c["defense_untriggered"]) / 2)
    assert all(c[name] == value for name, (value, _) in FIXED.items())


def test_spread_is_the_chance_that_anyone_joins() -> None:
    c = pd.DataFrame({"dispnum": [1, 1, 2, 2, 3], "joined": [0, 1, 0, 0, 0]})
    p = np.array([0.5, 0.5, 0.1, 0.0, 0.2])
    m = spread_metrics(c, p, p)
    # P(any) per dispute: 1 - 0.5*0.5 = 0.75, 0.1, 0.2; only dispute 1 drew a joiner
    assert (m["n_disputes"], m["n_spread"], m["actual_joiners"]) == (3, 1, 1)
    assert m["predicted_share"] == pytest.approx((0.75 + 0.1 + 0.2) / 3)
    assert m["brier"] == pytest.approx((0.25**2 + 0.1**2 + 0.2**2) / 3)
    assert m["auc"] == 1.0 and m["expected_joiners"] == pytest.approx(1.3)
    with np.errstate(divide="raise", invalid="raise"):  # a sure joiner must not take log(0)
        certain = spread_metrics(c, np.array([1.0, 0, 0, 0, 0]), p)
    assert certain["predicted_share"] == pytest.approx(1 / 3, abs=1e-9)


def test_time_blocks_cover_every_year_once() -> None:
    years = pd.Series([1850] * 3 + [1900] * 5 + [1950] * 4 + [2000] * 6)
    blocks = time_blocks(years, 3)
    assert blocks[0][0] == 1850 and blocks[-1][1] == 2000
    assert all(a <= b for a, b in blocks) and all(b1 < a2 for (_, b1), (a2, _) in itertools.pairwise(blocks))
    assert sum(years.between(a, b).sum() for a, b in blocks) == len(years)


@pytest.mark.parametrize("protocol", ["forward", "blocked"])
def test_out_of_sample_backtests_beat_the_simple_baselines(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame], hworld: HistoryWorld, protocol: str
) -> None:
    tables, cands = history
    r = backtest(cands, cands, world=hworld, test_participants=tables["mid_participants"],
                 protocol=protocol, trials=32)  # type: ignore[arg-type]  # fmt: skip
    assert r["protocol"] == protocol
    periods = r["by_decade"] if protocol == "forward" else r["by_block"]
    assert periods
    if protocol == "forward":
        assert periods[0]["decade"] > 1810  # the first decades have too few earlier joiners to fit on
    else:
        assert r["n_disputes"] == cands.dispnum.nunique()  # every dispute scored exactly once
    m, base = r["metrics"], r["baselines"]
    assert m["auc"] > 0.85
    for name in ("defense_pact_rule", "reliability_rate", "plain_logistic"):
        assert m["auc"] > base[name]["auc"], name
    assert r["n_joiners"] == r["_scored"].joined.sum()
    spread = r["spread"]["model"]
    assert spread["n_disputes"] == r["n_disputes"] and spread["actual_joiners"] == r["n_joiners"]
    assert 0 < spread["n_spread"] < spread["n_disputes"] and 0 <= spread["auc"] <= 1
    scored = r["_scored"]
    assert spread["n_spread"] == (scored.groupby("dispnum").joined.sum() > 0).sum()
    # the cascade's count comes from its marginals, its P(any joiner) from its first round
    assert spread["expected_joiners"] == pytest.approx(scored.p_model.sum())
    first = r["spread"]["model_first_round"]
    assert first["expected_joiners"] == pytest.approx(scored.p_model_first_round.sum())
    assert (spread["auc"], spread["brier"]) == (first["auc"], first["brier"])
    # scored at the level each dispute reached, with the calibration per level beside
    levels = r["by_level"]
    assert [x["level"] for x in levels] == sorted(x["level"] for x in levels) and levels[-1][
        "intensity"
    ] == "war"
    assert sum(x["n_joiners"] for x in levels) == r["n_joiners"]
    assert sum(x["n_disputes"] for x in levels) == r["n_disputes"]
    war = levels[-1]
    assert war["rate_observed"] > 5 * levels[-2]["rate_observed"] and war["mean_p"] > 5 * levels[-2]["mean_p"]
    assert 0 < war["p_any_predicted"] < 1 and war["p_any_observed"] > 0.3
    assert set(r["unconditional"]) == {"model_first_round", "plain_logistic"}
    assert (
        r["unconditional"]["plain_logistic"]["auc"] < base["plain_logistic"]["auc"]
    )  # the level helps it too


def test_a_fit_is_conditional_on_the_level_and_at_gives_its_log_odds(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame],
) -> None:
    """The model at each dispute's level gives exactly the log-odds the fit's design gave."""
    from casus.history.evaluate import intensity_design, levels_of, model_log_odds, split_intensity

    _, cands = history
    m = fit_model(cands, until=1950, version="t", data_ver="")
    assert m.intensity is not None and m.fitted_on
    assert set(m.fitted_on["by_level"]) <= {"threat", "display", "use_of_force", "war"}
    train = cands[cands.year <= 1950]
    X = joining_features(train)
    lv = levels_of(train)
    z = model_log_odds(m, X, lv)
    design = intensity_design(X, lv, X.columns)
    base = evaluate.log_odds(m.intercept, m.coefficients, X)
    terms = m.intensity.terms
    extra = sum(
        (terms[i].intercept * design[f"level:{i.value}"].to_numpy() for i in terms), np.zeros(len(X))
    ) + sum(
        (v * design[f"{i.value}:{f}"].to_numpy() for i in terms for f, v in terms[i].coefficients.items()
         if f"{i.value}:{f}" in design),
        np.zeros(len(X)),
    )  # fmt: skip
    # (the transferred terms, contested and policy, are zero on history's candidates)
    assert np.allclose(z, base + extra, atol=1e-5)
    coef, intensity = split_intensity({"a": 1.0, "level:war": 2.0, "war:defense_triggered": 0.4,
                                       "war:defense_untriggered": 0.2})  # fmt: skip
    war = intensity.terms[next(i for i in intensity.terms if i.value == "war")]
    assert coef == {"a": 1.0} and war.intercept == 2.0
    assert war.coefficients["defense_contested"] == pytest.approx(0.3) and war.coefficients["policy"] == 0.2


def test_backtest_reads_the_levels_from_the_disputes_file_it_is_given(
    shared_data: Path, tmp_path: Path
) -> None:
    parts = pd.read_csv(shared_data / FILES["mid_participants"])
    some = parts[parts.dispnum.isin(parts[parts.styear.between(1990, 1992)].dispnum.unique())]
    sub = tmp_path / "p.csv"
    some.to_csv(sub, index=False)
    found = {}
    for level in (2, 5):
        d = tmp_path / f"d{level}.csv"
        pd.DataFrame({"dispnum": some.dispnum.unique(), "styear": 1990, "stmon": 1, "hostlev": level}).to_csv(
            d, index=False
        )
        args = ["--participants", str(sub), "--disputes", str(d), "--trials", "16", "--intervals", "0"]
        r = CliRunner().invoke(app, ["backtest", "--data", str(shared_data), *args, "--json"])
        assert r.exit_code == 0, r.output
        out = json.loads(r.stdout)
        assert [x["level"] for x in out["by_level"]] == [level]
        found[level] = out["by_level"][0]["mean_p"]
    assert found[5] > 10 * found[2]
