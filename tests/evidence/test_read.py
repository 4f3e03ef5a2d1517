"""Reading articles the project wrote itself in the style of wire copy, opinion and feeds."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from casus.cli import app
from casus.evidence.claims import LEXICON
from casus.evidence.compare import compare
from casus.evidence.gazetteer import default_gazetteer
from casus.evidence.lexicon import trie_pattern
from casus.evidence.model import RELATIONS, Claim
from casus.evidence.read import read_document
from casus.evidence.sources import MAX_BYTES, Document, SourceError, documents_from_bytes, load

D = dt.date(2024, 6, 20)


def claims_of(text: str, on: dt.date = D) -> list[Claim]:
    return read_document(Document("t", None, None, text), on=on).claims


def one(text: str) -> Claim:
    cs = claims_of(text)
    assert cs, text
    return cs[0]


@pytest.mark.parametrize(
    ("sentence", "relation", "subject", "obj"),
    [
        (
            "Russia and North Korea signed a comprehensive strategic partnership treaty.",
            "agree_sign",
            "RUS",
            "PRK",
        ),
        ("Tokyo held talks with Washington on the new threat.", "consult", "JPN", "USA"),
        ("Moscow would come to the aid of Pyongyang in a war.", "assist_militarily", "RUS", "PRK"),
        ("Pyongyang shipped millions of artillery shells to Russia.", "transfer_arms", "PRK", "RUS"),
        ("Moscow may transfer satellite technology to Pyongyang.", "transfer_technology", "RUS", "PRK"),
        ("North Korea sent thousands of troops to Russia's Kursk region.", "send_troops", "PRK", "RUS"),
        ("Ukraine struck an airfield inside Russia overnight.", "attack", "UKR", "RUS"),
        ("The Kremlin threatened Seoul with consequences.", "threaten", "RUS", "KOR"),
        ("China launched military drills around Taiwan on Monday.", "mobilize", "CHN", "TWN"),
        ("Chinese coast guard ships fired water cannon at a Philippine supply boat.", "coerce", "CHN", "PHL"),
        ("Belarus backed Russia at the United Nations.", "support_politically", "BLR", "RUS"),
        ("South Korea condemned North Korea's missile launch.", "oppose", "KOR", "PRK"),
    ],
)
def test_each_relation(sentence: str, relation: str, subject: str, obj: str) -> None:
    c = one(sentence)
    assert (c.relation, c.subject, c.object) == (relation, subject, obj)
    assert relation in RELATIONS


LEXICON_WORDS = sorted({w for _, rx in LEXICON for w in re.findall(r"[a-z-]{2,}", rx)})


def test_relation_starts_cover_the_lexicon() -> None:
    """The fast finder finds exactly what the plain alternation finds, for every lexicon word."""
    from casus.evidence.claims import RELATION_ANY, relations

    for w in LEXICON_WORDS:
        for text in (f"x {w} troops", f"X {w.capitalize()} the arms", f"they {w} weapons", f"{w}ed it"):
            fast = [(m.span(), m.lastgroup) for m in relations(text)]
            plain = [
                (m.span(), next(k for k, v in m.groupdict().items() if v is not None))
                for m in RELATION_ANY.finditer(text)
            ]
            assert fast == plain, text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*LEXICON_WORDS, "the", "North Korea", "and", "of", "x", ",", "."]), max_size=12)
)
@example(["forces", "were", "deployed"])  # a phrase that starts with its object: once missed
def test_relation_finder_matches_the_plain_alternation_on_any_word_sequence(words: list[str]) -> None:
    from casus.evidence.claims import RELATION_ANY, relations

    text = " ".join(words)
    assert [m.span() for m in relations(text)] == [m.span() for m in RELATION_ANY.finditer(text)]


def test_relation_finder_test_can_fail() -> None:
    """Dropping one word beginning makes the fast finder miss phrases the plain one finds."""
    import casus.evidence.claims as claims
    from casus.evidence.lexicon import trie_pattern

    crippled = re.compile(r"\b" + trie_pattern([w for w in claims.RELATION_STARTS if w != "suppl"]), re.I)
    text = "Russia supplied shells to North Korea"
    found = [m.start() for m in crippled.finditer(text)]
    assert [m.start() for m in claims.RELATION_ANY.finditer(text)] == [7] and 7 not in found


@functools.cache
def _gazetteer_patterns() -> tuple[list[str], re.Pattern[str], re.Pattern[str]]:
    """The gazetteer's forms as a plain longest-first alternation and as a trie."""
    forms = sorted(default_gazetteer().by_text, key=len, reverse=True)
    tail = r"(?=(?:'s|’s|s)?(?![\w-]))"
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + ")" + tail)
    return forms, plain, re.compile(r"(?<![\w-])" + trie_pattern(forms) + tail)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12),
       st.lists(st.sampled_from([" ", "s ", "'s ", "-", "x", ", ", "n "]), min_size=12, max_size=12))  # fmt: skip
