"""Who acts on whom for each trigger of a parsed sentence: the (subject, object) pairs of its
claims, reciprocal ones both ways ("India and Pakistan clashed"), one per object or subject named
together ("condemned Russia and North Korea", "US and British strikes"), each of a group named
before, and an object the construction puts elsewhere. `casus.evidence.syntax` makes the claims.
"""

from __future__ import annotations

from typing import Any

from casus.evidence.blame import accuser, mutual
from casus.evidence.implied import fill_object, pact_parties
from casus.evidence.lexicon import KIN, VERB_TRIGGERS
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.parsed import targets
from casus.evidence.tokens import pobj
from casus.evidence.triggers import children as _children
from casus.evidence.wars import between as between_states
from casus.evidence.wars import fights_others

__all__ = ["SYMMETRIC", "co_subjects", "pairs"]

Token = Any  # spacy.tokens.Token


SYMMETRIC = frozenset({"agree_sign", "consult", "cooperate_militarily"})


def _named(s: _Sentence, t: Token) -> str | None:
    """The actor a conjunct names itself or through its apposition ("its ally, the United States")."""
    m = s.mention(t)
    if m is None:
        m = next((n for c in t.children if c.dep_ == "appos" and (n := s.mention(c)) is not None), None)
    return m.form.target if m is not None else None


def _doers(tok: Token) -> list[Token]:
    """The phrases that name who does a nominal event: its modifiers ("US and British strikes")
    and its by-phrase, on the noun or on the participle describing it ("strikes launched by the US
    and UK")."""
    mods = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"]
    by += [g for c in tok.children if c.dep_ == "acl" for g in c.children if g.dep_ == "agent"]
    return mods + [p for b in by for p in _children(b, "pobj")]


_DESCRIBING = KIN | {"member"}  # ("Romania, a fellow member, ...")


def co_subjects(s: _Sentence, tok: Token) -> list[str]:
    """Actors named as conjuncts of the trigger's own subject ("Seoul and its ally, the United
    States, accused ..."), or of the doer of a nominal event ("US and British strikes"): each
    acts, so each gets its claim."""
    if tok.pos_ == "NOUN":
        named_doer = any(_named(s, t) is not None for d in _doers(tok) for t in d.subtree)
        if not named_doer and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            # "Russia and China issued strong condemnations of ...": those who issued them
            return co_subjects(s, tok.head)
        joint = [d for d in _doers(tok) if d.conjuncts]
        named = [a for d in joint[:1] for t in (d, *d.conjuncts) if (a := _named(s, t)) is not None]
        return list(dict.fromkeys(named)) if len(named) >= 2 else []
    subj = _children(tok, "nsubj")
    if not subj and tok.dep_ in ("advcl", "xcomp", "conj", "acl"):
        # "Saudi Arabia, Bahrain and the US issued a joint statement condemning Iran's campaign":
        # the clause it hangs from names those who act
        above = tok.head.head if tok.dep_ == "acl" and tok.head.dep_ == "dobj" else tok.head
        return co_subjects(s, above) if above.i != tok.i and above.pos_ in ("VERB", "AUX") else []
    # "South Korea, the United States and Japan condemned": a list may be parsed as an apposition
    # (not "Iran, a Venezuelan ally, denounced": a word for whose partner it is describes the subject)
    listed = [
        t for a in _children(subj[0], "appos") if a.lemma_.lower() not in _DESCRIBING for t in (a, *a.conjuncts)
    ] if subj else []  # fmt: skip
    # "Niger along with Burkina Faso and Mali have cut ties": those the subject acts along with
    listed += [
        t
        for p in (_children(subj[0], "prep") if subj else [])
        if p.lower_ in ("along", "together")
        for w in _children(p, "prep")
        if w.lower_ == "with"
        for o in _children(w, "pobj")
        for t in (o, *o.conjuncts)
    ]
    # "10 countries, including the US, South Korea and Japan, issued a joint statement": each
    listed += [
        t
        for p in (_children(subj[0], "prep") if subj and subj[0].tag_ in ("NNS", "NNPS") else [])
        if p.lower_ == "including"
        for o in _children(p, "pobj")
        for t in (o, *o.conjuncts)
    ]
    if not subj:
        return []
    # "Polish F-16 fighter jets, Dutch F-35s, Italian AWACS planes": a state named as a modifier
    named = [
        a
        for t in (subj[0], *subj[0].conjuncts, *listed)
        if (a := _named(s, t) or _modifier(s, t)) is not None
    ] if subj[0].conjuncts or listed else []  # fmt: skip
    if len(set(named)) < 2 and not listed and subj[0].tag_ in ("NNS", "NNPS"):
        # "The leaders of China and Russia met and criticized Washington": each state the plural names
        named = s.actors(subj[0])
    return list(dict.fromkeys(named)) if len(set(named)) >= 2 else []


