"""Fitting the joining model on historical disputes: the features fitted, set aside, transferred
and fixed, a penalised logistic fit with intensity terms (`fit_logistic`, `fit_model`), and the
per-war level on the first round's log-odds. `casus calibrate` writes what `fit_model` returns;
`casus.history.evaluate` scores it."""

from __future__ import annotations

import fnmatch
import hashlib
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.optimize import minimize
from scipy.special import expit, log_expit

from casus.history.features import joining_features
from casus.history.level import fit_level
from casus.joining import (
    FEATURES,
    INTERACTIONS,
    REFERENCE_INTENSITY,
    UNMEASURED_TODAY,
    IntensityModel,
    IntensityTerms,
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
    "data_version",
    "features_left_out",
    "fit_logistic",
    "fit_model",
    "fitted_features",
    "intensity_design",
    "leave_out",
    "levels_of",
    "log_odds",
    "model_log_odds",
    "predict",
    "split_intensity",
]

PLAIN = ["defense", "consultation", "abstain", "contiguous_enemy", "contiguous_friend", "major_power"]
RELIABILITY = 0.50  # Berkemeier & Fuhrmann (2018): about half of commitments honoured overall
MIN_TRAIN_JOINERS = 20
MIN_LEVEL_SPREAD = 10  # disputes of a level that drew a joiner, to fit that level's own per-war level
# Features history cannot identify, set from fitted coefficients by documented rules.
TRANSFERRED: dict[str, tuple[str, Callable[[dict[str, float]], float]]] = {
    "defense_strength": ("0: ATOP's dyad-year file does not code automaticity", lambda c: 0.0),
    "defense_contested": (
        "mean of defense_triggered and defense_untriggered: a contested trigger lies between them",
        lambda c: round((c["defense_triggered"] + c["defense_untriggered"]) / 2, 6),
    ),
    "policy": (
        "defense_untriggered: a non-binding commitment counts as a defence tie whose conditions are unmet",
        lambda c: c["defense_untriggered"],
    ),
}


# Coefficients set by the model, not fitted: they enter the fit as an offset.
FIXED: dict[str, tuple[float, str]] = {
    "system_size": (
        -1.0,
        "-1: a war draws in about as many joiners however many states there are, so each state's "
        "odds fall as 1/n (fitted freely on all the shared data: -0.996; refits on the first decades' "
        "systems of 23 to 40 states cannot identify it and extrapolate it with the wrong sign)",
    ),
}


# Features the shipped fits leave out, and why: measured with `casus backtest --without`
# (README, "What each feature adds"). `casus calibrate --with` puts them back.
SET_ASIDE: dict[str, str] = {
    "capability": (
        "set aside: refits without it rank joiners better, forward and by time block (recall@10); "
        "a state's capability share tells great powers apart more than it tells who joins, and "
        "lifts both sides of a strong state at once"
    ),
    "near_enemy": (
        "set aside: sea contiguity adds nothing beside the closeness of capitals (proximity_*), "
        "forward or by time block"
    ),
    "near_friend": (
        "set aside: sea contiguity adds nothing beside the closeness of capitals (proximity_*), "
        "forward or by time block"
    ),
}


def data_version(tables: dict[str, pd.DataFrame]) -> str:
    """A short fingerprint of the data the model was fitted on, the disputes file (the levels
    disputes reached) included when it is there."""
    h = hashlib.sha256()
    for name in sorted(tables):
        t = tables[name]
        h.update(name.encode())
        h.update(str(t.shape).encode())
        h.update(pd.util.hash_pandas_object(t, index=False).to_numpy().tobytes())
    return "sha256:" + h.hexdigest()[:16]


