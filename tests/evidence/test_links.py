"""Links from sentences to the bundled treaties' provisions: a pact's promise restated in an
outlet's own words, and chance wording kept out (sentences from published articles of the
development gold set)."""

from __future__ import annotations

import datetime as dt

from casus.evidence.read import read_document
from casus.evidence.sources import Document


def links(text: str, on: dt.date = dt.date(2025, 9, 20)) -> set[tuple[str, str]]:
    got = read_document(Document("t", None, None, text), on=on, coder="rules").provisions
    return {(p.treaty, p.article) for p in got}


def test_a_restated_defence_promise_links_to_the_pacts_defence_article() -> None:
    assert ("ru-kp-2024", "Art. 4") in links(
        "Russia's and North Korea's dictators have signed a comprehensive strategic partnership agreement, "
        "which, among other things, includes security assistance in case one of the states is attacked.",
        dt.date(2024, 6, 19),
    )
    # the organisation's pact, named by the organisation
    assert ("gcc-2000", "Art. 2") in links(
        "Emphasizing that the attack on Qatar is an attack against all GCC states, the Council agreed on a "
        "series of measures."
    )


def test_a_restated_promise_to_consult_links_to_the_pacts_consultation_article() -> None:
    text = (
        "The North Atlantic Treaty of Mutual Defence was signed today by the representatives of the 12 "
        "participating Powers. The nations which sign it agree to abide by the peaceful principles of the "
        "United Nations to consult together whenever the territory or independence of any one of them is "
        "threatened and to come to the aid of any one of them which may be attacked."
    )
    assert {("nato-1949", "Art. 4"), ("nato-1949", "Art. 5")} <= links(text, dt.date(1949, 4, 6))
    # and the United Nations whose principles they abide by is no party to the pledge
    claims = read_document(Document("t", None, None, text), on=dt.date(1949, 4, 6)).claims
    assert not [c for c in claims if "UN" in (c.subject, c.object)]


def test_chance_wording_in_an_article_about_other_states_is_no_link() -> None:
    text = (
        "Austin, in his opening remarks, said China is \u201cengaging in coercive behavior, trying to change the "
        "status quo in the East and South China Seas, around Taiwan and throughout the region,\u201d Japan and the "
        "United States said."
    )
    assert not {t for t, _ in links(text, dt.date(2024, 7, 28))} - {"us-jp-1960"}
    # however close the words: a treaty none of whose parties the article names
    close = (
        'Azerbaijan condemned Zatulin’s statements against the country’s "sovereignty and '
        'territorial integrity" as well as what it described as territorial claims, Russia said.'
    )
    assert not {t for t, _ in links(close, dt.date(2026, 2, 6))} & {"aes-2023"}
    # a pact of several states needs two of them named: one named is not enough
    stock = (
        "Qatar, which offered to serve a similar role in Iran-US nuclear talks, warned that recent Iranian"
        " attacks would have “catastrophic consequences for international peace and security.”"
    )
    assert not {t for t, _ in links(stock, dt.date(2026, 3, 2))} & {"anzus-1951"}


def test_an_article_named_by_its_treaty_is_that_treatys() -> None:
    got = links(
        'Poland asked for consultations. "NATO has invoked Article 4 of the North Atlantic Treaty," he said.'
    )
    assert ("nato-1949", "Art. 4") in got
    assert not [t for t, _ in got if t != "nato-1949"]


def test_a_short_quotation_must_match_closely() -> None:
    text = (
        "Araghchi asserted that the missile strike on the base in Qatar was a \u201clegitimate act of self-defense\u201d "
        "and not intended as an act of hostility toward Qatar."
    )
    assert not links(text)


def test_the_pact_of_the_organisation_the_sentence_names_comes_first() -> None:
    text = (
        "ECOWAS has threatened the use of force in Niger. The security pact, known as the Alliance of Sahel "
        "States, states that an assault on the sovereignty or territorial integrity of any of its signatory "
        "nations will be deemed an aggression against all parties."
    )
    assert ("aes-2023", "Art. 6") in links(text, dt.date(2023, 9, 16))
    assert not [t for t, _ in links(text, dt.date(2023, 9, 16)) if t == "ecowas-1981"]


