"""Who says a claim and how surely: the speech verb a trigger hangs from, its speaker (a named
person, officials, an outlet, analysts) and the chain of citing, negation, hedges and conditions
scoped to the clauses between the trigger and its speech verb."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Any

from casus.evidence.blame import BLAMERS
from casus.evidence.gazetteer import Mention, organisation_ids
from casus.evidence.lexicon import (
    CONDITIONAL_MARKS,
    DENY,
    HEDGE_ADVERBS,
    HEDGE_GOVERNORS,
    HEDGE_MODALS,
    MEDIA,
    NOUN_TRIGGERS,
    OFFICIAL_WORDS,
    PEOPLE_GROUPS,
    SAYINGS,
    SPEECH,
)
from casus.evidence.model import Attribution
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.parsed import Token
from casus.evidence.sentences import MONTHS_SHORT
from casus.evidence.titles import RANKS, TITLE_WORDS, office_holder, person_name
from casus.evidence.triggers import children as _children

__all__ = [
    "SPEECH_ACTS",
    "not_ruled_out",
    "quotations",
    "quote_speaker",
    "reacting",
    "sentence_attribution",
    "speaker_of",
]

DOCUMENTS = frozenset(
    {"pact", "treaty", "agreement", "document", "text", "article", "accord", "deal", "clause"}
)
CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        # abbreviated ("China today [Sept 7] condemned ...": a date, no one's name)
        *MONTHS_SHORT,
    ]
)
# News agencies often named by their initials alone.
AGENCIES = frozenset(["SPA", "APP", "KCNA", "TASS", "RIA", "IRNA", "PTI", "ANI", "BELTA", "XINHUA", "YONHAP", "KYODO", "AP", "AFP", "REUTERS", "BERNAMA", "PNA", "WAM", "QNA", "KUNA", "MENA"])  # fmt: skip
_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger and the heads above it up to the sentence root."""
    chain = [tok]
    while chain[-1].head.i != chain[-1].i and len(chain) < 12:
        chain.append(chain[-1].head)
    return chain


_SELF = frozenset({"i", "we", "it", "this", "that", "they"})


def _appos_before(verb: Token) -> Token | None:
    """The noun just before a speech verb that has no subject, when the parse hung it in
    apposition to the name before it ("... against Ukraine, South Korea's spy agency said")."""
    if verb.i == 0 or _children(verb, "nsubj", "nsubjpass"):
        return None
    before = verb.doc[verb.i - 1]
    return before if before.pos_ in ("NOUN", "PROPN") and before.dep_ == "appos" else None


def _subject_above(verb: Token) -> list[Token]:
    """The speaker of a speech verb with no subject of its own, from the clause it hangs on:
    "Japan lodged a protest, saying ...", "North Korea has defended its cooperation, saying ...",
    "the coast guard released a statement saying ..."."""
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "dobj":
        head = head.head
    elif verb.dep_ not in ("advcl", "xcomp", "conj") or head.pos_ not in ("VERB", "AUX"):
        return []
    if not _children(verb, "ccomp"):
        return []  # "convened to assess the situation": no report
    return _children(head, "nsubj")


# Speech verbs that report only with a clause ("maintained that ..."), not with a thing held
# ("maintains a presence", "claims the shoal")
_CLAUSE_ONLY = frozenset({"maintain", "hold", "claim"})
# What an act is done "citing" as its reason, not as its source
_REASONS = frozenset({"violation", "concern", "threat", "security", "reason", "breach", "incursion", "provocation",
                      "interference", "risk", "need", "failure", "lack", "ground"})  # fmt: skip


# What marks the time of another act, told as background: "after", "following", "when", ...
# ("Putin said in Sochi, as he met with Jordan's King Abdullah II": the meeting is the article's;
# "X has denied the claims, while Tallinn summoned ...": the summons too)
_OCCASION_MARKS = frozenset({"after", "before", "when", "since", "once", "following", "as", "while"})
_OCCASION_PREPS = frozenset({"after", "before", "since", "following", "amid"})


def _occasion(tok: Token) -> bool:
    """A clause or phrase that dates another act ("after Chinese ships collided with ...",
    "following Israel's attack in Doha"), hung on the clause above it."""
    if tok.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _OCCASION_MARKS for c in tok.children)
    if tok.dep_ == "prep" and tok.lower_ == "during":
        # "Austin expressed this during his phone conversation with Teodoro": the talks are the
        # article's (not "Moldova reported violations during Russia's attacks, its president said":
        # a report the president gives)
        return bool(tok.head.dep_ == "ROOT")
    return tok.dep_ == "prep" and tok.lower_ in _OCCASION_PREPS


def reacting(chain: list[Token]) -> Token | None:
    """The speech verb an occasion in the chain hangs on ("has reaffirmed its commitment ...
    following a dangerous maneuver"): who reacts to the act, though not its reporter."""
    for below, t in itertools.pairwise(chain):
        if _occasion(below) and t.lemma_.lower() in SPEECH:
            return t
    return None


