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
from collections.abc import Iterable
from typing import Any

from casus.evidence.gazetteer import Mention
from casus.evidence.lexicon import (
    ARMS,
    ASSISTANCE,
    CONDITIONAL_MARKS,
    DENY,
    HEDGE_ADVERBS,
    HEDGE_GOVERNORS,
    HEDGE_MODALS,
    INVOKE,
    MEDIA,
    NOUN_TRIGGERS,
    OFFICIAL_WORDS,
    PEOPLE_GROUPS,
    SPEECH,
    TECH,
    TREATY_LANGUAGE,
    TROOPS,
    VERB_TRIGGERS,
    VESSELS,
)
from casus.evidence.model import Attribution, Claim

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
    "oppose": ("against",),
    "support_politically": (),
    "accuse": (),
    "request_aid": ("from",),
    "mobilize": ("to", "near", "toward", "towards", "against"),
    "agree_sign": ("with",),
    "consult": ("with",),
    "cooperate_militarily": ("with",),
}
_SUBJ = ("nsubj", "csubj")
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
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,600})[\"”]")


class _Sentence:
    """One parsed sentence and the actors named in it (mentions with sentence offsets)."""

    def __init__(self, doc: Any, mentions: list[Mention]) -> None:
        self.doc = doc
        self.mentions = mentions
        self.by_char: dict[int, Mention] = {}
        for m in mentions:
            for c in range(m.start, m.end):
                self.by_char[c] = m

    def mention(self, tok: Token) -> Mention | None:
        return self.by_char.get(tok.idx)

    def actors(self, head: Token | None) -> list[str]:
        """The actors a noun phrase names: itself, its modifiers, 'of'/'from' phrases, conjuncts."""
        if head is None:
            return []
        out: list[str] = []
        for h in [head, *[c for c in head.conjuncts if c.i > head.i]]:
            a = self._actor(h)
            if a is not None and a not in out:
                out.append(a)
        return out

    def _actor(self, head: Token) -> str | None:
        m = self.mention(head)
        if m is not None:
            return m.form.target
        for c in sorted(head.children, key=lambda t: abs(t.i - head.i)):
            if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod") or (
                c.dep_ == "prep" and c.lower_ in ("of", "from")
            ):
                for t in c.subtree:
                    m = self.mention(t)
                    if m is not None:
                        return m.form.target
        return None


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobj(tok: Token, preps: Iterable[str]) -> list[Token]:
    """The objects of the trigger's prepositions in `preps`, in order ("sent troops to Russia")."""
    wanted = set(preps)
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "dative") and p.lower_ in wanted:
            out.extend(_children(p, "pobj") or ([p] if p.dep_ == "dative" else []))
        elif p.dep_ == "dative":
            out.append(p)
    return out


