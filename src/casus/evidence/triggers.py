"""Trigger words in a dependency parse: which relation a verb or event noun names, the ones that
depend on their object resolved by it ("sent 10,000 soldiers" is `send_troops`, "sent missiles"
`transfer_arms`, "fired water cannon" `coerce`, "fired missiles at" `attack`).

The relations and words are `casus.evidence.lexicon`'s; `casus.evidence.syntax` codes the claim
around the trigger (subject, object, attribution, hedges).
"""

from __future__ import annotations

import re
from typing import Any

from casus.evidence.by_object import (
    BLOCS,
    ENEMIES,
    ENVOYS,
    GOALS,
    WRONGS,
    avowed,
    considered_as,
    defends_a_state,
    exercise,
    is_troops,
    judged,
    military_help,
    ordered_out,
    sent,
    supplied,
    urged,
)
from casus.evidence.lexicon import (
    ARMS,
    ASSISTANCE,
    EXERCISES,
    HARASSING,
    NON_STATE,
    NOUN_TRIGGERS,
    SAYINGS,
    SPEECH,
    TECH,
    TROOPS,
    VERB_TRIGGERS,
    VESSELS,
    VIEWS,
)
from casus.evidence.nominal import (
    AGREEMENTS,
    CHARGES,
    COVERT,
    FEELINGS,
    GROUND,
    MILITARY_FIELDS,
    NOT_LAUNCHED_AT,
    NOT_PACTS,
    named_as,
    noun_relation,
    purpose_of_sending,
)
from casus.evidence.places import place_state
from casus.evidence.tokens import CARGO, children, concerned_about, object_words, pobj, stood_with

__all__ = [
    "CARGO",
    "DESIGNATION",
    "children",
    "is_troops",
    "object_words",
    "pobj",
    "relation",
]

Token = Any  # spacy.tokens.Token


_MAY = frozenset({"may", "might", "could", "would", "will", "can", "shall"})
_PROJECTILES = frozenset({"missile", "rocket", "drone", "projectile", "torpedo", "icbm", "slbm"})


_STRIKES = frozenset({"strike", "airstrike", "attack", "assault", "raid", "bombing"})
_GUESTS = frozenset(
    {"leader", "president", "minister", "counterpart", "delegation", "king", "prince", "premier"}
)
_NOT_DONE = frozenset({"not", "never", "will", "would", "could", "may", "might", "to", "should", "'ll"})


DESIGNATION = re.compile(r"^[A-Z][A-Za-z]*-\d+")  # "F-16s", "Su-35", "MiG-31"


_CONDEMNING = frozenset({"condemn", "denounce", "criticize", "criticise", "censure", "protest", "deplore"})
_FILMED = frozenset(
    {"film", "footage", "video", "photo", "photograph", "picture", "image", "clip", "scene", "movie"}
)


def _body(p: Token) -> bool:
    """The word names a state or an organisation ("Russia", "the CSTO"), not a person."""
    return bool(named_as(p) & {"name", "org"}) or (
        p.lemma_.lower() in ("state", "council", "organization", "organisation", "alliance", "union")
    )


# what two sides agree to do that settles something between them
_SETTLING = frozenset(
    {"ease", "normalize", "normalise", "restore", "pull", "withdraw", "defuse", "de-escalate", "deescalate",
     "reopen", "halt", "cease", "settle", "resolve", "demarcate", "forgo", "launch", "build"}
)  # fmt: skip

# what states agree to do with a truce that makes it one they agreed ("agreed to order a ceasefire")
_DECLARING = frozenset(
    {"order", "declare", "observe", "implement", "establish", "announce", "extend", "restore"}
)


def _armed(tokens: list[Token]) -> bool:
    """The words name weapons or aircraft, by kind or by designation."""
    return any(
        t.lemma_.lower() in ARMS | _AIRCRAFT or DESIGNATION.match(t.text) or t.text == "AWACS" for t in tokens
    )


# How a proposal or a stance is received ("met with the approval of", "met with resistance")
_RECEPTIONS = frozenset({"approval", "disapproval", "resistance", "opposition", "criticism", "condemnation",
                         "skepticism", "scepticism", "success", "silence", "praise", "derision", "hostility",
                         "indifference", "acclaim", "objection", "protest", "outrage",
                         # "arms needed to meet Ethiopian aggression": a danger faced, no meeting
                         "aggression", "attack", "threat", "challenge", "invasion", "offensive", "assault",
                         "danger", "force", "fire"})  # fmt: skip


# What two states reach together ("reached a ceasefire", "reached an understanding")
_SETTLED = AGREEMENTS | {"ceasefire", "truce", "understanding", "arrangement", "consensus", "settlement"}


# Standing ties between states, which one can suspend or end to punish the other
_BONDS = frozenset({"cooperation", "tie", "relation", "exchange", "partnership", "collaboration"})


# What a state asks for or puts forward, which another can block only by saying no
_BIDS = frozenset({"bid", "participation", "membership", "accession", "application", "candidacy", "proposal",
                   "resolution", "motion", "nomination", "admission", "inclusion",
                   # "Russia's veto blocked the renewal of the panel's mandate", "blocked legislation"
                   "renewal", "mandate", "legislation", "bill", "draft", "statement", "extension",
                   # "have blocked the U.S. request for three successive weeks"
                   "request"})  # fmt: skip


def _by_radar(tok: Token) -> bool:
    """The verb's means is a radar or fire-control system ("targeted ... by the ship's fire-control
    system", "locked its radar on")."""
    words = {t.lower_ for t in tok.subtree}
    return "radar" in words or {"fire", "control"} <= words or "fire-control" in words


# what is killed that is no one: fish, livestock, a plan
_NO_LIVES = frozenset({"stock", "fish", "species", "wildlife", "livestock", "cattle", "crop", "deal", "plan",
                       "proposal", "bill", "talk", "hope", "idea", "chance", "agreement", "project", "initiative"})  # fmt: skip


# What is attacked in words, not with arms ("attacking Western deceit", "attacked the policy")
_CRITICISED = SAYINGS | frozenset({"deceit", "hypocrisy", "policy", "stance", "decision", "plan",
                                   "proposal", "approach", "record", "rhetoric", "comment", "speech"})  # fmt: skip


