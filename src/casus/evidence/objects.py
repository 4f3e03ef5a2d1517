"""Whom a trigger acts on in a parsed sentence: the direct object or the object of the
preposition that fits the relation ("strikes on Iran", "talks with Kim"), the one subjected to it,
the recipient of what is sent, or whoever the construction puts elsewhere (`casus.evidence.roles`
finds who acts; `casus.evidence.syntax` builds the claims from both).
"""

from __future__ import annotations

from typing import Any

from casus.evidence.by_object import considered_as, is_troops, judged, ordered_out
from casus.evidence.destinations import destination
from casus.evidence.gazetteer import organisations
from casus.evidence.lexicon import (
    ARMS,
    ASSISTANCE,
    CRAFT,
    DRAWN,
    NOUN_TRIGGERS,
    STRUCK_OF,
    TECH,
    TROOPS,
    VERB_TRIGGERS,
    VESSELS,
)
from casus.evidence.nominal import asked_for, attackers_of, launched, talks_named
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.roles import (
    _SUBJ,
    HANDING,
    SUPPLIERS,
    VICTIM_VERBS,
    _antecedent,
    _subject,
    _troop_owner,
    bare_recipient,
)
from casus.evidence.tokens import concerned_about, note_of, stood_with
from casus.evidence.triggers import DESIGNATION
from casus.evidence.triggers import children as _children
from casus.evidence.triggers import pobj as _pobj
from casus.evidence.wars import WARS

__all__ = ["objects"]

Token = Any  # spacy.tokens.Token
# Gatherings a phrase of place names ("at the African Union summit"): where, not whom
_TOPICAL = frozenset({"discuss", "debate", "review", "address"})
_GATHERINGS = frozenset({"summit", "meeting", "conference", "session", "forum", "gathering", "assembly"})
_OBJECT_PREPS = {
    "send_troops": ("to", "into", "in", "for", "toward", "towards"),
    "transfer_arms": ("to", "for"),
    "transfer_technology": ("to", "for"),
    "assist_militarily": ("to", "for", "of"),
    "attack": ("against", "on", "at", "in", "into", "inside", "toward", "towards"),
    "coerce": ("against", "on", "at", "near", "into", "with"),
    "threaten": ("against", "with", "to"),
    "sanction": ("on", "against", "to"),
    "oppose": ("against", "on", "over", "about", "at"),
    "support_politically": (),
    "accuse": (),
    "request_aid": ("from",),
    "mobilize": ("to", "near", "toward", "towards", "against", "around", "off"),
    "agree_sign": ("with",),
    "consult": ("with",),
    "cooperate_militarily": ("with",),
}


# Verbs whose object is the force fielded, not its target ("scrambled jets", "deployed troops")
_FIELDING = frozenset({"scramble", "deploy", "dispatch", "send", "mobilize", "mobilise", "station", "position",
                       "mass", "amass", "move", "redeploy"})  # fmt: skip


_FIRING = frozenset({"fire", "launch", "use", "shoot", "employ", "deploy"})


# What a force is fielded to do to another's ("to monitor the Turkish movement", "to deter Russia")
_WATCHING = frozenset({"monitor", "track", "watch", "observe", "shadow", "tail", "follow", "deter", "counter",
                       "intercept", "confront", "repel", "respond"})  # fmt: skip


def _made_by(s: _Sentence, arm: Token) -> bool:
    """Arms named only by the adjective of the state that made them ("North Korean missiles", "a
    North Korean M-1978 Koksan howitzer"): a make, not whose they are."""
    made = [m for t in arm.lefts for u in t.subtree if (m := s.mention(u)) is not None]
    return arm.lemma_.lower() in ARMS and bool(made) and all(m.form.kind == "demonym" for m in made)


def _fielded(tok: Token, force: Token) -> bool:
    """The trigger fields the force its object or passive subject names."""
    return tok.lemma_.lower() in _FIELDING and (
        force.lemma_.lower() in TROOPS | VESSELS | CRAFT or DESIGNATION.match(force.text) is not None
    )


BASES = frozenset({"base", "basis", "outpost", "camp", "garrison", "facility", "installation"})


def _struck(s: _Sentence, p: Token) -> list[str]:
    """Whom a strike aimed at this phrase hits: the state of the troops a base named hosts ("at two
    Iraqi military bases hosting American troops"), else the actors the phrase names."""
    if p.lemma_.lower() in BASES:
        hosted = [a for h in _children(p, "acl", "relcl") if h.lemma_.lower() == "host"
                  for d in _children(h, "dobj") if is_troops(d) for a in s.actors(d)]  # fmt: skip
        if hosted:
            return hosted
    if p.lemma_.lower() in _OPEN_WATERS:
        return []  # "fired missiles into the Taiwan Strait": into the sea, a show of force, no one struck
    if away_from(p):
        return []  # "fired the missiles at an area 82 miles north of Taiwan": near it, not on it
    return s.actors(p)


