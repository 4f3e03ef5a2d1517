"""Verbs whose relation what they act on decides: "sent 10,000 soldiers" sends troops, "sent
missiles" transfers arms; "urged Russia to stop" opposes it, "would call Yoon" is a call; help
is military when its task or its name is."""

from __future__ import annotations

from typing import Any

from casus.evidence.lexicon import (
    ARMS,
    ASSISTANCE,
    EXERCISES,
    TECH,
    TROOPS,
    VERB_TRIGGERS,
    VESSELS,
    WAR_VESSELS,
)
from casus.evidence.tokens import children, object_words, pobj

__all__ = [
    "BLOCS", "ENEMIES", "ENVOYS", "GOALS", "WRONGS", "arms_alongside", "considered_as", "defends_a_state",
    "exercise", "is_troops", "judged", "military_help", "sent", "supplied", "urged", "when",
]  # fmt: skip

Token = Any  # spacy.tokens.Token

ENVOYS = frozenset({"ambassador", "envoy", "chargé", "charge", "diplomat", "official", "representative", "attaché", "attache", "embassy", "agent", "spouse", "consul", "commissioner", "officer"})  # fmt: skip
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def ordered_out(tok: Token) -> list[Token]:
    """Whom an order to leave sends away: the words between "ordered" and "to leave" ("ordered
    12 French embassy officials to leave the country"), whatever the parse hangs them on."""
    leave = next(
        (
            t
            for t in tok.subtree
            if t.i > tok.i and t.lemma_.lower() in ("leave", "depart") and t.tag_ == "VB"
        ),
        None,
    )
    return list(tok.doc[tok.i + 1 : leave.i]) if leave is not None else []


def when(prep: Token) -> bool:
    """A prepositional phrase of time ("on Monday")."""
    return any(t.lower_ in _DAYS or t.like_num for c in prep.children for t in c.subtree)


_INTERCEPTING = frozenset({"intercept", "shoot", "down", "repel"})
# what warplanes are sent out to do, and the warplanes (not arms handed over)
_SORTIES = frozenset(
    {"bomb", "strike", "attack", "hit", "raid", "target", "pound", "strafe", "blast", "shell", "bombard"}
)
_WARPLANES = frozenset({"jet", "plane", "warplane", "bomber", "fighter", "aircraft", "drone", "helicopter"})
_MILITARY_TASKS = frozenset({"intercept", "shoot", "down", "repel", "defend", "protect", "fight", "destroy"})


def is_troops(tok: Token) -> bool:
    """Soldiers, units, forces, or "the military" as a noun ("the dispatch of the North Korean
    military"; not "military assistance")."""
    lemma = tok.lemma_.lower()
    return lemma in TROOPS or (lemma == "military" and tok.pos_ == "NOUN")


_CLAUSES = frozenset({"xcomp", "advcl", "ccomp", "relcl", "acl"})


_GUARDING = frozenset(
    {"help", "protect", "defend", "guard", "patrol", "police", "reinforce", "bolster", "secure"}
)


def _purpose(clause: Token, verb: Token) -> bool:
    """An infinitive clause on the verb itself: what the sending is for."""
    return clause.head.i == verb.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


# ships of war a state sends as a show of force, whatever aircraft they carry
_WARSHIPS = frozenset({"carrier", "warship", "destroyer", "frigate", "cruiser", "battleship"})


