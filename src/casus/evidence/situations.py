"""Events a sentence states without a trigger word of the usual kind: a state's aircraft in
another's airspace ("Russian drones entered Polish and Romanian airspace", "Russia's violations
of NATO airspace"), troops present in another state ("12,000 North Korean soldiers are in
Russia"), a state invoking its defence treaty with another, exercises named by their states, a pact its
parties' names qualify said to be signed, and
a state's charge that another did wrong, said without "accuse" ("Liu said the Philippine ships
'illegally entered' Chinese waters", "laid responsibility for the incident on the Philippines").
`casus.evidence.syntax` makes the claims, one per state undergoing it."""

from __future__ import annotations

from typing import Any

from casus.evidence.blame import accused
from casus.evidence.by_object import WRONGS
from casus.evidence.lexicon import CRAFT, EXERCISES, NEAR, SPEECH, VESSELS
from casus.evidence.nominal import between_of
from casus.evidence.parsed import Sentence
from casus.evidence.roles import _noun_subject, _subject
from casus.evidence.tokens import pobj
from casus.evidence.triggers import children, is_troops
from casus.evidence.wars import WARS

__all__ = ["MUTUAL_FIGHTS", "situation"]

Token = Any  # spacy.tokens.Token

_CROSSING = frozenset({"violation", "incursion", "intrusion", "breach", "violate", "enter", "cross", "penetrate", "fly", "transit",
                       "intrude", "stray"})  # fmt: skip
_INTO_WATERS = frozenset({"enter", "violate", "intrude", "breach", "penetrate"})
_LEAVE = frozenset({"permission", "request", "approval", "clearance", "right", "plan", "authorization", "authorisation"})  # fmt: skip
# Verbs that place troops somewhere: "are in Russia", "were training in Russia", "arrived in Kursk"
_BEING = frozenset({"be", "remain", "stay", "train", "arrive", "land", "operate", "serve", "gather", "mass"})


# What a state's forces come in to do at its invitation ("to participate in the joint exercise")
_JOINING = frozenset({"participate", "join", "attend"})


def _joining(verb: Token) -> bool:
    """'to participate in', 'to join', 'to attend', 'to take part in'."""
    lemma = verb.lemma_.lower()
    return lemma in _JOINING or (lemma == "take" and any(c.lower_ == "part" for c in children(verb, "dobj")))


_CIVILIAN = frozenset(
    {"civilian", "civil", "commercial", "passenger", "private", "fishing", "merchant", "cargo"}
)


