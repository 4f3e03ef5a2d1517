"""Links to bundled treaty provisions, and the red flags a careful reader would raise."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from rapidfuzz import fuzz, process

from casus.evidence.gazetteer import Gazetteer, Mention
from casus.evidence.lexicon import THREAT_CASE, TREATY_LANGUAGE
from casus.evidence.model import Flag, ProvisionLink

LINK_MIN = 72.0  # rapidfuzz score (0-100) above which a sentence counts as quoting a provision
QUOTE_MIN_CHARS = 25
SHORT_QUOTE_CHARS, SHORT_QUOTE_MIN = 40, 85.0
# A link by wording below SURE is kept only where the article names a party of its treaty (or
# the organisation of its pact), and where the sentence does not name another treaty.
SURE = 0.95
TREATY_WORDS = re.compile(r"\b(treaty|pact|agreement|article|art\.|alliance|accord|charter)\b", re.I)
# A sentence without quotes is compared with the provisions only when it also speaks of duty.
DUTY_WORDS = re.compile(
    r"\b(oblig\w*|shall|pledg\w*|commit\w*|bound|binds?|undertak\w*|assistance|attack\w*|aggression)\b", re.I
)
ARTICLE_NO = re.compile(r"\b(?:Article|Art\.)\s*(\d+)", re.I)
QUOTED = re.compile(rf"[\"“]([^\"“”]{{{QUOTE_MIN_CHARS},600}})[\"”]")
TITLES = r"(president|prime minister|premier|chancellor|leader|supreme leader|foreign minister|defen[cs]e minister|defen[cs]e secretary|secretary of state)"
ACTOR_CUES = re.compile(
    r"^(?:'s)?\s+(officials?|government|authorities|ministry|forces|troops|army|military|navy|leaders?|president|"
    r"premier|prime minister|chancellor|diplomats?|spokes(?:man|woman|person)|embassy|said|says|announced|warned|"
    r"signed|agreed|is|has|will)\b",
    re.I,
)


# A sentence is scored only against provisions sharing at least MIN_SHARED content words with it:
# a quotation or close paraphrase always does, and skipping the rest makes linking ~6x faster.
MIN_SHARED = 2
# ... and only against the NEAR_MAX provisions sharing the most: the fuzzy scorers are the cost.
NEAR_MAX = 8
CONTENT_WORD = re.compile(r"[a-z]{4,}")
FUNCTION_WORDS = frozenset(
    [
        "shall",
        "with",
        "that",
        "this",
        "other",
        "their",
        "which",
        "from",
        "have",
        "such",
        "parties",
        "party",
        "each",
        "contracting",
        "will",
        "into",
        "been",
        "were",
        "they",
        "them",
        "these",
        "those",
        "upon",
        "under",
    ]
)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words of four or more letters, less common function words."""
    return frozenset(CONTENT_WORD.findall(text.lower())) - FUNCTION_WORDS