def _verb_relation(tok: Token, lemma: str) -> str | None:
    """The relation a verb triggers, the object-dependent ones resolved by their objects."""
    rel = VERB_TRIGGERS.get(lemma)
    if rel is None:
        return None
    words = object_words(tok)
    before = tok.doc[tok.i - 1].lemma_.lower() if tok.i > 0 else ""
    if rel == "~join":  # "Sweden formally joined NATO", "will not join the defence pact": a party to it
        # (not "seeking to join", "interest in joining", "considering joining": an aim)
        aim = (
            (tok.dep_ in ("xcomp", "acl") and tok.head.lemma_.lower() in _AIMS)
            or tok.dep_ == "pcomp"
            or any(c.dep_ == "aux" and c.lower_ in ("should", "could", "might", "may") for c in tok.children)
        )
        # (the alliance itself, not "one of eight Nato brigades")
        # "a destroyer has joined frigates from the Philippines and Canada for a joint sail": forces
        # joined in an exercise
        joint = {t.lemma_.lower() for p in pobj(tok, ("for", "in")) for t in p.subtree} & (
            EXERCISES | {"sail", "joint"}
        )
        if not aim and joint and {d.lemma_.lower() for d in children(tok, "dobj")} & (VESSELS | TROOPS):
            return "cooperate_militarily"
        joined = {d.text for d in children(tok, "dobj")}
        pacts = {d.lemma_.lower() for d in children(tok, "dobj")} & (AGREEMENTS | {"pact"})
        return "agree_sign" if not aim and (joined & _ALLIANCE_NAMES or pacts) else None
    if lemma in ("attack", "assail") and {d.lemma_.lower() for d in children(tok, "dobj")} & _CRITICISED:
        return None  # "Nasser, attacking Western 'deceit', said ...": words against a conduct, no arms
    if lemma in ("target", "lock") and _by_radar(tok):
        # "targeting a Japanese patrol aircraft with fire-control radar": a threat, no shot fired
        return "threaten"
    if rel == "~concern":  # "Australia is seriously concerned by China's actions": a protest
        return "oppose" if concerned_about(tok) else None
    if lemma == "call" and words & ENVOYS and any(c.lower_ == "home" for c in tok.children):
        return "sanction"  # "called its ambassador to South Africa home": recalled (CAMEO 16)
    if rel == "~urge" and judged(tok):
        rel = "~consider"  # "called the launch a violation of U.N. resolutions": a judgement
    if lemma == "reach" and words & _SETTLED:
        # "reached an agreement on a ceasefire", "reached a patrolling arrangement"; not "help them
        # reach an agreement", "if Tehran fails to reach an agreement": an aim, not a deal
        helped = tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _PROMPTING | {"help", "enable", "allow"}
        # ("can reach a collective defence pact": a deal possible, not made)
        aim = (
            tok.dep_ == "xcomp"
            or helped
            or any(
                c.dep_ == "aux" and c.lower_ in ("to", "can", "could", "may", "might", "should")
                for c in tok.children
            )
        )
        return None if aim else "agree_sign"
    if lemma in ("strike", "seal", "reach") and (
        words & AGREEMENTS
        or (tok.dep_ == "acl" and tok.head.lemma_.lower() in AGREEMENTS)
        or before in AGREEMENTS
    ):
        return "agree_sign"  # "struck a deal", "the defence pact struck this week"
    # "the deadlines that all three countries would have to meet": the noun a relative clause hangs on
    noun = next((a.lemma_.lower() for a in tok.ancestors if a.pos_ == "NOUN"), "")
    if lemma == "meet" and (
        (words | {noun}) & (GOALS | _RECEPTIONS) or any(c.lower_ == "halfway" for c in tok.children)
    ):
        # "did not meet with the approval of Algiers": a reception, not a meeting; "meet China
        # halfway": a compromise
        return None
    if (
        lemma in ("meet", "converge")
        and tok.dep_ == "relcl"
        and tok.head.lemma_.lower() in _WHERE_BORDERS_MEET
        and any(c.lower_ == "where" and c.dep_ == "advmod" for c in tok.children)
    ):
        return None  # "the tri-border region where Sudan, Libya and Egypt meet": borders, not talks
    if rel == "~warn":  # "warned of retaliatory measures", "warned of repercussions": a threat
        cautioned = [
            p for t in (tok, *children(tok, "dobj")) for p in pobj(t, ("of",))
        ]  # "warned Britain of"
        reprisal = any(
            p.lemma_.lower() in _REPRISALS
            or (p.lemma_.lower() in _ATTEMPTS and any(c.lower_ in _RETALIATORY for c in p.children))
            for p in cautioned
        )
        return "threaten" if reprisal or (_warned(tok) and not cautioned) else None
    if rel == "~visit":  # "Shoigu visited the DPRK": talks there (CAMEO 042); not a visit planned or refused
        done = tok.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("neg", "aux") and c.lower_ in _NOT_DONE for c in tok.children)  # fmt: skip
        return "consult" if done else None
    if rel == "~found":  # "Burkina Faso, Mali and Niger formed the AES": an alliance agreed
        if not any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in tok.children):
            return None  # "a move that could create a new military bloc": no founders named
        acronym = any(c.pos_ == "PROPN" and c.is_upper for c in children(tok, "dobj"))  # "formed the AES"
        return "agree_sign" if words & BLOCS or acronym else None
    if rel == "~enter":  # "entered into a mutual defence agreement"; not "entered its airspace"
        if any(c.dep_ == "neg" for c in tok.children):
            return None  # "pledge not to enter into agreements with third states": a duty, not a deal
        return "agree_sign" if {p.lemma_.lower() for p in pobj(tok, ("into",))} & AGREEMENTS else None
    if rel == "~arm":  # "Pyongyang is arming Russia"; not "armed forces"
        return "transfer_arms" if tok.pos_ == "VERB" and children(tok, "dobj") else None
    if rel == "~consider":  # "Warsaw considers them a threat": opposed as one
        called = {t.lemma_.lower() for c in considered_as(tok) for t in (c, *children(c, "amod", "compound"))}
        # "described the U.S. deployment as a completely criminal and bloody operation"
        # ("describes" or "calls" charges only with a wrong, a violation or a provocation, not a threat)
        if lemma in _DESCRIBING:
            # (not "halt what they describe as Azerbaijan's aggression": the clause's own doer is unsure)
            free = any(c.lower_ == "what" for c in children(tok, "dobj"))
            # "condemned the strikes, calling them a violation": the condemnation says it (annotators
            # code the protest, not a second charge)
            protest = tok.dep_ in ("advcl", "xcomp", "conj") and VERB_TRIGGERS.get(
                tok.head.lemma_.lower()
            ) in (
                "oppose",
                "~reject",
            )
            return "accuse" if called & WRONGS and not free and not protest else None
        return "oppose" if called & (ENEMIES | _DAMNING) else "accuse" if called & WRONGS else None
    if (
        rel == "attack"
        and lemma == "shoot"
        and (words & _FILMED or (tok.dep_ == "acl" and tok.head.lemma_.lower() in _FILMED))
    ):
        return None  # "Underwater film, shot by the coast guard at the shoal": filmed, not fired on
    if rel == "attack" and lemma in ("shoot", "target", "hit") and "cannon" in words:
        return "coerce"  # "shot a water cannon at a Philippine boat": harassed, as fired water cannon
    if (
        rel == "coerce"
        and lemma == "spray"
        and {t.lemma_.lower() for p in pobj(tok, ("with",)) for t in p.subtree} & _GUNFIRE
    ):
        return "attack"  # "Tunisians sprayed them with machine guns": gunfire, not a water cannon
    if rel == "coerce" and lemma == "blast" and words & (ARMS - {"cannon"}):
        return "attack"  # "blasted ground-to-ground rockets into Thailand"; not "blasted with water cannon"
    if rel == "~fund":  # "will finance a joint military package for Ukraine": military aid, paid for
        military = words & (ARMS | {"military", "defense", "defence", "army"})
        return "assist_militarily" if military else None
    if rel == "~send":
        return sent(tok, lemma, words)
    if rel == "~supply":
        return supplied(lemma, words) or avowed(tok, lemma, words)
    if rel == "~speak":  # "Putin spoke with Iranian President Masoud Pezeshkian"; not "spoke to reporters"
        with_someone = any(
            t.pos_ == "PROPN"
            # "spoke to his French and German counterparts": office-holders of a state named
            or (t.lemma_.lower() in _GUESTS and any(c.dep_ in ("amod", "compound") for c in t.children))
            for p in pobj(tok, ("with", "to"))
            for t in p.subtree
        )
        # "Nakatani and Hegseth spoke by phone": the two with each other
        # ("Putin and Kim spoke on Tuesday" too; not "spoke at the summit", "spoke to reporters")
        together = any(c.dep_ == "nsubj" and c.conjuncts for c in tok.children) and (
            any(
                p.lower_ in ("phone", "telephone", "video", "call", "line")
                for p in pobj(tok, ("by", "over", "via"))
            )
            or not pobj(tok, ("at", "to", "before", "in", "during", "after", "about", "of", "for"))
        )
        return "consult" if with_someone or together else None
    if rel == "~contact":  # "Sharif contacted Saudi Crown Prince Mohammed bin Salman"
        return "consult" if any(t.pos_ == "PROPN" for c in children(tok, "dobj") for t in c.subtree) else None
    if lemma == "reach" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        # "reached out to Saudi Arabia's Crown Prince": a call, not an agreement reached
        return "consult" if any(t.pos_ == "PROPN" for p in pobj(tok, ("to",)) for t in p.subtree) else None
    if rel == "~exchange":  # "exchanged views on regional developments"; "exchanged fire"
        if words & VIEWS:
            return "consult"
        return "attack" if words & {"fire", "shot", "gunfire", "shelling", "strike", "blow"} else None
    if rel == "~bring":  # "19 Russian drones were brought down": shot down
        down = any(c.dep_ == "prt" and c.lower_ == "down" for c in tok.children)
        return "attack" if down and words & (ARMS | _AIRCRAFT) else None
    if rel == "~push":  # "pushed back on Trump's demand", "pushback against China"; not "pushed for talks"
        back = lemma == "pushback" or any(
            c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children
        )
        # (not a day: "pushed back ... on Sunday")
        against = [p for p in pobj(tok, ("on", "against")) if p.lower_ not in _DAYS]
        # "pushed back against criticism that ...": a denial of a charge, not a protest at anyone
        # (but "pushing back on China's sweeping claims" opposes the claimant)
        if any(p.lemma_.lower() in SAYINGS and not children(p, "poss") for p in against):
            return None
        # (what is pushed against is a state, or someone's: not "threats in the Indo-Pacific")
        owned = any(p.pos_ == "PROPN" or children(p, "poss") for p in against)
        return "oppose" if back and owned else None
    if rel == "~escort":  # "F-35s escorted the Russian jets out": a show of force against whose jets they are
        return "mobilize" if words & _AIRCRAFT and "out" in {c.lower_ for c in tok.children} else None
    if rel == "~retaliate" and any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children):
        return None  # "retaliated by closing the Polish consulate": what follows "by" is what it did
    if rel == "~retaliate":  # "vowed to avenge the bombing", "will retaliate against Poland": a threat
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in tok.children)
        ready = (
            tok.dep_ in ("xcomp", "acl") and tok.head.lemma_.lower() in _RIGHT_TO
        )  # "reserves the right to retaliate"
        return "threaten" if future or ready or _threatened(tok) else "attack"
    if rel == "~respond":
        # "will respond firmly", "reserves the right to respond", "remains prepared to respond": a
        # threat; a response made is whatever it was
        future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in tok.children)
        ready = tok.dep_ in ("xcomp", "acl") and tok.head.lemma_.lower() in _RIGHT_TO
        return "threaten" if future or ready else None
    if rel == "~sever":  # "severed direct trade ties with Israel", "cut off our trade with Israel"
        if lemma == "break" and "off" not in {c.lower_ for c in tok.children if c.dep_ == "prt"}:
            return None  # "broke off diplomatic ties with Ecuador"; not "broke through the doors"
        # ("downgraded the embassy's status to that of chargé d'affaires": its mission lowered)
        lowered = {"embassy", "status", "mission", "representation"} if lemma == "downgrade" else set()
        return "sanction" if words & ({"tie", "trade", "relation", "contact", "link"} | lowered) else None
    if rel == "~buy":  # "Iran has purchased Russian-made Su-35 fighter jets": the seller supplies them
        return (
            "transfer_arms" if words & (ARMS | VESSELS) else "transfer_technology" if words & TECH else None
        )
    if rel in ("~fire", "~launch") and "flare" in words:
        # flares shot near another's aircraft harass it; warning flares at an intruder are a show of force
        warned = any(t.lemma_.lower() in ("warning", "warn") for t in tok.sent)  # "to warn off the aircraft"
        return "mobilize" if warned else "coerce"
    if rel == "~fire":
        if "cannon" in words or any(t.lemma_ == "cannon" for t in tok.subtree):
            return "coerce"
        if words & (ARMS | {"shot", "salvo", "barrage"}):
            return "attack"
        # "a Yugoslav fighter fired on a United States passenger plane": shot at what the phrase
        # names; not "fired on Tuesday", "fired the minister" (no arms), "fired back at China"
        # (words) nor "whoever fires at the State of Israel" (no one)
        aimed = [p for p in pobj(tok, ("on", "at", "upon")) if p.lower_ not in _DAYS and not p.like_num]
        answered = any(c.lower_ == "back" for c in tok.children)
        anyone = any(c.lower_ in ("whoever", "anyone", "anybody") for c in children(tok, "nsubj"))
        return "attack" if aimed and not children(tok, "dobj") and not answered and not anyone else None
    if rel == "~fight":
        return "~fight"
    if rel == "~come":  # "would come to the aid of Pyongyang"
        aid = [
            p
            for p in pobj(tok, ("to",))
            if p.lemma_.lower() in ("aid", "defense", "defence", "assistance", "rescue")
        ]
        return "assist_militarily" if aid else None
    if rel == "~launch":
        if {c.lemma_.lower() for c in children(tok, "dobj")} & NOT_LAUNCHED_AT:
            return None  # "launched mass production of attack drones": production, not a strike
        if words & EXERCISES:
            return exercise(words)
        if words & {"attack", "strike", "assault", "offensive", "raid", "invasion"}:
            return "attack"
        # "launched a ballistic missile": a strike on what it names, else a show of force (the coder)
        return "attack" if words & _PROJECTILES else None
    if rel == "agree_sign" and lemma in (
        "agree",
        "conclude",
        "formalize",
        "formalise",
        "finalize",
        "finalise",
    ):
        deal = {"treaty", "pact", "agreement", "deal", "accord", "protocol", "convention", "partnership", "contract",
                "ceasefire", "truce", "armistice"}  # fmt: skip
        pact = tok.dep_ == "acl" and tok.head.lemma_.lower() in deal  # "the treaty concluded by"
        pact = pact or any(p.lemma_.lower() in deal for p in pobj(tok, ("to", "on")))  # "agreed to a pact"
        # "agreed to order a ceasefire", "agreed to declare a truce"
        pact = pact or any(
            d.lemma_.lower() in deal and x.lemma_.lower() in _DECLARING
            for x in children(tok, "xcomp") for d in children(x, "dobj")
        )  # fmt: skip
        # "agreed to ease tensions", "agreed to pull their forces out", "agreed to normalize ties":
        # a settlement between them, which the set codes as one agreed
        pact = pact or (
            lemma == "agree"
            and any(
                x.lemma_.lower() in _SETTLING
                and not (x.lemma_.lower() == "build" and children(x, "prt"))  # not "build up deterrence"
                for x in children(tok, "xcomp")
            )
        )
        if not (words & deal or pact):  # "agreed to cooperate" is an intent; the verb it governs codes it
            return None
    if (
        rel == "agree_sign"
        and lemma in ("ink", "seal", "forge")
        and not words & (AGREEMENTS | {"treaty", "protocol", "accord"})
    ):
        return None  # "vowed to seal off its southern border", "forged close ties"
    if rel == "agree_sign" and lemma in ("sign", "ratify", "ink", "seal"):
        signed = [c.lemma_.lower() for c in children(tok, "dobj")]
        intent = any(p.lower_ == "intent" for d in children(tok, "dobj") for p in pobj(d, ("of",)))
        if signed and signed[0] in NOT_PACTS and not intent:  # a letter of intent is agreed
            return None  # "signed a decree lowering the threshold": a state's own act, not an agreement
        if any(p.lemma_.lower() == "witness" for p in pobj(tok, ("as",))):
            return None  # "Rubio signed as a witness": not a party
    if (
        rel == "threaten"
        and words & _GOODS
        and any(
            n.pos_ == "NOUN" and n.lemma_.lower() not in TROOPS | ARMS | VESSELS
            for n in children(tok, "nsubj")
        )
    ):
        return None  # "Pyongyang's support of Russia threatens Germany's security": a judgement, not a threat
    if rel == "threaten" and any(c.dep_ == "xcomp" and c.lemma_.lower() in _UPSETTING for c in tok.children):
        return None  # "actions that threaten to upset U.S. diplomatic strategy": a risk, not a threat made
    if rel == "threaten" and not (any(c.dep_ == "xcomp" for c in tok.children) or words & {"attack", "strike", "war", "retaliation", "force"}):  # fmt: skip
        # "threatened the peace and stability": a judgement, unless an actor is threatened
        return (
            "threaten" if any(t.pos_ == "PROPN" for c in children(tok, "dobj") for t in c.subtree) else None
        )
    if lemma in ("seize", "capture") and words & GROUND:
        return "attack"  # "seized Russian territory": ground taken by force
    lased = "laser" in words | {t.lemma_.lower() for p in pobj(tok, ("with",)) for t in p.subtree}
    if lemma in ("target", "fire") and lased:
        return "coerce"  # "targeted RAF pilots with lasers", "fired a laser at": harassment, not a strike
    if lemma == "target" and any(
        p.lemma_.lower() in _CULPABLE for p in pobj(tok, ("for",))
    ):  # "The EU targeted North Korean Defense Minister Ro Kwang Chol for his direct involvement"
        return "sanction"
    if lemma == "target" and tok.dep_ in ("acl", "advcl") and tok.head.lemma_.lower() in _PENALTIES:
        return None  # "sanctions targeting individuals ...", "imposing sanctions, targeting 11 organizations"
    if lemma == "target" and any(
        t.lemma_.lower() in _PENALTIES for n in children(tok, "nsubj") for t in (n, *pobj(n, ("of",)))
    ):
        return None  # "the latest round of sanctions ... targets Iran's exports": a penalty, not a strike
    if lemma in ("seize", "grab", "take") and any(d.lemma_.lower() == "power" for d in children(tok, "dobj")):
        return None  # "the junta seized power through consecutive coups": at home, no state's act on another
    if lemma in ("seize", "grab") and {d.lemma_.lower() for d in children(tok, "dobj")} & _CHANCES:
        return None  # "Netanyahu seized the moment to send a message": an idiom
    if lemma == "crash" and not pobj(tok, ("into", "with")):
        return None  # "an Azerbaijan Airlines plane crashed in Kazakhstan": an accident, no one rammed
    if lemma in ("expel", "recall", "withdraw") and words & ENVOYS:
        return "sanction"  # "said it would expel Cambodia's envoy": relations reduced (CAMEO 16)
    if rel == "coerce" and lemma == "intercept" and words & (ARMS | VESSELS):
        # intercepting drones or missiles is shooting at them; fighter jets are met and escorted
        return "attack" if words & (ARMS - {"jet", "aircraft"}) else "mobilize"
    if rel == "coerce" and lemma in ("block", "obstruct") and words & (_BIDS | AGREEMENTS | {"pact"}):
        return (
            "oppose"  # "joined Greece in blocking Ankara's bid", "to block the pact": a veto, not a blockade
        )
    if rel == "~approve":  # a parliament's approval of a pact with a state is its side's consent
        approved = AGREEMENTS | {"treaty", "protocol", "accord", "convention"}
        return (
            "agree_sign"
            if any(d.lemma_.lower() in approved for d in children(tok, "dobj", "nsubjpass"))
            else None
        )
    if rel == "~object":  # "China objected to India's move"; not "the object of"
        return "oppose" if pobj(tok, ("to",)) else None
    if rel == "~kill":
        # "Afghan forces killed 58 Pakistani soldiers", "civilians were killed in Indian-controlled
        # Kashmir by Pakistani shelling": an attack when the dead or the place are a state's
        named = [t for c in children(tok, "dobj", "nsubjpass") for t in c.subtree]
        named += [t for p in pobj(tok, ("in", "inside")) for t in p.subtree]
        struck = any(NOUN_TRIGGERS.get(a.lemma_.lower()) == "~attack" for a in list(tok.ancestors)[:3])
        if tok.dep_ == "relcl" and struck:  # (the clause may hang on the place struck)
            return None  # "the strikes on Doha, which killed six people": that strike, told once
        if any(c.lemma_.lower() in NON_STATE for c in children(tok, "dobj", "nsubjpass")):
            return None  # "killed at least 40 suspected Colombian mercenaries": no state's people
        if any(c.lemma_.lower() in _NO_LIVES for c in children(tok, "dobj", "nsubjpass")):
            return None  # "accused Spanish fishermen of killing off stocks", "killed the deal": no one hurt
        return "attack" if any(t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper() for t in named) else None
    if rel == "~retake":  # "liberated the Kursk Region from Ukrainian control": taken back by force
        return "attack" if [p for t in (tok, *children(tok, "dobj")) for p in pobj(t, ("from",))] else None
    if rel == "~ban":  # "suspending imports of Japanese aquatic products": trade cut (CAMEO 16)
        # "suspended a contentious military agreement with North Korea", "suspended its security
        # cooperation with the country": relations reduced too
        cut = {"import", "imports", "export", "exports", "trade", "flight", "visa", "visas"} | (
            _SETTLED | _BONDS if lemma == "suspend" else set()
        )
        if lemma == "ban" and {t.lemma_.lower() for t in tok.subtree} & {"enter", "entry"}:
            return "sanction"  # "banned 30 Japanese citizens from entering the country": barred entry
        return "sanction" if words & cut else None
    if rel == "~avow":  # "lent official support to India", "pledged full solidarity with the US"
        return avowed(tok, lemma, words)
    if rel == "~declare" and avowed(tok, lemma, words):
        return "support_politically"  # "declared full solidarity with Saudi Arabia"
    if rel == "~declare":  # "declared two Ukrainian diplomats persona non grata": an expulsion
        said = {t.lemma_.lower() for t in tok.subtree if t.i > tok.i}  # (the parse may make a clause of it)
        return (
            "sanction" if "grata" in said and said & {"persona", "personae"} else None
        )  # whoever is declared so
    if rel == "~order":  # "ordered 12 French embassy officials to leave the country": an expulsion
        return "sanction" if {t.lemma_.lower() for t in ordered_out(tok)} & ENVOYS else None
    if rel == "~revoke":  # "revoking accreditation for a Russian diplomat", "revoked a security agreement"
        return "sanction" if "accreditation" in words or words & _SETTLED else None
    if (
        rel == "~cancel"
    ):  # "canceled a landmark 1995 agreement with Australia", "terminating military cooperation"
        return "sanction" if words & (_SETTLED | _BONDS) else None
    if rel == "~close":  # "closed its border with Cambodia", "shut the Russian consulate": a sanction
        shut = {c.lemma_.lower() for c in children(tok, "dobj", "nsubjpass")}
        return (
            "sanction"
            if shut & {"border", "crossing", "checkpoint", "consulate", "embassy", "airspace", "port"}
            else None
        )
    if rel == "~allege":  # "The US alleged that North Korea is sending troops": an accusation
        return "accuse" if children(tok, "ccomp") else None
    if rel == "~hit" and "out" in {c.lower_ for c in tok.children} and pobj(tok, ("at", "against")):
        return "oppose"  # "Gokhale hit out at Islamabad for not taking action": words, not arms
    if rel == "~hit" and {t.lemma_.lower() for p in pobj(tok, ("with",)) for t in p.subtree} & COVERT:
        return "coerce"  # "hitting it with a hybrid attack"
    penalties = {t.lemma_.lower() for p in pobj(tok, ("with",)) for t in (p, *p.conjuncts)}
    if rel == "~hit" and penalties & (_PENALTIES | {"tariff", "duty", "fine", "restriction", "embargo"}):
        return "sanction"  # "hit North Korea and Russia with new sanctions"
    if rel == "~hit" and "back" in {c.lower_ for c in tok.children} and pobj(tok, ("by",)):
        return None  # "hit back by halting arms purchases": what follows "by" is what it did
    if rel == "~hit":  # "missiles hit Kyiv"; "a coast guard ship hit a Philippine vessel" rams it
        doers = [tok.head] if tok.dep_ == "acl" else children(tok, "nsubj")  # "a ship hitting the vessel"
        if tok.dep_ == "relcl" and any(c.lower_ in ("that", "which") for c in doers):
            doers = [tok.head]  # "the violence that has hit the country"
        if any(d.lemma_.lower() in _MISFORTUNES for d in doers):
            return None  # "the recent violence that has hit the country", "the crisis hit Sudan"
        by = {t.lemma_.lower() for c in doers for t in c.subtree}
        return "coerce" if by & VESSELS - {"bomber", "fighter", "jet", "plane", "aircraft"} else "attack"
    if rel == "~welcome":  # "welcomed the defence pact", "welcomed the crown prince to the White House"
        clause = {d.lemma_.lower() for c in children(tok, "ccomp") for d in children(c, "nsubj", "nsubjpass")}
        if (words | clause) & (
            AGREEMENTS | {"decision", "step", "move", "announcement", "initiative", "commitment"}
        ):
            return "support_politically"
        return "consult" if any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children) else None
    if rel == "~urge":
        return urged(tok, lemma)
    if rel == "~request":
        asked = {p.lemma_.lower() for p in pobj(tok, ("for",))}
        if lemma == "appeal" and pobj(tok, ("to",)):
            # "appealed to Russia to invoke the treaty", "has appealed to Russia, the CSTO and the UN
            # Security Council after the shelling": help asked of them (not "to exercise restraint")
            wanted = [c.lemma_.lower() for c in tok.children if c.dep_ in ("xcomp", "advcl")
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]  # fmt: skip
            bodies = all(_body(p) for p in pobj(tok, ("to",)))  # not "appealed to Iran's Supreme Leader"
            if (not wanted and not asked and bodies) or set(wanted) & {
                "invoke",
                "activate",
                "trigger",
                "help",
                "assist",
                "intervene",
            }:
                return "request_aid"
        if asked & _TALKS and not words & (ASSISTANCE | TROOPS | ARMS | TECH):
            return "consult"  # "Poland asks NATO for talks": talks asked for, not help
        return "request_aid" if words & (ASSISTANCE | TROOPS | ARMS | TECH) or asked else None
    if rel == "~support":
        if purpose_of_sending(tok):
            return None  # "sent troops to support Russia's war": the sending is the support
        if words & ARMS and pobj(tok, ("to",)):
            return "transfer_arms"  # "has supported more than 10 million artillery shells ... to Russia"
        if words & (TROOPS | ARMS):
            return None
        if lemma == "stand":  # "We stand with our Philippine allies", "stands by Israel"
            return "support_politically" if stood_with(tok) else None
        # "Polish F-16s, supported by Dutch F-35s": aircraft backing aircraft is military help
        agents = [t for a in children(tok, "agent") for t in a.subtree]
        if tok.dep_ == "acl" and _armed([tok.head]) and _armed(agents):
            return "assist_militarily"
        if tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() == "intervene":
            return "assist_militarily"  # "France intervened to support the regime of Habré in Chad"
        if any(c.dep_ == "advmod" and c.lower_ == "militarily" for c in tok.children):
            return "assist_militarily"  # "SADC has agreed to militarily support the government"
        return "support_politically"
    if rel == "~assist":  # "sent soldiers to help Russia": the sending is the help
        return None if purpose_of_sending(tok) else military_help(tok, lemma, words)
    if rel == "~engage":  # "engaged Russian assets in its airspace", "had engaged the United States forces"
        return "attack" if words & (ARMS | VESSELS | TROOPS | {"asset", "target", "drone"}) else None
    if rel in ("~wreck", "~capture") and (
        not children(tok, "dobj", "nsubjpass")
        or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("ready", "prepared", "poised"))
    ):
        return None  # "to float and sink together with this boat"; "is ready to sink every ship"
    if rel == "~wreck":  # "destroyed two oil platforms", "sank a South Korean warship"; not "destroyed trust"
        # (what the phrase heads: not "a shipment of arms")
        wrecked = {d.lemma_.lower() for d in children(tok, "dobj", "nsubjpass")}
        return "attack" if wrecked & (ARMS | VESSELS | TROOPS | _WORKS) else None
    if rel == "~capture":  # "captured the vital junction of Kusseima"; not captured soldiers (no claim)
        ground = words & _GROUND or any(
            d.pos_ == "PROPN" and place_state(d.text) is not None for d in children(tok, "dobj")
        )
        return "attack" if ground and not words & TROOPS else None
    if rel == "~cooperate":
        return "cooperate_militarily" if MILITARY_FIELDS & {t.lemma_.lower() for t in tok.subtree} else None
    if rel == "~move":  # "moved troops to its border with Colombia"; not "moved jets into Syrian airbases"
        moved = {t.lemma_.lower() for c in children(tok, "dobj") for t in c.subtree}
        # ("moved its troops closer to the Pakistan border")
        near = [tok, *(c for c in tok.children if c.dep_ == "advmod" and c.lower_ in ("closer", "nearer"))]
        to = {
            p.lemma_.lower()
            for h in near
            for p in pobj(h, ("to", "toward", "towards", "along", "near", "up"))
        }
        return "mobilize" if moved & TROOPS and to & {"border", "frontier", "boundary"} else None
    if rel == "~detect":  # "detected ten Chinese warships around Taiwan": their owner's deployment
        if words & VESSELS and lemma in ("detect", "spot", "track"):
            return "mobilize"
        seen = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if any(is_troops(t) for c in seen for t in c.subtree):
            return "send_troops"  # "North Korean troops have been sighted in Russia"
        return None
    if (
        lemma in ("defend", "protect")
        and (guarded := children(tok, "dobj"))
        and not any(defends_a_state(d) for d in guarded)
    ):
        return None  # "to defend lives and the free flow of commerce": no state is named as defended
    if rel == "~reject":  # "rejects Beijing's sovereignty claims"; not "rejected the reports"
        rejected = children(tok, "dobj")
        owned = any(
            c.dep_ in ("poss", "amod", "compound")
            and c.pos_ in ("PROPN", "ADJ")
            and c.lower_ not in _NO_OWNER
            for d in rejected
            for c in d.children
        )
        if any(
            d.lemma_.lower() in CHARGES | _RUMOURS
            and not {c.lemma_.lower() for c in d.children} & _CLAIMED_LAND
            for d in rejected
        ):
            return None  # "denied the accusations", "dismissed the claims": a denial (CAMEO 016), no protest
        # "rejects all attempts by Nicolas Maduro ... to undermine": what another did
        attempted = any(d.lemma_.lower() in _ATTEMPTS and pobj(d, ("by",)) for d in rejected)
        return "oppose" if owned or attempted or any(d.pos_ == "PROPN" for d in rejected) else None
    if rel == "~test":  # "tested a new tactical ballistic missile": a show of force
        return "mobilize" if words & (ARMS | {"warhead"}) else None
    if rel == "~host":  # "hosting more than 28,500 troops": the troops' state sent them there
        if words & TROOPS:
            return "send_troops"
        # "hosted the leaders of Armenia and Azerbaijan at the White House": talks
        return (
            "consult"
            if words & _GUESTS or any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in tok.children)
            else None
        )
    if rel == "~lock":  # "locked radar onto Japanese jets": a threat of fire
        return "threaten" if "radar" in words else None
    if rel == "~summon":  # "summoned the Russian ambassador": a diplomatic protest
        own = [d for d in children(tok, "dobj") if d.lemma_.lower() in ENVOYS
               and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in d.children)]  # fmt: skip
        if own and any(pobj(t, ("from",)) for t in (tok, *own)):
            return "sanction"  # "summoning its diplomats from Rwanda": called home, relations reduced
        return "oppose" if words & ENVOYS else None
    if rel == "~express":  # "expressed regret over", "voiced concern about"
        if words & {"solidarity", "support", "backing"}:
            return "support_politically"  # "to express Washington's solidarity with Qatar"
        feeling = [c for c in children(tok, "dobj") if c.lemma_.lower() in FEELINGS]
        about = [c for f in feeling for c in f.children if c.dep_ in ("acl", "ccomp")]
        if any(a.dep_ == "aux" and a.lower_ in _MAY for c in about for a in c.children):
            return None  # "expressed concern that Kim may seek ...": a fear of what may come, not a protest
        # "expressed regret that Russia and North Korea have signed ...": a protest at what they did;
        # "conveyed a strong protest to China"
        lodged = [c for c in children(tok, "dobj") if c.lemma_.lower() == "protest" and pobj(c, ("to",))]
        if tok.head.lemma_.lower() == "summon" and tok.dep_ in ("xcomp", "advcl"):
            # "was summoned to convey New Delhi's concern": the summoner's, not the one summoned
            return None
        if any(f.lemma_.lower() == "regret" for f in feeling) and any(
            t.lemma_.lower() in ("apology", "apologize", "apologise") for t in tok.sent
        ):
            return None  # "in a letter of apology, Saddam expressed his deepest regret": sorry, not a protest
        return "oppose" if feeling or lodged else None
    if rel == "~drill" and lemma == "open" and "fire" in words:
        return "attack"  # "opened fire on"
    if rel == "~drill" and lemma in ("conduct", "carry", "stage") and words & _STRIKES:
        # "carried out the strike inside Venezuela"; not "plans to conduct its first long-range
        # attacks" (no target named, none guessed)
        aimed = [
            p
            for t in (tok, *children(tok, "dobj"))
            for p in pobj(t, ("on", "against", "inside", "in", "into"))
        ]
        return "attack" if any(t.pos_ == "PROPN" for p in aimed for t in p.subtree) else None
    if rel == "~drill":
        if {"war", "game"} <= words:
            words = words | {"wargame"}  # "staged war games around Taiwan"
        if words & HARASSING:
            return None  # "conducted dangerous maneuvers": coercion, coded on the noun
        if {"cooperative", "activity"} <= words:
            return "cooperate_militarily"  # "carrying out the Multilateral Maritime Cooperative Activity"
        if words & EXERCISES:
            return exercise(words)
        if words & {"talk", "talks", "consultation", "meeting", "discussion", "contact", "call"}:
            return "consult"
        return None
    return rel


