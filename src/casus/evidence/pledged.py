"""Treaty language in one parsed sentence: a collective-defence pledge between the parties it
names (never an attack between them), an article invoked (NATO's Art. 4 asks for consultation,
Art. 5 and the EU's Art. 42(7) for help), consultations requested under Article 4."""

from __future__ import annotations

import re
from typing import Any

from casus.evidence.gate import DATELINE
from casus.evidence.lexicon import INVOKE, ON_ALLIANCE, THREAT_CASE, TREATY_LANGUAGE
from casus.evidence.model import Claim
from casus.evidence.pairs import co_subjects
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.triggers import children as _children
from casus.evidence.triggers import pobj as _pobj
from casus.evidence.voice import _clause_chain, _speech_verb, sentence_attribution

__all__ = ["invocations", "treaty_claims"]

Token = Any  # spacy.tokens.Token


_OF_GROUP = re.compile(
    r"\b(them|their|they|all|each other|one another|any of|mutual\w*|collective\w*)\b", re.I
)


# An alliance's members, not two states ("This clause obliges member countries to defend each other")
_MEMBERS = re.compile(r"\bmembers?\b", re.I)


def _aggressors(s: _Sentence) -> set[str]:
    """The states an "if" clause names as the ones who would attack ("if the United States dared any
    aggression against that country")."""
    return {
        a
        for t in s.doc
        if t.dep_ == "mark" and t.lower_ in ("if", "should", "unless")
        for c in _children(t.head, "nsubj")
        for a in s.actors(c)
    }


_MUTUAL = re.compile(r"\b(each other|one another|mutual\w*|either|both|the other|all)\b", re.I)
_DEFENDING = frozenset({"support", "defence", "defense", "aid", "help", "protection", "assistance"})


def _protected(s: _Sentence) -> list[str]:
    """Whom a one-sided pledge defends: "in support of Cuba", "to defend Taiwan"."""
    out = []
    for t in s.doc:
        lemma = t.lemma_.lower()
        if lemma in _DEFENDING and t.pos_ == "NOUN":
            out += [a for q in _pobj(t, ("of", "for", "to")) for a in s.actors(q)]
        elif lemma in ("defend", "protect", "help", "support", "aid") and t.pos_ == "VERB":
            out += [a for c in _children(t, "dobj") for a in s.actors(c)]
    return out


def _struck_alone(s: _Sentence) -> str | None:
    """The one state an attack or aggression is named against ("any aggression on Qatar"), or None
    where none or several are."""
    struck = {
        a
        for t in s.doc
        if t.lemma_.lower() in ("aggression", "attack", "assault") and t.pos_ == "NOUN"
        for q in _pobj(t, ("on", "against"))
        for a in s.actors(q)
    }
    return next(iter(struck)) if len(struck) == 1 else None


def treaty_claims(s: _Sentence, text: str, context: list[str]) -> list[Claim]:
    """Collective-defence wording as conditional military assistance between the parties named
    (or, where the sentence names fewer than two, the group of states named together just before,
    or the two states the article spoke of last)."""
    if not TREATY_LANGUAGE.search(text) or THREAT_CASE.search(text):
        return []  # no pledge; or a threat's, on which the parties consult (coded as such)
    filed = DATELINE.match(text)
    # "BRUSSELS, Belgium - ...": where the news was filed is no party
    mentions = [m for m in s.mentions if filed is None or m.start >= filed.end()]
    alliance = next((m.form.target for m in mentions if m.form.kind == "org" and m.form.target != "UN"), None)
    if alliance is not None and ON_ALLIANCE.search(text):
        # "NATO allies declared that the attacks in New York can be considered an attack on the
        # whole alliance": the alliance's pledge to the state attacked
        return [
            Claim(text=text, subject=alliance, relation="assist_militarily", object=x, polarity="positive",
                  modality="asserted", attribution=sentence_attribution(s), conditional=True, coder="parse")
            for x in dict.fromkeys(m.form.target for m in mentions if m.form.kind not in ("org", "leader"))
        ][:3]  # fmt: skip
    # (the UN is no party to a defence pledge: "abide by the principles of the United Nations")
    named = [m for m in mentions if m.form.kind != "org"] or [m for m in mentions if m.form.target != "UN"]
    parties = list(dict.fromkeys(m.form.target for m in named if m.form.kind != "leader"))
    feared = _aggressors(s)
    if feared and len([p for p in parties if p not in feared]) >= 2:
        # "to use Soviet rockets in support of Cuba if the United States dared any aggression against
        # that country": the one whose attack is the case is no party to the pledge
        parties = [p for p in parties if p not in feared]
        helped = [] if _MUTUAL.search(text) else [a for a in _protected(s) if a in parties]
        if helped:  # one state's pledge to defend another: that way only
            return [
                Claim(text=text, subject=x, relation="assist_militarily", object=helped[0], polarity="positive",
                      modality="asserted", attribution=sentence_attribution(s), conditional=True, coder="parse")
                for x in parties[:3] if x != helped[0]
            ]  # fmt: skip
    if len(parties) < 2:
        parties += [m.form.target for m in named if m.form.target not in parties]
    nato = any(m.form.kind == "org" and m.form.target != "UN" for m in mentions)
    if len(parties) < 2 and s.group_last and not nato and _OF_GROUP.search(text):
        # "This accord commits them to mutual assistance" after "Mali, Niger and Burkina Faso ...":
        # the three, each to each other
        parties += [p for p in s.group if p not in parties]
    elif len(parties) < 2 and re.search(
        r"\b(two|both|each other|one another|either|mutual\w*)\b", text, re.I
    ):
        if any(m.form.kind == "org" and m.form.target != "UN" for m in mentions):
            return []  # "an attack on one NATO member": the alliance's pledge, not two states'
        if _MEMBERS.search(text) and not re.search(r"\b(two|both)\b", text, re.I):
            return []  # "obliges member countries to defend each other": an alliance's, not the last two named
        parties += [p for p in context if p not in parties]
    parties = list(dict.fromkeys(parties))
    if len(parties) < 2:
        return []
    said = sentence_attribution(s)
    struck = _struck_alone(s)
    if struck in parties and re.search(r"\b(?:against|on) (?:us )?all\b", text, re.I):
        # "any aggression on Qatar is an aggression against all", said by Mauritania: the speaker's
        # pledge to the one state named as struck, not Qatar's to Mauritania
        return [
            Claim(text=text, subject=x, relation="assist_militarily", object=struck, polarity="positive",
                  modality="asserted", attribution=said, conditional=True, coder="parse")
            for x in parties[:4] if x != struck
        ]  # fmt: skip
    # each party to each other: two states' pledge both ways, three states' six ways
    return [
        Claim(
            text=text, subject=x, relation="assist_militarily", object=y, polarity="positive",
            modality="asserted", attribution=said, conditional=True, coder="parse",
        )
        for x in parties[:4] for y in parties[:4] if x != y
    ]  # fmt: skip


