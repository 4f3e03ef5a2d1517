"""Calibration and backtests of the joining model on historical disputes.

The model is scored through the cascade (`casus.history.cascade`): from each dispute's
originators at its start, allies of joiners may join in later rounds. Scores that claim to be
out of sample are computed on candidates the model could not have seen: `forward` fits, for
each decade, on the disputes that started before it and scores that decade's disputes;
`blocked` is cross-validation by contiguous spans of years (never by dispute, which would put
siblings of one war on both sides). Baselines are scored under the same protocol and reported
in the same table, with the model's first round alone beside them. Beside the per-candidate
scores, `spread` asks the dispute-level question: does anyone join at all (P(at least one
joiner) against disputes that drew joiners), and how many joiners were expected in all.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy.special import expit
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from casus.history.cascade import ROUNDS, TRIALS, HistoryWorld, cascade_probabilities
from casus.history.features import KEY, joining_features
from casus.history.fit import (
    FIXED,
    MIN_LEVEL_SPREAD,
    MIN_TRAIN_JOINERS,
    PLAIN,
    RELIABILITY,
    SET_ASIDE,
    TRANSFERRED,
    data_version,
    features_left_out,
    fit_logistic,
    fit_model,
    fitted_features,
    intensity_design,
    leave_out,
    levels_of,
    log_odds,
    model_log_odds,
    predict,
    split_intensity,
)
from casus.history.intervals import bootstrap
from casus.joining import (
    REFERENCE_INTENSITY,
    JoiningModel,
)
from casus.model import Intensity
from casus.version import __version__

__all__ = [
    "FIXED",
    "MIN_LEVEL_SPREAD",
    "MIN_TRAIN_JOINERS",
    "PLAIN",
    "RELIABILITY",
    "SET_ASIDE",
    "TRANSFERRED",
    "backtest",
    "by_level",
    "data_version",
    "features_left_out",
    "first_round_mean",
    "fit_logistic",
    "fit_model",
    "fitted_features",
    "intensity_design",
    "leave_out",
    "levels_of",
    "log_odds",
    "metrics",
    "model_log_odds",
    "plain_features",
    "predict",
    "recall_at_10",
    "scorers",
    "split_intensity",
    "spread_metrics",
    "time_blocks",
    "unconditional",
]


def plain_features(cands: pd.DataFrame, level: bool = True) -> pd.DataFrame:
    """The plain baseline's features: obligations, contiguity and major-power status; with `level`
    (and a `hostlev` column), the dispute's level and, in war, its interactions with obligations,
    contiguity and major-power status, as the joining model has them."""
    X = joining_features(cands)
    plain = pd.DataFrame({
        "defense": ((X.defense_triggered + X.defense_untriggered) > 0).astype(float),
        "consultation": X.consultation, "abstain": X.abstain, "contiguous_enemy": X.contiguous_enemy,
        "contiguous_friend": X.contiguous_friend, "major_power": X.major_power,
    })  # fmt: skip
    if not level or "hostlev" not in cands:
        return plain
    lv = levels_of(cands)
    design = intensity_design(plain, lv, plain.columns)  # defence is one column here: its term below
    war = (lv == Intensity.WAR.hostlev).astype(np.float64)
    design["war:defense"] = war * plain.defense.to_numpy()
    return pd.concat([plain, design], axis=1)


def recall_at_10(cands: pd.DataFrame, p: np.ndarray) -> float:
    """Share of actual joiners among the ten most likely candidates of their own dispute (sides pooled)."""
    d = cands[["dispnum", "joined"]].assign(p=p, r=np.arange(len(cands)))
    d = d.sort_values(["dispnum", "p", "r"], ascending=[True, False, True])
    top = d.groupby("dispnum").head(10)
    total = d.joined.sum()
    return float(top.joined.sum() / total) if total else float("nan")


def metrics(cands: pd.DataFrame, p: np.ndarray) -> dict[str, float]:
    """AUC, average precision, Brier score and recall@10."""
    y = cands.joined.to_numpy()
    ok = len(np.unique(y)) == 2
    return {
        "auc": float(roc_auc_score(y, p)) if ok else float("nan"),
        "average_precision": float(average_precision_score(y, p)) if ok else float("nan"),
        "brier": float(brier_score_loss(y, np.clip(p, 0, 1))),
        "recall_at_10": recall_at_10(cands, p),
    }


def spread_metrics(
    cands: pd.DataFrame, p_any: np.ndarray, p_join: np.ndarray, none: np.ndarray | None = None
) -> dict[str, float]:
    """Does the war spread at all? Scores P(at least one joiner) per dispute, and the expected count.

    `p_any` are per-candidate probabilities whose independent draws decide whether anyone joins,
    so P(no joiner) is prod(1 - p). Where the draws are not independent (the cascade's per-war
    level), `none` gives each row its dispute's P(no joiner) instead (NaN where unknown).
    `p_join` are the marginal probabilities of joining, whose sum is the expected number of joiners.
    """
    d = cands[["dispnum", "joined"]].assign(log_none=np.log1p(-np.clip(p_any, 0.0, 1.0 - 1e-12)), p=p_join)
    if none is not None:
        d = d.assign(none=none)
    agg = {"log_none": ("log_none", "sum"), "expected": ("p", "sum"), "n": ("joined", "sum")}
    g = d.groupby("dispnum").agg(**agg, **({"none": ("none", "max")} if none is not None else {}))
    y = (g.n > 0).to_numpy()
    prob = 1.0 - np.exp(g.log_none.to_numpy())
    if none is not None:
        prob = np.where(g.none.notna(), 1.0 - g.none.to_numpy(), prob)
    ok = len(np.unique(y)) == 2
    return {
        "n_disputes": len(g),
        "n_spread": int(y.sum()),
        "auc": float(roc_auc_score(y, prob)) if ok else float("nan"),
        "brier": float(brier_score_loss(y, prob)) if len(g) else float("nan"),
        "predicted_share": float(prob.mean()) if len(g) else float("nan"),
        "observed_share": float(y.mean()) if len(g) else float("nan"),
        "expected_joiners": float(g.expected.sum()),
        "actual_joiners": int(g.n.sum()),
    }


def by_level(cands: pd.DataFrame, p: np.ndarray, none: np.ndarray) -> list[dict[str, Any]]:
    """Calibration and ranking of the cascade at each level the scored disputes reached.

    Per level (MID hostlev 2-5): disputes, joiners, the share of disputes that drew a joiner
    against the mean predicted P(at least one joiner) (`none` is each row's dispute's P(no
    joiner)), the mean probability per candidate against the observed rate, and the AUC.
    """
    d = cands[["dispnum", "joined"]].assign(p=p, none=none, level=levels_of(cands))
    out = []
    for level, g in d.groupby("level"):
        disp = g.groupby("dispnum").agg(n=("joined", "sum"), none=("none", "first"))
        y = g.joined.to_numpy()
        out.append({
            "level": int(level), "intensity": Intensity.from_hostlev(int(level)).value,
            "n_disputes": len(disp), "n_candidates": len(g), "n_joiners": int(y.sum()),
            "p_any_observed": float((disp.n > 0).mean()), "p_any_predicted": float((1 - disp.none).mean()),
            "mean_p": float(g.p.mean()), "rate_observed": float(y.mean()),
            "auc": float(roc_auc_score(y, g.p)) if len(np.unique(y)) == 2 else None,
        })  # fmt: skip
    return out


def unconditional(train: pd.DataFrame, test: pd.DataFrame, model: JoiningModel) -> dict[str, np.ndarray]:
    """Probabilities that do not know the level the dispute reached, for comparison.

    `model_first_round`: the model's first round (its per-war level integrated out) mixed over
    the levels in the share of training disputes that reached each; `plain_logistic`: the plain
    baseline fitted without the level.
    """
    X = joining_features(test)
    shares = (
        train.groupby("dispnum").hostlev.first().value_counts(normalize=True) if "hostlev" in train else None
    )
    mixed = np.zeros(len(test))
    for level, share in shares.items() if shares is not None else [(REFERENCE_INTENSITY.hostlev, 1.0)]:
        m = model.at(Intensity.from_hostlev(int(level)))
        mixed += float(share) * first_round_mean(m, log_odds(m.intercept, m.coefficients, X))
    intercept, coef = fit_logistic(plain_features(train, level=False), train.joined.to_numpy())
    return {"model_first_round": mixed,
            "plain_logistic": predict(intercept, coef, plain_features(test, level=False))}  # fmt: skip


def first_round_mean(model: JoiningModel, z: np.ndarray, points: int = 64) -> np.ndarray:
    """The first round's probability averaged over the per-war level (a midpoint rule on normal quantiles)."""
    lv = model.level
    if lv is None or lv.sd == 0:
        return np.asarray(expit(z), dtype=np.float64)
    from scipy.special import ndtri

    g = ndtri((np.arange(points) + 0.5) / points)
    out = np.zeros(len(z))
    for u in g:
        out += expit(lv.offset + lv.scale * z + lv.sd * u)
    return out / points