def _modifier(s: _Sentence, t: Token) -> str | None:
    """The state a demonym or name modifying a noun names ("Dutch F-35s")."""
    m = next(
        (m for c in t.children if c.dep_ in ("amod", "compound") and (m := s.mention(c)) is not None), None
    )
    return m.form.target if m is not None and m.form.kind in ("demonym", "name", "org") else None


def _conjoined(s: _Sentence, tok: Token) -> set[str]:
    """States named as conjuncts of one object of the trigger ("Russia and the DPRK")."""
    out: set[str] = set()
    for c in tok.children:
        heads = (
            [c]
            if c.dep_ in ("dobj", "nsubjpass")
            else [p for p in c.children if c.dep_ == "prep" and p.dep_ == "pobj"]
        )
        if c.dep_ == "acomp":  # "stands united with Poland, Romania and Ukraine"
            heads += [q for p in c.children if p.dep_ == "prep" for q in _children(p, "pobj")]
        # "criticized the military alliance of Croatia, Albania and Kosovo": each of its members
        heads += [
            q
            for h in heads
            for p in h.children
            if p.lower_ in ("of", "between", "with", "against", "from")
            for q in _children(p, "pobj")
        ]
        # "denounced the US and UK strikes": each doer of the act denounced
        heads += [d for h in heads if h.pos_ == "NOUN" for d in _doers(h)]
        for h in heads:
            if h.conjuncts:
                out |= {a for t in (h, *h.conjuncts) if (m := s.mention(t)) is not None for a in targets(m)}
    return out


_OTHERS = frozenset({"party", "country", "state", "nation", "power", "government"})
_UNNAMED = frozenset({"third", "other", "any", "another", "foreign", "outside"})


def _with_others(tok: Token) -> bool:
    """The trigger's partner is "third parties", "other countries", "any state": none the
    sentence names ("pledged not to sign any agreements with third parties")."""
    heads = [tok, *_children(tok, "dobj")]
    partners = [p for h in heads for w in h.children if w.dep_ == "prep" and w.lower_ == "with"
                for p in _children(w, "pobj")]  # fmt: skip
    return any(
        p.lemma_.lower() in _OTHERS
        and any(c.lower_ in _UNNAMED for c in p.children if c.dep_ in ("amod", "det"))
        for p in partners
    )


_RECIPROCAL = frozenset({"clash", "fight", "skirmish", "exchange", "battle", "war"})


