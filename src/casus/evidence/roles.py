"""Who does what a trigger names, and to whom, in a parsed sentence.

The subject is the trigger's grammatical subject, the agent of a passive or of a participle, the
one accused of it, the possessor or modifier of an event noun, or the subject of the clause it
hangs from; a pronoun takes the clause's named subject. The object is the direct object or the
object of the preposition that fits the relation, or the one subjected to it (wars between two
states are `casus.evidence.wars`; `casus.evidence.syntax` builds the claims from these).
"""

from __future__ import annotations

from typing import Any

from casus.evidence.blame import accused as _accused
from casus.evidence.blame import accuser
from casus.evidence.by_object import ENVOYS
from casus.evidence.destinations import made_in
from casus.evidence.lexicon import (
    ARMS,
    DRAWN,
    NON_STATE,
    NOUN_TRIGGERS,
    SPEECH,
    TROOPS,
    VERB_TRIGGERS,
    VESSELS,
)
from casus.evidence.nominal import CARRYING, asked_for, attackers_of
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.tokens import concerned_about, note_of, opposed_text
from casus.evidence.triggers import children as _children
from casus.evidence.triggers import is_troops
from casus.evidence.triggers import pobj as _pobj
from casus.evidence.voice import _clause_chain

__all__ = ["CONTROL_VERBS", "HANDING", "REACTIONS", "VICTIM_VERBS", "bare_recipient"]

Token = Any  # spacy.tokens.Token
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
        # "supplying Russia with missiles to strike Ukraine": the one supplied strikes
        "supply",
        "provide",
        "arm",
        "equip",
    }
)


def _troop_owner(s: _Sentence, tok: Token) -> list[str]:
    """The state whose troops a deployment moves ("the deployment of North Korean troops")."""
    for t in tok.subtree:
        if is_troops(t) and t.i != tok.i and (found := s.actors(t)):
            return found
    return []


# verbs that hand something over to a named recipient ("to Russia", "gave Ukraine missiles")
HANDING = frozenset(
    {"supply", "provide", "give", "deliver", "sell", "ship", "transfer", "hand", "export", "offer", "lend"}
)


def bare_recipient(s: _Sentence, phrase: Token) -> list[str]:
    """The state a handing verb's object phrase begins with, when the parse compounds the one given
    with what is given ("gave Ukraine missiles"): a bare name, since its make would be an adjective
    ("Ukrainian missiles")."""
    first = min(phrase.subtree, key=lambda t: t.i)
    if first.i == phrase.i or first.dep_ != "compound" or first.pos_ != "PROPN":
        return []
    m = s.mention(first)
    return [m.form.target] if m is not None and m.form.kind == "name" else []


# entries into another's land whose "of" phrase may name the invading troops
_INVADING = frozenset({"invasion", "incursion", "intervention", "offensive", "raid"})


SUPPLIERS = frozenset({"supplier", "provider", "exporter"})


_OCCASIONS = frozenset({"after", "following", "since", "before", "amid", "despite"})


_USES = frozenset({"use", "usage", "employment"})


def _stray_owner(s: _Sentence, tok: Token) -> list[str]:
    """The name whose "'s" stands just before the noun (its modifiers aside) when the parse hangs
    the possessive elsewhere ("turning down longstanding ally Riyadh's request")."""
    j = tok.i - 1
    while j >= 0 and tok.doc[j].head.i == tok.i and tok.doc[j].dep_ in ("amod", "compound"):
        j -= 1
    mark = tok.doc[j] if j >= 0 else None
    if mark is None or mark.lower_ not in ("'s", "’s") or mark.dep_ != "case" or mark.head.i == tok.i:
        return []
    return s.actors(mark.head)


def _carried_out_by(s: _Sentence, tok: Token) -> list[str] | None:
    """Who a relative clause says carried out a nominal event ("the offensive Israel carried out
    on Iran"; "an offensive it carried out", "it" read by `_antecedent`), or None when no such
    clause hangs from it."""
    for c in tok.children:
        if c.dep_ != "relcl" or c.lemma_.lower() not in CARRYING:
            continue
        for n in _children(c, "nsubj"):
            return s.actors(n) if n.pos_ != "PRON" else _antecedent(s, c)
    return None


