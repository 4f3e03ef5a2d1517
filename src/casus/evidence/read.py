"""Reading articles end to end: actors, claims (parsed or by rules), quotations, provision links, flags.

Comparing several articles is `casus.evidence.compare`."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from casus.evidence.asides import asides as find_asides
from casus.evidence.claims import read_claims
from casus.evidence.confidence import load as load_confidence
from casus.evidence.confidence import score_claims
from casus.evidence.events import remember
from casus.evidence.gate import (
    CLOSE_QUOTE,
    Gate,
    gate,
    in_quote,
    local_mentions,
    open_after,
)
from casus.evidence.gazetteer import Gazetteer, Mention, default_gazetteer, organisation_ids
from casus.evidence.links import (
    article_flags,
    bundled_provisions,
    link_provisions,
    mention_flags,
    plausible_links,
    reference_links,
    subject_flags,
)
from casus.evidence.model import (
    UNTARGETED,
    ActorCount,
    ArticleReading,
    Attribution,
    Claim,
    Flag,
    ProvisionLink,
    Quotation,
)
from casus.evidence.parse import ReaderUnavailable, pipeline
from casus.evidence.parsed import targets
from casus.evidence.people import introduced_people, offices_named_again, own_countries
from casus.evidence.sentences import sentences
from casus.evidence.sources import Document
from casus.evidence.syntax import code_sentence, main_subject
from casus.evidence.tokens import mend_parse
from casus.evidence.voice import quotations, quote_speaker, speaker_of


@dataclass
class Parsed:
    """What the parser read in a document, and the sentences left to the rules."""

    claims: list[Claim]
    quotes: list[Quotation]
    voices: dict[str, Attribution]  # each parsed sentence's attribution as a whole
    parsed: int
    overflow: list[tuple[int, str]]  # sentences past PARSE_BUDGET_WORDS


_IT_SAID = re.compile(
    r"[,”\"]\s*(?:it|the statement)\s+(?:said|added|stated|noted|continued|stressed|warned)\b"
)
# "It said the decision was ...", "But it said this followed ...": a body named before speaks again
_IT_SAYS = re.compile(
    r"(?:^|\b(?:[Bb]ut|[Aa]nd|[Hh]owever,?)\s+)[Ii]t\s+(?:also\s+|further\s+)?"
    r"(?:said|says|added|stated|noted|claimed|reported|stressed|warned)\b"
)


def _body_before(rows: list[tuple[int, str, list[Claim], Attribution]], index: int) -> Attribution | None:
    """The voice of the nearest of the two sentences before that speaks for a body (officials or
    an outlet, never a person): whom "it" names when it speaks."""
    for i, _, _, said in reversed(rows):
        if i < index - 2:
            return None
        if said.kind in ("officials", "media_reports"):
            return said
    return None


def _quoted_voices(rows: list[tuple[int, str, list[Claim], Attribution]], runs_on: set[int]) -> None:
    """Who speaks a quotation that runs over several sentences: a sentence of quotation with no
    speaker of its own takes the voice of the sentence next to it that has one, before it
    ("X said: '...'" then '"..."') or after it ('"...' then '...," X said'). Rows are the parsed
    sentences in order (index in the document, text, claims, attribution); changed in place."""

    def recast(k: int, said: Attribution) -> None:
        i, sent, found, _ = rows[k]
        if said.kind == "speaker" and sent.lstrip()[:1] in ('"', "“"):
            # a state's own voice inside the quotation ('"The United States strongly condemns ...')
            # is the quoted speaker's
            found = [
                c.model_copy(update={"attribution": said}) if c.attribution.kind == "officials" else c
                for c in found
            ]
        rows[k] = (i, sent, _on_word(found, said), said)

    for k in range(1, len(rows)):
        (pi, psent, _, psaid), (i, sent, _, said) = rows[k - 1], rows[k]
        if (
            said.kind == "author"
            and psaid.kind != "author"
            and pi == i - 1
            and (in_quote(sent) or (open_after(psent) and any(q in sent for q in ('"', CLOSE_QUOTE))))
        ):
            recast(k, psaid)
    for k in range(len(rows) - 2, -1, -1):
        (i, sent, _, said), (ni, _, _, nsaid) = rows[k], rows[k + 1]
        # the speaker named where the quotation closes: after this sentence, or after one it runs through
        if (
            said.kind == "author"
            and nsaid.kind != "author"
            and ni == i + 1
            and (open_after(sent) or i in runs_on)
        ):
            recast(k, nsaid)


def code_parsed(g: Gate, docs: Iterable[Any], on: dt.date | None = None) -> Parsed:
    """Claims and quotations of a gate's sentences from their dependency parses (`docs`, in the
    gate's order; `casus.evidence.syntax`)."""
    quotes = list(g.quotes)
    claims: list[Claim] = []
    voices: dict[str, Attribution] = {}
    last: Attribution | None = None
    rows: list[tuple[int, str, list[Claim], Attribution]] = []
    about: list[str] = []  # what the sentence before was about, if it was parsed
    events: dict[str, list[str]] = {}  # who did the events told so far, by kind
    home = g.filed_from  # whose officials "the ministry" and "the military" are: the last named
    for doc, (sent, local, context, index, named, heard, group, group_last, _through) in zip(
        docs, g.todo, strict=True
    ):
        if heard is not None:  # "Shafqat Ali Khan said ..." in a sentence not parsed, then "He stated ..."
            last = Attribution(kind="speaker", who=heard)
        mend_parse(doc)
        said = speaker_of(doc, local, last, sent, on)
        if index == g.dateline_at and g.filed_from is not None:
            home = g.filed_from  # the dateline's officials, whatever a headline above it was read to say
        previous = about if rows and rows[-1][0] == index - 1 else []
        found = code_sentence(doc, local, sent, context, last, on, named, previous, events,
                              (group, group_last), home)  # fmt: skip
        # (before any state's officials were quoted, and with no dateline: the state named last,
        # "the ministry said" of the country the article just spoke of)
        named_last = next((c for c in context or [] if c not in organisation_ids()), None)
        found = _homed(found, home or named_last) if home or named_last else _self_announced(found)
        if said.kind == "author" and rows and rows[-1][0] >= index - 2 and _IT_SAID.search(sent):
            # '"The agreement states that ...," it added': on the word of whoever spoke just before
            said = rows[-1][3]
            found = _on_word(found, said)
        elif said.kind == "author" and _IT_SAYS.search(sent) and (body := _body_before(rows, index)):
            said = body
            found = _on_word(found, said)
        if said.kind == "officials" and said.who is not None and said.who not in organisation_ids():
            home = said.who
        rows.append((index, sent, found, said))
        about = main_subject(doc, local, previous)
        remember(events, found)
        if said.kind == "speaker" and said.who:
            last = said
        elif said.kind == "author" and (own := _own_speaker(found)) is not None:
            last = own  # "X condemned the order. He accused the US of ...": X, who spoke last
        passages = quotations(sent)
        if passages:
            who = quote_speaker(doc, local)
            quotes.extend(Quotation(text=q, speaker=who) for q in passages)
    _quoted_voices(rows, {t.position for t in g.todo if t.through})
    for _, sent, found, said in rows:
        claims.extend(found)
        voices[sent] = said
    return Parsed(claims, quotes, voices, len(g.todo), g.overflow)