def _airspace(s: Sentence, tok: Token) -> tuple[list[str], list[str]] | None:
    """A violation of states' airspace (or waters) by another's aircraft, drones or ships: (by whom, whose)."""
    if tok.lemma_.lower() not in _CROSSING:
        return None
    space = next((t for t in tok.subtree if t.lemma_.lower() == "airspace"), None)
    if space is None and tok.lemma_.lower() in _INTO_WATERS:
        # "accused a Venezuelan coastguard patrol of entering its waters"; not "water cannon"
        space = next(
            (t for t in children(tok, "dobj") if t.lemma_.lower() == "water" and t.tag_ == "NNS"), None
        )
    if space is None and tok.lemma_.lower() in ("breach", "violate"):
        # "Russian flying objects that breached its border"
        space = next((t for t in children(tok, "dobj") if t.lemma_.lower() == "border"), None)
    if (
        space is None
        and tok.pos_ == "VERB"
        and any(c.lemma_.lower() in CRAFT for c in children(tok, "nsubj"))
    ):
        # "multiple Russian drones crossed into Poland": craft flown into a state are in its airspace
        space = next(
            (
                p
                for p in pobj(tok, ("into", "over"))
                if (m := s.mention(p)) is not None and m.form.kind != "org"
            ),
            None,
        )
    if space is None:
        return None
    if (tok.dep_ in ("acl", "xcomp") and tok.head.lemma_.lower() in _LEAVE) or any(
        c.dep_ == "mark" and c.lower_ == "for" for c in tok.children
    ):
        return None  # "denied permission for Herzog's plane to enter its airspace": no crossing
    if any(c.dep_ in ("advcl", "xcomp") and _joining(c) for c in tok.children):
        return None  # "entered Iran's territorial waters to participate in the joint exercise": invited
    flying = [*children(tok, "nsubj"), *([tok.head] if tok.dep_ == "relcl" else [])]
    if any(t.lower_ in _CIVILIAN for c in flying for t in c.children if t.i < c.i):
        return None  # "a Japanese civilian aircraft intruded into Chinese airspace": no state's force
    by = [a for t in tok.children if t.lower_ == "by" for p in children(t, "pobj") for a in s.actors(p)]
    if not by and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and not children(tok.head, "auxpass", "agent"):
        # "protested the violation of Polish airspace by a Russian missile": the parse may hang "by"
        # on the verb
        by = [a for p in pobj(tok.head, ("by",)) for a in s.actors(p)]
    craft = (
        tok.head if tok.dep_ == "relcl" and any(c.lower_ == "that" for c in children(tok, "nsubj")) else None
    )
    if tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and tok.head.lemma_.lower() in CRAFT:
        craft = (
            tok.head
        )  # "Israeli aircraft transited through Iraqi airspace", parsed as a clause on "aircraft"
    if craft is not None and craft.pos_ == "NOUN":
        # "the 19 Russian flying objects that breached its border"; "downed multiple drones that had
        # entered the country's airspace": whoever's they are, not the clause's subject
        subj = s.actors(craft)
    elif tok.pos_ == "VERB":
        subj, _ = _subject(s, tok)
    else:  # "Russia's violations of NATO airspace"; not "the NATO airspace violation" (whose)
        # "accused Moscow of a violation of its airspace": the accused
        subj = accused(s, tok) or [a for a in _noun_subject(s, tok) if a not in s.actors(space)]
    whose = s.actors(space)
    if not whose and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in space.children):
        # "Romania said a Russian drone had entered its airspace": the state named besides them,
        # a state before an alliance ("Fellow NATO member Romania")
        others = [m for m in s.mentions if m.form.target not in (by or subj) and m.form.kind != "leader"]
        others.sort(key=lambda m: m.form.kind == "org")
        whose = [m.form.target for m in others][:1]
    if set(whose) <= set(by or subj):
        return None  # "Polish jets flew over Poland": its own airspace
    return (by or subj), whose


def _presence(s: Sentence, tok: Token) -> tuple[list[str], list[str]] | None:
    """Troops of one state said to be in another ("North Korean soldiers are in Russia"): (whose
    troops, where)."""
    if tok.lemma_.lower() not in _BEING:
        return None
    subj = children(tok, "nsubj")
    # "thousands of North Korean troops were training": the troops the number counts
    troops = [t for c in subj for t in (c, *(o for p in children(c, "prep") if p.lower_ == "of" for o in children(p, "pobj")))
              if is_troops(t)]  # fmt: skip
    if not troops and tok.dep_ == "relcl" and is_troops(tok.head):  # "the soldiers who arrived in Russia"
        troops = (
            [tok.head] if any(c.lower_ in ("who", "that", "which") for c in children(tok, "nsubj")) else []
        )
    if not troops:
        return None
    owner = s.actors(troops[0])
    # "arrived in the combat zone in Russia's Kursk region", "landed on the Comoros island of
    # Moheli": the first state named in the place
    # (not "fighting in the Ukraine war": a war is no place)
    where = [next((a for t in o.subtree if (m := s.mention(t)) is not None for a in [m.form.target] if a not in owner), None)
             for p in children(tok, "prep") if p.lower_ in ("in", "inside", "on") for o in children(p, "pobj")
             if o.lemma_.lower() not in WARS]  # fmt: skip
    return owner, [w for w in where if w is not None]