def _noun_subject(s: _Sentence, tok: Token) -> list[str]:
    """Who does a nominal event: its possessor or modifier ("China's water cannon", "Chinese
    manoeuvres"), its by/from phrase ("water cannon from the CCG vessels"), else the subject of
    the verb it hangs from ("unleashing its water cannon")."""
    if tok.lemma_.lower() in ("deployment", "dispatch", "sending") and (owner := _troop_owner(s, tok)):
        return owner
    if tok.lemma_.lower() in _INVADING and (
        owner := [a for p in _pobj(tok, ("of", "by")) if is_troops(p) for a in s.actors(p)][:1]
    ):
        return owner  # "an invasion of Russian troops in Southern Ossetia": the troops' state invades
    if NOUN_TRIGGERS.get(tok.lemma_.lower()) == "~against" and (note := note_of(tok)) is not None:
        return _noun_subject(s, note)  # "Turkey issued a protest note to Syria": who issued the note
    if NOUN_TRIGGERS.get(tok.lemma_.lower()) == "~talks" and (verb := asked_for(tok)) is not None:
        return _subject(s, verb)[0]  # "Estonia has requested NATO consultations": Estonia consults
    if (carrier := _carried_out_by(s, tok)) is not None:
        return carrier  # "a large-scale offensive it carried out on Iran": whoever "it" is
    sale = NOUN_TRIGGERS.get(tok.lemma_.lower()) == "~sale"
    named = any(c.dep_ in ("poss", "compound", "amod") and s.actors(c) for c in tok.children)
    # "the delivery of Russian S-400 missiles": whose the goods are
    if sale and not named and (made := [a for p in _pobj(tok, ("of",)) for a in s.actors(p)]):
        return made[:1]
    if (
        tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in DRAWN
        and NOUN_TRIGGERS.get(tok.lemma_.lower()) == "~against"
    ):
        # "triggering complaints of a dangerous new provocation from the European Union and Nato";
        # "drew swift condemnation from Qatar, Iran and others" (the phrase hung on the verb)
        froms = [p for p in tok.subtree if p.dep_ == "pobj" and p.head.lower_ == "from"]
        return next((found for p in froms or _pobj(tok.head, ("from",)) if (found := s.actors(p))), [])
    if (
        NOUN_TRIGGERS.get(tok.lemma_.lower()) == "sanction"
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in _IMPOSING
        and (imposers := _subject(s, tok.head)[0])
    ):
        return (
            imposers  # "France, Germany and the UK moved to restore UN sanctions on Iran": theirs, by the UN
        )
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ASCRIBING:
        # "attributed the cyber attack to its neighbour Russia", "blamed the attack on Russia": theirs
        ascribed = [a for t in (tok.head, tok) for p in _pobj(t, _ASCRIBING[tok.head.lemma_.lower()])
                    for a in s.actors(p)]  # fmt: skip
        if ascribed:
            return ascribed
    supplier = tok.lemma_.lower() in SUPPLIERS  # "Russia's weapons supplier": Russia is supplied
    for c in tok.children:
        if supplier:
            break
        if c.dep_ == "poss" and c.pos_ == "PRON":
            return _antecedent(s, tok)
        if c.dep_ in ("poss", "compound", "amod", "nmod") and (found := s.actors(c)):
            return found
    if not supplier and (found := _stray_owner(s, tok)):
        return found
    # (an envoy's recall or withdrawal is from the state he leaves: "the recall of ambassadors from Algeria")
    withdrawn = tok.lemma_.lower() in ("recall", "withdrawal")
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in (("by",) if withdrawn else ("by", "from")):
            for p in _children(c, "pobj"):
                if found := s.actors(p):
                    return found
    if tok.lemma_.lower() in ("intrusion", "incursion") and (
        intruders := [a for p in _pobj(tok, ("of",)) for a in s.actors(p)]
    ):
        return intruders  # "the intrusion of Russian drones into Poland"
    # "the attack of Russian drones on Odesa": the drones' state attacks
    if attackers := [a for p in attackers_of(tok) for a in s.actors(p)]:
        return attackers
    for c in tok.children:  # "the strikes launched by the US and UK"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            for p in (p for g in _children(c, "agent") for p in _children(g, "pobj")):
                if found := s.actors(p):
                    return found
    for conj in tok.conjuncts:  # "dangerous maneuvers and obstruction from four CCG vessels"
        for c in conj.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for p in _children(c, "pobj"):
                    if found := s.actors(p):
                        return found
    head = tok.head
    if head.lower_ in ("about", "regarding", "concerning") and head.dep_ == "prep":
        return []  # "issued its complaint to Ozerov about a drone intrusion": what it was about, not its act
    if head.lower_ in ("on", "over") and head.dep_ == "prep":
        stance = (
            head.head
            if head.head.lemma_.lower() in _STANCES
            else next((d for d in _children(head.head, "dobj") if d.lemma_.lower() in _STANCES), None)
        )
        if stance is not None:
            # "Ottawa accepted the U.S. position on the downing of the Libyan jets": the act is
            # the one whose position it is (named by it, else no one), not the accepter's
            return [
                a
                for c in stance.children
                if c.dep_ in ("poss", "compound", "amod", "nmod")
                for a in s.actors(c)
            ]
    if head.lower_ == "on" and head.dep_ == "prep" and head.head.lemma_.lower() in _TOLD_ON:
        return []  # "Pence briefed Pelosi on the attacks": what he told of, not his act
    if head.lower_ in _OCCASIONS and head.dep_ == "prep" and not _pobj(tok, ("between",)):
        return []  # "after the water cannon assault, Manila lodged a protest": not the protester's act
    if head.pos_ == "ADP" and head.dep_ == "prep":  # "let loose with water cannons against ..."
        head = head.head
        if (
            head.pos_ == "NOUN"
            and head.lemma_.lower() in _USES
            and tok.head.lower_ == "of"
            and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
        ):
            # "China Coast Guard's use of water cannons against ...": the user ("over its use of
            # flares" is left to the clause: "its" may be the one protested against)
            return _noun_subject(s, head)
        if head.pos_ == "NOUN" and head.dep_ == "dobj" and tok.head.lower_ == "of":
            head = head.head  # "has a long history of military cooperation with"
    # "Qatar condemned the attack": who condemns it did not do it (but "Israel's military described
    # the attack as precise strikes on military targets": the description is its own account)
    if (
        head.i != tok.i
        and head.pos_ == "VERB"
        and head.lemma_.lower() in REACTIONS
        # (but "deemed the actions as harassment", "branding them as harassment": a judgement)
        and (tok.head.lower_ != "as" or head.lemma_.lower() in _BRANDING)
        # "Israel responded with heavy bombardment of Beirut": the response is the responder's act
        and not (tok.head.lower_ == "with" and head.lemma_.lower() in _ANSWERING)
    ):
        return []
    if tok.dep_ == "attr" and tok.lemma_.lower() == "critic":  # "Ankara has been a harsh critic of ..."
        return [a for c in _children(head, "nsubj") for a in s.actors(c)]
    if (
        head.i != tok.i
        and (head.pos_ == "VERB" or head.lemma_ == "be")
        and head.lemma_.lower() not in VICTIM_VERBS
    ):
        subj, _ = _subject(s, head)
        return subj
    if head.i != tok.i and head.lemma_.lower() in VICTIM_VERBS:
        # "vessels encountered dangerous maneuvers ... from four China Coast Guard vessels"
        for p in _pobj(head, ("from", "by")):
            if found := s.actors(p):
                return found
    return []