def sent(tok: Token, lemma: str, words: set[str]) -> str | None:
    """What "send", "deploy" and the like do, by what is sent."""
    # the words of the sending and of what it is for ("sending drones to drop leaflets over its
    # capital"), not of a clause on something else ("deployed jets to intercept an aircraft that
    # entered neutral airspace over the Baltic Sea", "were deployed after a Chinese aircraft
    # entered Japan's airspace")
    clauses = {
        t.i
        for c in tok.subtree
        if c.i != tok.i and c.dep_ in _CLAUSES and not _purpose(c, tok)
        for t in c.subtree
    }
    # "deployed to intercept the incursion of a Russian drone into national airspace": the airspace
    # of the task, guarded, not entered
    guarding = {
        t.i
        for c in tok.children
        if _purpose(c, tok) and c.lemma_.lower() in _MILITARY_TASKS | _GUARDING
        for t in c.subtree
    }
    if any(
        (t.lemma_.lower() == "airspace" or (t.lower_ == "space" and t.i > 0 and t.nbor(-1).lower_ == "air"))
        and t.i not in clauses | guarding
        for t in tok.subtree
    ):
        return "coerce"  # "sent drones into its airspace", "sent fighter jets into Syrian air space"
    if any(_purpose(c, tok) and c.lemma_.lower() in _INTERCEPTING for c in tok.children):
        return None  # "fighters were deployed to intercept the drone": the interception, no sending
    if words & _WARPLANES and any(_purpose(c, tok) and c.lemma_.lower() in _SORTIES for c in tok.children):
        return None  # "sent jets to bomb Doha": the bombing, no arms delivered
    # "South Korea sent drones over Pyongyang", "sending drones to drop leaflets over its capital",
    # "sent trash-filled balloons into the South": an incursion, not a delivery
    over = any(
        p.pos_ == "PROPN" or p.lemma_.lower() in ("capital", "city", "territory", "border")
        for t in tok.subtree if t.lower_ == "over" and t.dep_ == "prep" and t.i not in clauses
        for p in children(t, "pobj")
    )  # fmt: skip
    if over and words & {"drone", "aircraft", "jet", "plane", "balloon", "bomber"}:
        return "coerce"
    if "balloon" in words and pobj(tok, ("into", "over", "across")):
        return "coerce"
    if "letter" in words and lemma == "send":
        return "consult"  # "had sent a letter to Iran's Supreme Leader Ali Khamenei"
    # "fighter jets" are aircraft, not fighters
    if words & TROOPS - ({"fighter"} if words & {"jet", "aircraft", "plane"} else set()):
        return "send_troops"
    if words & TECH:
        return "transfer_technology"
    if words & _WARSHIPS:
        return "mobilize"  # "dispatched the aircraft carrier USS George Washington with 60 to 80 jets"
    if words & ARMS:
        # "plans to deploy two million mines along its borders", "deployed the Typhon missile
        # system to the Philippines": one's own arms placed, not given
        if lemma in ("deploy", "station"):
            return "mobilize" if pobj(tok, ("to", "along", "near", "on", "at", "in")) else None
        if any(_purpose(c, tok) and c.lemma_.lower() in _GUARDING | _MILITARY_TASKS for c in tok.children):
            # "will send three Rafale fighter jets to help protect Polish airspace": the help; "to
            # shoot them down": the strike
            return None
        return "transfer_arms"
    if words & VESSELS:
        return "mobilize"
    if tok.dep_ == "acl" and lemma != "station" and is_troops(tok.head):
        return "send_troops"  # "personnel being sent to Russia", "the military sent to Russia"
    if words & ASSISTANCE and {"military", "defense", "defence"} & words:
        return "assist_militarily"  # "sent military assistance to"
    if words & {"adviser", "advisor"} and words & {"military", "defense", "defence", "security"}:
        return "assist_militarily"  # "have also sent military advisors to Zaire": counsel, not troops
    return None


_PAPERS = frozenset({"list", "roster", "name", "detail", "information", "data", "document"})


def supplied(lemma: str, words: set[str]) -> str | None:
    """What "supply", "provide" and the like do, by what is supplied."""
    if words & TECH:
        return "transfer_technology"
    if words & ARMS or (words & WAR_VESSELS and lemma != "share"):
        return "transfer_arms"
    if lemma == "share":  # "sharing drone technologies with Pakistan"; not "sharing information"
        return None
    # (not "provided Cuba with a specific list of personnel to depart": a list, no one sent)
    if words & TROOPS and lemma in ("send", "provide", "ship", "transfer") and not words & _PAPERS:
        return "send_troops"
    if words & ASSISTANCE and ({"military", "defense", "defence"} & words):
        return "assist_militarily"
    return None


BACKING = frozenset({"support", "backing", "solidarity"})
# support of a kind that is not a side taken in words ("logistical support", "funding support")
_MATERIAL = frozenset({"military", "defense", "defence", "armed", "logistical", "logistic", "financial",
                       "economic", "humanitarian", "technical", "material", "intelligence", "air", "naval",
                       "fire", "budget", "budgetary", "energy", "funding", "training"})  # fmt: skip
