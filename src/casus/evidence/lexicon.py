"""The words the claim coders look for: relation triggers by lemma, and the words that mark
attribution, hedges, negation, conditions and treaty language. Shared by the parser-based coder
(`casus.evidence.syntax`) and the rule-based one (`casus.evidence.claims`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "ARMS",
    "ASSISTANCE",
    "COLLECTIVE",
    "COLLECTIVE_NOUNS",
    "CONDITIONAL_MARKS",
    "CRAFT",
    "DENY",
    "EXERCISES",
    "HEDGE_ADVERBS",
    "HEDGE_GOVERNORS",
    "HEDGE_MODALS",
    "INVOKE",
    "KIN",
    "MEDIA",
    "NEAR",
    "NON_STATE",
    "NOUN_TRIGGERS",
    "OFFICIAL_WORDS",
    "ON_ALLIANCE",
    "PEOPLE_GROUPS",
    "SAYINGS",
    "SPEECH",
    "STRUCK_OF",
    "TECH",
    "THREAT_CASE",
    "TREATY_LANGUAGE",
    "TROOPS",
    "UNGATED",
    "VERB_TRIGGERS",
    "VESSELS",
    "Guarded",
]

TROOPS = frozenset(["troop", "soldier", "force", "unit", "personnel", "contingent", "serviceman", "servicemen", "army", "battalion", "brigade", "division", "regiment", "mercenary", "fighter", "infantry", "commando", "paratrooper", "marine", "peacekeeper", "sapper", "instructor"])  # fmt: skip
ARMS = frozenset(["weapon", "arm", "missile", "shell", "munition", "ammunition", "artillery", "drone", "rocket", "tank", "howitzer", "ammo", "armament", "launcher", "round", "jet", "aircraft", "equipment", "hardware"])  # fmt: skip
TECH = frozenset(["technology", "know-how", "expertise", "technologies"])
EXERCISES = frozenset(["drill", "exercise", "maneuver", "manoeuvre", "wargame", "patrol"])
# Where a force is shown: "drills around Taiwan", "warships near the island"
NEAR = frozenset(["near", "around", "off", "toward", "towards", "encircling", "surrounding"])
ASSISTANCE = frozenset(["assistance", "aid", "help", "support"])
VESSELS = frozenset(["ship", "vessel", "warship", "destroyer", "frigate", "submarine", "carrier", "bomber", "fighter", "jet", "plane", "aircraft", "boat", "helicopter"])  # fmt: skip
# craft whose flight into a state is an incursion, and whose owner a downing strikes
CRAFT = frozenset({"drone", "aircraft", "jet", "plane", "balloon", "missile", "rocket", "helicopter", "bomber", "fighter", "uav"})  # fmt: skip

# Verb lemma -> relation; "~" relations depend on the object (resolved in the coder).
VERB_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(
        ["send", "deploy", "dispatch", "station", "transfer", "rotate", "redeploy", "rush", "assign"], "~send"
    ),
    **dict.fromkeys(
        [
            "supply",
            "ship",
            "deliver",
            "sell",
            "provide",
            "give",
            "export",
            "furnish",
            "offer",
            "render",
            "share",
        ],
        "~supply",
    ),
    **dict.fromkeys(["fund", "finance", "bankroll"], "~fund"),
    **dict.fromkeys(
        [
            "attack",
            "strike",
            "shell",
            "bomb",
            "invade",
            "bombard",
            "raid",
            "shoot",
            "target",
            "storm",
            "pound",
            "assault",
            "strafe",
            "overrun",
        ],
        "attack",
    ),
    **dict.fromkeys(["fire", "lob"], "~fire"),
    **dict.fromkeys(["buy", "purchase", "procure", "acquire", "receive", "obtain"], "~buy"),
    **dict.fromkeys(["retaliate", "avenge"], "~retaliate"),
    "respond": "~respond",
    "escort": "~escort",
    "bring": "~bring",
    "push": "~push",
    **dict.fromkeys(["sever", "cut", "break", "downgrade"], "~sever"),
    "test": "~test",
    "down": "attack",
    **dict.fromkeys(["destroy", "sink"], "~wreck"),
    "capture": "~capture",
    "come": "~come",
    "fight": "~fight",
    **dict.fromkeys(["clash", "skirmish"], "attack"),
    "launch": "~launch",
    **dict.fromkeys(
        [
            "ram",
            "block",
            "blockade",
            "harass",
            "obstruct",
            "intercept",
            "board",
            "seize",
            "spray",
            "blast",
            "cannon",
            "cannonade",
            "expel",
            "chase",
            "collide",
            "crash",
        ],
        "coerce",
    ),
    "threaten": "threaten",
    **dict.fromkeys(["mobilize", "mobilise", "scramble", "mass"], "mobilize"),
    **dict.fromkeys(["move", "advance"], "~move"),  # "moved troops to its border with Colombia"
    **dict.fromkeys(["sanction", "embargo"], "sanction"),
    **dict.fromkeys(["accuse", "blame"], "accuse"),
    **dict.fromkeys(["request", "seek", "appeal"], "~request"),
    **dict.fromkeys(["support", "back", "endorse", "stand"], "~support"),
    **dict.fromkeys(["thank", "praise", "commend", "hail"], "support_politically"),
    "summon": "~summon",
    **dict.fromkeys(["reject", "dismiss", "rebuff", "deny"], "~reject"),
    **dict.fromkeys(
        [
            "condemn",
            "criticize",
            "criticise",
            "denounce",
            "protest",
            "oppose",
            "slam",
            "decry",
            "lambast",
            "castigate",
            "censure",
            "deplore",
            "rebuke",
            "complain",
        ],
        "oppose",
    ),
    **dict.fromkeys(
        [
            "sign",
            "ratify",
            "conclude",
            "ink",
            "seal",
            "agree",
            "formalize",
            "formalise",
            "finalize",
            "finalise",
            "forge",
        ],
        "agree_sign",
    ),
    **dict.fromkeys(["urge", "call", "demand"], "~urge"),
    **dict.fromkeys(["consult", "discuss", "meet", "talk", "brief"], "consult"),
    "visit": "~visit",
    "arm": "~arm",
    **dict.fromkeys(
        [
            "consider",
            "regard",
            "view",
            "deem",
            "brand",
            "label",
            "designate",
            "define",
            "characterize",
            "characterise",
            "describe",
            "term",
        ],
        "~consider",
    ),
    "speak": "~speak",
    "contact": "~contact",
    "exchange": "~exchange",
    **dict.fromkeys(["defend", "protect"], "assist_militarily"),
    **dict.fromkeys(["assist", "help", "aid"], "~assist"),
    "engage": "~engage",
    "cooperate": "~cooperate",
    **dict.fromkeys(
        ["conduct", "hold", "stage", "begin", "start", "carry", "open", "kick", "commence"], "~drill"
    ),
    **dict.fromkeys(["form", "found", "establish", "create"], "~found"),
    "host": "~host",
    "lock": "~lock",
    **dict.fromkeys(["detect", "spot", "track", "sight", "see", "record", "observe", "station"], "~detect"),
    **dict.fromkeys(["express", "voice", "convey"], "~express"),
    "concern": "~concern",
    "join": "~join",
    "warn": "~warn",
    "welcome": "~welcome",
    "hit": "~hit",
    "ask": "~request",
    "sideswipe": "coerce",
    "allege": "~allege",
    **dict.fromkeys(["recall", "withdraw"], "~recall"),
    **dict.fromkeys(["close", "shut"], "~close"),
    "order": "~order",
    **dict.fromkeys(["suspend", "ban", "halt"], "~ban"),
    # "canceled a 1995 agreement with Australia on security cooperation": relations reduced
    **dict.fromkeys(["cancel", "scrap", "terminate", "renounce", "abrogate", "annul", "rescind"], "~cancel"),
    "declare": "~declare",
    # "lent official support to India", "has thrown its full support behind US action"
    **dict.fromkeys(["lend", "extend", "pledge", "throw"], "~avow"),
    **dict.fromkeys(
        ["liberate", "retake", "retook", "recapture"], "~retake"
    ),  # (the lemmatizer keeps "retook")
    "revoke": "~revoke",
    "enter": "~enter",
    "shadow": "mobilize",
    "object": "~object",
    "reach": "~reach",
    # "the Finnish parliament has approved the Defence Cooperation Agreement with the US"
    **dict.fromkeys(["approve", "okay", "pass"], "~approve"),
    **dict.fromkeys(["kill", "wound"], "~kill"),
}
# Event nouns whose "of" phrase names the one struck ("Russia's invasion of Ukraine").
STRUCK_OF = frozenset(
    {"invasion", "bombing", "bombardment", "shelling", "occupation", "downing", "shootdown"}
)
# Noun lemma -> relation, for nominal events ("the attack on", "deployment of troops to").
NOUN_TRIGGERS: dict[str, str] = {
    **dict.fromkeys(
        [
            "attack",
            "strike",
            "invasion",
            "aggression",
            "assault",
            "incursion",
            "intrusion",
            "bombardment",
            "shelling",
            "airstrike",
            "raid",
            "bombing",
            "offensive",
            "downing",
            "shootdown",
            "occupation",
            "barrage",
            "salvo",
            "volley",
        ],
        "~attack",
    ),
    **dict.fromkeys(
        ["war", "conflict", "clash", "skirmish", "hostility", "hostilities", "fighting", "battle"], "~between"
    ),
    **dict.fromkeys(["deployment", "dispatch", "sending"], "~send"),
    **dict.fromkeys(["sanction", "sanctions", "embargo"], "sanction"),
    "ban": "~ban",  # "an indefinite entry ban on 30 more Japanese citizens"
    "cannon": "~cannon",
    "cannoning": "~cannon",
    "cannonading": "~cannon",
    **dict.fromkeys(["ratification", "signing"], "~sign"),
    **dict.fromkeys(
        ["cooperation", "collaboration", "tie", "bond", "partnership", "relationship", "alliance"],
        "~cooperate",
    ),
    "presence": "~presence",
    **dict.fromkeys(
        [
            "maneuver",
            "manoeuvre",
            "interception",
            "boarding",
            "blockade",
            "harassment",
            "ramming",
            "collision",
            "action",
            "behavior",
            "behaviour",
        ],
        "~coerce",
    ),
    **dict.fromkeys(["commitment", "pledge", "guarantee", "obligation"], "~commit"),
    "request": "~request",
    **dict.fromkeys(["supplier", "provider", "exporter"], "~supplier"),
    **dict.fromkeys(["launch", "test"], "~test"),
    **dict.fromkeys(
        ["rhetoric", "criticism", "critic", "condemnation", "protest", "representation", "complaint"],
        "~against",
    ),
    **dict.fromkeys(["visit", "trip"], "~visit"),
    "support": "~backing",
    "closure": "~closure",
    # "the expulsion of a British diplomat"; "the recall of their ambassadors from Algeria"
    **dict.fromkeys(["expulsion", "recall", "withdrawal"], "~expel"),
    **dict.fromkeys(["severance", "rupture", "severing"], "~sever"),
    "pushback": "~push",
    "exchange": "~exchange",
    **dict.fromkeys(
        [
            "meeting",
            "talks",
            "talk",
            "contact",
            "consultation",
            "consultations",
            "conversation",
            "call",
            "summit",
            "discussion",
            "negotiation",
        ],
        "~talks",
    ),
    "warning": "~warning",
    **dict.fromkeys(["accusation", "allegation"], "~charge"),  # "leveled accusations against Pakistan"
    **dict.fromkeys(["sale", "transfer", "delivery", "shipment", "package", "deal"], "~sale"),
}
SPEECH = frozenset(
    [
        "say", "tell", "state", "confirm", "announce", "add", "claim", "report", "allege", "warn", "insist",
        "note", "write", "post", "tweet", "accuse", "deny", "believe", "assess", "estimate", "reveal",
        "disclose", "declare", "stress", "clarify", "express", "voice", "affirm", "argue", "suggest",
        "acknowledge", "admit", "brief", "cite", "quote", "explain", "assert", "maintain", "dismiss", "reject",
        "describe", "reiterate", "reaffirm", "characterize", "characterise", "remind", "recall", "emphasize",
        "emphasise", "contend", "indicate", "assure", "reassure"
    ]
)  # fmt: skip
DENY = frozenset(["deny", "dismiss", "refute", "reject"])
HEDGE_MODALS = frozenset(["may", "might", "could"])
HEDGE_ADVERBS = frozenset(
    [
        "probably", "possibly", "reportedly", "allegedly", "likely", "apparently", "perhaps", "presumably",
        "purportedly", "seemingly", "maybe", "unlikely", "supposedly"
    ]
)  # fmt: skip
HEDGE_GOVERNORS = frozenset(
    [
        "believe", "suspect", "appear", "seem", "expect", "estimate", "suggest", "think", "assess", "concern",
        "fear"
    ]
)  # fmt: skip
CONDITIONAL_MARKS = frozenset(["if", "unless", "should", "whether"])
MEDIA = frozenset(
    [
        "tass", "ria", "interfax", "kcna", "yonhap", "reuters", "ap", "afp", "bloomberg", "cnn", "bbc", "nhk",
        "kyodo", "xinhua", "dawn", "news", "institute", "tank", "newspaper", "network", "outlet", "media",
        "broadcaster", "daily", "times", "post", "journal", "press", "tv", "channel", "magazine", "wire",
        "television", "radio", "hindu", "telegraph", "axios", "politico", "asahi",
        "yomiuri", "nikkei", "haaretz", "izvestia", "kommersant", "vedomosti", "anadolu", "aljazeera", "ansa",
        "pap", "efe", "bernama", "antara", "irna", "isna", "tasnim", "fars", "wafa", "sputnik", "website",
        "portal", "tabloid", "weekly"
    ]
)  # fmt: skip
# How a manoeuvre that harasses is told ("dangerous maneuvers", "hazardous maneuvers and blocking").
HARASSING = frozenset({"dangerous", "unsafe", "aggressive", "blocking", "hazardous", "reckless", "risky", "unprofessional"})  # fmt: skip
# Heads whose national adjective names a non-state body, not the state ("the Palestinian movement").
NON_STATE = frozenset({"movement", "group", "militant", "faction", "militia", "rebel", "insurgent", "separatist", "party", "mercenary",
                       "captive", "prisoner", "defector", "detainee", "hostage", "gunman", "mutineer", "putschist",
                       "crowd", "mob", "rioter", "resident"})  # fmt: skip
OFFICIAL_WORDS = frozenset(
    [
        "official", "officials", "ministry", "ministries", "government", "spokesman", "spokesperson",
        "spokeswoman", "military", "command", "intelligence", "service", "agency", "pentagon", "kremlin",
        "embassy", "office", "department", "administration", "army", "navy", "guard", "council", "cabinet",
        "presidency", "palace", "headquarters", "forces", "armed", "coast", "guard", "staff", "regime",
        "authorities", "source", "sources", "diplomat", "diplomats", "envoy", "bureau", "directorate",
        "secretariat", "commission", "committee", "centre", "center"
    ]
)  # fmt: skip
PEOPLE_GROUPS = frozenset(["analyst", "analysts", "expert", "experts", "diplomat", "diplomats", "source", "sources", "observer", "observers", "researcher", "researchers"])  # fmt: skip


_UNSEEN = object()


class Guarded:
    """A costly pattern tried only on text that holds one of the words every match needs (matched
    regardless of case), and its answer remembered for the texts asked about lately (the reader
    asks of one sentence about three times)."""

    KEPT = 4096  # texts remembered at most

    def __init__(self, pattern: re.Pattern[str], words: tuple[str, ...]) -> None:
        self.pattern, self.words = pattern, tuple(w.lower() for w in words)
        # (for text beyond ASCII, where a case-blind match is more than lower-casing)
        self.guard = re.compile("|".join(re.escape(w) for w in self.words), re.I)
        self._seen: dict[str, Any] = {}

    def _may_match(self, text: str) -> bool:
        if text.isascii():  # a substring test of the lower-cased text: several times the pattern's speed
            low = text.lower()
            return any(w in low for w in self.words)
        return self.guard.search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        """The pattern's first match, or None (at once where none of the words is in the text)."""
        seen = self._seen
        got = seen.get(text, _UNSEEN)  # one lookup: safe while another thread clears the memory
        if got is not _UNSEEN:
            return got  # type: ignore[no-any-return]
        if len(seen) >= self.KEPT:
            seen.clear()
        found = seen[text] = self.pattern.search(text) if self._may_match(text) else None
        return found