def _perfect_infinitive(below: Token, verb: Token) -> bool:
    """ "claimed to have expelled a Philippine vessel": a report of the act, as a clause would be."""
    return (
        below.dep_ == "xcomp"
        and below.head.i == verb.i
        and {"to", "have"} <= {c.lower_ for c in below.children}
    )


def _speech_verb(chain: list[Token]) -> Token | None:
    """The speech verb the trigger's clause is reported by: the nearest above it whose speaker is
    named ("'I can confirm that ... were sent,' Rutte told reporters": told, not confirm)."""
    first = None
    for below, t in itertools.pairwise(chain):
        if _occasion(below) and t.lemma_.lower() in SPEECH:
            break  # "warned ... after Chinese ships blocked and collided with ...": the occasion is the article's
        if (
            t.lemma_.lower() in _CLAUSE_ONLY
            and not _children(t, "ccomp")
            and not _perfect_infinitive(below, t)
        ):
            continue  # "maintains a military presence, with troops stationed": no report
        if (
            t.lemma_.lower() == "cite"
            and not _children(t, "nsubj")
            and any(
                u.lemma_.lower() in SPEECH and u.lemma_.lower() != "cite" for u in chain[chain.index(t) + 1 :]
            )
        ):
            continue  # "announced that it has closed its airspace ..., citing violations": the announcer's
        if _denies_a_thing(t, below):
            continue  # "A accused B of ..., allegations B denies": B denies the allegations, not A's words
        if t.lemma_.lower() in SPEECH and t.pos_ in ("VERB", "AUX") and not _stationed(t):
            subj = _children(t, "nsubj", "nsubjpass")
            if subj and subj[0].lower_ in _SELF:
                first = first or t
                continue
            if not subj and t.dep_ == "relcl":
                continue  # "Blinken said the US had reason to believe that ...": whoever says it above
            return t
    if first is not None:
        return first
    # "A signed the pact, state media said": the report hangs beside the clause, not above it
    for t in chain:
        for c in t.children:
            if c.dep_ == "parataxis" and c.lemma_.lower() in SPEECH and c.i != chain[0].i:
                return c
            # "..., Pyongyang's state media reported Thursday", parsed as a second conjunct: a
            # report only when no "and"/"but" joins it (not "fired missiles and Japan said")
            if (
                c.dep_ == "conj" and c.lemma_.lower() in SPEECH and c.i > chain[0].i
                and (_children(c, "nsubj") or _appos_before(c)) and not _joined_by_and(t, c)
                # (not "Estonia protests Russian jets, warns Moscow of consequences": a second act,
                # with what it says of its own)
                and not any(x.dep_ in ("ccomp", "xcomp") or (x.dep_ == "prep" and x.lower_ in _SAID_OF)
                            for x in c.children)
            ):  # fmt: skip
                return c
    return None


_SAID_OF = frozenset({"of", "about", "against"})
_SITES = frozenset({"website", "websites", "portal", "portals"})


def _joined_by_and(t: Token, c: Token) -> bool:
    """An "and" or "but" joins the conjunct to the one before it ("fired missiles and Japan
    said"; not the "and" of "has sent more soldiers to Russia and redeployed several ..., Seoul's
    intelligence agency said", which joins the verbs before)."""
    before = max((x.i for x in t.children if x.dep_ == "conj" and x.i < c.i), default=t.i)
    return any(x.dep_ == "cc" and before < x.i < c.i for x in t.children)


_EVENT_MARKS = frozenset({"after", "before", "when", "while", "since", "because", "as", "once", "following"})


def _denies_a_thing(verb: Token, below: Token) -> bool:
    """A denial with its own object and a clause beside it parsed as its complement ("A accused
    B of ..., allegations B denies"): it denies the allegations, not the clause."""
    return verb.lemma_.lower() in DENY and below.dep_ == "ccomp" and bool(_children(verb, "dobj"))


_BESIDE = frozenset({"advcl", "conj", "parataxis"})


def _told_of_a_thing(t: Token) -> bool:
    """A past participle that describes a noun ("the crisis triggered by Iraq's invasion"): what
    it tells is given as fact, whatever is said of the noun."""
    # (not a whole clause: "no proof the drone ... was launched by Russia")
    return (
        t.dep_ == "acl"
        and t.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in t.children)
    )


def _negative(tok: Token, chain: list[Token], speech: Token | None) -> bool:
    below = tok
    for t in chain:
        if speech is not None and t.i == speech.i:
            break
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in t.children):
            return True  # "did not send"; "has no plan to invoke"
        if t.i != tok.i and _denial_of(t, below):
            return True
        if (
            t.i != tok.i
            and t.pos_ == "NOUN"
            and t.lemma_.lower() in SAYINGS
            and below.dep_ in ("acl", "ccomp")
        ):
            # "did not mention the accusations that North Korean soldiers died": what is said of the
            # charge is not a denial of it (a denial is: "rejected the allegations that ...")
            return _denial_of(t.head, t) if t.dep_ == "dobj" else False
        below = t
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _EVENT_MARKS for c in t.children):
            return False  # "no plan to invoke the treaty after China rammed ...": the ramming happened
        if _told_of_a_thing(t):
            return False  # "no hope for a solution to the crisis triggered by Iraq's invasion"
    if (
        speech is not None
        and speech.dep_ == "acl"
        and any(c.dep_ == "det" and c.lower_ == "no" for c in speech.head.children)
    ):
        return True  # "we have no information indicating an intentional attack by Russia"
    return speech is not None and _denial_of(speech, below)


