"""Small questions asked of a parsed token: its children by label, the objects of its
prepositions, and the words of its object phrase (`casus.evidence.triggers` resolves relations by
them, `casus.evidence.roles` finds actors by them)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from casus.evidence.lexicon import ARMS

__all__ = [
    "CARGO", "DEFEATING", "TEXTS", "children", "concerned_about", "mend_parse", "note_of", "object_words",
    "opposed_text", "pobj", "stood_with",
]  # fmt: skip

Token = Any  # spacy.tokens.Token

# Containers whose contents are what was sent ("sent containers that could hold artillery shells")
CARGO = frozenset({"container", "shipment", "cargo", "consignment", "crate", "wagon", "train", "batch"})


def note_of(tok: Token) -> Token | None:
    """The note or letter a word of protest names ("a protest note", "a note of protest"), if any."""
    note = tok.head if tok.dep_ == "compound" else tok.head.head if tok.head.lower_ == "of" else None
    return note if note is not None and note.lemma_.lower() in ("note", "letter") else None


def children(tok: Token, *deps: str) -> list[Token]:
    """The token's children with any of the dependency labels `deps`."""
    return [c for c in tok.children if c.dep_ in deps]


def pobj(tok: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of the trigger's prepositions in `preps`, in order ("sent troops to Russia")."""
    wanted = set(preps)
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "dative") and p.lower_ in wanted:
            out.extend(children(p, "pobj"))
        elif p.dep_ == "dative" and p.pos_ in ("NOUN", "PROPN") and wanted:  # "gave Russia weapons"
            out.append(p)
    return out


# how one stands with another ("stands united with Poland", "stood firmly behind Israel")
_STANDING = frozenset(
    {"united", "unite", "firm", "firmly", "together", "shoulder", "fully", "resolutely", "steadfast"}
)


def stood_with(tok: Token) -> list[Token]:
    """Whom "stand" says one stands with, by or behind, also after how ("stands united with
    Poland")."""
    out = pobj(tok, ("with", "by", "behind"))
    for c in tok.children:
        if c.dep_ in ("acomp", "advmod", "oprd") and c.lower_ in _STANDING:
            out += pobj(c, ("with", "by", "behind"))
    return out


# what one is concerned about that someone did ("concerned about aggressive actions by the China
# Coast Guard", "concerned by China's actions"), not a state of affairs ("the situation")
_CONDUCT = frozenset({"action", "behavior", "behaviour", "move", "activity", "conduct", "step", "tactic", "provocation",
                      "escalation", "militarization", "militarisation", "buildup", "rhetoric", "cooperation",
                      "deployment", "presence", "ambition", "decision", "remark", "test", "launch", "drill",
                      "exercise", "incursion", "intrusion", "violation", "transfer", "attack", "strike"})  # fmt: skip


def concerned_about(tok: Token) -> list[Token]:
    """What a state says it is "concerned" about or by, when that is someone's conduct: the
    phrases after "about", "by", "over", "at" or "with" ("Ottawa is seriously concerned about
    aggressive actions by the China Coast Guard"); none for "concerned that ..." (a fear)."""
    # (the parse may tag it an adjective: "The United States is very concerned by China's ...")
    if tok.lemma_.lower() not in ("concern", "concerned") or tok.tag_ not in ("VBN", "JJ"):
        return []
    # ("concerned by": a passive's agent in the parse)
    agents = [p for a in children(tok, "agent") for p in children(a, "pobj")]
    # (a doer named in the phrase: "China's actions", "Chinese moves", "actions by the CCG"; not
    # "the sharp escalation in tensions", whose doer the phrase leaves to the story)
    return [
        p
        for p in [*pobj(tok, ("about", "by", "over", "at", "with")), *agents]
        if (p.lemma_.lower() in _CONDUCT or p.pos_ == "PROPN")
        and any(t.pos_ == "PROPN" or (t.tag_ == "JJ" and t.text[:1].isupper()) for t in p.subtree)
    ]


def mend_parse(doc: Any) -> None:
    """Mend parse errors in place. A noun phrase that a quotation mark opens is hung as a
    clause ("declared his country's “absolute solidarity with Qatar”", solidarity a ccomp); with no
    subject, verb or copula of its own, and its verb no other object, it is the verb's object. A
    "noun" with a subject and a direct object of its own is a verb the tagger misread ("Greece,
    France and India arm Armenia"). A hyphenated "cease-fire", split in three, is one ceasefire."""
    for c in doc:
        if c.lower_ == "fire" and c.i >= 2 and doc[c.i - 1].text == "-" and doc[c.i - 2].lower_ == "cease":
            c.lemma_ = "ceasefire"
        if (
            c.dep_ == "ccomp"
            and c.pos_ == "NOUN"
            and c.head.pos_ == "VERB"
            and any(t.dep_ == "punct" and t.text in ("“", '"') for t in c.lefts)
            and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "cop") for g in c.children)
            and not any(d.dep_ == "dobj" for d in c.head.children)
        ):
            c.dep_ = "dobj"
        elif (
            c.pos_ == "NOUN"
            and any(g.dep_ == "nsubj" for g in c.children)
            and any(g.dep_ == "dobj" for g in c.children)
            and not any(g.dep_ in ("det", "poss", "cop") for g in c.children)
        ):
            c.pos_ = "VERB"


def object_words(tok: Token) -> set[str]:
    """Lemmas of the trigger's direct object phrase (and passive subject)."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") or (c.dep_ == "prep" and c.lower_ == "with"):
            words.update(t.lemma_.lower() for t in _phrase(c))
            if c.lower_ in ("that", "which") and tok.dep_ == "relcl":  # "missiles that Moscow troops launch"
                words.update(t.lemma_.lower() for t in _phrase(tok.head) if t.i < tok.i)
            if c.lemma_.lower() in CARGO:  # "sent containers that could contain artillery shells"
                words.update(t.lemma_.lower() for t in c.subtree if t.lemma_.lower() in ARMS)
    return words


_TOPIC = frozenset({"about", "regarding", "concerning", "on", "over"})


def _phrase(head: Token) -> list[Token]:
    """A noun phrase without what it is about or a clause on it ("details about the deployment of
    troops" is details, not troops)."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(
            c
            for c in t.children
            if not (c.dep_ == "prep" and c.lower_ in _TOPIC) and c.dep_ not in ("relcl", "acl")
        )
    return out


# Texts put to a vote, and what is done to them by those who want them to fail
TEXTS = frozenset(
    {"resolution", "motion", "draft", "bill", "statement", "declaration", "proposal", "amendment"}
)
DEFEATING = frozenset({"block", "veto", "reject", "oppose", "defeat", "obstruct", "kill", "sink", "torpedo"})


def opposed_text(noun: Token) -> bool:
    """A text that the clause's subject blocks or votes against ("cast a veto to block a resolution
    condemning ...", "vote against a resolution which places the blame on ..."): what the text
    says is not the subject's word."""
    if noun.lemma_.lower() not in TEXTS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "against":
        return True
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() in DEFEATING