# The alliance as the one attacked ("an attack on the whole alliance"): its pledge to the state attacked
_ALLIANCE_WHOLE = r"(the (whole|entire) alliance|every (member|ally))"
ON_ALLIANCE = re.compile(
    r"\b(considered|deemed|regarded|treated|seen)\s+(as\s+)?an?\s+(attack|aggression|assault)\s+(on|against)\s+"
    rf"{_ALLIANCE_WHOLE}\b",
    re.I,
)


# Collective-defence wording: a pledge for a case, coded as conditional military assistance
# between the parties, never as an attack.
_TREATY_LANGUAGE = re.compile(
    r"\b(attack|aggression|assault|invasion)\s+(on|against)\s+[^.;]{0,120}?\b(attack|aggression|assault)\s+"
    r"(on|against)\s+(all|both|the other|them all|all of them|each other|the two|us all)\b"
    r"|\b(if|in case|in the event|should|whenever)\b[^.;]{0,40}\b(either|one|any|each|the other)\b(\s+of)?[^.;]{0,50}"
    r"\b(attacked|invaded|aggression|armed attack|state of war|armed invasion|under attack)\b"
    # the case named before the party: "in the event of an attack on either country"
    r"|\b(if|in case|in the event|should|whenever)\b[^.;]{0,20}?\b(attack|aggression|armed attack|invasion)\b"
    r"[^.;]{0,12}?\b(on|against)\s+(either|one|any|each)\b"
    # "the attacks in New York can be considered an attack on the whole alliance", "both countries
    # will treat it as aggression against themselves"
    rf"|\b(consider|considered|deem|deemed|regard|regarded|treat|treated|seen)\s+(it\s+|this\s+)?(as\s+)?(an?\s+)?"
    rf"(attack|aggression|assault)\s+(on|against)\s+(all|both|themselves|each of them|{_ALLIANCE_WHOLE})\b"
    # the parties named in the case: "if Saudi Arabia or Pakistan comes under attack"
    r"|\b(if|in case|in the event|should|whenever)\b[^.;]{0,40}\bor\b[^.;]{0,40}\b(is|are|comes?|were|be)\s+"
    r"(attacked|invaded|under attack)\b[^.;]{0,60}\b(both|each other|one another|jointly|together)\b"
    r"|\bcome to (each other'?s|one another'?s) (aid|defen[cs]e|assistance)\b"
    r"|\bcome to the (aid|defen[cs]e|assistance) of (the other|each other|one another)\b"
    # "to come to the aid of any one of them which may be attacked"
    r"|\bcome to the (aid|defen[cs]e|assistance) of (any|either|each) (one )?of (them|us|the others?|the parties)\b"
    r"|\b(jointly|mutually) defended\b"
    # "considers the other side being attacked by someone as if it was attacked"
    r"|\bas if (it|itself|they|themselves|he|she|we)( itself| themselves)? (was|were|is|are|had been|has been|have been) "
    r"(attacked|invaded|under attack)\b"
    # a pledge named as such: "mutual pledges of defence", "mutual defence commitments"
    r"|\bmutual\s+(pledges?\s+of\s+(defen[cs]e|military assistance)|defen[cs]e\s+(pledges?|commitments?|obligations?))\b"
    # help for a case: "mutual assistance in the event of rebellion or external aggression"
    r"|\bmutual\s+(military\s+)?(assistance|aid|defen[cs]e|protection|support)\s+(in the event|in case|if|should|against)\b[^.;]{0,60}"
    r"\b(aggression|attack|attacked|invasion|invaded)\b"
    # the United States' treaties' formula (Philippines Art. IV, Japan Art. V, Korea Art. III, ANZUS
    # Art. IV): "would act to meet the common danger(s) in accordance with ... constitutional processes"
    r"|\bact to meet the common dangers?\b",
    re.I,
)
TREATY_LANGUAGE = Guarded(
    _TREATY_LANGUAGE,
    ("attack", "aggress", "assault", "invasion", "invaded", "state of war", "come to", "defended", "mutual",
     "common danger"),
)  # fmt: skip
# Words for the states another stands with or against ("North Korea's partners, China and Russia",
# "Iran, a Venezuelan ally"): a list of names may follow, and in apposition they describe.
KIN = frozenset(
    {"partner", "ally", "neighbour", "neighbor", "backer", "friend", "supporter", "rival", "adversary"}
)
# What is traded in talk ("exchanged views", "an exchange of perspectives"), not in fire
VIEWS = frozenset({"view", "opinion", "idea", "message", "letter", "greeting", "note", "information",
                   "perspective", "thought", "assessment"})  # fmt: skip
