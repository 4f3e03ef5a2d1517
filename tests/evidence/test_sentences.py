"""Sentence splitting: abbreviations, closing quotes, offsets that point into the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casus.evidence.sentences import sentences


def split(text: str) -> list[str]:
    return [s for _, s in sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    assert split("Mr. Smith met Gen. Park. The U.S. Russia talks resumed in Sept. 2024. J. Biden spoke.") == [
        "Mr. Smith met Gen. Park.",
        "The U.S. Russia talks resumed in Sept. 2024.",
        "J. Biden spoke.",
    ]


def test_a_capital_letter_after_a_lower_case_word_ends_its_sentence() -> None:
    text = "The foreign office posted on social media platform X. Pyongyang's support threatens Germany."
    assert [s for _, s in sentences(text)] == [
        "The foreign office posted on social media platform X.",
        "Pyongyang's support threatens Germany.",
    ]
    assert len(sentences("President Harry S. Truman spoke.")) == 1  # an initial after a name


def test_a_closing_quote_stays_with_its_sentence() -> None:
    text = ("Article 4 reads: “the other side shall provide military and other assistance.” "
            'The minister said: "It is binding." It was signed.')  # fmt: skip
    assert split(text) == [
        "Article 4 reads: “the other side shall provide military and other assistance.”",
        'The minister said: "It is binding."',
        "It was signed.",
    ]


def test_paragraphs_always_end_sentences() -> None:
    assert split("A headline without a stop\nThe body starts here.") == [
        "A headline without a stop",
        "The body starts here.",
    ]


PIECES = [*"Ab. ?!\"“”'\nUS", "Mr. ", "U.S. ", "Art. 5", " the ", ".” ", "A. "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80).map("".join))
def test_offsets_point_at_the_sentences_and_cover_the_text(text: str) -> None:
    got = sentences(text)
    for offset, s in got:
        assert text[offset : offset + len(s)] == s and s == s.strip() and s and "\n" not in s
    assert [o for o, _ in got] == sorted(o for o, _ in got)
    # nothing but white space falls between sentences
    assert "".join(s for _, s in got).replace(" ", "") == "".join(text.split())
