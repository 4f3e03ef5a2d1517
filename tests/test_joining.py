"""The joining model's contract: named features, intensity terms folded in by `at`."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.joining import FEATURES, IDX, INTERACTIONS, REFERENCE_INTENSITY, load_model
from casus.model import Intensity


def test_positions_are_named_from_the_feature_list() -> None:
    assert [IDX[f] for f in FEATURES] == list(range(len(FEATURES)))
    assert FEATURES[IDX["nuclear_opposed"]] == "nuclear_opposed"


@pytest.mark.parametrize("name", ["today", "calibrated"])
def test_the_shipped_models_are_conditional_on_the_intensity(name: str) -> None:
    m = load_model(Path(name))
    assert m.intensity is not None and m.intensity.reference is REFERENCE_INTENSITY
    assert set(m.intensity.terms) == set(Intensity) - {REFERENCE_INTENSITY}
    ref = m.at(REFERENCE_INTENSITY)
    assert ref.intercept == m.intercept and ref.coefficients == m.coefficients and ref.level == m.level
    war = m.at(Intensity.WAR)
    terms = m.intensity.terms[Intensity.WAR]
    assert war.intercept == pytest.approx(m.intercept + terms.intercept)
    for f in INTERACTIONS[Intensity.WAR]:
        assert war.coefficients[f] == pytest.approx(m.coefficients[f] + terms.coefficients[f])
    assert war.level == terms.level and war.level is not None  # war's own per-war level
    # the levels are ordered: a war draws states in far more than a threat does
    shifts = [m.intensity.terms[i].intercept if i in m.intensity.terms else 0.0 for i in Intensity]
    assert shifts == sorted(shifts)
    assert war.given is Intensity.WAR and war.knows_intensity and war.intensity is None
    with pytest.raises(ValueError, match="taken at war"):
        war.at(Intensity.THREAT)
    assert war.at(Intensity.WAR) == war


def test_the_prior_is_the_same_at_every_intensity() -> None:
    prior = load_model(Path("prior"))
    assert not prior.knows_intensity
    a, b = prior.at(Intensity.THREAT), prior.at(Intensity.WAR)
    assert a.coefficients == b.coefficients == prior.coefficients and a.intercept == b.intercept