def test_trie_pattern_matches_like_the_longest_first_alternation(picks: list[int], glue: list[str]) -> None:
    forms, plain, trie = _gazetteer_patterns()
    text = "".join(forms[i % len(forms)] + g for i, g in zip(picks, glue, strict=False))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_polarity_and_hedges() -> None:
    neg = one("The treaty does not oblige North Korea to provide military assistance to Russia.")
    assert neg.polarity == "negative" and neg.modality == "asserted"
    never = one("China has never supplied weapons to Russia, Beijing insists.")
    assert never.polarity == "negative" and never.relation == "transfer_arms"
    for hedge in ("may", "might", "could", "likely", "reportedly", "allegedly"):
        verb = "has sent" if hedge in ("reportedly", "allegedly", "likely") else "send"
        c = one(f"North Korea {hedge} {verb} troops to Russia.")
        assert c.modality == "hedged" and hedge in c.hedges, hedge
    assert one("Officials believe North Korea sent troops to Russia.").modality == "hedged"


def test_attribution_forms() -> None:
    a = one("Russia will defend North Korea, Russian President Vladimir Putin said.").attribution
    assert (a.kind, a.who) == ("speaker", "Vladimir Putin")
    b = one("Three U.S. officials said North Korea supplied missiles to Russia.").attribution
    assert (b.kind, b.who, b.count) == ("officials", "USA", 3)
    c = one("North Korea has sent troops to Russia, according to media reports.").attribution
    assert c.kind == "media_reports"
    d = one("According to Lavrov, Moscow will consult Pyongyang.").attribution
    assert (d.kind, d.who) == ("speaker", "Sergei Lavrov")
    e = one("North Korea supplied shells to Russia.").attribution
    assert e.kind == "author"
    f = one("The pact does not bind North Korea to defend Russia, analysts said.").attribution
    assert (f.kind, f.who) == ("speaker", "analysts")


def test_quotations_have_speakers() -> None:
    r = read_document(Document("t", None, None,
                               '"We will never abandon our allies," Putin said in Pyongyang.'), on=D)  # fmt: skip
    assert (
        r.quotations[0].text.startswith("We will never abandon")
        and r.quotations[0].speaker == "Vladimir Putin"
    )


def test_actors_by_name_demonym_capital_metonym_office_and_organisation() -> None:
    text = ("The Kremlin said Pyongyang and Seoul should talk. Japanese diplomats briefed NATO. "
            "Kishida spoke to the EU. The DPRK did not answer.")  # fmt: skip
    r = read_document(Document("t", None, None, text), on=D)
    ids = {a.id: a.mentions for a in r.actors}
    assert ids["RUS"] == 1 and ids["PRK"] == 2 and ids["KOR"] == 1 and ids["JPN"] == 2
    assert ids["NATO"] == 1 and ids["EU"] == 1
    # the office-holder maps to the state only while in office
    later = read_document(Document("t", None, None, "Kishida spoke to reporters."), on=dt.date(2025, 6, 1))
    assert "JPN" not in {a.id for a in later.actors}
    # a second office of the same person: Shoigu for Russia before and after he left defence
    for on in (dt.date(2023, 6, 1), dt.date(2025, 6, 1)):
        shoigu = read_document(Document("t", None, None, "Shoigu met Peskov."), on=on)
        assert {a.id for a in shoigu.actors} == {"RUS"}, on
    # "Dar" alone is not Pakistan's foreign minister ("Dar es Salaam")
    assert not read_document(
        Document("t", None, None, "Talks in Dar es Salaam ended."), on=dt.date(2025, 6, 1)
    ).actors
    # the same capital means the state that existed on the date
    old = read_document(Document("t", None, None, "Moscow warned Washington."), on=dt.date(1962, 10, 22))
    assert old.actors[0].id == "SUN"