# Nouns that, with "two" or "both" ("the two countries", "both sides"), stand for a pair of states.
COLLECTIVE_NOUNS = frozenset(
    {"country", "nation", "state", "side", "party", "government", "neighbour", "neighbor", "ally", "partner",
     "signatory", "leader", "president", "premier", "minister", "power", "rival", "heavyweight", "army", "military", "navy", "force"}
)  # fmt: skip
COLLECTIVE = re.compile(
    r"\b(the two|both)\s+(?:[a-z]+\s+)?(countries|nations|states|sides|governments|neighbou?rs|allies|partners|"
    r"signatories|leaders|presidents|premiers|ministers|parties|powers|rivals|heavyweights|armies|militaries|navies|forces)\b"
    r"|\bthe (sides|parties)\b|\beach (?:side |country )?(?:has |had )?(?:blamed|accused) the other\b",
    re.I,
)
# The words that name three or more states named together before ("the three countries", "all
# three", "these nations").
# Arms that are vessels or aircraft ("supplies the Pakistani Navy with corvettes")
WAR_VESSELS = frozenset({"warship", "frigate", "corvette", "destroyer", "submarine", "bomber", "helicopter"})
GROUP_NOUNS = frozenset(
    {"country", "nation", "state", "ally", "partner", "government", "signatory", "military", "member"}
)
GROUP_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
GROUPED = re.compile(
    r"\b(?:(?:the|these|those|all)\s+(?:(?:three|four|five|six|seven|eight)\s+)?(?:[a-z]+\s+)?"
    r"(?:countries|nations|states|allies|partners|governments|signatories|militaries|members)"
    r"|all (?:three|four|five|six|seven|eight))\b",
    re.I,
)
# The case of a pledge that is a threat, not an attack ("in case of a direct threat of aggression"):
# the parties consult; it is not a promise of military assistance.
THREAT_CASE = re.compile(r"\bthreat\w*\s+(of\s+)?(an?\s+)?(\w+\s+){0,3}(aggression|attack|invasion)\b", re.I)
# A commitment for the case of an attack ("its commitment that an armed attack on ... would
# invoke"): the attack it names is the case, not an event.
COMMITMENT_CASE = re.compile(
    r"\b(commitments?|pledges?|obligations?|guarantees?|would|will)\b[^.;]{0,120}\b(armed )?attack\b[^.;]{0,160}\b(would|will|shall)\s+(invoke|trigger|activate|be considered)"
    r"|\b(armed )?attack\b[^.;]{0,160}\b(would|will|shall)\s+(invoke|trigger|activate)\b"
    # a duty to answer the case: "obligates the United States to respond to armed attacks on ..."
    r"|\b(obligat\w+|oblige[sd]?|commits?|committed|bound)\b[^.;]{0,60}?\bto\s+(respond|react)\s+to\s+"
    r"(an?\s+|any\s+)?(armed\s+)?(attacks?|aggression)\b"
    # the pledge's reach: "MDT's Article 4, which extends to armed attacks on Filipino armed forces",
    # "the treaty covers an attack on the Senkakus"
    r"|\b(article|treaty|pact|commitments?|guarantees?|obligations?|mdt|clause|provision)\b[^.;]{0,40}?"
    r"\b(extends?|extended|extending|applies|apply|applied|covers?|covered|covering)\s+(to\s+)?"
    r"(an?\s+|any\s+)?(armed\s+)?(attacks?|aggression)\b"
    # one side's pledge to defend against the case: "vowed to defend the Philippines against 'armed attack'",
    # "vowed to support Saudi Arabia against any terrorist attack"
    r"|\b(vow|vows|vowed|pledge[sd]?|promise[sd]?|commit(s|ted)?|obliged|will|would|shall)\s+(to\s+)?(\w+\s+){0,2}?"
    r"(defend|protect|support|stand by|stand with)\b[^.;]{0,60}?\b(against|in case of|in the event of)\s+[‘'\"“]?"
    r"(an?\s+|any\s+)?(armed\s+|terrorist\s+|military\s+)?(attack|aggression|invasion|threat)\b",
    re.I,
)
# Invoking a treaty article: consultation (NATO Art. 4) or a call for help (Art. 5, EU Art. 42.7).
INVOKE = re.compile(
    r"\b(invok|trigger|activat|cit)\w*\s+(the\s+)?(?P<org>NATO|EU|alliance|Nato)?(['’]s\s+)?\s*"
    r"(Article|Art\.)\s*(?P<art>42[.(]?7\)?|[45](?!\d|\.\d))",
    re.I,
)


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of `words`, longest first, as a trie of characters.

    Equivalent to the alternation of the words sorted longest first (a test checks it), but
    the engine follows one branch per character instead of trying every word.
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word may end here: the longer continuations are tried first
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