def _own_speaker(found: list[Claim]) -> Attribution | None:
    """The person a sentence in the article's voice shows speaking (its claims on a named
    person's own word, as a condemnation or an accusation is), if any."""
    return next(
        (
            c.attribution
            for c in found
            if c.attribution.kind == "speaker" and c.attribution.who and not c.attribution.via
        ),
        None,
    )


def _on_word(found: list[Claim], said: Attribution) -> list[Claim]:
    """The claims the article tells in its own voice, put on `said`'s word."""
    return [
        c.model_copy(update={"attribution": said}) if c.attribution.kind == "author" else c for c in found
    ]


def _homed(found: list[Claim], home: str | None) -> list[Claim]:
    """Claims on the word of unnamed officials ("the ministry said", "the military said") put on
    the word of the state whose officials the article last quoted (or where it was filed from)."""
    if home is None:
        return found
    return [
        c.model_copy(update={"attribution": c.attribution.model_copy(update={"who": home})})
        if c.attribution.kind == "officials" and c.attribution.who is None
        else c
        for c in found
    ]


# What a state's own officials announce of it ("Algeria has closed its airspace to all Moroccan
# planes, the presidency said"), as against an act on another that its victim may report
_SELF_ANNOUNCED = frozenset({"sanction", "agree_sign", "send_troops", "mobilize", "support_politically",
                             "assist_militarily", "transfer_arms", "transfer_technology", "cooperate_militarily",
                             "request_aid"})  # fmt: skip


# "North Korea, accused of sending troops": what others charge it with, not what it announces
_CHARGED = re.compile(r"\b(?:accus|alleg|blam|charg|condemn|critici|denounc|suspect)", re.I)


