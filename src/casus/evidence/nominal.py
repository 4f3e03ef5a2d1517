"""Event nouns in a dependency parse: which relation a noun names ("strikes on Iran", "the deployment
of troops to Russia", "a protest with the US", "NATO Article 4 consultations"), read from its
modifiers and the words around it. `casus.evidence.triggers` asks this module for nouns and codes
verbs itself.
"""

from __future__ import annotations

import re
from typing import Any

from casus.evidence.by_object import ENVOYS, is_troops
from casus.evidence.gazetteer import default_gazetteer
from casus.evidence.lexicon import (
    ARMS,
    ASSISTANCE,
    DRAWN,
    HARASSING,
    NOUN_TRIGGERS,
    STRUCK_OF,
    TECH,
    TROOPS,
    VERB_TRIGGERS,
    VESSELS,
    VIEWS,
)
from casus.evidence.tokens import children, note_of, object_words, pobj

__all__ = [
    "AGREEMENTS",
    "CARRYING",
    "CHARGES",
    "COVERT",
    "FEELINGS",
    "GROUND",
    "MILITARY_FIELDS",
    "NOT_LAUNCHED_AT",
    "NOT_PACTS",
    "asked_for",
    "between_of",
    "launched",
    "named_as",
    "noun_relation",
    "purpose_of_sending",
]

Token = Any  # spacy.tokens.Token

_ATTENDING = frozenset({"attend", "witness", "watch", "observe", "present", "join", "grace", "host"})
_STRENGTHEN = frozenset({"strengthen", "strengthening", "deepen", "deepening", "enhance", "bolster", "reinforce", "boost", "expand"})  # fmt: skip
_LODGE = frozenset(
    {"lodge", "file", "issue", "deliver", "send", "make", "register", "submit", "raise", "hand", "present"}
)
_OCCASIONS = frozenset(
    {"during", "after", "before", "following", "on", "amid", "ahead", "since", "of", "for", "at"}
)
NOT_YET = frozenset(
    {"upcoming", "planned", "expected", "possible", "future", "next", "forthcoming", "proposed"}
)

_SUFFERING = frozenset({"suffer", "face", "endure", "sustain", "experience", "repel", "repulse", "withstand",
                        "evade", "dodge", "survive"})  # fmt: skip
_LIFTING = frozenset({"lift", "ease", "remove", "drop", "suspend", "waive", "relax", "end", "scrap",
                      # sanctions in force, named as broken or kept: "would violate rafts of UN sanctions"
                      "violate", "breach", "evade", "circumvent", "comply", "flout", "defy"})  # fmt: skip
# What is done to ties that are in doubt or cut, not in use
_REVIEWING = frozenset({"review", "reconsider", "reassess", "reevaluate", "rethink", "question", "suspend",
                        "cancel", "scrap", "terminate", "renounce", "abrogate", "annul", "rescind", "end",
                        "halt", "freeze", "sever", "cut"})  # fmt: skip
CHARGES = frozenset({"accusation", "allegation", "charge", "claim"})
NOT_PACTS = frozenset(
    {"decree", "law", "bill", "order", "executive", "budget", "resolution", "petition", "letter"}
)
MILITARY_FIELDS = frozenset({"military", "defense", "defence", "security", "deterrence", "militarily"})
NOT_LAUNCHED_AT = frozenset(
    {"production", "manufacture", "manufacturing", "programme", "program", "investigation", "probe",
     "inquiry", "initiative", "bid", "appeal", "review", "website", "platform"}
)  # fmt: skip
GROUND = frozenset(
    {"territory", "village", "town", "city", "region", "land", "area", "island", "settlement", "post",
     "outpost", "position", "base", "airbase", "oilfield", "field", "hill", "peak", "peninsula", "province",
     "district"}
)  # fmt: skip
COVERT = frozenset({"hybrid", "cyber", "cyberattack"})
FEELINGS = frozenset({"regret", "concern", "outrage", "dismay", "alarm", "displeasure"})
AGREEMENTS = frozenset({"deal", "pact", "agreement", "accord", "treaty", "bargain"})


