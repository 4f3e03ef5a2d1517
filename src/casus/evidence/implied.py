"""Whom a trigger acts on when its parse names no one: where the construction puts them, the
one other state a sentence names, or the state the article spoke of last."""

from __future__ import annotations

from typing import Any

from casus.evidence.blame import BLAMERS, PRAISERS
from casus.evidence.events import EVENT_NOUNS
from casus.evidence.lexicon import ARMS, CRAFT, DRAWN, NEAR, NON_STATE, NOUN_TRIGGERS
from casus.evidence.nominal import signed_pact
from casus.evidence.objects import BASES, away_from, strangers
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.places import place_state
from casus.evidence.roles import REACTIONS
from casus.evidence.tokens import opposed_text
from casus.evidence.triggers import children as _children
from casus.evidence.triggers import pobj as _pobj
from casus.evidence.voice import CALENDAR
from casus.evidence.wars import WARS

__all__ = ["fill_object", "pact_parties", "struck"]

Token = Any  # spacy.tokens.Token


_PACTS = frozenset({"agreement", "treaty", "pact", "deal", "partnership", "alliance", "accord"})
# what two states do together, condemned or welcomed as such ("condemned the military
# cooperation between Russia and North Korea")
_TIES = _PACTS | {"cooperation", "collaboration", "ties", "relations", "alignment", "rapprochement"}


