"""Where troops or arms went when the parse hangs it away from the trigger ("sent 10,000 soldiers
to train in eastern Russia", "supplying 40 percent of Russia's ammunition"), and whose make arms
are ("Russian-made jets")."""

from __future__ import annotations

from typing import Any

from casus.evidence.gazetteer import default_gazetteer
from casus.evidence.lexicon import ARMS, VERB_TRIGGERS
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.places import place_state
from casus.evidence.triggers import children as _children
from casus.evidence.triggers import is_troops
from casus.evidence.triggers import pobj as _pobj
from casus.evidence.wars import WARS

__all__ = ["destination", "made_in", "maker_named"]

Token = Any  # spacy.tokens.Token


_HELPING = frozenset({"help", "aid", "support", "assist", "bolster", "reinforce", "back", "strengthen"})


def destination(s: _Sentence, tok: Token, rel: str, passive: bool) -> list[str]:
    """Where troops or arms went when the parse hangs it away from the trigger."""
    out: list[str] = []
    if rel == "send_troops":
        # "sent thousands of troops to Kursk", "deployed to the Kursk region": the state the place lies in
        went = (*_pobj(tok, _INTO), *(q for d in _children(tok, "dobj") for q in _pobj(d, _INTO)))
        out += [w for p in went if (w := _place(s, p)) is not None]
    if not out and rel == "send_troops":
        # "recorded the North Korean troops in Russia's Kursk region": where the troops are
        for c in _children(tok, "dobj", "nsubjpass"):
            if any(is_troops(t) for t in c.subtree):
                out += [a for p in _pobj(c, ("in", "to", "into")) for a in s.actors(p)]
        if not out and tok.pos_ == "NOUN" and tok.dep_ == "dobj":  # "showing ... presence in Russia"
            out += [a for p in _pobj(tok.head, ("in", "to", "into")) for a in s.actors(p)]
    if not out and rel == "send_troops" and passive:
        # "North Korean soldiers assisting Moscow have been deployed to Kursk"
        for c in _children(tok, "nsubjpass"):
            own = set(s.actors(c))
            out += [
                m.form.target
                for t in c.subtree
                if (m := s.mention(t)) is not None and m.form.target not in own
            ]
    if not out and rel == "transfer_arms":
        # "supplying as much as 40 percent of Russia's ammunition": the arms' owner received them
        for c in _children(tok, "dobj"):
            out += [a for t in c.subtree if t.lemma_.lower() in ARMS
                    for d in t.children if d.dep_ == "poss" for a in s.actors(d)]  # fmt: skip
    if (
        not out
        and rel in ("transfer_arms", "transfer_technology", "assist_militarily")
        and tok.pos_ == "VERB"
    ):
        # "provided military aid to Ukraine", "finance a military package for Ukraine": the parse
        # may hang the recipient on what is given
        out += [a for c in _children(tok, "dobj") for p in _pobj(c, ("to", "for")) for a in s.actors(p)]
    if not out and rel in ("send_troops", "transfer_arms", "transfer_technology"):
        # "sent 10,000 soldiers to train in eastern Russia": the destination sits in a purpose clause
        # "send up to 30,000 more troops to aid Russia's war effort": a purpose clause on what is sent
        sent = [
            r for d in _children(tok, "dobj") for r in _children(d, "relcl", "acl")
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in r.children)
        ]  # fmt: skip
        for c in [*tok.children, *sent]:
            temporal = c.dep_ == "advcl" and any(
                m.dep_ == "mark" for m in c.children
            )  # "before it launched ..."
            helped = (
                [a for d in _children(c, "dobj") for a in s.actors(d)] if c.lemma_.lower() in _HELPING else []
            )
            if helped and c.i > tok.i and not temporal:
                out += helped  # "to aid Russia's war effort in Ukraine": the one aided
                continue
            if c.lemma_.lower() in _HELPING and c.i > tok.i and not temporal and _children(c, "xcomp"):
                continue  # "to help oust Ukrainian troops": whom they fight is no destination
            fighting = c.lemma_.lower() in _FIGHTING or (
                # "provided the aircraft ... to bomb Libya": whom they strike is no destination
                c.dep_ in ("advcl", "xcomp") and VERB_TRIGGERS.get(c.lemma_.lower()) == "attack"
            )
            if fighting and c.i > tok.i and not temporal:
                # "sent troops to fight Ukraine": the foe is no destination; "to fight for Russia" is,
                # and so is "to fight against Ukraine on behalf of Russia"
                out += [a for p in _pobj(c, ("for", "alongside", "beside")) for a in s.actors(p)]
                out += [a for b in _pobj(c, ("on",)) if b.lower_ == "behalf"
                        for p in _pobj(b, ("of",)) for a in s.actors(p)]  # fmt: skip
                continue
            if c.dep_ == "prep" and c.lower_ == "from":
                # "transferred weapons from its bases in Syria to Libya": where they went, not came from
                out += [a for p in _pobj(c, ("to", "into")) for a in s.actors(p)]
                continue
            if c.dep_ == "prep" and c.lower_ in ("through", "via"):
                continue  # "supplied weapons to the RSF through the Am Jars airport in Chad": the route
            if c.dep_ == "prep" and (c.lower_ in _CIRCUMSTANCES or c.lemma_.lower() == "accord"):
                # "amid rising concerns that Israel will displace ...": why, not where; "according
                # to reports from South Korean intelligence": on whose word
                continue
            if c.dep_ == "advcl" and c.tag_ == "VBG":
                continue  # "after Saddam Hussein, going to the brink again, sent troops toward ...": another act
            if c.dep_ in ("advcl", "xcomp", "prep", "acl", "relcl") and c.i > tok.i and not temporal:
                wars = [p for p in _children(c, "pobj") if p.lemma_.lower() in WARS]
                if wars:  # "to the war in Ukraine": where the war is fought, not who is helped
                    out += [a for w in wars for d in w.children if d.dep_ == "poss" for a in s.actors(d)]
                    continue
                out += [m.form.target for t in c.subtree if (m := s.mention(t)) is not None]
    return out