_AVOWING = frozenset({"offer", "give", "provide", "render", "lend", "extend", "pledge", "declare", "throw"})
_HANDING = frozenset({"offer", "give", "provide", "render"})
_AVOWED = frozenset({"political", "diplomatic", "moral", "full", "unilateral", "unconditional", "unwavering",
                     "official", "firm", "solidarity", "unequivocal", "wholehearted", "steadfast"})  # fmt: skip
_FIGHTING = frozenset({"war", "invasion", "offensive", "strike", "attack", "operation", "campaign", "effort"})
_ENDING = frozenset({"stop", "cease", "end", "halt", "quit"})


def avowed(tok: Token, lemma: str, words: set[str]) -> str | None:
    """Support given in words ("lent official support to India", "offered Damascus diplomatic support",
    "declared full solidarity with Saudi Arabia"): a side taken; None for help of other kinds, for
    a war ("support for US strikes"), for a case ("extend their support to Niger if it faces an
    attack") or for support to stop."""
    if lemma == "throw":  # "has thrown its full support behind US action", "threw its weight behind Egypt"
        thrown = [d for d in children(tok, "dobj") if d.lemma_.lower() in BACKING | {"weight"}]
        behind = [p for t in (tok, *thrown) for p in pobj(t, ("behind",))]
        return "support_politically" if thrown and behind else None
    if lemma not in _AVOWING or not words & BACKING or words & (_MATERIAL | ARMS | TROOPS):
        return None
    backed = [p for t in (tok, *children(tok, "dobj")) for p in pobj(t, ("for", "to"))]
    if any(q.lemma_.lower() in _FIGHTING for p in backed for q in (p, *p.children)):
        return None
    case = [tok, tok.head] if tok.dep_ == "xcomp" else [tok]  # "pledged to extend ... if it faces"
    if (
        any(c.lower_ in ("if", "unless") for v in case for c in v.subtree)
        or tok.head.lemma_.lower() in _ENDING
    ):
        return None
    if lemma in _HANDING and not (
        words & _AVOWED or any(c.dep_ == "poss" for n in children(tok, "dobj") for c in n.children)
    ):
        return None  # "NATO providing support to Ukraine": help of any kind; "gave their support": a side
    return "support_politically"


def exercise(words: set[str]) -> str | None:
    """A drill or exercise: joint ones are cooperation, others a show of force; None otherwise."""
    if words & EXERCISES:
        return (
            "cooperate_militarily"
            if words & {"joint", "combined", "bilateral", "trilateral", "multilateral"}
            else "mobilize"
        )
    return None


_PRESSING = frozenset({"order", "force", "compel", "pressure", "press", "push", "make", "get"})


def _pressed_on(word: Token, urging: Token) -> bool:
    """A demand to stop that the urged are to press on a third ("calling on the US and France to
    ... pressure Israel to halt its attacks"): a verb between with a named object of its own."""
    if word.head.lemma_.lower() in _PRESSING and any(d.pos_ == "PROPN" for d in children(word, "nsubj")):
        return (
            True  # "calling on the UN court to order Israel to suspend ...", parsed with Israel its subject
        )
    t = word.head
    while t.i != urging.i and t.head.i != t.i:
        if t.pos_ == "VERB" and any(d.pos_ == "PROPN" for d in children(t, "dobj")):
            return True
        t = t.head
    return False


def urged(tok: Token, lemma: str) -> str | None:
    """ "urged the Philippines to stop", "calls on Russia to stop" and "called in the Russian
    ambassador" oppose; "would call South Korean President Yoon" is a telephone call, nothing said
    of its content."""
    stop = {
        "stop",
        "cease",
        "halt",
        "end",
        "withdraw",
        "refrain",
        "desist",
        "withdrawal",
        "cessation",
        "pullout",
        "suspend",  # "urged Turkey to suspend hydrocarbon exploration activities"
        "abandon",
        "rejection",  # "urges rejection of US military action in Caribbean"
    }
    # "urged the international community and the UN Security Council to take firm action to halt such
    # aggression": an appeal to third parties to stop someone else
    # ("calls on the UN to demand immediate withdrawal of DPRK troops": the parse hangs "on" on the verb)
    appeal = {t.lower_ for c in [*children(tok, "dobj"), *pobj(tok, ("on",))] for t in c.subtree} & {
        "community",
        "council",
        "un",
        "nations",
    }
    if not appeal and any(t.lemma_.lower() in stop and not _pressed_on(t, tok) for t in tok.subtree):
        return "oppose"
    called_in = [c for c in tok.children if c.lower_ == "in" and c.dep_ in ("prt", "prep")]
    if lemma == "call" and called_in:  # "called in the Russian ambassador": summoned him
        envoy = object_words(tok) | {t.lemma_.lower() for c in called_in for t in c.subtree}
        if envoy & ENVOYS:
            return "oppose"
    plain = not any(
        c.dep_ in ("xcomp", "oprd", "ccomp", "attr") or (c.dep_ == "prep" and not when(c))
        for c in tok.children
    )
    person = any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children)
    # "to call out China": to criticise it in public, not a telephone call
    out = any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    return "consult" if lemma == "call" and plain and person and not out else None