_ASKING = frozenset({"request", "seek", "demand", "want", "call", "ask", "push", "press"})


# verbs by which support is given to someone named beside it
_GIVING = frozenset({"offer", "give", "pledge", "extend", "promise", "lend", "assure", "reassure"})


def talks_named(tok: Token) -> list[Token]:
    """The words of talks that name with whom: before them ("NATO Article 4 consultations") or
    after "under" ("consultations under NATO's Article 4")."""
    named = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    named += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "under" for p in c.children]
    return [t for c in named for t in c.subtree]


_FORUMS = re.compile(r"\b(?:United Nations|UN|U\.N\.|Security Council|International Court|ICJ|WTO)\b")


def _forum(p: Token) -> bool:
    """A body complaints are lodged with, to judge them (the UN, the ICJ)."""
    return _FORUMS.search(" ".join(t.text for t in p.subtree)) is not None


def asked_for(tok: Token) -> Token | None:
    """The verb by which talks are asked for ("Estonia has requested NATO Article 4 consultations",
    "calls for NATO consultations", "called for consultations under NATO's Article 4"), when the
    talks name with whom (a proper noun)."""
    if not any(t.pos_ == "PROPN" for t in talks_named(tok)):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else tok.head
    direct = tok.dep_ == "dobj" or (tok.dep_ == "pobj" and tok.head.lower_ == "for")
    return verb if direct and verb.pos_ == "VERB" and verb.lemma_.lower() in _ASKING else None


def _person(t: Token) -> bool:
    """The phrase names a person by an office ("the US president", "Colombia's leader")."""
    return t.lemma_.lower() in ("president", "leader", "minister", "premier", "chancellor", "king")


_SIGNINGS = frozenset({"signing", "conclusion", "ratification", "signature"})
_SIGNED = frozenset({"agreement", "treaty", "pact", "deal", "accord", "memorandum", "protocol", "convention"})


def signed_pact(tok: Token) -> Token | None:
    """The pact a signing noun is of ("the signing of the border treaty between ..."), or None."""
    if tok.lemma_.lower() not in _SIGNINGS:
        return None
    return next((p for p in pobj(tok, ("of",)) if p.lemma_.lower() in _SIGNED), None)


def between_of(tok: Token) -> list[Token]:
    """The objects of "between" on a noun, or on the verb it is the subject of ("hostilities
    erupted between India and Pakistan"), or on the pact a signing is of."""
    found = pobj(tok, ("between",))
    if not found and (pact := signed_pact(tok)) is not None:
        found = pobj(pact, ("between",))
    if not found and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ == "VERB":
        found = pobj(tok.head, ("between",))
    if not found and tok.pos_ == "NOUN":  # "a virtual discussion involving Marcos, Biden and Ishiba"
        found = [d for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() == "involve"
                 for d in children(c, "dobj", "pobj")]  # fmt: skip
    found += [j for d in found for j in d.conjuncts if j not in found]  # "between Iran, China, and Russia"
    return found


_FEARED = frozenset(
    {
        "threat",
        "risk",
        "fear",
        "danger",
        "prospect",
        "possibility",
        "probability",
        "likelihood",
        "spectre",
        "specter",
        "brink",
    }
)


