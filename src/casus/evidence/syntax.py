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
DOCUMENTS = frozenset(
    {"pact", "treaty", "agreement", "document", "text", "article", "accord", "deal", "clause"}
)
CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# News agencies often named by their initials alone.
AGENCIES = frozenset(["SPA", "APP", "KCNA", "TASS", "RIA", "IRNA", "PTI", "ANI", "BELTA", "XINHUA", "YONHAP", "KYODO", "AP", "AFP", "REUTERS", "BERNAMA", "PNA", "WAM", "QNA", "KUNA", "MENA"])  # fmt: skip
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

    def __init__(self, doc: Any, mentions: list[Mention], last_speaker: Attribution | None = None) -> None:
        self.doc = doc
        self.mentions = mentions
        self.last_speaker = last_speaker
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
        official = head.lemma_.lower() in OFFICIAL_WORDS
        for c in sorted(head.children, key=lambda t: abs(t.i - head.i)):
            if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod") or (
                c.dep_ == "prep" and (c.lower_ in ("of", "from") or (official and c.lower_ == "in"))
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
            out.extend(_children(p, "pobj"))
        elif p.dep_ == "dative" and p.pos_ in ("NOUN", "PROPN") and wanted:  # "gave Russia weapons"
            out.append(p)
    return out


def _object_words(tok: Token) -> set[str]:
    """Lemmas of the trigger's direct object phrase (and passive subject)."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") or (c.dep_ == "prep" and c.lower_ == "with"):
            words.update(t.lemma_.lower() for t in c.subtree)
    return words


def _sent(tok: Token, lemma: str, words: set[str]) -> str | None:
    """What "send", "deploy" and the like do, by what is sent."""
    if any(t.lemma_.lower() == "airspace" for t in tok.subtree):
        return "coerce"  # "sent drones into its airspace"
    if words & TROOPS:
        return "send_troops"
    if words & TECH:
        return "transfer_technology"
    if words & ARMS:
        return "transfer_arms"
    if words & VESSELS:
        return "mobilize"
    if tok.dep_ == "acl" and lemma != "station" and tok.head.lemma_.lower() in TROOPS:
        return "send_troops"  # "personnel being sent to Russia"
    return None


def _supplied(lemma: str, words: set[str]) -> str | None:
    """What "supply", "provide" and the like do, by what is supplied."""
    if words & TECH:
        return "transfer_technology"
    if words & ARMS:
        return "transfer_arms"
    if words & TROOPS and lemma in ("send", "provide"):
        return "send_troops"
    if words & ASSISTANCE and ({"military", "defense", "defence"} & words):
        return "assist_militarily"
    return None


def _exercise(words: set[str]) -> str | None:
    """A drill or exercise: joint ones are cooperation, others a show of force; None otherwise."""
    if words & {"drill", "exercise", "maneuver", "manoeuvre", "wargame"}:
        return "cooperate_militarily" if words & {"joint", "combined", "trilateral"} else "mobilize"
    return None


def _verb_relation(tok: Token, lemma: str) -> str | None:
    """The relation a verb triggers, the object-dependent ones resolved by their objects."""
    rel = VERB_TRIGGERS.get(lemma)
    if rel is None:
        return None
    words = _object_words(tok)
    if rel == "~send":
        return _sent(tok, lemma, words)
    if rel == "~supply":
        return _supplied(lemma, words)
    if rel == "~fire":
        if "cannon" in words or any(t.lemma_ == "cannon" for t in tok.subtree):
            return "coerce"
        return "attack" if words & (ARMS | {"shot", "salvo", "barrage"}) else None
    if rel == "~fight":
        return "~fight"
    if rel == "~come":  # "would come to the aid of Pyongyang"
        aid = [
            p
            for p in _pobj(tok, ("to",))
            if p.lemma_.lower() in ("aid", "defense", "defence", "assistance", "rescue")
        ]
        return "assist_militarily" if aid else None
    if rel == "~launch":
        if words & {"drill", "exercise", "maneuver", "manoeuvre", "wargame"}:
            return _exercise(words)
        return "attack" if words & {"attack", "strike", "assault", "offensive", "raid", "invasion"} else None
    if rel == "agree_sign" and lemma in ("agree", "conclude"):
        deal = {"treaty", "pact", "agreement", "deal", "accord", "protocol", "convention", "partnership"}
        if not (words & deal or any(c.dep_ == "xcomp" for c in tok.children)):
            return None
    if rel == "threaten" and not (any(c.dep_ == "xcomp" for c in tok.children) or words & {"attack", "strike", "war", "retaliation", "force"}):  # fmt: skip
        # "threatened the peace and stability": a judgement, unless an actor is threatened
        return (
            "threaten" if any(t.pos_ == "PROPN" for c in _children(tok, "dobj") for t in c.subtree) else None
        )
    if rel == "coerce" and lemma == "intercept" and words & ARMS:
        return "attack"  # intercepting drones or missiles is shooting at them
    if rel == "~urge":  # "urged the Philippines to stop", "calls on Russia to stop"
        stop = {"stop", "cease", "halt", "end", "withdraw", "refrain", "desist"}
        return "oppose" if any(t.lemma_.lower() in stop for t in tok.subtree) else None
    if rel == "~request":
        return "request_aid" if words & (ASSISTANCE | TROOPS | ARMS) or _pobj(tok, ("for",)) else None
    if rel == "~support":
        return None if words & (TROOPS | ARMS) else "support_politically"
    if rel == "~assist":
        return "assist_militarily" if lemma == "assist" or words & {"military", "defend", "war"} else None
    if rel == "~cooperate":
        return "cooperate_militarily" if {"military", "militarily", "defense", "defence"} & {t.lemma_.lower() for t in tok.subtree} else None  # fmt: skip
    if rel == "~drill":
        if words & {"dangerous", "unsafe", "aggressive", "blocking"}:
            return None  # "conducted dangerous maneuvers": coercion, coded on the noun
        if words & {"drill", "exercise", "maneuver", "manoeuvre", "wargame"}:
            return _exercise(words)
        if words & {"talk", "consultation", "meeting", "discussion"}:
            return "consult"
        return None
    return rel


def _noun_relation(tok: Token, lemma: str) -> str | None:
    """The relation a noun triggers ("strikes on", "deployment of troops"), its modifiers read."""
    rel = NOUN_TRIGGERS.get(lemma)
    if rel == "~cannon":
        return "coerce" if tok.head.lemma_.lower() not in VERB_TRIGGERS else None
    if rel == "~coerce":
        mods = {c.lower_ for c in tok.children}
        if lemma in ("maneuver", "manoeuvre", "collision"):
            return "coerce" if mods & {"dangerous", "blocking", "aggressive", "unsafe", "reverse"} else None
        return "coerce"
    if rel == "~sign":
        return "agree_sign"
    if rel == "~commit":
        mods = {t.lemma_.lower() for t in tok.subtree}
        return "assist_militarily" if mods & {"defense", "defence", "security", "ironclad", "alliance", "treaty", "mutual", "defend", "help", "protect"} else None  # fmt: skip
    if rel == "~attack":
        return "attack" if _pobj(tok, ("on", "against", "into")) else None
    if rel == "~send":
        return "send_troops" if any(t.lemma_.lower() in TROOPS for t in tok.subtree) else None
    if lemma in ("assistance", "aid") and any(c.lower_ == "military" for c in tok.children):
        return "assist_militarily" if tok.head.lemma_.lower() not in VERB_TRIGGERS else None
    return rel


def _relation(tok: Token) -> str | None:
    """The relation a token triggers, if any, with the object-dependent ones resolved."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and lemma in ("hold",)):
        return _verb_relation(tok, lemma)
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_relation(tok, lemma)
    return None


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger and the heads above it up to the sentence root."""
    chain = [tok]
    while chain[-1].head is not chain[-1] and len(chain) < 12:
        chain.append(chain[-1].head)
    return chain


_SELF = frozenset({"i", "we", "it", "this", "that", "they"})


def _speech_verb(chain: list[Token]) -> Token | None:
    """The speech verb the trigger's clause is reported by: the nearest above it whose speaker is
    named ("'I can confirm that ... were sent,' Rutte told reporters": told, not confirm)."""
    first = None
    for t in chain[1:]:
        if t.lemma_.lower() in SPEECH and t.pos_ in ("VERB", "AUX"):
            subj = _children(t, "nsubj", "nsubjpass")
            if subj and subj[0].lower_ in _SELF:
                first = first or t
                continue
            return t
    if first is not None:
        return first
    # "A signed the pact, state media said": the report hangs beside the clause, not above it
    for t in chain:
        for c in t.children:
            if c.dep_ == "parataxis" and c.lemma_.lower() in SPEECH and c is not chain[0]:
                return c
    return None


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
    if tok.dep_ == "pcomp" and tok.head.lower_ in ("of", "for") and tok.head.head.lemma_.lower() in blamers:
        for c in _children(tok.head.head, "dobj"):
            return s.actors(c)
    return []


def _subject(s: _Sentence, tok: Token) -> tuple[list[str], bool]:
    """The trigger's subject actors, and whether the trigger is passive."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_subject(s, tok), False
    accused = _accused(s, tok)
    if accused:
        return accused, False
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
    if head.lower_ in ("he", "she") and s.last_speaker is not None:
        return s.last_speaker  # "..., he added": the person the article quoted last
    if head.lemma_.lower() in DOCUMENTS:
        return Attribution(kind="author")  # "the pact declares": the text, as the article reads it
    words = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}
    leaders = [m for t in tokens if (m := s.mention(t)) is not None and m.form.kind == "leader"]
    if leaders:
        return Attribution(kind="speaker", who=leaders[0].form.person or leaders[0].text)
    actors = [m for t in tokens if (m := s.mention(t)) is not None]
    count = next(
        (int(t.text) if t.text.isdigit() else _NUMBERS.get(t.lower_) for t in tokens if t.dep_ == "nummod"),
        None,
    )
    media = {w for w in words if re.split(r"[^a-z]", w)[0] in MEDIA or w.upper() in AGENCIES}
    if media and not words & {"minister", "president", "spokesman", "spokesperson", "forces", "armed"}:
        name = _name([t for t in tokens if t.lower_ not in CALENDAR])
        if name is not None and all(s.mention(t) is not None for t in tokens if t.text in name.split()):
            name = None  # "Pyongyang's state media", "a US news network": a place, not the outlet's name
        start = tokens[1:] if tokens and tokens[0].dep_ == "det" else tokens
        phrase = s.doc[start[0].i : tokens[-1].i + 1].text if start else head.text
        return Attribution(kind="media_reports", who=name or phrase)
    if words & OFFICIAL_WORDS or (actors and head.idx >= actors[0].start and s.mention(head) is not None):
        return Attribution(kind="officials", who=actors[0].form.target if actors else None, count=count)
    name = _name([t for t in tokens if s.mention(t) is None and t.lower_ not in CALENDAR])
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