def _denial_of(verb: Token, below: Token) -> bool:
    """A denial that takes the clause it is reached from: not one beside it ("Rwanda denies it,
    instead accusing ..."), nor one of its own object ("..., allegations Rwanda denies")."""
    if verb.lemma_.lower() in ("reject", "dismiss") and below.dep_ == "dobj" and below.pos_ == "NOUN":
        # "rejected Turkish military incursions": a protest at acts that happened, unless what is
        # rejected is something said of them ("rejected the allegations")
        return below.lemma_.lower() in SAYINGS
    return verb.lemma_.lower() in DENY and below.dep_ not in _BESIDE and not _denies_a_thing(verb, below)


_HEDGING_ADJECTIVES = frozenset({"alleged", "suspected", "purported", "apparent", "presumed", "possible"})


def _hedges(tok: Token, chain: list[Token], speech: Token | None) -> list[str]:
    found: list[str] = []
    for t in chain:
        for c in t.children:
            w = c.lower_
            if (c.tag_ == "MD" and w in HEDGE_MODALS) or (c.dep_ == "advmod" and w in HEDGE_ADVERBS):
                found.append(w)
            elif t.i == tok.i and t.pos_ == "NOUN" and c.dep_ == "amod" and w in _HEDGING_ADJECTIVES:
                found.append(w)  # "an alleged incursion by a Chinese Coast Guard ship"
        if t.i != tok.i and t.lemma_.lower() in HEDGE_GOVERNORS:
            found.append(t.lower_)
        if t.lower_ in ("likely", "possible", "unclear") and t.i != tok.i:
            found.append(t.lower_)
        if speech is not None and t.i == speech.i:
            break
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _EVENT_MARKS for c in t.children):
            break  # "might invoke the treaty after China rammed ...": the ramming is not in doubt
        if _told_of_a_thing(t):
            break
    return sorted(set(found))


def _conditional(chain: list[Token], speech: Token | None) -> bool:
    for t in chain:
        if speech is not None and t.i == speech.i:
            break
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return True
        if t.dep_ == "advcl" and any(c.lower_ == "should" and c.i < t.i for c in t.children):
            return True
        if t.lower_ in ("case", "event") and t.head.lower_ == "in":
            return True
    return False


# What "both sides" or "the two countries" say is said by each of them.
_PAIRED = frozenset({"side", "country", "nation", "government", "party"})


# What a leader heads and speaks through ("Albanese's office", "Petro's government")
_HEADING = frozenset({"lead", "head", "chair"})
_INSTITUTIONS = frozenset({"office", "government", "administration", "cabinet", "spokesman",
                           "spokeswoman", "spokesperson", "aide", "ministry"})  # fmt: skip


def _outlet_after(s: _Sentence, t: Token) -> bool:
    """A capitalised word closing the sentence right after "the news site": the outlet's name."""
    last = t.i + 1 == len(s.doc) or s.doc[t.i + 1].is_punct
    return last and t.is_alpha and t.text[:1].isupper() and s.mention(t) is None and t.lower_ not in CALENDAR


def _acronym(name: str) -> bool:
    """One word in capitals ("KCNA", "COAS", "DOD"): a body's or a title's initials, no person."""
    return name.isupper() and " " not in name


def _hyphened(t: Token) -> bool:
    """A word joined to the next or the one before by a hyphen ("Pak-Saudi", "Indo-Pak")."""
    doc = t.doc
    after = t.i + 1 < len(doc) and doc[t.i + 1].text == "-"
    return bool(after or (t.i > 0 and doc[t.i - 1].text == "-"))


_INSTITUTES = frozenset({"institute", "university", "foundation", "studies"})


def _research_body(tokens: list[Token]) -> str | None:
    """The name of a research body a phrase names ("the Center for Strategic and International
    Studies (CSIS)" -> "CSIS", "the Korea Institute for Defense Analyses"), or None; a state's
    own centre ("the National Cyber Security Centre") is none."""
    cue = next(
        (
            t
            for t in tokens
            if t.pos_ == "PROPN"
            and (
                t.lower_ in _INSTITUTES
                # "Center for ...": a centre named for what it studies
                or (
                    t.lower_ in ("center", "centre")
                    and t.i + 1 < len(t.doc)
                    and t.doc[t.i + 1].lower_ == "for"
                )
            )
        ),
        None,
    )
    if cue is None:
        return None
    initials = next((t.text for t in tokens if t.is_upper and len(t.text) >= 3 and t.pos_ == "PROPN"), None)
    if initials:
        return str(initials)
    start, end = cue.i, cue.i
    while start > 0 and cue.doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end + 2 < len(cue.doc) and (
        cue.doc[end + 1].pos_ == "PROPN"
        or (cue.doc[end + 1].lower_ in ("for", "of", "and") and cue.doc[end + 2].pos_ == "PROPN")
    ):
        end += 1
    return str(cue.doc[start : end + 1].text)