@dataclass(frozen=True)
class ProvisionText:
    """A provision's wording as casus holds it (and any English rendering in its notes)."""

    treaty: str
    article: str
    text: str
    source: str | None = None  # the publisher of a rendering; None for the provision's own text
    words: frozenset[str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", content_words(self.text))


@lru_cache(maxsize=1)
def bundled_provisions() -> tuple[ProvisionText, ...]:
    """Every provision of the bundled library, with its published renderings (translations quoted
    by outlets, `Provision.renderings`) and any English rendering quoted in its notes."""
    from casus.world import load_world

    out = []
    for t in load_world(use_env=False).treaties.values():
        for p in t.provisions:
            out.append(ProvisionText(t.id, p.article, p.text))
            for r in p.renderings:
                out.append(ProvisionText(t.id, p.article, r.text, r.source.publisher))
            for q in re.findall(r"[\"“]([^\"“”]{40,})[\"”]", p.notes or ""):
                out.append(ProvisionText(t.id, p.article, q))
    return tuple(out)


@lru_cache(maxsize=4)
def _index(provisions: tuple[ProvisionText, ...]) -> dict[str, list[int]]:
    """Content word -> the provisions that contain it."""
    index: dict[str, list[int]] = {}
    for i, p in enumerate(provisions):
        for w in p.words:
            index.setdefault(w, []).append(i)
    return index


def link_provisions(sentences: list[str], provisions: tuple[ProvisionText, ...]) -> list[ProvisionLink]:
    """Sentences that quote or closely paraphrase a provision, with the best match's score."""
    links = []
    index = _index(provisions)
    for sent in sentences:
        quotes = [q.group(1) for q in QUOTED.finditer(sent)]
        if not quotes and not (TREATY_WORDS.search(sent) and DUTY_WORDS.search(sent)):
            continue
        best: tuple[float, int] | None = None
        for probe in quotes or [sent]:
            shared = Counter(chain.from_iterable(index[w] for w in content_words(probe) if w in index))
            near = sorted(i for i, n in shared.most_common(NEAR_MAX) if n >= MIN_SHARED)
            if not near:
                continue
            scorer = fuzz.partial_ratio if quotes else fuzz.token_set_ratio
            # a short quotation aligns by chance somewhere in a long provision: it must match closely
            cutoff = SHORT_QUOTE_MIN if quotes and len(probe) < SHORT_QUOTE_CHARS else LINK_MIN
            hit = process.extractOne(probe, [provisions[i].text for i in near], scorer=scorer,
                                     score_cutoff=cutoff)  # fmt: skip
            if hit is not None and (best is None or hit[1] > best[0]):
                best = (float(hit[1]), near[int(hit[2])])
        if best is not None:
            p = provisions[best[1]]
            links.append(
                ProvisionLink(
                    treaty=p.treaty,
                    article=p.article,
                    score=round(best[0] / 100, 3),
                    sentence=sent,
                    rendering=p.source,
                )
            )
    return links


def article_flags(links: list[ProvisionLink]) -> list[Flag]:
    """A quoted article number that does not match the provision the words come from."""
    flags = []
    for link in links:
        said = ARTICLE_NO.findall(link.sentence)
        real = re.findall(r"\d+", link.article)
        if said and real and real[0] not in said:
            flags.append(Flag(kind="article_mismatch", span=f"Article {said[0]}",
                              detail=f"the quoted words are {link.treaty} {link.article}, not Article {said[0]}"))  # fmt: skip
    return flags


NEAR = 80  # characters between a name and the title or capital that goes with it


def mention_flags(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Flag]:
    """Anachronistic actors, and titles or capitals given to the wrong country nearby."""
    flags: list[Flag] = []
    for m in mentions:
        if not m.current and m.form.kind in ("name", "demonym", "historical", "capital", "metonym"):
            cue = ACTOR_CUES.match(text[m.end : m.end + 40])
            before = text[max(0, m.start - 10) : m.start].lower()
            if cue and "former" not in before and "ex-" not in before:
                flags.append(Flag(kind="anachronism", span=text[m.start : m.end + cue.end()],
                                  detail=f"{m.text} ({gaz.names.get(m.form.target, m.form.target)}) did not exist "
                                         f"under that name on the article's date"))  # fmt: skip
    demonyms = sorted((m for m in mentions if m.form.kind in ("demonym", "historical") and m.current),
                      key=lambda d: d.start)  # fmt: skip
    starts = [d.start for d in demonyms]

    def near(m: Mention) -> list[Mention]:
        # Titles and capitals sit within a few words of their demonym: look only there, so that
        # the check stays linear in the text however many names it holds.
        lo, hi = bisect.bisect_left(starts, m.start - NEAR), bisect.bisect_right(starts, m.end + NEAR)
        return demonyms[lo:hi]

    for m in mentions:
        if m.form.kind == "leader" and m.current:
            for d in near(m):
                gap_before = text[d.end : m.start]
                gap_after = text[m.end : d.start]
                titled = (d.end <= m.start and re.fullmatch(rf"\s+{TITLES}\s+", gap_before, re.I)) or (
                    m.end <= d.start
                    and re.fullmatch(r",\s+(the\s+)?", gap_after, re.I)
                    and re.match(rf"\s+{TITLES}\b", text[d.end : d.end + 30], re.I)
                )
                if titled and d.form.target != m.form.target:
                    span = text[min(d.start, m.start) : max(d.end, m.end) + (30 if d.start > m.end else 0)]
                    flags.append(Flag(kind="misattributed_title", span=span.strip(),
                                      detail=f"{m.form.person} is {m.form.office} of {gaz.names.get(m.form.target)}, "
                                             f"not {gaz.names.get(d.form.target)}"))  # fmt: skip
        if m.form.kind == "capital" and m.current:
            for d in near(m):
                preceded = d.end <= m.start and bool(
                    re.fullmatch(r"\s+capital,?\s+(of\s+)?", text[d.end : m.start], re.I)
                )
                followed = (
                    m.end <= d.start
                    and re.fullmatch(r",\s+the\s+", text[m.end : d.start], re.I)
                    and re.match(r"\s+capital\b", text[d.end : d.end + 12], re.I)
                )
                if (preceded or followed) and d.form.target != m.form.target:
                    span = text[min(d.start, m.start) : max(d.end, m.end) + (8 if followed else 0)]
                    flags.append(Flag(kind="misattributed_capital", span=span.strip(),
                                      detail=f"{m.text} is the capital of {gaz.names.get(m.form.target)}, "
                                             f"not {gaz.names.get(d.form.target)}"))  # fmt: skip
    return flags


def subject_flags(mentions: list[Mention], gaz: Gazetteer) -> list[Flag]:
    """A state named once whose name shares its first word with one of the article's two main
    actors but is another state ("North Vietnamese" in a piece about North Korea): the mark of
    copy spun by swapping words."""
    counts = Counter(m.form.target for m in mentions if m.form.kind != "leader")
    main = [t for t, _ in counts.most_common(2)]
    main_first = {m.text.split()[0] for m in mentions if m.form.target in main and " " in m.text}
    flags = []
    for m in mentions:
        if counts[m.form.target] != 1 or m.form.target in main or " " not in m.text:
            continue
        if m.text.split()[0] in main_first:
            names = ", ".join(gaz.names.get(t, t) for t in main)
            flags.append(Flag(kind="spun_copy", span=m.text,
                              detail=f"named once in an article about {names}: a word swapped in a copy?"))  # fmt: skip
    return flags


# "Article 5", "Art. IV", "Article 42(7)", and a number written out after a capital "Article"
# ("what will Article Five mean tomorrow?"; not "an article two readers sent")
ARTICLE_NAMED = re.compile(
    r"\b(?:(?:Article|Art\.)\s*(?P<n>\d+|[IVX]+)(?:\s*[.(]\s*(?P<p>\d+)\)?)?"
    r"|(?-i:Article)\s+(?P<w>one|two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.I,
)
NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], 1)
}
DESCRIBES = re.compile(
    r"\b(states?|stated|says?|said|stipulat\w*|provides?|calls? for|can be (used|invoked)|appl(y|ies)|covers?|"
    r"sees?|requires?|obliges?|commits?|guarantees?|declares?|allows?|reads?|under|pledg\w*|means?|mandates?|"
    # "stands behind MDT's Article 4, which extends to armed attacks on Filipino armed forces"
    r"extends? to|stands? (behind|by))\b",
    re.I,
)
COMPARED = re.compile(
    r"\b(like|unlike|than|such as|as in|similar to|modelled on|modeled on)\b[^.;]{0,16}$", re.I
)
AS_BEFORE = re.compile(r"\b(just )?as\s+$", re.I)
MEMBERS_AFTER = re.compile(r"\s+(members|allies|member states|countries)\b")
NATO_BEFORE = re.compile(r"\b(NATO|Nato|North Atlantic Treaty|alliance)(['’]s)?\s*$")
EU_BEFORE = re.compile(r"\b(EU|E\.U\.|European Union|Lisbon Treaty)(['’]s)?\s*$")
NATO_WORDS = re.compile(r"\b(NATO|Nato|North Atlantic|Washington Treaty|the alliance)\b")
EU_WORDS = re.compile(r"\b(EU|E\.U\.|European Union|Lisbon Treaty|EU treaty|Treaty on European Union)\b")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def _number(label: str) -> str | None:
    """ "Art. IV" -> "4", "Art. 42(7)" -> "42.7", "Art. 5" -> "5"."""
    m = ARTICLE_NAMED.search(label)
    if m is None:
        return None
    if m.group("w"):
        return NUMBER_WORDS[m.group("w").lower()]
    n = m.group("n").upper()
    base = str(ROMAN[n]) if n in ROMAN else n
    return f"{base}.{m.group('p')}" if m.group("p") else base