def test_every_organisations_pact_is_a_bundled_defence_treaty() -> None:
    from casus.evidence.gazetteer import alliances, organisations
    from casus.evidence.links import _defence_articles

    named = {o["id"]: o["defence_treaty"] for o in organisations() if o.get("defence_treaty")}
    assert named and all(tid in _defence_articles() for tid in named.values()), named
    assert set(named) == alliances()


def test_the_treaty_an_article_speaks_of_without_naming_it() -> None:
    from casus.evidence.links import main_pact

    assert main_pact({"PRK": 4, "RUS": 3, "KOR": 3, "USA": 3}) == "ru-kp-2024"
    assert main_pact({"PRK": 4, "RUS": 2, "CHN": 2}) is None  # two pacts of North Korea, equally named
    assert main_pact({"PRK": 4, "KOR": 3}) is None  # no pact between them
    text = (
        "North Korea has sent about 10,000 soldiers to Russia, South Korea's spy agency said. "
        "The treaty obliges both countries to provide military assistance without delay if either is attacked."
    )
    reading = read_document(Document("t", None, None, text), on=dt.date(2024, 11, 1))
    assert [(p.treaty, p.article, p.score) for p in reading.provisions] == [("ru-kp-2024", "Art. 4", None)]


def test_a_leaders_long_quotation_in_a_sentence_of_no_pact_is_his_own_words() -> None:
    text = (
        "Russia's Security Council secretary met Kim Jong Un in Pyongyang. North Korea's official Korean Central "
        "News Agency said Kim during the meeting said his government will \u201cinvariably support Russia in the "
        "struggle for defending the national sovereignty, territorial integrity and security interests.\u201d"
    )
    assert not {t for t, _ in links(text, dt.date(2025, 3, 21))} & {"csto-1992"}


def test_a_pledge_likened_to_natos_links_to_the_two_states_pact() -> None:
    got = links(
        "The new defense agreement between Pakistan and Saudi Arabia means that one side considers the other "
        "side being attacked by someone as if it was attacked, as NATO members pledged to ensure mutual security."
    )
    assert {t for t, _ in got} == {"sa-pk-2025"}, got
    # with no treaty word at all, the two states' pact still comes before the alliance named beside them
    assert {
        t
        for t, _ in links(
            "Pakistan and Saudi Arabia will come to each other's defence, like NATO members do."
        )
    } == {"sa-pk-2025"}
    # NATO's own pledge, named as such, is still NATO's
    assert ("nato-1949", "Art. 5") in links(
        "NATO members pledged that an armed attack against one of them shall be considered an attack against all."
    )


def test_an_article_number_written_out_is_that_article() -> None:
    text = (
        "French President Emmanuel Macron said NATO was experiencing brain death. "
        '"What will Article Five mean tomorrow?" Macron asked.'
    )
    assert links(text, dt.date(2019, 11, 7)) == {("nato-1949", "Art. 5")}
    # a lower-case "article" followed by a number word is no article named
    assert not links("In an article two readers sent to NATO, nothing was said about what it means.")


def test_a_pledge_to_a_state_outside_a_pact_is_not_linked_to_the_pact() -> None:
    text = (
        "Leaders of Djibouti, Somalia, the Comoros and Mauritania condemned Israel's strike on Doha at the"
        " summit.\n"
        "Mauritanian President Mohamed Ould Ghazouani described the attack as part of the occupation's"
        ' "aggressive policies," insisting that "any aggression on Qatar is an aggression against all."'
    )
    got = read_document(Document("t", None, dt.date(2025, 9, 15), text), on=dt.date(2025, 9, 15))
    assert not [p for p in got.provisions if p.treaty == "au-nacdp-2005"]
