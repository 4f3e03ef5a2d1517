"""Claims: who says what about whom, how firmly, on whose authority.

A rule-based reader, documented here so that its decisions can be checked:

- Sentences come from `casus.evidence.sentences`.
- Relations are the phrases of `LEXICON` starting at a word start, in text order, at most two
  different ones per sentence. For each, the subject is the last actor mentioned before the
  phrase, the object the first actor after it (other than the subject); "A and B signed" makes
  B the object.
- Polarity is negative when a negation (`not`, `never`, `no`, `n't`, `denied`, `refused to`,
  `rejected`, `without`) stands between the start of the subject's clause and the phrase.
- Modality is hedged when the sentence carries a hedge (`HEDGES`), which is also listed.
- Attribution: "according to X", "N officials said", "X said" / "said X" / "X's ministry
  said", groups ("analysts said"), media reports ("reports said", "reportedly", "media
  reported"), else the author's own voice.
- Quotations are text in straight or curly double quotes; the speaker is the actor or person
  named by "said X" / "X said" next to the quote.
"""

from __future__ import annotations

import re

from casus.evidence.gazetteer import Mention
from casus.evidence.lexicon import COMMITMENT_CASE, TREATY_LANGUAGE, trie_pattern
from casus.evidence.model import Attribution, Claim, Quotation
from casus.evidence.sentences import sentences

LEXICON: list[tuple[str, str]] = [
    ("send_troops", r"(send|sent|sending|deploy|deployed|deploying|dispatch|dispatched)\w*\s+([\w,.-]+\s+){0,4}(troops|soldiers|forces|units|personnel)|(troops|soldiers|forces|units|personnel)\s+(have|had|has|were|was|are|is)\s+(been\s+)?(sent|deployed|dispatched)"),
    ("transfer_technology", r"(transfer|transferred|share|shared|sharing|provide|provided|providing)\w*\s+([\w,-]+\s+){0,7}(technology|technologies|know-how)|technology transfers?"),
    ("transfer_arms", r"(supply|supplied|supplying|ship|shipped|shipping|deliver|delivered|delivering|sell|sold|send|sent|provide|provided|providing|transfer|transferred)\w*\s+(\w+\s+){0,4}(weapons|arms|missiles|shells|munitions|ammunition|artillery|drones|rockets)"),
    ("assist_militarily", r"(military (and other )?(assistance|aid|support|help)|come to (the|its|their) (aid|defen[cs]e)|defend\w*)"),
    ("coerce", r"\b(water[- ]cannon\w*|rammed|ramming|blockade\w*|dangerous(ly)? manoeuv\w*|dangerous(ly)? maneuv\w*)\b"),
    ("agree_sign", r"\b(sign|signed|signing|ratif\w+|conclud\w+|agreed|agree|inked|(reach\w*|entered into|formali[sz]ed|finali[sz]ed)\s+([\w-]+\s+){0,5}(agreement|deal|pact|accord)|agreements? (between|with))\b"),
    ("consult", r"\b(consult\w*|held talks|hold talks|discussed|talks with)\b"),
    ("attack", r"\b(attack\w*|struck|strike|strikes|invade\w*|invasion|shell(ed|ing)|bomb(ed|ing)|fired (missiles|rockets|shells) at|fought|fighting against)\b"),
    ("threaten", r"\b(threaten\w*|warn(ed|s)? of|ultimatum)\b"),
    ("oppose", r"\b(oppose\w*|condemn\w*|criticiz\w*|criticis\w*|denounce\w*|protest(ed|s)?)\b"),
    ("support_politically", r"\b(support(s|ed|ing)?|back(s|ed|ing)|endorse\w*|stood by|stands by|solidarity with)\b"),
    ("accuse", r"\b(accus(e|es|ed|ing)|blam(e|es|ed|ing))\b"),
    ("sanction", r"\b(sanction(s|ed|ing)?|recall(s|ed|ing)? (its|their) (ambassador|envoy)|expel(s|led|ling)? (\w+ ){0,3}(diplomats?|ambassador|envoy))\b"),
]  # fmt: skip
RELATION_RX = [(name, re.compile(rx, re.I)) for name, rx in LEXICON]
# One pass per sentence: leftmost phrase first, ties broken by LEXICON order.
RELATION_ALTERNATIVES = "|".join(f"(?P<{name}>{rx})" for name, rx in LEXICON)
RELATION_ANY = re.compile(rf"\b(?:{RELATION_ALTERNATIVES})", re.I)
# Every phrase begins with one of these word beginnings (a test checks it against LEXICON). One
# pass of their character trie finds the few places where a phrase may start, and the full
# alternation is tried only there: the same matches as RELATION_ANY.finditer, found faster.
RELATION_STARTS = (  # noqa: SIM905 - a word list reads best as words
    "send sent deploy dispatch transfer share sharing provid technolog suppl ship deliver sell sold "
    "military come defend sign ratif conclud agree ink reach entered formali finali consult held hold discussed talks attack struck "
    "strike invade invasion shell bomb fired fought fighting threaten warn ultimatum oppose condemn water "
    "rammed ramming blockade dangerous "
    "critici denounce protest support back endorse stood stands solidarity accus blam sanction recall expel "
    "troop soldier force unit personnel"
).split()
RELATION_START = re.compile(r"\b" + trie_pattern(RELATION_STARTS), re.I)
RELATION_AT = re.compile(f"(?:{RELATION_ALTERNATIVES})", re.I)
NEGATION = re.compile(
    r"\b(not|never|no|neither|nor|denied|denies|deny|refused to|refuses to|rejected|without)\b|n't", re.I
)
HEDGES = re.compile(
    r"\b(?-i:may)\b|\b(might|could|likely|unlikely|possibly|probably|perhaps|believed?|believes|reportedly|"
    r"allegedly|appears? to|seems? to|suggest(s|ed)?|expected to|concerned (about|that)|would)\b",
    re.I,
)
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
OFFICIALS = re.compile(
    r"\b(?:(?P<n>\d+|(?i:two|three|four|five|six|seven|eight|nine|ten|several))\s+)?(?P<who>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?\s+)?"
    r"(?:senior\s+|government\s+|defen[cs]e\s+|intelligence\s+|military\s+)?officials?\s+(said|say|told|believe|think|warned)",
)
MEDIA = re.compile(
    r"\b(media reports?|reports said|according to (media )?reports|reportedly|media reported|state media)\b",
    re.I,
)
SAID = r"(said|says|told|stated|claimed|warned|announced|insisted|added|wrote)"
MAX_CLAIMS_PER_SENTENCE = 2
SPEAKER_AFTER = re.compile(r"(?:'s|’s)?(?:\s+[\w-]+){0,3}?\s*(?:,[^,]{0,40},\s*)?" + SAID + r"\b")
GROUPS = re.compile(
    r"\b(analysts|experts|diplomats|sources|observers|researchers|officials)\s+(said|say|believe|told|warned|noted)\b",
    re.I,
)
QUOTE = re.compile(r"[\"“]([^\"“”]{3,600})[\"”]")
ACCORDING = re.compile(r"according to ([^,.;]+)", re.I)
REPORT_WORDS = re.compile(r"\b(reports?|media|newspaper|outlet)\b", re.I)
SAID_BEFORE = re.compile(SAID + r"\s+$")
AND = re.compile(r"\band\b")