# Titles of a post's holder, in apposition to a name ("Ngo Ngoc Thu, vice commander of ...")
_ONE_OFFICIAL = frozenset({"official", "spokesman", "spokeswoman", "spokesperson", "minister", "commander"})
_HOLDERS = frozenset(
    {"commander", "head", "director", "envoy", "ambassador", "chairman", "chairwoman", "chair"}
)


def _name_after_rank(s: _Sentence, head: Token) -> str | None:
    """ "PCG spokesperson for the West Philippine Sea Commodore Jay Tarriela said": the person named
    after the rank that ends a title's phrase, where the parse hangs the name under the title."""
    last = head.right_edge
    if not (head.pos_ == "NOUN" and head.lemma_.lower() in OFFICIAL_WORDS | TITLE_WORDS | _HOLDERS):
        return None
    if last.pos_ != "PROPN" or s.mention(last) is not None:
        return None
    chain = [t for t in last.children if t.dep_ == "compound" and t.i < last.i] + [last]
    ranked = [i for i, t in enumerate(chain) if t.lower_ in RANKS | TITLE_WORDS or s.mention(t) is not None]
    named = chain[ranked[-1] + 1 :] if ranked else []
    return (
        " ".join(t.text for t in named) if len(named) >= 2 and all(t.pos_ == "PROPN" for t in named) else None
    )


_RELEASING = frozenset({"release", "publish", "issue", "circulate", "disclose", "unveil"})