# Verbs whose infinitive is a threat of what it names ("vowed to strike", "warned it would hit back")
# what an act is said to threaten when it is judged, not made a threat ("threatens Germany's security")
_GOODS = frozenset({"security", "peace", "stability", "order", "sovereignty", "safety", "interest"})
# what a thing "threatens to" do that is a risk, not a threat ("threaten to upset the strategy")
_UPSETTING = frozenset({"upset", "undermine", "derail", "destabilize", "destabilise", "jeopardize", "jeopardise",
                        "disrupt", "unravel", "overshadow", "complicate", "spill", "engulf", "erode", "scuttle",
                        "wreck", "sour", "strain", "hamper", "overwhelm", "eclipse"})  # fmt: skip
THREAT_VERBS = frozenset({"threaten", "vow", "warn", "promise", "swear"})


_INTENDED = frozenset(
    {"plan", "intend", "intention", "aim", "seek", "want", "request", "need", "bid", "hope", "wish", "wait"}
)
# (an attempt to block a vessel harasses it, and forces trying to retake ground fight: only a
# seizure tried is not one made)
_TRIED = frozenset({"attempt", "try"})
_PROMPTING = frozenset({"encourage", "urge", "invite", "dare", "provoke", "incite", "goad", "egg"})


# What a strike wrecks besides arms and forces ("destroyed two oil platforms")
_WORKS = frozenset({"base", "position", "post", "outpost", "platform", "installation", "facility", "radar",
                    "airfield", "airbase", "depot", "bunker", "fortification", "headquarters"})  # fmt: skip
