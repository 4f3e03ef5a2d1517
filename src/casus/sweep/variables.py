"""The inputs a sweep may vary: assumptions, readings, overrides, the simulation's rounds and
intensity, and the joining model's coefficients; each a `Variable` that knows its type and range,
and the values a grid gives it (`casus.sweep.spec` builds the cells from them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import numpy as np

from casus.joining import FEATURES
from casus.model import Intensity
from casus.sweep.format import Span, Value

__all__ = ["ASSUMPTION_FLAGS", "Variable", "grid_values", "parse_variable", "within"]

ASSUMPTION_FLAGS = ("suppliers_are_cobelligerents", "honour_signed_not_in_force", "nuclear_deterrence")
_OVERRIDE = re.compile(r"^assumptions\.overrides\.([A-Z]{3})\.(fights|reliability)$")


@dataclass(frozen=True)
class Variable:
    """One varied input: where it goes and what values it takes."""

    key: str
    kind: Literal["bool", "int", "float", "str"]
    target: tuple[str, ...]  # path inside the scenario data, or ("model", ...)
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] | None = None  # the values a named-choice variable takes

    @property
    def numeric(self) -> bool:
        """Whether its values are ordered numbers (neighbours in a grid are adjacent values)."""
        return self.kind in ("int", "float")


def parse_variable(key: str) -> Variable:
    """The variable a `vary` key names; raises ValueError saying which keys exist."""
    if key.startswith("assumptions."):
        rest = key.removeprefix("assumptions.")
        if rest in ASSUMPTION_FLAGS:
            return Variable(key, "bool", ("assumptions", rest))
        if rest.startswith("readings."):
            reading = rest.removeprefix("readings.")
            return Variable(key, "str", ("assumptions", "readings", reading))
        m = _OVERRIDE.match(key)
        if m:
            state, what = m.groups()
            if what == "fights":
                return Variable(key, "bool", ("assumptions", "overrides", state, what))
            return Variable(key, "float", ("assumptions", "overrides", state, what), 0.0, 1.0)
    if key == "simulation.rounds":
        return Variable(key, "int", ("simulation", "rounds"), 1, 50)
    if key == "simulation.intensity":
        return Variable(key, "str", ("simulation", "intensity"), choices=tuple(i.value for i in Intensity))
    if key == "model.intercept":
        return Variable(key, "float", ("model", "intercept"))
    if key.startswith("model.coefficients."):
        feature = key.removeprefix("model.coefficients.")
        if feature in FEATURES:
            return Variable(key, "float", ("model", "coefficients", feature))
        raise ValueError(f"unknown model feature {feature!r} (expected one of {', '.join(FEATURES)})")
    raise ValueError(
        f"cannot vary {key!r}: expected assumptions.<{'|'.join(ASSUMPTION_FLAGS)}>, "
        "assumptions.readings.<treaty/article/question>, assumptions.overrides.<ISO3>.<fights|reliability>, "
        "simulation.rounds, simulation.intensity, model.intercept or model.coefficients.<feature>"
    )


def _typed(var: Variable, value: Value) -> Value:
    """A value coerced to the variable's type; raises ValueError when it cannot be."""
    if var.kind == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"{value!r} is not true or false")
        return value
    if var.kind == "str":
        if var.choices is not None:
            if not isinstance(value, str) or value.strip() not in var.choices:
                raise ValueError(f"{value!r} is not one of {', '.join(var.choices)}")
            return value.strip()
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{value!r} is not a reading id")
        return value.strip()
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{value!r} is not a number")
    if var.kind == "int":
        if float(value) != int(value):
            raise ValueError(f"{value!r} is not a whole number")
        value = int(value)
    else:
        value = float(value)
        if not np.isfinite(value):
            raise ValueError(f"{value!r} is not a finite number")
    if (var.lo is not None and value < var.lo) or (var.hi is not None and value > var.hi):
        raise ValueError(f"{value!r} is outside {var.lo:g}..{var.hi:g}")
    return value


def grid_values(var: Variable, values: list[Value] | Span) -> list[Value]:
    """The distinct values a variable takes in a grid, in the file's order."""
    if isinstance(values, Span):
        if not var.numeric:
            raise ValueError("from/to/steps needs a numeric input")
        raw: list[Value] = [round(float(x), 12) for x in np.linspace(values.start, values.stop, values.steps)]
        if var.kind == "int":
            raw = [round(float(x)) for x in raw]
    else:
        raw = list(values)
    out: list[Value] = []
    for v in raw:
        t = _typed(var, v)
        if t not in out:
            out.append(t)
    return out


def within(var: Variable, span: Span) -> bool:
    """Whether a from/to span lies within the variable's range."""
    lo, hi = sorted((span.start, span.stop))
    return (var.lo is None or lo >= var.lo) and (var.hi is None or hi <= var.hi)