# Verbs that take forces across a border ("crossed into Lebanon", "rolled into Georgia")
_ENTERING = frozenset(
    {"cross", "enter", "move", "roll", "pour", "march", "push", "advance", "sweep", "storm"}
)
# What makes an entry an attack in the sentence that tells it ("troops and tanks entered Georgia",
# "entered Ecuador in a raid that killed ...") and what makes it a mission ("on a mission to end the
# massacres"); with neither, the sentence does not say which (a peace force, an ally's troops)
_ARMOUR = frozenset({"tank", "armor", "armour", "armored", "armoured", "artillery", "raid", "offensive",
                     "assault", "attack", "invasion", "invade", "bombard", "shell", "pound", "kill"})  # fmt: skip
_MISSION = frozenset({"mission", "peacekeeping", "peacekeeper", "invitation", "request", "restore", "help",
                      "aid", "protect", "evacuate", "rescue", "humanitarian"})  # fmt: skip
# Where a border is crossed: "crossed the border into Eritrea", "crossed the Finnish frontier"
_BORDERS = frozenset({"border", "frontier", "territory", "line"})


def _entry(s: Sentence, tok: Token) -> tuple[str, list[str], list[str]] | None:
    """A state's forces entering another ("Ethiopian troops, tanks and heavy artillery crossed the
    border into Eritrea"): an attack where the sentence arms or bloodies it, troops sent where it
    names a mission; (relation, whose forces, the state entered)."""
    if tok.lemma_.lower() not in _ENTERING or tok.pos_ != "VERB":
        return None
    troops = [c for c in children(tok, "nsubj") if is_troops(c)]
    if not troops:
        return None
    owner = s.actors(troops[0]) or [
        a for t in troops[0].subtree if t.i < troops[0].i for a in s.actors(t)
    ][:1]  # fmt: skip
    if not owner:
        return None
    ways = [o for p in children(tok, "prep") if p.lower_ == "into" for o in children(p, "pobj")]
    for d in children(tok, "dobj"):
        if tok.lemma_.lower() in ("enter", "storm"):
            ways.append(d)
        if d.lemma_.lower() in _BORDERS:  # "crossed the border into Eritrea", "the Finnish frontier"
            ways += [o for p in children(d, "prep") if p.lower_ == "into" for o in children(p, "pobj")]
            ways += [c for c in d.children if c.dep_ in ("amod", "poss", "compound")]
    where = [a for w in ways for t in w.subtree if (m := s.mention(t)) is not None for a in [m.form.target]
             if a not in owner and m.form.kind != "org"][:1]  # fmt: skip
    if not where:
        return None
    said = {t.lemma_.lower() for t in tok.sent}
    if said & EXERCISES or any(c.dep_ in ("advcl", "xcomp") and _joining(c) for c in tok.children):
        return None  # "entered Iran's waters to participate in the joint exercise": invited
    if said & _MISSION:
        return "send_troops", owner, where
    if said & _ARMOUR:
        return "attack", owner, where
    return None


_INVOKING = frozenset({"invoke", "activate", "trigger"})
_PACTS = frozenset({"treaty", "mdt", "pact", "alliance", "agreement"})


def _invoked(s: Sentence, tok: Token) -> tuple[list[str], list[str]] | None:
    """A state invoking its defence treaty with another ("no plan to invoke its mutual defence
    treaty with US", "might consider invoking the 1951 treaty to secure U.S. military help"): a
    call on the partner for help. (who invokes, the partner)."""
    if tok.lemma_.lower() not in _INVOKING:
        return None
    pacts = [c for c in children(tok, "dobj") if c.lemma_.lower() in _PACTS]
    if not pacts:
        return None
    subj, _ = _subject(s, tok)
    if not subj:  # "it has no plan to invoke": the state named before
        subj = [m.form.target for m in s.mentions if m.end <= tok.idx and m.form.kind != "org"][:1]
    partner = [a for p in children(pacts[0], "prep") if p.lower_ == "with" for o in children(p, "pobj")
               for a in s.actors(o)]  # fmt: skip
    if not partner:
        partner = [m.form.target for t in tok.subtree if t.i > tok.i and (m := s.mention(t)) is not None
                   and m.form.kind != "org"]  # fmt: skip
    return subj, [p for p in partner if p not in subj][:1]