def fill_object(s: _Sentence, tok: Token, rel: str, subject: str, context: list[str]) -> list[str]:
    """The objects of a trigger whose parse names none, found where the construction puts them."""
    if rel in ("support_politically", "oppose") and (parties := pact_parties(s, tok)):
        return [p for p in parties if p != subject]  # "welcomed the pact between Pakistan and Saudi Arabia"
    if rel == "accuse" and (said := [a for c in _children(tok, "ccomp") for n in _children(c, "nsubj", "nsubjpass")
                                     for a in s.actors(n) if a != subject]):  # fmt: skip
        return said[:1]  # "alleged that North Korea is sending troops": the one the clause is about
    if rel == "oppose" and (regretted := _regretted(s, tok, subject)):
        return regretted
    if rel == "oppose" and (charged := _charged_beside(s, tok, subject)):
        return charged
    if rel in ("support_politically", "oppose") and any(
        d.lemma_.lower() in _PACTS and any(t.lower_ in ("the", "this") for t in d.children)
        for d in _children(tok, "dobj")
    ):  # "welcomed the deal": the pact the article is about (its two states), when it names none here
        return [] if subject in context[:2] else context[:2]  # a party praising its own pact: no one
    if rel == "oppose" and any(opposed_text(d) for d in _children(tok, "dobj")):
        # "cast a veto in the Security Council to block a resolution condemning South Africa": the
        # body that would adopt it, not whom the text names
        return [m.form.target for m in s.mentions if m.form.kind == "org" and m.form.target != subject][:1]
    if rel in ("oppose", "accuse") and any(
        _non_state(p) for t in (tok, *_children(tok, "dobj")) for p in _pobj(t, ("on",))
    ):
        return []  # "blamed the violence on a group of rebel military policemen": no state blamed
    if rel == "oppose" and _both_sides(tok):
        return []  # "urged an end to the fighting": a call on both sides, no one opposed
    if rel in ("oppose", "accuse"):
        return _story_objects(s, tok, subject, context)
    if rel == "threaten" and tok.dep_ == "conj" and tok.head.lemma_.lower() in _PROTESTING:
        # "Moscow denounced the move as unjustified and warned of retaliatory measures": a threat
        # to whoever made the move denounced
        protested = tok.head
        named = [a for d in _children(protested, "dobj") for a in s.actors(d) if a != subject]
        return named[:1] or _story_objects(s, protested, subject, context)[:1]
    if rel == "threaten" and tok.lemma_.lower() == "respond":
        # "Lithuania will respond ... if Belarus fails to act": the one the condition names
        # (no one else: "Japan would respond calmly" names no one it would answer)
        return [
            a
            for c in _children(tok, "advcl")
            for n in _children(c, "nsubj")
            for a in s.actors(n)
            if a != subject
        ][:1]
    if rel in ("transfer_arms", "transfer_technology", "send_troops") and tok.dep_ == "conj":
        # "deploying troops to Russia's Kursk region and supplying artillery shells": where the
        # first went, the second went too
        went = [a for p in _pobj(tok.head, ("to", "into")) for a in s.actors(p) if a != subject]
        if went:
            return went[:1]
    if rel in ("assist_militarily", "request_aid"):
        return [o for o in _helped(s, tok, rel) if o != subject][:1]
    if (
        rel == "sanction"
        and tok.pos_ == "VERB"
        and len({m.form.target for m in s.mentions}) <= 1
        # (not "closed its borders due to the pandemic": a closing may be aimed at no one)
        and tok.lemma_.lower() != "close"
    ):
        # "Bangkok has also suspended all technical and economic cooperation": ties with the state
        # the article spoke of last, when the sentence names no other
        return [c for c in context if c != subject][:1]
    if rel == "agree_sign":
        # "signed a deal for a Russian naval base", "an agreement on US troop rotations": the state
        # whose base or forces the pact is about is the other party
        return [
            a for d in _children(tok, "dobj") if d.lemma_.lower() in _PACTS
            for p in (*_pobj(d, ("for", "on")), *_pobj(tok, ("for", "on"))) for a in s.actors(p) if a != subject
        ][:1]  # fmt: skip
    if rel == "mobilize":
        # "detected PLAN vessels around Taiwan": where the force is shown, wherever it hangs
        near = [a for t in tok.subtree if t.dep_ == "pobj" and t.head.lower_ in NEAR for a in s.actors(t)]
        # "fired missiles at an area 82 miles north of Taiwan"
        near += [
            m.form.target for t in tok.subtree if t.dep_ == "pobj" and away_from(t)
            for x in t.subtree if (m := s.mention(x)) is not None
        ]  # fmt: skip
        # "maneuvers in the waters surrounding Taiwan"
        near += [
            a
            for t in tok.subtree
            if t.lemma_.lower() == "surround"
            for d in _children(t, "dobj")
            for a in s.actors(d)
        ]
        # "jets were scrambled to repel the Russian fighters": whom the force is shown against
        # "scrambled jets after Russian MiGs entered Estonian airspace": whose act prompted it;
        # "after detecting a Russian drone": what was detected
        clauses = [
            *_children(tok, "advcl", "xcomp"),
            # "scrambled F-16 fighter jets and issued a public alert ..., after a Russian drone entered"
            *(c for j in tok.conjuncts if j.i > tok.i for c in _children(j, "advcl")),
            *(c for p in _children(tok, "prep") for c in _children(p, "pcomp")),
        ]
        for c in [*clauses, *(j for k in clauses for j in k.conjuncts)]:  # "to inspect and check the fighter"
            if c.lemma_.lower() in DRAWN:
                continue  # "fired six missiles in the same area, prompting protests from Washington": who reacted
            by = [a for d in _children(c, "nsubj") for a in s.actors(d) if a != subject]
            near += by or [a for d in _children(c, "dobj") for a in s.actors(d)]
        if tok.head.lemma_.lower() in DRAWN and tok.head.dep_ in ("advcl", "xcomp", "conj"):
            # "Russian aircraft occasionally enter Japanese airspace, prompting Japan to scramble
            # fighter jets": whose act prompted it
            near += [a for d in _children(tok.head.head, "nsubj") for a in s.actors(d)]
        return [o for o in near if o != subject][:1]
    return []


_PROTESTING = frozenset(
    {"denounce", "condemn", "criticise", "criticize", "slam", "reject", "decry", "protest"}
)
_CHARGING = frozenset({"accuse", "blame", "condemn", "denounce", "criticize", "criticise", "slam", "fault"})


def _charged_beside(s: _Sentence, tok: Token, subject: str) -> list[str]:
    """Whom a protest that names no one is aimed at, by the charge made beside it: "Somalia has
    expressed its outrage, accusing Ethiopia of violating the deal" (the participle's object)."""
    return [
        a
        for c in _children(tok, "advcl")
        if c.lemma_.lower() in _CHARGING and c.tag_ == "VBG"
        for d in _children(c, "dobj")
        for a in s.actors(d)
        if a != subject
    ][:1]


def _regretted(s: _Sentence, tok: Token, subject: str) -> list[str]:
    """Who did what a regret or concern is expressed about: "expressed regret that Russia and
    North Korea have signed ..." (the subjects of the clause on the feeling)."""
    return [
        a
        for d in _children(tok, "dobj")
        for c in d.children
        if c.dep_ in ("acl", "ccomp")
        for n in _children(c, "nsubj")
        for a in s.actors(n)
        if a != subject
    ]


