"""Treaty model: dates, membership, suspensions, provisions."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from casus.model import Automaticity, Treaty

D = dt.date


def make(**over: object) -> Treaty:
    base: dict[str, object] = {
        "id": "t-1",
        "title": "T",
        "short_name": "T",
        "kind": "treaty",
        "binding": True,
        "signed": "2000-01-01",
        "in_force": "2000-06-01",
        "source": {"title": "T", "publisher": "P"},
        "parties": [
            {"state": "AAA"},
            {"state": "BBB"},
            {"state": "CCC", "joined": "2005-01-01", "left": "2010-01-01"},
        ],
        "provisions": [
            {
                "article": "Art. 1",
                "text": "x",
                "verbatim": False,
                "type": "defense",
                "trigger": "armed_attack",
                "automaticity": "deems_necessary",
                "direction": "mutual",
            }
        ],
    }
    base.update(over)
    return Treaty.model_validate(base)


def test_status_over_time() -> None:
    t = make(ended="2020-01-01")
    assert t.status_on(D(1999, 12, 31)) == "not_signed"
    assert t.status_on(D(2000, 3, 1)) == "signed"
    assert t.status_on(D(2000, 6, 1)) == "in_force"
    assert t.status_on(D(2019, 12, 31)) == "in_force"
    assert t.status_on(D(2020, 1, 1)) == "ended"


def test_parties_follow_accession_and_withdrawal() -> None:
    t = make()
    assert t.parties_on(D(2004, 12, 31)) == ["AAA", "BBB"]
    assert t.parties_on(D(2005, 1, 1)) == ["AAA", "BBB", "CCC"]
    assert t.parties_on(D(2010, 1, 1)) == ["AAA", "BBB"]


def test_signatories_count_before_entry_into_force() -> None:
    t = make()
    assert t.parties_on(D(2000, 3, 1)) == ["AAA", "BBB"]
    assert t.parties_on(D(1999, 3, 1)) == []


def test_suspension_window() -> None:
    t = make(suspensions=[{"state": "BBB", "start": "2001-01-01", "kind": "suspended", "toward": ["AAA"]}])
    assert t.suspensions_on(D(2000, 12, 31)) == []
    assert [s.state for s in t.suspensions_on(D(2030, 1, 1))] == ["BBB"]


def test_dates_must_be_in_order() -> None:
    with pytest.raises(ValidationError, match="before signed"):
        make(in_force="1999-01-01")
    with pytest.raises(ValidationError, match="not after"):
        make(ended="2000-06-01")


def test_directed_needs_obligors_and_beneficiaries() -> None:
    prov = make().provisions[0].model_dump()
    prov["direction"] = "directed"
    with pytest.raises(ValidationError, match="obligors and beneficiaries"):
        make(provisions=[prov])


def test_contested_default_must_be_a_reading() -> None:
    prov = make().provisions[0].model_dump()
    prov["contested"] = [
        {
            "id": "q",
            "question": "?",
            "default": "c",
            "readings": [
                {"id": "a", "label": "A"},
                {"id": "b", "label": "B", "overrides": {"state_of_war_required": True}},
            ],
        }
    ]
    with pytest.raises(ValidationError, match="default 'c' is not one of"):
        make(provisions=[prov])
    prov["contested"][0]["readings"][0]["overrides"] = {"nonsense": 1}
    prov["contested"][0]["default"] = "a"
    with pytest.raises(ValidationError, match="cannot override nonsense"):
        make(provisions=[prov])


def test_automaticity_is_ordered() -> None:
    order = [
        Automaticity.IMMEDIATE_ALL_MEANS,
        Automaticity.ALL_MEANS,
        Automaticity.DEEMS_NECESSARY,
        Automaticity.CONSTITUTIONAL_PROCESSES,
        Automaticity.UNSPECIFIED,
        Automaticity.CONSULTATION_ONLY,
        Automaticity.DECLARATORY,
    ]
    ranks = [a.rank for a in order]
    assert ranks == sorted(ranks, reverse=True) and len(set(ranks)) == len(ranks)
    assert Automaticity.NOT_APPLICABLE.rank is None


def test_policy_instruments_are_told_apart() -> None:
    assert not make().is_policy
    assert make(kind="domestic_law", binding=False).is_policy


def test_unverified_memberships_are_known_by_date_and_need_a_note() -> None:
    t = make(
        parties=[
            {"state": "AAA"},
            {"state": "BBB", "verified": False, "rests_on": "a secondary coding"},
            {"state": "CCC", "joined": "2005-01-01", "verified": False, "rests_on": "a signature list"},
            {"state": "CCC", "joined": "2012-01-01"},
        ]
    )
    assert set(t.unverified_on(D(2001, 1, 1))) == {"BBB"}
    assert set(t.unverified_on(D(2006, 1, 1))) == {"BBB", "CCC"}
    # a verified spell covering the date settles the question
    assert set(t.unverified_on(D(2013, 1, 1))) == {"BBB"}
    with pytest.raises(ValidationError, match="needs `rests_on`"):
        make(parties=[{"state": "AAA"}, {"state": "BBB", "verified": False, "note": "unsure"}])
    with pytest.raises(ValidationError, match="is for unverified"):
        make(parties=[{"state": "AAA"}, {"state": "BBB", "rests_on": "ATOP"}])
