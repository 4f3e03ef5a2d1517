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

import datetime as dt
from typing import Any

from casus.evidence.blame import accuser, mutual
from casus.evidence.by_object import arms_alongside
from casus.evidence.destinations import made_in, maker_named
from casus.evidence.gazetteer import Mention, alliances
from casus.evidence.implied import struck
from casus.evidence.lexicon import CRAFT, EXERCISES, NEAR, SPEECH, TREATY_LANGUAGE
from casus.evidence.model import Attribution, Claim
from casus.evidence.nominal import NOT_YET, asked_for
from casus.evidence.objects import away_from
from casus.evidence.objects import objects as _objects
from casus.evidence.pairs import SYMMETRIC, pairs
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.pledged import invocations, treaty_claims
from casus.evidence.roles import _subject
from casus.evidence.situations import MUTUAL_FIGHTS, situation
from casus.evidence.triggers import children as _children
from casus.evidence.triggers import pobj as _pobj
from casus.evidence.triggers import relation as _relation
from casus.evidence.voice import (
    _PAIRED,
    SPEECH_ACTS,
    _attribution,
    _clause_chain,
    _conditional,
    _hedges,
    _negative,
    _own_word,
    _source,
    _speech_verb,
    not_ruled_out,
    reacting,
)
from casus.evidence.wars import fought

__all__ = ["code_sentence", "main_subject"]

Token = Any  # spacy.tokens.Token


_IN_WORDS = frozenset({"diplomatically", "verbally", "politically", "publicly", "rhetorically"})
_OCCUPYING = frozenset({"occupy", "invade", "seize", "capture", "annex"})
_QUARRELS = frozenset({"dispute", "claim", "issue", "policy", "right", "sovereignty", "trade", "tariff"})


_SAID_THREATS = frozenset({"threaten", "threat", "warn", "warning", "vow", "ultimatum", "say", "declare"})