def _source(s: _Sentence, head: Token) -> Attribution:
    """Who a speech verb's subject (or an 'according to' object) is."""
    late = [c for c in head.children if c.dep_ == "conj" and c.right_edge.i + 1 == head.head.i]
    if late and not any(t.dep_ == "cc" for t in head.subtree) and head.head.pos_ == "VERB":
        # "..., the National Liberation Army (ELN), US Defense Secretary Pete Hegseth said": the
        # one named last before the verb, the parse's coordination with no "and" notwithstanding
        return _source(s, late[0])
    tokens = list(head.subtree)
    if head.lower_ in ("he", "she", "him", "her") and s.last_speaker is not None:
        return s.last_speaker  # "..., he added", "according to him": the person the article quoted last
    if (
        s.last_speaker is not None
        and s.last_speaker.kind == "speaker"
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in _ONE_OFFICIAL
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        and not any(s.mention(t) for t in tokens)
        and not any(t.pos_ == "PROPN" and t.lower_ not in OFFICIAL_WORDS for t in tokens)
        and not any(c.dep_ in ("appos", "relcl", "acl", "prep") for c in head.children)
    ):
        # "Commodore Jay Tarriela, PCG spokesperson, said ... The Coast Guard official added": the
        # one the article quoted last, named again by his post
        return s.last_speaker
    # (and "the MDT's Article IV states": the text, not a person named Article)
    if head.lemma_.lower() in DOCUMENTS or any(
        c.lower_ == "article" and c.dep_ == "compound" for c in head.children
    ):
        text = head
        if head.lemma_.lower() == "text":  # "the full text of the landmark treaty released by Pyongyang"
            text = next((p for p in _children(head, "prep") if p.lower_ == "of"), head)
            text = next(iter(_children(text, "pobj")), head)
        released = [
            p for c in (*_children(text, "acl"), *_children(head, "acl"))
            if c.lemma_.lower() in _RELEASING for a in _children(c, "agent") for p in _children(a, "pobj")
        ]  # fmt: skip
        if released and (by := _source(s, released[0])).kind != "author":
            return by  # the text as the government that released it gives it
        return Attribution(kind="author")  # "the pact declares": the text, as the article reads it
    if head.lemma_.lower() == "report" and not any(s.mention(t) or t.pos_ == "PROPN" for t in head.subtree):
        if any(c.lower_ == "intelligence" for c in head.children):
            return Attribution(kind="officials")  # "according to intelligence reports": unnamed services
        return Attribution(kind="media_reports")  # "according to reports", "reports said"
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    outlet = [t for t in tokens if t.head.i == head.i and t.dep_ == "compound" and t.pos_ == "PROPN"]
    if (
        head.lemma_.lower() == "report"
        and head.pos_ == "NOUN"
        and outlet
        and not any(s.mention(t) for t in tokens)
        and not words & OFFICIAL_WORDS
    ):
        # "an Al Jazeera report said": the outlet's word, by the name before "report"
        return Attribution(
            kind="media_reports", who=" ".join(t.text for t in tokens if t.i < head.i and t.pos_ == "PROPN")
        )
    if not any(s.mention(t) for t in tokens) and (body := _research_body(tokens)) is not None:
        # "a report released by the Center for Strategic and International Studies (CSIS)": a
        # research body's word, named by its initials where it gives them; no person
        return Attribution(kind="media_reports", who=body)
    if head.lemma_.lower() in _PAIRED and any(c.lower_ in ("both", "two") for c in head.children):
        return Attribution(kind="officials")  # "both sides said": each side (`_claim` names it)
    leaders = [m for t in tokens if (m := s.mention(t)) is not None and m.form.kind == "leader"]
    named_as = [
        t
        for t in tokens
        if t.i == head.i or (t.head.i == head.i and t.dep_ in ("compound", "flat") and t.i < head.i)
    ]
    titled = any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in OFFICIAL_WORDS | TITLE_WORDS | _HOLDERS
        for c in head.children
    )
    if (
        (leaders or titled)
        and head.pos_ == "PROPN"
        and len(named_as) >= 2
        and not any(s.mention(t) or t.lower_ in RANKS for t in named_as)
        and (name := person_name(named_as))
    ):
        # "Shin Wonsik, national security adviser for President Yoon": the one named, not his chief;
        # "Ngo Ngoc Thu, vice commander of the High Command of Vietnam Marine Police": whatever body
        # his title names
        return Attribution(kind="speaker", who=name)
    # "Petro's government", "the Trump administration": the government the leader heads
    held = [t for t in tokens if t.dep_ in ("poss", "compound") and t.head.lemma_.lower() in _INSTITUTIONS]
    if head.lemma_.lower() in _INSTITUTIONS:  # "the Swedish government, led by Foreign Minister ..."
        held += [
            t for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in _HEADING for t in c.subtree
        ]
    if leaders and held and all(any(s.mention(t) is m for t in held) for m in leaders):
        # "the communique released by Albanese's office", "Petro's government said": his
        # government's word, not his own
        return Attribution(kind="officials", who=leaders[0].form.target)
    if leaders:
        return Attribution(kind="speaker", who=leaders[0].form.person or leaders[0].text)
    if (
        head.lemma_.lower() in ("statement", "communique", "communiqué")
        and not words & MEDIA
        # "statement from Rodríguez" (not "a Pak-Saudi joint statement": a pair's short names)
        and not any(t.pos_ == "PROPN" and s.mention(t) is None and not _hyphened(t) for t in tokens)
    ):
        # "the joint statement said", "a statement from the prime minister's office": what governments issue, on their word
        found = [m.form.target for t in tokens if (m := s.mention(t)) is not None and m.form.kind != "leader"]
        return Attribution(kind="officials", who=found[0] if found else None)
    if (holder := office_holder(s, tokens)) is not None:
        return Attribution(kind="speaker", who=holder)
    appos = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and s.mention(c) is None]
    # "The ministry spokesman, Anatoly Glaz, announced": the one named beside the title
    if (
        (
            (head.pos_ == "NOUN" and head.lemma_.lower() in OFFICIAL_WORDS | TITLE_WORDS | _HOLDERS)
            # "Assistant Secretary of State ..., Michael Kozak,": a title written as a name
            or (head.pos_ == "PROPN" and head.lemma_.lower() in RANKS)
        )
        and appos
        and (name := person_name([t for t in appos[0].subtree if s.mention(t) is None]))
    ):
        return Attribution(kind="speaker", who=name)
    if (name := _name_after_rank(s, head)) is not None:
        return Attribution(kind="speaker", who=name)
    if head.pos_ == "PROPN" and s.mention(head) is None and words & (OFFICIAL_WORDS | {"ambassador"}):
        # "China Foreign Ministry spokesperson Lin Jian": the person, named after the office
        name = person_name([t for t in tokens if s.mention(t) is None and t.lower_ not in CALENDAR])
        if (
            name
            and name.endswith(head.text)
            and not set(name.lower().split()) & OFFICIAL_WORDS
            and not _acronym(name)  # "North Korea's state news agency KCNA": the outlet
        ):
            return Attribution(kind="speaker", who=name)
    actors = [m for t in tokens if (m := s.mention(t)) is not None]
    named = [s.mention(head), *(s.mention(c) for c in head.children if c.dep_ == "appos")]
    own_name = next((m for m in named if m is not None and m.form.kind not in ("org", "leader")), None)
    if own_name is not None:
        # "Fellow NATO member Romania": the state the phrase names, not its modifier's alliance
        actors = [own_name, *(m for m in actors if m is not own_name)]
    count = next(
        (int(t.text) if t.text.isdigit() else _NUMBERS.get(t.lower_) for t in tokens if t.dep_ == "nummod"),
        None,
    )
    # an acronym the article defined for a state's body ("the AFP" as the Philippine armed
    # forces) is that state's, not the news agency
    own = {t.lower_ for t in tokens if s.mention(t) is None} | {
        t.lemma_.lower() for t in tokens if s.mention(t) is None
    }
    media = {w for w in own if re.split(r"[^a-z]", w)[0] in MEDIA or w.upper() in AGENCIES}
    if media <= _SITES and words & {"government", "ministry", "official", "embassy", "army", "military"}:
        media = set()  # "a statement on the government website": the government's word
    if media and not words & {"minister", "president", "spokesman", "spokesperson", "forces", "armed"}:
        name = person_name([t for t in tokens if t.lower_ not in CALENDAR])
        if name is not None and all(s.mention(t) is not None for t in tokens if t.text in name.split()):
            name = None  # "Pyongyang's state media", "a US news network": a place, not the outlet's name
        end = tokens[-1].i + 1
        if name is None and end < len(s.doc) and _outlet_after(s, s.doc[end]):
            name = s.doc[end].text  # "according to the US news site Axios." (the parse may cut the name off)
        start = tokens[1:] if tokens and tokens[0].dep_ == "det" else tokens
        # (to the first comma after the head: "Japanese media reports, which did not provide details")
        last = next((t.i - 1 for t in tokens if t.i > head.i and t.text == ","), tokens[-1].i)
        phrase = s.doc[start[0].i : last + 1].text if start else head.text
        # "Korean Central News Agency (KCNA)": the outlet's name without its acronym in brackets
        return Attribution(kind="media_reports", who=re.sub(r"\s*\(.*$", "", name or phrase) or None)
    orgs = {m.form.target for m in s.mentions if m.form.kind == "org"}
    if not actors and "alliance" in words and len(orgs) == 1:
        # "NATO scrambled jets ..., the alliance's air command said": the one alliance named
        return Attribution(kind="officials", who=orgs.pop())
    if words & OFFICIAL_WORDS or (actors and head.idx >= actors[0].start and s.mention(head) is not None):
        return Attribution(kind="officials", who=actors[0].form.target if actors else None, count=count)
    name = person_name([t for t in tokens if s.mention(t) is None and t.lower_ not in CALENDAR])
    if name and not _acronym(name):  # "the COAS", "DOD said": an acronym, no one's name
        return Attribution(kind="speaker", who=name)
    if head.lemma_.lower() in PEOPLE_GROUPS or head.lower_ in PEOPLE_GROUPS:
        return Attribution(kind="speaker", who=head.lower_)
    if actors:
        return Attribution(kind="officials", who=actors[0].form.target, count=count)
    return Attribution(kind="author")