_ASCRIBING = {"attribute": ("to",), "blame": ("on",), "ascribe": ("to",), "pin": ("on",)}
_BRANDING = frozenset({"brand", "label", "deem", "dub"})
# Verbs whose subject reacts to the event named by their object, and did not do it.
REACTIONS = frozenset(
    {lemma for lemma, rel in VERB_TRIGGERS.items()
     if rel in ("oppose", "support_politically", "~reject", "accuse", "~welcome", "~express", "~urge", "~consider")}
    | {"avenge", "retaliate", "respond", "react", "investigate", "deny", "mourn", "regret", "deplore", "complain"}
    # "Kanaani described the attacks on Yemen as a clear violation": who judges it did not do it
    | {"describe", "term", "characterise", "characterize"} | _BRANDING
    # "actions taken by the ROK to disrupt and expose arms transfers between the DPRK and Russia":
    # who works against an act did not do it
    | {"disrupt", "expose", "thwart", "foil", "counter", "curb", "combat", "interdict", "uncover", "monitor"}
    # "Article 4 of the ANZUS Treaty applies to the terrorist attacks on the United States": a rule
    # that covers an act did not do it
    | {"apply", "cover", "govern"}
)  # fmt: skip
# Verbs of telling whose "on" phrase is what is told of
_TOLD_ON = frozenset(
    {"brief", "inform", "update", "speak", "talk", "comment", "testify", "confer", "report", "remark"}
)
# what one holds on an event: a view, not a part in it
_STANCES = frozenset({"position", "stance", "view", "line", "account", "version", "assessment", "verdict"})
_READY = frozenset({"ready", "prepared", "willing", "eager", "poised", "determined"})
_ANSWERING = frozenset({"respond", "retaliate", "react", "reply", "answer", "hit"})
# Verbs whose subject undergoes the event named by their object ("vessels encountered
# dangerous maneuvers", "the boat sustained damage", "was subjected to water cannon").
VICTIM_VERBS = frozenset(
    {"subject", "suffer", "face", "encounter", "sustain", "endure", "experience", "undergo", "repel", "repulse",
     "withstand", "see", "witness", "record", "register", "evade", "dodge", "survive"}
)  # fmt: skip


def _home_body(s: _Sentence, subj: Any) -> str | None:
    """ "The ministry", "the council" with no state named in it, where the article has quoted one
    state's officials before (`_Sentence.home`): that state, whose body it is."""
    if (
        subj.lemma_.lower() in _BODIES
        and any(c.lower_ == "the" for c in subj.children)
        and not any(s.mention(t) for t in subj.subtree)
    ):
        return s.home
    return None


