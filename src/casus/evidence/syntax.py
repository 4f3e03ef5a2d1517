"""Claims from a dependency parse: who does what to whom, on whose word, how surely.

The coder walks the parse of each candidate sentence (one that names an actor), the way the
field's event coders work on a parse (PETRARCH2 on CoreNLP trees, the POLECAT coder on spaCy):

- A **trigger** is a verb or event noun of `casus.evidence.lexicon`; some depend on their
  object ("sent 10,000 soldiers" is `send_troops`, "sent missiles" `transfer_arms`, "fired
  water cannon" `coerce`, "fired missiles at" `attack`).
- The **subject** is the trigger's grammatical subject, or the agent of a passive ("was rammed
  by the Chinese coast guard"); a passive's grammatical subject is its object. A trigger
  without a subject takes its clause head's ("North Korean soldiers assisting Moscow": the
  soldiers). A noun phrase stands for the actor it names or that modifies it ("North Korean
  troops" → PRK, "Russia's defence ministry" → RUS).
- The **object** is the direct object or the object of the preposition that fits the relation
  (to, into, against, on, at, with); "A and B signed" makes B the object.
- **Attribution** climbs from the trigger to the speech verb whose complement it is ("said",
  "told", "according to"), and reads its subject: a named person, officials of a state (with
  their number), an outlet, a group of analysts. "Citing" and "according to" beside a speaker
  give the chain: who said it, via whom.
- **Polarity** is negative under a negation of the trigger's clause or a governing denial
  ("denied that ... sent"). **Hedges** are modal verbs (may, might, could), adverbs (probably,
  reportedly, allegedly), governing verbs (believed to, expected to, appear) and concern
  ("concerned about"), scoped to the clauses between the trigger and its speech verb.
- **Conditions**: a trigger inside an "if", "should" or "in case of" clause is not reported as
  done. Collective-defence wording ("an attack on one is an attack on all", "if either is
  attacked") gives conditional military assistance between the parties, never an attack.
"""

from __future__ import annotations

import re
from typing import Any

from casus.evidence.gazetteer import Mention
from casus.evidence.lexicon import (
    ARMS,
    ASSISTANCE,
    INVOKE,
    SPEECH,
    TECH,
    THREAT_CASE,
    TREATY_LANGUAGE,
    TROOPS,
    VESSELS,
)
from casus.evidence.model import Attribution, Claim
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.triggers import between_of
from casus.evidence.triggers import children as _children
from casus.evidence.triggers import pobj as _pobj
from casus.evidence.triggers import relation as _relation
from casus.evidence.voice import (
    _SELF,
    SPEECH_ACTS,
    _attribution,
    _clause_chain,
    _conditional,
    _hedges,
    _negative,
    _own_word,
    _source,
    _speech_verb,
    sentence_attribution,
)

__all__ = ["SYMMETRIC", "code_sentence"]

Token = Any  # spacy.tokens.Token
SYMMETRIC = frozenset({"agree_sign", "consult", "cooperate_militarily"})
_OBJECT_PREPS = {
    "send_troops": ("to", "into", "in", "for", "toward", "towards"),
    "transfer_arms": ("to", "for"),
    "transfer_technology": ("to", "for"),
    "assist_militarily": ("to", "for", "of"),
    "attack": ("against", "on", "at", "in", "into", "toward", "towards"),
    "coerce": ("against", "on", "at", "near"),
    "threaten": ("against", "with"),
    "sanction": ("on", "against"),
    "oppose": ("against", "on"),
    "support_politically": (),
    "accuse": (),
    "request_aid": ("from",),
    "mobilize": ("to", "near", "toward", "towards", "against", "around", "off"),
    "agree_sign": ("with",),
    "consult": ("with",),
    "cooperate_militarily": ("with",),
}
_SUBJ = ("nsubj", "csubj")
CONTROL_VERBS = frozenset(
    {
        "oblige",
        "obligate",
        "bind",
        "require",
        "force",
        "compel",
        "commit",
        "ask",
        "urge",
        "allow",
        "permit",
        "authorize",
    }
)
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,600})[\"”]")