def test_names_the_text_defines_and_names_joined_to_words() -> None:
    g = default_gazetteer()

    def found(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.form.target) for m in g.find(text, D)]

    # an acronym defined for a state's body stands for the state; one the gazetteer knows keeps its meaning
    text = "The Armed Forces of the Philippines (AFP) said. The AFP added. The North Atlantic Council (NATO) met."
    assert found(text)[:3] == [("Philippines", "PHL"), ("AFP", "PHL"), ("AFP", "PHL")]
    assert found(text)[-1] == ("NATO", "NATO")
    assert found("Taiwan's Ministry of National Defense (MND) said. MND added.")[-1] == ("MND", "TWN")
    assert found("The AFP news agency reported it.") == []  # undefined: the news agency
    assert found("No state is named in the Ad Hoc Committee (AHC).") == []
    # a hull number or another name may follow a name; a lower-case word joined by a hyphen may not
    assert found("CCG-3105 and a China-based firm") == [("CCG-3105"[:3], "CHN")]
    assert found("the Russia-North Korea treaty, US-China talks") == [
        ("Russia", "RUS"),
        ("North Korea", "PRK"),
        ("US", "USA"),
        ("China", "CHN"),
    ]
    assert found("pro-Russian and anti-China protests, Russia-backed rebels") == []
    assert found("Kim Jong-un met Yoon Suk-yeol.") == [("Kim Jong-un", "PRK"), ("Yoon Suk-yeol", "KOR")]
    # seas named after a state are waters, not the state (the Philippines' own name for its waters stays)
    assert found("missiles fell in the Sea of Japan and the South China Sea, off China") == [("China", "CHN")]
    assert found("the West Philippine Sea") == [("Philippine", "PHL")]


def test_a_ruling_movement_is_its_state_only_while_it_rules() -> None:
    g = default_gazetteer()

    def found(text: str, on: dt.date) -> list[tuple[str, str]]:
        return [(m.text, m.form.target) for m in g.find(text, on)]

    text = "Pakistan accused the Afghan Taliban of sheltering militants; the Taliban denied it."
    assert found(text, dt.date(2025, 10, 29)) == [
        ("Pakistan", "PAK"),
        ("Afghan Taliban", "AFG"),
        ("Taliban", "AFG"),
    ]
    assert found("An Islamic Emirate delegation met Pakistani officials.", dt.date(2025, 12, 1)) == [
        ("Islamic Emirate", "AFG"),
        ("Pakistani", "PAK"),
    ]
    # before they took Kabul they were an armed group fighting the state
    assert found(text, dt.date(2015, 6, 1)) == [("Pakistan", "PAK")]
    # groups named after a state they fight name no state
    text = "The Pakistani Taliban, or Tehreek-e-Taliban Pakistan (TTP), attacked Pakistani forces."
    assert found(text, dt.date(2025, 10, 29)) == [("Pakistani", "PAK")]


def test_flags() -> None:
    text = ("West German officials said they were alarmed. Japanese Prime Minister Fumio Kishida arrived. "
            "Later the South Korean premier Kishida spoke. Tokyo, the South Korean capital, was calm. "
            'Article 3 says the other side "shall provide military and other assistance with all means in its '
            'possession without delay".')  # fmt: skip
    r = read_document(Document("t", None, None, text), on=D)
    kinds = {f.kind: f for f in r.flags}
    assert kinds["anachronism"].span == "West German officials"
    assert "Kishida" in kinds["misattributed_title"].span and "Japan" in kinds["misattributed_title"].detail
    assert "Tokyo" in kinds["misattributed_capital"].span
    assert "ru-kp-2024" in kinds["article_mismatch"].detail and "Art. 4" in kinds["article_mismatch"].detail
    assert r.provisions and r.provisions[0].treaty == "ru-kp-2024" and r.provisions[0].score > 0.9
    # no flag for history told as history, or for the right title
    calm = read_document(Document("t", None, None, "The former West German chancellor visited. "
                                  "Japanese Prime Minister Fumio Kishida arrived."), on=D)  # fmt: skip
    assert not calm.flags
    assert not read_document(
        Document("t", None, None, "West German officials said no."), on=dt.date(1985, 1, 1)
    ).flags