def _self_announced(found: list[Claim]) -> list[Claim]:
    """Claims on the word of unnamed officials ("the presidency said", "the military said") where the
    article has named no state before: the officials of the state the claim says acted, for what
    a state announces of itself."""
    return [
        c.model_copy(update={"attribution": c.attribution.model_copy(update={"who": c.subject})})
        if c.attribution.kind == "officials"
        and c.attribution.who is None
        and c.relation in _SELF_ANNOUNCED
        and c.subject is not None
        and c.subject not in organisation_ids()
        and not _CHARGED.search(c.text)
        else c
        for c in found
    ]


def parsed_claims(
    sents: list[tuple[int, str]], mentions: list[Mention], nlp: Any, on: dt.date | None = None
) -> Parsed:
    """Claims and quotations of the sentences `gate` picks, parsed in one batch."""
    g = gate(sents, mentions)
    return code_parsed(g, nlp.pipe(g.texts(), batch_size=BATCH), on)


BATCH = 64  # sentences per batch of the parser: larger batches pay its fixed costs less often


DEFENCE_WORDS = re.compile(
    r"\b(attack\w*|assault\w*|aggression|invasion|invaded|assistance|defen[cs]e|war)\b", re.I
)


# What a pact aims at, not what it pledges ("aims to develop aspects of defence cooperation ... and
# strengthen joint deterrence against any aggression")
_AIMS = re.compile(r"\b(?:defen[cs]e cooperation|deterrence against any aggression)\b", re.I)

_FEW = 4  # a pact of up to this many states is pledged pair by pair (the Sahel states, ANZUS)


@lru_cache(maxsize=1)
def _pact_defence() -> dict[tuple[str, str], tuple[str, ...]]:
    """(treaty, article) of each mutual defence provision of a bundled treaty of two to four
    states that all exist today -> its parties (a treaty whose party has since ceased to exist,
    such as the Soviet Union's, is pledged between its two parties only when it had two)."""
    from casus.model import Direction, ObligationType
    from casus.world import load_world

    world = load_world(use_env=False)
    out = {}
    for t in world.treaties.values():
        states = tuple(sorted({m.state for m in t.parties}))
        gone = [a for a in states if a in world.states and world.states.get(a).end is not None]
        if not 2 <= len(states) <= _FEW or (len(states) > 2 and gone):
            continue
        for p in t.provisions:
            if p.type is ObligationType.DEFENSE and p.direction is Direction.MUTUAL:
                out[(t.id, p.article)] = states
    return out


# the case a reaffirmation names: "extends to armed attacks on Philippine armed forces"
_ATTACK_ON = re.compile(r"\b(attacks?|aggression|assault)\s+(on|of|against|upon)\s+(\S+\s+){0,3}$", re.I)


def _defended(sentence: str, mentions: list[Mention], parties: tuple[str, ...]) -> list[str]:
    """The parties a sentence names as the ones whose attack is the case ("reaffirms that Article IV
    extends to armed attacks on Philippine armed forces")."""
    return list(dict.fromkeys(
        a for m in mentions for a in targets(m)
        if a in parties and _ATTACK_ON.search(sentence, max(0, m.start - 40), m.start)
    ))  # fmt: skip


def pledges(
    links: list[ProvisionLink],
    claims: list[Claim],
    coder: str,
    voices: dict[str, Attribution] | None = None,
    mentions: dict[str, list[Mention]] | None = None,
) -> list[Claim]:
    """A sentence that quotes or paraphrases the mutual defence article of a pact of two to four
    states is each party's conditional pledge of military assistance to each other, never an
    attack between them: the claims, with such pledges added and attacks between the parties in
    that sentence dropped. Where the sentence names one party as the one attacked ("extends to
    armed attacks on Philippine armed forces"), the others' pledges to it only: a reaffirmation
    of what the pact means for that party. `mentions` holds each sentence's own."""
    table = _pact_defence()
    # the claims grouped by sentence, in order, so that each link looks only at its own sentence
    by_sentence: dict[str, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.text, []).append(c)
    for link in links:
        parties = table.get((link.treaty, link.article))
        if parties is None:
            continue
        if not DEFENCE_WORDS.search(_AIMS.sub(" ", link.sentence)):
            continue  # names the treaty without its pledge ("the treaty ... was signed")
        among = set(parties)
        here = [
            c for c in by_sentence.get(link.sentence, [])
            if not (c.relation == "attack" and {c.subject, c.object} <= among)
            and not (c.conditional and c.relation == "assist_militarily" and not {c.subject, c.object} <= among)
        ]  # fmt: skip
        by_sentence[link.sentence] = here
        have = {(c.subject, c.object) for c in here if c.relation == "assist_militarily"}
        # on the word of whoever the sentence's other claims are on ("..., KCNA said")
        said = (voices or {}).get(link.sentence) or next(
            (c.attribution for c in here if c.attribution.kind != "author"), Attribution(kind="author")
        )
        defended = _defended(link.sentence, (mentions or {}).get(link.sentence, []), parties)
        for x, y in ((x, y) for x in parties for y in parties if x != y):
            if len(defended) == 1 and y != defended[0]:
                continue
            if (x, y) not in have:
                here.append(
                    Claim(
                        text=link.sentence,
                        subject=x,
                        relation="assist_militarily",
                        object=y,
                        polarity="positive",
                        modality="asserted",
                        attribution=said,
                        conditional=True,
                        coder=coder,
                    )
                )
    return [c for group in by_sentence.values() for c in group]