def _exercise(s: Sentence, tok: Token) -> tuple[str, list[str], list[str]] | None:
    """Exercises named by their states: two states' are military cooperation ("the Russian-
    Belarusian military exercises Zapad 2025"), one state's near another a show of force ("Chinese
    drills around Taiwan")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in EXERCISES:
        return None
    mods = [t for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") for t in c.subtree]
    states = list(dict.fromkeys(m.form.target for t in mods if (m := s.mention(t)) is not None))
    if len(states) >= 2:
        return "cooperate_militarily", states[:1], states[1:2]
    # "the joint naval drill between Iran, China, and Russia", "an exercise involving ...": each pair
    held = list(dict.fromkeys(a for p in between_of(tok) for a in s.actors(p)))
    if len(held) >= 2:
        return "cooperate_militarily", held, []
    near = [
        a for p in children(tok, "prep") if p.lower_ in NEAR for o in children(p, "pobj") for a in s.actors(o)
    ]
    if len(states) == 1 and near and near[0] != states[0]:
        return "mobilize", states, near[:1]
    return None


# Fights two sides have with each other ("intense battles with Tajikistan", "clashes with Ukrainian forces")
MUTUAL_FIGHTS = frozenset({"clash", "battle", "skirmish", "firefight", "gunfight"})


def _fights_with(s: Sentence, tok: Token) -> tuple[list[str], list[str]] | None:
    """A fight a side has with another, named as a noun: (the side, whom it fought). The side is
    the noun's own modifier, or the subject of the verb the noun hangs from ("Kyrgyzstan reported
    intense battles with Tajikistan", "troops had suffered casualties in clashes with Ukrainian
    forces", "troops were killed during a battle with the Ukrainian army")."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in MUTUAL_FIGHTS:
        return None
    foes = [p for p in pobj(tok, ("with",))]
    if not foes or any(
        (m := s.mention(t)) is not None and m.form.kind == "leader" for p in foes for t in p.subtree
    ):
        return None  # "a clash with Trump": words
    against = list(dict.fromkeys(a for p in foes for a in s.actors(p)))
    side = [a for c in tok.children if c.dep_ in ("poss", "amod", "compound") for a in s.actors(c)]
    head = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ == "dobj" else None
    if head is not None and head.pos_ == "NOUN" and head.dep_ == "dobj":
        head = head.head  # "suffered casualties in clashes with ..."
    if not side and head is not None and head.pos_ == "VERB":
        # a state or its forces fight, not "pro-Palestinian Turkish activists killed in clashes"
        side = [a for c in children(head, "nsubj", "nsubjpass")
                if is_troops(c) or ((m := s.mention(c)) is not None and m.form.kind != "leader")
                for a in s.actors(c)]  # fmt: skip
    side = [a for a in side if a not in against]
    return (side, against) if side and against else None


_SIGNING = frozenset({"sign", "ratify", "conclude", "ink", "seal", "finalize", "finalise"})
_UNSIGNED = frozenset(
    {"will", "would", "could", "can", "may", "might", "should", "must", "once", "if", "when", "until"}
)
_WHEN_SIGNED = frozenset({"following", "after", "before", "amid", "despite", "since"})
_SIGNED_PACTS = frozenset({"treaty", "pact", "agreement", "accord", "deal"})