def military_help(tok: Token, lemma: str, words: set[str]) -> str | None:
    """Help that is military: "assist", help at a military task ("Nato jets helped Poland
    intercept the drones"), or help named military."""
    task = any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _MILITARY_TASKS for c in tok.children)
    military = lemma == "assist" or task or words & {"military", "defend", "war"}
    return "assist_militarily" if military else None


# What one state calls what another did
WRONGS = frozenset(
    {"violation", "breach", "crime", "provocation", "provocateur", "aggression", "invasion", "infringement"}
)
# What states form together
BLOCS = frozenset(
    {"alliance", "bloc", "confederation", "federation", "pact", "union", "coalition", "partnership"}
)
# What one state calls another when it sees it as a danger
ENEMIES = frozenset({"threat", "danger", "enemy", "adversary", "menace", "aggressor", "foe", "hostile"})
# What a state meets that is no meeting with anyone
GOALS = frozenset(
    {"deadline", "target", "goal", "requirement", "standard", "obligation", "commitment", "demand",
     "criterion", "criteria", "need", "expectation", "condition", "threshold", "benchmark", "schedule",
     "request"}
)  # fmt: skip


def judged(tok: Token) -> bool:
    """A verb of judgement: "considers", "describes", or "calls" with what it calls its object
    ("called the launch a violation"; not "called for talks")."""
    lemma = tok.lemma_.lower()
    return VERB_TRIGGERS.get(lemma) == "~consider" or (
        lemma == "call" and any(c.dep_ == "oprd" for c in tok.children)
    )


def considered_as(tok: Token) -> list[Token]:
    """What a verb of judgement calls its object: "considers Belarus a threat" (a small clause),
    "views Russia as a threat"."""
    out = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")]
    # "views the latest aggression by China as a blatant violation": "as" may hang on the object
    return out + [p for t in (tok, *children(tok, "dobj")) for p in pobj(t, ("as",))]


def arms_alongside(tok: Token) -> bool:
    """Troops sent with weapons named beside them ("sent thousands of troops and conventional
    weapons", "soldiers and container loads of weapons"): the sending is also a transfer of arms;
    not troops and tanks sent "into" a place, an incursion with their own arms."""
    if pobj(tok, ("into",)):
        return False
    return any(
        is_troops(t) and any(x.lemma_.lower() in ARMS for c in t.conjuncts for x in (c, *pobj(c, ("of",))))
        for d in children(tok, "dobj")
        for t in d.subtree
    )


# What one defends that is another state, even when called one's own ("its allies")
_OTHERS = frozenset({"ally", "partner", "friend", "neighbour", "neighbor", "member", "alliance"})
_DEFENDED = frozenset({"ally", "country", "nation", "partner", "member", "territory", "state", "sovereignty", "island", "people"})  # fmt: skip


def defends_a_state(obj: Token) -> bool:
    """What is defended may be a state: a name, an ally or country, or something a name modifies;
    not one's own ("to defend its sovereignty, interest and people": self-defence)."""
    own = any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our", "my") for c in obj.children)
    if own and obj.lemma_.lower() not in _OTHERS:
        return False
    return (
        obj.pos_ == "PROPN"
        or obj.lemma_.lower() in _DEFENDED
        or any(c.pos_ in ("PROPN", "ADJ") and c.dep_ in ("compound", "amod", "poss") for c in obj.children)
        or any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)
        or any(c.pos_ == "PROPN" for c in obj.conjuncts)
    )