@lru_cache(maxsize=2)
def _articles_of_type(kind: str) -> dict[str, str]:
    """Each bundled treaty's first provision of an obligation type (its article label), by treaty id."""
    from casus.model import ObligationType
    from casus.world import load_world

    return {
        t.id: p.article
        for t in load_world(use_env=False).treaties.values()
        for p in t.provisions[::-1]
        if p.type is ObligationType(kind)
    }


def _defence_articles() -> dict[str, str]:
    """Each bundled treaty's first defence provision (its article label), by treaty id."""
    return _articles_of_type("defense")


@lru_cache(maxsize=1)
def _org_treaties() -> dict[str, str]:
    """Organisation id -> the pact of its collective defence (`defence_treaty` in the organisations file)."""
    from casus.evidence.gazetteer import organisations

    return {o["id"]: o["defence_treaty"] for o in organisations() if o.get("defence_treaty")}


@lru_cache(maxsize=1)
def _treaty_articles() -> dict[str, tuple[frozenset[str], dict[str, str]]]:
    """Each bundled treaty: its parties and its provisions by article number."""
    from casus.world import load_world

    out = {}
    # newest first: two states' treaty is the latest they signed (ru-kp-2024, not ru-kp-2000)
    for t in sorted(load_world(use_env=False).treaties.values(), key=lambda t: t.signed, reverse=True):
        arts = {n: p.article for p in t.provisions if (n := _number(p.article)) is not None}
        out[t.id] = (frozenset(m.state for m in t.parties), arts)
    return out