def _pact_signed(s: Sentence, tok: Token) -> list[str] | None:
    """A pact its parties' names qualify, said to be signed with no signer named ("The
    Pakistan-Saudi pact was signed just months after ..."): the states it names."""
    if tok.lemma_.lower() not in _SIGNING or tok.pos_ != "VERB" or children(tok, "agent"):
        return None
    pacts = [c for c in children(tok, "nsubjpass") if c.lemma_.lower() in _SIGNED_PACTS]
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lemma_.lower() in _SIGNED_PACTS:
        pacts.append(tok.head)  # "The agreement, signed in Riyadh last week, commits ..."
    if not pacts or any(
        p.lower_ in ("with", "between") for t in (tok, pacts[0]) for p in children(t, "prep")
    ):
        return None  # "a treaty was signed with Russia": the usual reading takes it
    mods = [t for c in pacts[0].children if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree]
    states = list(dict.fromkeys(m.form.target for t in mods if (m := s.mention(t)) is not None))
    if len(states) >= 2:
        return states
    # "The pact ... was signed during Sharif's visit to Riyadh": the pact of the two states the clause
    # names, or, where the sentence names none, of the two the article spoke of; not a pact still to be
    # signed ("will be signed", "once it is finalised"), nor states named in a clause of its own
    # ("was signed when Israel had attacked Hamas leaders in Qatar")
    the = any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in pacts[0].children)
    unsure = any(c.dep_ in ("aux", "mark") and c.lower_ in _UNSIGNED for c in tok.children)
    if not the or unsure or states or tok.dep_ == "advcl":  # "attacks resumed after the accord was signed"
        return None
    # (nor states named as the time or witnesses: "following Israel's strikes", "in the presence of")
    aside = {t.i for c in tok.children if c.dep_ in ("advcl", "ccomp", "relcl", "acl")
             or (c.dep_ == "prep" and (c.lower_ in _WHEN_SIGNED or any(p.lemma_.lower() == "presence" for p in children(c, "pobj"))))
             for t in c.subtree}  # fmt: skip
    named = [(t.i, m.form.target) for t in s.doc if (m := s.mention(t)) is not None and m.form.kind != "org"]
    main = list(dict.fromkeys(a for i, a in named if i not in aside))
    everyone = {a for _, a in named}
    if len(main) == 2 and everyone == set(main):
        return main
    return list(s.pair) if not named and len(s.pair) == 2 else None


# Moving warships or warplanes near another state ("B-52 bombers flew along the coast of Venezuela",
# "Chinese warships sailed near Taiwan"): a show of force against it
_PASSING = frozenset({"fly", "sail", "approach", "transit", "circle", "cruise"})
_ALONG = NEAR | {"along", "close"}  # not "over": a flight over a state is in its airspace


def _passing(s: Sentence, tok: Token) -> tuple[list[str], list[str]] | None:
    """Warships or warplanes of one state moving near another: (whose, near whom)."""
    if tok.lemma_.lower() not in _PASSING or tok.pos_ != "VERB":
        return None
    movers = children(tok, "nsubj")
    if not any(t.lemma_.lower() in VESSELS | {"warplane"} for c in movers for t in c.subtree):
        return None
    whose = [a for c in movers for a in s.actors(c)]
    near = [
        a
        for p in children(tok, "prep")
        if p.lower_ in _ALONG
        for o in children(p, "pobj")
        for a in s.actors(o)
    ]
    if (
        tok.lemma_.lower() == "approach"
    ):  # "approached Taiwan"; not "approached a Chinese ship" (a ship's act)
        near += [a for c in children(tok, "dobj") if s.mention(c) is not None for a in s.actors(c)]
    near = [a for a in near if a not in whose]
    return (whose, near[:1]) if whose and near else None


_ANY = _CROSSING | _ENTERING | _BEING | _INVOKING | EXERCISES | _PASSING | _SIGNING | MUTUAL_FIGHTS


# Words that call what a state did wrong: "illegally entered", "violated international law"
_WRONG = frozenset({"violate", "violation", "illegal", "illegally", "unlawful", "unlawfully", "intrude",
                    "intrusion", "provocation", "provocative", "undermine", "aggression", "aggressive",
                    "dangerous", "dangerously", "reckless", "recklessly", "escalatory", "breach", "crime",
                    "piracy", "bully", "bullying", "coercive", "destabilize", "destabilise", "destabilizing",
                    "destabilising", "irresponsible", "harass", "harassment", "provoke", "unacceptable",
                    "outrageous", "brutal", "shameful", "cowardly", "criminal", "lawless", "hostile"})  # fmt: skip


