"""Calibration and backtests of the joining model on historical disputes.

Scores are computed on candidates the model could not have seen: `forward` fits, for each
decade, on the disputes that started before it and scores that decade's disputes. Baselines are
scored under the same protocol and reported in the same table.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

from casus import __version__
from casus.history.features import KEY, joining_features
from casus.joining import FEATURES, JoiningModel

PLAIN = ["defense", "consultation", "abstain", "contiguous_enemy", "contiguous_friend", "major_power"]
RELIABILITY = 0.50  # Berkemeier & Fuhrmann (2018): about half of commitments honoured overall
MIN_TRAIN_JOINERS = 20


def data_version(tables: dict[str, pd.DataFrame]) -> str:
    """A short fingerprint of the data the model was fitted on."""
    h = hashlib.sha256()
    for name in sorted(tables):
        t = tables[name]
        h.update(name.encode())
        h.update(str(t.shape).encode())
        h.update(pd.util.hash_pandas_object(t, index=False).to_numpy().tobytes())
    return "sha256:" + h.hexdigest()[:16]


def fit_logistic(X: pd.DataFrame, y: np.ndarray) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression; coefficients rounded so refits reproduce the file exactly."""
    model = LogisticRegression(C=1.0, max_iter=5000, tol=1e-10)
    model.fit(X.to_numpy(), y)
    coef = {name: round(float(v), 6) for name, v in zip(X.columns, model.coef_[0], strict=True)}
    return round(float(model.intercept_[0]), 6), coef


def predict(intercept: float, coef: dict[str, float], X: pd.DataFrame) -> np.ndarray:
    """Logistic probabilities from rounded coefficients (what the shipped file gives)."""
    z = intercept + sum(coef.get(c, 0.0) * X[c].to_numpy() for c in X.columns)
    return np.asarray(1.0 / (1.0 + np.exp(-z)), dtype=np.float64)


def fit_model(cands: pd.DataFrame, *, until: int | None, version: str, data_ver: str) -> JoiningModel:
    """Fit the joining model on candidates of disputes starting no later than `until`."""
    train = cands if until is None else cands[cands.year <= until]
    X = joining_features(train)
    intercept, coef = fit_logistic(X, train.joined.to_numpy())
    return JoiningModel(
        version=version,
        kind="fitted",
        intercept=intercept,
        coefficients={f: coef.get(f, 0.0) for f in FEATURES},
        description=(
            "Logistic joining model fitted by `casus calibrate` on historical militarized interstate "
            "disputes: candidates are every state in the system at a dispute's start other than its "
            "originators, for each side; joiners are those that took part later. Features as in "
            "casus.joining; ATOP's dyad-year data do not code automaticity, policy commitments or "
            "contested triggers, so those features carry no weight."
        ),
        sources=[
            "ATOP v5.1 (Leeds, Ritter, Mitchell & Long 2002)",
            "GML MID 2.2.1 (Gibler, Miller & Little 2016)",
            "Correlates of War: State System 2016, Direct Contiguity 3.2, major powers 2016, NMC 6.0",
            "peacesciencer (Miller 2022)",
        ],
        data_version=data_ver,
        fitted_on={
            "until": until,
            "disputes": int(train.dispnum.nunique()),
            "candidates": len(train),
            "joiners": int(train.joined.sum()),
            "casus": __version__,
        },
    )


def plain_features(cands: pd.DataFrame) -> pd.DataFrame:
    """The plain baseline's features: obligations, contiguity and major-power status."""
    X = joining_features(cands)
    return pd.DataFrame({
        "defense": ((X.defense_triggered + X.defense_untriggered) > 0).astype(float),
        "consultation": X.consultation, "abstain": X.abstain, "contiguous_enemy": X.contiguous_enemy,
        "contiguous_friend": X.contiguous_friend, "major_power": X.major_power,
    })  # fmt: skip


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


Scorer = Callable[[pd.DataFrame, pd.DataFrame], np.ndarray]


def scorers(model: JoiningModel | None) -> dict[str, Scorer]:
    """The model and the baselines: each maps (train, test) candidates to probabilities for test."""

    def shipped_or_fitted(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
        if model is not None:
            return predict(model.intercept, model.coefficients, joining_features(test))
        intercept, coef = fit_logistic(joining_features(train), train.joined.to_numpy())
        return predict(intercept, coef, joining_features(test))

    def defense_rule(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
        return np.asarray(plain_features(test).defense.to_numpy(), dtype=np.float64)

    def reliability_rate(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
        base = float(train.joined.mean()) if len(train) else 0.001
        return np.where(plain_features(test).defense.to_numpy() > 0, RELIABILITY, base)

    def plain_logistic(train: pd.DataFrame, test: pd.DataFrame) -> np.ndarray:
        intercept, coef = fit_logistic(plain_features(train), train.joined.to_numpy())
        return predict(intercept, coef, plain_features(test))

    return {
        "model": shipped_or_fitted,
        "defense_pact_rule": defense_rule,
        "reliability_rate": reliability_rate,
        "plain_logistic": plain_logistic,
    }


def backtest(
    data_cands: pd.DataFrame,
    test_cands: pd.DataFrame,
    *,
    forward: bool,
    model: JoiningModel | None,
    progress: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Score the model and the baselines; see the module docstring for the protocols."""
    names = list(scorers(model))
    if not forward:
        probs = {name: fn(data_cands, test_cands) for name, fn in scorers(model).items()}
        scored = test_cands
        by_decade: list[dict[str, Any]] = []
    else:
        decade = (test_cands.year // 10) * 10
        parts: dict[str, list[np.ndarray]] = {n: [] for n in names}
        frames = []
        by_decade = []
        fns = scorers(None)  # forward refits the model on the past for every decade
        for d in sorted(decade.unique()):
            train = data_cands[data_cands.year < d]
            test = test_cands[decade == d]
            if progress is not None:
                progress(1)
            if train.joined.sum() <= MIN_TRAIN_JOINERS or (test.joined.sum() == 0 and len(test) == 0):
                continue
            row: dict[str, Any] = {"decade": int(d), "n_disputes": int(test.dispnum.nunique())}
            row.update(n_candidates=len(test), n_joiners=int(test.joined.sum()))
            for n in names:
                p = fns[n](train, test)
                parts[n].append(p)
                if n == "model":
                    row["metrics"] = metrics(test, p)
            frames.append(test)
            by_decade.append(row)
        scored = pd.concat(frames) if frames else test_cands.iloc[:0]
        probs = {n: np.concatenate(parts[n]) if parts[n] else np.zeros(0) for n in names}
    result: dict[str, Any] = {
        "protocol": "forward" if forward else "single",
        "n_disputes": int(scored.dispnum.nunique()),
        "n_candidates": len(scored),
        "n_joiners": int(scored.joined.sum()),
        "metrics": metrics(scored, probs["model"]) if len(scored) else {},
        "baselines": {n: metrics(scored, probs[n]) for n in names if n != "model"} if len(scored) else {},
        "by_decade": by_decade,
        "model": "refitted per decade on earlier disputes"
        if forward
        else (model.label if model else "fitted"),
        "casus_version": __version__,
        "date": dt.date.today().isoformat(),
    }
    result["_scored"] = (
        scored[KEY].assign(p=probs["model"], joined=scored.joined.to_numpy()) if len(scored) else None
    )
    return result