BOILER = """Pact signed
Russia and North Korea signed a treaty.
The post Pact signed appeared first on Example Wire.
Follow us on Telegram for breaking news
Subscribe to our newsletter for daily updates
DOWNLOAD OUR APP AND GET THE FACTS FIRST
Copyright 2024 Example Wire. All rights reserved.
ALSO READ: Russia and North Korea sign pact
Read: China rams a Philippine vessel
"""


def test_boilerplate_rules() -> None:
    [doc] = documents_from_bytes(BOILER.encode(), "x.txt", ".txt")
    assert doc.removed_lines == 7 and doc.text.splitlines() == [
        "Pact signed",
        "Russia and North Korea signed a treaty.",
    ]


def test_boilerplate_link_outs_name_their_rule() -> None:
    [doc] = documents_from_bytes(
        b"North Korea sent troops.\nAlso Read : Seoul protests\nWATCH: Kim in Moscow\n", "x.txt", ".txt"
    )
    assert doc.text == "North Korea sent troops." and {r for r, _ in doc.removed} == {"link to another story"}


def _feed(items: list[str], self_link: str = "http://example.test/feed.xml") -> bytes:
    body = "".join(
        f"<item><title>Item {i}</title><link>{self_link}</link><pubDate>Wed, 19 Jun 2024 10:00:00 GMT</pubDate>"
        f"<description><![CDATA[{text}]]></description></item>"
        for i, text in enumerate(items)
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>{self_link}</link>{body}</channel></rss>").encode()  # fmt: skip


def test_feed_items_and_repeated_lines() -> None:
    promo = "<p>Support independent journalism with a donation today.</p>"
    items = [f"<p>North Korea sent troops to Russia number {i}.</p>{promo}" for i in range(4)]
    docs = documents_from_bytes(_feed(items), "feed.xml", ".xml")  # every item links back to the feed
    assert len(docs) == 4 and all("donation" not in d.text for d in docs)
    assert all(d.date == dt.date(2024, 6, 19) and d.removed_lines == 1 for d in docs)


def test_hostile_html_is_neutralised() -> None:
    html = ("<html><head><script>alert('x')</script><title>T</title></head><body>"
            "<nav>Home | World | Sport</nav><article><p onclick=\"steal()\">Russia and North Korea signed "
            "a treaty in Pyongyang on Wednesday, the culmination of months of talks between the two "
            "governments about military cooperation.</p><p>It pledges mutual assistance.</p></article>"
            "<img src=x onerror=\"alert(1)\"><iframe src='http://evil.test'></iframe></body></html>")  # fmt: skip
    [doc] = documents_from_bytes(html.encode(), "p.html", ".html")
    assert "alert" not in doc.text and "steal" not in doc.text and "onerror" not in doc.text
    assert "signed" in doc.text and "Home | World" not in doc.text


def test_limits_and_encodings(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(SourceError, match="limit"):
        load([str(big)])
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        "Le président de la Fédération de Russie a signé le traité à Pyongyang.".encode("latin-1")
    )
    [doc] = load([str(latin)])
    assert "Pyongyang" in doc.text
    truncated = tmp_path / "cut.html"
    truncated.write_bytes(b"<html><body><p>Russia and North Korea signed a tre")
    assert load([str(truncated)])[0].text.startswith("Russia")
    with pytest.raises(SourceError, match="no such file"):
        load([str(tmp_path / "missing.txt")])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".xml", ""]))
def test_reader_never_crashes(data: bytes, suffix: str) -> None:
    try:
        docs = documents_from_bytes(data, "fuzz", suffix)
    except SourceError:
        return
    for d in docs:
        read_document(d, on=D)


def test_compare_finds_the_contradiction() -> None:
    a = read_document(
        Document("a", None, None, "The pact obliges North Korea to provide military assistance to Russia."),
        on=D,
    )
    b = read_document(
        Document(
            "b", None, None, "The pact does not oblige North Korea to provide military assistance to Russia."
        ),
        on=D,
    )
    texts = ["The pact obliges North Korea to provide military assistance to Russia.",
             "The pact does not oblige North Korea to provide military assistance to Russia."]  # fmt: skip
    rows = compare([a, b], texts)["events"]
    row = next(r for r in rows if r["relation"] == "assist_militarily")
    assert row["verdict"] == "contradict" and set(row["actors"]) == {"PRK", "RUS"}
    # each side says how likely the reader read it right: the claim's own confidence
    said = {st["source"]: st["confidence"] for st in row["statements"]}
    own = {
        r.source: next(c.confidence for c in r.claims if c.relation == "assist_militarily") for r in (a, b)
    }
    assert said == own and all(0 < v < 1 for v in said.values())