_CORE = frozenset({"advmod", "acomp", "attr", "dobj", "xcomp", "oprd", "npadvmod"})


def _charged(s: Sentence, tok: Token) -> tuple[str, list[str], list[str]] | None:
    """Who charges whom: the speaker of a speech verb and the subject of the clause it reports,
    when that clause calls what the subject did wrong; an accusation when it tells what was done
    ("illegally entered"), a protest when it judges it ("the deployment is a dangerous expansion")."""
    said = tok.head
    if said.lemma_.lower() not in SPEECH or said.pos_ != "VERB":
        return None
    # the clause's own predicate, not a phrase hung on it ("were justified ... following recent violations")
    # ("is testing the European borders, also probing our resolve and undermining our security": a
    # wrong joined to it is its predicate too; not "talked by phone and called the launch a violation")
    core = [tok, *(t for c in tok.children if c.dep_ in _CORE for t in c.subtree)]
    if not {t.lemma_.lower() for t in core} & _WRONG and not any(
        c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() in _WRONG for c in tok.children
    ):
        return None
    speakers = [a for c in children(said, "nsubj") for a in s.actors(c)]
    if not speakers and s.person and any(c.lower_ in ("he", "she") for c in children(said, "nsubj")):
        speakers = [
            s.person
        ]  # '"Russia is once again provoking the NATO states," he said': the one named last
    # "the breach of Pakistan's sovereignty by Iran is a violation": whoever did it, not whose it hurt
    doers = [p for c in children(tok, "nsubj", "nsubjpass") for p in pobj(c, ("by",))]
    charged = [
        a for c in doers or children(tok, "nsubj", "nsubjpass") for a in s.actors(c) if a not in speakers
    ]
    if not (speakers and charged):
        return None
    judged = tok.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "attr") for c in tok.children)
    # "Rwanda's actions ... are a clear violation of the Washington Accords": a wrong named, a charge
    wrong = any(c.dep_ == "attr" and c.lemma_.lower() in WRONGS for c in tok.children)
    return ("oppose" if judged and not wrong else "accuse"), speakers[:1], charged


# "Russia bears full responsibility for these escalatory actions", "responsibility lies with Iran",
# "laid responsibility for the incident on the Philippines", "holds Kabul responsible": a charge
_BEARING = frozenset({"bear", "take", "carry", "shoulder", "share", "assume"})
_LYING = frozenset({"lie", "rest"})
_LAYING = frozenset({"lay", "place", "put", "pin"})
_HOLDING = frozenset({"hold"})
_ANSWERING = _BEARING | _LYING | _LAYING | _HOLDING | {"be"}
_ANSWERABLE = frozenset({"responsible", "accountable", "culpable"})
# what one may bear responsibility for without blame: "for peace and security in Europe"
_CHARGES_OF_CARE = frozenset({"peace", "security", "stability", "safety", "protection", "defence", "defense",
                              "welfare", "development", "future", "prosperity", "citizen", "people"})  # fmt: skip


def _for_care(tok: Token) -> bool:
    """What the responsibility is for is a charge of care, not a wrong ("for peace and security")."""
    return any(
        t.dep_ == "pobj" and t.head.lower_ == "for" and t.lemma_.lower() in _CHARGES_OF_CARE
        for t in tok.subtree
    )


def _answerable(s: Sentence, tok: Token) -> list[str] | None:
    """The states a clause holds responsible ("Russia bears full responsibility", "Iran was
    responsible for the attack", "responsibility lies with Iran"), or None."""
    lemma = tok.lemma_.lower()
    bears = lemma in _BEARING and any(c.lemma_.lower() == "responsibility" for c in children(tok, "dobj"))
    if bears or (lemma == "be" and any(c.lower_ in _ANSWERABLE for c in children(tok, "acomp"))):
        held = children(tok, "nsubj")
    elif lemma in _LYING and any(c.lemma_.lower() == "responsibility" for c in children(tok, "nsubj")):
        held = pobj(tok, ("with", "on", "upon"))
    else:
        return None
    if _for_care(tok) or any(c.dep_ == "neg" for c in tok.children):
        return None
    return [a for c in held for a in s.actors(c)]