def _named_treaty(
    sent: str, actors: set[str], treaties: dict[str, tuple[frozenset[str], dict[str, str]]]
) -> str | None:
    """The treaty a sentence names: NATO's, the EU's, or the two-party treaty of two states it names
    ("the Russia-North Korea treaty's Article 4 is no commitment like NATO's Article 5": theirs)."""
    pair = None
    if TREATY_WORDS.search(sent) or re.search(r"\bMDT\b", sent):
        pair = next(
            (tid for tid, (parties, _) in treaties.items() if len(parties) == 2 and parties <= actors), None
        )
    nato, ref = NATO_WORDS.search(sent), ARTICLE_NAMED.search(sent)
    compared = (
        nato is not None
        and (
            COMPARED.search(sent[max(0, nato.start() - 24) : nato.start()]) is not None
            # "… as NATO members pledged to ensure mutual security": the alliance's members as a likeness
            or (
                AS_BEFORE.search(sent[max(0, nato.start() - 12) : nato.start()]) is not None
                and MEMBERS_AFTER.match(sent, nato.end()) is not None
            )
        )
    )
    if pair is not None and (nato is None or compared or (ref is not None and ref.start() < nato.start())):
        return pair
    if nato is not None and not compared:
        return "nato-1949"
    if EU_WORDS.search(sent):
        return "eu-teu-42-7"
    return None


@lru_cache(maxsize=1)
def _treaty_parties() -> dict[str, frozenset[str]]:
    """Each bundled treaty's parties at any time, with the organisations whose pact it is."""
    from casus.world import load_world

    orgs: dict[str, set[str]] = {}
    for o, tid in _org_treaties().items():
        orgs.setdefault(tid, set()).add(o)
    return {
        t.id: frozenset({m.state for m in t.parties} | orgs.get(t.id, set()))
        for t in load_world(use_env=False).treaties.values()
    }


_LONG_QUOTE = 8  # words: a quotation this long is a treaty's own text, whoever the article names