_OPEN_WATERS = frozenset({"strait", "straits", "sea", "gulf", "ocean", "bay", "channel"})
# a stretch of ground or sea placed by its distance or bearing from a state
_STRETCHES = frozenset({"area", "zone", "water", "waters", "point", "spot"})
# (in lower case: not the "South" of "South China Sea"; not "off", as waters off a coast are the state's)
_AWAY = frozenset({"miles", "mile", "km", "kilometres", "kilometers", "kilometre", "kilometer",
                   "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})  # fmt: skip


def away_from(p: Token) -> bool:
    """A stretch of ground or sea placed by its distance or bearing from a state ("an area 82
    miles north of Taiwan"): near the state, not on it."""
    return p.lemma_.lower() in _STRETCHES and any(t.text in _AWAY for t in p.subtree)


# a crossing into another's airspace or waters, protested as its doer's ("the violation of Polish
# airspace by a Russian missile")
_CROSSINGS = frozenset({"violation", "incursion", "intrusion", "breach"})


def _doers_of(event: Token) -> list[Token]:
    """The by-phrase of a nominal event ("visits by Indian politicians")."""
    return [p for c in event.children if c.dep_ == "prep" and c.lower_ == "by" for p in _children(c, "pobj")]


def _called_to(tok: Token) -> Token | None:
    """The call or contact a purpose clause hangs from ("contacted the Crown Prince to show
    solidarity"), or None."""
    head = tok.head if tok.dep_ == "conj" else tok
    purpose = head.dep_ in ("advcl", "xcomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    )
    called = head.head
    calling = called.lemma_.lower() in ("contact", "call", "phone", "telephone") or any(
        c.dep_ == "prt" and c.lower_ == "out" for c in called.children
    )
    return called if purpose and calling and called.i != head.i else None


def _given_to(s: _Sentence, tok: Token) -> list[str]:
    """Whom support named as a noun is given to when the verb it hangs from names them: "assured
    Russia of his full support", "gave Ukraine its full support"."""
    verb = (
        tok.head.head
        if tok.dep_ == "pobj" and tok.head.lower_ == "of"
        else tok.head
        if tok.dep_ == "dobj"
        else None
    )
    if verb is None or verb.pos_ != "VERB":
        return []
    named = [c for c in verb.children if c.dep_ in (("dobj",) if tok.dep_ == "pobj" else ("dative", "iobj"))]
    return [
        a
        for c in named
        if (m := s.mention(c)) is not None and m.form.kind in ("name", "capital")
        for a in s.actors(c)
    ]


_NAMING = frozenset({"call", "describe", "term", "label", "brand", "dub"})


_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "parataxis"})


def _phrase(tok: Token) -> list[Token]:
    """The words of a noun's phrase, leaving out the clauses that hang from it or inside it."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in _CLAUSES]
    return sorted(out, key=lambda t: t.i)


def _noun_objects(s: _Sentence, tok: Token, rel: str, found: list[str]) -> list[str]:
    """The objects of a nominal event: its on/against/at phrase, the one who undergoes it
    ("was subjected to", "encountered"), or the object of the verb it hangs from."""
    out: list[str] = []
    has = bool(found)
    if NOUN_TRIGGERS.get(tok.lemma_.lower()) == "~talks" and asked_for(tok) is not None:
        # "requested NATO Article 4 consultations": with whom the talks are named for
        return [m.form.target for t in talks_named(tok) if (m := s.mention(t)) is not None]
    aimed = ("on", "against", "into", "at", "toward", "towards", "to")
    # "cooperation on the Ukraine issue", "talks on Ukraine": what it is about, not with whom
    for p in _pobj(tok, aimed if rel not in ("cooperate_militarily", "consult", "agree_sign") else ("to",)):
        out += s.actors(p)
        # "a U.S. strike on its nuclear facilities": "its" is the one the sentence is about
        theirs = rel == "attack" and any(t.dep_ == "poss" and t.lower_ in ("its", "their") for t in p.subtree)
        if theirs and not s.actors(p):
            out += [a for a in _antecedent(s, tok) if a not in found]
    if rel == "coerce" and not out and tok.lemma_.lower() == "interception":
        # "the CCG's interception ... of Philippine vessels": whose craft it met
        out += [a for p in _pobj(tok, ("of",)) for a in s.actors(p)]
    if (
        rel == "attack" and not out
    ):  # "the attack of Russian drones on Odesa": aimed from the attackers' phrase
        out += [a for p in attackers_of(tok) for q in _pobj(p, ("on", "against")) for a in s.actors(q)]
    if rel == "attack" and not out:  # "the strikes launched by the US against Yemen"
        out += [a for c in launched(tok) for p in _pobj(c, ("on", "against", "into")) for a in s.actors(p)]
    if rel == "attack" and not out:  # "an Israeli airstrike in Doha": the state it was in
        # "Iranian strikes across the UAE"
        out += [a for p in _pobj(tok, ("in", "inside", "across")) if p.pos_ == "PROPN" for a in s.actors(p)]
    if rel == "oppose" and tok.lemma_.lower() in (
        "criticism",
        "critic",
        "condemnation",
    ):  # "criticisms of China"
        out += [a for p in _pobj(tok, ("of",)) for a in s.actors(p)]
    if NOUN_TRIGGERS.get(tok.lemma_.lower()) == "~closure":  # "the closure of its border with Belarus"
        of = [q for p in _pobj(tok, ("of",)) for q in (p, *_pobj(p, ("of",)))]  # "of its side of the border"
        out += [a for t in (tok, *of) for p in _pobj(t, ("with", "to")) for a in s.actors(p)]
    if NOUN_TRIGGERS.get(tok.lemma_.lower()) == "~backing":  # "support for Israel"
        out += [a for p in _pobj(tok, ("for",)) for a in s.actors(p)]
    if rel == "oppose" and not out:  # "a protest with the US", "representations and a protest with the US"
        out += [a for t in (tok, *tok.conjuncts) for p in _pobj(t, ("with", "to")) for a in s.actors(p)]
    if rel == "oppose" and not out:  # "lodged its protest over Modi's visit"
        out += [a for p in _pobj(tok, ("over", "about")) for a in s.actors(p)]
    if rel in ("oppose", "threaten") and not out and tok.dep_ == "dobj":  # "issued a complaint to Russia"
        out += [a for p in _pobj(tok.head, ("with", "to", "against")) for a in s.actors(p)]
    if (
        NOUN_TRIGGERS.get(tok.lemma_.lower()) == "~sale"
    ):  # "deliveries of missiles to India", "an arms deal with Taiwan"
        out += [a for p in _pobj(tok, ("of",)) for q in _pobj(p, ("to",)) for a in s.actors(q)]
        out += [a for p in _pobj(tok, ("with",)) for a in s.actors(p) if a not in found]
    for p in _pobj(tok, ("of",)) if tok.lemma_.lower() in STRUCK_OF else ():
        # "the US bombing of its nuclear facilities": "its" is the one the sentence is about
        owned = [c for t in p.subtree if t.dep_ == "poss" and t.pos_ == "PRON" for c in [t]]
        out += s.actors(p) or ([a for a in _antecedent(s, tok) if a not in found] if owned else [])
    head = tok.head
    if not (out or has) and head.lower_ == "to" and head.head.lemma_.lower() in ("subject", "expose"):
        for c in _children(head.head, "nsubjpass", "dobj"):
            out += s.actors(c)
    if not (out or has) and (
        head.lemma_.lower() in VICTIM_VERBS or (tok.dep_ == "dobj" and head.lemma_.lower() in DRAWN)
    ):
        for c in _children(head, "nsubj", "nsubjpass"):  # "the army confirmed that it had suffered"
            out += s.actors(c) or (_antecedent(s, head) if c.pos_ == "PRON" else [])
        if not out and head.lemma_.lower() in DRAWN and not _children(head, "nsubj", "nsubjpass"):
            out += _subject(s, head)[0]  # "MiG-31 fighters violated Estonian airspace, triggering complaints"
    if not (out or has) and rel == "assist_militarily":  # "commitment to the alliance with the Philippines"
        out += [m.form.target for t in tok.subtree if t.i != tok.i and (m := s.mention(t)) is not None]
    if not (out or has) and head.pos_ == "VERB":
        for c in _children(head, "dobj", "nsubjpass"):
            if c.i != tok.i:
                out += s.actors(c)
    return out


def _host(s: _Sentence, tok: Token) -> list[str]:
    """Where hosted troops are: whoever hosts them ("Poland hosts", "South Korea is ..., hosting")."""
    found = [a for c in _children(tok, *_SUBJ) for a in s.actors(c)]
    if not found and tok.dep_ in ("acl", "advcl", "xcomp"):
        found = _subject(s, tok.head)[0] if tok.head.pos_ in ("VERB", "AUX") else s.actors(tok.head)
    if not found and tok.dep_ == "acl" and tok.head.dep_ == "dobj" and tok.head.head.pos_ in ("VERB", "AUX"):
        found = _subject(s, tok.head.head)[0]  # "Armenia has finalized an agreement to purchase ...": Armenia
    return found


_ORGS = frozenset(o["id"] for o in organisations())


def _named_for_a_city(s: _Sentence, pact: Token) -> bool:
    """A pact named for the city where it was made ("the Kuala Lumpur Peace Accord", "the Minsk
    agreements"): the capital in its name is no party."""
    named = [m for c in pact.children if c.dep_ == "compound" for t in c.subtree if (m := s.mention(t))]
    return bool(named) and all(m.form.kind == "capital" for m in named)


# Deaths regretted or condemned: whoever caused them is opposed, not the dead's state
_DEATHS = frozenset({"killing", "death", "murder", "assassination", "execution"})
_AIMED = ("at", "against", "on", "into")
_FLARED = ("at", "against", "toward", "towards", "near", "on")


def strangers(o: Token) -> bool:
    """People the sentence does not place in any state's service: "two unidentified men", "armed
    individuals"."""
    return o.lemma_.lower() in ("man", "person", "gunman", "individual", "assailant") and any(
        c.lower_ in ("unidentified", "unknown", "armed") for c in o.children
    )


def _has_prep(tok: Token, word: str) -> bool:
    """The verb has a prepositional phrase on `word` ("accusing it of backing")."""
    return any(c.dep_ == "prep" and c.lower_ == word for c in tok.children)


# stances a possessor holds toward whom a phrase names ("his country's solidarity with Qatar")
_STANCES = frozenset({"solidarity", "support", "backing", "commitment", "sympathy", "loyalty"})


# bodies that govern a state, placed by where they sit ("the government in Kinshasa")
_GOVERNING = frozenset({"government", "authorities", "regime", "administration", "leadership", "junta"})


def _seated(s: _Sentence, tok: Token, c: Token) -> list[str]:
    """The state whose governing body the object is, named by its seat in a phrase the parse hung
    on the verb ("to support the government in Kinshasa")."""
    if c.lemma_.lower() not in _GOVERNING:
        return []
    return [
        m.form.target
        for p in _pobj(tok, ("in",))
        if p.head.i == c.right_edge.i + 1
        and (m := s.mention(p)) is not None
        and m.form.kind in ("capital", "name")
    ]


def objects(s: _Sentence, tok: Token, rel: str, passive: bool) -> list[str]:
    """Whom the trigger acts on: the actors its object, preposition or construction names."""
    if tok.lemma_.lower() == "host" and rel == "send_troops":
        return _host(s, tok)
    if rel == "send_troops" and (
        along := [
            a
            for t in (tok, *_children(tok, "dobj"))
            for p in _pobj(t, ("alongside", "beside"))
            for a in s.actors(p)
        ]
    ):
        return along  # "deployed alongside Russian troops in Ukraine": the side they join
    if tok.lemma_.lower() == "lock":  # "locked radar onto Japanese jets"
        return [a for p in _pobj(tok, ("onto", "on")) for a in s.actors(p)]
    if VERB_TRIGGERS.get(tok.lemma_.lower()) == "~found":
        return []  # "Burkina Faso, Mali and Niger formed the AES": its founders with each other
    if tok.lemma_.lower() == "share" and (
        shared := [
            a for t in (tok, *_children(tok, "dobj")) for p in _pobj(t, ("with",)) for a in s.actors(p)
        ]
    ):
        return shared  # "sharing drone technologies with Pakistan and Saudi Arabia"
    # "discussed the Ukraine conflict with Kim": whom, not what, was discussed (the parse may hang
    # "with" on the topic)
    topics = [tok, *_children(tok, "dobj")] if rel == "consult" else []
    if met := [a for t in topics for p in _pobj(t, ("with",)) for a in s.actors(p)]:
        return met
    if concern := concerned_about(tok):  # whose conduct concerns: its doers, or the state named
        return [a for p in concern for a in s.actors(p)]
    if VERB_TRIGGERS.get(tok.lemma_.lower()) == "~buy":  # the buyer receives
        subj = _children(tok, *_SUBJ)
        pronoun = subj and subj[0].pos_ == "PRON" and s.mention(subj[0]) is None
        return _antecedent(s, tok) if pronoun else _host(s, tok)
    out: list[str] = []
    if rel == "oppose" and not passive:
        # "protested the violation of Polish airspace by a Russian missile": whoever did the wrong
        # (the parse may hang "by" on the verb), not whose airspace it was
        wrongs = [c for c in _children(tok, "dobj") if c.lemma_.lower() in _CROSSINGS
                  or NOUN_TRIGGERS.get(c.lemma_.lower()) in ("~attack", "~coerce")]  # fmt: skip
        doers = [a for c in wrongs for d in (*_doers_of(c), *_doers_of(tok)) for a in s.actors(d)]
        if doers:
            return list(dict.fromkeys(doers))
        if any(c.lemma_.lower() in _CROSSINGS for c in wrongs) and not any(
            c.dep_ in ("poss", "amod", "compound") and s.actors(c) for w in wrongs for c in w.children
        ):
            # "condemned violations of NATO airspace by the aggressor": whose airspace it was is not
            # opposed, and no doer is named
            return []
    if passive:
        for c in _children(tok, "nsubjpass"):
            if rel in (
                "attack",
                "coerce",
                "threaten",
                "sanction",
                "accuse",
                "oppose",
                "support_politically",
                "mobilize",
            ):
                if rel == "mobilize" and _fielded(tok, c):
                    continue  # "Romanian F-16s and Polish jets were deployed": the forces' states field them
                # "drones, which were shot down": the relative pronoun stands for its noun
                relative = c.lower_ in ("which", "that", "who")
                if tok.dep_ == "relcl" and any(p.lower_ in ("which", "whom") for p in _pobj(c, ("of",))):
                    # "drones crossed into Polish airspace, several of which were shot down": of the
                    # craft or arms named before (the parse may hang the clause on the airspace)
                    craft = [t for t in tok.doc[: tok.i] if t.lemma_.lower() in ARMS | VESSELS]
                    out += s.actors(craft[-1]) if craft else []
                    continue
                out += s.actors(tok.head if relative and tok.dep_ == "relcl" else c)
    if passive and tok.dep_ == "acl" and rel == "assist_militarily" and not out:
        out += s.actors(tok.head)  # "Polish F-16s, supported by Dutch F-35s": whose jets are helped
    if passive and tok.dep_ == "acl" and not out:
        # "was subjected to direct water cannoning by ...": the one subjected undergoes it
        to = tok.head.head if tok.head.dep_ == "pobj" else None
        if to is not None and to.lower_ == "to" and to.head.lemma_.lower() in ("subject", "expose"):
            for c in _children(to.head, "nsubjpass", "dobj"):
                out += s.actors(c)
    if any(c.lemma_.lower() == "flare" for c in _children(tok, "dobj")):
        # "fired warning flares against a Russian military aircraft", "fired flares at one of its
        # aircraft": whose aircraft, wherever the parse hangs the phrase
        return [a for t in (tok, *_children(tok, "dobj")) for p in _pobj(t, _FLARED) for a in s.actors(p)][:1]
    for c in _children(tok, "dobj", "iobj", "dative"):
        if rel == "consult" and tok.lemma_.lower() in _TOPICAL:
            continue  # "to discuss its response to the shooting down ... by Syrian forces": the topic, not whom
        if rel in ("send_troops", "transfer_arms", "transfer_technology", "assist_militarily") and (
            {t.lemma_.lower() for t in c.subtree} & (TROOPS | ARMS | TECH | ASSISTANCE)
        ):
            # "provided Russia with missiles": the object is the recipient only when it is an actor
            head_actor = s.mention(c)
            if head_actor is not None:
                out.append(head_actor.form.target)
            # "gave North Korea anti-air missiles", parsed as a name modifying the missiles
            out += [m.form.target for n in _children(c, "nmod")
                    if n.i < c.i and (m := s.mention(n)) is not None and m.form.kind in ("name", "capital")]  # fmt: skip
            if not out and tok.lemma_.lower() in HANDING:
                out += bare_recipient(s, c)
            continue
        # "declared his country's absolute solidarity with Qatar": the possessor holds the stance
        # (the doer); whom it is with is the object
        toward = (
            [a for p in _pobj(c, ("with", "for", "to")) for a in s.actors(p)]
            if c.lemma_.lower() in _STANCES and any(d.dep_ == "poss" for d in c.children)
            else []
        )
        if toward:
            out += toward
            continue
        if rel == "agree_sign" and _named_for_a_city(s, c):
            continue  # "signed the Kuala Lumpur Peace Accord": where it was made, not a party
        if rel == "mobilize" and _fielded(tok, c):
            continue  # "NATO scrambled Norwegian F-35 fighter jets": whose force it is, not whom it is shown to
        aimed = _pobj(tok, _AIMED) or _pobj(c, _AIMED)
        # ("fired a salvo of ballistic missiles at Israel": the salvo is of arms)
        armed = c.lemma_.lower() in ARMS or any(p.lemma_.lower() in ARMS for p in _pobj(c, ("of",)))
        if rel == "attack" and armed and aimed:
            # "fired 24 North Korean ballistic missiles at Ukraine": whom they hit, not whose make they are
            out += [a for p in _pobj(c, _AIMED) for a in _struck(s, p)]
            continue
        if rel == "attack" and tok.lemma_.lower() in _FIRING and _made_by(s, c):
            continue  # "fired new North Korean missiles in its strike": their make, not whom they hit
        out += s.actors(c) or _seated(s, tok, c)
    if (
        not out
        and rel in ("attack", "coerce")
        and tok.pos_ == "VERB"
        and tok.lemma_ != "intercept"
        and not _children(tok, "dobj")
    ):
        # "assaulted and confiscated two Philippine Navy boats": the object both verbs share
        out += [
            a
            for c in _children(tok, "conj")
            if c.pos_ == "VERB"
            for d in _children(c, "dobj")
            for a in s.actors(d)
        ]
    for c in _children(tok, "ccomp") if rel in ("oppose", "accuse", "support_politically") else ():
        # "condemned what it called a cowardly Israeli attack": what was called so
        if c.lemma_.lower() in _NAMING and any(d.lower_ == "what" for d in _children(c, "dobj")):
            out += [a for n in _children(c, "oprd", "attr") for a in s.actors(n)]
    # "shot two unidentified men at Bangui airport": where, not whom
    unplaced = rel == "attack" and any(strangers(d) for d in _children(tok, "dobj"))
    # "would fire on any Iranian warplane": a strike threatened is aimed as a strike is
    struck_at = rel == "threaten" and VERB_TRIGGERS.get(tok.lemma_.lower()) in ("attack", "~fire", "~hit")
    for p in _pobj(tok, _OBJECT_PREPS.get("attack" if struck_at else rel, ())):
        if p.head.lower_ in ("at", "in") and p.head.i < tok.i and p.i < tok.i:
            continue  # "At the United Nations, China's envoy condemned ...": where, not whom
        if p.head.lower_ in ("at", "in", "during") and p.lemma_.lower() in _GATHERINGS:
            continue  # "to block the pact at upcoming African Union and Arab League summits": where
        if rel == "send_troops" and p.lemma_.lower() in WARS and not _children(p, "poss"):
            continue  # "sent to combat in the Ukraine conflict": where the war is, not whom they help
        fought = p.lemma_.lower() in WARS or NOUN_TRIGGERS.get(p.lemma_.lower()) == "~attack"
        if rel in ("transfer_arms", "transfer_technology") and fought and p.head.lower_ == "for":
            continue  # "supplies ammunition to Moscow for its invasion of Ukraine": not the invaded
        if p.lemma_.lower() == "use" and p.head.lower_ == "for":
            continue  # "given Moscow missiles for use in Ukraine": where they are used, not who gets them
        if unplaced:
            continue
        out += _struck(s, p) if rel == "attack" else s.actors(p)
    if rel == "oppose" and tok.pos_ == "NOUN" and not out and (note := note_of(tok)) is not None:
        # "issued a protest note to Syria", "handed a note of protest to Russia": whom the note went to
        out += [a for t in (note, note.head) for p in _pobj(t, ("to", "with")) for a in s.actors(p)]
    if rel == "support_politically" and tok.lemma_.lower() == "stand":  # "stands with Japan"
        out += [a for p in stood_with(tok) for q in (p, *p.conjuncts) for a in s.actors(q)]
    if (
        rel == "support_politically"
        and VERB_TRIGGERS.get(tok.lemma_.lower()) in ("~express", "~avow", "~declare", "~supply")
        and not out
    ):
        # "expressed support for Russia", "voiced solidarity with Qatar", "lent official support to
        # India": whom the feeling is for
        # (the parse may hang "with Kuwait" on the verb)
        out += [
            a
            for d in (*_children(tok, "dobj"), tok)
            for p in _pobj(d, ("for", "with", "to", "behind"))
            for a in s.actors(p)
        ]
    if rel == "cooperate_militarily" and tok.lemma_.lower() == "join" and not out:
        # "joined frigates from the Philippines and Canada", "joined Japanese destroyers": whose forces
        out += [a for d in _children(tok, "dobj") for a in s.actors(d)]
        out += [a for t in (tok, *_children(tok, "dobj")) for p in _pobj(t, ("from",)) for a in s.actors(p)]
    if VERB_TRIGGERS.get(tok.lemma_.lower()) == "~express" and not out:
        # "conveyed its support to the Philippines' maritime entitlements", "conveyed a strong protest
        # to China": to whom it is addressed
        out += [a for t in (tok, *_children(tok, "dobj")) for p in _pobj(t, ("to",)) for a in s.actors(p)]
    if rel == "oppose" and judged(tok):
        # "considers Belarus a threat", "views Russia as a threat": the one named, not an act
        # ("regards any armed attack on Qatar as a threat" opposes no one)
        named = [*_children(tok, "dobj"), *(n for c in considered_as(tok) for n in _children(c, "nsubj"))]
        # "described the U.S. deployment as ...": whose act it is
        doers = [m.form.target for n in named if s.mention(n) is None for c in n.children
                 if c.dep_ in ("poss", "compound", "amod") and (m := s.mention(c)) is not None
                 and not _children(tok, "neg")]  # fmt: skip
        return [a for n in named if s.mention(n) is not None for a in s.actors(n)] or doers[:1]
    if rel == "accuse" and judged(tok):
        # "views the latest aggression by China as a violation": whoever did what is judged
        judged_ = _children(tok, "dobj")
        if tok.dep_ in ("advcl", "xcomp", "conj") and all(d.pos_ == "PRON" for d in judged_):
            # "condemned Israel's attacks on Iran, describing them as a violation": the events the
            # verb it hangs from names
            judged_ = _children(tok.head, "dobj")
        if judged_ and all(s.mention(n) is not None for n in judged_):
            return [
                a for n in judged_ for a in s.actors(n)
            ]  # "described Poland and the Baltic countries as ..."
        return [a for n in judged_ for a in (s.actors(n) or [b for d in _doers_of(n) for b in s.actors(d)])][
            :2
        ]
    if rel == "accuse" and tok.pos_ == "VERB" and _has_prep(tok, "of"):
        # "severed ties with Chad, accusing it of backing the attack": "it" is the one other state
        # named before it (the accuser is the clause's subject, or its head's)
        said = [d for d in _children(tok, "dobj") if d.lower_ in ("it", "them") and s.mention(d) is None]
        doer = [*_children(tok, "nsubj"), *(_children(tok.head, "nsubj") if tok.dep_ == "advcl" else [])]
        own = {a for n in doer for a in s.actors(n)}
        if said and own:
            before = [m.form.target for m in s.mentions if m.end <= said[0].idx and m.form.kind != "org"]
            others = [a for a in dict.fromkeys(before) if a not in own]
            if len(others) == 1:
                return others
    if rel == "attack" and VERB_TRIGGERS.get(tok.lemma_.lower()) == "~retake":  # whom it was taken from
        return [a for t in (tok, *_children(tok, "dobj")) for p in _pobj(t, ("from",)) for a in s.actors(p)][
            :1
        ]
    if (
        rel == "agree_sign" and tok.lemma_.lower() == "agree"
    ):  # "agreed to a 48-hour ceasefire with Afghanistan"
        out += [a for p in _pobj(tok, ("to", "on")) for q in _pobj(p, ("with",)) for a in s.actors(q)]
    if rel == "sanction" and VERB_TRIGGERS.get(tok.lemma_.lower()) in ("~ban", "~declare", "~cancel"):
        # "imports of Japanese aquatic products", "two Ukrainian diplomats": whose goods or envoys;
        # "suspended development cooperation with Belgium", the parse hanging "with" on the verb
        held = [t for d in _children(tok, "dobj") for t in d.subtree] + [
            t for p in _pobj(tok, ("with",)) for t in p.subtree
        ] or [t for t in tok.subtree if t.i > tok.i]
        return [m.form.target for t in held if (m := s.mention(t)) is not None][:1]
    if rel == "sanction" and tok.lemma_.lower() == "order":  # the envoys' state
        out += [m.form.target for t in ordered_out(tok) if (m := s.mention(t)) is not None][:1]
    if rel == "sanction" and tok.lemma_.lower() in ("expulsion", "revoke"):
        # "Russia's expulsion of a British diplomat", "revoking accreditation for a Russian diplomat"
        holders = (tok, *_children(tok, "dobj"))
        out += [
            a
            for t in holders
            for p in _pobj(t, ("of", "for"))
            for q in (p, *p.conjuncts)
            for a in s.actors(q)
        ]
    if rel == "sanction" and tok.lemma_.lower() in ("recall", "withdraw", "expel", "summon", "withdrawal"):
        # "recalled their ambassadors from Algeria"; "the recall of their ambassadors from Algeria",
        # "the withdrawal of its ambassador to Iran"
        envoys = [tok, *_children(tok, "dobj"), *(_pobj(tok, ("of",)) if tok.pos_ == "NOUN" else [])]
        went = ("from", "to", "in") if tok.pos_ == "NOUN" else ("from",)
        out += [a for t in envoys for p in _pobj(t, went) for a in s.actors(p)]
    if rel == "sanction" and tok.lemma_.lower() == "closure":  # "the closure of its embassy in Tehran"
        out += [a for p in _pobj(tok, ("of",)) for q in _pobj(p, ("in",)) for a in s.actors(q)]
    if rel == "sanction" and tok.pos_ == "NOUN" and NOUN_TRIGGERS.get(tok.lemma_.lower()) == "~sever":
        # "the severance of its bilateral relations with the Ukrainian government"
        out += [a for p in _pobj(tok, ("of",)) for w in _pobj(p, ("with",)) for a in s.actors(w)]
    # "closed the border with Rwanda", the parse hanging "with" on the verb
    if rel == "sanction" and VERB_TRIGGERS.get(tok.lemma_.lower()) == "~close":
        out += [a for p in _pobj(tok, ("with",)) for a in s.actors(p)]
        if (
            not out
        ):  # "closed its airspace to all flights to and from Mali": where the flights go or come from
            out += [
                a
                for p in _pobj(tok, ("to",))
                for t in p.subtree
                if t.dep_ == "pobj" and t.head.lower_ in ("to", "from") and t.i != p.i
                for a in s.actors(t)
            ][:1]
    if rel == "consult" and tok.lemma_.lower() == "reach":  # "reached out to Saudi Arabia's Crown Prince"
        out += [a for p in _pobj(tok, ("to",)) for a in s.actors(p)]
    if rel in ("consult", "support_politically") and not out and (called := _called_to(tok)) is not None:
        # "reached out to the Crown Prince to express solidarity and discuss the situation": with him
        out += [a for p in (*_children(called, "dobj"), *_pobj(called, ("to",))) for a in s.actors(p)]
    if rel == "consult" and tok.lemma_.lower() in ("speak", "talk"):  # "has been speaking to Indonesia, ..."
        out += [a for p in _pobj(tok, ("to",)) for a in s.actors(p)]
    if rel == "consult" and tok.lemma_.lower() == "send":  # "sent a letter to Iran's Supreme Leader"
        out += [a for p in _pobj(tok, ("to",)) for a in s.actors(p) if a not in _ORGS]  # not to a body's head
    if rel == "oppose" and tok.lemma_.lower() in ("protest", "condemn", "denounce", "oppose") and not out:
        # "to protest China illegally performing military exercises": whom the gerund's act is by
        out += [
            a for c in _children(tok, "ccomp") if c.tag_ == "VBG" and not _children(c, "mark", "aux")
            for n in _children(c, "nsubj") for a in s.actors(n)
        ]  # fmt: skip
    if rel == "oppose" and tok.lemma_.lower() == "demand" and not out:
        # "demanded that the Philippines withdraw its vessels", "demanded Japan stop provoking"
        out += [
            a for c in _children(tok, "ccomp", "xcomp") for n in _children(c, "nsubj") for a in s.actors(n)
        ]
    if rel == "threaten" and not out:  # "threatened ground strikes on Venezuela": whom they would hit
        struck = [c for c in _children(tok, "dobj") if NOUN_TRIGGERS.get(c.lemma_.lower()) == "~attack"]
        out += [a for c in struck for p in _pobj(c, ("on", "against", "into")) for a in s.actors(p)]
        # "threatening military action against South Sudan and Chad"
        out += [a for c in _children(tok, "dobj") for p in _pobj(c, ("against",)) for a in s.actors(p)]
    if rel == "threaten" and not out:
        # "threatened to slap Spain with tariffs", "threatened to impose tariffs on Spain": whom the
        # threatened act would befall
        for x in _children(tok, "xcomp"):
            out += [a for d in _children(x, "dobj") for a in s.actors(d)]
            out += [
                a
                for t in (x, *_children(x, "dobj"))
                for p in _pobj(t, ("on", "against"))
                for a in s.actors(p)
            ]
    if rel == "threaten" and not out:
        # "threatened to take unspecified measures if Sudan did not comply": whom the condition names
        for x in (tok, *_children(tok, "xcomp")):
            for c in _children(x, "advcl"):
                if any(m.lower_ in ("if", "unless") for m in _children(c, "mark")):
                    out += [a for n in _children(c, "nsubj") for a in s.actors(n)]
    if rel == "oppose" and tok.lemma_.lower() == "complain" and not out:
        # "complained about harassment by Chinese maritime security forces": the harassers
        wrongs = [
            p
            for p in _pobj(tok, ("about", "of", "over"))
            if NOUN_TRIGGERS.get(p.lemma_.lower()) in ("~attack", "~coerce")
        ]
        out += [a for p in wrongs for d in _doers_of(p) for a in s.actors(d)]
    if rel == "request_aid" and tok.lemma_.lower() == "appeal":  # "appealed to Russia, the CSTO and ..."
        out += [a for p in _pobj(tok, ("to",)) for a in s.actors(p)]
    if rel == "oppose" and tok.lemma_.lower() == "object":  # "objected to visits by Indian politicians"
        out += [a for p in _pobj(tok, ("to",)) for d in (p, *_doers_of(p)) for a in s.actors(d)]
    if rel == "oppose" and tok.lemma_.lower() == "call":  # "called in the Russian ambassador"
        out += [a for p in _pobj(tok, ("in",)) for a in s.actors(p)]
    if rel == "assist_militarily" and tok.lemma_.lower() == "come" and not out:  # "to the aid of X"
        for p in _pobj(tok, ("to",)):
            out += [a for q in _pobj(p, ("of",)) for a in s.actors(q)]
    if (
        rel in ("mobilize", "cooperate_militarily", "consult", "oppose", "sanction") and not out
    ):  # "drills around Taiwan", "talks with", "regret over", "closed its border with"
        for c in _children(tok, "dobj"):
            if rel == "oppose" and (
                NOUN_TRIGGERS.get(c.lemma_.lower()) in ("~attack", "~coerce")
                or c.lemma_.lower() in _CROSSINGS
            ):
                # "condemned the armed attack against the Russian territory by the Zelenskiy puppet
                # regime": the attacker is opposed (the parse may hang "by" on the verb), never the target
                out += [a for d in (*_doers_of(c), *_doers_of(tok)) for a in s.actors(d)]
                continue
            for p in _pobj(c, (*_OBJECT_PREPS[rel], "with")):
                if rel == "oppose" and (
                    NOUN_TRIGGERS.get(p.lemma_.lower()) == "~attack" or p.lemma_.lower() in _DEATHS
                ):
                    # "expressed regret over the killing of Chinese citizens": whoever killed, not the dead
                    out += [a for d in _doers_of(p) for a in s.actors(d)]
                    continue
                out += s.actors(p)
    if rel == "mobilize" and not out and tok.lemma_.lower() in _FIELDING:
        # "deployed warships to monitor the Turkish movement": whom the force is fielded to watch
        out += [
            a
            for c in tok.children
            if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _WATCHING
            and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
            # ("to respond to a Chinese operation")
            for d in [*_children(c, "dobj"), *(_pobj(c, ("to",)) if c.lemma_.lower() == "respond" else [])]
            for t in d.subtree  # (whose movement, ships or jets: "the Turkish movement")
            if (m := s.mention(t)) is not None
            for a in [m.form.target]
        ][:1]  # fmt: skip
    if rel == "agree_sign" and not out:  # "an agreement to purchase CAESAR artillery systems from France"
        out += [a for c in _children(tok, "dobj") for r in _children(c, "acl")
                if VERB_TRIGGERS.get(r.lemma_.lower()) == "~buy" for t in (r, *_children(r, "dobj"))
                for p in _pobj(t, ("from",)) for a in s.actors(p)]  # fmt: skip
    if rel == "agree_sign" and not out:  # "ratified a treaty with Russia", "a pact between A and B"
        for c in [*_children(tok, "dobj", "nsubjpass"), *([tok] if tok.pos_ == "NOUN" else [])]:
            # not from a clause on the pact ("a framework that allows ..., one that could strain ties
            # with Brazil"), but from a participle ("a treaty signed with Russia")
            for t in _phrase(c):
                if t.dep_ == "prep" and t.lower_ in ("with", "between"):
                    out += [a for p in _children(t, "pobj") for a in s.actors(p)]
    if tok.pos_ in ("NOUN", "PROPN") and rel == "send_troops":
        # "Moscow's deployment of North Korean troops", "the dispatch of troops to Russia"
        owner = set(_troop_owner(s, tok))
        # "Pyongyang's troop dispatch to help Moscow's war efforts in Ukraine": the one helped
        helped = [a for r in tok.subtree if r.lemma_.lower() in ("help", "aid", "support", "assist") and r.pos_ == "VERB"
                  for d in _children(r, "dobj") for t in d.subtree if t.dep_ == "poss" for a in s.actors(t)]  # fmt: skip
        for t in [] if helped else tok.subtree:
            if (t.dep_ == "poss" and t.head.i == tok.i) or (
                t.dep_ == "pobj"
                and t.head.lower_ in ("to", "in", "into")
                # "the deployment of North Korean troops to the war in Ukraine": where it is fought
                and not (t.head.lower_ == "in" and t.head.head.lemma_.lower() in WARS)
            ):
                out += [a for a in s.actors(t) if a not in owner]
        out += [a for a in helped if a not in owner]
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in SUPPLIERS:
        out += [a for c in tok.children if c.dep_ == "poss" for a in s.actors(c)]
    if tok.pos_ in ("NOUN", "PROPN"):
        out += _noun_objects(s, tok, rel, out)
    if rel == "support_politically" and tok.pos_ == "NOUN" and not out:
        out += _given_to(s, tok)
    if not out and rel in ("send_troops", "transfer_arms", "transfer_technology", "assist_militarily"):
        out += destination(s, tok, rel, passive)
    if rel in ("send_troops", "transfer_arms") and (
        backed := [
            a for p in _pobj(tok, ("in", "on")) if p.lemma_.lower() in ("support", "behalf")
            for q in _pobj(p, ("of",)) for a in s.actors(q)
        ]
    ):  # fmt: skip
        out = backed  # "may deploy troops to Ukraine in support of Russia": the side they are sent to
    if rel == "mobilize" and not out:
        # "massed troops near the border with Ukraine": the state across it
        out += [
            a for t in (tok, *_children(tok, "dobj")) for p in _pobj(t, ("near", "along", "on", "to"))
            if p.lemma_.lower() in ("border", "frontier", "boundary") and not s.actors(p)
            for q in _pobj(p, ("with",)) for a in s.actors(q)
        ]  # fmt: skip
    if rel == "oppose" and tok.lemma_.lower() in ("block", "obstruct"):
        # "blocked Ankara's bid", "blocked Sweden's accession": whose bid; not a state the bid's
        # subject names further down ("the renewal of the mandate for the panel overseeing
        # sanctions against North Korea")
        out = [
            a
            for c in _children(tok, "dobj")
            for d in c.children
            if d.dep_ in ("poss", "compound", "amod", "nmod")
            for a in s.actors(d)
        ] + [a for c in _children(tok, "dobj") if s.mention(c) is not None for a in s.actors(c)]
    if rel == "accuse" and not out and tok.lemma_.lower() in ("blame", "attribute", "pin"):
        # "blamed the attack on Russia", "attributed the cyber attack to Russia": whom it is laid on
        laid_on = ("on",) if tok.lemma_.lower() in ("blame", "pin") else ("to",)
        out += [a for t in (tok, *_children(tok, "dobj")) for p in _pobj(t, laid_on) for a in s.actors(p)]
    if rel == "support_politically":
        # "efforts to support its full-scale invasion of Ukraine": the invader is backed, never
        # the invaded
        invaded = {
            a
            for c in _children(tok, "dobj")
            if NOUN_TRIGGERS.get(c.lemma_.lower()) == "~attack" or c.lemma_.lower() in STRUCK_OF
            for p in _pobj(c, ("of", "on", "against", "in"))
            for a in s.actors(p)
        }
        out = [a for a in out if a not in invaded]
    return list(dict.fromkeys(out))