def _subject(s: _Sentence, tok: Token) -> tuple[list[str], bool]:
    """The trigger's subject actors, and whether the trigger is passive."""
    if tok.pos_ in ("NOUN", "PROPN"):
        # "accused Pakistan of deadly border strikes": the accused struck, when the noun names no doer
        return (_noun_subject(s, tok) or _accused(s, tok)), False
    troops_hosted = any(is_troops(t) for c in _children(tok, "dobj") for t in c.subtree)
    if (
        tok.lemma_.lower() == "host" and troops_hosted
    ):  # "Poland hosts US troops": the troops' state sends them
        return [a for c in _children(tok, "dobj") for a in s.actors(c)][:1], True
    if VERB_TRIGGERS.get(tok.lemma_.lower()) == "~buy":  # bought from the US, or Russian-made jets
        sellers = [a for p in _pobj(tok, ("from",)) for a in s.actors(p)]
        sellers += [a for c in _children(tok, "dobj") for p in _pobj(c, ("from",)) for a in s.actors(p)]
        bought = _children(tok, "dobj")
        sellers = (
            sellers or [a for c in bought for a in s.actors(c)] or [a for c in bought for a in made_in(c)]
        )
        return sellers[:1], True
    if concerned_about(tok) and (
        felt := _children(tok, "nsubjpass") or (_children(tok.head, "nsubj") if tok.dep_ == "acomp" else [])
    ):
        # "Australia is concerned by China's actions", "Ottawa is seriously concerned about ...":
        # the one concerned, not the agent
        return s.actors(felt[0]), False
    accused = _accused(s, tok)
    if accused:
        return accused, False
    if accuser(tok) is not None and _children(accuser(tok), "dobj"):
        return [], False  # "thanked Kim for sending troops": Kim did it, whoever Kim is; not the thanker
    if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and not _children(tok, "nsubj"):
        # "appealed to Russia after shelling by Azerbaijan": a gerund's by-phrase is its doer
        for p in _pobj(tok, ("by",)):
            if found := s.actors(p):
                return found, False
    if tok.dep_ == "acl" and tok.head.lemma_.lower() == "right" and tok.head.dep_ == "dobj":
        # "Qatar reserves the right to respond": the one who holds the right
        return _subject(s, tok.head.head)[0], False
    if tok.dep_ == "acl":  # "water cannoning by two CCG vessels": a participle with its agent
        for ag in _children(tok, "agent"):
            for p in _children(ag, "pobj"):
                if found := s.actors(p):
                    return found, True
    passive = (
        any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        or (
            # "built by Turkey in the Gaza Strip and bombed by Israel": a joined participle with a
            # by-phrase of its own
            tok.dep_ == "conj" and tok.tag_ == "VBN" and bool(_children(tok, "agent"))
        )
        or (
            # "30 civilians were killed or wounded in Ethiopian air raids": the participle joined to a
            # passive verb is passive too
            tok.dep_ == "conj"
            and tok.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in tok.children)
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.head.children)
        )
    )
    if passive:
        for ag in _children(tok, "agent"):
            for p in _children(ag, "pobj"):
                return s.actors(p), True
        if tok.lemma_.lower() in ("recall", "withdraw"):
            # "Somalia's envoys were being recalled from Nairobi": their own state recalls them
            return [a for c in _children(tok, "nsubjpass") for d in c.children
                    if d.dep_ in ("poss", "amod", "compound") for a in s.actors(d)][:1], True  # fmt: skip
        # "... was hit by water cannon from the Chinese coast guard" (not "islands that were seized
        # from Japan": the one they were taken from)
        for p in _pobj(tok, ("from",)) if tok.lemma_.lower() not in _TAKEN else ():
            if found := s.actors(p):
                return found, True
        # "North Korean troops have been deployed": the troops' state sent them (but "Philippine
        # vessels were blasted with water cannons" were the targets)
        moved = VERB_TRIGGERS.get(tok.lemma_.lower()) in ("~send", "~supply", "~detect", "mobilize")
        for c in _children(tok, "nsubjpass") if moved else []:
            if {t.lemma_.lower() for t in c.subtree} & (TROOPS | ARMS | VESSELS):
                return s.actors(c), True
        # "North Korean military personnel being sent to Russia"
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in TROOPS and (owner := s.actors(tok.head)):
            return owner, True
        if tok.lemma_.lower() == "summon":
            # "Moscow's ambassador was summoned to the Polish Foreign Ministry", "the Russian ambassador
            # in Tallinn was summoned": the state he was summoned to, or where he is posted
            if to := [a for p in _pobj(tok, ("to",)) for a in s.actors(p)]:
                return to[:1], True
            envoys = _children(tok, "nsubjpass")
            own = {
                a
                for e in envoys
                for c in e.children
                if c.dep_ in ("poss", "amod", "compound")
                for a in s.actors(c)
            }
            posted = [a for e in envoys for p in _pobj(e, ("in", "to")) for a in s.actors(p) if a not in own]
            # "had been summoned to the Foreign Ministry": the ministry of the state the article speaks for
            at_home = [s.home] if s.home and own and s.home not in own else []
            return posted[:1] or at_home, True
        return [], True
    if tok.tag_ == "VBG" and not _children(tok, *_SUBJ):
        # "condemns China's October 12 ramming and water cannoning of a Philippine vessel", parsed as
        # a gerund with the first noun hung on it: whose act it is, not the condemner's
        owners = [a for c in tok.children if c.dep_ in ("poss", "nmod") and c.i < tok.i
                  for t in c.subtree if t.dep_ == "poss" for a in s.actors(t)]  # fmt: skip
        if owners:
            return list(dict.fromkeys(owners)), False
    subj = _children(tok, *_SUBJ) or _stray_subject(s, tok)
    leading = [c for c in subj if c.dep_ == "nsubj" and c.i < tok.i]
    marks = [c.i for c in tok.children if c.dep_ == "mark"]
    if len(leading) > 1 and any(min(c.i for c in leading) < m < max(c.i for c in leading) for m in marks):
        # two subjects either side of "after" are a misparse ("Romania scrambled jets after a Russian
        # drone entered its airspace" read as one clause): the one next to the verb is its own
        subj = sorted(subj, key=lambda c: -c.i if c.i < tok.i else c.i)
    if (
        subj
        and subj[0].lemma_.lower() in ENVOYS
        and tok.head.lemma_.lower() in ("summon", "call")
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)
    ):  # "summoned Hungary's ambassador to protest the statement": the summoner protests
        subj = _children(tok.head, *_SUBJ)
    if subj:
        # "the Israeli attack that targeted ...", "an Israeli airstrike in Doha, the capital of
        # Qatar, which targeted ...": the attack's doer (the parse may hang the clause on a place in it)
        struck_by = next(
            (a for a in list(tok.ancestors)[:7] if NOUN_TRIGGERS.get(a.lemma_.lower()) == "~attack"), None
        )
        if subj[0].lower_ in ("that", "which") and tok.dep_ == "relcl" and struck_by is not None:
            return _noun_subject(s, struck_by), False
        # "North Korea, which fired two missiles": the noun the clause describes (or no one: "anyone
        # who wants to attack us"); "the bill, which ratified the treaty": whoever the sentence is
        # about, as for other pronouns
        if subj[0].lower_ in ("which", "that") and tok.dep_ == "relcl" and opposed_text(tok.head):
            return [], False  # "vote against a resolution which places the blame on South Africa"
        if (
            subj[0].lower_ in _RELATIVE
            and tok.dep_ == "relcl"
            and ((found := s.actors(tok.head)) or tok.head.pos_ == "PRON")
        ):
            return found, False
        if subj[0].lower_ == "who" and tok.dep_ == "relcl" and tok.head.pos_ == "NOUN":
            return [], False  # "rebels who carried out attacks": people no state is named for
        if (
            subj[0].lower_ in ("that", "which")
            and tok.dep_ == "relcl"
            and tok.head.lemma_.lower() in NON_STATE | ARMS
            and tok.head.pos_ == "NOUN"
            and not _noun_subject(s, tok.head)
        ):
            return [], False  # "the neo-Nazi groups that invaded", "a missile that struck": no state named
        if subj[0].pos_ == "PRON" and s.mention(subj[0]) is None:
            if len(s.pair) == 2 and s.collective(subj[0]):
                # "Each blamed the other, ... where Vietnam and Taiwan also have claims": the two
                # named before, when the sentence names its states only after the pronoun
                after = all(m.start > subj[0].idx for m in s.mentions)
                return list(s.earlier if after and len(s.earlier) == 2 else s.pair), False
            return _antecedent(s, tok), False
        if (home := _home_body(s, subj[0])) is not None:
            return [home], False  # "The council further urged Beijing to desist": the one quoted before
        # "Burkina Faso, Mali, and Niger formed ..." may be parsed with two subjects: each of them
        named = list(dict.fromkeys(a for c in subj if c.pos_ == "PROPN" or c is subj[0] for a in s.actors(c)))
        if not named and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in subj[0].children):
            return _antecedent(s, tok), False  # "said its air strikes hit ...": whose the pronoun stands for
        return named, False
    head = tok
    if (
        tok.dep_ == "acl"
        and tok.head.lemma_.lower() in TROOPS
        # (not "15 British servicemen seized in Iraqi waters": they underwent it)
        and VERB_TRIGGERS.get(tok.lemma_.lower()) in ("~send", "~supply", "~detect", "mobilize")
        and (owner := s.actors(tok.head))
    ):
        return owner, True
    if (before := _gerund_subject(s, tok)) is not None:
        return before, False
    for _ in range(4):  # no subject of its own: the clause it hangs from gives one
        if head.i != tok.i and (accused := _accused(s, head)):
            return accused, False  # "accused the North of sending troops to help Russia": the North helps
        if (blamer := accuser(head)) is not None and any(
            d.pos_ in ("NOUN", "PROPN") and not s.actors(d) for d in _children(blamer, "dobj")
        ):
            return [], False  # "blaming Western nations for fueling the crisis by backing Israel": unnamed
        infinitive = head.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in head.children)
        summoned = head.head.lemma_.lower() in (
            "summon",
            "call",
        )  # "summoned Hungary's ambassador to protest"
        if (head.dep_ == "xcomp" and not summoned) or (
            infinitive and head.head.lemma_.lower() in CONTROL_VERBS
        ):
            # "does not oblige North Korea to provide": the object acts
            for c in _children(head.head, "dobj"):
                if found := s.actors(c):
                    return found, False
        if infinitive and head.head.lemma_.lower() in HANDING and head.i == tok.i:
            # "supplied drones to Russia to strike Ukraine", "gave Ukraine missiles to hit ...": the
            # one handed them strikes, not the giver
            given = [a for p in _pobj(head.head, ("to",)) for a in s.actors(p)]
            given += [a for c in _children(head.head, "dobj") for a in bare_recipient(s, c)]
            if given:
                return given[:1], False
        if head.dep_ == "pcomp" and head.head.pos_ == "ADP":  # "responded by denouncing Pyongyang"
            head = head.head
        if (
            head.dep_ == "acl"
            and head.i == tok.i
            and (head.tag_ == "VBN" or (head.tag_ == "VBD" and not _children(head, "dobj")))
        ):
            break  # "Russian drones downed over Poland": the noun underwent it
        if (
            head.dep_ == "acl"
            and head.tag_ == "VBG"
            and head.head.dep_ == "pobj"
            and head.head.head.lower_ == "to"
            and (verb := head.head.head.head).pos_ == "VERB"
            and _children(verb, *_SUBJ)
        ):
            # "handed an official note to UN Secretary-General Kurt Waldheim protesting Vietnam's
            # actions": the one addressed is not who protests; the writer is
            return _subject(s, verb)[0], False
        if head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if found := s.actors(head.head):
                return found, False
            if opposed_text(head.head):
                return [], False  # "vetoed a resolution condemning the invasion": not the vetoer's words
            head = head.head  # "a treaty signed after the summit": whoever the clause is about
            while head.dep_ not in ("ROOT",) and head.pos_ != "VERB" and head.head.i != head.i:
                head = head.head
            subj = _children(head, *_SUBJ)
            return (s.actors(subj[0]) if subj else []), False
        if head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH:
            # "reported that a Philippine ship 'illegally stranded' at Sabina Shoal 'deliberately
            # rammed' a Chinese vessel": a reported clause the parse split keeps the subject of its
            # first part, not the reporter's
            split = [c for c in _children(head.head, "ccomp") if c.i < head.i and _children(c, "nsubj")]
            if split and not any(c.dep_ == "mark" for c in head.children):
                return s.actors(_children(split[-1], "nsubj")[0]), False
        # ("Russia would be ready to assist North Korea": the subject of the one ready)
        ready = head.dep_ == "acomp" and head.lemma_.lower() in _READY
        if (
            head.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep") or ready
        ) and head.head.i != head.i:
            # "the United States is obliged to defend Japan": a passive head's subject does it
            # "The Chinese vessels were involved in two collisions and blasted one of the boats": an
            # active verb joined to a passive one shares its subject
            control = head.dep_ == "xcomp" or (
                head.dep_ == "conj"
                and head.tag_ in ("VBD", "VBZ", "VBP")
                and _children(head, "dobj")
                and not any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
            )
            head = head.head
            subj = _children(head, *_SUBJ, *(("nsubjpass",) if control else ()))
            if subj and subj[0].lower_ in _PERSONAL and head.lemma_.lower() not in SPEECH:
                return _antecedent(s, head), False  # "They also agreed to hold a meeting"
            if subj and (home := _home_body(s, subj[0])) is not None:
                return [home], False  # "The ministry condemned ..., accusing Israel of ...": its state's
            if subj:
                return s.actors(subj[0]), False
            continue
        break
    return [], False