def fit_logistic(
    X: pd.DataFrame, y: np.ndarray, offset: np.ndarray | None = None
) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression (C = 1, intercept not penalised) with an optional fixed
    offset in the log-odds; coefficients rounded so refits reproduce the file exactly.

    Without an offset it is scikit-learn's LogisticRegression(C=1) objective, minimised the same
    way (L-BFGS-B on the summed log-loss and its gradient); scikit-learn takes no offset.
    """
    a = X.to_numpy(dtype=np.float64)
    t = np.asarray(y, dtype=np.float64)
    off = np.zeros(len(t)) if offset is None else np.asarray(offset, dtype=np.float64)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        z = theta[0] + a @ theta[1:] + off
        w = theta[1:]
        r = expit(z) - t
        value = -(t * log_expit(z) + (1 - t) * log_expit(-z)).sum() + 0.5 * w @ w
        return float(value), np.concatenate([[r.sum()], a.T @ r + w])

    options = {"maxiter": 15000, "gtol": 1e-8, "ftol": 1e-15}
    res = minimize(loss, np.zeros(a.shape[1] + 1), jac=True, method="L-BFGS-B", options=options)
    if not res.success:  # never write a coefficient file from a fit that did not converge
        raise RuntimeError(f"logistic fit did not converge: {res.message}")
    theta = res.x
    coef = {name: round(float(v), 6) for name, v in zip(X.columns, theta[1:], strict=True)}
    return round(float(theta[0]), 6), coef


def log_odds(intercept: float, coef: dict[str, float], X: pd.DataFrame) -> np.ndarray:
    """The model's plain log-odds for each row of a feature table."""
    z = intercept + sum((coef.get(c, 0.0) * X[c].to_numpy() for c in X.columns), np.zeros(len(X)))
    return np.asarray(z, dtype=np.float64)


def predict(intercept: float, coef: dict[str, float], X: pd.DataFrame) -> np.ndarray:
    """Logistic probabilities from rounded coefficients (what the shipped file gives)."""
    return np.asarray(1.0 / (1.0 + np.exp(-log_odds(intercept, coef, X))), dtype=np.float64)


def intensity_design(X: pd.DataFrame, hostlev: npt.ArrayLike, features: Iterable[str]) -> pd.DataFrame:
    """The intensity columns of a fit: one indicator per level other than the reference
    (`level:<intensity>`), and for the levels in INTERACTIONS the level times each of its
    `features` that the fit estimates (`<intensity>:<feature>`)."""
    lv = np.asarray(hostlev, dtype=np.int64)
    chosen = set(features)
    cols: dict[str, np.ndarray] = {}
    for level in Intensity:
        if level is REFERENCE_INTENSITY:
            continue
        on = (lv == level.hostlev).astype(np.float64)
        cols[f"level:{level.value}"] = on
        for f in INTERACTIONS.get(level, ()):
            if f in chosen:
                cols[f"{level.value}:{f}"] = on * X[f].to_numpy(dtype=np.float64)
    return pd.DataFrame(cols, index=X.index)


def split_intensity(coef: dict[str, float]) -> tuple[dict[str, float], IntensityModel]:
    """A fit's coefficients split into the base ones and the intensity terms (see intensity_design)."""
    base = {k: v for k, v in coef.items() if ":" not in k}
    terms: dict[Intensity, IntensityTerms] = {}
    for level in Intensity:
        if level is REFERENCE_INTENSITY:
            continue
        delta = {k.split(":", 1)[1]: v for k, v in coef.items() if k.startswith(f"{level.value}:")}
        if delta:
            full = {f: delta.get(f, 0.0) for f in FEATURES}
            for name, (_rule, fn) in TRANSFERRED.items():  # contested and policy ties move as the rules say
                if name != "defense_strength":
                    delta[name] = fn(full)
        terms[level] = IntensityTerms(intercept=coef.get(f"level:{level.value}", 0.0), coefficients=delta)
    return base, IntensityModel(reference=REFERENCE_INTENSITY, terms=terms)


def levels_of(cands: pd.DataFrame) -> npt.NDArray[np.int64]:
    """Each candidate's dispute level (MID hostlev 2-5; a use of force where the table has none)."""
    if "hostlev" not in cands:
        return np.full(len(cands), REFERENCE_INTENSITY.hostlev, dtype=np.int64)
    return np.asarray(cands.hostlev.to_numpy(), dtype=np.int64)