def pairs(
    s: _Sentence, tok: Token, rel: str, subjects: list[str], objects: list[str], passive: bool,
    context: list[str],
) -> list[tuple[str | None, str | None]]:  # fmt: skip
    """(subject, object) of each claim a trigger makes: reciprocal ones both ways, one per object
    or subject named together, and an object the construction puts elsewhere."""
    between = between_states(s, tok, rel)
    if len(between) >= 2:  # "hostilities erupted between India and Pakistan"
        subjects, objects = between, []
    if rel in SYMMETRIC and len(set(subjects)) >= 2 and objects and set(objects) <= set(subjects):
        # "The Philippines and Canada signed an agreement, the latest pact struck by Manila": the pair's
        # own pact, not one with itself
        objects = []
    reciprocal = (
        (len(between) >= 2 and rel in ("attack", "assist_militarily"))
        # "Tehran and Riyadh severed ties": each cut them with the other
        or (
            rel == "sanction"
            and len(subjects) >= 2
            and not objects
            and VERB_TRIGGERS.get(tok.lemma_.lower()) == "~sever"
        )
        # "India and Pakistan clashed"; not "the US, UK and allies have been conducting air strikes"
        # (not "set up a joint force to fight terrorist groups": they fight whom the verb names)
        or (
            rel == "attack"
            and len(subjects) >= 2
            and not objects
            and tok.lemma_.lower() in _RECIPROCAL
            and not fights_others(tok)
        )
        or any(mutual(t) and t.head.i >= tok.i for t in tok.subtree)
        # "Ethiopia and Eritrea moved troops to the border": each toward the other
        or (
            rel == "mobilize"
            and len(subjects) >= 2
            and not objects
            and any(
                p.lemma_.lower() in ("border", "frontier")
                for p in pobj(tok, ("to", "toward", "towards", "along", "near"))
            )
            # (not "their borders with Colombia": a third state's)
            and not any(t.lower_ == "with" and t.dep_ == "prep" for t in tok.subtree)
        )
        # "accused each other of targeting civilians": each did it to the other
        or (
            rel == "attack"
            and (b := accuser(tok)) is not None
            and any(mutual(c) for c in _children(b, "dobj"))
        )
    )
    pairs: list[tuple[str | None, str | None]]
    if rel in SYMMETRIC and not objects and _with_others(tok):
        return []  # "Moscow and Pyongyang pledged not to sign agreements with third parties": not each other
    if (
        len(set(subjects)) < 2
        and not objects
        and any(
            mutual(t) and (t.head.i == tok.i or (t.head.dep_ == "prep" and t.head.head.i == tok.i))
            for t in tok.subtree
        )
        and rel in ("attack", "coerce")
    ):
        # "A China Coast Guard cutter and a PLA Navy destroyer struck each other": one state's
        # ships on one another, no one else's
        return []
    if len(subjects) >= 2 and reciprocal and not objects:  # "fired missiles at each other"
        pairs = [(subjects[0], subjects[1]), (subjects[1], subjects[0])]
    elif rel in SYMMETRIC and len(subjects) >= 2 and not objects:
        # "The United States, South Korea and Japan opened an exercise": each pair of them
        pairs = [(a, b) for i, a in enumerate(subjects[:4]) for b in subjects[i + 1 : 4]]
    else:
        if not subjects and not passive and tok.pos_ == "VERB":
            # "Ten countries, including the US, South Korea and Japan, condemned": those it lists
            subjects = co_subjects(s, tok)
        first = subjects[0] if subjects else None
        others = [o for o in objects if o != first]
        # "condemned Russia and North Korea": each object named together, one claim each
        joined = _conjoined(s, tok) | {
            a for m in s.mentions for a in m.form.members
        }  # or "the Baltic states"
        if s.group and set(s.group) <= set(objects):  # "ties with all three countries"
            joined |= set(s.group)
        if rel in ("support_politically", "oppose"):  # "welcomed the signing of the treaty between A and B"
            joined |= set(pact_parties(s, tok))
        together = [o for o in others if o in joined]
        pairs = [(first, o) for o in (together if len(together) >= 2 else others[:1])] or [(first, None)]
        agents = [p for a in _children(tok, "agent") for p in _children(a, "pobj")]
        if passive and agents and agents[0].conjuncts and len(pairs) == 1 and pairs[0][1] is not None:
            # "Polish F-16s, supported by Dutch F-35s, Italian AWACS and a NATO tanker": each agent acts
            pairs += [(a, pairs[0][1]) for a in subjects[1:4] if a != pairs[0][1]]
        if not passive and first is not None and len(pairs) == 1 and pairs[0][1] is not None:
            # "Seoul and its ally, the United States, accused the DPRK": each subject acts
            pairs += [(a, pairs[0][1]) for a in co_subjects(s, tok) if a not in (first, pairs[0][1])]
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in ("sanction", "sanctions"):
                # "France, Germany and the UK moved to restore UN sanctions on Iran": each of them
                pairs += [
                    (a, pairs[0][1])
                    for a in subjects[1:4]
                    if (a, pairs[0][1]) not in pairs and a != pairs[0][1]
                ]
            if any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
                # "Turkey, Egypt and Djibouti ..., reaffirming their support for Somalia": each of them
                pairs += [
                    (a, pairs[0][1])
                    for a in subjects[1:4]
                    if a != pairs[0][1] and (a, pairs[0][1]) not in pairs
                ]
            # "All three states have severed ties with France": each state of the group acts
            group = s.group if s.group and set(s.group) == set(subjects) else []
            pairs += [
                (a, pairs[0][1])
                for a in group
                if a not in (first, pairs[0][1]) and (a, pairs[0][1]) not in pairs
            ]
    if rel in SYMMETRIC:  # signing, talks and cooperation are one claim for the pair, in either order
        pairs = list({frozenset(p): p for p in pairs[::-1]}.values())[::-1]
    lone = pairs[0][0] if len(pairs) == 1 and pairs[0][1] is None else None
    # "Both sides condemned external interference": none of those acting is whom they act on
    filled = (
        [o for o in fill_object(s, tok, rel, lone, context) if o not in subjects] if lone is not None else []
    )
    if lone is not None and filled:
        pairs = [(lone, o) for o in filled]
        if not passive:  # "The US and South Korea have alleged that ...": each of them
            pairs += [(a, o) for a in co_subjects(s, tok) for o in filled if a not in (lone, o)]
        if tok.pos_ == "NOUN":  # "drew condemnation from Qatar, Iran and others": each of them
            pairs += [(a, o) for a in subjects[1:4] for o in filled if a != o and (a, o) not in pairs]
    return pairs