@dataclass
class _Prepared:
    """A document found, split and gated, waiting for its parses."""

    doc: Document
    date: dt.date
    date_from: str
    mentions: list[Mention]
    sents: list[tuple[int, str]]
    gate: Gate | None  # None: the rules read it


def _coder_pipeline(coder: str | None) -> Any:
    """The parser pipeline for `coder`, or None when the rules read."""
    if coder == "rules":
        return None
    try:
        return pipeline()
    except ReaderUnavailable:
        if coder == "parse":
            raise
        return None


_UN_FOUNDED = dt.date(1945, 10, 24)


def _prepare(doc: Document, on: dt.date | None, g: Gazetteer, parse: bool) -> _Prepared:
    date, date_from = (
        (on, "option") if on else (doc.date, "document") if doc.date else (dt.date.today(), "today")
    )
    mentions = introduced_people(doc.text, g.find(doc.text, date))
    mentions = own_countries(doc.text, offices_named_again(doc.text, mentions))
    sents = sentences(doc.text)
    return _Prepared(doc, date, date_from, mentions, sents, gate(sents, mentions) if parse else None)


def confident(reading: ArticleReading, min_confidence: float) -> ArticleReading:
    """The reading without the claims less likely right than `min_confidence`, saying how many went."""
    kept = [c for c in reading.claims if c.confidence is None or c.confidence >= min_confidence]
    left_out = len(reading.claims) - len(kept)
    return reading.model_copy(
        update={"claims": kept, "min_confidence": min_confidence, "claims_left_out": left_out}
    )


def read_document(
    doc: Document,
    *,
    on: dt.date | None = None,
    gaz: Gazetteer | None = None,
    coder: str | None = None,
    min_confidence: float = 0.0,
) -> ArticleReading:
    """Actors, claims, quotations, provision links and flags of one document.

    Claims come from the dependency parse when the pinned English pipeline is installed
    (`casus.evidence.parse`), else from the rule-based coder; `coder` ("parse" or "rules")
    chooses, and the reading records which one read it. Every claim carries its confidence
    (`casus.evidence.confidence`); those less likely right than `min_confidence` are left out and
    counted (the commands, the service and the gold scorer pass `MIN_CONFIDENCE`).
    """
    g = gaz or default_gazetteer()
    nlp = _coder_pipeline(coder)
    p = _prepare(doc, on, g, nlp is not None)
    docs = nlp.pipe(p.gate.texts(), batch_size=BATCH) if nlp is not None and p.gate is not None else iter(())
    return confident(_finish(p, docs, g), min_confidence)


def read_documents(
    docs: Iterable[Document],
    *,
    on: dt.date | None = None,
    gaz: Gazetteer | None = None,
    coder: str | None = None,
    min_confidence: float = 0.0,
) -> Iterator[ArticleReading]:
    """`read_document` of each document, in order, the same readings, with the parser's batches
    shared between documents (a feed's short articles fill a batch together)."""  # fmt: skip
    for reading in _read_stream(docs, on, gaz, coder):
        yield confident(reading, min_confidence)


def _read_stream(
    docs: Iterable[Document], on: dt.date | None, gaz: Gazetteer | None, coder: str | None
) -> Iterator[ArticleReading]:
    g = gaz or default_gazetteer()
    nlp = _coder_pipeline(coder)
    waiting: list[_Prepared] = []
    queued = 0
    for doc in docs:
        p = _prepare(doc, on, g, nlp is not None)
        if nlp is None or p.gate is None:
            yield _finish(p, iter(()), g)
            continue
        waiting.append(p)
        queued += len(p.gate.todo)
        if queued >= 4 * BATCH:
            yield from _finish_all(waiting, nlp, g)
            waiting, queued = [], 0
    yield from _finish_all(waiting, nlp, g)