def relations(sentence: str) -> list[re.Match[str]]:
    """The relation phrases of a sentence, left to right, as `RELATION_ANY.finditer` finds them."""
    out: list[re.Match[str]] = []
    end = 0
    for start in RELATION_START.finditer(sentence):
        pos = start.start()
        if pos < end:
            continue
        hit = RELATION_AT.match(sentence, pos)
        if hit is not None:
            out.append(hit)
            end = hit.end()
    return out


CONDITION = re.compile(
    r"\b(if|unless|should|whether|in case of|in case|in the event of|in the event)\b", re.I
)


# An attack named as a case, not an event: "any armed attack on", "in a scenario of an attack on",
# "will stand together in the face of attacks"
CASE_BEFORE = re.compile(
    r"\b(?:any|every|(?:scenario|event|case) of an?|plans? to|in the face of(?: an?)?)\s+(?:armed\s+|military\s+)?$",
    re.I,
)


def _in_condition(sentence: str, at: int) -> bool:
    """Whether position `at` lies in a conditional clause: after "if", "in case of", "should"
    within the same clause (no comma, semicolon or colon between)."""
    clause = max(sentence.rfind(p, 0, at) for p in (",", ";", ":")) + 1
    return CONDITION.search(sentence, clause, at) is not None


def _label(m: Mention) -> str:
    return m.form.target


def attribution(sentence: str, mentions: list[Mention], speakers: list[Mention]) -> Attribution:
    """On whose authority the sentence speaks."""
    acc = ACCORDING.search(sentence)
    if acc:
        who = acc.group(1)
        if MEDIA.search(who) or REPORT_WORDS.search(who):
            return Attribution(kind="media_reports", who=who.strip())
        person = next((m for m in speakers if m.start >= acc.start(1)), None)
        return Attribution(kind="speaker", who=(person.form.person or person.text) if person else who.strip())
    off = OFFICIALS.search(sentence) if "fficial" in sentence else None
    if off:
        n = off.group("n")
        count = int(n) if n and n.isdigit() else NUMBERS.get((n or "").lower())
        state = next((m.form.target for m in mentions if off.start() <= m.start < off.end()), None)
        return Attribution(kind="officials", who=state, count=count)
    for m in speakers:
        after = sentence[m.end : m.end + 60]
        before = sentence[max(0, m.start - 12) : m.start]
        if SPEAKER_AFTER.match(after) or SAID_BEFORE.search(before):
            return Attribution(kind="speaker", who=m.form.person or m.form.target)
    group = GROUPS.search(sentence)
    if group:
        return Attribution(kind="speaker", who=group.group(1).lower())
    if MEDIA.search(sentence):
        return Attribution(kind="media_reports")
    return Attribution(kind="author")


