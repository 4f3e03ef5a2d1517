"""One parsed sentence and the actors named in it: what the parse-based coder reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

from casus.evidence.gazetteer import Mention
from casus.evidence.lexicon import (
    COLLECTIVE_NOUNS,
    GROUP_NOUNS,
    GROUP_NUMBERS,
    KIN,
    NON_STATE,
    OFFICIAL_WORDS,
)
from casus.evidence.model import Attribution

__all__ = ["Sentence", "Token", "targets"]

Token = Any  # spacy.tokens.Token


def targets(m: Mention) -> list[str]:
    """The actors a mention stands for: its state or body, or each state of a group."""
    return list(m.form.members) if m.form.members else [m.form.target]


# Posts held in a state's service, placed by "in" ("a minister in the Israeli government")
_POSTS = frozenset({"secretary", "minister", "ambassador", "commander", "chief", "director"})
# Offices a person's apposition names, which speak for the state they serve ("Yasir al-Atta,
# Assistant Commander-in-Chief of the Sudanese Army")
_HOLDERS = frozenset({"commander", "head", "chief", "adviser", "advisor", "general", "spokesperson"})


class Sentence:
    """One parsed sentence and the actors named in it (mentions with sentence offsets)."""

    def __init__(
        self, doc: Any, mentions: list[Mention], last_speaker: Attribution | None = None,
        context: list[str] | None = None, text: str | None = None, on: dt.date | None = None,
    ) -> None:  # fmt: skip
        self.doc = doc
        self.on = on  # the article's date: who held an office the sentence names by title
        self._text = text
        self._low: str | None = None
        self.mentions = mentions
        self.last_speaker = last_speaker
        self.person: str | None = None  # the state of the office-holder named last before this sentence
        # what the sentence just before was about (its main clause's subject), for "they" and "it"
        self.previous: list[str] = []
        # whose officials "the ministry" and "the council" are: the state whose officials the article
        # quoted last, or where it was filed from
        self.home: str | None = None
        # who did the events the article has told of so far, by kind ("drills", "strike"), for "condemned
        # the drills" in a later sentence (`casus.evidence.events`)
        self.events: dict[str, list[str]] = {}
        # "the two countries", "both sides": the two states this sentence names, else the two the
        # article named last
        named = list(dict.fromkeys(m.form.target for m in mentions if m.form.kind not in ("org", "leader")))
        self.pair = named[:2] if len(named) >= 2 else (context or [])[:2]
        if len(named) > 2 and context and len(context) >= 2:
            # "the US, South Korea and Ukraine criticised cooperation between the two countries":
            # a sentence naming more than two states means the pair the article spoke of before
            self.pair = context[:2]
        self._many = len(named) > 2
        self.earlier = (context or [])[:2]  # the two the article named last before this sentence
        # "the three countries", "all three": the states a sentence before named together; "the
        # countries" and "them" only while no sentence since has named two or more states
        self.group: list[str] = []
        self.group_last = False
        self.by_char: dict[int, Mention] = {}
        for m in mentions:
            for c in range(m.start, m.end):
                self.by_char[c] = m

    @property
    def low(self) -> str:
        """The sentence lower-cased, for cheap tests before a walk of its tokens; made when first
        asked for (a Doc rebuilds its text from the tokens on every `doc.text`)."""
        if self._low is None:
            self._low = (self.doc.text if self._text is None else self._text).lower()
        return self._low

    def mention(self, tok: Token) -> Mention | None:
        return self.by_char.get(tok.idx)

    def actors(self, head: Token | None) -> list[str]:
        """The actors a noun phrase names: itself, its modifiers, 'of'/'from' phrases, conjuncts."""
        if head is None:
            return []
        out: list[str] = []
        for h in [head, *[c for c in head.conjuncts if c.i > head.i]]:
            found = self._actors_of(h)
            out += [a for a in found if a not in out]
            if not found and len(self.pair) == 2 and self.collective(h):
                pair = (self._pair_before(h) if self._many else []) or self.pair
                if len(self.earlier) == 2 and all(m.start > h.idx for m in self.mentions) and h.i < h.head.i:
                    # "The two countries strengthened their military ties after Moscow invaded Ukraine":
                    # the two spoken of before, when this sentence names states only after the phrase
                    pair = self.earlier
                out += [p for p in pair if p not in out]
            elif not found and self.grouped(h):
                out += [p for p in self.group if p not in out]
        return out

    def _pair_before(self, head: Token) -> list[str]:
        """The two states joined by "and" last before the phrase ("sanctions against Russia and
        North Korea due to ... cooperation between these two countries"), in a sentence naming more."""
        for t in reversed(head.doc[: head.i]):
            if t.dep_ == "conj" or not t.conjuncts:
                continue
            both = [m.form.target for u in (t, *t.conjuncts) if (m := self.mention(u)) is not None]
            if len(both) == 2 == len(t.conjuncts) + 1 and both[0] != both[1] and t.conjuncts[-1].i < head.i:
                return both
        return []

    def grouped(self, head: Token) -> bool:
        """A noun phrase that stands for the group of states named together before: "the three
        countries" or "all three" (the number must be the group's), or, while no sentence since has
        named two or more states, "these nations", "the countries"."""
        if not self.group:
            return False
        word = head.lower_
        marks = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet", "amod", "quantmod")}
        if word in GROUP_NUMBERS:  # "all three signed"
            return "all" in marks and GROUP_NUMBERS[word] == len(self.group)
        if head.lemma_.lower() not in GROUP_NOUNS or head.tag_ not in ("NNS", "NNPS"):
            return False
        counted = [GROUP_NUMBERS[w] for w in marks if w in GROUP_NUMBERS]
        if counted:
            return counted[0] == len(self.group)
        return (
            self.group_last
            and bool(marks & {"the", "these", "those", "all"})
            and not (marks & {"two", "both"})
        )

    def _actors_of(self, head: Token) -> list[str]:
        """The actor a phrase head names or is modified by ("North Korean troops", "Russia's
        ministry", "officials in Moscow"), with the modifier's conjuncts ("the Philippines and US
        governments"); modifiers before prepositional phrases, nearest first."""
        m = self.mention(head)
        if m is not None and m.form.members:  # "the Baltic states": each of them
            return list(m.form.members)
        kids = list(head.children)  # (read once: each reading walks the phrase and makes new tokens)
        if m is not None:
            # "Putin and DPRK leader Kim Jong-un" is often parsed as a coordination modifying the
            # last name: the coordinated modifier's actors come first
            # ("Iranian President Masoud Pezeshkian and Russian President Vladimir Putin" may hang the
            # first name and the "and" under the second's title)
            coord = [
                c for c in kids
                if c.i < head.i and ((c.dep_ == "nmod" and c.conjuncts)
                                     or (c.dep_ == "compound" and any(t.dep_ == "cc" for t in c.subtree)))
            ]  # fmt: skip
            before = [n.form.target for c in coord for t in c.subtree if (n := self.mention(t)) is not None]
            # "Mali, Burkina Faso and Niger" may be parsed as a name with a list in apposition
            listed = [
                n.form.target for c in kids if c.dep_ == "appos" and c.i > head.i
                for t in (c, *c.conjuncts) if (n := self.mention(t)) is not None and n.form.kind == "name"
            ] if m.form.kind == "name" else []  # fmt: skip
            return list(dict.fromkeys([*before, m.form.target, *listed]))
        if head.lemma_.lower() in NON_STATE:
            return []  # "members of the Palestinian movement", "Pakistani militants": no state acts
        kin = self._kin_named(head, kids) or [
            a for c in kids if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj" for a in self._kin_named(p, list(p.children))
        ]  # fmt: skip
        if kin:  # "the leaders of North Korea's major partners, China and Russia": the partners
            return kin
        if (
            head.lemma_.lower() in KIN
            and head.tag_ == "NNS"
            and not any(
                ((n := self.mention(c)) is not None and n.form.kind == "org")
                or c.tag_ == "PRP$"
                or c.dep_ == "nummod"
                or c.lower_ in ("two", "both")
                for c in kids
            )
        ):
            # "Philippine allies and partners have expressed concern": not the Philippines (but
            # "our Philippine allies" are, and "the two U.S. allies" the pair spoken of)
            return []
        for c in kids if head.pos_ == "PROPN" else ():
            # "Yasir al-Atta, Assistant Commander-in-Chief of the Sudanese Army": whose office the
            # person holds
            # (the phrase right after the name's comma: not "Kozlov, who is leading ..., the Korean
            # Central News Agency said", misparsed as an apposition)
            if (
                c.dep_ == "appos"
                and c.left_edge.i == head.i + 2
                and head.doc[head.i + 1].text == ","
                and c.lemma_.lower() in OFFICIAL_WORDS | _POSTS | _HOLDERS
            ) and (found := self._actors_of(c)):
                return found
        for c in kids if head.pos_ == "NOUN" else ():
            # "Russian ally Belarus", "fellow member Romania": the one named, not its modifiers
            if c.dep_ == "appos" and (m := self.mention(c)) is not None and m.form.kind != "leader":
                more = [a for cj in c.conjuncts if (n := self.mention(cj)) is not None for a in targets(n)]
                return list(dict.fromkeys([*targets(m), *more]))
        # "officials in Moscow", "Assistant Secretary of State ... in the US Department of State"
        # (not "foreign embassies in the Philippines": others' posts there)
        official = head.lemma_.lower() in OFFICIAL_WORDS | _POSTS and not (
            head.lemma_.lower() in ("embassy", "diplomat", "envoy", "mission")
            and any(c.lower_ == "foreign" for c in kids)
        )
        near = sorted(kids, key=lambda t: abs(t.i - head.i))
        mods = [c for c in near if c.dep_ in ("compound", "amod", "poss", "nmod", "nummod")]
        # "Russia's deputy UN Ambassador Anna Evstigneeva": whose envoy, not the body he is sent to
        mods.sort(key=lambda c: c.dep_ != "poss" or c.pos_ != "PROPN")
        preps = [
            c
            for c in near
            if c.dep_ == "prep"
            and (c.lower_ in ("of", "from", "by") or (official and c.lower_ == "in"))
            and not any(g.dep_ == "pcomp" for g in c.children)  # "accused Western countries of arming ..."
        ]
        if _members_of(self, head):
            return []  # "two CSTO member states", "the NATO member country", "its NATO ally": states unnamed
        for c in mods + preps:
            for t in c.subtree:
                m = self.mention(t)
                if m is not None and m.form.kind == "org" and _in_members(self, t):
                    continue  # "the airspace of the NATO member country": a member, not the alliance
                if m is not None and not (
                    t.dep_ in ("amod", "compound") and t.head.lemma_.lower() in NON_STATE
                ):
                    # ("of South Korea, Japan, and the United States": the conjuncts hang on the
                    # name's last word, not on "South")
                    h = t
                    while h.dep_ in ("compound", "flat") and h.head.i != h.i and self.mention(h.head) is m:
                        h = h.head
                    more = [
                        a for cj in h.conjuncts if (n := self.mention(cj)) is not None for a in targets(n)
                    ]
                    # "the interests of the United States and of the State of Qatar"
                    more += [a for cj in c.conjuncts if c.dep_ == "prep" for a in self._named_in(cj)]
                    return list(dict.fromkeys([*targets(m), *more]))
        # "an attack carried out by Cambodian forces": the agent of a participle on the phrase
        for c in kids:
            if c.dep_ == "acl":
                for ag in c.children:
                    if ag.dep_ == "agent":
                        found = [a for p in ag.children if p.dep_ == "pobj" for a in self.actors(p)]
                        if found:
                            return found
        # "the country's leader, Kim Jong Un": the person named in apposition; "three Sahel nations
        # (Mali, Niger, and Burkina Faso)": each state of the list
        for c in kids:
            if c.dep_ == "appos" and (m := self.mention(c)) is not None:
                more = [n.form.target for cj in c.conjuncts if (n := self.mention(cj)) is not None]
                return list(dict.fromkeys([m.form.target, *more]))
        return []

    def _kin_named(self, head: Token, kids: list[Token]) -> list[str]:
        """The states named beside a word for another's partners ("North Korea's major partners,
        China and Russia"; the parse may make the list a coordination)."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in KIN or head.tag_ != "NNS":
            return []
        named = [c for c in kids if c.dep_ in ("appos", "conj") and c.i > head.i]
        found = [m for c in named for t in (c, *c.conjuncts) if (m := self.mention(t)) is not None]
        return list(dict.fromkeys(m.form.target for m in found if m.form.kind == "name"))

    def _named_in(self, phrase: Token) -> list[str]:
        """The actors of the first name in a phrase."""
        return next((targets(m) for t in phrase.subtree if (m := self.mention(t)) is not None), [])

    @staticmethod
    def collective(head: Token) -> bool:
        """A noun phrase that stands for two states together: "the two countries", "both
        sides", "the parties", "both", and "each" before "the other"."""
        word = head.lower_
        if word == "both" and head.pos_ == "PRON":
            return True
        each = word == "each" or (  # "Each country has accused the other"
            head.lemma_.lower() in COLLECTIVE_NOUNS and any(c.lower_ == "each" for c in head.children)
        )
        if each and head.dep_ == "nsubj":  # "Each blamed the other"
            return any(c.lower_ == "other" and c.dep_ == "dobj" for c in head.head.children)
        if head.lemma_.lower() not in COLLECTIVE_NOUNS or head.tag_ not in ("NNS", "NNPS"):
            return False
        marks = {c.lower_ for c in head.children if c.dep_ in ("det", "nummod", "predet", "amod")}
        return bool(marks & {"two", "both"}) or (word in ("sides", "parties") and "the" in marks)


_MEMBERS = frozenset({"state", "country", "nation"})


def _members_of(s: Sentence, head: Token) -> bool:
    """The phrase names members of an alliance, not the alliance: "<body> member state(s)" or
    "country", or one "<body> ally" ("its NATO ally"), whichever states they are."""
    lemma = head.lemma_.lower()
    bodies = [
        c for c in head.children
        if c.dep_ in ("compound", "nmod", "amod") and (m := s.mention(c)) is not None and m.form.kind == "org"
    ]  # fmt: skip
    member = any(
        c.lemma_.lower() == "member" and c.dep_ in ("compound", "amod", "nmod") for c in head.children
    )
    if lemma in _MEMBERS and member:
        bodies += [
            t for c in head.children if c.lemma_.lower() == "member" for t in c.children
            if (m := s.mention(t)) is not None and m.form.kind == "org"
        ]  # fmt: skip
        return bool(bodies)
    return lemma == "ally" and head.tag_ == "NN" and bool(bodies)


def _in_members(s: Sentence, t: Token) -> bool:
    """The alliance's name modifies a phrase naming its members ("NATO" in "the NATO member country")."""
    head = t.head
    if head.lemma_.lower() == "member" and head.dep_ in ("compound", "amod", "nmod"):
        head = head.head
    return head.i != t.i and _members_of(s, head)
