"""The reader's word lists and patterns: the cheap guard before the pledge pattern changes nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from casus.evidence.gold import load_gold
from casus.evidence.lexicon import _TREATY_LANGUAGE, TREATY_LANGUAGE

GOLD = Path(__file__).parent / "gold"
WORDS = ["an", "attack", "on", "one", "is", "all", "if", "either", "attacked", "mutual", "defence", "pledges",
         "come", "to", "each", "other's", "aid", "the", "in", "event", "of", "aggression", "against", "both", "."]  # fmt: skip


def _same(text: str) -> None:
    plain, guarded = _TREATY_LANGUAGE.search(text), TREATY_LANGUAGE.search(text)
    assert (plain and plain.span()) == (guarded and guarded.span()), text


def test_the_guard_keeps_every_match_of_the_development_sentences() -> None:
    for path in sorted(GOLD.glob("dev-*.yaml")):
        for article in load_gold(path):
            for s in article.sentences:
                _same(s.text)


@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_the_guard_keeps_every_match_of_pledge_like_word_salad(words: list[str]) -> None:
    _same(" ".join(words))


def test_the_parse_gate_takes_trigger_words_and_not_their_look_alikes() -> None:
    from casus.evidence.lexicon import CANDIDATE, NOUN_TRIGGERS, UNGATED, VERB_TRIGGERS

    for lemma in [*VERB_TRIGGERS, *NOUN_TRIGGERS]:
        assert CANDIDATE.search(f"They {lemma} it.") or lemma in UNGATED, lemma
    # a verb left out of the gate passes it by the words it needs
    assert CANDIDATE.search("They warned of repercussions.") and CANDIDATE.search(
        "It warned of retaliatory steps."
    )
    for word in ("struck", "shipped", "supplied", "striking", "deployment", "troops", "manoeuvres"):
        assert CANDIDATE.search(f"It was {word}."), word
    for text in ("The weather in Warsaw was international news.", "He warned of a significant transition."):
        assert not CANDIDATE.search(text), text


_PLEDGE_BITS = ["if", "either", "party", "is", "attacked", "an", "ATTACK", "on", "one", "shall", "be", "all",
                "come to", "each other's", "aid", "Mutual", "defence", "pledges of", "in the event", "of",
                "aggression", "against", "ı", "ſ", "K", "é", ".", ";", "as if it", "were", "invaded"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PLEDGE_BITS), max_size=25))
def test_the_treaty_language_guard_never_hides_a_match(bits: list[str]) -> None:
    """The guarded, remembered pattern finds what the bare pattern finds, on ASCII text (the
    lower-cased substring test) and beyond it (the case-blind guard), asked once or twice."""
    text = " ".join(bits)
    want = _TREATY_LANGUAGE.search(text)
    for _ in range(2):
        got = TREATY_LANGUAGE.search(text)
        assert (got is None) == (want is None)
        assert got is None or want is None or got.span() == want.span()