def plausible_links(
    links: list[ProvisionLink], named: dict[str, set[str]], actors: set[str]
) -> list[ProvisionLink]:
    """The links by wording that fit their article: a match to a treaty none of whose parties the
    article names is chance wording ("coercive behavior" in a piece on the US and Japan is not the
    SADC pact, however close the words, unless it quotes `_LONG_QUOTE` words or more), and a loose
    one (below `SURE`) in a sentence that names another treaty ("NATO has invoked Article 4 of the
    North Atlantic Treaty") is that treaty's, found by reference instead. Nor is a match in a
    sentence naming a state outside the pact and fewer than two of its parties ("any aggression on
    Qatar is an aggression against all", said by an AU member). `named` holds each sentence's
    actors, `actors` the article's."""
    treaties, parties = _treaty_articles(), _treaty_parties()
    out = []
    for lk in links:
        quoted = max((len(q.group(1).split()) for q in QUOTED.finditer(lk.sentence)), default=0)
        if lk.score is not None and lk.score < SURE and not TREATY_WORDS.search(lk.sentence):
            # a leader's own words ("will invariably support Russia in the struggle for defending the
            # national sovereignty, territorial integrity ...") in a sentence that speaks of no pact
            quoted = 0
        party = parties.get(lk.treaty, frozenset())
        # a pact of several states needs two of them named ("international peace and security" in a
        # piece on Iran and the US is not ANZUS)
        if lk.score is not None and quoted < _LONG_QUOTE and len(party & actors) < min(2, len(party)):
            # a close match on a stock phrase ("sovereignty and territorial integrity" in a piece on
            # Azerbaijan is not the Sahel pact); a long quotation of a treaty's words is still that treaty
            continue
        here = named.get(lk.sentence, set())
        strangers = {a for a in here if a not in party and a not in _org_treaties()}
        if lk.score is not None and quoted < _LONG_QUOTE and strangers and len(here & party) < 2:
            # "any aggression on Qatar is an aggression against all", said by Mauritania: a pledge
            # to a state outside the AU's pact, not that pact's wording
            continue
        if lk.score is not None and lk.score < SURE:
            other = _named_treaty(lk.sentence, named.get(lk.sentence, set()), treaties)
            if (other is not None and other != lk.treaty) or not (
                parties.get(lk.treaty, frozenset()) & actors
            ):
                continue
        out.append(lk)
    return out


def reference_links(
    sents: list[str], actors: list[set[str]], links: list[ProvisionLink], counts: dict[str, int] | None = None
) -> list[ProvisionLink]:
    """Sentences that name an article and say what it does ("Article 5 of the Japan-U.S. Security
    Treaty applies to the Senkaku Islands", "Article 3 states that ..."), linked to the provision
    of the treaty they name, or else of the treaty the article was speaking of: the last one
    named, else the article's main pact (`main_pact` of the actors' mention `counts`). Score
    None: found by reference, not by wording."""
    treaties = _treaty_articles()
    quoted = {lk.sentence: lk.treaty for lk in links}
    current: str | None = main_pact(counts) if counts else None
    out = []
    for sent, named in zip(sents, actors, strict=True):
        treaty = _named_treaty(sent, named, treaties) or quoted.get(sent)
        if sent not in quoted and ARTICLE_NAMED.search(sent) and DESCRIBES.search(sent):
            seen = set()
            for m in ARTICLE_NAMED.finditer(sent):
                before, after = sent[max(0, m.start() - 24) : m.start()], sent[m.end() : m.end() + 40]
                if COMPARED.search(before):
                    continue  # "no commitment like NATO's Article 5": a comparison, not this text
                tid = (
                    "nato-1949" if NATO_BEFORE.search(before) or re.match(r"\s+of the North Atlantic", after)
                    else "eu-teu-42-7" if EU_BEFORE.search(before)
                    else (treaty if treaty != "nato-1949" or NATO_WORDS.search(after) else None) or current
                )  # fmt: skip
                number = _number(m.group(0))
                if tid is None or number is None or tid not in treaties or (tid, number) in seen:
                    continue
                article = treaties[tid][1].get(number)
                if article is not None:
                    seen.add((tid, number))
                    out.append(ProvisionLink(treaty=tid, article=article, score=None, sentence=sent))
        # the pact of an organisation the sentence names ("the Alliance of Sahel States")
        orgs = [tid for o, tid in _org_treaties().items() if o in named]
        if not any(lk.sentence == sent for lk in out[-1:]) and sent not in quoted:
            out += _pledge_link(sent, named, treaty, current)
            out += _consult_link(sent, named, treaty, current)
        current = treaty or (orgs[0] if len(orgs) == 1 else None) or current
    return out


