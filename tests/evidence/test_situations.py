"""Events stated without a trigger word of the usual kind: airspace crossed, troops present, a
defence treaty invoked (sentences from published articles of the development gold set)."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.evidence.parse import ReaderUnavailable, pipeline
from casus.evidence.read import read_document
from casus.evidence.sources import Document

try:
    pipeline()
except ReaderUnavailable as exc:  # pragma: no cover - the dev environment installs it
    pytest.skip(f"the English pipeline is not usable here: {exc}", allow_module_level=True)


def read(text: str) -> list[tuple[str | None, str, str | None, str]]:
    got = read_document(Document("t", None, None, text), on=dt.date(2025, 9, 20), coder="parse").claims
    return [(c.subject, c.relation, c.object, c.polarity) for c in got]


def test_airspace_violated_by_a_possessor_and_into_two_states_at_once() -> None:
    got = read("Lithuania condemns Russia's violations of NATO airspace and supports the allies affected.")
    assert ("RUS", "coerce", "NATO", "positive") in got
    got = read(
        "The latest incident comes after Russian drones entered Polish and Romanian airspace earlier in September."
    )
    assert {("RUS", "coerce", "POL", "positive"), ("RUS", "coerce", "ROU", "positive")} <= set(got)


def test_its_airspace_is_the_state_that_says_so_not_its_alliance() -> None:
    got = read(
        "Fellow NATO member Romania said on Sunday that a Russian attack drone targeting civilian "
        "infrastructure in neighboring Ukraine overnight had entered its airspace."
    )
    assert ("RUS", "coerce", "ROU", "positive") in got
    assert not [c for c in got if c[2] == "NATO"]


def test_troops_said_to_be_in_a_state_were_sent_there() -> None:
    got = read("As many as 12,000 North Korean soldiers are in Russia to fight Ukrainian forces.")
    assert ("PRK", "send_troops", "RUS", "positive") in got
    assert ("PRK", "attack", "UKR", "positive") in got


def test_a_defence_treaty_invoked_or_not_is_a_call_on_the_partner() -> None:
    got = read(
        "The Philippines said on Friday it has no plan to invoke its mutual defence treaty with US after the "
        "Chinese coast guard reportedly rammed, boarded and used machetes and axes to damage two Philippine "
        "navy boats."
    )
    assert ("PHL", "request_aid", "USA", "negative") in got
    # the ramming happened: the denial of a plan does not reach into the clause of what came before
    assert ("CHN", "coerce", "PHL", "positive") in got
    got = read(
        "Officials squelched speculation that Manila might consider invoking the 1951 treaty to secure U.S. military help."
    )
    assert ("PHL", "request_aid", "USA", "positive") in got


def test_a_state_held_responsible_is_accused_by_whoever_holds_it() -> None:
    # sentences from published articles of the development gold set (dev-zd, z5t, z7p, z6y)
    got = read(
        "A spokesman for China’s Foreign Ministry laid responsibility for the incident on the Philippines."
    )
    assert ("CHN", "accuse", "PHL", "positive") in got
    got = read(
        "According to the same source, the Pakistani government holds the Taliban administration directly "
        "responsible for the failure of this round of negotiations."
    )
    assert ("PAK", "accuse", "AFG", "positive") in got
    got = read(
        "But US Ambassador to the world body, Kelly Craft, told the Council that emerging information on the "
        "attacks “indicates that responsibility lies with Iran”."
    )
    assert ("USA", "accuse", "IRN", "positive") in got


def test_responsibility_for_what_is_cared_for_or_wished_is_no_charge() -> None:
    assert not read(
        'He noted that France and Germany "bear great responsibility" for peace and security in Europe.'
    )
    got = read(
        'He said Syria awaits a stand from U.N. Secretary General Ban Ki-moon "that would hold Israel '
        'responsible and demands that it ceases"'
    )
    assert not [c for c in got if c[1] == "accuse"]
