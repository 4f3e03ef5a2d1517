"""The joining model: the probability that a state joins a side, from its ties to the belligerents.

A model is a logistic function of a fixed list of features, stored as a versioned JSON file
(`data/joining-prior.json` ships with casus; `casus calibrate` writes fitted ones). The same
feature definitions are used for today's world and for history, so fitted coefficients transfer.

Features, for a candidate state i and a side s (the side it might join):

The five tie features are one-hot: only the strongest tie counts, in the order triggered
defence > contested defence > policy > untriggered defence > consultation, so ties never stack.

- `defense_triggered`: i owes a binding defence (or offence) obligation to a belligerent of s,
  and the obligation engine finds it triggered.
- `defense_strength`: automaticity rank of the strongest such obligation / 6 (0 if none).
- `defense_contested`: i owes such an obligation whose trigger is contested, or owed to a state
  that joined the war (whether it was attacked is then an open question).
- `defense_untriggered`: i owes such an obligation but it is not triggered (out of scope, not in
  force, or owed to the state that started the war).
- `consultation`: a consultation obligation toward a belligerent of s is engaged.
- `policy`: a non-binding policy commitment toward a belligerent of s (e.g. the Taiwan
  Relations Act).
- `abstain`: a duty to stay out of the war on s's side (non-assistance, neutrality, or
  non-aggression toward a belligerent of the other side).
- `contiguous_enemy` / `contiguous_friend`: land border with a belligerent of the other side / of s.
- `major_power`: i is a major power. `enemy_major`: the other side includes a major power.
- `nuclear`: i is nuclear-armed. `deterred`: i is not nuclear-armed, the other side is, and the
  scenario keeps the nuclear-deterrence assumption. `nuclear_opposed`: i is nuclear-armed and so
  is the other side (a nuclear power joining against a nuclear power: the deterrence argument
  about great powers), under the same assumption.
- `capability`: log of i's capability share over the other side's (0 where unknown).
- `near_enemy` / `near_friend`: within 400 miles of water of a belligerent of the other side / of s
  (COW contiguity types 2-5).
- `history_with` / `history_against`: log(1 + number of disputes in the previous ten years in
  which i stood with / against the belligerents of s).
- `proximity_enemy` / `proximity_friend`: log(1 + sum of exp(-km / 1000)) over the war's initial
  belligerents on the other side / on s, km being the great-circle distance between capitals
  (`casus.capitals`). Measured to the states at war at the start (where the war is), not to later
  joiners, in history and in today's world alike.
- `system_size`: log of the number of states in the international system at the date (the COW
  system in history; the registry's states existing on the scenario date today). It is the same
  for every candidate of a war and lowers each state's chance as the system grows: a war among
  190 states draws in a smaller share of them than a war among 40 did. Fitted models fix its
  coefficient at -1 (odds as 1/n; `casus.history.evaluate.FIXED` says why).

`capability`, `near_*` and `history_*` come from historical data; today's world does not measure
them (`UNMEASURED_TODAY`: they are 0 there). So two fitted models ship: `calibrated`, which scores
historical disputes, and `today`, fitted with those five left out, which `casus run` uses by
default. Both leave out `capability` and `near_*`, which backtests showed do not help
(`casus.history.evaluate.SET_ASIDE`). A model that gives them weight says so in its note when run on today's
world. The prior gives them no weight.

States with none of these ties (no obligation, no border, not a major power) get probability 0.

Intensity. A fitted model is conditional on how far the conflict goes (`casus.model.Intensity`,
MID hostility levels 2-5): `intensity.terms` shifts the intercept for each level against the
reference level (a use of force), and for war also the weights of defence ties, borders and
major-power status (`INTERACTIONS`: whether obligations weigh more in war). `model.at(level)`
gives the plain model for one level, which is what the simulator and the historical cascade run.

Fitted models also carry a per-war level (`WarLevel`): the first round's log-odds of every state
in a war move together by one normal draw per war, because joins cluster (most disputes draw no
one, a few draw many) in a way no feature measures. Later rounds use the plain probabilities.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from casus.model import InputError, Intensity, Problem

__all__ = [
    "BUNDLED",
    "CALIBRATED_PATH",
    "EXPOSURE",
    "FEATURES",
    "IDX",
    "INTERACTIONS",
    "PRIOR_PATH",
    "REFERENCE_INTENSITY",
    "TIE_ORDER",
    "TODAY_PATH",
    "UNMEASURED_TODAY",
    "IntensityModel",
    "IntensityTerms",
    "JoiningModel",
    "WarLevel",
    "load_model",
]

FEATURES: tuple[str, ...] = (
    "defense_triggered",
    "defense_strength",
    "defense_contested",
    "defense_untriggered",
    "consultation",
    "policy",
    "abstain",
    "contiguous_enemy",
    "contiguous_friend",
    "major_power",
    "enemy_major",
    "nuclear",
    "deterred",
    "capability",
    "near_enemy",
    "near_friend",
    "history_with",
    "history_against",
    "proximity_enemy",
    "proximity_friend",
    "system_size",
    "nuclear_opposed",
)
# Positions in FEATURES, for the compiled code that reads coefficients by index.
IDX: dict[str, int] = {name: i for i, name in enumerate(FEATURES)}
TIE_ORDER = ("defense_triggered", "defense_contested", "policy", "defense_untriggered", "consultation")
EXPOSURE = ("abstain", "contiguous_enemy", "contiguous_friend", "major_power")
# Features that need historical data casus does not hold for today's world, and why.
UNMEASURED_TODAY: dict[str, str] = {
    "capability": "no capability (CINC) data for today's states",
    "near_enemy": "no sea-distance contiguity for today's states",
    "near_friend": "no sea-distance contiguity for today's states",
    "history_with": "no dispute record after the historical data end",
    "history_against": "no dispute record after the historical data end",
}
# The level a model's intercept refers to, and the features whose weight changes with the level
# (fitted where the data carry them: war is the level with enough joiners, 180 in 78 disputes).
REFERENCE_INTENSITY = Intensity.USE_OF_FORCE
INTERACTIONS: dict[Intensity, tuple[str, ...]] = {
    Intensity.WAR: ("defense_triggered", "defense_untriggered", "contiguous_enemy", "contiguous_friend",
                    "major_power"),
}  # fmt: skip
PRIOR_PATH = Path(__file__).parent / "data" / "joining-prior.json"
CALIBRATED_PATH = Path(__file__).parent / "data" / "joining-calibrated.json"
TODAY_PATH = Path(__file__).parent / "data" / "joining-today.json"
BUNDLED = {"prior": PRIOR_PATH, "calibrated": CALIBRATED_PATH, "today": TODAY_PATH}


class WarLevel(BaseModel):
    """A per-war random level on the first round's log-odds.

    Wars differ in how much they draw states in, beyond anything the features measure: one
    dispute draws a dozen joiners, most draw none. In the first round each state's log-odds z
    becomes offset + scale * z + sd * u, with one standard normal u drawn per war (per trial), so
    the first-round joiners of a war rise and fall together. Later rounds use the plain model: the
    allies of joiners answer at the fitted rates. Fitted by `casus calibrate` (maximum marginal
    likelihood over disputes, `casus.history.level`); a model without one draws independently.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    offset: float
    scale: float = Field(gt=0.0)
    sd: float = Field(ge=0.0)

    def logit(self, z: float, u: float) -> float:
        """The first round's log-odds for plain log-odds z in a war whose standard-normal draw is u."""
        return self.offset + self.scale * z + self.sd * u