# Ground whose capture is an act of war ("captured the vital junction", "captured the town")
_GROUND = frozenset({"town", "city", "village", "junction", "position", "base", "island", "territory", "region",
                     "hill", "post", "outpost", "airport", "port", "capital", "province", "district",
                     "stronghold", "bridgehead", "peninsula", "pass", "height", "heights", "garrison"})  # fmt: skip


def _urged_thing(tok: Token) -> bool:
    """A noun for what someone is urged or encouraged to have ("encourages increased joint patrols,
    military training ... and expanded U.S. support"): not had yet."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _PROMPTING


def _asked_for(tok: Token) -> bool:
    """An act in what someone is asked or urged to do, a few clauses down ("asked Arab nations to
    prepare an allied expeditionary force to liberate its territory")."""
    for a in [tok, *list(tok.ancestors)[:4]]:
        if a.dep_ == "xcomp" and a.head.lemma_.lower() in _PROMPTING | {"ask", "request"}:
            return True
        if a.dep_ in ("ccomp", "ROOT") or a.lemma_.lower() in SPEECH:
            return False
    return False


_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                   "tonight", "yesterday", "tomorrow"})  # fmt: skip


# Verbs of phase between a threat and its act ("threatened to keep attacking Lebanon")
_PHASE = frozenset({"keep", "continue", "resume", "start", "begin"})