def test_cli_json_shape_and_bad_date(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Pact\nRussia and North Korea signed a treaty, Putin said.\n")
    r = CliRunner().invoke(app, ["read", str(f), "--json", "--date", "2024-06-19"])
    assert r.exit_code == 0, r.output
    art = json.loads(r.output)["articles"][0]
    assert {"source", "title", "date", "actors", "claims", "provisions", "flags"} <= set(art)
    assert {"text", "subject", "relation", "object", "polarity", "modality", "attribution"} <= set(
        art["claims"][0]
    )
    assert {"id", "mentions"} <= set(art["actors"][0])
    bad = CliRunner().invoke(app, ["read", str(f), "--date", "2024-02-30"])
    assert bad.exit_code == 2 and "not a real date" in bad.output


def test_vocabulary_files_are_checked_with_located_errors(tmp_path: Path) -> None:
    bad = tmp_path / "leaders.yaml"
    bad.write_text("- {name: A B, short: B, state: RUS, office: president, from: 2024-01-01}\n"
                   "- {name: C D, short: D, state: RUS, office: president, from: 2024-02-30}\n")  # fmt: skip
    r = CliRunner().invoke(app, ["check", str(bad)])
    assert r.exit_code == 1 and "leaders.yaml:2: [1].from: invalid date" in r.output
    ok = CliRunner().invoke(
        app, ["check", str(Path(__file__).parents[2] / "src" / "casus" / "data" / "evidence")]
    )
    assert ok.exit_code == 0 and "evidence vocabulary" in ok.output


def test_binary_input_is_refused_and_a_bad_file_in_a_folder_is_skipped(tmp_path: Path) -> None:
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with pytest.raises(SourceError, match=r"scan\.pdf: a PDF document, not a text, HTML or feed file"):
        load([str(pdf)])
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("North Korea sent troops to Russia.\n", encoding="utf-8")
    (folder / "b.bin").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    skipped: list[str] = []
    docs = load([str(folder)], skipped)
    assert [Path(d.source).name for d in docs] == ["a.txt"]
    assert len(skipped) == 1 and "b.bin: binary data" in skipped[0]
    r = CliRunner().invoke(app, ["read", str(folder), "--json", "--date", "2024-11-01"])
    assert r.exit_code == 1
    assert json.loads(r.stdout)["skipped"] == skipped


def test_boilerplate_lines_are_flagged_with_their_rule() -> None:
    [doc] = documents_from_bytes(
        b"North Korea sent troops to Russia.\nThe post Troops sent appeared first on Example Wire.\n"
        b"Click here to follow us on Telegram\n",
        "x.txt",
        ".txt",
    )
    flags = [f for f in read_document(doc, on=D).flags if f.kind == "boilerplate"]
    assert [f.detail for f in flags] == ["removed before reading (syndication footer)",
                                         "removed before reading (social follow)"]  # fmt: skip


def test_a_spun_copy_is_found_counted_once_and_its_garbled_name_flagged() -> None:
    original = ("North Korea has sent about 10,000 soldiers to Russia, the Pentagon said on Monday. "
                "The North Korean troops are expected to fight Ukrainian forces in the Kursk region within weeks. "
                "South Korea condemned the deployment and summoned the Russian ambassador in Seoul on Tuesday.")  # fmt: skip
    spun = ("North Korea has dispatched about 10,000 soldiers to Russia, the Pentagon said on Monday. "
            "The North Vietnamese troops are expected to fight Ukrainian forces in the Kursk region within weeks. "
            "South Korea condemned the deployment and summoned the Russian ambassador in Seoul on Tuesday.")  # fmt: skip
    a = read_document(Document("wire", None, dt.date(2024, 10, 28), original), on=dt.date(2024, 10, 28))
    b = read_document(Document("copy", None, dt.date(2024, 10, 29), spun), on=dt.date(2024, 10, 29))
    result = compare([a, b], [original, spun])
    [group] = result["copies"]
    assert group["original"] == "wire" and group["copies"][0]["source"] == "copy"
    assert group["copies"][0]["kind"] == "rewritten"
    assert any("North Vietnamese" in f["span"] for f in group["copies"][0]["flags"])
    # the story counts once: no event is reported as agreed by two independent sources
    assert all(e["sources"] < 2 for e in result["events"])
    assert any(f.kind in ("spun_copy", "anachronism") for f in b.flags)


def test_sources_contradicting_each_other_on_a_provision_are_quoted_side_by_side() -> None:
    a_text = ("Article 4 of the treaty between Russia and North Korea clearly states that each side shall "
              "provide military assistance without delay if the other is attacked.")  # fmt: skip
    b_text = ("The treaty between Russia and North Korea is no commitment like NATO's Article 5: its Article 4 "
              "does not oblige either side to fight, analysts said.")  # fmt: skip
    a = read_document(Document("a", None, None, a_text), on=D)
    b = read_document(Document("b", None, None, b_text), on=D)
    [row] = compare([a, b], [a_text, b_text])["provisions"]
    assert (row["treaty"], row["article"], row["verdict"]) == ("ru-kp-2024", "Art. 4", "contradict")
    assert {(s["source"], s["stance"]) for s in row["statements"]} == {
        ("a", "obliges"),
        ("b", "does not oblige"),
    }
    assert {s["text"] for s in row["statements"]} == {a_text, b_text}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "The",
                "Armed",
                "Forces",
                "of",
                "the",
                "Philippines",
                "(AFP)",
                "(MND)",
                "Taiwan's",
                "Ministry",
                "AFP",
                "MND",
                "said",
                "(",
                ")",
                "CCG-3105",
                "China-based",
                "NATO",
                "(NATO)",
                "Kim",
                "Jong-un",
                "\n",
                ".",
                "x" * 30,
            ]
        ),
        max_size=60,
    )
)
def test_mentions_are_ordered_and_apart_whatever_the_brackets(words: list[str]) -> None:
    text = " ".join(words)
    found = default_gazetteer().find(text, D)
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(text[m.start : m.end] == m.text for m in found)