def _attribution(s: _Sentence, chain: list[Token], speech: Token | None) -> Attribution:
    according = None
    cited = None
    low = s.low
    for t in s.doc if "according" in low or "cit" in low else ():  # the token walk only where it can find one
        if t.lower_ == "according" and t.dep_ in ("prep", "advmod", "case"):
            objs = [o for c in t.children for o in ([c] if c.dep_ == "pobj" else _children(c, "pobj"))]
            if objs:
                according = objs[0]
        if t.lemma_ == "cite" and t.pos_ == "VERB":
            # whom a report cites ("citing six senior US officials"), not the reason an act is
            # given ("closed its airspace ..., citing repeated violations of its airspace")
            objs = [o for o in _children(t, "dobj") if NOUN_TRIGGERS.get(o.lemma_.lower()) is None
                    and o.lemma_.lower() not in _REASONS]  # fmt: skip
            if objs:
                cited = objs[0]
    for below, t in itertools.pairwise(chain):
        if speech is not None and t.i == speech.i:
            break
        if below.dep_ in ("acl", "ccomp") and t.pos_ == "NOUN" and t.lemma_.lower() in SAYINGS:
            # "claims from Beijing that Chinese forces expelled an American warship": whose claim
            source = [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                      for p in _children(c, "pobj")]  # fmt: skip
            # "the US and Ukraine's accusations that North Korean soldiers died": theirs (the first named)
            source += [p for c in t.children if c.dep_ in ("poss", "nmod", "amod") and c.i < t.i and s.actors(c)
                       for p in sorted((c, *c.conjuncts), key=lambda x: x.i)[:1]]  # fmt: skip
            if source:
                whose = _source(s, source[0])
                if according is not None and whose.kind != "author" and not whose.via:
                    return whose.model_copy(update={"via": _source(s, according).who})
                return whose
    said = None
    if speech is not None:
        # "Russia is believed to have provided ...": a passive report names its topic, not its source
        agents = [p for a in _children(speech, "agent") for p in _children(a, "pobj")]
        if _accused_by_participle(speech):
            # "with North Korea accused of sending troops": the one named is the accused, the
            # accusers are those after "by", else officials the sentence does not name
            if not agents:  # "..., according to Seoul" still names them
                return _source(s, according) if according is not None else Attribution(kind="officials")
            subj = agents
        else:
            subj = _children(speech, "nsubj") or agents
            if not subj and speech.lemma_.lower() == "quote":
                subj = _children(speech, "nsubjpass")  # "Zakharova was quoted as saying": the one quoted
            if len(subj) > 1 and subj[0].pos_ == subj[-1].pos_ == "PROPN" and not s.actors(subj[0]):
                # "White House Coordinator for Strategic Communications John Kirby claimed", parsed
                # with the title and the name each a subject: the one named, next to the verb
                subj = subj[-1:]
        if not subj and (before := _appos_before(speech)) is not None:
            subj = [before]  # "..., Seoul's spy agency said": the parse hung the speaker on the name before
        if subj and subj[0].lower_ == "who" and speech.dep_ == "relcl":
            subj = [speech.head]  # "Premier Golda Meir who ... told the nation that": the one it is said of
        subj = subj or _subject_above(speech)
        if subj and subj[0].lower_ == "it" and speech.dep_ in ("advcl", "conj") and speech.head.i != speech.i:
            # "Poland gathered its NATO allies after it said Russian drones flew into its airspace":
            # "it" is the state the clause above names as its subject
            above = [m for c in _children(speech.head, "nsubj") if (m := s.mention(c)) is not None]
            if above and above[0].form.kind not in ("leader", "org"):
                return Attribution(kind="officials", who=above[0].form.target)
        if subj and subj[0].lower_ not in ("it", "this", "that"):
            said = _source(s, subj[0])
            titled = any(
                t.lower_ in RANKS for t in subj[0].subtree
            )  # "Defense Minister Rustem Umerov reported"
            if (
                said.kind == "speaker"
                and speech.lemma_.lower() == "report"
                and subj[0].pos_ == "PROPN"
                and not titled
            ):
                # "Politico reported": a name that reports, not a leader the gazetteer knows, is an outlet
                said = Attribution(kind="media_reports", who=said.who)
    if (
        said is not None and said.kind == "author" and speech is not None and speech.dep_ == "ccomp"
        and speech.head.pos_ == "VERB" and speech.head.lemma_.lower() in SPEECH
    ):  # fmt: skip
        # "Austin said evidence suggests North Korea sent soldiers": on the word of who reports it
        return _attribution(s, chain, speech.head)
    if (
        said is not None and said.kind in ("media_reports", "officials") and speech is not None
        and speech.dep_ == "ccomp" and speech.head.pos_ == "VERB" and speech.head.lemma_.lower() in SPEECH
        and speech.head.i < speech.i
    ):  # fmt: skip
        # "Kyiv said that Iranian-made drones had detonated in Romania ..., the PAP news agency
        # reported", the parse hanging the outlet's verb under Kyiv's: Kyiv's word, via the outlet
        # ("Mohammad Bin Salman said the Kingdom will always stand with Pakistan, ISPR added": his)
        outer = _attribution(s, chain, speech.head)
        kinds = ("officials", "speaker") if said.kind == "media_reports" else ("speaker",)
        if outer.kind in kinds and outer.who and not outer.via:
            return outer.model_copy(update={"via": said.who})
    if said is None and according is not None:
        return _source(s, according)
    if said is not None:
        inner = _source(s, cited) if cited is not None else None
        if inner is not None and inner.kind != "author":  # not "citing security fears"
            return inner.model_copy(update={"via": said.who or said.kind})
        if according is not None:
            return said.model_copy(update={"via": _source(s, according).who})
        return said
    # "reportedly" in the claim's own clauses ("where they are reportedly stationed" speaks of its verb only)
    reported = (
        any(c.lower_ == "reportedly" for t in chain for c in t.children) if chain else "reportedly" in low
    )
    if reported or (speech is not None and speech.lemma_ == "report"):
        return Attribution(kind="media_reports")
    if "video" in low or "footage" in low or "image" in low or "photo" in low:
        return _shown_by(s, chain) or Attribution(kind="author")
    return Attribution(kind="author")