def _object_words(tok: Token) -> set[str]:
    """Lemmas of the trigger's direct object phrase (and passive subject)."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") or (c.dep_ == "prep" and c.lower_ == "with"):
            words.update(t.lemma_.lower() for t in c.subtree)
    return words


def _relation(tok: Token) -> str | None:
    """The relation a token triggers, if any, with the object-dependent ones resolved."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and lemma in ("hold",)):
        rel = VERB_TRIGGERS.get(lemma)
        if rel is None:
            return None
        words = _object_words(tok)
        if rel == "~send":
            if words & TROOPS:
                return "send_troops"
            if words & TECH:
                return "transfer_technology"
            if words & ARMS:
                return "transfer_arms"
            if words & VESSELS:
                return "mobilize"
            return (
                "send_troops" if any(c.dep_ == "nsubjpass" for c in tok.children) and words & TROOPS else None
            )
        if rel == "~supply":
            if words & TECH:
                return "transfer_technology"
            if words & ARMS:
                return "transfer_arms"
            if words & TROOPS and lemma in ("send", "provide"):
                return "send_troops"
            if words & ASSISTANCE and ({"military", "defense", "defence"} & words):
                return "assist_militarily"
            return None
        if rel == "~fire":
            if "cannon" in words or any(t.lemma_ == "cannon" for t in tok.subtree):
                return "coerce"
            return "attack" if words & (ARMS | {"shot", "salvo", "barrage"}) else None
        if rel == "~fight":
            return "~fight"
        if rel == "~launch":
            return (
                "attack" if words & {"attack", "strike", "assault", "offensive", "raid", "invasion"} else None
            )
        if rel == "~request":
            return "request_aid" if words & (ASSISTANCE | TROOPS | ARMS) or _pobj(tok, ("for",)) else None
        if rel == "~support":
            return None if words & (TROOPS | ARMS) else "support_politically"
        if rel == "~assist":
            return "assist_militarily" if lemma == "assist" or words & {"military", "defend", "war"} else None
        if rel == "~cooperate":
            return "cooperate_militarily" if {"military", "militarily", "defense", "defence"} & {t.lemma_.lower() for t in tok.subtree} else None  # fmt: skip
        if rel == "~drill":
            if words & {"drill", "exercise", "maneuver", "manoeuvre", "wargame"}:
                return "cooperate_militarily" if words & {"joint", "combined", "trilateral"} else "mobilize"
            if words & {"talk", "consultation", "meeting", "discussion"}:
                return "consult"
            return None
        return rel
    if tok.pos_ in ("NOUN", "PROPN"):
        rel = NOUN_TRIGGERS.get(lemma)
        if rel == "~cannon":
            return "coerce" if tok.head.lemma_.lower() not in VERB_TRIGGERS else None
        if rel == "~attack":
            return "attack" if _pobj(tok, ("on", "against", "into")) else None
        if rel == "~send":
            return "send_troops" if any(t.lemma_.lower() in TROOPS for t in tok.subtree) else None
        if lemma in ("assistance", "aid") and any(c.lower_ == "military" for c in tok.children):
            return "assist_militarily" if tok.head.lemma_.lower() not in VERB_TRIGGERS else None
        return rel
    return None


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger and the heads above it up to the sentence root."""
    chain = [tok]
    while chain[-1].head is not chain[-1] and len(chain) < 12:
        chain.append(chain[-1].head)
    return chain


def _speech_verb(chain: list[Token]) -> Token | None:
    for t in chain[1:]:
        if t.lemma_.lower() in SPEECH and t.pos_ in ("VERB", "AUX"):
            return t
    # "A signed the pact, state media said": the report hangs beside the clause, not above it
    for t in chain:
        for c in t.children:
            if c.dep_ == "parataxis" and c.lemma_.lower() in SPEECH and c is not chain[0]:
                return c
    return None


def _subject(s: _Sentence, tok: Token) -> tuple[list[str], bool]:
    """The trigger's subject actors, and whether the trigger is passive."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
    if passive:
        for ag in _children(tok, "agent"):
            for p in _children(ag, "pobj"):
                return s.actors(p), True
        # "... was hit by water cannon from the Chinese coast guard"
        for p in _pobj(tok, ("from",)):
            return s.actors(p), True
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
    for _ in range(4):  # no subject of its own: the clause it hangs from gives one
        if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return s.actors(head.head), False
        if head.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and head.head is not head:
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
    if rel == "attack" and tok.pos_ in ("NOUN", "PROPN"):
        for p in _pobj(tok, ("on", "against", "into")):
            out += s.actors(p)
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


def _negative(tok: Token, chain: list[Token], speech: Token | None) -> bool:
    for t in chain:
        if t is speech:
            break
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if t is not tok and t.lemma_.lower() in DENY:
            return True
    return speech is not None and speech.lemma_.lower() in DENY


def _hedges(tok: Token, chain: list[Token], speech: Token | None) -> list[str]:
    found: list[str] = []
    for t in chain:
        for c in t.children:
            w = c.lower_
            if (c.tag_ == "MD" and w in HEDGE_MODALS) or (c.dep_ == "advmod" and w in HEDGE_ADVERBS):
                found.append(w)
        if t is not tok and t.lemma_.lower() in HEDGE_GOVERNORS:
            found.append(t.lower_)
        if t.lower_ in ("likely", "possible", "unclear") and t is not tok:
            found.append(t.lower_)
        if t is speech:
            break
    return sorted(set(found))


def _conditional(chain: list[Token], speech: Token | None) -> bool:
    for t in chain:
        if t is speech:
            break
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in t.children):
            return True
        if t.dep_ == "advcl" and any(c.lower_ == "should" and c.i < t.i for c in t.children):
            return True
        if t.lower_ in ("case", "event") and t.head.lower_ == "in":
            return True
    return False