def _said_threat(tok: Token) -> bool:
    """A threat put in words ("threatened to keep attacking", "vowed to retaliate"), not by deed."""
    for _ in range(3):
        if tok.lemma_.lower() in _SAID_THREATS:
            return True
        if tok.dep_ not in ("xcomp", "dobj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.lemma_.lower() in _SAID_THREATS


def _leader(s: _Sentence, t: Token) -> bool:
    """A phrase that names a person in office ("Trump", "President Gustavo Petro")."""
    m = s.mention(t)
    return m is not None and m.form.kind == "leader"


def _co_speakers(s: _Sentence, speech: Token | None, said: Attribution) -> list[Attribution]:
    """Further sources of a claim when conjoined subjects said it ("The United States and NATO
    said ..."): the claim stands on each one's word."""
    if said.kind not in ("officials", "speaker"):
        return []
    subj = _children(speech, "nsubj") if speech is not None else []
    if not subj:  # "according to Ukraine and the United States"
        subj = [
            o for t in s.doc if t.lower_ == "according" for c in t.children for o in _children(c, "pobj")
        ][:1]
    if not subj or not subj[0].conjuncts:
        return []
    out: list[Attribution] = []
    for t in subj[0].conjuncts:
        other = _source(s, t)
        if other.kind in ("officials", "speaker") and other.who not in (None, said.who):
            out.append(other.model_copy(update={"via": said.via}))
    return out


def code_sentence(
    doc: Any, mentions: list[Mention], text: str, context: list[str] | None = None,
    last_speaker: Attribution | None = None, on: dt.date | None = None, person: str | None = None,
    previous: list[str] | None = None, events: dict[str, list[str]] | None = None,
    group: tuple[list[str], bool] = ([], False), home: str | None = None,
) -> list[Claim]:  # fmt: skip
    """The claims of one parsed sentence whose actor mentions are given (sentence offsets);
    `context` holds the states the article named last, for pledges that say "both countries",
    `last_speaker` the person it quoted last, for "he said", `person` the state of the
    office-holder it named last, for "he" and "she" as the actor, and `previous` what the
    sentence just before was about (`main_subject`), for "they" and "it", and `events` who did the
    events the article told of before (`casus.evidence.events`), for "condemned the drills", and
    `group` the states a sentence before named together, with whether no sentence since named two
    or more, for "the three countries", and `home` whose officials the article quoted last, for
    "the ministry"."""
    s = _Sentence(doc, mentions, last_speaker, context, text, on)
    s.home = home
    s.group, s.group_last = group
    s.person = person
    s.previous = previous or []
    s.events = events if events is not None else {}
    treaty = treaty_claims(s, text, context or [])
    claims: list[Claim] = invocations(s, text)
    seen = {(c.subject, c.relation, c.object, c.attribution.who) for c in claims}
    # a crossing is possible: airspace, waters or a border named, or craft ("drones crossed into Poland")
    airspace = any(w in s.low for w in ("airspace", "waters", "border", *CRAFT))
    for tok in doc:
        found = situation(s, tok, airspace)
        if found is not None and found[1] and (found[2] or (found[0] in SYMMETRIC and len(found[1]) >= 2)):
            chain = _clause_chain(tok)
            speech = _speech_verb(chain)
            # one doer on each target, or each pair of those who hold it together
            held = [(found[1][0], t) for t in found[2]] or [
                (a, b) for i, a in enumerate(found[1][:4]) for b in found[1][i + 1 : 4]
            ]
            if found[0] == "attack" and tok.lemma_.lower() in MUTUAL_FIGHTS:
                held += [(t, d) for d, t in held]  # "battles with Tajikistan": each side fights the other
            for doer, target in held:
                claim = _claim(s, text, tok, found[0], doer, target, chain, speech, treaty, context or [])
                _add(s, claims, seen, claim, speech)
            continue
        rel = _relation(tok)
        if rel is None:
            continue
        if rel == "attack" and tok.dep_ in ("advcl", "xcomp", "conj") and _relation(tok.head) == "coerce":
            continue  # "fired water cannons, targeting the vessel": the coercion, said twice
        if tok.dep_ == "pobj" and tok.head.lower_ == "with" and _relation(tok.head.head) == rel:
            continue  # "hitting it with a hybrid attack": the verb's event, said twice
        if _not_done(tok):
            continue  # "warned South Korea against supplying weapons", "the possibility of Seoul sending arms"
        chain = _clause_chain(tok)
        speech = _speech_verb(chain)
        if speech is not None and speech.i == tok.i:
            continue
        subjects, passive = _subject(s, tok)
        if rel in ("mobilize", "send_troops") and tok.lemma_.lower() in DETECTING and not passive:
            # "Taiwan detected ten Chinese warships": the warships' state deployed them
            subjects = [a for c in _children(tok, "dobj") for a in s.actors(c)]
        more: list[tuple[str, list[str]]] = []
        if rel == "~fight":
            fights = fought(s, tok, subjects)
            if not fights:
                continue  # "Ukrainians are fighting with courage": no one is named as fought
            (rel, objects), more = fights[0], fights[1:]
        else:
            objects = _objects(s, tok, rel, passive)
        if tok.lemma_.lower() in ("clash", "skirmish") and tok.pos_ == "VERB":
            # "India clashed with Pakistan", "India and China clashed": each attacked the other
            if (
                any(_leader(s, p) for p in _pobj(tok, ("with",)))
                or {c.lower_ for c in tok.children} & _IN_WORDS
                # "have clashed over territorial disputes": a quarrel, not a fight
                or any(p.lemma_.lower() in _QUARRELS for p in _pobj(tok, ("over",)))
            ):
                continue  # "Petro, who has clashed with Trump", "clashed diplomatically": words, not arms
            with_ = [a for p in _pobj(tok, ("with",)) for a in s.actors(p)]
            if with_ and set(with_) <= set(subjects):
                continue  # "Zurabishvili, who has clashed with the Georgian government": at home
            subjects, objects = list(dict.fromkeys([*subjects, *with_, *objects])), []
        seized = [
            c for c in tok.children
            if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _OCCUPYING
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]  # fmt: skip
        if rel == "send_troops" and seized:
            # "Israel sent troops to occupy a swath of southwestern Syria": an invasion of it
            rel = "attack"
            objects = [m.form.target for c in seized for t in c.subtree if (m := s.mention(t)) is not None][
                :1
            ]
        fronts = _fronts(tok, ("to", "toward", "towards", "along", "near"))
        if (
            rel == "mobilize"
            and not objects
            and tok.pos_ == "VERB"
            and (faced := fronts + _fronts(tok, ("on", "at")))
        ):
            # "Pakistan massed troops on the Indian border": a show of force against the state beyond
            beyond = [m.form.target for p in faced for t in p.subtree if (m := s.mention(t)) is not None]
            objects = [a for a in beyond if a not in subjects][:1]
        if rel == "send_troops" and fronts and tok.pos_ == "VERB":
            # "Ethiopia has deployed troops to the Eritrean border": a show of force against the
            # state beyond it, not troops sent into it
            rel = "mobilize"
            beyond = [m.form.target for p in fronts for t in p.subtree if (m := s.mention(t)) is not None]
            objects = [a for a in beyond if a not in subjects][:1]
        around = {a for t in tok.subtree if t.dep_ == "pobj" and t.head.lower_ in NEAR for a in s.actors(t)}
        if rel == "cooperate_militarily" and objects and set(objects) <= around:
            # "launched joint military drills around Taiwan": the state's own forces together, shown
            # against the one they surround
            rel = "mobilize"
        if tok.lemma_.lower() == "collide" and not _pobj(tok, ("with", "into")) and len(set(subjects)) < 2:
            continue  # "two Chinese ships collided while chasing a Philippine ship": with each other
        if rel == "mobilize" and any(
            c.lower_ == "routine" for t in (tok, *_children(tok, "dobj")) for c in t.children
        ):
            continue  # "a Philippine Navy ship conducting a routine patrol": no show of force
        if rel == "attack" and not objects and _test_launch(tok):
            if any(_relation(t) == "attack" for t in tok.subtree if t.i != tok.i):
                continue  # "launched missiles targeting Pakistan", "... in an air strike on Ukraine": that strike
            rel = "mobilize"  # "fired ballistic missiles off its east coast": a show of force, no one struck
        if (
            rel == "mobilize"
            and tok.lemma_.lower() in ("deploy", "station")
            and _pobj(tok, ("to",))
            and not fronts
        ):
            # "deployed the Typhon system to the Philippines": where, not against whom; but a ship
            # deployed to a state's waters ("to the country's EEZ") is shown against that state
            waters = [p for p in _pobj(tok, ("to",)) if p.lemma_.lower() in _WATERS]
            named = [
                m.form.target for m in s.mentions if m.form.target not in subjects and m.form.kind != "org"
            ]
            owned = [
                p
                for p in waters
                if any(c.dep_ == "poss" and c.lower_ in ("its", "country") for c in p.children)
            ]
            objects = [a for p in waters for a in s.actors(p)][:1] or (named[:1] if owned else [])
        if (
            rel == "mobilize"
            and subjects
            and (subjects[0] in alliances() or len(subjects) >= 2)
            and _exercise_words(tok)
        ):
            # "NATO is conducting exercises", "the United States, South Korea and Japan opened an
            # exercise": their forces together, not a show of force against the waters they are in
            rel, objects = "cooperate_militarily", []
        partners = (
            [a for t in (tok, *_children(tok, "dobj")) for p in _pobj(t, ("with",)) for a in s.actors(p)]
            if rel == "mobilize"
            else []
        )
        if partners and _exercise_words(tok):
            # "conducting maritime exercises with the US and Japan": with them, not against them
            rel, objects = "cooperate_militarily", list(dict.fromkeys(partners))
        for first, objs in [(rel, objects), *more]:  # troops fighting beside an ally: also sent to it
            also = ["transfer_arms"] if first == "send_troops" and arms_alongside(tok) else []
            for actor, obj in pairs(s, tok, first, subjects, objs, passive, context or []):
                for r in (first, *also):
                    claim = _claim(s, text, tok, r, actor, obj, chain, speech, treaty, context or [])
                    _add(s, claims, seen, claim, speech)
                if first == "attack" and actor is not None and claims and claims[-1].relation == "attack":
                    # "Russia fired North Korean ballistic missiles at Ukraine": the weapons' maker
                    # supplied the one who fired them
                    for maker in _makers(s, tok):
                        if maker not in (actor, obj):
                            claim = _claim(s, text, tok, "transfer_arms", maker, actor, chain, speech, treaty,
                                           context or [])  # fmt: skip
                            _add(s, claims, seen, claim, speech)
    hyphened = [t for t in s.doc if t.pos_ in ("NOUN", "PROPN")] if "-" in s.low else []
    for tok in hyphened:  # ("a Chinese-made J-10 operated by the Pakistan Air Force": a hyphen or none)
        for maker, user, verb in _supplied(s, tok):
            chain = _clause_chain(verb)
            speech = _speech_verb(chain)
            claim = _claim(s, text, verb, "transfer_arms", maker, user, chain, speech, treaty, context or [])
            _add(s, claims, seen, claim, speech)
    if treaty:  # a pledge: the parties' mutual assistance and their agreement, nothing else
        claims = [c for c in claims if c.relation == "agree_sign"]
    have = {(c.subject, c.object) for c in claims if c.relation == "assist_militarily"}
    claims += [c for c in treaty if (c.subject, c.object) not in have]
    return _tidy(claims)


# weapons whose maker, named as their modifier, supplied whoever fires them
_FIRED = frozenset({"missile", "drone", "shell", "rocket", "munition", "weapon", "artillery", "ammunition"})


def _makers(s: _Sentence, tok: Token) -> list[str]:
    """The states named as the makers of the weapons a strike fires ("fired North Korean ballistic
    missiles", "launched Iranian-made drones"), when the verb says what was fired."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in ("fire", "launch", "use", "employ"):
        return []  # not "shot down suspected Russian drones": whose craft were downed supplied no one
    fired = [d for d in _children(tok, "dobj") if d.lemma_.lower() in _FIRED]
    named = [
        m for d in fired for c in d.children if c.dep_ in ("amod", "compound", "nmod") and c.i < d.i
        for t in c.subtree if (m := s.mention(t)) is not None and m.form.kind in ("demonym", "name")
    ]  # fmt: skip
    return list(dict.fromkeys([*(m.form.target for m in named), *(a for d in fired for a in made_in(d))]))


# how a state comes to have arms another made: it uses, fields or buys them
_USING = frozenset({"fire", "launch", "use", "employ", "deploy", "operate", "field", "fly", "acquire", "buy",
                    "purchase", "receive", "obtain"})  # fmt: skip
_MAKING = frozenset({"made", "built", "manufactured", "produced", "supplied"})


def _supplied(s: _Sentence, tok: Token) -> list[tuple[str, str, Token]]:
    """Arms a state made and another uses: "a Chinese-made J-10 fighter jet operated by the
    Pakistan Air Force", "Russia had fired four North Korean-made missiles", "three French-made
    Rafale planes, which were newly acquired by India", "Pakistan's Chinese-made jets": the maker
    supplied the user. Returns (maker, user, the verb of use, else the noun)."""
    makers = [
        a
        for c in tok.children
        if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
        for t in c.subtree
        if t.lower_ in _MAKING and t.i >= 2 and s.doc[t.i - 1].text == "-"
        for a in maker_named(s.doc, t.i - 2)
    ]  # fmt: skip
    if not makers:
        return []
    users: list[tuple[str, Token]] = []
    for c in tok.children:
        if c.dep_ == "poss":
            users += [(a, tok) for a in s.actors(c)]  # "Pakistan's Chinese-made jets"
        if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _USING:
            # "a J-10 operated by the Pakistan Air Force", "planes which were acquired by India"
            users += [
                (a, c) for g in _children(c, "agent") for p in _children(g, "pobj") for a in s.actors(p)
            ]
    held = tok  # "fired a total of four North Korean-made missiles": the amount is what the verb governs
    while held.dep_ == "pobj" and held.head.lower_ == "of" and held.head.head.pos_ == "NOUN":
        held = held.head.head
    verb = held.head
    if held.dep_ == "dobj" and verb.lemma_.lower() in _USING:
        users += [(a, verb) for n in _children(verb, "nsubj") for a in s.actors(n)]
    if held.dep_ == "nsubjpass" and verb.lemma_.lower() in _USING:
        users += [
            (a, verb) for g in _children(verb, "agent") for p in _children(g, "pobj") for a in s.actors(p)
        ]
    return [(mk, user, v) for mk in dict.fromkeys(makers) for user, v in users if user != mk]


def main_subject(doc: Any, mentions: list[Mention], previous: list[str] | None = None) -> list[str]:
    """The states or bodies a parsed sentence is about: the subject of its main clause, or of the
    clause a speech verb reports ("Seoul said the North's troops ..."), with those met ("Salman
    received Sharif", "spoke with Sharif"); a pronoun there keeps what the sentence before was
    about. A lone office-holder is a person (not "it"), so gives none."""
    if not len(doc):
        return []
    root = doc[0]
    while root.head.i != root.i:  # up from the first word: no walk over every token
        root = root.head
    if root.lemma_.lower() in SPEECH:
        root = next(iter(_children(root, "ccomp")), root)
    subj = _children(root, "nsubj", "nsubjpass")
    if not subj:
        return []
    if subj[0].pos_ == "PRON":
        return list(previous or []) if subj[0].lower_ in ("they", "it") else []
    if not mentions:
        return []
    s = _Sentence(doc, mentions)
    found = s.actors(subj[0])
    met = [c for c in _children(root, "dobj") if root.lemma_.lower() in _MEETING]
    met += [p for c in _children(root, "prep") if c.lower_ == "with" for p in _children(c, "pobj")]
    found += [a for c in met for a in s.actors(c) if a not in found]
    m = s.mention(subj[0])
    return [] if m is not None and m.form.kind == "leader" and len(found) < 2 else found


_MEETING = frozenset({"meet", "receive", "host", "welcome", "visit", "call"})


def _add(
    s: _Sentence, claims: list[Claim], seen: set[Any], claim: Claim | None, speech: Token | None
) -> None:
    """Add a claim once per source: on its attribution and on each further one conjoined with it."""
    if claim is None:
        return
    # "Thailand and Cambodia accused each other of targeting civilians": each charge on its victim's word
    mutual_charge = speech is not None and any(mutual(c) for c in _children(speech, "dobj"))
    sources = (claim.attribution, *_co_speakers(s, speech, claim.attribution))
    if mutual_charge and claim.relation != "accuse" and claim.object is not None:
        sources = (Attribution(kind="officials", who=claim.object),)
    # "France, Germany and Sweden said they will send military personnel": each says it of itself
    of_itself = claim.attribution.kind == "officials" and claim.subject == claim.attribution.who
    for said in sources:
        subject = (
            said.who if of_itself and said.kind == "officials" and said.who != claim.object else claim.subject
        )
        key = (subject, claim.relation, claim.object, said.who)
        if key not in seen:
            seen.add(key)
            claims.append(
                claim
                if said is claim.attribution
                else claim.model_copy(update={"attribution": said, "subject": subject})
            )


def _exercise_words(tok: Token) -> bool:
    """The trigger names an exercise or drill (its object, or itself)."""
    return any(
        t.lemma_.lower() in EXERCISES
        or (t.lemma_.lower() == "game" and any(c.lower_ == "war" for c in t.children))  # "war games"
        for t in tok.subtree
    )


# what one is warned against or kept from doing, and what is only possible, is not done
_WARNED_OFF = {
    # ("decided against sending soldiers to join the intervention": an act decided against)
    "against": frozenset({"warn", "caution", "advise", "urge", "decide", "vote", "opt"}),
    "from": frozenset({"deter", "dissuade", "discourage", "prevent", "bar", "refrain", "stop", "keep"}),
}
# what one is urged to do (and the way one is urged to do it) is asked for, not done
_URGING = frozenset({"urge", "call", "ask", "press", "push", "appeal", "want", "encourage"})
# what one is told "not to" do is not done ("warned Iran not to continue to threaten")
_TOLD_NOT_TO = frozenset({"warn", "caution", "urge", "tell", "ask", "advise", "call", "order"})
_ENABLING = frozenset({"allow", "permit", "enable"})
# what someone expects or predicts another to do is not done yet ("does not expect the United
# States to launch a direct attack", "analysts expect Russia to attack again")
_EXPECTING = frozenset({"expect", "anticipate", "predict", "foresee", "forecast"})
_MODAL_AUX = frozenset({"will", "would", "could", "can", "may", "might", "shall"})
# ("There are risks of North Korea sending additional soldiers": a danger, not a deployment)
_ONLY_POSSIBLE = frozenset({"possibility", "probability", "prospect", "likelihood", "option", "idea", "risk", "danger",
                            "spectre",
                            "specter"})  # fmt: skip
# what arms are made or able to do is not done: "missiles designed to target", "capable of striking"
_MADE_TO = frozenset({"design", "able", "intend", "mean", "build", "engineer"})
_CAPABLE = frozenset({"capable", "capability", "ability", "able"})


_WILLING = frozenset(
    {"eager", "ready", "willing", "keen", "prepared", "open", "happy", "determined", "anxious"}
)


def _only_willing(tok: Token) -> bool:
    """The act is one its doers are said to be eager or ready for, not one done."""
    verb = tok.head if tok.dep_ == "dobj" else tok
    return verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.lemma_.lower() in _WILLING


def _hostile_aim(tok: Token) -> bool:
    """Forces readied against someone ("ready to send troops against ...", "to invade")."""
    return any(
        t.lower_ in ("against", "invade", "attack", "strike", "eradicate", "destroy") for t in tok.subtree
    )


_WH = frozenset({"why", "how", "when", "where", "what", "which", "who", "whom", "whose"})


_PRESCRIBING = frozenset({"should", "ought", "must"})


def _prescribed(tok: Token, rel: str) -> bool:
    """The act is one someone says ought to be done ("NATO should shoot down ...", "must withdraw"):
    a pledge's own duty (assist militarily) and a spoken act stay."""
    if rel in SPEECH_ACTS or rel == "assist_militarily":
        return False
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in ("stay", "remain"):
        # "Russia should end its attack on Ukraine": the attack goes on; "how long American forces
        # must stay in Thailand": they are there
        return False
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    return bool(aux & _PRESCRIBING) and "have" not in aux  # (not "must have sent": a guess at a deed)


def _asked(tok: Token) -> bool:
    """The trigger's clause is a question put with the auxiliary first ("Has DPRK deployed
    troops to Russia?", "Did China fire on the boat?")."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    subj = _children(verb, "nsubj", "nsubjpass")
    first = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not subj or not first or first[0].i > subj[0].i:
        return False
    if any(t.lower_ in _WH for t in verb.subtree if t.i < first[0].i):
        return False  # "Why has North Korea deployed troops?": the deployment is taken as done
    after = verb.doc[verb.right_edge.i : verb.right_edge.i + 3]
    return any(t.text == "?" for t in (*verb.subtree, *after))


# what a planned event is "to" do ("the talks were to begin on Monday")
_STARTING = frozenset({"begin", "start", "open", "resume", "take", "go", "continue"})


def _not_done(tok: Token) -> bool:
    """The trigger is an act warned against, kept from, only spoken of as possible, upcoming or
    expected of someone, one a pact will allow, or what arms are designed or capable of doing."""
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in _ONLY_POSSIBLE:
        return True  # "risks of North Korea sending additional soldiers", the parse hanging it on "risks"
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in _ENABLING:
        # "a pact that will allow the two nations to deploy troops to each other's territory"
        return any(c.dep_ == "aux" and c.lower_ in _MODAL_AUX for c in tok.head.children)
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _MADE_TO and tok.head.dep_ in ("acl", "amod"):
        return True
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in NOT_YET for c in tok.children):
        return True  # "welcomed the upcoming deployment of Egyptian troops": not made yet
    if (
        tok.pos_ == "NOUN"
        and tok.dep_ == "nsubj"
        and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in tok.head.children)
    ):
        return True  # "The deployment of North Korean troops in Ukraine would be a sign of ...": if made
    if (
        tok.pos_ == "NOUN"
        and tok.dep_ == "nsubj"
        and tok.head.lemma_.lower() == "be"
        and any(
            x.dep_ == "xcomp"
            and any(a.lower_ == "to" for a in x.children)
            # (not "the attack was to punish Kyiv": its purpose)
            and (any(a.dep_ == "auxpass" for a in x.children) or x.lemma_.lower() in _STARTING)
            for x in tok.head.children
        )
    ):
        return True  # "a meeting between the two sides was to be convened in Trinidad": planned, not held
    if (
        tok.dep_ == "xcomp"
        and tok.head.lemma_.lower() == "be"
        and any(c.dep_ == "acomp" and c.lower_ in ("possible", "impossible") for c in tok.head.children)
    ):
        return True  # "it would be possible to fire on the Rwandan side by mistake": a possibility
    done = tok.head if tok.dep_ == "dobj" else tok  # "launch a direct attack": the verb it is the object of
    if (
        done.dep_ in ("xcomp", "ccomp")
        and done.head.lemma_.lower() in _EXPECTING
        and not any(c.dep_ in ("auxpass", "nsubjpass") for c in done.head.children)
    ):
        return True  # (but "is expected to send troops" is often reported as under way)
    # "warned Iran not to continue to threaten U.S. interests": what one is told not to do
    up = tok.head if tok.dep_ == "xcomp" and tok.head.dep_ == "xcomp" else tok
    if (
        up.dep_ == "xcomp"
        and up.head.lemma_.lower() in _TOLD_NOT_TO
        and any(c.dep_ == "neg" for c in (*tok.children, *up.children))
    ):
        return True
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.dep_ != "prep":
        return False
    word, head = tok.head.lower_, tok.head.head
    if word == "by" and tok.dep_ == "pcomp" and head.dep_ == "xcomp" and head.head.lemma_.lower() in _URGING:
        return True  # "urges NATO to respond ... by providing Ukraine with long-range missiles": asked for
    if word == "of" and head.lemma_.lower() in _CAPABLE:
        return True
    if word in _WARNED_OFF and head.lemma_.lower() in _WARNED_OFF[word]:
        return True
    return word == "of" and head.lemma_.lower() in _ONLY_POSSIBLE


# what is said for a case as such: pledges, threats, calls for help
_FOR_A_CASE = frozenset({"assist_militarily", "threaten", "request_aid"})
_FRONTIERS = frozenset({"border", "frontier", "boundary"})


def _fronts(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    """The frontier a move of forces goes to or stands on ("deployed troops to the Eritrean border",
    "massed troops on the Indian border", "advanced its troops closer to the Pakistan border")."""
    heads = [tok, *(c for c in tok.children if c.dep_ == "advmod" and c.lower_ in ("closer", "nearer", "up"))]
    return [p for h in heads for p in _pobj(h, preps) if p.lemma_.lower() in _FRONTIERS]


_STRUCK_SITES = frozenset({"base", "airbase", "facility", "installation", "city", "capital", "town", "port", "airport", "site"})  # fmt: skip
_NOT_AIMED_AT = frozenset(
    {"sea", "coast", "water", "pm", "am", "p.m.", "a.m.", "hour", "time", "dawn", "noon", "midnight", "night",
     "morning", "evening", "o'clock", "gmt", "utc"}
)  # fmt: skip


def _test_launch(tok: Token) -> bool:
    """Missiles fired or launched with no target named: into the sea, off a coast, as a test, or
    warning shots."""
    if tok.lemma_.lower() not in ("fire", "launch", "test"):
        return False
    aimed = [  # ("on" is mostly a date: "fired a missile on July 1"; "at 3.50 pm" a time)
        p for p in _pobj(tok, ("at", "against")) if p.lemma_.lower() not in _NOT_AIMED_AT and not away_from(p)
    ] + [  # but not "fired six missiles on the base"
        p for p in _pobj(tok, ("on",)) if p.pos_ == "NOUN" and p.lemma_.lower() in _STRUCK_SITES
    ]
    if aimed:
        return False  # "fired missiles at Nur Khan Airbase": a strike on what it names
    words = {t.lemma_.lower() for t in tok.subtree} | {t.lower_ for t in tok.subtree}
    return bool(words & {"missile", "rocket", "warning", "test", "coast", "sea"})


def _both_said(speech: Token | None) -> bool:
    """The speech verb's subject is "both sides", "the two countries"."""
    return speech is not None and any(
        c.lemma_.lower() in _PAIRED and any(d.lower_ in ("both", "two") for d in c.children)
        for c in _children(speech, "nsubj")
    )


def _said(s: _Sentence, tok: Token, chain: list[Token], speech: Token | None) -> Attribution:
    """The trigger's attribution; what someone is accused of is on the accuser's word ("NATO
    denounced Russia for breaching Estonian airspace")."""
    said = _attribution(s, chain, speech)
    blamer = accuser(tok)
    if said.kind == "author" and blamer is not None:
        # "blamed each other ... and accused each other of ...": the subject of the first verb
        # "Ethiopia has ordered ..., accusing Asmara's forces of an incursion": the subject of the
        # clause the participle hangs on
        joined = blamer.dep_ == "conj" or (blamer.dep_ == "advcl" and blamer.tag_ == "VBG")
        # ("Washington, meanwhile, has accused Moscow of ...": a subject the parse hung as a modifier)
        by = _children(blamer, "nsubj") or [
            c for c in _children(blamer, "npadvmod") if c.i < blamer.i and s.mention(c) is not None
        ]
        hung = blamer.head
        while joined and not by and hung.i != hung.head.i and hung.dep_ in ("xcomp", "advcl", "conj", "ROOT"):
            # (up through "ordered Eritrea to withdraw its troops, accusing ...")
            by, hung = _children(hung, "nsubj"), hung.head
        by = by or (_children(hung, "nsubj") if joined else [])
        if by:
            return _source(s, by[0])
    # (or a participle on it: "denounced overnight Israeli airstrikes targeting military sites")
    judged = tok.head if tok.dep_ == "acl" and tok.head.dep_ == "dobj" else tok
    # ("condemned Israel's targeting of Iran", parsed as a clause with Israel its subject)
    gerund = judged.dep_ == "ccomp" and judged.tag_ == "VBG"
    judge = (
        judged.head if (judged.dep_ == "dobj" or gerund) and judged.head.lemma_.lower() in _JUDGING else None
    )
    if said.kind == "author" and judge is not None and (by := _children(judge, "nsubj")):
        return _source(s, by[0])  # "Iran denounced the strikes launched by the US": on Iran's word
    if (
        said.kind != "author"
        and tok.pos_ in ("NOUN", "PROPN")
        and (_background(chain, speech) or _standing_war(tok))
    ):
        return Attribution(kind="author")
    if said.kind == "author" and any(t.lemma_.lower() == "report" and t.pos_ == "NOUN" for t in chain[1:4]):
        return Attribution(
            kind="media_reports"
        )  # "commented on reports about North Korean military presence"
    return said


_BACKGROUND = frozenset({"after", "following", "response", "retaliation", "amid", "since"})


_JUDGING = frozenset(
    {
        "condemn",
        "denounce",
        "deplore",
        "slam",
        "decry",
        "criticise",
        "criticize",
        "protest",
        "lambast",
        "defend",
        "justify",
    }  # ("North Korea has defended its military cooperation with Russia")
)


def _standing_war(tok: Token) -> bool:
    """A war or invasion named with its doer as the setting of what is reported ("accused Pyongyang
    of supplying Moscow with weapons for its war in Ukraine", "support for Russia's invasion of
    Ukraine"): the article's account of the war, not the speaker's; not the war a quotation is about
    ("Its war on Ukraine is criminal")."""
    return (
        not _in_quotation(tok.doc[: tok.i].text)
        and tok.lemma_.lower() in ("war", "invasion")
        and tok.dep_ in ("pobj", "dobj")
        and any(
            c.dep_ in ("poss", "amod", "compound") and c.pos_ in ("PROPN", "PRON", "ADJ")
            for c in tok.children
        )
        and bool(_pobj(tok, ("in", "on", "against", "of")))
    )


def _background(chain: list[Token], speech: Token | None) -> bool:
    """An event named as the occasion of what is reported ("triggering Article 4 in response to
    last night's violation of Polish airspace", "in retaliation for American airstrikes"): the
    article's account of what happened, not the speaker's."""
    for t in chain[1:]:
        if speech is not None and t.i == speech.i:
            return False
        if t.lower_ in _BACKGROUND and t.pos_ in ("ADP", "NOUN", "SCONJ"):
            return True
        if t.dep_ == "relcl" and _aside(t):
            return True  # "expressed support for Russia, which continues its aggression": the writer's
    return False


def _aside(clause: Token) -> bool:
    """A relative clause set off by a comma ("Russia, which continues ..."): a description added
    to the name, not part of what is reported of it."""
    first = min(t.i for t in clause.subtree)
    if first == 0 or clause.doc[first - 1].text != "," or clause.doc[first].lower_ not in ("which", "who"):
        return False
    # inside a quotation it is the speaker's own description ('"Russia, which ..., must stop," he said')
    return not _in_quotation(str(clause.doc[:first].text))


def _in_quotation(before: str) -> bool:
    """Whether the text that ends here has a quotation open (curly or straight marks)."""
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _tidy(claims: list[Claim]) -> list[Claim]:
    """Claims without a subject are dropped (no one is said to act), and so is a claim without an
    object where the same subject and relation appear with one, or whose relation is between two
    parties by nature (an attack, a deployment, talks, support or protest: CAMEO codes them only
    with a target; "Putin hailed the deal" names no one supported). An alliance cooperates and
    consults among its own members ("NATO has invoked Article 4")."""
    with_object = {(c.subject, c.relation) for c in claims if c.object is not None}
    return [
        c for c in claims
        if c.subject is not None
        and (c.object is not None or ((c.subject, c.relation) not in with_object and (
            c.relation not in DYADIC or (c.relation in ("cooperate_militarily", "consult") and c.subject in alliances()))))
    ]  # fmt: skip


DYADIC = frozenset(
    {"attack", "send_troops", "consult", "cooperate_militarily", "threaten", "transfer_arms", "support_politically", "oppose",
     "transfer_technology", "request_aid"}
)  # fmt: skip


_WATERS = frozenset({"eez", "waters", "water", "airspace", "territory"})
# states whose demonym names a people mostly outside the state's government's reach
_PEOPLES = frozenset({"PSE"})
# A party's own act on a pact, with no other party named ("North Korea ratified the treaty")
_RATIFYING = frozenset({"ratify", "ratification", "adopt", "approve", "endorse"})
COMMITMENTS = frozenset({"commitment", "pledge", "guarantee", "obligation"})
OBLIGING = frozenset({"require", "oblige", "obligate", "bind"})
AVERTING = frozenset({"deter", "prevent", "avoid", "avert", "forestall", "discourage", "risk", "fear", "dissuade"})  # fmt: skip
DETECTING = frozenset({"detect", "spot", "track", "sight", "see", "record", "observe"})


# What a pledge does to the attacks it is for: "extends to armed attacks on", "covers an attack on"
_REACHING = frozenset({"extend", "apply", "cover"})


def _governing_verb(noun: Token) -> str:
    """The lemma of the verb a noun is the object of, directly or through a preposition."""
    head = noun.head if noun.dep_ in ("dobj", "pobj") else None
    if head is not None and head.dep_ == "prep" and noun.dep_ == "pobj":
        head = head.head
    return head.lemma_.lower() if head is not None and head.pos_ in ("VERB", "AUX") else ""


_CASE_MODALS = frozenset({"would", "will", "could", "might", "may", "can"})
_UNREAL = frozenset(
    {"potential", "possible", "hypothetical", "eventual", "future", "prospective", "imagined"}
)
_WARNING = frozenset({"warn", "caution", "threaten", "say", "tell", "declare", "state", "vow"})


def _claim(
    s: _Sentence, text: str, tok: Token, rel: str, subject: str | None, obj: str | None,
    chain: list[Token], speech: Token | None, treaty: list[Claim], context: list[str],
) -> Claim | None:  # fmt: skip
    """One claim of the trigger, or None where it is not one (no actors, the case of a pledge)."""
    if subject is None and obj is None:
        return None
    said = _said(s, tok, chain, speech)
    if said.kind == "officials" and said.who is None and subject is not None and _both_said(speech):
        said = said.model_copy(update={"who": subject})  # "..., both countries said": the doer's side
    if rel in ("attack", "coerce") and not_ruled_out(chain):
        rel = "threaten"  # "has refused to rule out using military action to seize the island"
    # an interception is aimed at whoever's craft it met, named or not: no target from elsewhere
    if (
        obj is None
        and rel in ("attack", "coerce")
        and subject is not None
        and tok.lemma_.lower() not in ("intercept", "interception")
    ):
        by = said.who
        if by is None and (verb := reacting(chain)) is not None:
            # "... following a dangerous maneuver by a Chinese helicopter": not on the reactor
            by = next((a for n in _children(verb, "nsubj") for a in s.actors(n)), None)
        obj = struck(s, tok, rel, subject, by, context)
    if rel == "mobilize" and obj is None:
        # a show of force toward no one named ("China held large military drills", "Japan
        # scrambled jets", "North Korea fired a missile into the sea"): not coded. Read on unseen
        # text such claims were right about a third of the time, the least of any kind, since
        # annotators code the target the story implies or no claim; and they bear on no obligation
        return None
    if (
        rel in ("attack", "coerce", "threaten")
        and obj is not None
        and obj in _PEOPLES
        and (named := [m.form.kind for m in s.mentions if m.form.target == obj])
        and set(named) == {"demonym"}
    ):
        # "Israeli attacks against Palestinian civilians", "strikes on the Palestinian resistance
        # movement Hamas": a people or a movement struck, not the state that bears its name (its
        # government, in Ramallah, is no party to the war in Gaza)
        return None
    if rel == "agree_sign" and obj is None and tok.lemma_.lower() not in _RATIFYING:
        return None  # "signed 24 cooperation agreements in Iraq": no party named to sign with
    noun = tok.pos_ in ("NOUN", "PROPN")
    conditional = _conditional(chain, speech) or (
        rel == "assist_militarily"
        and (
            tok.lemma_.lower() in COMMITMENTS
            # "must provide military assistance if the other is attacked": help for a case it names
            or any(c.dep_ == "advcl" and _conditional([c], None) for c in tok.children)
        )
    )
    if rel == "attack" and (conditional or treaty or TREATY_LANGUAGE.search(text)):
        return None  # the case a pledge is for, not an event ("an attack on one Nato member")
    if rel != "assist_militarily" and any(t.lemma_.lower() in OBLIGING for t in chain[1:]):
        return None  # "the treaty requires both sides not to sign ...": a duty it sets, not an event
    if (
        rel == "attack"
        and noun
        and (
            # "a Chinese military attack on Taiwan could justify the intervention": a case spoken of
            (tok.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ in _CASE_MODALS for c in tok.head.children))
            or any(c.lower_ in ("would", "will") for c in tok.head.children)
            or any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in tok.children)
            # "a potential Chinese assault on Taiwan could elicit a military response"
            or any(c.dep_ == "amod" and c.lower_ in _UNREAL for c in tok.children)
            # "Article 4, which extends to armed attacks on Filipino armed forces": a pledge's reach
            or _governing_verb(tok) in _REACHING
        )
    ):
        return None  # "an armed attack on ... would invoke", "any attack on Qatar": the case of a commitment
    if (
        rel not in SPEECH_ACTS
        and tok.dep_ in ("acl", "relcl")
        and any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in tok.head.children)
    ):
        # "any attempt to invade Guyana would be a very bad move", "shoot down any Iranian drones that
        # violate its airspace", "any cooperation that assists North Korea's military buildup": a case
        return None
    if any(c.dep_ == "mark" and c.lower_ == "whether" for t in chain for c in t.children) or any(
        d.lower_ in ("what", "which") for c in _children(tok, "dobj") for d in c.children if d.dep_ == "det"
    ):
        return None  # "did not say whether North Korean troops were in Russia": a question, not a claim
    if _asked(tok):
        return None  # '"Has DPRK deployed troops to Russia?"': asked, not said
    if (
        rel not in (*SPEECH_ACTS, "consult", "assist_militarily", "cooperate_militarily")  # (a pact's terms)
        and tok.dep_ == "relcl"
        and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in tok.children)
    ):
        return None  # "a clause that would block the mission's continuation": what a text would do
    if _prescribed(tok, rel):
        return None  # "NATO should shoot down any Russian aircraft": advice, not an event
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("authorise", "authorize", "empower"):
        return None  # "has been authorised to shoot down such balloons": a permission, not an event
    if noun and tok.dep_ in ("dobj", "pobj") and tok.head.lemma_.lower() in AVERTING:
        return None  # "may not deter an Indian offensive": an event that has not happened
    if rel in SPEECH_ACTS and (rel != "threaten" or _said_threat(tok)):
        # (a threat made by deed, "locked their radars on Japanese aircraft", is no one's word)
        said = _own_word(s, tok, subject, said)
    elif (
        rel == "consult"
        and noun
        and said.kind == "author"
        and (asker := asked_for(tok)) is not None
        and (own := _own_word(s, asker, subject, said)).kind == "speaker"
    ):
        # "Michal called for consultations": a person's request, on his word ("Estonia has
        # requested consultations" stays the article's)
        said = own
    hedges = _hedges(tok, chain, speech)
    if rel == "threaten" and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _WARNING:
        # "warned that South Korea could face consequences if ...": the threat's own words, made
        # for a case, not doubt about the warning
        hedges = [h for h in hedges if not any(c.lower_ == h and c.tag_ == "MD" for c in tok.children)]
        conditional = conditional or any(c.dep_ == "advcl" and _conditional([c], None) for c in tok.children)
        # "any efforts by Beijing to ... could lead to devastating consequences": a case named
        conditional = conditional or any(
            d.dep_ == "det" and d.lower_ in ("any", "every")
            for n in _children(tok, "nsubj")
            for d in n.children
        )
    offered = False
    if rel in ("consult", "agree_sign") and _only_willing(tok):
        return None  # "All countries are eager to discuss the issue", "ready to hold talks": a wish
    if (
        rel in ("send_troops", "transfer_arms")
        and obj is not None
        and _only_willing(tok)
        and not _hostile_aim(tok)
    ):
        # "Germany is willing to send around 4,000 troops to Lithuania", "prepared to provide arms":
        # help offered, for whenever it is taken up, not forces sent
        rel, conditional, offered = "assist_militarily", True, True
    elif rel == "send_troops" and obj is not None and _only_willing(tok):
        # "Ankara is prepared to send forces across the border to eradicate guerrilla bases in
        # Syria": force readied against a state, not yet sent
        rel = "threaten"
    if conditional and rel not in _FOR_A_CASE:
        return None  # "if Kyiv and its Western allies reject the Kremlin's demands": a case, not an act
    return Claim(
        text=text, subject=subject, relation=rel, object=obj,
        polarity="negative" if _negative(tok, chain, speech) else "positive",
        modality="hedged" if hedges else "asserted", hedges=hedges,
        attribution=said, conditional=conditional, offered=offered, coder="parse", trigger=tok.text,
    )  # fmt: skip
