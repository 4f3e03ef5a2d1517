"""Trigger words and the relations they name, resolved by what follows them (sentences from
published articles of the development gold set, some shortened)."""

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


def triples(text: str, on: dt.date = dt.date(2025, 1, 1)) -> set[tuple[str | None, str, str | None]]:
    got = read_document(Document("t", None, None, text), on=on, coder="parse").claims
    return {(c.subject, c.relation, c.object) for c in got}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Putin thanked North Korea at that time for its participation in the war.",
            ("RUS", "support_politically", "PRK"),
        ),
        (
            "Philippine diplomats summoned a Chinese Embassy official in Manila on Monday.",
            ("PHL", "oppose", "CHN"),
        ),
        (
            "North Korea has been shaping up as Russia's leading outside weapons supplier.",
            ("PRK", "transfer_arms", "RUS"),
        ),
        (
            "North Korea sent containers to Russia that could contain as many as 6 million artillery shells.",
            ("PRK", "transfer_arms", "RUS"),
        ),
        (
            "The Pakistan Army confirmed that it had suffered missile strikes from the Indian Air Force.",
            ("IND", "attack", "PAK"),
        ),
        ("Poland hosts about 10,000 US troops.", ("USA", "send_troops", "POL")),
        ("Lai rejects Beijing's sovereignty claims.", ("TWN", "oppose", "CHN")),
        (
            "South Korea and the United States agreed to strengthen cooperation on extended deterrence.",
            ("KOR", "cooperate_militarily", "USA"),
        ),
        (
            "Article 5 stipulates that the United States is obliged to defend Japan.",
            ("USA", "assist_militarily", "JPN"),
        ),
        (
            "Putin flew to Pyongyang for a meeting with North Korean leader Kim Jong Un.",
            ("RUS", "consult", "PRK"),
        ),
    ],
)
def test_relations_named_by_their_objects(text: str, want: tuple[str, str, str]) -> None:
    got = triples(text)
    assert want in got or (
        want[1] in ("consult", "cooperate_militarily") and (want[2], want[1], want[0]) in got
    ), got


def test_troops_and_weapons_sent_together_are_both() -> None:
    got = triples(
        "North Korea has already sent thousands of troops and conventional weapons to support Russia's war against Ukraine."
    )
    assert {("PRK", "send_troops", "RUS"), ("PRK", "transfer_arms", "RUS")} <= got
    assert not [t for t in got if t[1] == "support_politically"]  # the sending is the support


def test_sent_to_a_war_is_not_sent_to_where_it_is_fought() -> None:
    got = triples(
        "The North has recently decided to send four brigades of 12,000 soldiers to the war in Ukraine.",
        dt.date(2024, 10, 18),
    )
    assert not [t for t in got if t[2] == "UKR"]


def test_the_north_is_north_korea_where_the_article_names_it() -> None:
    got = triples(
        "North Korea fired missiles. Seoul said the North has sent troops to Russia.", dt.date(2024, 10, 18)
    )
    assert ("PRK", "send_troops", "RUS") in got
    from casus.evidence.gazetteer import default_gazetteer

    text = "North Korea fired missiles. The North Atlantic Council met; the South China Sea was calm. The South protested."
    found = {(m.text, m.form.target) for m in default_gazetteer().find(text, dt.date(2024, 10, 18))}
    assert ("The South", "KOR") in found
    assert not [t for t, _ in found if t in ("The North", "the South")]  # "North Atlantic", "South China Sea"


def test_what_a_pact_may_deter_and_a_decree_signed_are_no_events() -> None:
    assert not [
        t for t in triples("The pact may not deter an Indian offensive against Pakistan.") if t[1] == "attack"
    ]
    assert not [
        t
        for t in triples("Putin signed a decree which extends Russia's nuclear umbrella to Belarus.")
        if t[1] == "agree_sign"
    ]


def test_praise_for_a_deal_names_no_one_supported() -> None:
    assert not triples('Putin hailed the deal in June as a "breakthrough document".')


def test_a_fear_of_what_may_come_is_not_a_protest() -> None:
    got = triples(
        "Washington and Seoul have expressed concern that Kim Jong Un may seek Russian technology transfers."
    )
    assert not [t for t in got if t[1] == "oppose"]
    assert ("PRK", "request_aid", "RUS") in got


def test_shows_of_force_and_joint_exercises() -> None:
    on = dt.date(2024, 9, 12)
    got = triples(
        "North Korea fired multiple short-range ballistic missiles off its east coast on Thursday.", on
    )
    assert not got  # a show of force toward no one named: not coded, and no attack
    got = triples(
        "South Korea's military said it fired warning shots near the border after North Korean troops crossed it.",
        on,
    )
    assert not [t for t in got if t[1] == "attack"]
    got = triples(
        "The United States, South Korea and Japan opened an air and naval exercise off a South Korean island.",
        on,
    )
    pairs = {frozenset((a, b)) for a, r, b in got if r == "cooperate_militarily" and b is not None}
    assert pairs == {frozenset(p) for p in (("USA", "KOR"), ("USA", "JPN"), ("KOR", "JPN"))}
    assert ("RUS", "cooperate_militarily", "BLR") in triples(
        "Extremely aggressive Russian-Belarusian maneuvers will begin on Friday."
    )
    assert ("NATO", "cooperate_militarily", None) in triples(
        "NATO is conducting exercises on its side of the border."
    )


def test_three_states_listed_in_apposition_each_sign() -> None:
    got = triples(
        "Three Sahel nations, Mali, Niger and Burkina Faso, came together to ink a security pact.",
        dt.date(2023, 9, 16),
    )
    assert {frozenset((a, b)) for a, r, b in got if r == "agree_sign" and b} == {
        frozenset(p) for p in (("MLI", "NER"), ("MLI", "BFA"), ("NER", "BFA"))
    }


def test_no_state_defended_and_no_deal_sealed() -> None:
    assert not triples(
        '"The United States will not hesitate to take action to defend lives and the free flow of commerce," Austin said.'
    )
    assert not triples("It comes days after North Korea vowed to permanently seal off its southern border.")
    assert ("USA", "assist_militarily", "JPN") in triples("The United States will defend Japan.")
