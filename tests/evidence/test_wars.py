"""Wars between two states and who fights whom (`casus.evidence.wars`), on real parses."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.evidence.gazetteer import default_gazetteer
from casus.evidence.parse import ReaderUnavailable, pipeline
from casus.evidence.parsed import Sentence
from casus.evidence.triggers import relation
from casus.evidence.wars import between, fought

try:
    pipeline()
except ReaderUnavailable as exc:  # pragma: no cover - the dev environment installs it
    pytest.skip(f"the English pipeline is not usable here: {exc}", allow_module_level=True)

D = dt.date(2025, 6, 1)


def parsed(text: str) -> Sentence:
    return Sentence(pipeline()(text), default_gazetteer().find(text, D), on=D)


def test_a_war_is_between_the_two_states_named() -> None:
    s = parsed("Hostilities erupted between India and Pakistan in May.")
    tok = next(t for t in s.doc if t.lower_ == "hostilities")
    assert between(s, tok, "attack") == ["IND", "PAK"]
    # security guarantees between two states: both of them (each pledged to the other); aid is not
    g = parsed("Security guarantees between Russia and Belarus were signed.")
    assert between(g, next(t for t in g.doc if t.lower_ == "guarantees"), "assist_militarily") == [
        "RUS",
        "BLR",
    ]
    a = parsed("Military aid between Russia and Belarus grew.")
    assert between(a, next(t for t in a.doc if t.lower_ == "aid"), "assist_militarily") == []


def test_troops_fighting_beside_a_state_were_sent_there_and_name_no_enemy() -> None:
    s = parsed("North Korean troops have been fighting alongside Russia.")
    tok = next(t for t in s.doc if t.lemma_ == "fight")
    assert relation(tok) == "~fight"
    assert fought(s, tok, ["PRK"]) == [("send_troops", ["RUS"])]
    against = parsed("North Korean troops fought against Ukraine.")
    tok = next(t for t in against.doc if t.lemma_ == "fight")
    assert ("attack", ["UKR"]) in fought(against, tok, ["PRK"])