def test_the_rule_coder_reads_an_attack_named_as_a_case_as_no_event() -> None:
    from casus.evidence.claims import read_claims
    from casus.evidence.gazetteer import default_gazetteer
    from casus.evidence.sentences import sentences

    for text in (
        "The order says the US shall regard any armed attack on Qatar as a threat to the United States.",
        "Japan's prime minister said that in a scenario of an attack on Taiwan, Tokyo could deploy forces.",
        "Maïga emphasized that Mali, along with its allies Burkina Faso and Niger, will stand together in the "
        "face of attacks.",
        # a pledge told by analogy, in a translation's words
        "Under the new pact, Pakistan considers Saudi Arabia being attacked by someone as if it was attacked.",
        # one side's pledge to defend the other against the case
        "MANILA: US Secretary of State Mike Pompeo yesterday vowed to defend the Philippines against ‘armed "
        "attack’ in the disputed South China Sea.",
        # ... or to support it against any attack, or stand by it in case of any threat
        "PM Imran Khan vowed to support Saudi Arabia against any terrorist attack and reiterated that Pakistan"
        " will stand by Saudi Arabia in case of any threat to the sanctity or security of the Arab nation.",
    ):
        mentions = default_gazetteer().find(text, dt.date(2025, 10, 1))
        found, _ = read_claims(text, mentions, sentences(text))
        assert not [c for c in found if c.relation == "attack"], text


def test_the_rule_coder_reads_a_pact_reached_as_signed_and_a_pact_named_or_a_reply_as_nothing() -> None:
    def rules(text: str) -> set[tuple[str | None, str, str | None]]:
        r = read_document(Document("t", None, dt.date(2025, 10, 1), text), coder="rules")
        return {(c.subject, c.relation, c.object) for c in r.claims}

    assert ("PAK", "agree_sign", "SAU") in rules(
        "Pakistan and Saudi Arabia entered into a landmark mutual defence agreement in September."
    )
    assert ("AFG", "agree_sign", "PAK") in rules(
        "Afghanistan and Pakistan have reached an agreement on a ceasefire."
    )
    for text in (
        "Pakistan's capabilities will be made available to Saudi Arabia according to this agreement.",
        "Colombia hit back by halting arms purchases from the United States.",
    ):
        assert not {c for c in rules(text) if c[1] in ("agree_sign", "support_politically")}, text