def _events(sent: str, local: list[Mention], speakers: list[Mention]) -> list[Claim]:
    """The claims one sentence makes about events: who did what to whom, said by whom, how surely."""
    claims: list[Claim] = []
    actors = local
    hits = [(hit.start(), 0, hit.lastgroup or "", hit) for hit in relations(sent)]
    seen: set[str] = set()
    said: Attribution | None = None  # the same for every claim of the sentence
    hedges = sorted({h.group(0).lower() for h in HEDGES.finditer(sent)}) if hits else []
    for _, _, name, hit in hits:
        if name in seen or len(seen) >= MAX_CLAIMS_PER_SENTENCE:
            continue
        before = [m for m in actors if m.end <= hit.start()]
        after = [m for m in actors if m.start >= hit.end()]
        subject = before[-1] if before else None
        if subject is not None and len(before) >= 2 and AND.search(sent[before[-2].end : subject.start]):
            # "A and B signed": A is the subject, B its counterpart
            subject, after = before[-2], [before[-1], *after]
        obj = next((m for m in after if subject is None or m.form.target != subject.form.target), None)
        if subject is None and obj is None:
            continue
        if name == "attack" and (
            TREATY_LANGUAGE.search(sent)
            or COMMITMENT_CASE.search(sent)
            or _in_condition(sent, hit.start())
            or CASE_BEFORE.search(sent, max(0, hit.start() - 40), hit.start())
        ):
            continue  # "an attack on one is an attack on all", "if either is attacked": a case, not an event
        seen.add(name)
        clause = max(sent.rfind(p, 0, subject.start if subject else hit.start()) for p in (",", ";", ":")) + 1
        negative = bool(NEGATION.search(sent[clause : hit.start()]))
        said = said or attribution(sent, local, speakers)
        claims.append(
            Claim(
                text=sent,
                subject=_label(subject) if subject else None,
                relation=name,
                object=_label(obj) if obj else None,
                polarity="negative" if negative else "positive",
                modality="hedged" if hedges else "asserted",
                hedges=hedges,
                attribution=said,
                trigger=hit.group(0).strip(),
            )
        )
    return claims


def _pledges(sent: str, actors: list[Mention], claims: list[Claim]) -> list[Claim]:
    """Treaty language binding two parties to aid each other, as conditional pledges both ways."""
    if not TREATY_LANGUAGE.search(sent):
        return []
    parties = list(dict.fromkeys(m.form.target for m in actors if m.form.kind not in ("leader", "org")))
    have = {(c.subject, c.object) for c in claims if c.relation == "assist_militarily"}
    out: list[Claim] = []
    if len(parties) >= 2:
        for x, y in ((parties[0], parties[1]), (parties[1], parties[0])):
            if (x, y) not in have:
                out.append(Claim(text=sent, subject=x, relation="assist_militarily", object=y,
                                 polarity="positive", modality="asserted", attribution=Attribution(kind="author"),
                                 conditional=True))  # fmt: skip
    return out


def read_claims(
    text: str,
    mentions: list[Mention],
    sents: list[tuple[int, str]] | None = None,
) -> tuple[list[Claim], list[Quotation]]:
    """Claims and quotations in a text whose mentions (and sentences) have already been found."""
    claims: list[Claim] = []
    quotes: list[Quotation] = []
    k = 0
    for offset, sent in sentences(text) if sents is None else sents:
        end = offset + len(sent)
        local = []
        while k < len(mentions) and mentions[k].start < offset:
            k += 1
        j = k
        while j < len(mentions) and mentions[j].start < end:
            m = mentions[j]
            local.append(Mention(m.start - offset, m.end - offset, m.text, m.form, m.current))
            j += 1
        speakers = [m for m in local if m.form.kind == "leader"] + [
            m for m in local if m.form.kind != "leader"
        ]
        for q in QUOTE.finditer(sent):
            near = [m for m in speakers if m.end <= q.start() or m.start >= q.end()]
            who = attribution(sent, local, near)
            quotes.append(
                Quotation(text=q.group(1).strip(), speaker=who.who if who.kind == "speaker" else None)
            )
        if not local:
            continue
        events = _events(sent, local, speakers)
        claims += events + _pledges(sent, local, events)  # the sentence's own claims only: linear
    return claims, quotes
