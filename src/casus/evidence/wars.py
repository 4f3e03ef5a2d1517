"""Wars and fights: which states a war-like noun is between, and who fights whom.

"Clashes between India and Pakistan" are the two states' attacks on each other; a state fighting
alongside another assists it; troops fighting beside a state, or in it, were sent there, and
attack only an enemy the sentence names.
"""

from __future__ import annotations

from typing import Any

from casus.evidence.lexicon import NON_STATE
from casus.evidence.nominal import between_of
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.triggers import children as _children
from casus.evidence.triggers import is_troops
from casus.evidence.triggers import pobj as _pobj

__all__ = ["WARS", "between", "fights_others", "fought"]

Token = Any  # spacy.tokens.Token

WARS = frozenset({"war", "battle", "conflict", "skirmish", "clash", "hostility"})


def between(s: _Sentence, tok: Token, rel: str) -> list[str]:
    """The states a war-like noun is between ("clashes between India and Pakistan"), or an
    agreement, talks or cooperation ("the pact struck between Pakistan and Saudi Arabia")."""
    if rel == "attack" and (
        tok.pos_ != "NOUN" or tok.lemma_.lower() not in WARS | {"fighting", "hostilities", "exchange"}
    ):
        return []
    pledge = rel == "assist_militarily" and tok.lemma_.lower() in (
        "guarantee",
        "commitment",
        "pledge",
        "obligation",
    )
    if rel not in ("attack", "agree_sign", "consult", "cooperate_militarily") and not pledge:
        return []  # "security guarantees between Russia and Belarus" are each one's to the other
    if rel == "attack" and _feared(tok):
        return []  # "a potential flashpoint of military conflict between Russia and NATO": none fought
    return list(dict.fromkeys(a for p in between_of(tok) for a in s.actors(p)))


# A war only feared or foreseen: "the risk of war between", "a potential flashpoint of conflict"
_FEARED = frozenset({"risk", "threat", "danger", "prospect", "fear", "possibility", "spectre", "specter",
                     "flashpoint", "potential", "possible", "hypothetical", "future", "looming"})  # fmt: skip


def _feared(tok: Token) -> bool:
    """The war noun, or a word it hangs from (up to the nearest verb), is feared or foreseen."""
    for t in (tok, *list(tok.ancestors)[:4]):
        if t.lemma_.lower() in _FEARED or any(
            c.dep_ == "amod" and c.lemma_.lower() in _FEARED for c in t.children
        ):
            return True
        if t.pos_ == "VERB":
            # "threatened to precipitate war between Greece and Turkey", "could spark a war between":
            # a war a clash might bring about
            return t.lemma_.lower() in _BRINGING and (
                (t.dep_ == "xcomp" and t.head.lemma_.lower() in ("threaten", "risk"))
                or any(c.tag_ == "MD" and c.lower_ in ("could", "might", "may", "would") for c in t.children)
            )
    return False


# what brings a war about
_BRINGING = frozenset(
    {"precipitate", "spark", "trigger", "provoke", "ignite", "unleash", "cause", "lead", "start"}
)


def _fighters_are_troops(tok: Token) -> bool:
    """Who fights are soldiers ("North Korean troops have been fighting", "soldiers killed while
    fighting", "troops fighting in Kursk"), not a state."""
    subj = _children(tok, "nsubj")
    if subj:
        return is_troops(subj[0])
    if tok.dep_ == "acl":
        return is_troops(tok.head)
    if tok.dep_ in ("advcl", "conj", "xcomp"):
        doers = _children(tok.head, "nsubj", "nsubjpass")
        if tok.head.dep_ == "relcl" and any(c.lower_ in ("who", "that", "which") for c in doers):
            doers = [tok.head.head]  # "soldiers who were captured in Ukraine while fighting for Russia"
        return any(is_troops(c) for c in doers)
    return False


def fought(s: _Sentence, tok: Token, subjects: list[str]) -> list[tuple[str, list[str]]]:
    """The (relation, objects) a form of "fight" states, empty when no one is named as fought
    or fought beside. A state fighting alongside another assists it militarily; its troops
    fighting alongside another state, or in it, were sent there, and attack only an enemy the
    sentence names."""
    against = [a for p in _pobj(tok, ("against",)) for a in s.actors(p)]
    along = [a for p in _pobj(tok, ("alongside", "with", "for")) for a in s.actors(p)]
    direct = [a for c in _children(tok, "dobj") for a in s.actors(c)]
    if subjects and _fighters_are_troops(tok):
        # fighting in a state, not "in the Ukraine war" (the war is no place)
        where = along or [a for p in _pobj(tok, ("in",)) if p.lemma_.lower() not in WARS for a in s.actors(p)]
        sent = [a for a in where if a not in subjects and a not in against]
        fights = [("attack", against + direct)] if against or direct else []  # no enemy guessed
        return [*fights, *([("send_troops", sent[:1])] if sent else [])]
    if along and not against:
        return [("assist_militarily", along)]
    # "India and Pakistan fought a war", "have fought over borders for decades"; not "fought together"
    # (nor "the three Sahelian countries fight to suppress extremist insurgencies": a common foe)
    mutual = (
        len(subjects) >= 2
        and not any(t.lower_ in ("together", "side") for t in tok.subtree)
        and not any(t.lemma_.lower() in _FOES for t in tok.subtree)
    )
    return [("attack", against + direct)] if against or direct or mutual else []


_FOES = NON_STATE | {"terrorist", "terrorism", "insurgency", "jihadist", "extremist", "extremism", "bandit"}


def fights_others(tok: Token) -> bool:
    """A fight against a named foe ("a joint force to fight terrorist groups"): not one another."""
    foes = [
        *_children(tok, "dobj"),
        *(p for c in _children(tok, "prep") if c.lower_ == "against" for p in _children(c, "pobj")),
    ]
    return any(f.lemma_.lower() in _FOES or any(c.lemma_.lower() in _FOES for c in f.children) for f in foes)