def _wished(tok: Token) -> bool:
    """A clause that says what someone would do, not what one does ("a stand that would hold Israel
    responsible")."""
    return tok.dep_ == "relcl" or any(
        (c.dep_ == "aux" and c.lower_ in ("would", "could", "should", "might", "may"))
        or (c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who"))
        for c in tok.children
    )


def _voiced_by(s: Sentence, tok: Token) -> list[str]:
    """The verb's subject's state, or the state its subject speaks for ("a spokesman for China's
    Foreign Ministry")."""
    return (
        _subject(s, tok)[0]
        or [
            m.form.target
            for c in children(tok, "nsubj")
            for t in c.subtree
            if (m := s.mention(t)) is not None
        ][:1]
    )


def _responsible(s: Sentence, tok: Token) -> tuple[str, list[str], list[str]] | None:
    """A state holding another responsible: the speaker of the clause that does ("the North Atlantic
    Council said Russia bears full responsibility"), or the subject of "laid responsibility for the
    incident on the Philippines" and "holds the Taliban administration directly responsible"."""
    lemma = tok.lemma_.lower()
    if lemma in _LAYING and any(
        c.lemma_.lower() in ("responsibility", "blame") for c in children(tok, "dobj")
    ):
        charged = [a for p in pobj(tok, ("on", "upon")) for a in s.actors(p)]
        # "laid responsibility for the incident on the Philippines": "on" may hang on the incident
        charged += [
            a
            for c in children(tok, "dobj")
            for t in c.subtree
            if t.dep_ == "pobj" and t.head.lower_ in ("on", "upon")
            for a in s.actors(t)
        ]
        speakers = _voiced_by(s, tok)
    elif (
        lemma in _HOLDING
        and not _wished(tok)
        and (
            kept := [
                c
                for c in tok.children
                if c.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and c.lower_ in _ANSWERABLE
            ]
        )
    ):
        if _for_care(tok):
            return None
        charged = [
            a for c in kept for n in (*children(c, "nsubj"), *children(tok, "dobj")) for a in s.actors(n)
        ]
        speakers = _voiced_by(s, tok)
    else:
        said = tok.head
        # "told the Council that emerging information indicates that ...": up to the one who says it
        while said.dep_ == "ccomp" and (
            said.lemma_.lower() not in SPEECH or not any(s.actors(c) for c in children(said, "nsubj"))
        ):
            said = said.head
        if tok.dep_ != "ccomp" or said.lemma_.lower() not in SPEECH or said.pos_ != "VERB":
            return None
        held = _answerable(s, tok)
        if not held:
            return None
        charged = held
        speakers = [a for c in children(said, "nsubj") for a in s.actors(c)] or _subject(s, said)[0]
    charged = [a for a in dict.fromkeys(charged) if a not in speakers]
    return ("accuse", speakers[:1], charged) if speakers and charged else None


_PAYING = frozenset({"pay", "bear", "face", "suffer"})
_PRICES = frozenset({"price", "consequence"})


_WILL = frozenset({"will", "would", "shall", "'ll", "could", "may", "might"})
# "any efforts by Beijing ... could lead to devastating consequences", "would have serious consequences"
_BRINGING = frozenset({"have", "lead", "bring", "carry", "entail", "trigger", "invite"})


def _priced(tok: Token) -> bool:
    """The verb's object, or what it leads to, is a price or consequences."""
    return any(c.lemma_.lower() in _PRICES for c in (*children(tok, "dobj"), *pobj(tok, ("to",))))


def _dearly(s: Sentence, tok: Token, said: Token) -> tuple[str, list[str], list[str]] | None:
    """A warning that an act will have consequences ("warned that any efforts by Beijing to assert
    control over Taiwan could lead to devastating consequences"): the speaker's state threatens
    whoever the act is named as done by, never its target ("any aggressive action against the
    country")."""
    subjects = children(tok, "nsubj")
    if not any(d.dep_ == "det" and d.lower_ in ("any", "every") for n in subjects for d in n.children):
        return None  # "warned that recent Iranian attacks would have catastrophic consequences": a judgement
    speakers = _subject(s, said)[0]
    aimed = {  # the words of "against the country": the act's target, not its doer
        u.i
        for c in subjects
        for t in c.subtree
        if t.dep_ == "prep" and t.lower_ in ("against", "on")
        for u in t.subtree
    }
    doers = [
        m.form.target
        for c in subjects
        for t in c.subtree
        if t.i not in aimed and (m := s.mention(t)) is not None
    ]
    victims = [a for a in dict.fromkeys(doers) if a not in speakers]
    return ("threaten", speakers[:1], victims[:1]) if speakers and victims else None


def _warned(s: Sentence, tok: Token) -> tuple[str, list[str], list[str]] | None:
    """A warning that a state will pay for what it did ("said that the US and Israel will pay a
    heavy price", "warned Iran it would pay a heavy price", "'... otherwise it will bear all the
    consequences,' the spokesman said"): the speaker's state threatens the one who will pay."""
    said = tok.head
    if said.lemma_.lower() not in SPEECH or said.pos_ != "VERB":
        return None
    if not any(c.dep_ == "aux" and c.lower_ in _WILL for c in tok.children):
        return None  # "Ukraine has paid a heavy price": what happened, not a threat
    if tok.lemma_.lower() in _BRINGING and _priced(tok):
        return _dearly(s, tok, said)
    if tok.lemma_.lower() not in _PAYING or not any(
        c.lemma_.lower() in _PRICES for c in children(tok, "dobj")
    ):
        return None
    # "a spokesperson for Iran's armed forces said": the state the speaker speaks for
    speakers = [
        m.form.target for c in children(said, "nsubj") for t in c.subtree if (m := s.mention(t)) is not None
    ] or _subject(s, said)[0]
    payers = children(tok, "nsubj")
    if payers and payers[0].pos_ == "PRON":  # "warned Iran it would pay": the one warned
        payers = children(said, "dobj")
    victims = [a for c in payers for a in s.actors(c) if a not in speakers]
    return ("threaten", speakers[:1], victims) if speakers and victims else None


def situation(s: Sentence, tok: Token, airspace: bool) -> tuple[str, list[str], list[str]] | None:
    """(relation, subjects, objects) of a situation the token states, or None."""
    # "Poland said Russian drones violated its airspace": the violation, on Poland's word, before the
    # charge (but "said the Philippine ships illegally entered waters" is the charge)
    found = _airspace(s, tok) if airspace and tok.lemma_.lower() in ("violate", "breach") else None
    if found is not None:
        return "coerce", *found
    if tok.dep_ == "ccomp" and (charge := _charged(s, tok) or _warned(s, tok)) is not None:
        return charge
    if (
        (
            tok.dep_ == "ccomp" or tok.lemma_.lower() in _LAYING | _HOLDING
        )  # (cheap tests first: "be" is everywhere)
        and tok.lemma_.lower() in _ANSWERING
        and (charge := _responsible(s, tok)) is not None
    ):
        return charge
    if tok.lemma_.lower() not in _ANY:  # asked of every token: most words start none of them
        return None
    found = _airspace(s, tok) if airspace else None
    if found is not None:
        return "coerce", *found
    found = _presence(s, tok)
    if found is not None:
        return "send_troops", *found
    entered = _entry(s, tok)
    if entered is not None:
        return entered
    found = _invoked(s, tok)
    if found is not None:
        return "request_aid", *found
    found = _passing(s, tok)
    if found is not None:
        return "mobilize", *found
    fight = _fights_with(s, tok)
    if fight is not None:
        return "attack", *fight
    signers = _pact_signed(s, tok)
    if signers is not None:
        return "agree_sign", signers, []
    return _exercise(s, tok)