_EVIDENCE = frozenset({"video", "footage", "image", "clip", "photo", "photograph", "picture"})


def _shown_by(s: _Sentence, chain: list[Token]) -> Attribution | None:
    """Whose video shows the event: "video released by Manila shows ...", "the military released a
    video clip showing ..."."""
    for t in chain:
        if t.lemma_.lower() != "show":
            continue
        shown = [*_children(t, "nsubj"), *([t.head] if t.dep_ == "acl" else [])]
        shown += _children(t.head, "nsubj") if t.dep_ == "xcomp" else []  # "video ... appeared to show"
        for noun in (n for n in shown if n.lemma_.lower() in _EVIDENCE):
            for c in _children(noun, "acl"):  # "released by Manila"
                for by in (p for a in _children(c, "agent") for p in _children(a, "pobj")):
                    return _source(s, by)
            if noun.dep_ == "dobj" and (who := _children(noun.head, "nsubj")):  # "X released a video"
                return _source(s, who[0])
    return None


SPEECH_ACTS = frozenset({"oppose", "accuse", "threaten", "support_politically", "request_aid"})


def _own_word(s: _Sentence, tok: Token, subject: str | None, found: Attribution) -> Attribution:
    """A speech act with no one reporting it ("NATO denounced Russia") is on its actor's word; one
    an outlet reports ("Radio Free Asia reported that the Philippines accused China") is on its
    actor's word through the outlet, and one that unnamed officials report ('Seoul "strongly urged
    Russia ...," the foreign ministry said') is the actor's officials'."""
    if subject is None:
        return found
    if found.kind == "officials" and found.who is None and subject not in organisation_ids():
        # "According to a Kremlin statement, Putin strongly condemned ...": the one named doing it
        own = _actors_word(s, tok, subject)
        return (
            own
            if own.kind == "speaker" and _named_doer(s, tok)
            else found.model_copy(update={"who": subject})
        )
    if found.kind == "media_reports":
        # (an outlet the parse leaves unnamed too: "Pakistan has strongly condemned ..., reported
        # 24NewsHD TV channel")
        return _actors_word(s, tok, subject).model_copy(update={"via": found.who})
    return _actors_word(s, tok, subject) if found.kind == "author" else found