def _war_on(tok: Token) -> bool:
    """A war a named side wages on a state ("Russia's war in Ukraine", "its war against Ukraine",
    "Moscow wages war on Ukraine"), not a war named alone ("the war in Ukraine")."""
    if tok.lemma_.lower() != "war" or tok.pos_ != "NOUN":
        return False
    on = [p for p in pobj(tok, ("in", "on", "against")) if p.pos_ == "PROPN" and "name" in named_as(p)]
    if not on:  # "Israel's war on Gaza": a territory, no state named
        return False
    if any(c.lower_ in COVERT for c in tok.children):
        return False  # "its hybrid war on Georgia": no armed attack
    waged = tok.dep_ == "dobj" and tok.head.lower_.startswith("wag")  # "wages" may be lemmatised "wag"
    if waged:
        return True
    return any(
        (c.dep_ == "poss" and c.pos_ in ("PROPN", "PRON"))
        or (c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN") and c.text[:1].isupper())
        for c in tok.children
    )


def named_as(p: Token) -> set[str]:
    """What the gazetteer takes a proper noun for, with the words compounded before it ("Ukraine":
    a name; "the CSTO": an organisation; "Khamenei": a leader)."""
    words = " ".join(t.text for t in (*(c for c in p.children if c.dep_ == "compound" and c.i < p.i), p))
    return {f.kind for f in default_gazetteer().by_text.get(words, ())}


def purpose_of_sending(tok: Token) -> bool:
    """A clause saying what troops or arms are sent for ("sent troops to support Russia's war",
    "a troop deployment to support Moscow's war")."""
    if tok.dep_ not in ("advcl", "xcomp", "relcl", "acl"):
        return False
    head = tok.head
    return VERB_TRIGGERS.get(head.lemma_.lower()) in ("~send", "~supply") or (
        NOUN_TRIGGERS.get(head.lemma_.lower()) == "~send" or is_troops(head)
    )


# Verbs of a relative clause that tells who carried out an event ("an offensive it carried out on Iran")
CARRYING = frozenset(
    {"carry", "conduct", "launch", "orchestrate", "stage", "mount", "wage", "unleash", "execute"}
)


def launched(tok: Token) -> list[Token]:
    """The words a nominal event's target may hang from besides itself: its participles ("strikes
    launched by the US against Yemen") and its doers ("an airstrike by Russian forces on Kyiv", where
    the parse hangs "on Kyiv" from "forces")."""
    # ("a large-scale offensive it carried out on Iran": the clause that tells who carried it out)
    carried = [c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in CARRYING]
    return [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"] + carried + pobj(tok, ("by",))


# Verbs whose object talks are not held: refused, or only sought again
_REFUSED_TALKS = frozenset({"shun", "reject", "rebuff", "refuse", "spurn", "boycott", "snub", "reopen", "resume", "revive", "restart",
                            # "will cut off all contact with Czech President Petr Pavel": talks stopped
                            "cut", "sever", "suspend", "halt", "freeze", "cancel"})  # fmt: skip


# what a ban keeps out: people entering, goods traded
_BARRED = frozenset({"entry", "travel", "visa", "import", "export", "trade", "flight", "overflight"})


# what "A accused B of ..." charges ("of deadly border strikes", "blamed Pakistan for the attacks")
_CHARGING = frozenset({"accuse", "blame", "charge", "condemn", "denounce", "criticize", "criticise", "fault"})


def _charged(tok: Token) -> bool:
    """The noun is what a state is accused or blamed of ("accused Pakistan of deadly strikes")."""
    if (
        tok.dep_ != "pobj"
        or tok.head.lower_ not in ("of", "for")
        or any(c.tag_ == "VBG" and c.i < tok.i for c in tok.children)
    ):
        return False  # (not "accused Pakistan of supporting attacks": a charge of support)
    if tok.lemma_.lower() == "attack":
        return False  # "blamed Russian hackers for the attack", "a 'brutal' attack on a fishing vessel": not arms
    head = tok.head.head
    head = head.head if head.dep_ == "dobj" else head
    return head.lemma_.lower() in _CHARGING


def attackers_of(tok: Token) -> list[Token]:
    """The weapons or forces an attack noun is "of" ("the attack of Russian drones on Odesa"); none
    for a noun whose "of" names what was struck ("the downing of a drone", "the shelling of Kharkiv")."""
    lemma = tok.lemma_.lower()
    if NOUN_TRIGGERS.get(lemma) != "~attack" or lemma in STRUCK_OF:
        return []
    return [p for p in pobj(tok, ("of",)) if p.lemma_.lower() in ARMS | TROOPS | VESSELS]


_PLANNING = frozenset(
    {"plan", "prepare", "expect", "announce", "propose", "coordinate", "arrange", "organize", "organise",
     "schedule", "await"}
)  # fmt: skip


# Verbs whose object (or passive subject) talks are put off: not held
_PUT_OFF = frozenset({"postpone", "delay", "defer", "cancel", "scrap", "shelve", "scrub", "suspend"})


def _called_off(tok: Token) -> bool:
    """The talks are postponed, cancelled or called off ("China postponed a summit with Japan",
    "the planned summit ... was cancelled", "called off talks")."""
    head = tok.head
    if tok.dep_ not in ("dobj", "nsubjpass"):
        return False
    return head.lemma_.lower() in _PUT_OFF or (
        head.lemma_.lower() == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in head.children)
    )


def noun_relation(tok: Token, lemma: str) -> str | None:
    """The relation a noun triggers ("strikes on", "deployment of troops"), its modifiers read."""
    rel = NOUN_TRIGGERS.get(lemma)
    if rel is None:  # most nouns: only military aid can name a relation without being listed
        return _military_aid(tok, lemma, None)
    if rel == "~attack" and lemma in ("incursion", "intrusion"):
        # "Russian drone incursions into Poland": aircraft crossing in, a coercion (not "Ukraine's
        # incursion into the Kursk region", an attack)
        flown = {
            t.lemma_.lower()
            for c in [
                *(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")),
                *pobj(tok, ("of",)),
            ]
            for t in c.subtree
        }  # "Russian drone incursions", "the intrusion of Russian drones into Poland"
        sailed = {t.lemma_.lower() for p in pobj(tok, ("by", "into")) for t in p.subtree}
        if (
            flown & {"drone", "aircraft", "jet", "balloon", "plane", "helicopter", "airspace"}
            or (flown | sailed)
            & (VESSELS | {"water", "waters"})  # "by a Chinese Coast Guard ship into its waters"
            or lemma == "intrusion"
        ):
            return "coerce"  # (an intrusion, of ships or aircraft, is never a land offensive)
    if rel == "~cannon":
        return "coerce" if tok.head.lemma_.lower() not in VERB_TRIGGERS else None
    if (
        rel == "~coerce"
        and lemma == "blockade"
        and any(a.lemma_.lower() in _LIFTING for a in list(tok.ancestors)[:3])
    ):
        return None  # "was lifting a blockade on Nigerien oil"
    if rel == "~coerce":
        # "concerted and dangerous maneuvers": the modifiers and their conjuncts
        mods = {t.lower_ for c in tok.children for t in (c, *c.conjuncts)}
        if lemma in ("maneuver", "manoeuvre", "collision"):
            return "coerce" if mods & (HARASSING | {"reverse"}) else None
        if lemma in ("action", "behavior", "behaviour"):
            # "China's dangerous actions against Philippine vessels": harassment aimed at someone
            aimed = pobj(tok, ("against", "toward", "towards"))
            return "coerce" if mods & HARASSING and aimed else None
        return "coerce"
    if rel == "~exchange":  # "an exchange of fire between Israeli and Egyptian soldiers"
        traded = {p.lemma_.lower() for p in pobj(tok, ("of",))}
        if traded & VIEWS - {"note", "letter"}:  # "an exchange of views" (of notes: a treaty's formality)
            return "consult"
        return "attack" if traded & {"fire", "gunfire", "shot", "shelling", "artillery", "strike"} else None
    if rel == "~sever":  # "the severance of its bilateral relations with the Ukrainian government"
        cut = {t.lemma_.lower() for p in pobj(tok, ("of",)) for t in (p, *p.conjuncts)}
        return "sanction" if cut & {"tie", "relation", "contact", "link"} else None
    if rel == "sanction" and any(a.lemma_.lower() in _LIFTING for a in list(tok.ancestors)[:3]):
        return None  # "has lifted most of its sanctions on Syria"
    if rel == "~sign":  # not "attended the signing", "was present at the signing": a witness
        watched = tok.head.head if tok.head.dep_ == "prep" else tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in ("before", "after", "since", "during", "following"):
            return None  # "Anwar said, before the signing of the peace accord": a time, not the act
        return None if watched.lemma_.lower() in _ATTENDING else "agree_sign"
    if rel == "~sale":  # "US arms sales to Taiwan", "transfers of missile technology to North Korea"
        goods = {
            t.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("compound", "amod", "nmod")
            for t in c.subtree
        }
        goods |= {t.lemma_.lower() for p in pobj(tok, ("of",)) for t in p.subtree}
        if goods & TECH:
            return "transfer_technology"
        return "transfer_arms" if goods & (ARMS | {"arm"}) else None
    if rel == "~presence":  # "North Korean military presence in Russia"
        return "send_troops" if any(is_troops(t) or t.lower_ == "military" for t in tok.children) else None
    if rel == "~cooperate" and lemma == "alliance":
        # "agreed on the strengthening of the bilateral alliance": not any mention of an alliance
        head = tok.head.head if tok.head.lower_ == "of" else tok.head
        return "cooperate_militarily" if head.lemma_.lower() in _STRENGTHEN else None
    if rel == "~cooperate" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _REVIEWING:
        return None  # "Canberra followed Washington in reviewing all military ties with Jakarta"
    if rel == "~cooperate":  # "military cooperation with Saudi Arabia", "cooperation on extended deterrence"
        mods = {t.lemma_.lower() for t in tok.children} | {
            t.lemma_.lower()
            for p in children(tok, "prep")
            if p.lower_ in ("on", "in", "including")
            for t in p.subtree
        }
        # "to produce drones in collaboration with Russia": what is made together is arms
        made = tok.head.head if tok.head.lower_ == "in" and tok.dep_ == "pobj" else None
        armed = made is not None and made.pos_ == "VERB" and bool(object_words(made) & ARMS)
        return "cooperate_militarily" if mods & MILITARY_FIELDS or armed else None
    if rel == "~commit":
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in (
            "violate",
            "breach",
            "ignore",
            "disregard",
            "flout",
        ):
            return None  # "Russia is directly violating its obligations": a charge, not a pledge
        # (not the "Security Council" the obligations were undertaken in)
        mods = {
            t.lemma_.lower()
            for t in tok.subtree
            if not (t.head.lemma_.lower() == "council" and t.i < t.head.i)
        }
        return "assist_militarily" if mods & {"defense", "defence", "security", "ironclad", "alliance", "treaty", "mutual", "defend", "help", "protect"} else None  # fmt: skip
    if rel == "~attack" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("threaten", "warn"):
        return None  # "threatened ground strikes on drug cartels": the threat is the verb's
    if rel == "~attack":  # "strikes on Iran"; "suffered missile strikes from the Indian Air Force"
        suffered = tok.dep_ == "dobj" and tok.head.lemma_.lower() in _SUFFERING
        if {c.lemma_.lower() for c in tok.children} & (COVERT | {"cannon"}):
            return "coerce"  # "a hybrid attack", "a water cannon attack": force short of an armed attack
        struck_of = lemma in STRUCK_OF and pobj(tok, ("of",))
        # "an Israeli airstrike in Doha", "Israel's attack in Doha": one named as its doer, another as its place
        placed = any(p.pos_ == "PROPN" for p in pobj(tok, ("in", "inside"))) and (
            any(c.dep_ in ("poss", "amod", "compound") and c.text[:1].isupper() for c in tok.children)
            or tok.dep_ == "xcomp"  # "ordered the military to resume bombing targets in Tehran"
        )
        aimed = [t for t in (tok, *launched(tok)) for _ in pobj(t, ("on", "against", "into"))]
        aimed += [p for p in pobj(tok, ("across",)) if p.pos_ == "PROPN"]  # "Iranian strikes across the UAE"
        # "the attack of Russian drones on Odesa": the aim hangs from the attackers
        aimed += [q for p in attackers_of(tok) for q in pobj(p, ("on", "against"))]
        return "attack" if aimed or suffered or struck_of or placed or _charged(tok) else None
    if rel == "~between" and any(_person(t) for t in between_of(tok)):
        return (
            None  # "a growing clash between the Republican US president and Colombia's leftist leader": words
        )
    if (
        rel == "~between"
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lemma_.lower() in _FEARED
    ):
        return None  # "the threat of open war between Iran and Israel": feared, not fought
    if rel == "~between":  # "clashes between India and Pakistan"; a war named alone is no event
        went = lemma == "war" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() == "go"
        return (
            "attack" if between_of(tok) or went or _war_on(tok) else None
        )  # "the two republics went to war"
    if rel == "~send":
        if tok.dep_ == "dobj" and VERB_TRIGGERS.get(tok.head.lemma_.lower()) == "~send":
            return None  # "decided to send a troop deployment": the verb names it
        return "send_troops" if any(is_troops(t) for t in tok.subtree) else None
    if rel == "~supplier":  # "Russia's leading outside weapons supplier"
        mods = {t.lemma_.lower() for t in tok.children}
        return "transfer_arms" if mods & ARMS else "transfer_technology" if mods & TECH else None
    if rel == "~test":  # "North Korea's missile launch", "a weapons test"
        return "mobilize" if {c.lemma_.lower() for c in tok.children} & ARMS else None
    if rel == "~against":  # "China's rhetoric against Taiwan", "protests over the drills"
        if pobj(tok, ("against", "toward", "towards")):
            return "oppose"
        if lemma in ("criticism", "critic", "condemnation") and pobj(tok, ("of",)):
            return "oppose"  # "made sharp criticisms of China and Russia"
        if (
            lemma in ("criticism", "condemnation", "complaint", "protest")
            and tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in DRAWN
        ):
            return "oppose"  # "the retaliation drew condemnation from Saudi Arabia"
        # "lodged a formal protest with the US", "issued a protest to Japan's vice-minister"
        # ("solemn representations", China's word for one)
        # "issued a protest note to Syria", "handed a note of protest to Russia": the note carries it
        carrier = note_of(tok) or tok
        verb = carrier.head.head if carrier.dep_ == "conj" and carrier.head.dep_ == "dobj" else carrier.head
        lodged = carrier.dep_ in ("dobj", "conj") and verb.lemma_.lower() in _LODGE
        to = [p for t in (carrier, *carrier.conjuncts) for p in pobj(t, ("to", "with"))]
        # "issued a complaint to Russia", "lodged its strongest protest yet against Beijing"
        to += pobj(verb, ("to", "with", "against")) if lodged else []
        # "lodged its protest over Modi's visit": over what a state did
        to += [p for p in pobj(tok, ("over", "about")) if any(t.pos_ == "PROPN" for t in p.subtree)]
        # "filed a complaint with the United Nations": the forum it is lodged with, not its target
        to = [p for p in to if not (p.head.lower_ in ("with", "to") and _forum(p))]
        return "oppose" if lemma in ("protest", "representation", "complaint") and lodged and to else None
    if rel == "~charge":  # "India has leveled serious accusations against Pakistan"
        return "accuse" if pobj(tok, ("against",)) else None
    if rel == "~warning":  # "issued a warning to Poland and the Baltic states"; not "warning shots"
        # "sent a stern warning to Vladimir Putin": the parse may hang the addressee on the verb
        sent = (
            tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in ("send", "issue", "deliver", "give")
            and pobj(tok.head, ("to",))
        )
        return "threaten" if pobj(tok, ("to", "against")) or sent else None
    if rel == "~backing":  # "France's unconditional support for Israel"; "provided support" is the verb's
        # "gave Ukraine its full support", "assured Russia of his full support": given to the one the
        # verb names
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok.head
        given = verb.lemma_.lower() in _GIVING and any(
            c.dep_ in ("dative", "iobj", "dobj") and c.pos_ == "PROPN" for c in verb.children
        )
        if not given and (
            (tok.dep_ == "dobj" and tok.head.lemma_.lower() in VERB_TRIGGERS) or not pobj(tok, ("for",))
        ):
            return None
        military = {c.lemma_.lower() for c in tok.children} & {"military", "defense", "defence", "armed"}
        # "North Korea's continued support for Russia's war efforts": help in the war, not words
        warring = any(
            t.lemma_.lower() in ("war", "invasion", "offensive")
            for p in pobj(tok, ("for",))
            for t in (p, *p.children)
        )
        return "assist_militarily" if military or warring else "support_politically"
    if rel == "~closure":  # "the closure of its border with Belarus": a sanction, as "closed its border"
        shut = {p.lemma_.lower() for p in pobj(tok, ("of",))}
        # "the closure of its side of the border with Benin"
        shut |= {
            q.lemma_.lower()
            for p in pobj(tok, ("of",))
            if p.lemma_.lower() == "side"
            for q in pobj(p, ("of",))
        }
        return (
            "sanction"
            if shut & {"border", "crossing", "checkpoint", "consulate", "embassy", "airspace"}
            else None
        )
    if rel == "~ban":  # "an entry ban on Japanese citizens", "a ban on imports of Russian oil"
        barred = {t.lemma_.lower() for t in tok.subtree}
        return "sanction" if barred & _BARRED else None
    if rel == "~expel":  # "Russia's expulsion of a British diplomat": relations reduced, as "expelled"
        expelled = {t.lemma_.lower() for p in pobj(tok, ("of",)) for t in (p, *p.conjuncts)}
        return "sanction" if expelled & ENVOYS else None
    if rel == "~visit":  # "Shoigu's visit to Pyongyang": talks there; not "a visit to the front"
        # nor a visit that is the occasion of what the sentence tells ("signed during Putin's visit
        # to Pyongyang") or that has not happened ("his upcoming visit")
        background = any(
            a.lower_ in _OCCASIONS and a.dep_ in ("prep", "mark") for a in list(tok.ancestors)[:3]
        )
        background = background or any(
            c.dep_ == "mark" and c.lower_ in _OCCASIONS for c in tok.head.children if tok.dep_ == "nsubj"
        )  # "after his visit to North Korea is over"
        planned = any(c.lower_ in NOT_YET for c in tok.children) or (
            tok.dep_ == "dobj" and tok.head.lemma_.lower() in _PLANNING
        )  # "it will coordinate Kim Jong-un's visit to Russia": one being arranged
        return "consult" if pobj(tok, ("to",)) and not background and not planned else None
    if rel == "~talks":  # "a meeting with North Korean leader Kim Jong Un"; not "the NATO meeting"
        met = pobj(tok, ("with",))
        # "making contact with one of the Chinese ships", "the vessel made contact with the BRP Datu
        # Sanday": a touch, not talks
        doers = [t for c in children(tok.head, "nsubj") for t in c.subtree] if tok.dep_ == "dobj" else []
        touched = {t.lemma_.lower() for p in met for t in p.subtree} | {t.lemma_.lower() for t in doers}
        if lemma == "contact" and touched & (VESSELS | ARMS):
            return None
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _REFUSED_TALKS:
            return None  # "Pyongyang has shunned talks with Seoul", "pushed hard to reopen talks": none held
        if _called_off(tok) or any(c.lower_ in NOT_YET for c in tok.children):
            return None  # "postponed a summit with Japan", "a planned summit ... was cancelled": none held
        # "Pakistan and Saudi Arabia are in talks to ..."
        held = tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lemma_.lower() == "be"
        sought = lemma in ("consultation", "talk", "talks") and asked_for(tok) is not None
        return (
            "consult" if met or between_of(tok) or sought or (held and lemma in ("talk", "talks")) else None
        )
    if rel == "~request":  # "a formal request for help from its EU partners"
        asked = pobj(tok, ("for",)) or (pobj(tok.head, ("for",)) if tok.dep_ == "dobj" else [])
        wanted = {t.lemma_.lower() for p in asked for t in p.subtree}
        return "request_aid" if wanted & (ASSISTANCE | TROOPS | ARMS) else None
    return _military_aid(tok, lemma, rel)


_AID = frozenset({"assistance", "aid"})


def _military_aid(tok: Token, lemma: str, otherwise: str | None) -> str | None:
    """ "military assistance", "military aid" named as an event (none where a verb that names it
    governs it: "provided military aid" is the verb's); any other noun: `otherwise`."""
    if lemma in _AID and any(c.lower_ == "military" for c in tok.children):
        return "assist_militarily" if tok.head.lemma_.lower() not in VERB_TRIGGERS else None
    return otherwise