def _stray_subject(s: _Sentence, tok: Token) -> list[Token]:
    """ "Washington, meanwhile, has accused Moscow ...": a state the parse hung on the verb as a
    modifier, with nothing between them but commas, adverbs and auxiliaries, is its subject."""
    for c in tok.children:
        if (
            c.dep_ in ("npadvmod", "dep", "nmod")
            and c.i < tok.i
            and s.mention(c) is not None
            and all(t.pos_ in ("PUNCT", "ADV", "AUX") for t in tok.doc[c.i + 1 : tok.i])
        ):
            return [c]
    return []


def _gerund_subject(s: _Sentence, tok: Token) -> list[str] | None:
    """The state named right before a gerund that has no subject of its own: "in response to North
    Korea allegedly dispatching troops", which the parse may read as "in response to North Korea"
    and a clause of its own."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "pcomp"):
        return None
    j = tok.i - 1
    while j >= 0 and tok.doc[j].pos_ == "ADV":
        j -= 1
    before = tok.doc[j] if j >= 0 else None
    while before is not None and before.dep_ == "conj" and before.head.i < before.i and s.mention(before):
        before = before.head  # "amid the Philippines, United States and Japan conducting drills": all of them
    if before is None or before.dep_ not in ("pobj", "dobj"):
        return None
    if (
        before.dep_ == "pobj"
        and before.head.lower_ in ("in", "at", "inside", "near", "within")
        and before.head.head.i == tok.head.i
        and _children(tok.head, *_SUBJ)
    ):
        return None  # "North Korean troops are in Russia fighting against Ukraine": where, not who
    top = before  # ("to the Chairman of the UN Security Council")
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.dep_ == "pobj":
        top = top.head.head
    if (
        top.dep_ == "pobj"
        and top.head.lower_ == "to"
        and top.head.head.i == tok.head.i
        and tok.head.pos_ == "VERB"
        and _children(tok.head, *_SUBJ)
    ):
        return None  # "Iceland wrote to the UN Security Council protesting against British aggression"
    named = [m for t in before.subtree if (m := s.mention(t)) is not None]
    if not named or any(m.form.kind == "leader" for m in named):
        return None  # "sent a letter to Secretary-General Antonio Guterres accusing Asmara": the letter does
    return s.actors(before) or None


_ANSWERS = frozenset({"response", "retaliation", "reaction", "reply", "answer", "revenge", "reprisal"})


def _answered(tok: Token) -> bool:
    """The noun names what a response answers: "in response to their attacks", "in retaliation
    for its strikes"."""
    return (
        tok.dep_ == "pobj" and tok.head.lower_ in ("to", "for") and tok.head.head.lemma_.lower() in _ANSWERS
    )


