"""Headlines in title case or in capitals: lowered for the parser, and no given names in them."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from casus.evidence.gazetteer import default_gazetteer
from casus.evidence.headlines import headline_case, title_case_line

D = dt.date(2025, 6, 1)


def test_a_title_case_headline_is_parsed_in_lower_case_but_for_its_names() -> None:
    def lowered(text: str) -> str:
        return headline_case(text, [(m.start, m.end) for m in default_gazetteer().find(text, D)])

    assert lowered("Kuwait Expels Iranians After Third Missile Strike") == (
        "Kuwait expels Iranians after third missile strike"
    )
    assert lowered("Malawi Orders Troop Withdrawal From DRC After Soldiers Killed") == (
        "Malawi orders troop withdrawal from DRC after soldiers killed"
    )
    for text in (
        "Biden met with South Korean President Yoon Suk Yeol and Japanese Prime Minister Shigeru Ishiba.",
        "China condemns Japan over Taiwan remarks",
        "Russia Strikes Kyiv",  # too short to tell
    ):
        assert lowered(text) == text
    assert lowered("AMERICA ACCUSES YUGOSLAVIA") == "America accuses Yugoslavia"
    assert lowered("U.S. FLYING ARMS TO SOMALIA AFTER ETHIOPIAN RAIDS") == (
        "U.S. flying arms to Somalia after Ethiopian raids"
    )
    headline = "Chinese Coast Guard Vessels Harass Philippine Vessels Near Rozul Reef"
    assert len(lowered(headline)) == len(headline)  # the actors' offsets hold


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ABCİßŉǅaz .'’-:;UKS19\u1e9e"), max_size=60))
def test_a_lowered_headline_keeps_its_length_whatever_its_letters(text: str) -> None:
    assert len(headline_case(text, [])) == len(text)
    headline = f"Kuwait {text} Expels Iranians After Strike"
    assert len(headline_case(headline, [])) == len(headline)


def test_capitals_before_a_state_in_a_title_case_headline_are_no_given_names() -> None:
    headline = "Afghan Bombers Strike Pakistan Again"
    assert title_case_line(headline, headline.index("Pakistan"))
    found = {m.form.target for m in default_gazetteer().find(headline, dt.date(1987, 2, 28))}
    assert found == {"AFG", "PAK"}
    text = "Afghan jets struck again.\nAfghan Bombers Strike Pakistan Again\nIt was the second raid."
    assert title_case_line(text, text.index("Pakistan")) and not title_case_line(text, 3)
    # running text keeps the rule: "Rear Admiral Roy Vincent Trinidad" is a person
    sentence = "The ship was led by Rear Admiral Roy Vincent Trinidad."
    assert "TTO" not in {m.form.target for m in default_gazetteer().find(sentence, D)}