def pact_parties(s: _Sentence, tok: Token) -> list[str]:
    """The parties of a pact the trigger acts on: "the deal struck between Pakistan and Saudi
    Arabia", "the pact between the two countries, Saudi Arabia and Pakistan"."""
    out: list[str] = []
    # "condemned deepening military cooperation between ...": the gerund's object
    gerunds = [g for g in _children(tok, "dobj", "xcomp") if g.tag_ == "VBG"]
    # ("condemn in the strongest possible terms deepening ...", the gerund parsed under "terms")
    gerunds += [
        g
        for p in _pobj(tok, ("in",))
        if p.lemma_.lower() == "term"
        for g in _children(p, "acl")
        if g.tag_ == "VBG"
    ]
    # "expressed grave concerns over the growing military cooperation between Russia and North Korea"
    felt = [
        p
        for d in _children(tok, "dobj")
        if d.lemma_.lower() in _FEELINGS
        for p in _pobj(d, ("over", "about", "at", "regarding"))
    ]
    for d in [*_children(tok, "dobj"), *(o for g in gerunds for o in _children(g, "dobj")), *felt]:
        d = signed_pact(d) or d  # "welcomed the signing of the border treaty between ..."
        if d.lemma_.lower() in _TIES:
            for h in (d, *_children(d, "acl")):
                out += [a for p in _pobj(h, ("between",)) for a in s.actors(p)]
    for c in _children(tok, "ccomp"):  # the parse may make "the deal struck between ..." a clause
        if any(d.lemma_.lower() in _PACTS for d in _children(c, "nsubj", "nsubjpass")):
            out += [a for p in _pobj(c, ("between",)) for a in s.actors(p)]
    return list(dict.fromkeys(out))


def _helped(s: _Sentence, tok: Token, rel: str) -> list[str]:
    """Whom help is given to or asked from when the parse hangs them elsewhere: "helped Poland
    intercept the drones" (the subject of the task), "made a request for help from its EU
    partners" (the 'from' phrase under the request's verb)."""
    if rel == "assist_militarily":
        tasked = [
            a
            for c in tok.children
            if c.dep_ in ("ccomp", "xcomp")
            for n in _children(c, "nsubj")
            for a in s.actors(n)
        ]
        thanked = tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in PRAISERS
        # "Putin thanked North Korea for its assistance": the one who thanks was helped
        return tasked or (
            [a for n in _children(tok.head.head, "nsubj") for a in s.actors(n)] if thanked else []
        )
    head = tok.head if tok.dep_ == "dobj" else tok
    asked = [a for t in head.subtree if t.dep_ == "pobj" and t.head.lower_ == "from" for a in s.actors(t)]
    # "seek Russian technology transfers": the state whose help is sought modifies it
    return asked or [a for d in _children(tok, "dobj") for c in d.children if c.dep_ in ("amod", "compound", "poss")
                     for a in s.actors(c)]  # fmt: skip