_REASON = frozenset({"over", "for", "due", "because", "owing"})


def _sanctioned_for(s: _Sentence, tok: Token) -> list[str]:
    """Those sanctions are on, when the noun is the reason given for them ("sanctions on Russia due
    to its invasion", "sanctions against Iran over its nuclear programme")."""
    up = tok.head
    reason = False
    while up.pos_ == "ADP" and up.head.i != up.i:
        reason = reason or up.lower_ in _REASON
        up = up.head
    if not reason:
        return []
    holders = [up, *_children(up, "dobj")] if up.pos_ == "VERB" else [up]
    on = [h for h in holders if h.lemma_.lower() in ("sanction", "sanctions")]
    return [a for h in on for p in _pobj(h, ("on", "against")) for a in s.actors(p)]


# Wars a pronoun may own ("troops to Russia to support its war"): whose is the one helped
_WARS = frozenset({"war", "invasion", "aggression", "offensive"})
# How far up from the war a clause that helps in it may be ("delivering arms to Moscow to fuel its war")
_HELPING_LINKS = frozenset({"prep", "pobj", "pcomp", "advcl", "xcomp", "acl", "dobj", "npadvmod"})


def _helped_owner(s: _Sentence, tok: Token, pron: Token) -> list[str]:
    """Whose war "its" is where the sentence helps someone in it: the state named nearest before
    the pronoun as what the clauses above it act on or give to ("sent troops to Russia to support
    its war", "supplying Moscow with weapons for its war", "send Russia howitzers for use in its
    war", "support to Ukraine in its war against Russia", "fought alongside Russia in its war"), not
    the helper."""
    named: list[tuple[int, list[str]]] = []
    up = tok
    while up.head.i != up.i:
        link, up = up.dep_, up.head
        given = _children(up, "dobj")  # "arms to Moscow": the "to" may hang on what is given
        held = [*given, *(p for t in (up, *given) for p in _pobj(t, ("to", "alongside")))]  # and a dative
        named += [(n.i, s.actors(n)) for n in held if n.i < pron.i and s.mention(n) is not None]
        if link not in _HELPING_LINKS:
            break
    return max(named)[1] if named else []