def _troop_owner(s: _Sentence, tok: Token) -> list[str]:
    """The state whose troops a deployment moves ("the deployment of North Korean troops")."""
    for t in tok.subtree:
        if t.lemma_.lower() in TROOPS and t is not tok and (found := s.actors(t)):
            return found
    return []


def _noun_subject(s: _Sentence, tok: Token) -> list[str]:
    """Who does a nominal event: its possessor or modifier ("China's water cannon", "Chinese
    manoeuvres"), its by/from phrase ("water cannon from the CCG vessels"), else the subject of
    the verb it hangs from ("unleashing its water cannon")."""
    if tok.lemma_.lower() in ("deployment", "dispatch") and (owner := _troop_owner(s, tok)):
        return owner
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ == "PRON":
            return _antecedent(s, tok)
        if c.dep_ in ("poss", "compound", "amod") and (found := s.actors(c)):
            return found
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from"):
            for p in _children(c, "pobj"):
                if found := s.actors(p):
                    return found
    for conj in tok.conjuncts:  # "dangerous maneuvers and obstruction from four CCG vessels"
        for c in conj.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for p in _children(c, "pobj"):
                    if found := s.actors(p):
                        return found
    head = tok.head
    if head.pos_ == "ADP" and head.dep_ == "prep":  # "let loose with water cannons against ..."
        head = head.head
    if head is not tok and head.pos_ == "VERB" and head.lemma_.lower() not in VICTIM_VERBS:
        subj, _ = _subject(s, head)
        return subj
    return []


# Verbs whose subject undergoes the event named by their object ("vessels encountered
# dangerous maneuvers", "the boat sustained damage", "was subjected to water cannon").
VICTIM_VERBS = frozenset(
    {"subject", "suffer", "face", "encounter", "sustain", "endure", "experience", "undergo"}
)


def _accused(s: _Sentence, tok: Token) -> list[str]:
    """ "A accused B of firing ...": B fired. The object of the accusing verb is the gerund's subject."""
    blamers = ("accuse", "blame", "charge", "condemn", "criticize", "criticise", "denounce", "punish", "sanction", "fault")  # fmt: skip
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "for"):
        head = tok.head.head
        if head.lemma_.lower() in blamers:
            for c in _children(head, "dobj"):
                return s.actors(c)
        # "accused China's coastguard of firing": the parser may hang "of" on the accused
        if head.dep_ == "dobj" and head.head.lemma_.lower() in blamers:
            return s.actors(head)
    return []