def model_log_odds(model: JoiningModel, X: pd.DataFrame, hostlev: npt.ArrayLike) -> np.ndarray:
    """The model's plain log-odds for each row, each at its own dispute's level."""
    lv = np.asarray(hostlev, dtype=np.int64)
    z = np.zeros(len(X))
    for level in np.unique(lv):
        m = model.at(Intensity.from_hostlev(int(level)))
        rows = lv == level
        z[rows] = log_odds(m.intercept, m.coefficients, X[rows])
    return z


def fitted_features() -> list[str]:
    """The features a fit estimates: every model feature but the transferred and the fixed ones."""
    return [f for f in FEATURES if f not in TRANSFERRED and f not in FIXED]


def leave_out(patterns: Iterable[str], base: Mapping[str, str] | None = None) -> dict[str, str]:
    """`base` plus every fitted feature one of `patterns` names (a name or a shell pattern such as
    `history_*`), each with the reason "left out on request"; for ablation backtests and fits.

    Raises ValueError for a pattern that names no fitted feature, listing those that can be left out.
    """
    out = dict(base or {})
    fittable = fitted_features()
    for pattern in patterns:
        hits = fnmatch.filter(fittable, pattern.strip())
        if not hits:
            raise ValueError(
                f"{pattern!r} names no feature that can be left out of a fit; choose from "
                + ", ".join(fittable)
            )
        out.update({f: out.get(f, "left out on request") for f in hits})
    return out


def features_left_out(
    without: Iterable[str] = (), keep: Iterable[str] = (), *, today: bool = False
) -> dict[str, str]:
    """What `casus calibrate` and `casus backtest` leave out of a fit, feature -> reason.

    The set-aside features (`SET_ASIDE`) unless `keep` names them, today's unmeasured ones
    (`UNMEASURED_TODAY`) with `today`, and whatever `without` names (see `leave_out`). Raises
    ValueError for a `keep` pattern that names no set-aside feature, or one that `today` or
    `without` leaves out again.
    """
    kept: set[str] = set()
    for pattern in keep:
        hits = fnmatch.filter(SET_ASIDE, pattern.strip())
        if not hits:
            raise ValueError(f"{pattern!r} names no set-aside feature; set aside: " + ", ".join(SET_ASIDE))
        kept.update(hits)
    chosen = leave_out(without, {f: why for f, why in SET_ASIDE.items() if f not in kept})
    if today:
        chosen = {**chosen, **UNMEASURED_TODAY}
    if clash := sorted(kept & set(chosen)):
        raise ValueError(f"{', '.join(clash)} is both kept and left out (by today's model or by without)")
    return chosen


def _description(without: dict[str, str]) -> str:
    """What a fitted model says it is (kept in the model file)."""
    return (
        "Logistic joining model fitted by `casus calibrate` on historical militarized interstate "
        "disputes: candidates are every state in the system at a dispute's start other than its "
        "originators, for each side; joiners are those that took part later. Features as in "
        "casus.joining, with nuclear status from casus's state registry. It is conditional on the "
        "level each dispute reached (MID hostlev: threat, display, use of force, war): `intensity` "
        "shifts the intercept by level against a use of force, and in war also the weights of "
        "defence ties, borders and major-power status (casus.joining.INTERACTIONS). ATOP's dyad-year "
        "data do not code automaticity, policy commitments or contested triggers; those three "
        "coefficients are transferred from fitted ones by the rules in fitted_on.transferred. "
        "system_size is fixed, not fitted (fitted_on.fixed). The per-war level "
        "(casus.joining.WarLevel) is then fitted on the same candidates by maximum marginal "
        "likelihood over disputes, the coefficients held and each dispute's candidates at its own "
        "level; war, where joins cluster most, has its own (intensity.terms.war.level)."
        + (
            " Left out of the fit, with coefficient 0 (fitted_on.without): " + ", ".join(without) + "."
            if without
            else ""
        )
    )