def _finish_all(waiting: list[_Prepared], nlp: Any, g: Gazetteer) -> Iterator[ArticleReading]:
    texts = [t for p in waiting for t in (p.gate.texts() if p.gate is not None else [])]
    parsed = iter(list(nlp.pipe(texts, batch_size=BATCH))) if texts else iter(())
    for p in waiting:
        n = len(p.gate.todo) if p.gate is not None else 0
        yield _finish(p, (next(parsed) for _ in range(n)), g)


def _outlet_of(source: str | None, name: str | None) -> bool:
    """Whether an outlet named in the text ("Orda.kz reports", "RFE/RL reported") is the one whose
    address the article was read from (en.orda.kz, www.rferl.org)."""
    if not source or not name:
        return False
    host = urlsplit(source).hostname or ""
    said = re.sub(r"[^a-z0-9]", "", name.lower())
    labels = host.lower().split(".")
    whole = "".join(labels[-2:]) if len(labels) >= 2 else ""
    return len(said) >= 4 and (said in labels or said == whole)


def _own_report(c: Claim, source: str | None) -> Claim:
    """A claim the article says its own outlet reports is on the author's word."""
    a = c.attribution
    if a.kind == "media_reports" and _outlet_of(source, a.who):
        return c.model_copy(update={"attribution": Attribution(kind="author")})
    if a.via is not None and _outlet_of(source, a.via):
        return c.model_copy(update={"attribution": a.model_copy(update={"via": None})})
    return c


def _finish(p: _Prepared, docs: Iterator[Any], g: Gazetteer) -> ArticleReading:
    """The reading of a prepared document, from the parses of its gated sentences."""
    doc, date, date_from, mentions, sents = p.doc, p.date, p.date_from, p.mentions, p.sents
    text = doc.text
    counts: Counter[str] = Counter(a for m in mentions for a in targets(m))
    forms: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        for a in targets(m):
            forms[a].add(m.text)
    voices: dict[str, Attribution] = {}
    parsed = 0
    if p.gate is not None:
        r = code_parsed(p.gate, docs, date)
        claims, quotes, voices, parsed = r.claims, r.quotes, r.voices, r.parsed
        if r.overflow:
            more, more_quotes = read_claims(text, mentions, r.overflow)
            claims, quotes = claims + more, quotes + more_quotes
    else:
        claims, quotes = read_claims(text, mentions, sents)
    links = link_provisions([s for _, s in sents], bundled_provisions())
    named: list[set[str]] = []
    placed: dict[str, list[Mention]] = {}
    k = 0
    for offset, sent in sents:
        local, k = local_mentions(mentions, offset, offset + len(sent), k)
        named.append({a for m in local for a in targets(m)})
        placed[sent] = local
    links = plausible_links(links, dict(zip((s for _, s in sents), named, strict=True)), set(counts))
    links += reference_links([s for _, s in sents], named, links, counts)
    claims = pledges(links, claims, "parse" if p.gate is not None else "rules", voices, placed)
    asides = find_asides([s for _, s in sents])
    # "Israel holds the Palestine Liberation Organization responsible" in 1982: no state of
    # Palestine yet, so no claim about one (the name still counts for the anachronism flags).
    # Before the UN's founding the registry's start dates do not describe the world (Russia in
    # 1914 is Russia), so a name's latest state stands in, as the gazetteer resolves it.
    unborn = {a for a, born in g.born.items() if born > date} if date >= _UN_FOUNDED else set()
    claims = [
        _own_report(c, doc.source)
        for c in claims
        if (c.object is not None or c.relation in UNTARGETED)
        and c.text not in asides
        and c.subject not in unborn
        and c.object not in unborn
    ]
    actors = [ActorCount(id=k, mentions=n, forms=sorted(forms[k])) for k, n in counts.most_common()]
    claims = score_claims(load_confidence(), claims, actors)
    flags = mention_flags(text, mentions, g) + article_flags(links) + subject_flags(mentions, g)
    flags += [Flag(kind="boilerplate", span=line[:160], detail=f"removed before reading ({rule})")
              for rule, line in doc.removed]  # fmt: skip
    return ArticleReading(
        source=doc.source,
        title=doc.title,
        date=date,
        date_from=date_from,
        words=len(text.split()),
        actors=actors,
        claims=claims,
        quotations=quotes,
        provisions=links,
        flags=flags,
        removed_lines=doc.removed_lines,
        coder="parse" if p.gate is not None else "rules",
        sentences=len(sents),
        sentences_parsed=parsed,
    )