_INTO = ("to", "into", "in")


def _place(s: _Sentence, p: Token) -> str | None:
    """The state a town or region named as where troops went lies in ("Kursk", "the Kursk
    region"), when the words name no state themselves."""
    if s.actors(p):
        return None
    if p.pos_ == "PROPN":
        run = [c for c in p.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < p.i] + [p]
    elif p.lemma_.lower() in _REGIONS:
        run = [c for c in p.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    else:
        return None
    if not run or any(s.mention(t) is not None for t in run):
        return None
    return place_state(" ".join(t.text for t in run), s.on)


_REGIONS = frozenset({"region", "oblast", "province", "area", "city", "town"})
_CIRCUMSTANCES = frozenset(
    {"amid", "despite", "after", "before", "during", "following", "because", "since", "over"}
)
_FIGHTING = frozenset({"fight", "attack", "battle", "repel", "counter", "combat", "fend", "strike"})


def maker_named(doc: Any, i: int) -> list[str]:
    """The state named by the word(s) ending at token `i` before a "-made" ("Chinese", "North
    Korean", "Soviet"), which the gazetteer leaves out of its mentions there."""
    by_text = default_gazetteer().by_text
    for start in (i - 1, i):  # the two-word names first
        if start < 0:
            continue
        forms = by_text.get(" ".join(t.text for t in doc[start : i + 1]), [])
        if found := [f.target for f in forms if f.kind in ("name", "demonym", "historical")][:1]:
            return found
    return []


def made_in(phrase: Token) -> list[str]:
    """The state a "Russian-made" or "US-made" modifier names (the gazetteer leaves names joined
    to a lower-case word, such as "China-based", out)."""
    doc = phrase.doc
    for t in phrase.subtree:
        if t.lower_ == "made" and t.i >= 2 and doc[t.i - 1].text == "-":
            return maker_named(doc, t.i - 2)
    return []