def _antecedent(s: _Sentence, tok: Token) -> list[str]:
    """What a pronoun subject stands for: the subject of the clause above ("North Korea denied
    that it had sent troops"), else the first actor named before the trigger; but an "it" after an
    event named above is that event ("condemned the attack, saying it had targeted ..."), whose
    doer only its own modifiers name."""
    chain = _clause_chain(tok)[1:]
    if (
        tok.dep_ == "relcl"
        and tok.lemma_.lower() in CARRYING
        and tok.head.lemma_.lower() in NOUN_TRIGGERS
        and (subj := [c for c in _children(tok, *_SUBJ) if c.lower_ in ("it", "they")])
    ):
        # "Israel's use of its airspace during a large-scale offensive it carried out on Iran": the
        # state last named as a noun before the pronoun, not the main clause's subject (Baghdad)
        named = [m.form.target for t in tok.doc[: subj[0].i]
                 if t.dep_ not in ("amod", "compound") and (m := s.mention(t)) is not None]  # fmt: skip
        return named[-1:]
    if any(c.lower_ == "it" for c in _children(tok, *_SUBJ)):
        for t in chain:
            events = [d for d in _children(t, "dobj") if NOUN_TRIGGERS.get(d.lemma_.lower()) == "~attack"]
            if events:
                return [
                    a
                    for c in events[0].children
                    if c.dep_ in ("poss", "amod", "compound")
                    for a in s.actors(c)
                ]
    pron = next((c for c in tok.children if c.dep_ in (*_SUBJ, "poss") and c.pos_ == "PRON"), None)
    word = pron.lower_ if pron is not None else ""
    # "welcomed the French government's admission that it ordered the bombing": the one whose
    # admission, claim or statement the clause is
    owned = word in ("it", "they") and tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN"
    if owned and (owner := [a for c in _children(tok.head, "poss") for a in s.actors(c)]):
        return owner
    if pron is not None and pron.dep_ == "poss" and _answered(tok):
        return []  # "airstrikes had targeted Houthi sites in response to their attacks": not the striker's own
    if pron is not None and pron.dep_ == "poss" and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        # "supported Baku in its military aggressions": the one the verb acts on
        helped = [a for d in _children(tok.head.head, "dobj") for a in s.actors(d)]
        if word in ("its", "their") and helped and tok.head.head.pos_ == "VERB":
            return helped
    if word in ("its", "their") and tok.dep_ == "pobj" and (sanctioned := _sanctioned_for(s, tok)):
        return sanctioned  # "imposed sanctions on Russia due to its invasion of Ukraine": Russia's
    if word in ("its", "their") and tok.dep_ == "pobj" and tok.head.lower_ == "for":
        # "supplies ammunition to Moscow for its invasion of Ukraine": the one supplied
        given = (tok.head.head, *_children(tok.head.head, "dobj"))
        if supplied := [a for g in given for p in _pobj(g, ("to",)) for a in s.actors(p)]:
            return supplied
    if (
        word in ("its", "their")
        and pron is not None
        and tok.lemma_.lower() in _WARS
        and (helped_ := _helped_owner(s, tok, pron))
    ):
        return helped_
    # "Hayashi said Russia's acquisition ... in its invasion": "it" is no person
    thing = word in ("it", "its")
    for t in chain:
        if accused := _accused(s, t):
            return accused  # "accused China's ships of intensifying their harassment": the ships'
        if before := _gerund_subject(s, t):
            return before  # "videos showing the Chinese Coast Guard vessel using its water cannon"
        subj = _children(t, *_SUBJ)
        if subj and subj[0].lower_ in ("which", "who", "that") and t.dep_ == "relcl" and s.actors(t.head):
            return s.actors(t.head)  # "support for Russia, which continues its aggression": Russia's
        if subj and subj[0].lemma_.lower() in NON_STATE and s.mention(subj[0]) is None:
            return []  # "Yemen's Houthi group has said that it had launched": the group, no state
        if subj and subj[0].pos_ != "PRON" and not (thing and _person(s, subj[0])):
            found = s.actors(subj[0])
            if found:
                return found
            if word in ("he", "she") and subj[0].pos_ == "PROPN":
                # "Abkhazia's separatist leader Aslan Bzhania said he has signed": that person,
                # of no state named, not the state named before him
                return []
    # "in Dushanbe ..., he would meet": a person is not a capital named before him
    # "While stressing peace in the Taiwan Strait, they condemned ...": a place is no one "they" stands for
    placed = (
        {c.idx for t in tok.doc if t.dep_ == "pobj" and t.head.lower_ in ("in", "across") for c in t.subtree}
        if word in ("they", "their")
        else set()
    )
    west = (
        [t.idx for t in tok.doc[: pron.i] if t.lower_ == "west" and t.pos_ == "PROPN"]
        if thing and pron
        else []
    )
    if west and pron is not None and not any(west[-1] < m.start < pron.idx for m in s.mentions):
        return []  # "a warning to the West as it steps up military support for Ukraine": no state
    before = [
        m.form.target
        for m in s.mentions
        if m.end <= tok.idx
        and not (thing and m.form.kind == "leader")
        and not (word in _THIRD_PERSON and m.form.kind == "capital")
        and m.start not in placed
    ]
    if before:
        return before[:1]
    # "He warned that Israel's actions ...": the office-holder the article named last; "'We will
    # go after those targets,' he said": whoever says it
    if word in _FIRST_PERSON:
        word = next((w for w in _speakers(chain) if w in _THIRD_PERSON), "")
    if word in _THIRD_PERSON and s.person:
        return [s.person]
    # "Japanese and US defence ministers spoke by phone ... They also agreed to ...": whom the
    # sentence before was about
    if pron is None or any(m.start < pron.idx and m.start not in placed for m in s.mentions):
        return []  # a pronoun after a name in the sentence is not for the sentence before
    if word in ("it", "its"):
        return list(s.previous) if len(s.previous) == 1 else []
    return list(s.previous) if word in ("they", "their") else []