def _forms(lemma: str) -> set[str]:
    """A trigger lemma's inflections, regular ones only: "strike" -> strikes, striking, struck is
    listed apart; "ship" -> shipped, shipping; "supply" -> supplied."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        out |= {lemma[:-1] + "ing"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "shipped", "rammed"
    return out


# What one says of an act or of another ("claims", "allegations", "criticism"): rejecting or pushing
# back on it is a denial, not a protest at an act
SAYINGS = frozenset({"claim", "allegation", "accusation", "charge", "report", "assertion", "suggestion", "notion",
                     "idea", "statement", "remark", "narrative", "assessment", "speculation", "rumour", "rumor",
                     "criticism"})  # fmt: skip


# Trigger verbs that open the parse gate only through the words they need ("warned" is common;
# "warned of repercussions" passes by "repercussion")
UNGATED = frozenset({"warn"})


def _candidate_pattern() -> re.Pattern[str]:
    """The words that may be a trigger: every trigger lemma with its regular inflections, the
    irregular forms, and a few stems whose derivations all count ("exercis", "manoeuv")."""
    irregular = ["sent", "struck", "fought", "shot", "sought", "held", "gave", "given", "sold", "began", "begun",
                 "met", "hit", "shut", "brought", "flew", "flown", "led", "undertook", "undertaken", "dealt",
                 "bought", "came", "saw", "seen", "spoke", "spoken", "withdrew", "withdrawn", "retook", "retaken",
                 "broke", "broken", "overran", "threw", "thrown"]  # fmt: skip
    stems = ["drill", "exercis", "maneuv", "manoeuv", "patrol", "airspace", "cannon", "commit", "pledg", "guarant", "assist",
             "aid", "invok", "activat", "trigger", "deploy", "troop", "soldier", "commando", "paratroop", "peacekeep",
             "sapper", "marines", "sanction", "invasi", "aggress",
             "hostilit", "sail", "price", "consequence", "repercussion", "retaliat", "reprisal",
             # what calls a state's act wrong, where a speaker's charge may be ("said ... is a violation")
             "violat", "breach", "illegal", "unlawful", "provocat", "provok", "undermin", "destabili", "reckless",
             "coerci", "bully", "bulli", "harass", "intru", "escalator", "pirac", "irresponsib", "unacceptab",
             "outrageous", "shameful", "coward", "lawless", "hostile",
             # "laid responsibility for the incident on the Philippines", "held Kabul accountable"
             "responsib", "accountab"]  # fmt: skip
    words = {f for w in [*VERB_TRIGGERS, *NOUN_TRIGGERS] if w not in UNGATED for f in _forms(w)} | set(
        irregular
    )
    # one trie of characters for each list: a long alternation is tried branch by branch
    return re.compile(rf"\b(?:{trie_pattern(words)}\b|{trie_pattern(stems)})", re.I)


# A sentence is parsed only when it names an actor and one of these starts a word in it.
CANDIDATE = _candidate_pattern()

# Verbs whose subject, by what it did, brings on the reaction named by their object ("the
# retaliation drew condemnation from Saudi Arabia", "the strike sparked criticism from").
DRAWN = frozenset({"draw", "attract", "spark", "prompt", "provoke", "trigger", "earn"})
