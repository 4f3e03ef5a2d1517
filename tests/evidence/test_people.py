"""People an article introduces with their state, and their surnames later in it."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from hypothesis import example, given, settings
from hypothesis import strategies as st

from casus.evidence.gazetteer import default_gazetteer
from casus.evidence.people import introduced_people

D = dt.date(2025, 6, 1)


def people(text: str) -> dict[str, str]:
    found = introduced_people(text, default_gazetteer().find(text, D))
    return {m.text: m.form.target for m in found if m.form.office == "introduced"}


def test_a_title_after_the_state_ties_the_name_and_its_surname_to_it() -> None:
    text = (
        "Philippine Coast Guard spokesperson Jay Tarriela met Japan's Vice Foreign Minister Takehiro Funakoshi on Monday. "
        "Tarriela said the talks went well, and Funakoshi agreed."
    )
    assert people(text) == {
        "Jay Tarriela": "PHL",
        "Takehiro Funakoshi": "JPN",
        "Tarriela": "PHL",
        "Funakoshi": "JPN",
    }
    # a name the gazetteer knows (the foreign secretary, by office and term) is not learned again
    assert "Manalo" not in people("Philippine Foreign Secretary Enrique Manalo spoke. Manalo said so.")


def test_a_title_after_the_name_names_the_state_too() -> None:
    text = "Alexander Bortnikov, head of Russia's security service, spoke. Bortnikov said so."
    assert people(text) == {"Alexander Bortnikov": "RUS", "Bortnikov": "RUS"}
    text = "Kim Song Nam, North Korea's foreign minister, arrived. Kim Song Nam said nothing."
    assert people(text)["Kim Song Nam"] == "PRK"
    # an indefinite title, a department's name in it
    text = "Vedant Patel, a U.S. State Department spokesperson, said so. Patel blamed China."
    assert people(text) == {"Vedant Patel": "USA", "Patel": "USA"}
    assert people("Ana Cruz, a Philippine fisherman, said so.") == {}


def test_a_title_and_body_before_the_name_and_a_comma_name_the_state() -> None:
    text = "Director of Russia’s Federal Security Service (FSB), Alexander Bortnikov, warned Poland."
    assert people(text) == {"Alexander Bortnikov": "RUS"}
    # the full stops of "U.S." end no sentence; a title of two bodies names no one state
    assert people("It spoke. U.S. Ambassador to NATO, Matthew Witaker, reaffirmed solidarity.") == {}
    # an ordinary clause before the comma is no title
    assert people("In a letter to the foreign minister of Ukraine, John Smith wrote.") == {}


def test_family_names_come_first_where_they_are_written_first() -> None:
    text = "Chinese Foreign Ministry spokesperson Lin Jian said so on Monday. Lin added a warning."
    assert people(text) == {"Lin Jian": "CHN", "Lin": "CHN"}


def test_former_officials_office_names_and_sentence_breaks_tie_no_one() -> None:
    assert people("Former Philippine President Rodrigo Duterte spoke. Duterte left.") == {}
    # the title begins after a full stop: Taiwan is not the minister's state
    assert people("It sailed near Taiwan. Defence Minister Richard Marles said it was lawful.") == {}
    # "Security Council" is part of the White House office's name, not the UN
    assert people("White House National Security Council spokesman Sean Savett said so.") == {}
    # a weekday is not a name
    assert people("On Tuesday, Qatari Prime Minister and Foreign Minister spoke.") == {}


def test_a_name_the_gazetteer_knows_keeps_its_meaning() -> None:
    assert "Vladimir Putin" not in people("Russian President Vladimir Putin said so. Putin left.")


def test_introduced_people_are_read_as_their_state() -> None:
    from casus.evidence.read import read_document
    from casus.evidence.sources import Document

    text = (
        "Philippine Foreign Secretary Enrique Manalo met reporters in Manila on Monday. "
        "Manalo condemned China for the collision."
    )
    cs = read_document(Document("t", None, None, text), on=D).claims
    assert ("PHL", "oppose", "CHN") in {(c.subject, c.relation, c.object) for c in cs}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"ab Ru's,.-", "Russia", " Minister ", " Ivan Petrov", ", head of ", "former"]), max_size=60).map("".join))  # fmt: skip
def test_any_text_keeps_the_gazetteer_mentions_sorted_and_apart(text: str) -> None:
    base = default_gazetteer().find(text, D)
    out = introduced_people(text, base)
    assert [m for m in out if m.form.office != "introduced"] == base
    spans = [(m.start, m.end) for m in out]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))


def test_a_speaker_is_named_next_to_a_speech_verb() -> None:
    from casus.evidence.people import named_speaker

    assert (
        named_speaker("Foreign Office spokesperson Shafqat Ali Khan told reporters on Friday.")
        == "Shafqat Ali Khan"
    )
    assert named_speaker("The pact is purely defensive, said Shafqat Ali Khan.") == "Shafqat Ali Khan"
    assert named_speaker("On Tuesday the Prime Minister said nothing.") is None
    # a name that opens with initials, and more ways of saying
    said = "In a statement posted on X, Australian Ambassador HK Yu reiterated that the ruling is binding."
    assert named_speaker(said) == "HK Yu"
    assert named_speaker("Ishaq Dar underlined that the pact is defensive.") == "Ishaq Dar"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"ab ,.", "said", " Ivan Petrov", "On Monday", " told ", "Minister"]), max_size=40).map("".join))  # fmt: skip
@example(" told On Mondaya  Ivan Petrov")
def test_a_named_speaker_is_a_name_in_the_sentence(text: str) -> None:
    from casus.evidence.people import named_speaker

    name = named_speaker(text)
    # the name's words as they stand in the text (runs of spaces between them become one)
    assert name is None or name in " ".join(text.split())


def test_a_known_leaders_short_name_stands_for_him_when_no_one_shares_it() -> None:
    assert people("North Korean leader Kim Jong Un met Lavrov. Kim said the pact was firm.") == {"Kim": "PRK"}
    # two Kims in the text: "Kim" alone is neither
    both = "North Korean leader Kim Jong Un met South Korean Defense Minister Kim Yong-hyun. Kim said so."
    assert "Kim" not in people(both)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"ab ,.", "Russian", " President Vladimir Putin", "the Russian leader", " his country", "Kim Jong Un", " her nation's"]), max_size=40).map("".join))  # fmt: skip
def test_own_countries_and_heads_keep_mentions_sorted_and_apart(text: str) -> None:
    from casus.evidence.people import offices_named_again, own_countries

    out = own_countries(
        text, offices_named_again(text, introduced_people(text, default_gazetteer().find(text, D)))
    )
    spans = [(m.start, m.end) for m in out]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
    assert all(m.text == text[m.start : m.end] for m in out)


def again(text: str) -> dict[str, str | None]:
    from casus.evidence.people import offices_named_again

    found = offices_named_again(text, introduced_people(text, default_gazetteer().find(text, D)))
    return {m.text: m.form.person for m in found if m.form.kind == "leader"}


def test_an_office_named_again_is_the_one_person_named_before_with_it() -> None:
    text = (
        "Director of Russia's Foreign Intelligence Service (SVR), Sergey Naryshkin, issued a warning. "
        "The SVR chief criticized Poland."
    )
    assert again(text)["SVR chief"] == "Sergei Naryshkin"
    text = "North Korean leader Kim Jong Un backed Russia. The North Korean dictator also criticized Seoul."
    assert again(text)["North Korean dictator"] == "Kim Jong Un"
    # an envoy's posting is part of the title that introduces him
    text = "Chinese Ambassador to the United Nations (UN) Fu Cong wrote. The Chinese ambassador also demanded more."
    assert again(text) == {"Fu Cong": "Fu Cong", "Chinese ambassador": "Fu Cong"}
    assert again("China's Ambassador to Japan Wu Jianghao protested.") == {"Wu Jianghao": "Wu Jianghao"}
    # the words that narrow the office must fit: the foreign minister is not the defence minister
    text = "Russian Foreign Minister Sergei Lavrov spoke. Russia's foreign minister said no; the Russian defence minister agreed."
    found = again(text)
    assert found["Russia's foreign minister"] == "Sergei Lavrov"
    assert not any("defence" in k for k in found)


def test_an_office_named_again_is_no_one_when_two_held_it_or_a_name_follows() -> None:
    two = (
        "Chinese Ambassador to Japan Wu Jianghao and Chinese Ambassador to the United Nations (UN) Fu Cong wrote. "
        "The Chinese ambassador said more."
    )
    assert "Chinese ambassador" not in again(two)
    # before anyone held it, or with a name after it (an introduction, not a reference)
    assert "Chinese ambassador" not in again(
        "The Chinese ambassador said more. Chinese Ambassador to Japan Wu Jianghao wrote."
    )
    text = "Russian Foreign Minister Sergei Lavrov spoke. The Russian foreign minister Lavrov said no."
    assert "Russian foreign minister" not in again(text)
    # a deputy is not meant by the office alone, only by the deputy's title
    text = "Russian Deputy Foreign Minister Sergei Ryabkov spoke. Russia's foreign minister said no."
    assert "Russia's foreign minister" not in again(text)
    assert again(text.replace("Russia's foreign", "Russia's deputy foreign"))[
        "Russia's deputy foreign minister"
    ] == ("Sergei Ryabkov")


def test_the_spokesman_alone_is_the_one_spokesman_named_before() -> None:
    text = (
        "Chinese Foreign Ministry spokesman Lin Jian dismissed Manila's protests. "
        "The spokesman urged the Philippines to cease infringements."
    )
    assert again(text)["spokesman"] == "Lin Jian"
    two = text.replace("dismissed", "and Philippine Coast Guard spokesperson Jay Tarriela traded")
    assert "spokesman" not in again(two)
    assert "spokesman" not in again(
        "The spokesman urged calm. Chinese Foreign Ministry spokesman Lin Jian spoke."
    )
