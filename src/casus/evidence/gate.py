"""Which sentences of a document the parser reads, and what each needs from those before it: the
states named last, the pact spoken of, the group of states named together, the office-holder
named last, a speaker quoted in a sentence left unparsed. The rest is read by the rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from casus.evidence.gazetteer import Mention, default_gazetteer
from casus.evidence.headlines import headline_case
from casus.evidence.lexicon import CANDIDATE, COLLECTIVE, GROUPED, TREATY_LANGUAGE
from casus.evidence.model import Quotation
from casus.evidence.people import named_speaker
from casus.evidence.voice import quotations

__all__ = [
    "CLOSE_QUOTE",
    "DATELINE",
    "PARSE_BUDGET_WORDS",
    "Gate",
    "Todo",
    "gate",
    "in_quote",
    "local_mentions",
    "open_after",
]

# "MANILA, Philippines —", "NEW YORK:", "BEIJING (Reuters) -": a dateline is not part of the sentence
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
# "SEOUL, Nov 5 (Reuters) - ", "BEIJING/TAIPEI (Reuters) -China's", "BRUSSELS Nov 17 France ..."
DATELINE = re.compile(
    # "NZPA-Reuter Nairobi President Idi Amin ...": the press association, its wire, the place (first:
    # the capitals' pattern would take "NZPA-" alone)
    r"^NZPA(?:-[A-Za-z]+)*\s+[A-Z][a-z]+(?: (?:York|Delhi|Kong|Aires|Aviv|Lumpur|Penh|Salaam))?\s+(?=[A-Z])"
    r"|^[A-Z][A-Z .'/-]{2,30}(,\s+[A-Z][A-Za-z0-9 .,]{2,30}?)?(\s+\([A-Za-z0-9 .]{2,30}\)\.?)?\s*(—|–|-{1,2}|:)\s*"
    rf"|^[A-Z][A-Z .'/-]{{2,30}},?\s+{_MONTH}\s+(?=[A-Z])"
    # a place in title case: "Dubai: Israel launched ...", "Seoul - North Korea has decided ..."
    r"|^[A-Z][a-z]+(?: [A-Z][a-z]+)?(?::|\s*[—–]|\s{2,}-{1,2})\s+(?=[A-Z])"
    # "Washington, DC, US (PANA) - Rwanda and ...": places in title case, then an agency or a dash
    r"|^[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:, [A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?){1,2}(?:\s+\([A-Za-z .]{2,30}\))?\s+(?:—|–|-{1,2})\s+(?=[A-Z])"
    # "Maputo (MOZTIMES)—Mozambique and Rwanda signed ...": a place in title case, its agency, a dash
    r"|^[A-Z][a-z]+(?: [A-Z][a-z]+)?\s+\([A-Za-z0-9 .]{2,30}\)\s*(?:—|–|-{1,2})\s*(?=[A-Z])"
    # "Sanaa, Aug 18 (IANS) Yemen's Houthi group has said ...": a place, a date, an agency
    rf"|^[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s+{_MONTH}\s+\([A-Za-z0-9 .]{{2,30}}\)\s*(?:—|–|-{{1,2}})?\s*(?=[A-Z])"
    # "Shafaq News/A spokesperson of the Iraqi government ...": the outlet's name and a slash
    r"|^[A-Z][a-z]+ News/\s*(?=[A-Z])"
)


# "the two leaders", "both presidents", "the two foreign ministers": the people, not the states, were named
_TWO_LEADERS = re.compile(
    r"\b(?:the two|both)\s+(?:[a-z]+\s+)?(?:leaders|presidents|premiers|ministers)\b", re.I
)
_BACKTICK = re.compile(r"(?<=\w)`(?=\w)")


# a capital's name before a meeting or the pact made there
_GATHERING_AFTER = re.compile(
    r"[- ](?:mini-)?(?:summit|talks|process|accords?|agreements?|declaration|format|conference|meeting)s?\b",
    re.I,
)


def local_mentions(mentions: list[Mention], offset: int, end: int, k: int) -> tuple[list[Mention], int]:
    """The mentions inside [offset, end), shifted to sentence offsets; `k` walks the sorted list."""
    while k < len(mentions) and mentions[k].start < offset:
        k += 1
    j, local = k, []
    while j < len(mentions) and mentions[j].start < end:
        m = mentions[j]
        local.append(Mention(m.start - offset, m.end - offset, m.text, m.form, m.current))
        j += 1
    return local, k


# what may stand before a sentence's subject: titles and names ("Colombian President", "The")
_OPENING = re.compile(r"(?:(?:[A-Z][\w'’.-]*|the|of)\s+)*")


def _person_spoken_of(sent: str, local: list[Mention]) -> str | None:
    """The state of the office-holder a later "he" or "she" most likely is: the one the sentence
    opens with, as its subject ("Petro, who has clashed with Trump since the US leader returned
    ..., has criticised"), else the one it named last."""
    leaders = [m for m in local if m.form.kind == "leader"]
    if not leaders:
        return None
    first = leaders[0]
    if _OPENING.fullmatch(sent[: first.start]) and sent[first.end : first.end + 1] in (",", " "):
        return first.form.target
    return leaders[-1].form.target


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|&|—|–|\(|/)?\s*(?:the\s+)?", re.I)


def _listed(sent: str, local: list[Mention]) -> list[str]:
    """The states of the longest list of names in a sentence ("Mali, Niger and Burkina Faso",
    "the US, Japan, and South Korea"), in order; a list is names with only commas, "and" or a
    dash between them."""
    best: list[str] = []
    run: list[str] = []
    end = -1
    for m in local:
        if m.form.kind in ("leader", "org"):
            continue
        if run and not _LIST_GAP.fullmatch(sent, end, m.start):
            run = []
        if m.form.target not in run:
            run.append(m.form.target)
        end = m.end
        if len(run) > len(best):
            best = list(run)
    return best


# '"...," Zakharova was quoted as saying', '"...," said Zakharova': an office-holder the gazetteer
# knows by surname alone, speaking
_SPEAKS_AFTER = re.compile(r"\s+(?:was quoted as saying|said|says|told|added|stated|noted|stressed|wrote)\b")
_SPEAKS_BEFORE = re.compile(r"\b(?:said|says|added|told|stated|noted|stressed|wrote)\s+$")


def _leader_speaking(sent: str, local: list[Mention]) -> str | None:
    """The office-holder a sentence left unparsed quotes by a name the gazetteer knows ("...,"
    Zakharova was quoted as saying), or None."""
    for m in local:
        if m.form.kind != "leader" or m.form.person is None:
            continue
        if _SPEAKS_AFTER.match(sent, m.end) or _SPEAKS_BEFORE.search(sent[max(0, m.start - 12) : m.start]):
            return m.form.person
    return None


PARSE_BUDGET_WORDS = 60_000  # per document: beyond it (a book, not an article), the rules read on


_OPEN, CLOSE_QUOTE = "“", "”"


_PLACE = re.compile(r"[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+)?")


def _place(dateline: str) -> str | None:
    """The state of a dateline's place written in capitals ("ISLAMABAD:", "BEIJING -"), which the
    gazetteer's patterns (written as names are) do not match."""
    m = _PLACE.match(dateline)
    if m is None:
        return None
    forms = default_gazetteer().by_text.get(m.group(0).title(), [])
    return next((f.target for kind in ("capital", "name") for f in forms if f.kind == kind), None)


def open_after(sent: str) -> bool:
    """Whether a quotation is still open at the sentence's end (it goes on in the next)."""
    return sent.count(_OPEN) > sent.count(CLOSE_QUOTE) or sent.count('"') % 2 == 1


def _still_open(sent: str) -> bool:
    """Whether a quotation open before the sentence is open after it: it holds no closing mark, or
    closes one and opens another."""
    closes = sent.count(CLOSE_QUOTE) + sent.count('"')
    if sent.lstrip()[:1] in ('"', _OPEN):
        # a paragraph of the same quotation opens with its mark again ('"I also discussed ...' then
        # '"We will not give in ...," added Macron'): open after it as it leaves its own
        return open_after(sent)
    return closes == 0 or open_after(sent[sent.find(CLOSE_QUOTE if CLOSE_QUOTE in sent else '"') + 1 :])


def in_quote(sent: str) -> bool:
    """A sentence that is all quotation, or opens one it does not close."""
    t = sent.strip()
    return t[:1] in ('"', _OPEN) and (t.rstrip(".!?")[-1:] in ('"', CLOSE_QUOTE) or open_after(t))


_PACT = re.compile(r"\b(pact|treaty|agreement|accord|alliance|deal|memorandum|letters? of intent)\b", re.I)
_THE_PACT = re.compile(r"\b(?:the|this)\s+(?:\w+\s+)?(?:pact|treaty|agreement|accord|deal)\b", re.I)
_GROUP_MAX = 8  # a sentence naming more states than this (the Nordic-Baltic eight) names no group
# A sentence whose actor is a pronoun for someone named before ("They also agreed to ...", "He
# warned that ..."): parsed when the sentence before it was, or an office-holder was named
_PRONOUN_ACTOR = re.compile(r"(?:[^\w\s]\s*)?(?:(they|it)|(he|she))\b(?:\s+\w+){0,2}?\s+\w+(?:ed|s)\b", re.I)


class Todo(NamedTuple):
    """A sentence to parse, with what it needs from the sentences before it."""

    text: str
    mentions: list[Mention]  # its actors, at sentence offsets
    context: list[str]  # the two states named last
    position: int  # its place among the document's sentences
    person: str | None  # the state of the office-holder named last ("he")
    heard: str | None  # a person quoted by name since the last parsed sentence
    group: list[str]  # the three or more states a sentence before named together, for "the three countries"
    group_last: bool  # no sentence since named two or more states: "them", "the countries" are they
    # a quotation opened before it runs on past it ('"... Article 4 provides ... ," X said')
    through: bool = False


@dataclass
class Gate:
    """The sentences of a document the parser is to read, with what each needs from those
    before it, and what is left to others (quotations in unparsed sentences, the overflow)."""

    todo: list[Todo]
    overflow: list[tuple[int, str]]
    quotes: list[Quotation]
    filed_from: str | None = None  # the state of the dateline's place ("MANILA, Philippines —")
    dateline_at: int | None = None  # the index of the sentence that opens with it

    def texts(self) -> list[str]:
        """The texts to parse, datelines blanked (and a backtick between letters read as the
        apostrophe it stands for: "Iraq`s invasion" in old wire copy), headlines in title case or
        in capitals lowered but for their names (`headline_case`). Every text keeps its length, so the
        actors' offsets hold."""
        return [
            headline_case(
                _BACKTICK.sub("'", DATELINE.sub(lambda m: " " * len(m.group(0)), x.text)),
                [(m.start, m.end) for m in x.mentions],
            )
            for x in self.todo
        ]


def gate(sents: list[tuple[int, str]], mentions: list[Mention]) -> Gate:
    """The sentences that name an actor and hold a trigger word (`CANDIDATE`), treaty language, or
    the close of a quotation; past `PARSE_BUDGET_WORDS` words of them the rest are left to the
    rule-based coder, so that a very long input is read in time linear in its length."""
    todo: list[Todo] = []
    overflow: list[tuple[int, str]] = []
    quotes: list[Quotation] = []
    recent: list[str] = []  # states named last, most recent first
    heads: list[str] = []  # the states of the leaders named last, most recent first
    person: str | None = None  # the state of the office-holder named last
    heard: str | None = None  # the person quoted last in a sentence the parser is not given
    pact: list[str] = []  # the two states of the last sentence that spoke of a pact between two
    group: list[str] = []  # the states of the last sentence that named three or more
    group_last = False  # that sentence is the last to name two or more states
    budget = PARSE_BUDGET_WORDS
    k = 0
    open_quote = False  # the sentence before was parsed and left a quotation open
    filed_from: str | None = None
    dateline_at: int | None = None
    quoting = False  # a quotation is open at the end of the sentence before
    for index, (offset, sent) in enumerate(sents):
        local, k = local_mentions(mentions, offset, offset + len(sent), k)
        through = quoting and _still_open(sent)
        quoting = through or (not quoting and open_after(sent))
        pledge = TREATY_LANGUAGE.search(sent) is not None
        quoted = '"' in sent or "“" in sent or "”" in sent
        # "the two leaders" are the last two leaders named ("Putin hosted Vucic"), or the last one and
        # the last other state named ("Sheikh Tamim's first trip to Jordan since ... Israeli strike")
        leaders = _TWO_LEADERS.search(sent) is not None and bool(heads)
        pair = [heads[0], *[x for x in (*heads[1:], *recent) if x != heads[0]][:1]] if leaders else recent[:2]
        collective = len(pair) >= 2 and COLLECTIVE.search(sent) is not None  # "the two countries"
        grouped = bool(group) and GROUPED.search(sent) is not None  # "the three countries", "all three"
        # '"Russia has violated our airspace ... But today's incursion ... is brutal," said X':
        # the sentence that closes the quotation names its speaker, so it is parsed too
        closing = open_quote and quoted
        open_quote = False
        pronoun = _PRONOUN_ACTOR.match(sent)
        referent = pronoun is not None and (
            (pronoun.group(1) is not None and todo and todo[-1].position == index - 1)
            or (pronoun.group(2) is not None and person is not None)
        )
        if (
            ((local or collective or grouped or referent) and (CANDIDATE.search(sent) or quoted))
            or pledge
            or closing
        ):
            open_quote = open_after(sent)
            budget -= sent.count(" ") + 1
            # "This agreement ... between the two countries": the pact's two states, not the last named
            # ("welcomed the deal": the same pact, named before)
            spoken_of = (collective and _PACT.search(sent)) or _THE_PACT.search(sent)
            context = pact if pact and spoken_of else pair
            if budget >= 0:
                todo.append(Todo(sent, local, context, index, person, heard, group, group_last, through))
                heard = None
            else:
                overflow.append((offset, sent))
        else:
            heard = named_speaker(sent) or _leader_speaking(sent, local) or heard
            if quoted:
                quotes.extend(Quotation(text=q, speaker=None) for q in quotations(sent))
        person = _person_spoken_of(sent, local) or person
        states = list(dict.fromkeys(m.form.target for m in local if m.form.kind not in ("leader", "org")))
        if len(states) == 2 and _PACT.search(sent):
            pact = states
        dateline = DATELINE.match(sent)
        # a dateline's place ("MANILA, Philippines —") is where the news was filed, not one of a list
        listed = _listed(sent, [m for m in local if dateline is None or m.start >= dateline.end()])
        if 3 <= len(listed) <= _GROUP_MAX:
            group, group_last = listed, True
        elif len(states) >= 2:
            group_last = False
        if dateline is not None and index <= 1 and filed_from is None:  # (after a headline too)
            filed_from = next((m.form.target for m in local if m.start < dateline.end()), None) or _place(
                dateline.group(0)
            )
            dateline_at = index
        for m in reversed(local):
            if m.form.kind == "leader":
                if m.form.target in heads:
                    heads.remove(m.form.target)
                heads.insert(0, m.form.target)
            if m.form.kind in ("leader", "org") or (dateline is not None and m.start < dateline.end()):
                continue  # a dateline's city is where the news was filed, not a party to it
            if m.form.kind == "capital" and _GATHERING_AFTER.match(sent, m.end):
                continue  # "the Luanda mini-summit", "the Minsk agreements": where they met, not who
            if m.form.target in recent:
                recent.remove(m.form.target)
            recent.insert(0, m.form.target)
    return Gate(todo, overflow, quotes, filed_from, dateline_at)