@lru_cache(maxsize=1)
def _two_party_pacts() -> dict[frozenset[str], list[str]]:
    """The bundled two-party treaties with a defence provision, by their pair of states."""
    from casus.world import load_world

    out: dict[frozenset[str], list[str]] = {}
    for t in load_world(use_env=False).treaties.values():
        states = frozenset(m.state for m in t.parties)
        if t.id in _defence_articles() and len(states) == 2:
            out.setdefault(states, []).append(t.id)
    return out


def main_pact(counts: dict[str, int]) -> str | None:
    """The pact an article is about when it says only "the treaty": a two-party defence pact of
    the state it names most, with the partner it names most among that state's pact partners
    (ahead of any other), None when that is not clear."""
    if not counts:
        return None
    first = max(counts, key=lambda a: counts[a])
    mine = [
        (counts.get(next(iter(p - {first})), 0), ids) for p, ids in _two_party_pacts().items() if first in p
    ]
    mine.sort(key=lambda x: -x[0])
    if not mine or mine[0][0] == 0 or (len(mine) > 1 and mine[1][0] == mine[0][0]) or len(mine[0][1]) != 1:
        return None
    return mine[0][1][0]


def _pledge_link(sent: str, named: set[str], treaty: str | None, current: str | None) -> list[ProvisionLink]:
    """A sentence that restates a pact's collective-defence promise in its own words ("assistance
    in case one of the states is attacked", "an attack on Qatar is an attack against all GCC
    states") is linked to that pact's defence provision: the pact of the two states or of the
    organisation it names, else the one the article was speaking of."""
    if not TREATY_LANGUAGE.search(sent) or THREAT_CASE.search(sent):
        return []
    return _restated(sent, named, treaty, current, _defence_articles())


# A pact's promise to consult when a party is threatened, in a reporter's words ("agree ... to
# consult together whenever the territory or independence of any one of them is threatened")
CONSULT_CASE = re.compile(
    r"\bconsult\w*\b(\s+\w+){0,3}?\s+(whenever|if|when|in case|in the event)\b[^.;]{0,100}\b(threatened|under threat)\b",
    re.I,
)


def _consult_link(sent: str, named: set[str], treaty: str | None, current: str | None) -> list[ProvisionLink]:
    """A sentence that restates a pact's promise of consultation under threat, linked to that
    pact's consultation provision (NATO's Art. 4), chosen as `_pledge_link` chooses the pact."""
    if not CONSULT_CASE.search(sent):
        return []
    return _restated(sent, named, treaty, current, _articles_of_type("consultation"))


def _restated(
    sent: str, named: set[str], treaty: str | None, current: str | None, articles: dict[str, str]
) -> list[ProvisionLink]:
    """The link to the provision (of the articles given) of the pact a restating sentence is about."""
    orgs = [tid for o, tid in _org_treaties().items() if o in named and tid in articles]
    # the two states' own pact before an alliance named beside them ("the agreement between Pakistan
    # and Saudi Arabia ... as NATO members pledged")
    pairs = {t for pair, ts in _two_party_pacts().items() if pair <= named for t in ts if t in articles}
    tid = (
        treaty
        if treaty in articles
        else next(iter(pairs))
        if len(pairs) == 1
        else orgs[0]
        if len(orgs) == 1
        else current
        if current in articles
        else None
    )
    if tid is None:
        return []
    return [ProvisionLink(treaty=tid, article=articles[tid], score=None, sentence=sent)]