def _threatened(tok: Token) -> bool:
    """An act a threat speaks of: the infinitive of a threatening verb ("threatened to strike",
    "threatened to keep attacking")."""
    while tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _PHASE:
        tok = tok.head
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in THREAT_VERBS


def _if_then(verb: Token) -> bool:
    """An act said to follow a condition, in the future ("Iran will strike Israel if it is
    attacked", "if they don't make a deal there will be bombing"): a threat of it."""
    # "warned that Belarusian authorities could seize them if Lithuania fails to reopen the border"
    warned = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in THREAT_VERBS
    modals = ("will", "would", "'ll", "shall", *(("could", "may", "might") if warned else ()))
    # "instructed a strike on North Korea's missile base if necessary": an order for a case
    ordered = verb.lemma_.lower() in ("order", "instruct", "direct", "command", "authorize", "authorise")
    future = ordered or any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children)
    return future and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children
    )


def _against_any(verb: Token) -> bool:
    """A strike promised on whatever comes ("would fire on any Iranian warplane", "will shoot down
    any drone that enters"): a standing threat, not an act."""
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in verb.children)
    aimed = [*children(verb, "dobj"), *pobj(verb, ("on", "at", "against"))]
    return future and any(d.lower_ in ("any", "every") for a in aimed for d in children(a, "det"))