def _fitted_on(
    train: pd.DataFrame, hostlev: np.ndarray, until: int | None, without: dict[str, str]
) -> dict[str, Any]:
    """What a model was fitted on: years, disputes, candidates and joiners by level, rules applied."""
    return {
        "until": until,
        "disputes": int(train.dispnum.nunique()),
        "candidates": len(train),
        "joiners": int(train.joined.sum()),
        "by_level": {
            Intensity.from_hostlev(int(lv)).value: {
                "disputes": int(g.dispnum.nunique()),
                "joiners": int(g.joined.sum()),
            }
            for lv, g in train.assign(_l=hostlev).groupby("_l")
        },
        "casus": __version__,
        "transferred": {name: rule for name, (rule, _) in TRANSFERRED.items()},
        "fixed": {name: rule for name, (_, rule) in FIXED.items()},
        **({"without": dict(without)} if without else {}),
    }


def fit_model(
    cands: pd.DataFrame,
    *,
    until: int | None,
    version: str,
    data_ver: str,
    without: dict[str, str] | None = None,
) -> JoiningModel:
    """Fit the joining model on candidates of disputes starting no later than `until`.

    Features named in `without` (feature -> reason) are left out of the fit, so their coefficients
    are 0 and the others absorb what they carried: the model for a world that cannot measure them.
    """
    without = without or {}
    if unknown := sorted(set(without) - set(fitted_features())):
        raise ValueError(f"cannot leave out {', '.join(unknown)}: not a feature the fit estimates")
    train = cands if until is None else cands[cands.year <= until]
    X = joining_features(train)
    offset = sum((v * X[name].to_numpy() for name, (v, _) in FIXED.items()), np.zeros(len(X)))
    fitted = X.drop(columns=[*TRANSFERRED, *FIXED, *without])
    hostlev = levels_of(train)
    design = pd.concat([fitted, intensity_design(fitted, hostlev, fitted.columns)], axis=1)
    intercept, coef = fit_logistic(design, train.joined.to_numpy(), offset)
    coef, intensity = split_intensity(coef)
    coef.update(dict.fromkeys(without, 0.0))  # the transfer rules read them
    for name, (_rule, fn) in TRANSFERRED.items():
        coef[name] = fn(coef)
    coef.update({name: v for name, (v, _) in FIXED.items()})
    coefficients = {f: coef.get(f, 0.0) for f in FEATURES}
    plain = JoiningModel(version=version, kind="fitted", intercept=intercept, coefficients=coefficients,
                         intensity=intensity, description="")  # fmt: skip
    z = model_log_odds(plain, X, hostlev)
    y, disp = train.joined.to_numpy(), train.dispnum.to_numpy()
    level = fit_level(z, y, disp)
    # Where a level has disputes enough, its joins cluster in their own way (a war draws several
    # states far more often than its mean rate says): its per-war level is fitted on its own.
    terms = dict(intensity.terms)
    for lv in INTERACTIONS:
        rows = hostlev == lv.hostlev
        spread = train[rows].groupby("dispnum").joined.max().sum()
        if lv in terms and spread >= MIN_LEVEL_SPREAD:
            terms[lv] = terms[lv].model_copy(update={"level": fit_level(z[rows], y[rows], disp[rows])})
    intensity = intensity.model_copy(update={"terms": terms})
    return JoiningModel(
        version=version,
        kind="fitted",
        intercept=intercept,
        coefficients=coefficients,
        level=level,
        intensity=intensity,
        description=_description(without),
        sources=[
            "ATOP v5.1 (Leeds, Ritter, Mitchell & Long 2002)",
            "GML MID 2.2.1 (Gibler, Miller & Little 2016)",
            "Correlates of War: State System 2016, Direct Contiguity 3.2, major powers 2016, NMC 6.0",
            "peacesciencer (Miller 2022)",
        ],
        data_version=data_ver,
        fitted_on=_fitted_on(train, hostlev, until, without),
    )