_THIRD_PERSON = frozenset({"he", "she", "his", "her"})


def _person(s: _Sentence, t: Token) -> bool:
    """The phrase names a person (an office-holder), not a state or body."""
    m = s.mention(t)
    return m is not None and m.form.kind == "leader"


_IMPOSING = frozenset(
    {"impose", "reimpose", "restore", "reinstate", "trigger", "slap", "levy", "renew", "extend"}
)
_TAKEN = frozenset({"seize", "capture", "take", "retake", "recapture", "wrest", "liberate", "annex"})
# A state's bodies that "the" names once the article has named whose they are ("the ministry")
_BODIES = frozenset({"ministry", "council", "military", "army", "navy", "government", "embassy", "guard"})
_RELATIVE = frozenset({"which", "who"})  # not "that", often hung on the wrong noun
_PERSONAL = frozenset({"he", "she", "it", "they"})  # not "who", "which", "that", "we"
_FIRST_PERSON = frozenset({"i", "we", "my", "our"})


def _speakers(chain: list[Token]) -> list[str]:
    """The pronoun subjects of the speech verbs a clause hangs from ("..., he said")."""
    return [
        c.lower_ for t in chain if t.lemma_.lower() in SPEECH
        for c in t.children if c.dep_ in _SUBJ and c.pos_ == "PRON"
    ]  # fmt: skip
