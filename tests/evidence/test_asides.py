"""Asides: sentences the article does not state as its own report."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.evidence.asides import aside
from casus.evidence.read import read_document
from casus.evidence.sources import Document


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("READ: PCG says Chinese vessel 'deliberately rammed' government ship", "link to another story"),
        ("Also Read : Russia plans Putin's visit to India in early December", "link to another story"),
        ("Read more: Kim Jong Un Tests Rockets to Hit Seoul", "link to another story"),
        ("RELATED: Judge blocks the deportations", "link to another story"),
        (
            "Louai Beshara / AFP via Getty Images A man walks past, following Israeli strikes.",
            "photo caption",
        ),
        ("Trump meets Rutte in The Hague, June 25, 2025. (AP Photo/Alex Brandon)", "photo caption"),
        ("Syrian troops entered Suwayda on Tuesday [Karam al-Masri/Reuters]", "photo caption"),
        ("Blinken and Austin announced funding for the Philippines. © AFP/Jam Sta Rosa", "photo caption"),
        ("Photo: KCNA via Reuters", "photo caption"),
        ("What did John Healey say after a Russian spy ship targeted RAF pilots?", "question"),
        ('"And isn\'t this a serious escalation?" he asked.', None),
        ("Russia reads more: it read the treaty.", None),
        ("IMAGE: A satellite view shows Fordow after the US struck the facility near Qom.", None),
        ("Israel struck Syria on Monday, officials said.", None),
    ],
)
def test_aside(sentence: str, kind: str | None) -> None:
    assert aside(sentence) == kind


def test_no_claims_from_asides() -> None:
    text = (
        "Israel struck Syria on Monday, officials said.\n"
        "READ: Israel strikes Iran again\n"
        "What did Healey say after a Russian spy ship targeted RAF pilots?\n"
        "Louai Beshara / AFP via Getty Images A man walks past, following Israeli strikes on Lebanon."
    )
    r = read_document(Document("t", None, dt.date(2025, 6, 1), text))
    assert {(c.subject, c.relation, c.object) for c in r.claims} == {("ISR", "attack", "SYR")}
    assert {a.id for a in r.actors} >= {"IRN", "GBR", "LBN"}  # actors are still counted


def test_a_quoted_question_someone_asked_is_a_question() -> None:
    from casus.evidence.asides import aside

    assert aside('"Why didn\'t the Saudis sign an agreement with Egypt?" another man asked.') == "question"
    assert aside('"Russia attacked us," he said.') is None


def test_a_caption_whose_credit_stands_alone_and_a_listed_headline_are_asides() -> None:
    from casus.evidence.asides import aside, asides

    text = (
        "Israel struck Syria on Monday, officials said.\n"
        "The site of a Russian drone attack in Sumy, Ukraine. Pic/AFP\n"
        "- Eight Pakistanis Killed In Southeastern Iran\n"
        "- North Korean soldiers are co-belligerents with Russia if they join the fight."
    )
    r = read_document(Document("t", None, dt.date(2025, 6, 1), text))
    assert ("RUS", "attack", "UKR") not in {(c.subject, c.relation, c.object) for c in r.claims}
    assert aside("- Eight Pakistanis Killed In Southeastern Iran") == "link to another story"
    assert aside("- North Korean soldiers are co-belligerents with Russia if they join the fight.") is None
    # a caption of its own after a sentence leaves that sentence the article's
    said = "Iran vowed to avenge the US bombing of its nuclear sites."
    assert said not in asides(
        [said, "IMAGE: A satellite view shows the Fordow complex after the US struck it, near Qom."]
    )
