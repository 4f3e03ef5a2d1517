"""Who did what another is accused of, blamed or thanked for: "A accused B of firing ..." (B
fired), "thanked North Korea for deploying troops" (North Korea deployed them)."""

from __future__ import annotations

from typing import Any

from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.parsed import targets
from casus.evidence.triggers import children as _children

__all__ = ["BLAMERS", "PRAISERS", "accused", "accuser", "mutual"]

Token = Any  # spacy.tokens.Token

BLAMERS = frozenset(
    {
        "accuse",
        "blame",
        "charge",
        "condemn",
        "criticize",
        "criticise",
        "denounce",
        "punish",
        "sanction",
        "fault",
        # "castigated the United States for supplying Ukraine with ... ATACMS": the one castigated did it
        "castigate",
        "rebuke",
        "slam",
        "lambast",
        "censure",
        "chastise",
        "berate",
    }
)

# "thanked North Korea for deploying troops": the one thanked did it
PRAISERS = frozenset({"thank", "praise", "commend", "hail", "credit", "applaud"})


def _first_gerund(tok: Token) -> Token:
    """The first of gerunds joined by "and" ("for deploying troops ... and supplying shells"), or
    the charge a gerund says the means of ("accused Belarus of escalation by seizing the vehicles")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.tag_ == "VBG":
        tok = tok.head
    if tok.dep_ == "pcomp" and tok.head.lower_ == "by" and tok.head.head.dep_ == "pobj":
        return tok.head.head
    return tok


def accuser(tok: Token) -> Token | None:
    """The accusing (or thanking) verb of "A accused B of firing ..." for the trigger "firing", if any
    (also for a later gerund of the charge: "for deploying troops ... and supplying shells")."""
    tok = _first_gerund(tok)
    if (
        tok.dep_ == "advcl"
        and tok.head.lemma_.lower() in BLAMERS | PRAISERS
        and any(c.lower_ == "for" for c in tok.children)
    ):
        return tok.head  # 'slammed the CCG for "intentionally ramming"', the parse taking "for" for a verb's
    # "accused Moscow of a violation of its airspace": a charge named by a noun too
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in ("of", "for"):
        head = tok.head.head
        if head.lemma_.lower() in BLAMERS | PRAISERS:
            return head
        if head.dep_ == "dobj" and head.head.lemma_.lower() in BLAMERS | PRAISERS:
            return head.head
    if tok.dep_ == "pcomp" and tok.head.lower_ == "by":
        # "accused Belarus of escalation by seizing the vehicles": the means of what is charged
        head = tok.head.head
        if head.lemma_.lower() in BLAMERS and any(
            c.dep_ == "prep" and c.lower_ in ("of", "for") for c in head.children
        ):
            return head
    return None


def accused(s: _Sentence, tok: Token) -> list[str]:
    """ "A accused B of firing ...": B fired. The object of the accusing verb is the gerund's subject
    (the parser may hang "of" on B itself)."""
    blamer = accuser(tok)
    if blamer is None:
        return []
    tok = _first_gerund(tok)
    if tok.head.i != blamer.i and tok.head.head.i != blamer.i:
        # "of" hangs on the accused: the names before it, not in the charge
        cut = tok.head.i
        named = [m for t in tok.head.head.subtree if t.i < cut and (m := s.mention(t)) is not None]
        return list(dict.fromkeys(a for m in named for a in targets(m)))
    for c in _children(blamer, "dobj"):
        if mutual(c):  # "Thailand and Cambodia accused each other of targeting civilians": each did
            heads = [blamer, *([blamer.head] if blamer.dep_ == "conj" else [])]  # "blamed ... and accused"
            return [a for h in heads for n in _children(h, "nsubj") for a in s.actors(n)]
        return s.actors(c)
    if blamer.tag_ == "VBN":  # "North Korea has been accused by Seoul of sending troops": the subject
        return [a for n in _children(blamer, "nsubjpass") for a in s.actors(n)]
    return []


def mutual(t: Token) -> bool:
    """ "each other", "one another", and "the other" after "each" ("Each blamed the other"; not
    "the other is attacked")."""
    before = t.doc[t.i - 1].lower_ if t.i > 0 else ""
    if t.lower_ == "other" and before == "the" and t.dep_ in ("dobj", "pobj"):
        return any(  # "Each blamed the other", "Each country has accused the other"
            c.dep_ == "nsubj" and (c.lower_ == "each" or any(d.lower_ == "each" for d in c.children))
            for c in t.head.children
        )
    return (t.lower_ == "other" and before == "each") or (t.lower_ == "another" and before == "one")