_AIRCRAFT = frozenset({"jet", "aircraft", "plane", "bomber", "fighter", "drone", "helicopter"})
# Lemmas the pinned pipeline's rule lemmatizer gets wrong, for the trigger words
_LEMMA_FIXES = {"stag": "stage"}


# What targets people or firms without force ("sanctions targeting individuals")
_PENALTIES = frozenset(
    {"sanction", "sanctions", "impose", "measure", "tariff", "ban", "restriction", "embargo"}
)
# Claims to land or sea, which a state rejecting them opposes ("rejects Beijing's sovereignty claims")
_CLAIMED_LAND = frozenset({"sovereignty", "territorial", "maritime", "sweeping", "expansive", "historical"})
# what is dismissed as untrue, not opposed ("dismissed such speculation"); and words that own no one's
_RUMOURS = frozenset({"speculation", "rumour", "rumor", "report", "suggestion", "notion"})
_NO_OWNER = frozenset({"such", "other", "similar", "these", "recent", "latest", "new", "further"})
# What a state calls another's act when it condemns it ("a criminal operation")
_GUNFIRE = frozenset({"gun", "machine-gun", "machinegun", "bullet", "gunfire", "rifle", "fire"})
_DAMNING = frozenset({"criminal", "illegal", "reckless", "irresponsible", "unacceptable", "provocative",
                      "dangerous", "aggressive", "hostile", "unlawful", "outrageous", "destabilizing",
                      "destabilising", "escalatory", "bloody", "barbaric", "cowardly"})  # fmt: skip