def _name(tokens: list[Token]) -> str | None:
    """The last run of proper nouns in a phrase ("NATO chief Mark Rutte" → "Mark Rutte")."""
    runs: list[list[Token]] = []
    for t in tokens:
        if t.pos_ == "PROPN":
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    return " ".join(t.text for t in runs[-1]) if runs else None


def _source(s: _Sentence, head: Token) -> Attribution:
    """Who a speech verb's subject (or an 'according to' object) is."""
    tokens = list(head.subtree)
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    leaders = [m for t in tokens if (m := s.mention(t)) is not None and m.form.kind == "leader"]
    if leaders:
        return Attribution(kind="speaker", who=leaders[0].form.person or leaders[0].text)
    actors = [m for t in tokens if (m := s.mention(t)) is not None]
    count = next(
        (int(t.text) if t.text.isdigit() else _NUMBERS.get(t.lower_) for t in tokens if t.dep_ == "nummod"),
        None,
    )
    media = words & MEDIA
    if media and not words & {"minister", "president", "spokesman", "spokesperson"}:
        name = _name([t for t in tokens if s.mention(t) is None])
        phrase = " ".join(t.text for t in tokens if t.dep_ != "det")
        return Attribution(kind="media_reports", who=name or phrase)
    if words & OFFICIAL_WORDS or (actors and head.idx >= actors[0].start and s.mention(head) is not None):
        return Attribution(kind="officials", who=actors[0].form.target if actors else None, count=count)
    name = _name([t for t in tokens if s.mention(t) is None])
    if name:
        return Attribution(kind="speaker", who=name)
    if head.lemma_.lower() in PEOPLE_GROUPS or head.lower_ in PEOPLE_GROUPS:
        return Attribution(kind="speaker", who=head.lower_)
    if actors:
        return Attribution(kind="officials", who=actors[0].form.target, count=count)
    return Attribution(kind="author")


def _attribution(s: _Sentence, chain: list[Token], speech: Token | None) -> Attribution:
    according = None
    cited = None
    for t in s.doc:
        if t.lower_ == "according" and t.dep_ in ("prep", "advmod", "case"):
            objs = [o for c in t.children for o in ([c] if c.dep_ == "pobj" else _children(c, "pobj"))]
            if objs:
                according = objs[0]
        if t.lemma_ == "cite" and t.pos_ == "VERB":
            objs = _children(t, "dobj")
            if objs:
                cited = objs[0]
    said = None
    if speech is not None:
        subj = _children(speech, "nsubj", "nsubjpass")
        if subj and subj[0].lower_ not in ("it", "this", "that"):
            said = _source(s, subj[0])
    if said is None and according is not None:
        return _source(s, according)
    if said is not None:
        if cited is not None:
            inner = _source(s, cited)
            return inner.model_copy(update={"via": said.who or said.kind})
        if according is not None:
            return said.model_copy(update={"via": _source(s, according).who})
        return said
    if any(t.lower_ in ("reportedly",) for t in s.doc) or (speech is not None and speech.lemma_ == "report"):
        return Attribution(kind="media_reports")
    return Attribution(kind="author")


