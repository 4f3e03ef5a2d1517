"""Which sentences the parser is given, and what each carries from the sentences before it."""

from __future__ import annotations

import datetime as dt

from casus.evidence.gate import Todo, gate
from casus.evidence.gazetteer import default_gazetteer
from casus.evidence.sentences import sentences

D = dt.date(2025, 6, 1)


def _todo(text: str) -> list[Todo]:
    return gate(sentences(text), default_gazetteer().find(text, D)).todo


def test_three_states_named_as_a_list_are_a_group_for_the_sentences_after() -> None:
    todo = _todo(
        "Mali, Niger and Burkina Faso signed a charter on Saturday. "
        "The three countries signed a defence pact. France and Algeria held talks. All three nations condemned it."
    )
    assert [t.group for t in todo] == [
        [],
        ["MLI", "NER", "BFA"],
        ["MLI", "NER", "BFA"],
        ["MLI", "NER", "BFA"],
    ]
    # the group is the last sentence's that named two or more states only until another names two
    assert [t.group_last for t in todo] == [False, True, True, False]


def test_states_named_but_not_as_a_list_are_no_group() -> None:
    todo = _todo(
        "Russia's drones crossed into Poland after striking Ukraine. The three countries signed a pact."
    )
    assert all(t.group == [] for t in todo)


def test_a_sentence_naming_the_group_only_by_its_number_is_parsed() -> None:
    text = "Japan, South Korea and the United States began drills. All three condemned the launch."
    assert [t.text.split()[0] for t in _todo(text)] == ["Japan,", "All"]
    assert [t.text.split()[0] for t in _todo("Japan began drills. All three condemned the launch.")] == [
        "Japan"
    ]


def test_the_dateline_gives_the_state_a_report_was_filed_from() -> None:
    text = "MANILA, Philippines — Chinese ships fired water cannons at a supply boat, the military said."
    g = gate(sentences(text), default_gazetteer().find(text, D))
    assert g.filed_from == "PHL"


def test_the_dateline_s_place_is_not_one_of_a_list_after_it() -> None:
    todo = _todo(
        "MANILA, Philippines — China, Russia and Iran held naval drills. The three countries signed a pact."
    )
    assert todo[-1].group == ["CHN", "RUS", "IRN"]


def test_an_outlets_name_and_a_slash_open_a_sentence_as_a_dateline() -> None:
    from casus.evidence.gate import DATELINE

    m = DATELINE.match(
        "Shafaq News/A spokesperson of the Iraqi government on Wednesday condemned airstrikes."
    )
    assert m is not None and m.group(0) == "Shafaq News/"
    assert DATELINE.match("Islamabad/Kabul relations soured.") is None


def test_a_wire_dateline_closed_by_a_full_stop_and_a_dash() -> None:
    from casus.evidence.gate import DATELINE

    # an A.A.P. cable in The Sydney Morning Herald of 12 June 1947
    m = DATELINE.match("NEW YORK, June 11 (A.A.P.).-The Chinese Government is protesting to Russia.")
    assert m is not None and m.group(0) == "NEW YORK, June 11 (A.A.P.).-"


def test_agence_france_presse_names_no_state() -> None:
    import datetime as dt

    from casus.evidence.gazetteer import default_gazetteer

    text = "A source told Agence France-Presse that France and Air France were not involved."
    found = [(m.text, m.form.target) for m in default_gazetteer().find(text, dt.date(2025, 9, 22))]
    assert found == [("France", "FRA")]


def test_the_two_leaders_are_the_states_of_the_leaders_named_last() -> None:
    # not the last two states named: Israel struck Doha, Tamim visits Jordan
    todo = _todo(
        "Sheikh Tamim, the emir of Qatar, arrived in Amman on Tuesday. The visit marks his first trip to "
        "Jordan since last week's Israeli airstrike on Doha. Expanded talks between the two leaders began."
    )
    assert todo[-1].context == ["QAT", "JOR"]
    # two leaders named, no state: the sentence is parsed, with their states as the pair
    todo = _todo("Putin hosted Vucic in the Kremlin. The two leaders held talks.")
    assert [t.context for t in todo if "two leaders" in t.text] == [["RUS", "SRB"]]
    # "the two countries" are still the last two states named
    todo = _todo(
        "Putin flew to Pyongyang. North Korea and Russia signed a treaty. The two countries held drills."
    )
    assert todo[-1].context == ["PRK", "RUS"]