# What a warning of which is a threat ("warned of repercussions", "warned of retaliatory measures")
_REPRISALS = frozenset(
    {"retaliation", "repercussion", "consequence", "reprisal", "countermeasure", "response", "retribution"}
)


def _warned(tok: Token) -> bool:
    """A warning that threatens the one warned: "warned Iran it would pay a heavy price", "warned
    Iran not to continue", "we are warning Syria". Not a warning against or over an act (coded as
    often as opposition), of a danger, before an event (a notice), or one whose clause is denied."""
    warned = children(tok, "dobj")
    if not warned or children(tok, "prt"):  # "to warn away Philippine vessels": driven off
        return False
    w = warned[0]
    clauses = children(tok, "ccomp", "xcomp")
    return (
        w.i > tok.i
        and not children(w, "mark")  # "warned that Israel's actions ...": the clause's subject
        and w.lemma_.lower() not in _PUBLIC | VESSELS
        and not any(pobj(t, ("against", "over", "about", "before")) for t in (tok, w))
        and not any(
            c.dep_ == "ccomp" and not children(c, "nsubj", "nsubjpass", "csubj", "expl") for c in clauses
        )
        and not any(c.dep_ == "ccomp" and children(c, "neg") for c in clauses)  # "that the US will not"
        and bool(clauses or any(c.lower_ in ("i", "we") for c in children(tok, "nsubj")))
    )


# what "hits" a country that is no one's strike
_MISFORTUNES = frozenset(
    {"violence", "unrest", "crisis", "turmoil", "fighting", "storm", "typhoon", "cyclone", "hurricane",
     "earthquake", "flood", "flooding", "drought", "recession", "pandemic", "inflation", "epidemic", "wave"}
)  # fmt: skip
# those a state warns that are not another state ("warned Americans about traveling to Cuba")
_PUBLIC = frozenset(
    {"citizen", "national", "resident", "tourist", "traveler", "traveller", "public", "people"}
)
_RETALIATORY = frozenset({"retaliatory", "reciprocal", "tough", "decisive", "military", "harsh", "firm"})
# What a state rejects when it rejects another's act ("attempts by ...")
_ATTEMPTS = frozenset({"attempt", "effort", "move", "action", "act", "bid", "plan", "step", "measure"})


# the places where states' borders meet ("not the city where Putin and Xi met")
_WHERE_BORDERS_MEET = frozenset(
    {
        "region",
        "area",
        "point",
        "border",
        "borderland",
        "frontier",
        "corner",
        "junction",
        "triangle",
        "tripoint",
        "zone",
    }
)


def relation(tok: Token) -> str | None:
    """The relation a token triggers, if any, with the object-dependent ones resolved; a word whose
    object names no relation ("recalled its troops") triggers none. "~fight" is left for
    `casus.evidence.wars` to resolve (who fights whom)."""
    rel = _relation(tok)
    return None if rel is None or (rel.startswith("~") and rel != "~fight") else rel