def _subject(s: _Sentence, tok: Token) -> tuple[list[str], bool]:
    """The trigger's subject actors, and whether the trigger is passive."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_subject(s, tok), False
    accused = _accused(s, tok)
    if accused:
        return accused, False
    if tok.dep_ == "acl":  # "water cannoning by two CCG vessels": a participle with its agent
        for ag in _children(tok, "agent"):
            for p in _children(ag, "pobj"):
                if found := s.actors(p):
                    return found, True
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    if passive:
        for ag in _children(tok, "agent"):
            for p in _children(ag, "pobj"):
                return s.actors(p), True
        # "... was hit by water cannon from the Chinese coast guard"
        for p in _pobj(tok, ("from",)):
            if found := s.actors(p):
                return found, True
        # "North Korean troops have been deployed": the troops' state sent them
        for c in _children(tok, "nsubjpass"):
            if {t.lemma_.lower() for t in c.subtree} & (TROOPS | ARMS | VESSELS):
                return s.actors(c), True
        return [], True
    subj = _children(tok, *_SUBJ)
    if subj:
        if subj[0].pos_ == "PRON" and s.mention(subj[0]) is None:
            return _antecedent(s, tok), False
        return s.actors(subj[0]), False
    head = tok
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in TROOPS and (owner := s.actors(tok.head)):
        return owner, True
    for _ in range(4):  # no subject of its own: the clause it hangs from gives one
        infinitive = head.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in head.children)
        if head.dep_ == "xcomp" or (infinitive and head.head.lemma_.lower() in CONTROL_VERBS):
            # "does not oblige North Korea to provide": the object acts
            for c in _children(head.head, "dobj"):
                if found := s.actors(c):
                    return found, False
        if head.dep_ == "pcomp" and head.head.pos_ == "ADP":  # "responded by denouncing Pyongyang"
            head = head.head
        if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if found := s.actors(head.head):
                return found, False
            head = head.head  # "a treaty signed after the summit": whoever the clause is about
            while head.dep_ not in ("ROOT",) and head.pos_ != "VERB" and head.head is not head:
                head = head.head
            subj = _children(head, *_SUBJ)
            return (s.actors(subj[0]) if subj else []), False
        if head.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep") and head.head is not head:
            head = head.head
            subj = _children(head, *_SUBJ)
            if subj:
                return s.actors(subj[0]), False
            continue
        break
    return [], False


def _antecedent(s: _Sentence, tok: Token) -> list[str]:
    """What a pronoun subject stands for: the subject of the clause above ("North Korea denied
    that it had sent troops"), else the first actor named before the trigger."""
    for t in _clause_chain(tok)[1:]:
        subj = _children(t, *_SUBJ)
        if subj and subj[0].pos_ != "PRON":
            found = s.actors(subj[0])
            if found:
                return found
    before = [m.form.target for m in s.mentions if m.end <= tok.idx]
    return before[:1]


def _objects(s: _Sentence, tok: Token, rel: str, passive: bool) -> list[str]:
    out: list[str] = []
    if passive:
        for c in _children(tok, "nsubjpass"):
            if rel in ("attack", "coerce", "threaten", "sanction", "accuse", "oppose", "support_politically"):
                # "drones, which were shot down": the relative pronoun stands for its noun
                out += s.actors(
                    tok.head if c.lower_ in ("which", "that", "who") and tok.dep_ == "relcl" else c
                )
    if passive and tok.dep_ == "acl" and not out:
        # "was subjected to direct water cannoning by ...": the one subjected undergoes it
        to = tok.head.head if tok.head.dep_ == "pobj" else None
        if to is not None and to.lower_ == "to" and to.head.lemma_.lower() in ("subject", "expose"):
            for c in _children(to.head, "nsubjpass", "dobj"):
                out += s.actors(c)
    for c in _children(tok, "dobj", "iobj"):
        if rel in ("send_troops", "transfer_arms", "transfer_technology", "assist_militarily") and (
            {t.lemma_.lower() for t in c.subtree} & (TROOPS | ARMS | TECH | ASSISTANCE)
        ):
            # "provided Russia with missiles": the object is the recipient only when it is an actor
            head_actor = s.mention(c)
            if head_actor is not None:
                out.append(head_actor.form.target)
            continue
        out += s.actors(c)
    for p in _pobj(tok, _OBJECT_PREPS.get(rel, ())):
        out += s.actors(p)
    if rel == "assist_militarily" and tok.lemma_.lower() == "come" and not out:  # "to the aid of X"
        for p in _pobj(tok, ("to",)):
            out += [a for q in _pobj(p, ("of",)) for a in s.actors(q)]
    if (
        rel in ("mobilize", "cooperate_militarily", "consult") and not out
    ):  # "drills around Taiwan", "talks with"
        for c in _children(tok, "dobj"):
            out += [a for p in _pobj(c, _OBJECT_PREPS[rel]) for a in s.actors(p)]
    if rel == "agree_sign" and not out:  # "ratified a treaty with Russia", "a pact between A and B"
        for c in [*_children(tok, "dobj", "nsubjpass"), *([tok] if tok.pos_ == "NOUN" else [])]:
            for t in c.subtree:
                if t.dep_ == "prep" and t.lower_ in ("with", "between"):
                    out += [a for p in _children(t, "pobj") for a in s.actors(p)]
    if tok.pos_ in ("NOUN", "PROPN") and rel == "send_troops":
        # "Moscow's deployment of North Korean troops", "the dispatch of troops to Russia"
        owner = set(_troop_owner(s, tok))
        for t in tok.subtree:
            if (t.dep_ == "poss" and t.head is tok) or (
                t.dep_ == "pobj" and t.head.lower_ in ("to", "in", "into")
            ):
                out += [a for a in s.actors(t) if a not in owner]
    if tok.pos_ in ("NOUN", "PROPN"):
        for p in _pobj(tok, ("on", "against", "into", "at", "toward", "towards", "to")):
            out += s.actors(p)
        head = tok.head
        if not out and head.lower_ == "to" and head.head.lemma_.lower() in ("subject", "expose"):
            for c in _children(head.head, "nsubjpass", "dobj"):
                out += s.actors(c)
        if not out and head.lemma_.lower() in VICTIM_VERBS:
            for c in _children(head, "nsubj", "nsubjpass"):
                out += s.actors(c)
        if not out and rel == "assist_militarily":  # "commitment to the alliance with the Philippines"
            out += [m.form.target for t in tok.subtree if t is not tok and (m := s.mention(t)) is not None]
        if not out and head.pos_ == "VERB":
            for c in _children(head, "dobj", "nsubjpass"):
                if c is not tok:
                    out += s.actors(c)
    if not out and rel == "send_troops" and passive:
        # "North Korean soldiers assisting Moscow have been deployed to Kursk"
        for c in _children(tok, "nsubjpass"):
            own = set(s.actors(c))
            out += [
                m.form.target
                for t in c.subtree
                if (m := s.mention(t)) is not None and m.form.target not in own
            ]
    if not out and rel in ("send_troops", "transfer_arms", "transfer_technology"):
        # "sent 10,000 soldiers to train in eastern Russia": the destination sits in a purpose clause
        for c in tok.children:
            if c.dep_ in ("advcl", "xcomp", "prep", "acl") and c.i > tok.i:
                out += [m.form.target for t in c.subtree if (m := s.mention(t)) is not None]
    return list(dict.fromkeys(out))


def _treaty_claims(s: _Sentence, text: str, context: list[str]) -> list[Claim]:
    """Collective-defence wording as conditional military assistance between the parties named
    (or, where the sentence names fewer than two, the two states the article spoke of last)."""
    if not TREATY_LANGUAGE.search(text) or THREAT_CASE.search(text):
        return []  # no pledge; or a threat's, on which the parties consult (coded as such)
    named = [m for m in s.mentions if m.form.kind != "org"] or list(s.mentions)
    parties = list(dict.fromkeys(m.form.target for m in named if m.form.kind != "leader"))
    if len(parties) < 2:
        parties += [m.form.target for m in named if m.form.target not in parties]
    if len(parties) < 2 and re.search(r"\b(two|both|each other|one another|either)\b", text, re.I):
        if any(m.form.kind == "org" and m.form.target != "UN" for m in s.mentions):
            return []  # "an attack on one NATO member": the alliance's pledge, not two states'
        parties += [p for p in context if p not in parties]
    if len(parties) < 2:
        return []
    a, b = parties[0], parties[1]
    said = sentence_attribution(s)
    return [
        Claim(
            text=text, subject=x, relation="assist_militarily", object=y, polarity="positive",
            modality="asserted", attribution=said, conditional=True, coder="parse",
        )
        for x, y in ((a, b), (b, a))
    ]  # fmt: skip


def _invocations(s: _Sentence, text: str) -> list[Claim]:
    """A treaty article invoked: NATO's Art. 4 asks for consultation, Art. 5 and the EU's Art.
    42(7) for help; the invoker is the first actor named before the words."""
    out = []
    for m in INVOKE.finditer(text):
        art = m.group("art")
        org = "EU" if art.startswith("42") else "NATO"
        rel: Any = "consult" if art == "4" else "request_aid"
        verb = next((t for t in s.doc if t.idx >= m.start()), None)
        subj = _children(verb, "nsubj") if verb is not None else []
        before: list[str] = []
        if (
            verb is not None and subj and subj[0].lower_ in ("i", "we")
        ):  # "I have just invoked Art. 42.7," X said
            speaker = _speech_verb(_clause_chain(verb))
            said = _children(speaker, "nsubj") if speaker is not None else []
            before = s.actors(said[0]) if said else []
        elif subj:
            before = s.actors(subj[0])
        before = before or [x.form.target for x in s.mentions if x.end <= m.start() and x.form.target != org]
        if before:
            out.append(
                Claim(
                    text=text,
                    subject=before[0],
                    relation=rel,
                    object=org,
                    polarity="positive",
                    modality="asserted",
                    attribution=sentence_attribution(s),
                    coder="parse",
                )
            )
    return out


WARS = frozenset({"war", "battle", "conflict", "skirmish", "clash", "hostility"})


def _between(s: _Sentence, tok: Token) -> list[str]:
    """The states a war-like noun is between ("clashes between India and Pakistan")."""
    if tok.lemma_.lower() not in WARS and tok.lemma_.lower() not in ("fighting", "hostilities"):
        return []
    return [a for p in between_of(tok) for a in s.actors(p)]


def _airspace(s: _Sentence, tok: Token) -> tuple[list[str], list[str]] | None:
    """A violation of a state's airspace by another's aircraft or drones: (by whom, whose)."""
    if tok.lemma_.lower() not in ("violation", "incursion", "intrusion", "breach", "violate", "enter"):
        return None
    words = list(tok.subtree)
    space = next((t for t in words if t.lemma_.lower() == "airspace"), None)
    if space is None:
        return None
    by = [a for t in words if t.lower_ == "by" for p in _children(t, "pobj") for a in s.actors(p)]
    subj, _ = _subject(s, tok) if tok.pos_ == "VERB" else ([], False)
    return (by or subj), s.actors(space)


def code_sentence(
    doc: Any, mentions: list[Mention], text: str, context: list[str] | None = None,
    last_speaker: Attribution | None = None,
) -> list[Claim]:  # fmt: skip
    """The claims of one parsed sentence whose actor mentions are given (sentence offsets);
    `context` holds the states the article named last, for pledges that say "both countries",
    and `last_speaker` the person it quoted last, for "he said"."""
    s = _Sentence(doc, mentions, last_speaker, context)
    treaty = _treaty_claims(s, text, context or [])
    claims: list[Claim] = _invocations(s, text)
    seen: set[tuple[str | None, str, str | None]] = {(c.subject, c.relation, c.object) for c in claims}
    for tok in doc:
        air = _airspace(s, tok)
        if air is not None and air[0] and air[1]:
            chain = _clause_chain(tok)
            claims.append(
                Claim(
                    text=text,
                    subject=air[0][0],
                    relation="coerce",
                    object=air[1][0],
                    polarity="positive",
                    modality="asserted",
                    attribution=_attribution(s, chain, _speech_verb(chain)),
                    coder="parse",
                )
            )
            continue
        rel = _relation(tok)
        if rel is None:
            continue
        chain = _clause_chain(tok)
        speech = _speech_verb(chain)
        if speech is tok:
            continue
        subjects, passive = _subject(s, tok)
        if rel == "~fight":
            against = [a for p in _pobj(tok, ("against",)) for a in s.actors(p)]
            along = [a for p in _pobj(tok, ("alongside", "with", "for")) for a in s.actors(p)]
            direct = [a for c in _children(tok, "dobj") for a in s.actors(c)]
            rel, objects = (
                ("assist_militarily", along) if along and not against else ("attack", against + direct)
            )
            mutual = len(subjects) >= 2 and (
                {c.lemma_.lower() for c in _children(tok, "dobj")} & WARS
                or any(t.lower_ == "other" for t in tok.subtree)
            )
            if not objects and not mutual:
                continue  # "Ukrainians are fighting with courage": no one is named as fought
        else:
            objects = _objects(s, tok, rel, passive)
        between = _between(s, tok) if rel == "attack" and tok.pos_ == "NOUN" else []
        if len(between) >= 2:  # "hostilities erupted between India and Pakistan"
            subjects, objects = between, []
        reciprocal = (
            len(between) >= 2
            or (rel == "attack" and len(subjects) >= 2 and not objects)
            or any(t.lower_ in ("other", "another") and t.head.i >= tok.i for t in tok.subtree)
        )
        pairs: list[tuple[str | None, str | None]]
        if len(subjects) >= 2 and reciprocal and not objects:  # "fired missiles at each other"
            pairs = [(subjects[0], subjects[1]), (subjects[1], subjects[0])]
        elif rel in SYMMETRIC and len(subjects) >= 2 and not objects:
            pairs = [(subjects[0], subjects[1])]
        else:
            first = subjects[0] if subjects else None
            pairs = [(first, next((o for o in objects if o != first), None))]
        for subject, obj in pairs:
            claim = _claim(s, text, tok, rel, subject, obj, chain, speech, treaty, context or [])
            if claim is not None and (claim.subject, claim.relation, claim.object) not in seen:
                seen.add((claim.subject, claim.relation, claim.object))
                claims.append(claim)
    if treaty:  # a pledge: the parties' mutual assistance and their agreement, nothing else
        claims = [c for c in claims if c.relation == "agree_sign"]
    have = {(c.subject, c.object) for c in claims if c.relation == "assist_militarily"}
    claims += [c for c in treaty if (c.subject, c.object) not in have]
    return _tidy(claims)


def _tidy(claims: list[Claim]) -> list[Claim]:
    """Claims without a subject are dropped (no one is said to act), and so is a claim without an
    object where the same subject and relation appear with one."""
    with_object = {(c.subject, c.relation) for c in claims if c.object is not None}
    return [
        c for c in claims
        if c.subject is not None and (c.object is not None or (c.subject, c.relation) not in with_object)
    ]  # fmt: skip


COMMITMENTS = frozenset({"commitment", "pledge", "guarantee", "obligation"})
OBLIGING = frozenset({"require", "oblige", "obligate", "bind"})


def _claim(
    s: _Sentence, text: str, tok: Token, rel: str, subject: str | None, obj: str | None,
    chain: list[Token], speech: Token | None, treaty: list[Claim], context: list[str],
) -> Claim | None:  # fmt: skip
    """One claim of the trigger, or None where it is not one (no actors, the case of a pledge)."""
    if subject is None and obj is None:
        return None
    said = _attribution(s, chain, speech)
    if obj is None and rel in ("attack", "coerce") and subject is not None:
        # "fired water cannon at one of its supply boats": the one other state named is the target;
        # a sentence naming no other state continues the article's story (the last state named)
        others = {m.form.target for m in s.mentions if m.form.target != subject}
        # "Manila accused China of firing at one of its boats": "its" is the accuser's own
        own = any(t.dep_ == "poss" and t.lower_ in ("its", "their") for t in tok.subtree if t.i > tok.i)
        if not (own and said.who in others):
            others -= {said.who}
        if len(others) == 1:
            obj = others.pop()
        elif not others:
            obj = next((c for c in context if c != subject), None)
    noun = tok.pos_ in ("NOUN", "PROPN")
    conditional = _conditional(chain, speech) or (
        rel == "assist_militarily" and tok.lemma_.lower() in COMMITMENTS
    )
    if rel == "attack" and (conditional or treaty):
        return None  # the case a pledge is for, not an event
    if rel != "assist_militarily" and any(t.lemma_.lower() in OBLIGING for t in chain[1:]):
        return None  # "the treaty requires both sides not to sign ...": a duty it sets, not an event
    if rel == "attack" and noun and any(c.lower_ in ("would", "will") for c in tok.head.children):
        return None  # "an armed attack on ... would invoke": the case of a commitment
    if rel in SPEECH_ACTS:
        said = _own_word(s, tok, subject, said)
    hedges = _hedges(tok, chain, speech)
    return Claim(
        text=text, subject=subject, relation=rel, object=obj,
        polarity="negative" if _negative(tok, chain, speech) else "positive",
        modality="hedged" if hedges else "asserted", hedges=hedges,
        attribution=said, conditional=conditional, coder="parse",
    )  # fmt: skip


def speaker_of(doc: Any, mentions: list[Mention], last_speaker: Attribution | None = None) -> Attribution:
    """The sentence's attribution as a whole (what `read` uses for pledges found through treaty
    links, and to carry a named speaker on to "he said")."""
    return sentence_attribution(_Sentence(doc, mentions, last_speaker))


def quote_speaker(doc: Any, mentions: list[Mention]) -> str | None:
    """Who speaks the quotations of a sentence: the subject of its speech verb, if any."""
    s = _Sentence(doc, mentions)
    for t in doc:
        if t.lemma_.lower() in SPEECH and t.pos_ == "VERB":
            subj = _children(t, "nsubj")
            if subj and subj[0].lower_ not in _SELF:
                return _source(s, subj[0]).who
    return None


def quotations(text: str) -> list[str]:
    """The quoted passages of a sentence."""
    return [q.group(1).strip() for q in _QUOTE.finditer(text)]