def test_the_rule_coder_reads_charges_and_sanctions() -> None:
    def rules(text: str) -> set[tuple[str | None, str, str | None]]:
        r = read_document(Document("t", None, dt.date(2025, 10, 1), text), coder="rules")
        return {(c.subject, c.relation, c.object) for c in r.claims}

    assert ("JPN", "accuse", "CHN") in rules("Japan accused China of violating its territorial waters.")
    assert ("BOL", "sanction", "ARG") in rules("Bolivia has recalled its ambassador to Argentina.")
    assert ("EST", "sanction", "RUS") in rules("Estonia expelled the ambassador of Russia on Friday.")


def test_a_bad_groups_file_is_reported_with_its_line() -> None:
    import tempfile

    from casus.evidence.gazetteer import load_evidence_file
    from casus.model import InputError

    with tempfile.TemporaryDirectory() as d:
        bad = Path(d) / "groups.yaml"
        bad.write_text("- {name: Baltic states, forms: [Baltic states], members: [EST, LVA, LTU]}\n"
                       "- {name: One, forms: [One], members: [EST]}\n")  # fmt: skip
        with pytest.raises(InputError, match=r"groups\.yaml:2: \[1\]\.members"):
            load_evidence_file(bad)


def test_a_bad_movements_file_is_reported_with_its_line(tmp_path: Path) -> None:
    from casus.evidence.gazetteer import load_evidence_file
    from casus.model import InputError

    bad = tmp_path / "movements.yaml"
    bad.write_text("- {name: Taliban, forms: [Taliban], state: AFG, from: 2021-08-15, until: null}\n"
                   "- {name: X, forms: [X], state: AFG, from: 2021-08-15, until: 2020-01-01}\n")  # fmt: skip
    with pytest.raises(InputError, match=r"movements\.yaml:2: \[1\]: until \(2020-01-01\) is not after from"):
        load_evidence_file(bad)
    bad.write_text("- {name: X, state: AFG, from: 2021-02-30}\n")
    with pytest.raises(InputError, match=r"movements\.yaml:1: \[0\]\.(forms|from)"):
        load_evidence_file(bad)


def test_a_bad_historical_names_file_is_reported_with_its_line(tmp_path: Path) -> None:
    from casus.evidence.gazetteer import load_evidence_file
    from casus.model import InputError

    bad = tmp_path / "historical-names.yaml"
    bad.write_text("- {name: Zaire, state: COD, until: 1997-05-17}\n"
                   "- {name: Russia, state: SUN, from: 1991-12-26, until: 1922-12-30}\n")  # fmt: skip
    with pytest.raises(
        InputError, match=r"historical-names\.yaml:2: \[1\]: until \(1922-12-30\) is not after"
    ):
        load_evidence_file(bad)


def test_a_stream_of_documents_reads_as_each_alone() -> None:
    """`read_documents` shares the parser's batches between documents and gives the same readings."""
    from casus.evidence.gold import load_gold
    from casus.evidence.parse import ReaderUnavailable, pipeline
    from casus.evidence.read import read_documents

    try:
        pipeline()
    except ReaderUnavailable as exc:  # pragma: no cover - the dev environment installs it
        pytest.skip(f"the English pipeline is not usable here: {exc}")
    gold = Path(__file__).parent / "gold"
    arts = [a for f in sorted(gold.glob("dev-[a-c].yaml")) for a in load_gold(f)]
    docs = [Document(a.url, None, a.date, " ".join(s.text for s in a.sentences)) for a in arts]
    docs.insert(3, Document("empty", None, None, "Nothing here names a state."))
    for coder in ("parse", "rules"):
        alone = [read_document(d, coder=coder) for d in docs]
        assert list(read_documents(docs, coder=coder)) == alone


def test_a_lede_in_capitals_names_its_state() -> None:
    r = read_document(
        Document(
            "t",
            None,
            dt.date(2025, 10, 14),
            "THE PHILIPPINES has filed 47 diplomatic protests against China this year.",
        )
    )
    assert ("PHL", "oppose", "CHN") in {(c.subject, c.relation, c.object) for c in r.claims}