def _named_doer(s: _Sentence, tok: Token) -> bool:
    """The speech act's own subject is a person the article names (not "the ministry")."""
    return any(
        (m := s.mention(t)) is not None and m.form.kind == "leader"
        for c in _children(tok, "nsubj")
        for t in c.subtree
    )


def _actors_word(s: _Sentence, tok: Token, subject: str) -> Attribution:
    """The word of the one who performs a speech act: the person named as its subject, the
    actor's leader named outside what the act is about, else the actor's officials."""
    # (the clause a participle hangs on: "Mali's Prime Minister, Abdoulaye Maïga, addressed the
    # United Nations, accusing Algeria of ...")
    participle = tok.dep_ == "advcl" and tok.tag_ == "VBG"
    subj = _children(tok, "nsubj") or (
        _children(tok.head, "nsubj") if tok.dep_ == "xcomp" or participle else []
    )
    if subj:
        own = _source(s, subj[0])
        if own.kind == "speaker" and own.who:
            return own
        if own.kind == "officials" and own.who == subject and subj[0].lemma_.lower() in _INSTITUTIONS:
            return own  # "the Swedish government, led by Foreign Minister ..., plans to summon ...": its word
    # not one named in what the act is about ("accusing Washington of plotting to overthrow President Maduro")
    inside = {t.idx for t in tok.subtree if t.i > tok.i}
    leader = next(
        (
            m
            for m in s.mentions
            if m.form.kind == "leader" and m.form.target == subject and m.start not in inside
        ),
        None,
    )
    if leader is not None:
        return Attribution(kind="speaker", who=leader.form.person or leader.text)
    return Attribution(kind="officials", who=subject)


def _stationed(t: Token) -> bool:
    """ "the Rwandan Ambassador posted in the Democratic Republic of Congo": a post held, nothing said."""
    return (
        t.lemma_.lower() == "post"
        and not _children(t, "dobj", "ccomp")
        and any(c.dep_ == "prep" and c.lower_ in ("in", "to", "at", "as") for c in t.children)
    )


def sentence_attribution(s: _Sentence) -> Attribution:
    """The attribution of a sentence as a whole (for pledges and invocations, which have no
    trigger of their own): its main speech verb's speaker, a participle's ("..., stating that")
    main subject, or "according to"."""
    for t in s.doc:
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH and not _stationed(t):
            subj = _children(t, "nsubj", "nsubjpass")
            if subj and subj[0].lower_ not in _SELF:
                return _attribution(s, [t], t)
            if not subj and t.dep_ in ("advcl", "xcomp") and (main := _children(t.head, "nsubj")):
                return _source(s, main[0])
    return _attribution(s, [], None)


def not_ruled_out(chain: list[Token]) -> bool:
    """Force that a state will not rule out ("has not ruled out", "refused to rule out"): a threat."""
    for t in chain[1:5]:
        if t.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in t.children):
            negated = any(c.dep_ == "neg" for c in t.children)
            refused = t.dep_ == "xcomp" and t.head.lemma_.lower() in ("refuse", "decline")
            return negated or refused
    return False


_QUOTE = re.compile(r"[\"“]([^\"“”]{3,600})[\"”]")


def speaker_of(
    doc: Any, mentions: list[Mention], last_speaker: Attribution | None = None, text: str | None = None,
    on: dt.date | None = None,
) -> Attribution:  # fmt: skip
    """The sentence's attribution as a whole (what `read` uses for pledges found through treaty
    links, and to carry a named speaker on to "he said")."""
    return sentence_attribution(_Sentence(doc, mentions, last_speaker, text=text, on=on))


def quote_speaker(doc: Any, mentions: list[Mention]) -> str | None:
    """Who speaks the quotations of a sentence: the subject of its speech verb, if any."""
    s = _Sentence(doc, mentions)
    for t in doc:
        if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH:
            subj = _children(t, "nsubj")
            if subj and subj[0].lower_ not in _SELF:
                return _source(s, subj[0]).who
    return None


def quotations(text: str) -> list[str]:
    """The quoted passages of a sentence."""
    return [q.group(1).strip() for q in _QUOTE.finditer(text)]


def _accused_by_participle(speech: Token) -> bool:
    """ "North Korea, accused of sending troops", "with Iran accused of supplying drones", "was
    accused by Seoul of ...": an accusing verb as a participle without "have", whose subject is
    the one accused, not the speaker."""
    return (
        speech.tag_ == "VBN"
        and speech.lemma_.lower() in BLAMERS
        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in speech.children)
    )