_RIGHT_TO = frozenset({"right", "ready", "prepared", "poised", "determined"})
_CHANCES = frozenset({"moment", "opportunity", "chance", "initiative", "occasion"})
_TALKS = frozenset({"talk", "talks", "consultation", "meeting", "dialogue", "negotiation", "discussion"})


_DESCRIBING = frozenset({"describe", "term", "call"})
_AIMS = frozenset(
    {"seek", "want", "consider", "plan", "hope", "aim", "wish", "intend", "apply", "try", "push"}
)
# what someone is "targeted for": a part in what is punished, so the targeting is a penalty
_CULPABLE = frozenset({"involvement", "role", "participation", "complicity", "support", "part", "links"})


def _purpose_of_a_wish(tok: Token) -> bool:
    """An act in a "to" clause hung below what someone requested, needs or seeks: its purpose."""
    if tok.dep_ not in ("acl", "advcl", "relcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    ):
        return False
    verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
    return verb is not None and verb.lemma_.lower() in _INTENDED


# Verbs that grant (or withhold) leave for an act: the act is not told as done
_PERMITTING = frozenset({"allow", "permit", "authorize", "authorise", "approve"})


def _permitted(tok: Token) -> bool:
    """An act a verb of leave governs, near above it ("allow any group to launch attacks")."""
    # (or the leave itself: "called for ... permission to strike deep inside Russia")
    return any(
        (a.lemma_.lower() in _PERMITTING and a.pos_ == "VERB")
        or (a.lemma_.lower() in _LEAVE and a.pos_ == "NOUN")
        or (a.pos_ == "NOUN" and _leave_phrase(a))
        for a in list(tok.ancestors)[:3]
    )


def _leave_phrase(noun: Token) -> bool:
    """A phrase of leave the tokenizer splits: "the go-ahead", "a green light"."""
    word = noun.lower_
    return (word == "ahead" and any(c.lower_ == "go" for c in noun.children)) or (
        word == "light" and any(c.lower_ == "green" for c in noun.children)
    )


_LEAVE = frozenset({"permission", "authorization", "authorisation", "approval", "go-ahead", "clearance"})


_ALLIANCE_NAMES = frozenset({"NATO", "Nato", "CSTO", "AES", "GCC", "SADC", "ECOWAS"})


def _relation(tok: Token) -> str | None:
    pos = tok.pos_
    if pos not in ("VERB", "AUX", "NOUN", "PROPN"):  # (asked of every token)
        # "The United States is very concerned by China's provocative military activity", the
        # parse taking "concerned" for an adjective: a protest, as the participle is
        return "oppose" if pos == "ADJ" and tok.lower_ == "concerned" and concerned_about(tok) else None
    lemma = tok.lemma_.lower()
    lemma = _LEMMA_FIXES.get(lemma, lemma)
    if pos == "VERB" or (pos == "AUX" and lemma in ("hold",)):
        rel = _verb_relation(tok, lemma)
        if rel is None:  # (every test below keeps no relation none; most verbs name none)
            return None
        if rel in ("attack", "coerce") and (_threatened(tok) or _if_then(tok) or _against_any(tok)):
            return (
                "threaten"  # "Iran threatened to strike Israel", "will strike if ...": a threat, not a strike
            )
        # "he'd encourage Russia to attack non-paying members", "urging Moscow to act responsibly
        # and cut off such military cooperation": the act urged has not happened
        urged = tok.head.head if tok.dep_ == "conj" and tok.head.dep_ == "xcomp" else tok.head
        # ("urged North Korea to withdraw troops", "to stop provocative actions": the urging opposes)
        if urged.i != tok.i and urged.lemma_.lower() in _PROMPTING:  # (not the urging itself)
            return "oppose" if rel == "oppose" else None
        if rel in ("attack", "coerce") and _asked_for(tok):
            return None  # "asked Arab nations to prepare a force to liberate its territory": not done
        # "Rwanda is planning to attack his country", "has no plans to attack Rwanda", "if India and
        # Pakistan refuse to talk": an act intended or refused, not done
        # (transfers planned are coded as such: "Moscow intends to share satellite technology"; talks
        # planned are not held, "plans to consult with Ukraine", as a noun says it: "a planned summit")
        if rel in ("attack", "coerce", "send_troops", "mobilize") and _permitted(tok):
            # "does not allow any group to use Iraqi territory to launch attacks against Türkiye",
            # "gave Putin the go-ahead to send troops into Ukraine"
            return None
        if tok.dep_ in ("acl", "xcomp") and tok.head.lemma_.lower() == "request" and tok.head.pos_ == "NOUN":
            return None  # "vetoed a U.S. request to provide military assistance to Turkey": asked, not done
        if tok.dep_ == "xcomp" and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in tok.head.children):
            return None  # "Kigali had yet to retaliate": not done
        if rel in ("attack", "coerce") and _purpose_of_a_wish(tok):
            return None  # "Ukraine has requested the missiles for months to target supply routes"
        intended = tok.head.lemma_.lower()
        if tok.dep_ in ("xcomp", "acl") and (
            (intended in _INTENDED and rel in ("attack", "coerce", "mobilize", "consult"))
            # "troops had orders to expel the invading troops": an order held, not carried out
            or (intended == "order" and tok.head.pos_ == "NOUN" and rel in ("attack", "coerce"))
            or (intended in _TRIED and lemma == "seize")
            or (intended in ("refuse", "decline", "refusal") and rel != "oppose")
            # ("refusing to condemn the strikes": no condemnation; "refused to recognise" opposes)
            or (intended in ("refuse", "decline", "refusal") and lemma in _CONDEMNING)
        ):
            return None
        return rel
    if (
        pos == "PROPN"
        and lemma == "cannon"
        and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.lower_ != "water" for c in tok.lefts)
    ):
        # "Foreign Affairs Minister Lawrence Cannon said": a surname, not a water cannon (other
        # capitalised triggers stay: "Russia Launches Missile Strike On Kyiv" in a headline)
        return None
    if pos in ("NOUN", "PROPN"):
        rel = noun_relation(tok, lemma)
        if rel is None:
            return None
        governor = tok.head.lemma_.lower()
        if rel != "oppose" and _urged_thing(tok):
            return None  # "The resolution encourages increased joint patrols ... and expanded U.S. support"
        if rel in ("attack", "coerce") and _permitted(tok):
            return None  # "ruled out allowing U.S. strikes"
        if (
            rel in ("attack", "coerce")
            and tok.dep_ in ("dobj", "ccomp")
            and (
                governor in _PERMITTING
                or (
                    governor == "rule"
                    and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.head.children)
                )
            )
        ):
            return None  # "ruled out allowing U.S. strikes against cartels on Mexican soil": not done
        if rel == "attack" and tok.dep_ in ("attr", "nsubj", "dobj") and _if_then(tok.head):
            return "threaten"  # "if they don't make a deal there will be bombing"
        performed = tok.head.lemma_.lower() in ("launch", "carry", "conduct", "stage", "mount", "unleash")
        if rel in ("attack", "coerce") and tok.dep_ == "dobj" and performed and _threatened(tok.head):
            return (
                "threaten"  # "threatening to launch attacks on Venezuela"; not "vowed to avenge the bombing"
            )
        return rel
    return None