class IntensityTerms(BaseModel):
    """What changes at one intensity, against the reference level: an intercept shift and
    additions to some features' weights."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    intercept: float = 0.0
    coefficients: dict[str, float] = Field(default_factory=dict)
    level: WarLevel | None = None  # the per-war level at this intensity, where fitted on its own


class IntensityModel(BaseModel):
    """A model's intensity terms: the reference level and each other level's shifts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reference: Intensity = REFERENCE_INTENSITY
    terms: dict[Intensity, IntensityTerms] = Field(default_factory=dict)


class JoiningModel(BaseModel):
    """A versioned logistic joining model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: Literal["casus-joining"] = "casus-joining"
    version: str
    kind: Literal["prior", "fitted"]
    form: Literal["logistic"] = "logistic"
    intercept: float
    coefficients: dict[str, float]
    level: WarLevel | None = None
    intensity: IntensityModel | None = None
    given: Intensity | None = None  # the level this plain model was taken at (`at`)
    conditional: bool = False  # `at` folded intensity terms in: its numbers depend on the level
    description: str
    sources: list[str] = Field(default_factory=list)
    data_version: str | None = None
    fitted_on: dict[str, Any] | None = None
    metrics: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _known_features(self) -> JoiningModel:
        unknown = sorted(set(self.coefficients) - set(FEATURES))
        for terms in self.intensity.terms.values() if self.intensity else ():
            unknown += sorted(set(terms.coefficients) - set(FEATURES))
        if unknown:
            raise ValueError(f"unknown features {unknown} (expected some of {list(FEATURES)})")
        return self

    def at(self, intensity: Intensity) -> JoiningModel:
        """The plain model at one intensity: the level's terms folded into intercept and weights.

        A model without intensity terms (the prior) is the same at every level.
        """
        if self.intensity is None:
            if self.conditional and intensity is not self.given:
                raise ValueError(
                    f"this model was taken at {self.given}; take {intensity} from the full model"
                )
            return self.model_copy(update={"given": intensity, "conditional": self.conditional})
        terms = self.intensity.terms.get(intensity, IntensityTerms())
        coef = dict(self.coefficients)
        for name, delta in terms.coefficients.items():
            coef[name] = round(coef.get(name, 0.0) + delta, 6)
        return self.model_copy(update={
            "intercept": round(self.intercept + terms.intercept, 6), "coefficients": coef,
            "level": terms.level or self.level, "intensity": None, "given": intensity, "conditional": True,
        })  # fmt: skip

    @property
    def knows_intensity(self) -> bool:
        """Whether its probabilities depend on the intensity."""
        return self.intensity is not None or self.conditional

    def vector(self) -> list[float]:
        """Coefficients in FEATURES order (0 for a feature the file leaves out)."""
        return [float(self.coefficients.get(f, 0.0)) for f in FEATURES]

    def probability(self, x: dict[str, float]) -> float:
        """P(join) for one candidate and side, from named feature values (tie features one-hot)."""
        ties = [f for f in TIE_ORDER if x.get(f, 0.0)]
        if not ties and not any(x.get(f, 0.0) for f in EXPOSURE):
            return 0.0
        z = self.intercept
        for f, v in x.items():
            if f in TIE_ORDER and (not ties or f != ties[0]):
                continue
            if f == "defense_strength" and (not ties or ties[0] != "defense_triggered"):
                continue
            z += self.coefficients.get(f, 0.0) * v
        return 1.0 / (1.0 + math.exp(-z))

    def first_round(self, p: float, u: float) -> float:
        """The first round's probability for plain probability p, in a war whose standard-normal draw is u."""
        if self.level is None or p <= 0.0 or p >= 1.0:
            return p
        z = self.level.logit(math.log(p / (1.0 - p)), u)
        return 1.0 / (1.0 + math.exp(-z))

    def unmeasured_today(self) -> list[str]:
        """The features this model weighs that today's world cannot measure (they are 0 there)."""
        return [f for f in UNMEASURED_TODAY if self.coefficients.get(f, 0.0)]

    @property
    def label(self) -> str:
        """A one-line name for outputs."""
        return f"{self.model} {self.version} ({self.kind})"


def load_model(path: str | os.PathLike[str] | None = None) -> JoiningModel:
    """Read a coefficient file: the shipped model for today's world when no path is given.

    `prior`, `calibrated` and `today` name the bundled files (unless a file of that name exists).
    """
    path = Path(path) if path is not None else None
    if path is None:
        path = next((p for p in (TODAY_PATH, CALIBRATED_PATH) if p.exists()), PRIOR_PATH)
    elif str(path) in BUNDLED and not path.exists():
        path = BUNDLED[str(path)]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError.single(path, None, "", f"cannot read model file: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise InputError.single(path, exc.lineno, "", f"invalid JSON: {exc.msg}") from None
    try:
        return JoiningModel.model_validate(data)
    except ValidationError as exc:
        raise InputError(
            [Problem(str(path), None, ".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
        ) from None