Scorer = Callable[[pd.DataFrame, pd.DataFrame], np.ndarray]


def scorers() -> dict[str, Scorer]:
    """The baselines: each maps (train, test) candidates to probabilities for test."""

    def defense_rule(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
        return np.asarray(plain_features(test).defense.to_numpy(), dtype=np.float64)

    def reliability_rate(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
        base = float(train.joined.mean()) if len(train) else 0.001
        return np.where(plain_features(test).defense.to_numpy() > 0, RELIABILITY, base)

    def plain_logistic(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
        intercept, coef = fit_logistic(plain_features(train), train.joined.to_numpy())
        return predict(intercept, coef, plain_features(test))

    return {
        "defense_pact_rule": defense_rule,
        "reliability_rate": reliability_rate,
        "plain_logistic": plain_logistic,
    }


Protocol = Literal["single", "forward", "blocked"]


def time_blocks(years: pd.Series, k: int) -> list[tuple[int, int]]:
    """`k` contiguous year ranges holding about equal numbers of disputes (no year split)."""
    per_year = years.value_counts().sort_index()
    cum = per_year.cumsum() / per_year.sum()
    edges = [int(per_year.index[0])]
    for i in range(1, k):
        later = per_year.index[cum.to_numpy() >= i / k]
        if len(later) and int(later[0]) + 1 > edges[-1]:
            edges.append(int(later[0]) + 1)
    edges.append(int(per_year.index[-1]) + 1)
    return [(a, b - 1) for a, b in itertools.pairwise(edges) if b > a]


Fit = tuple[dict[str, Any], pd.DataFrame, JoiningModel, pd.Series]


def _fits(
    data_cands: pd.DataFrame, test_cands: pd.DataFrame, year: pd.Series, protocol: Protocol,
    model: JoiningModel | None, blocks: int, without: dict[str, str] | None,
) -> list[Fit]:  # fmt: skip
    """(what the fit covers, its training candidates, the model, the test rows it scores) per fit."""
    groups: list[Fit] = []
    if protocol == "single":
        fitted = model or fit_model(data_cands, until=None, version="backtest", data_ver="", without=without)
        groups.append(({}, data_cands, fitted, test_cands.year.notna()))
    elif protocol == "forward":
        for d in sorted((year // 10 * 10).unique()):
            train = data_cands[data_cands.year < d]
            if train.joined.sum() <= MIN_TRAIN_JOINERS:
                continue
            m = fit_model(train, until=int(d) - 1, version=f"forward-{d}", data_ver="", without=without)
            groups.append(({"decade": int(d)}, train, m, test_cands.year // 10 * 10 == d))
    else:
        for a, b in time_blocks(year, blocks):
            train = data_cands[(data_cands.year < a) | (data_cands.year > b)]
            m = fit_model(train, until=None, version=f"blocked-{a}", data_ver="", without=without)
            groups.append(({"years": [a, b]}, train, m, test_cands.year.between(a, b)))
    return groups


def _described(
    protocol: Protocol, model: JoiningModel | None, blocks: int, without: dict[str, str] | None
) -> tuple[str, list[str]]:
    """How the scored model was fitted, in words, and the features it was fitted without."""
    label = {
        "single": (model.label if model else "fitted on all the data"),
        "forward": "refitted for each decade on earlier disputes",
        "blocked": f"refitted for each of {blocks} time blocks on the other blocks",
    }[protocol]
    refitted = protocol != "single" or model is None
    if without and refitted:
        label += ", leaving out " + ", ".join(without)
    # the features the scored model was fitted without, whether refitted here or read from its file
    left_out = (
        sorted(without or {}) if refitted else sorted(((model and model.fitted_on) or {}).get("without", {}))
    )
    return label, left_out


def _score(
    groups: list[Fit],
    test_cands: pd.DataFrame,
    test_participants: pd.DataFrame,
    world: HistoryWorld,
    names: list[str],
    trials: int,
    seed: int,
    progress: Callable[[int], None] | None,
) -> tuple[pd.DataFrame, dict[str, np.ndarray], list[dict[str, np.ndarray]], list[dict[str, Any]]]:
    """Every fit's test rows scored by the cascade and the baselines: (the scored rows, each
    scorer's probabilities over them, the level-blind ones per fit, a summary row per fit)."""
    fns = scorers()
    parts: dict[str, list[np.ndarray]] = {n: [] for n in names}
    blind: list[dict[str, np.ndarray]] = []
    frames, rows = [], []
    for info, train, m, mask in groups:
        test = test_cands[mask]
        if test.empty:
            continue
        tp = test_participants[test_participants.dispnum.isin(test.dispnum.unique())]
        levels = test.groupby("dispnum").hostlev.first() if "hostlev" in test else None
        casc = cascade_probabilities(world, tp, m, trials=trials, seed=seed, progress=progress, levels=levels)
        test = test.merge(casc, on=KEY, how="left").fillna({"p_cascade": 0.0, "p_first": 0.0})
        test = test.assign(fit=m.version)
        probs = {"model": test.p_cascade.to_numpy(), "model_first_round": test.p_first.to_numpy()}
        probs.update({n: fn(train, test) for n, fn in fns.items()})
        for n in names:
            parts[n].append(probs[n])
        blind.append(unconditional(train, test, m))
        if info:
            rows.append({**info, "n_disputes": int(test.dispnum.nunique()), "n_candidates": len(test),
                         "n_joiners": int(test.joined.sum()), "metrics": metrics(test, probs["model"]),
                         "plain_logistic": metrics(test, probs["plain_logistic"])})  # fmt: skip
        frames.append(test)
    scored = pd.concat(frames, ignore_index=True) if frames else test_cands.iloc[:0]
    probs = {n: np.concatenate(parts[n]) if parts[n] else np.zeros(0) for n in names}
    return scored, probs, blind, rows


def backtest(
    data_cands: pd.DataFrame,
    test_cands: pd.DataFrame,
    *,
    world: HistoryWorld,
    test_participants: pd.DataFrame,
    protocol: Protocol = "single",
    model: JoiningModel | None = None,
    blocks: int = 5,
    trials: int = TRIALS,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
    without: dict[str, str] | None = None,
    intervals: int = 0,
) -> dict[str, Any]:
    """Score the cascade and the baselines against who actually joined; see the module docstring.

    `single` scores `model` (fitted on all data when None) on every test dispute. `forward` refits
    for each decade on the disputes that started before it. `blocked` is time-blocked
    cross-validation: the test disputes are cut into `blocks` contiguous spans of years and each
    span is scored by a model fitted on the data outside it. Every refit leaves out the features
    in `without`, as `fit_model` does. With `intervals` > 0, that many bootstrap resamples of the
    scored start years give every score an interval, and the cascade's lead over each baseline a
    paired one (`casus.history.intervals`), drawn from `seed`.
    """
    fns = scorers()
    names = ["model", "model_first_round", *fns]
    year = test_cands.groupby("dispnum").year.first()
    groups = _fits(data_cands, test_cands, year, protocol, model, blocks, without)
    scored, probs, blind, rows = _score(
        groups, test_cands, test_participants, world, names, trials, seed, progress
    )
    label, left_out = _described(protocol, model, blocks, without)
    result: dict[str, Any] = {
        "protocol": protocol,
        "n_disputes": int(scored.dispnum.nunique()),
        "n_candidates": len(scored),
        "n_joiners": int(scored.joined.sum()),
        "metrics": metrics(scored, probs["model"]) if len(scored) else {},
        "baselines": {n: metrics(scored, probs[n]) for n in names if n != "model"} if len(scored) else {},
        "spread": {
            n: spread_metrics(
                scored,
                probs["model_first_round" if n == "model" else n],
                probs[n],
                scored.p_none.to_numpy() if n in ("model", "model_first_round") else None,
            )
            for n in names
        }
        if len(scored)
        else {},
        "by_decade" if protocol != "blocked" else "by_block": rows,
        "model": label,
        "without": left_out,
        "cascade": {"trials": trials, "seed": seed, "rounds": ROUNDS},
        "casus_version": __version__,
        "date": dt.date.today().isoformat(),
    }
    if protocol == "blocked":
        result["by_decade"] = []
    if len(scored):
        result["by_level"] = by_level(scored, probs["model"], scored.p_none.to_numpy())
        result["unconditional"] = {
            n: metrics(scored, np.concatenate([b[n] for b in blind]))
            for n in ("model_first_round", "plain_logistic")
        }
    if intervals > 0 and len(scored) and scored.joined.nunique() == 2:
        table = scored[["dispnum", "year", "joined"]].assign(**{f"p_{n}": probs[n] for n in names})
        result["intervals"] = bootstrap(table, names, resamples=intervals, seed=seed)
    result["_scored"] = scored[KEY].assign(
        year=scored.year.to_numpy(), joined=scored.joined.to_numpy(), fit=scored.fit.to_numpy(),
        hostlev=levels_of(scored),
        **{f"p_{n}": probs[n] for n in names},
    ) if len(scored) else None  # fmt: skip
    return result