def test_what_the_article_says_its_own_outlet_reports_is_on_the_authors_word() -> None:
    text = "Kyrgyzstan and Tajikistan signed a historic agreement on the state border, Orda.kz reports."
    own = read_document(
        Document("https://en.orda.kz/japarov-and-rahmon", None, dt.date(2025, 3, 13), text)
    ).claims
    assert {(c.relation, c.attribution.kind) for c in own} == {("agree_sign", "author")}
    other = read_document(Document("https://www.reuters.com/x", None, dt.date(2025, 3, 13), text)).claims
    assert {(c.attribution.kind, c.attribution.who) for c in other} == {("media_reports", "Orda.kz")}


def test_each_claim_names_the_word_that_named_its_relation(tmp_path: Path) -> None:
    text = "Russian forces attacked Ukraine overnight, Kyiv said. North Korea sent troops to Russia."
    for coder, sent in (("parse", "sent"), ("rules", "sent troops")):
        got = {
            (c.relation, c.trigger)
            for c in read_document(Document("t", None, None, text), on=D, coder=coder).claims
        }
        assert ("attack", "attacked") in got and ("send_troops", sent) in got, (coder, got)
    # a pledge read from treaty wording has no one word behind it
    pledge = "The treaty obliges Russia and North Korea to provide mutual assistance if either is attacked."
    assert all(c.trigger is None for c in read_document(Document("t", None, None, pledge), on=D).claims
               if c.conditional)  # fmt: skip
    f = tmp_path / "a.txt"
    f.write_text(text)
    r = CliRunner().invoke(app, ["read", str(f), "--date", "2024-11-01"])
    assert "RUS attack UKR (“attacked”, per " in " ".join(r.output.split())


def _actor_ids(text: str, on: dt.date) -> set[str]:
    """The actors read in a text as of a date."""
    return {a.id for a in read_document(Document("t", None, None, text), on=on).actors}


def test_office_holders_of_the_cold_war_are_read_as_their_states() -> None:
    ids = _actor_ids
    assert ids("Khrushchev met Eisenhower.", dt.date(1959, 9, 15)) == {"SUN", "USA"}
    assert ids("Gromyko met Kissinger.", dt.date(1974, 11, 23)) == {"SUN", "USA"}
    assert ids("Mao Tse-tung received Nehru.", dt.date(1954, 10, 19)) == {"CHN", "IND"}
    assert ids("Nasser cabled Tito.", dt.date(1961, 9, 1)) == {"EGY", "YUG"}
    # a term's end is kept: Gorbachev was the Soviet Union's until it ended, no state's after
    assert ids("Gorbachev spoke.", dt.date(1988, 5, 1)) == {"SUN"}
    assert not ids("Gorbachev spoke.", dt.date(1995, 5, 1))
    # and a surname that is an ordinary word stands for no one alone
    assert not ids("Begin the talks, Ford said.", dt.date(1978, 9, 5))


def test_office_holders_of_earlier_years_are_read_as_their_states() -> None:
    ids = _actor_ids
    assert ids("Pompeo met Borrell.", dt.date(2020, 6, 1)) == {"USA", "EU"}
    assert ids("Theresa May met Abe.", dt.date(2017, 6, 1)) == {"GBR", "JPN"}
    assert ids("Uribe accused Chavez.", dt.date(2008, 3, 3)) == {"COL", "VEN"}
    # a surname that is a common word stands for no one alone
    assert not ids("In May, Rice exports rose.", dt.date(2006, 6, 1))
    # and a term's end is kept: Pompeo is no one's after he left office
    assert not ids("Pompeo spoke to reporters.", dt.date(2022, 6, 1))


def test_a_states_own_voice_inside_a_quotation_is_the_quoted_speakers() -> None:
    text = (
        "\"The United States strongly condemns Iran's attacks in Erbil today and offers condolences to the"
        " families of those who were killed. We oppose Iran's reckless missile strikes, which undermine"
        " Iraq's stability,\" US State Department spokesperson Matthew Miller said in a statement."
    )
    r = read_document(Document("t", None, None, text), on=dt.date(2024, 1, 16))
    condemned = [c for c in r.claims if (c.subject, c.relation, c.object) == ("USA", "oppose", "IRN")]
    assert condemned and all(
        (c.attribution.kind, c.attribution.who) == ("speaker", "Matthew Miller") for c in condemned
    )