def _treaty_claims(s: _Sentence, text: str) -> list[Claim]:
    """Collective-defence wording as conditional military assistance between the parties named."""
    if not TREATY_LANGUAGE.search(text):
        return []
    parties = list(dict.fromkeys(m.form.target for m in s.mentions if m.form.kind != "leader"))
    if len(parties) < 2:
        parties += [m.form.target for m in s.mentions if m.form.target not in parties]
    if len(parties) < 2:
        return []
    a, b = parties[0], parties[1]
    return [
        Claim(
            text=text, subject=x, relation="assist_militarily", object=y, polarity="positive",
            modality="asserted", attribution=Attribution(kind="author"), conditional=True, coder="parse",
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
        rel = "consult" if art == "4" else "request_aid"
        before = [x.form.target for x in s.mentions if x.end <= m.start() and x.form.target != org]
        if before:
            out.append(
                Claim(
                    text=text,
                    subject=before[0],
                    relation=rel,
                    object=org,
                    polarity="positive",
                    modality="asserted",
                    attribution=Attribution(kind="author"),
                    coder="parse",
                )
            )
    return out


def _airspace(s: _Sentence, tok: Token) -> tuple[list[str], list[str]] | None:
    """A violation of a state's airspace by another's aircraft or drones: (by whom, whose)."""
    if tok.lemma_.lower() not in ("violation", "incursion", "intrusion", "breach", "violate", "enter"):
        return None
    words = [t for t in tok.subtree]
    space = next((t for t in words if t.lemma_.lower() == "airspace"), None)
    if space is None:
        return None
    by = [a for t in words if t.lower_ == "by" for p in _children(t, "pobj") for a in s.actors(p)]
    subj, _ = _subject(s, tok) if tok.pos_ == "VERB" else ([], False)
    return (by or subj), s.actors(space)


def code_sentence(doc: Any, mentions: list[Mention], text: str) -> list[Claim]:
    """The claims of one parsed sentence whose actor mentions are given (sentence offsets)."""
    s = _Sentence(doc, mentions)
    treaty = _treaty_claims(s, text)
    claims: list[Claim] = _invocations(s, text)
    seen: set[tuple[str | None, str, str | None]] = {(c.subject, c.relation, c.object) for c in claims}
    for tok in doc:
        air = _airspace(s, tok)
        if air is not None and air[0] and air[1]:
            chain = _clause_chain(tok)
            speech = _speech_verb(chain)
            claims.append(
                Claim(
                    text=text,
                    subject=air[0][0],
                    relation="coerce",
                    object=air[1][0],
                    polarity="positive",
                    modality="asserted",
                    attribution=_attribution(s, chain, speech),
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
        else:
            objects = _objects(s, tok, rel, passive)
        reciprocal = any(t.lower_ in ("other", "another") and t.head.i >= tok.i for t in tok.subtree)
        pairs: list[tuple[str | None, str | None]]
        if len(subjects) >= 2 and reciprocal and not objects:  # "fired missiles at each other"
            pairs = [(subjects[0], subjects[1]), (subjects[1], subjects[0])]
        elif rel in SYMMETRIC and len(subjects) >= 2 and not objects:
            pairs = [(subjects[0], subjects[1])]
        else:
            first = subjects[0] if subjects else None
            pairs = [(first, next((o for o in objects if o != first), None))]
        for subject, obj in pairs:
            claim = _claim(s, text, tok, rel, subject, obj, chain, speech, treaty)
            if claim is not None and (claim.subject, claim.relation, claim.object) not in seen:
                seen.add((claim.subject, claim.relation, claim.object))
                claims.append(claim)
    have = {(c.subject, c.object) for c in claims if c.relation == "assist_militarily"}
    for c in treaty:
        if (c.subject, c.object) not in have:
            claims.append(c)
    return claims


def _claim(
    s: _Sentence, text: str, tok: Token, rel: str, subject: str | None, obj: str | None,
    chain: list[Token], speech: Token | None, treaty: list[Claim],
) -> Claim | None:  # fmt: skip
    """One claim of the trigger, or None where it is not one (no actors, the case of a pledge)."""
    if subject is None and obj is None:
        return None
    conditional = _conditional(chain, speech)
    if rel == "attack" and (conditional or treaty):
        return None  # the case a pledge is for, not an event
    hedges = _hedges(tok, chain, speech)
    return Claim(
        text=text, subject=subject, relation=rel, object=obj,
        polarity="negative" if _negative(tok, chain, speech) else "positive",
        modality="hedged" if hedges else "asserted", hedges=hedges,
        attribution=_attribution(s, chain, speech), conditional=conditional, coder="parse",
    )  # fmt: skip


def quote_speaker(doc: Any, mentions: list[Mention]) -> str | None:
    """Who speaks the quotations of a sentence: the subject of its speech verb, if any."""
    s = _Sentence(doc, mentions)
    for t in doc:
        if t.lemma_.lower() in SPEECH and t.pos_ == "VERB":
            subj = _children(t, "nsubj")
            if subj:
                a = _source(s, subj[0])
                return a.who
    return None


def quotations(text: str) -> list[str]:
    """The quoted passages of a sentence."""
    return [q.group(1).strip() for q in _QUOTE.finditer(text)]