_ARTICLE_4 = re.compile(r"\b(Article|Art\.)\s*4\b(?!\.\d)")


def _requested(s: _Sentence, text: str) -> list[Claim]:
    """NATO consultations under Article 4 held "at Estonia's request" (or "at the request of"):
    the requesting state consults the alliance."""
    if not _ARTICLE_4.search(text) or not re.search(r"\b(NATO|Nato|North Atlantic)\b", text):
        return []
    out = []
    for t in s.doc:
        if t.lemma_.lower() != "request" or t.head.lower_ not in ("at", "upon", "on"):
            continue
        asker = [a for c in t.children if c.dep_ == "poss" for a in s.actors(c)]
        asker += [a for p in _pobj(t, ("of",)) for a in s.actors(p)]
        if asker and asker[0] != "NATO":
            out.append(Claim(text=text, subject=asker[0], relation="consult", object="NATO", polarity="positive",
                             modality="asserted", attribution=sentence_attribution(s), coder="parse"))  # fmt: skip
    return out


_WEIGHING = frozenset({"consider", "weigh", "mull", "discuss", "debate", "contemplate", "study", "ponder"})
_MAYBE = frozenset({"may", "might", "could", "can", "should", "would"})


def _only_weighed(verb: Any) -> bool:
    """The invoking verb names an invocation only weighed or possible, not made."""
    if any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in verb.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in verb.children) or any(
        c.lower_ == "whether" for c in verb.head.children if c.i < verb.i
    ):
        return True
    return verb.dep_ in ("xcomp", "pcomp", "ccomp", "advcl") and verb.head.lemma_.lower() in _WEIGHING


def invocations(s: _Sentence, text: str) -> list[Claim]:
    """A treaty article invoked: NATO's Art. 4 asks for consultation, Art. 5 and the EU's Art.
    42(7) for help; the invoker is the first actor named before the words."""
    out = _requested(s, text)
    for m in INVOKE.finditer(text):
        art = m.group("art")
        org = "EU" if art.startswith("42") else "NATO"
        if (
            org == "NATO"
            and not m.group("org")
            and not re.search(r"\b(NATO|Nato|North Atlantic|alliance)\b", text)
        ):
            continue  # "Kim invoked Article 4 of the partnership treaty": another treaty's article
        rel: Any = "consult" if art == "4" else "request_aid"
        verb = next((t for t in s.doc if t.idx >= m.start()), None)
        if verb is not None and _only_weighed(verb):
            continue  # "considering invoking Article 4", "whether to activate", "may invoke": not done
        subj = _children(verb, "nsubj") if verb is not None else []
        before: list[str] = []
        if (
            verb is not None and subj and subj[0].lower_ in ("i", "we")
        ):  # "I have just invoked Art. 42.7," X said
            speaker = _speech_verb(_clause_chain(verb))
            said = _children(speaker, "nsubj") if speaker is not None else []
            before = s.actors(said[0]) if said else []
        elif subj:
            # "NATO member, Poland, has invoked Article 4": the member named, not its alliance
            named = [a for c in subj[0].children if c.dep_ in ("appos", "npadvmod") for a in s.actors(c)]
            before = [a for a in named if a != org] or s.actors(subj[0])
        before = before or [x.form.target for x in s.mentions if x.end <= m.start() and x.form.target != org]
        # "Poland, Estonia, Latvia and Lithuania have all invoked Article 4": each invokes it
        joint = [a for a in co_subjects(s, verb) if a != org] if verb is not None and subj else []
        for doer in joint if before and before[0] in joint else before[:1]:
            out.append(
                Claim(
                    text=text,
                    subject=doer,
                    relation=rel,
                    object=org if doer != org else None,  # "NATO has invoked Article 4": its members consult
                    polarity="positive",
                    modality="asserted",
                    attribution=sentence_attribution(s),
                    coder="parse",
                )
            )
    return out