SPEECH_ACTS = frozenset({"oppose", "accuse", "threaten", "support_politically", "request_aid"})


def _own_word(s: _Sentence, tok: Token, subject: str | None, found: Attribution) -> Attribution:
    """A speech act with no one reporting it ("NATO denounced Russia") is on its actor's word."""
    if found.kind != "author" or subject is None:
        return found
    subj = _children(tok, "nsubj")
    if subj:
        own = _source(s, subj[0])
        if own.kind == "speaker" and own.who:
            return own
    leader = next((m for m in s.mentions if m.form.kind == "leader" and m.form.target == subject), None)
    if leader is not None:
        return Attribution(kind="speaker", who=leader.form.person or leader.text)
    return Attribution(kind="officials", who=subject)


def sentence_attribution(s: _Sentence) -> Attribution:
    """The attribution of a sentence as a whole (for pledges and invocations, which have no
    trigger of their own): its main speech verb's speaker, a participle's ("..., stating that")
    main subject, or "according to"."""
    for t in s.doc:
        if t.lemma_.lower() in SPEECH and t.pos_ == "VERB":
            subj = _children(t, "nsubj", "nsubjpass")
            if subj and subj[0].lower_ not in _SELF:
                return _attribution(s, [t], t)
            if not subj and t.dep_ in ("advcl", "xcomp") and (main := _children(t.head, "nsubj")):
                return _source(s, main[0])
    return _attribution(s, [], None)


def _treaty_claims(s: _Sentence, text: str, context: list[str]) -> list[Claim]:
    """Collective-defence wording as conditional military assistance between the parties named
    (or, where the sentence names fewer than two, the two states the article spoke of last)."""
    if not TREATY_LANGUAGE.search(text):
        return []
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
    s = _Sentence(doc, mentions, last_speaker)
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
            if not objects:
                continue  # "Ukrainians are fighting with courage": no one is named as fought
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
        others = {m.form.target for m in s.mentions if m.form.target != subject} - {said.who}
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