def _object_nouns(tok: Token) -> list[Token]:
    """The trigger's objects and prepositional objects, through "regret over the agreement"."""
    nouns, todo = [], [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ in ("dobj", "pobj", "prep", "compound") and c.i > tok.i:
                todo.append(c)
                if c.pos_ in ("NOUN", "PROPN"):
                    nouns.append(c)
    return nouns


_UNNAMED_STATES = frozenset({"country", "nation", "state", "government", "ally", "power", "partner", "neighbour", "neighbor"})  # fmt: skip


_SHARING = frozenset({"share", "echo", "join", "endorse", "second"})
_FEELINGS = frozenset({"concern", "regret", "outrage", "dismay", "alarm", "disappointment", "displeasure",
                       "indignation", "anger"})  # fmt: skip


_STATES_OF_AFFAIRS = frozenset(
    {"conflict", "escalation", "situation", "tension", "violence", "fighting", "crisis", "hostility", "war"}
)


_MEDDLING = frozenset({"interference", "meddling", "intervention", "involvement", "interfering"})


def _story_objects(s: _Sentence, tok: Token, subject: str, context: list[str]) -> list[str]:
    """Whom a protest names only through what they did ("condemned the exercises", "expressed
    regret over the agreement"): the state the article spoke of last, or both parties of a pact."""
    # "The rare attack outside Gaza drew condemnation from Qatar": what drew it is what is condemned
    drawn = tok.dep_ == "dobj" and tok.head.lemma_.lower() in DRAWN
    nouns = [n for n in (_children(tok.head, "nsubj") if drawn else _object_nouns(tok)) if n.pos_ == "NOUN"]
    # "expressed concern" over nothing named: a feeling, not what someone did
    nouns = [n for n in nouns if n.lemma_.lower() not in _FEELINGS or _children(n, "prep")]
    if tok.lemma_.lower() == "blame" and _pobj(tok, ("for",)) and nouns:
        return []  # "blamed the language barrier for a friendly-fire incident": a cause, no one's act
    if (
        nouns
        and all(n.lemma_.lower() in _STATES_OF_AFFAIRS for n in nouns)
        and any(n.lemma_.lower() in _FEELINGS for n in _children(tok, "dobj"))
    ):
        return []  # "voicing deep concern at the escalating conflict": a worry, at no one's act
    # (a clause on the event is not the event: "the test, which he called a violation of Security
    # Council resolutions")
    said_of = {t.i for n in nouns for c in n.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    if not nouns or any(s.mention(t) for n in nouns for t in n.subtree if t.i not in said_of):
        return []
    if any(n.lemma_.lower() in NON_STATE for n in _children(tok, "dobj")):
        return []  # "blamed Druze militias for violating the ceasefire": a group, not a state
    if any(
        c.dep_ == "poss" and c.pos_ == "PROPN" and not s.actors(c)
        and c.lower_ not in CALENDAR
        # "Wednesday's", "the Teresa Magbanua's" (but "the ICJ's jurisdiction": a body's)
        and (not _children(c, "det") or (c.text.isupper() and len(c.text) >= 2))
        for n in nouns for c in n.children
    ):  # fmt: skip
        return []  # "condemned Hezbollah's rocket fire": whose it was is named, and it is no state
    if any(
        c.dep_ in ("amod", "compound") and c.pos_ == "PROPN" and c.i < n.i and not s.actors(c)
        and c.lower_ not in CALENDAR and not _children(c, "case")
        for n in nouns if NOUN_TRIGGERS.get(n.lemma_.lower()) == "~attack" for c in n.children
    ):  # fmt: skip
        return []  # "denounced the Houthi attacks": whose they were is named, and it is no state
    if any(
        n.lemma_.lower() in _UNNAMED_STATES
        and not any(c.lower_ in ("these", "those", "the", "both") for c in n.children)
        for n in _children(tok, "dobj")
    ):
        return []  # "accused Western countries of arming ...": states left unnamed ("these countries" are not)
    if any(
        n.lemma_.lower() in ("side", "party") and any(c.lower_ in ("all", "any") for c in n.children)
        for n in _children(tok, "dobj")
    ):
        return []  # "urged all sides to halt any actions": everyone, so no one in particular
    if any(
        c.lower_ in ("any", "every", "all") and c.dep_ == "det"
        for n in _children(tok, "dobj")
        for c in n.children
    ):
        return []  # "We oppose any threat or use of force": whoever would, no one in particular
    # a state the sentence itself names ("condemned the incident ... and demanded that China
    # return the rifles") before the one the article spoke of last
    # not in the protester's own phrase ("The US, which has a pact with Manila, denounced", "the UN
    # special coordinator for Lebanon urged all sides")
    aside = {t.idx for c in _children(tok, "nsubj") for t in c.subtree}
    shared = tok.dep_ == "dobj" and tok.head.lemma_.lower() in _SHARING
    if shared:
        # "Australia shares the Philippines' condemnation of this conduct": the sharer condemns it too
        aside |= {t.idx for c in _children(tok.head, "nsubj") for t in c.subtree}
    if drawn:  # "from Qatar, Iran and others": those who condemn
        aside |= {
            t.idx
            for p in (*_children(tok, "prep"), *_children(tok.head, "prep"))
            if p.lower_ == "from"
            for t in p.subtree
        }
    # "denounced 'outside interference' in Libya": where the meddling is, not who meddles; a state
    # protesting meddling in its own affairs means the meddler the article spoke of
    meddled = {a for n in nouns if n.lemma_.lower() in _MEDDLING
               for p in (*_pobj(n, ("in",)), *_pobj(tok, ("in",))) for a in s.actors(p)}  # fmt: skip
    if meddled - {subject}:
        return []
    here = [  # those named after the protest first ("condemned the launch and protested against North Korea")
        m.form.target for m in sorted(s.mentions, key=lambda m: m.start < tok.idx)
        if m.form.kind not in ("org", "leader") and m.form.target != subject and m.start not in aside
    ]  # fmt: skip
    # "Pyongyang strongly opposes these drills": whoever held the drills the article told of
    told = [
        a for n in nouns if (kind := EVENT_NOUNS.get(n.lemma_.lower())) for a in s.events.get(kind, [])
        if a != subject
    ]  # fmt: skip
    if told and (not here or not set(here) & set(told)):
        # "opposes these drills": each state that held them; "denounced the attack, expressing
        # solidarity with Qatar": the attacker the article told of, not the state named here
        return list(dict.fromkeys(told))[:4]
    sharers = {a for c in _children(tok.head, "nsubj") for a in s.actors(c)} if shared else set()
    others = list(dict.fromkeys(here)) or [c for c in context if c != subject and c not in sharers]
    pact = any(n.lemma_.lower() in _PACTS for n in nouns)
    return others[:2] if pact else others[:1]


# where a strike lands ("on Odesa", "in Sanaa", "across Kharkiv"), or "the city of Vovchansk"
_WHERE = frozenset(
    {"on", "in", "at", "across", "near", "into", "over", "against", "around", "outside", "inside"}
)


def _is_place(t: Token, tok: Token) -> bool:
    """Whether the parse puts this word where a strike landed: after a preposition of place, or
    as what was struck."""
    if t.dep_ == "poss" or any(c.dep_ == "case" for c in t.children) or t.lower_ in CALENDAR:
        return False  # "Hamas's political bureau", "on March 5": no place
    for a in t.ancestors:
        if a.dep_ == "prep" and (
            a.lower_ in _WHERE or (a.lower_ == "of" and a.head.lemma_.lower() in _PLACES)
        ):
            return True
        if a.i == tok.i:
            return bool(t.head.i == tok.i and t.dep_ == "dobj")  # "shelled Kharkiv"
    return False


def _placed(s: _Sentence, tok: Token, aside: set[int]) -> str | None:
    """The state a town or city named where the strike landed lies in (the first such place)."""
    run: list[Token] = []
    for t in [*(t for t in tok.subtree if t.i > tok.i and t.i not in aside), None]:
        if t is not None and t.pos_ == "PROPN" and t.is_title and s.mention(t) is None:
            run.append(t)
            continue
        # "Khan Younis" whole (its last word is the head the parse places); no word of a longer
        # name alone ("Imran Khan")
        if run and _is_place(run[-1], tok) and (where := place_state(" ".join(w.text for w in run), s.on)):
            return where
        run = []
    return None


_PLACES = frozenset(
    {
        "city",
        "town",
        "village",
        "area",
        "region",
        "capital",
        "district",
        "province",
        "territory",
        "border",
        "settlement",
        "field",  # "seized the Heglig oil field": ground in the state the story is about
        "oilfield",
        "hill",
        "peninsula",
    }
)


# what makes a boat or a group struck no state's ("a drug-smuggling vessel", "narco-terrorist boats")
_CRIMINAL = NON_STATE | {"drug", "smuggling", "trafficking", "narco", "cartel", "terrorist", "pirate"}


# people no state is named for: an act on them is on no state ("shooting dead four migrants",
# "use a water cannon to try to disperse migrants"; but "Afghan migrants" names theirs)
_BYSTANDERS = frozenset(
    {"migrant", "refugee", "protester", "protestor", "demonstrator", "crowd", "rioter", "asylum-seeker"}
)


def _on_bystanders(s: _Sentence, tok: Token) -> bool:
    """The act's object, or that of the purpose it serves, is people no state is named for."""
    verbs = [tok] if tok.pos_ == "VERB" else [tok.head] if tok.dep_ == "dobj" else []
    for v in list(verbs):
        verbs += [c for c in v.children if c.dep_ in ("xcomp", "advcl")]
        verbs += [d for c in v.children if c.dep_ in ("xcomp", "advcl") for d in _children(c, "xcomp")]
    return any(
        o.lemma_.lower() in _BYSTANDERS and not any(s.mention(t) for t in o.subtree)
        for v in verbs
        for o in _children(v, "dobj")
    )


_UNDERTAKINGS = frozenset(
    {"effort", "attempt", "process", "talk", "investigation", "work", "plan", "initiative"}
)


def _craft_before(s: _Sentence, tok: Token) -> str | None:
    """Whose craft "them" or "it" are when shot down or intercepted: the state of the craft the
    sentence named before ("multiple Russian drones crossed into Poland, prompting NATO to send
    fighter jets to shoot them down")."""
    if tok.lemma_.lower() not in ("shoot", "intercept", "down", "destroy", "downing"):
        return None
    if not any(c.lower_ in ("it", "them") and c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return None
    owned = [
        [a for c in t.children if c.dep_ in ("amod", "compound", "poss") for a in s.actors(c)]
        for t in tok.doc[: tok.i]
        if t.lemma_.lower() in CRAFT and t.pos_ == "NOUN"
    ]
    owners = next((o for o in reversed(owned) if o), [])  # (not the interceptors' own "fighter jets")
    return owners[0] if len(set(owners)) == 1 else None


_MADE = frozenset({"made", "built", "manufactured", "produced", "designed"})
# ("to regain South Ossetia, the Moscow-backed region": the backer of the ground is no target)
_BACKED = frozenset({"backed", "supported", "sponsored", "allied", "aligned"})


# Nouns that stand for a state ("Iranian attacks on the Kingdom"): the story's state, not a thing hit
_STATE_WORDS = frozenset({"kingdom", "country", "nation", "republic", "state", "homeland", "island", "mainland",
                          "soil", "neighbour", "neighbor", "ally", "north", "south"})  # fmt: skip


# people a state is named for only as their nationality
_NATIONALS = frozenset({"national", "citizen", "tourist", "passenger", "expatriate", "pilgrim"})


def _by_nationality(s: _Sentence) -> set[str]:
    """States a sentence names only as the nationality of people ("killing several people including
    two Trinidad and Tobago nationals"): whose people were among the dead, not the state struck."""
    held = {
        t.idx
        for n in s.doc
        if n.pos_ == "NOUN" and n.lemma_.lower() in _NATIONALS
        for c in n.children
        if c.dep_ in ("nmod", "amod", "compound") and c.i < n.i
        for t in c.subtree
    }
    if not held:
        return set()
    return {m.form.target for m in s.mentions if m.start in held} - {
        m.form.target for m in s.mentions if m.start not in held
    }


# fighting that names no side ("the fighting", "the hostilities")
_FIGHTING = WARS | {"fighting", "violence", "bloodshed", "combat"}


def _both_sides(tok: Token) -> bool:
    """The trigger asks for an end to fighting that names no side ("urged an end to the fighting",
    "called for a halt to hostilities")."""
    ends = [d for t in (tok, *_children(tok, "dobj")) for d in (*_children(t, "dobj"), *_pobj(t, ("for",)))
            if d.lemma_.lower() in ("end", "halt", "cessation", "stop")]  # fmt: skip
    return any(
        p.lemma_.lower() in _FIGHTING and not any(c.dep_ in ("poss", "amod", "compound") for c in p.children)
        for e in ends
        for p in _pobj(e, ("to", "of"))
    )


def _non_state(p: Token) -> bool:
    """The phrase names a non-state body: "a group of rebel military policemen", "militants"."""
    return p.lemma_.lower() in NON_STATE or any(
        o.lemma_.lower() in NON_STATE or any(c.lemma_.lower() in NON_STATE for c in o.children)
        for o in _pobj(p, ("of",))
    )


def struck(
    s: _Sentence, tok: Token, rel: str, subject: str, said_by: str | None, context: list[str]
) -> str | None:
    """The target of an attack or coercion whose parse names none."""
    if any(
        d.lemma_.lower() in ("party", "country", "nation", "state", "anyone", "anybody")
        and {c.lower_ for c in d.children} & {"third", "any", "other"}
        for d in _children(tok, "dobj")
    ) or any(d.lower_ in ("anyone", "anybody") for d in _children(tok, "dobj")):
        return None  # "should not target third parties", "not aimed against anyone": no one named
    judged = tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in (
        "critic",
        "criticism",
        "condemnation",
    )
    if judged and not any(s.mention(t) is not None for t in tok.subtree if t.i > tok.i):
        return None  # "Ankara has been a harsh critic of Israeli attacks on Gaza": not on Ankara
    craft = _craft_before(s, tok)
    if craft:
        return craft  # "Russian drones crossed into Poland, prompting NATO to ... shoot them down"
    if said_by not in (None, subject) and any(
        c.dep_ == "dobj" and c.lower_ in ("it", "them") for c in tok.children
    ):
        # "Lithuania accused Belarus of hitting it": the accuser was hit (a person quoted is no
        # target: "Lukashenko warned that Belarusian authorities could seize them")
        return said_by if any(m.form.target == said_by for m in s.mentions) else None
    # "fired water cannon at one of its supply boats": the one other state named is the target;
    # a sentence naming no other state continues the article's story (the last state named)
    # states before alliances: "Poland activated Nato's Article 4 after Russia sent drones
    # into its airspace" strikes Poland
    others = {m.form.target for m in s.mentions if m.form.target != subject and m.form.kind != "org"} or {
        m.form.target for m in s.mentions if m.form.target != subject
    }
    others -= _by_nationality(s)
    # "the US, UK and allies have been conducting air strikes": who acts with the subject is no target
    governed = (
        tok.dep_ == "dobj" and tok.head.lemma_.lower() not in REACTIONS
    )  # not "Qatar condemned the strike"
    doers = _children(tok, "nsubj") or (_children(tok.head, "nsubj") if governed else [])
    # "were shot down by Polish NATO pilots": the agent's states act with the subject
    doers += [p for a in _children(tok, "agent") for p in _children(a, "pobj")]
    allies = {m.form.target for c in doers for t in c.subtree if (m := s.mention(t)) is not None}
    if tok.pos_ == "NOUN":  # "U.S. and Israeli strikes on rebel-held areas": both strike
        allies |= {m.form.target for c in tok.children if c.dep_ in ("nmod", "amod", "compound", "poss")
                   for t in (c, *c.conjuncts) if (m := s.mention(t)) is not None}  # fmt: skip
    if others and others <= allies | {subject}:
        return None  # every state named acts with the subject: the target is not a state named here
    others -= allies
    # "Manila accused China of firing at one of its boats": "its" is the accuser's own
    own = any(t.dep_ == "poss" and t.lower_ in ("its", "their") for t in tok.subtree if t.i > tok.i)
    # "rammed, boarded and used axes to damage two Philippine navy boats": a state named in
    # the trigger's own clause, after it, is the target, whoever reports it
    aside = {
        x.i for t in tok.subtree if t.dep_ == "relcl" and t.i != tok.i for x in t.subtree
    }  # "the country, which ..."
    # "seized the Heglig oil field, drawing rare criticism from the United States": who reacts
    aside |= {x.i for c in tok.children if c.lemma_.lower() in DRAWN and c.dep_ in ("advcl", "xcomp", "conj")
              for x in c.subtree}  # fmt: skip
    # "Ukraine invaded Kursk, and that is when North Korean and Russian parliaments ...": a clause
    # joined with its own subject tells another event
    aside |= {x.i for c in _children(tok, "conj") if c.pos_ in ("VERB", "AUX")
              and _children(c, "nsubj", "nsubjpass") for x in c.subtree}  # fmt: skip
    # "fired into its eastern region ... as North Korean-made": the maker of the arms is no target
    aside |= {t.i for t in tok.subtree for h in (t.head, t.head.head) if h.lower_ in _MADE | _BACKED
              and h.i > t.i and t.doc[h.i - 1].text == "-"}  # fmt: skip
    # "targeting Hamas negotiators in a capital hosting 10,000 U.S. troops": the guests are no target
    # (but a base hosting them is struck where they are)
    aside |= {x.i for t in tok.subtree if t.lemma_.lower() == "host" and t.dep_ in ("acl", "relcl")
              and t.head.lemma_.lower() not in BASES for x in t.subtree}  # fmt: skip
    # ("to capture the air base, which was important for Libya in its battle": not the reporter's own)
    own = own and any(t.dep_ == "poss" and t.lower_ in ("its", "their") for t in tok.subtree
                      if t.i > tok.i and t.i not in aside)  # fmt: skip
    named = [(t.i in aside, m.form.target) for t in tok.subtree if (m := s.mention(t)) is not None]
    others -= {a for inside_aside, a in named if inside_aside} - {
        a for inside_aside, a in named if not inside_aside
    }
    inside = [
        m.form.target for t in tok.subtree
        if t.i > tok.i and t.i not in aside and (m := s.mention(t)) is not None and m.form.target in others
    ]  # fmt: skip
    beside = {a for p in _pobj(tok, ("alongside", "with")) for a in s.actors(p)}  # fights beside them
    others -= beside
    # the accuser of "Manila accused China's ships of ramming one of the vessels" was struck
    accusing = any(a.lemma_.lower() in BLAMERS for a in tok.ancestors) and not (
        # "condemned Israel's incursion into the UN-patrolled buffer zone": it went where it says
        # "what it described as Israeli aggression on Gaza-bound international aid ships": at what
        # it names, not at the describer
        tok.pos_ == "NOUN" and any(not s.actors(p) for p in _pobj(tok, ("into", "on", "against")))
    )
    if accusing and others and all(m.form.kind == "org" for m in s.mentions if m.form.target in others):
        others = set()  # "the UN criticised Israel for the strikes": no body struck
    if (
        accusing
        and not own
        and not inside
        and any(
            p.lemma_.lower() in _PLACES and not any(s.mention(t) for t in p.subtree)
            for p in _pobj(tok, ("of",))
        )
    ):
        return None  # "demanded an end to Armenian occupation of the disputed territory": not the demander's
    if not (own and said_by in others) and not (inside and inside[0] == said_by) and not accusing:
        others -= {said_by}
    if inside and inside[0] in others:
        others = {inside[0]}
    elif own and said_by in others and not inside:
        others = {said_by}  # "Ukraine has identified missiles fired into its eastern region by Russia"
    if not inside and _on_bystanders(s, tok):
        return None
    if any(strangers(d) for d in _children(tok, "dobj")):
        return None  # "shot two unidentified men at Bangui airport": people of no state, wherever
    hit = [d for d in _children(tok, "dobj") if d.lemma_.lower() not in _PLACES]
    if rel == "coerce" and not others and any(d.lemma_.lower() in ARMS for d in hit):
        return None  # "Nigerian troops seized heavy weapons and ammunition": whose, the sentence does not say
    if rel == "coerce" and any(d.lemma_.lower() in _UNDERTAKINGS for d in hit):
        return None  # "accused Aoun of obstructing efforts to disarm the group": no state's craft or ground
    placed = [p for t in (tok, *hit) for p in _pobj(t, ("in", "inside"))]
    if any(t.lemma_.lower() in _CRIMINAL for d in hit for t in d.subtree if t.i < d.i) and not any(
        s.mention(t) for p in placed for t in p.subtree
    ):
        # "struck a purported drug-smuggling vessel ... headed from Venezuela": no state's (but
        # "targeted militant hideouts in the Afghan capital" struck the state they are in)
        return None
    bodies = {m.form.target for m in s.mentions if m.form.kind == "org"}
    if (
        others
        and others <= bodies
        and not others & {m.form.target for t in tok.subtree if (m := s.mention(t))}
    ):
        # "With the European Union voicing concern ..., the north said ... the field, which the South
        # said it had seized": a body named beside the act is no target of it
        others = set()
    if len(others) == 1:
        return others.pop()
    if rel == "attack" and not others and (where := _placed(s, tok, aside)):
        # "strikes on Odesa", "a U.S. strike on a Sadaa prison": the state the place named lies in
        # (none when it is the doer's own or an ally's), before the article's story
        return None if where in allies | {subject} else where
    if rel == "attack" and tok.pos_ == "NOUN":  # "20 strikes on boats in the region": what it hit
        hit += [
            p
            for p in _pobj(tok, ("on", "against"))
            if p.pos_ == "NOUN" and p.lemma_.lower() not in _PLACES | _STATE_WORDS
        ]  # not "the Chernobyl NPP"
    if others or (rel == "attack" and hit):
        # "India said it struck infrastructure used by militants": what was hit is named, and it is
        # no state (nor a place in one); the article's story names the target only for a strike
        # that names none ("shelling the city of Vovchansk" is in the state the story is about)
        return None
    return next((c for c in context if c != subject and c not in beside), None)
