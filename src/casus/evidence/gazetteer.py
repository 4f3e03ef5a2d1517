"""Recognising states, organisations and leaders in text, resolved at the article's date.

Surface forms come from the state registry (names, aliases, demonyms, capitals, metonyms such as
"the Kremlin"), from `data/evidence/organisations.yaml`, from `leaders.yaml` (people by office
and term), from `historical-names.yaml` (names a state no longer uses, e.g. "West Germany"),
from `movements.yaml` (a movement's name standing for the state it rules, only while it rules it:
"the Taliban" from August 2021) and from `groups.yaml` (a fixed set of states named together,
"the Baltic states": one mention, each member an actor).
All forms are compiled into one case-sensitive regular expression shaped as a trie (one branch
per next character, longer continuations tried first), so "North Korean" wins over "Korean" and
each position costs one walk down the trie rather than a try of every form. A form that several states share over time ("Moscow": the Soviet
Union, then Russia) resolves to the one that existed on the date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from casus.evidence.headlines import title_case_line
from casus.evidence.lexicon import trie_pattern
from casus.loader import read_file, validate
from casus.model import InputError
from casus.world import StateRegistry, load_states

DATA = Path(__file__).resolve().parents[1] / "data" / "evidence"
Kind = Literal["name", "demonym", "capital", "metonym", "org", "leader", "historical", "group"]
FAR_FUTURE = dt.date(9999, 12, 31)


@dataclass(frozen=True)
class Form:
    """One surface form and what it may refer to."""

    text: str
    kind: Kind
    target: str  # state or organisation id
    start: dt.date
    end: dt.date  # exclusive
    person: str | None = None
    office: str | None = None
    members: tuple[str, ...] = ()  # a group's states ("the Baltic states"); target is the first
    title: str = ""  # the words of office an article introduced a person with ("head of the SVR")


@dataclass(frozen=True)
class Mention:
    """A resolved mention in a text."""

    start: int
    end: int
    text: str
    form: Form
    current: bool  # the form was valid on the article's date


_LOWERED = frozenset({"name", "demonym", "capital", "metonym", "leader"})  # Russia's, in lower case
_SEA_AFTER = re.compile(r" Sea\b")
# Two given names before a state's name make it a person's surname ("Rear Admiral Roy Vincent
# Trinidad"); only after another word ("Largely Muslim Morocco" opens its sentence)
# a place or body named after a person ("the Ho Chi Minh Trail", "Kennedy Airport", "the Carter
# Center"): the namesake is no actor there
_NAMESAKE = re.compile(
    r"(?:'s)? (?:Trail|City|Square|Street|Avenue|Boulevard|Bridge|Airport|Stadium|Mausoleum|Museum|"
    r"Memorial|Library|University|Center|Centre|Foundation|Institute|School|Hospital|Highway|Canal)\b"
)
_NAME_AFTER = re.compile(r" ([A-Z][a-z]+)\b")
# what follows a leader's surname that is no further name ("the Trump administration" in capitals)
_OF_A_LEADER = frozenset(
    {
        "Administration",
        "Government",
        "Cabinet",
        "Doctrine",
        "Era",
        "White",
        "Jr",
        "Sr",
        "Said",
        "Says",
        "Told",
    }
)
_INSTITUTE_AFTER = re.compile(r" on (?:Foreign Relations|Foreign Affairs|International Relations)\b")
_COMMUNITY_AFTER = re.compile(r" (?:communit|minorit|populations?\b|tribes?\b|clans?\b)")
_COMMUNITY_BEFORE = re.compile(r"\b(?:majority|minority) $")
_GIVEN_NAMES_BEFORE = re.compile(r"(?<=\w )[A-Z][a-z]+ [A-Z][a-z]+ $")
# capitalised words before a state's name that are not given names ("Republic of", "In", "North")
_NOT_GIVEN = frozenset(
    {"in", "at", "on", "from", "by", "with", "of", "to", "for", "and", "but", "as", "the", "a", "an", "if",
     "when", "after", "before", "both", "while", "since", "like", "said", "says", "told", "visited",
     "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater",
     "upper", "lower", "new", "old", "great", "democratic", "republic", "kingdom", "united", "federal",
     "people", "peoples", "islamic", "arab", "socialist", "federated", "independent", "free", "state",
     "mainland", "modern", "communist", "imperial", "soviet", "neighbouring", "neighboring", "then",
     "president", "minister", "prime", "premier", "king", "queen", "prince", "emperor", "sultan", "shah",
     "secretary", "general", "chancellor", "ambassador", "envoy", "leader", "chief", "foreign", "defense",
     "defence", "army", "navy", "coast", "guard", "ministry", "government", "embassy", "mission", "forces",
     "force", "air", "national", "council", "senate", "parliament", "congress", "assembly", "court",
     "breaking", "update", "report", "exclusive", "analysis", "opinion", "editorial", "news", "photo",
     "video", "watch", "read", "more", "see", "also", "today", "yesterday", "tomorrow", "this", "that",
     "these", "those", "its", "his", "her", "their", "our", "my", "your", "why", "how", "what", "who",
     "where", "will", "would", "can", "could", "should", "may", "might", "must", "is", "are", "was",
     "were", "has", "have", "had", "do", "does", "did", "not", "no", "yes", "all", "some", "any", "every",
     "each", "other", "another", "such", "only", "just", "even", "still", "than", "so", "too",
     "very", "via", "per", "over", "under", "into", "onto", "upon", "against", "between", "among",
     "across", "through", "during", "without", "within", "about", "around", "near", "off", "out", "up",
     "down", "back", "away", "again", "once", "twice", "first", "last", "next", "second", "third",
     "january", "february", "march", "april", "june", "july", "august", "september", "october",
     "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
# Names of bodies that contain a state's name but are not the state
_NAMED_FOR_FRANCE = re.compile(r"\bAgence France[- ]Presse\b|\bAir France\b")
# Words before a demonym that make it a nation's people, not its state ("ethnic Russians",
# "rebel Serb forces")
_KIN_BEFORE = re.compile(r"\b(?:ethnic|fellow|rebel|separatist|breakaway)\s+$", re.I)
# Armed groups named after a state they fight, which name neither that state nor the one their
# namesake rules ("the Pakistani Taliban", "Tehreek-e-Taliban Pakistan (TTP)")
_NAMED_AFTER_A_STATE = re.compile(r"\bPakistani Taliban|\bTehr[ei]e?k-[ei]-Taliban(?: Pakist?h?an)?")
_SEA_BEFORE = re.compile(r"\b(?:Sea|Gulf|Bay|Straits?) of $")  # "the Gulf of Oman", "the Bay of Bengal"
# "Papua new Guinean troops", the "new" in lower case: Papua New Guinea's, not Guinea's
_PAPUA_BEFORE = re.compile(r"Papua [Nn]ew $")
# "Latin America", "South American states", "the Americas": a continent or region, not the United States
_CONTINENT_BEFORE = re.compile(r"\b(?:Latin|South|North|Central|Meso)[ -]$")


def _date(v: Any, default: dt.date) -> dt.date:
    if v is None:
        return default
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organisation(_Entry):
    """An organisation's id, full name and the other names articles use."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    defence_treaty: str | None = None  # the bundled pact of its collective defence, if any


class OfficeTerm(_Entry):
    """One term of a person in an office of a state or organisation."""

    name: str
    short: str
    state: str | None = None
    org: str | None = None
    office: str
    from_: dt.date = Field(alias="from")
    until: dt.date | None = None


class RulingMovement(_Entry):
    """A movement whose name stands for the state it rules, while it rules it."""

    name: str
    forms: list[str]
    state: str
    from_: dt.date = Field(alias="from")
    until: dt.date | None = None

    @model_validator(mode="after")
    def _ends_after_it_begins(self) -> RulingMovement:
        if self.until is not None and self.until <= self.from_:
            raise ValueError(f"until ({self.until}) is not after from ({self.from_})")
        return self


class Group(_Entry):
    """A fixed set of states articles name together ("the Baltic states")."""

    name: str
    forms: list[str]
    members: list[str] = Field(min_length=2)


class HistoricalName(_Entry):
    """A name (and demonyms) a state used until a date (from one, where given)."""

    name: str
    demonyms: list[str] = Field(default_factory=list)
    state: str
    from_: dt.date | None = Field(default=None, alias="from")
    until: dt.date

    @model_validator(mode="after")
    def _ends_after_it_begins(self) -> HistoricalName:
        if self.from_ is not None and self.until <= self.from_:
            raise ValueError(f"until ({self.until}) is not after from ({self.from_})")
        return self


EVIDENCE_FILES: dict[str, type[_Entry]] = {
    "organisations.yaml": Organisation,
    "leaders.yaml": OfficeTerm,
    "historical-names.yaml": HistoricalName,
    "movements.yaml": RulingMovement,
    "groups.yaml": Group,
}


# Letters that carry no separable accent in Unicode but lose it in the English press
_UNDECOMPOSED = str.maketrans("łŁøØđĐı", "lLoOdDi")


def _spellings(name: str, state: str) -> list[str]:
    """A name as the press writes it: Korean given names hyphenated or not ("Kim Jong Un",
    "Kim Jong-un", "Kim Jong-Un"; "Lee Jae-myung", "Lee Jae Myung"), and without its accents
    ("Nausėda", "Nauseda")."""
    out = [name]
    parts = name.split()
    if state in ("PRK", "KOR") and len(parts) == 3:
        out += [f"{parts[0]} {parts[1]}-{parts[2].lower()}", f"{parts[0]} {parts[1]}-{parts[2]}"]
    if state in ("PRK", "KOR") and len(parts) == 2 and "-" in parts[1]:
        given = parts[1].split("-")
        out += [f"{parts[0]} {' '.join(g.capitalize() for g in given)}"]
    plain = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED)).encode("ascii", "ignore").decode()
    if plain != name and len(plain) == len(name):
        out.append(plain)
    return out


def load_evidence_file(path: Path) -> list[Any]:
    """Read one of the evidence vocabulary files (by its name), with located errors."""
    model = EVIDENCE_FILES[path.name]
    data, lines = read_file(path)
    if not isinstance(data, list):
        raise InputError.single(path, 1, "", "expected a list of entries")
    return [validate(model, item, str(path), lines, (i,)) for i, item in enumerate(data)]


def _load(name: str) -> list[dict[str, Any]]:
    return [e.model_dump(by_alias=True) for e in load_evidence_file(DATA / name)]


@lru_cache(maxsize=1)
def organisations() -> list[dict[str, Any]]:
    """The organisations articles name (id, name, aliases, defence_treaty)."""
    return _load("organisations.yaml")


@lru_cache(maxsize=1)
def organisation_ids() -> frozenset[str]:
    """The ids of the organisations articles name (NATO, the UN, ...): their officials are no state's."""
    return frozenset(o["id"] for o in organisations())


@lru_cache(maxsize=1)
def alliances() -> frozenset[str]:
    """The organisations with a pact of collective defence (`defence_treaty`): their exercises and
    consultations are among their own members."""
    return frozenset(o["id"] for o in organisations() if o.get("defence_treaty"))


class Gazetteer:
    """All surface forms, compiled once."""

    def __init__(self, states: StateRegistry | None = None) -> None:
        reg = states or load_states()
        forms: list[Form] = []
        self.names: dict[str, str] = {}
        for s in reg:
            start = s.start or dt.date(1, 1, 1)
            end = s.end or FAR_FUTURE
            self.names[s.id] = s.name
            for text in {s.name, s.official_name, *s.aliases} - {None}:
                forms.append(Form(str(text), "name", s.id, start, end))
            for text in s.demonyms:
                forms.append(Form(text, "demonym", s.id, start, end))
            if s.capital:
                for text in {s.capital, s.capital.split(",")[0].strip()}:  # "Washington, D.C." → "Washington"
                    forms.append(Form(text, "capital", s.id, start, end))
            for text in s.metonyms:
                forms.append(Form(text, "metonym", s.id, start, end))
        for o in _load("organisations.yaml"):
            self.names[o["id"]] = o["name"]
            named = {o["name"], *o.get("aliases", [])}
            # either spelling ("the Organisation of American States" in British English)
            named |= {t.replace("Organization", "Organisation") for t in named}
            named |= {t.replace("Organisation", "Organization") for t in named}
            for text in named:
                forms.append(Form(text, "org", o["id"], dt.date(1, 1, 1), FAR_FUTURE))
        for g in _load("groups.yaml"):
            members = tuple(g["members"])
            for text in g["forms"]:
                forms.append(Form(text, "group", members[0], dt.date(1, 1, 1), FAR_FUTURE, members=members))
        for h in _load("historical-names.yaml"):
            for text in [h["name"], *h.get("demonyms", [])]:
                forms.append(
                    Form(
                        text,
                        "historical",
                        h["state"],
                        _date(h.get("from"), dt.date(1, 1, 1)),
                        _date(h["until"], FAR_FUTURE),
                    )
                )
        self.ruling: set[str] = set()  # forms that name no state outside their movement's rule
        for r in _load("movements.yaml"):
            for text in r["forms"]:
                forms.append(
                    Form(
                        text,
                        "metonym",
                        r["state"],
                        _date(r["from"], FAR_FUTURE),
                        _date(r["until"], FAR_FUTURE),
                    )
                )
                self.ruling.add(text)
        self.leaders = []
        for p in _load("leaders.yaml"):
            target = str(p.get("state") or p.get("org"))
            start, end = _date(p["from"], dt.date(1, 1, 1)), _date(p.get("until"), FAR_FUTURE)
            for text in {v for n in (p["name"], p["short"]) for v in _spellings(n, target)}:
                f = Form(text, "leader", target, start, end, person=p["name"], office=p["office"])
                forms.append(f)
                self.leaders.append(f)
        # Ukrainian outlets write Russia's names in lower case on purpose ("supplying arms to russia",
        # "russian president vladimir putin", "warned moscow"); no English word is spelled so
        forms += [
            dataclasses.replace(f, text=f.text.lower())
            for f in forms
            if f.target == "RUS" and f.kind in _LOWERED and not f.text.isupper()
        ]
        self.by_text: dict[str, list[Form]] = {}
        for f in forms:
            self.by_text.setdefault(f.text, []).append(f)
            if f.text.startswith("the "):  # "the Kremlin" opens a sentence as "The Kremlin"
                self.by_text.setdefault("T" + f.text[1:], []).append(f)
            if "'" in f.text:  # "Democratic People’s Republic of Korea", typeset
                self.by_text.setdefault(f.text.replace("'", "’"), []).append(f)
        for f in forms:
            # a lede in capitals ("THE PHILIPPINES has filed 47 diplomatic protests"); not short
            # forms, which in capitals are acronyms of something else
            if f.kind in ("name", "demonym") and len(f.text) >= 5 and not f.text.isupper():
                self.by_text.setdefault(f.text.upper(), []).append(f)
        body = trie_pattern(self.by_text)
        # Possessives and plurals ("Russia's", "Russians") still count as the form. The lookahead
        # on first letters lets the engine skip most positions at once.
        firsts = re.escape("".join(sorted({t[0] for t in self.by_text})))
        # Not inside a word, nor after a lower-case prefix ("pro-Russian", "anti-China") or before
        # a lower-case word ("China-based"); but in a pair of names ("the Russia-North Korea
        # treaty", "US-China talks"), before a hull number ("CCG-3105") and after a dash that
        # follows a space ("(Reuters) -China's"); and before "-controlled" or "-administered"
        # ("Pakistani-controlled territory" is Pakistan's, where "China-based" names no state).
        self.pattern = re.compile(
            rf"(?=[{firsts}])(?<!\w){body}(?=(?:'s|’s|s)?(?!\w|-(?!controlled\b|administered\b)[a-z]))"
        )
        self.demonym_of: dict[str, set[str]] = {}
        for f in forms:
            if f.kind in ("demonym", "historical"):
                self.demonym_of.setdefault(f.text, set()).add(f.target)
        # the first day any of an actor's names is valid: before it, no claim is about that actor
        self.born: dict[str, dt.date] = {}
        for f in forms:
            if f.kind != "leader":
                self.born[f.target] = min(self.born.get(f.target, f.start), f.start)

    def resolve(self, text: str, on: dt.date) -> tuple[Form, bool] | None:
        """The form a surface text means on a date, and whether it was current then."""
        forms = self.by_text.get(text)
        if not forms:
            return None
        valid = [f for f in forms if f.start <= on < f.end]
        if valid:
            return valid[0], True
        if all(f.kind == "leader" for f in forms):
            return None  # a former office-holder is a person, not the state
        if text in self.ruling:
            return None  # "the Taliban" before they took Kabul: an armed group
        return max(forms, key=lambda f: f.end), False

    def find(self, text: str, on: dt.date) -> list[Mention]:
        """Every resolved mention in a text, in order, with the acronyms the text itself defines
        for a state's body ("the Armed Forces of the Philippines (AFP)", "Taiwan's Ministry of
        National Defense (MND)"): in that text they stand for the state."""
        out = []
        for m in self.pattern.finditer(text):
            if (
                m.start()
                and text[m.start() - 1] == "-"
                and _PREFIXED.search(text, max(0, m.start() - 40), m.start())
            ):
                continue  # "pro-Russian", "anti-China"
            if (
                (m.group(0) == "China" and _SEA_AFTER.match(text, m.end()))
                or (m.group(0) == "Persian" and text.startswith(" Gulf", m.end()))
                or (m.group(0) == "Indian" and text.startswith(" Ocean", m.end()))
                or _SEA_BEFORE.search(text, max(0, m.start() - 11), m.start())
            ):
                continue  # "the Sea of Japan", "the Gulf of Oman", "the South China Sea": water, no actor
            if m.group(0) in ("Guinea", "Guinean") and _PAPUA_BEFORE.search(
                text, max(0, m.start() - 11), m.start()
            ):
                continue  # "Papua new Guinean troops" in a lower-case "new": Papua New Guinea's, not Guinea's
            if m.group(0) in ("America", "American") and (
                _CONTINENT_BEFORE.search(text, max(0, m.start() - 8), m.start())
                or (m.group(0) == "America" and text.startswith("s", m.end()))
            ):
                continue
            # (the "West Philippine Sea" stays: the Philippines' own name for its waters)
            r = self.resolve(m.group(0), on)
            if r is not None:
                out.append(Mention(m.start(), m.end(), m.group(0), r[0], r[1]))
        out = self.screened(text, out)
        out = self.disambiguated(out, on)
        out = self.defined_acronyms(text, out) if "(" in text else out
        out = self.island_shorthand(text, out) if "island" in text else out
        return self.korean_shorthand(text, out) if "North" in text or "South" in text else out

    @staticmethod
    def screened(text: str, found: list[Mention]) -> list[Mention]:
        """`found` without the names that stand for no actor where they are: an organisation's
        name inside a state's body ("the National Security Council" is not the UN's), and states
        named in a group named after them ("the Pakistani Taliban", "Tehreek-e-Taliban Pakistan")."""
        out = [m for m in found if not (m.form.kind == "org" and text.endswith("National ", 0, m.start))]
        # "the European Council on Foreign Relations": a research institute, not the EU's council
        out = [m for m in out if not (m.form.kind == "org" and _INSTITUTE_AFTER.match(text, m.end))]
        # "ethnic Russians", "its fellow Serbs", "rebel Serb forces": people of a nation, not its state
        out = [
            m for m in out
            if not (
                m.form.kind == "demonym"
                # (the words just before it only: a search from the text's start is quadratic)
                and (match := _KIN_BEFORE.search(text, max(0, m.start - 24), m.start)) is not None
                # ("his fellow Russian officers" are the state's)
                and (match.group(0).lower().strip() != "fellow" or text.startswith("s", m.end))
            )
        ]  # fmt: skip
        # "clashes between the majority Kyrgyz and minority Uzbek communities": peoples, not states
        out = [
            m for m in out
            if not (m.form.kind == "demonym" and (_COMMUNITY_AFTER.match(text, m.end)
                    or _COMMUNITY_BEFORE.search(text, max(0, m.start - 10), m.start)))
        ]  # fmt: skip
        # "Rear Admiral Roy Vincent Trinidad": a person's surname after two given names, not a state
        out = [
            m for m in out
            if not (
                m.form.kind in ("name", "alias") and " " not in m.text and m.text[1:].islower()
                and (given := _GIVEN_NAMES_BEFORE.search(text, max(0, m.start - 30), m.start)) is not None
                and not {w.lower() for w in given.group(0).split()} & _NOT_GIVEN
                # ("Afghan Bombers Strike Pakistan Again": a headline's capitals, not given names)
                and not title_case_line(text, m.start)
            )
        ]  # fmt: skip
        out = [m for m in out if not (m.form.kind == "leader" and _NAMESAKE.match(text, m.end))]
        # "says Asif Nazrul": a surname standing first before another name is someone's given name
        out = [
            m for m in out
            if not (
                m.form.kind == "leader" and m.form.person is not None and " " not in m.text
                and m.form.person.split()[-1] == m.text
                and (after := _NAME_AFTER.match(text, m.end)) is not None
                and after.group(1) not in _OF_A_LEADER
                and not title_case_line(text, m.start)
            )
        ]  # fmt: skip
        if "Taliban" in text:
            groups = [(g.start(), g.end()) for g in _NAMED_AFTER_A_STATE.finditer(text)]
            out = [m for m in out if not any(s <= m.start < e for s, e in groups)]
        if "France" in text:  # "told Agence France-Presse (AFP)": an agency's name, not the state
            names = [(g.start(), g.end()) for g in _NAMED_FOR_FRANCE.finditer(text)]
            out = [m for m in out if not any(s <= m.start < e for s, e in names)]
        return out

    def korean_shorthand(self, text: str, found: list[Mention]) -> list[Mention]:
        """`found` with "the North" and "the South" as the two Koreas, in a text that names North
        Korea ("Seoul said the North has admitted to a crime")."""
        if not any(m.form.target == "PRK" for m in found):
            return found
        taken = {c for m in found for c in range(m.start, m.end)}
        extra = [
            Mention(w.start(), w.end(), w.group(0),
                    Form(w.group(0), "metonym", "PRK" if w.group(1) == "North" else "KOR", _EVER, _FAR), True)
            for w in _KOREAS.finditer(text)
            if w.start() not in taken
        ]  # fmt: skip
        return sorted(found + extra, key=lambda m: m.start) if extra else found

    def disambiguated(self, found: list[Mention], on: dt.date) -> list[Mention]:
        """`found` with a form two states share ("Congolese", "Dominican") read as the one of them
        the text names otherwise ("the Democratic Republic of Congo ... the Congolese army")."""
        shared = {
            m.text: cands for m in found
            if len(cands := {f.target for f in self.by_text[m.text] if f.start <= on < f.end}) > 1
        }  # fmt: skip
        if not shared:
            return found
        named = {m.form.target for m in found if m.text not in shared}
        out = []
        for m in found:
            pick = shared[m.text] & named if m.text in shared else set()
            if len(pick) == 1 and m.form.target not in pick:
                target = pick.pop()
                form = next(f for f in self.by_text[m.text] if f.target == target and f.start <= on < f.end)
                m = Mention(m.start, m.end, m.text, form, m.current)
            out.append(m)
        return out

    def island_shorthand(self, text: str, found: list[Mention]) -> list[Mention]:
        """`found` with "the island" ("the self-ruled island") as Taiwan, in a text that names
        Taiwan and no other island ("Thitu Island", "the Senkaku Islands")."""
        if not any(m.form.target == "TWN" for m in found) or _NAMED_ISLAND.search(text):
            return found
        taken = {c for m in found for c in range(m.start, m.end)}
        extra = [
            Mention(w.start(), w.end(), w.group(0), Form(w.group(0), "metonym", "TWN", _EVER, _FAR), True)
            for w in _THE_ISLAND.finditer(text)
            if w.start() not in taken
        ]
        return sorted(found + extra, key=lambda m: m.start) if extra else found

    def defined_acronyms(self, text: str, found: list[Mention]) -> list[Mention]:
        """`found` with the mentions of the acronyms the text defines for a state's body."""
        local: dict[str, str] = {}
        starts = [m.start for m in found]
        for a in _ACRONYM.finditer(text):
            acronym = a.group(1)
            if acronym in self.by_text or acronym in local:
                continue  # a name the gazetteer knows keeps its meaning
            # the long form just before the brackets, looked for in a bounded window so that a
            # text of capitalised words stays linear
            d = _LONG_FORM.search(text, max(0, a.start() - 120), a.start())
            if d is None or _ARMED_GROUP.search(d.group(0)):
                continue  # (nor an armed group's: "the Islamic State of Iraq and the Levant (ISIL)")
            # the state named in the long form, or just before it ("Taiwan's Ministry of ...")
            near = [
                m for m in found[bisect_left(starts, d.start() - 12) : bisect_left(starts, d.end())]
                if m.form.kind not in ("leader", "org")
            ]  # fmt: skip
            if near:
                local[acronym] = near[0].form.target
        if not local:
            return found
        words = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, local)) + r")(?![\w-])")
        taken = {c for m in found for c in range(m.start, m.end)}
        extra = [
            Mention(
                w.start(),
                w.end(),
                w.group(0),
                Form(w.group(0), "metonym", local[w.group(0)], _EVER, _FAR),
                True,
            )
            for w in words.finditer(text)
            if w.start() not in taken
        ]
        return sorted(found + extra, key=lambda m: m.start)


# "the North's special forces", not "the North Atlantic" or "the South China Sea"
_KOREAS = re.compile(
    r"(?<![\w-])[Tt]he (?:(?:nuclear-armed|reclusive|isolated|communist|impoverished) )?(North|South)\b(?!\s+(?:Atlantic|Sea|Pole|China|Korea\w*|Caucasus|American|African|Pacific|and|of\b(?!\s+\w+ing\b))\b)"
    r"(?!-)"
)
# "the self-ruled island", "the island's defence ministry"; an island named otherwise in the text
# ("Thitu Island", "the Senkaku Islands", "Pag-asa island") makes "the island" ambiguous
_THE_ISLAND = re.compile(
    r"(?<![\w-])[Tt]he (?:(?:self-ruled|self-governed|self-governing|democratic|democratically governed) )?island\b(?!s)"
)
_NAMED_ISLAND = re.compile(r"\b(?!Taiwan\b)[A-Z][\w'-]+ [Ii]slands?\b")
# "Armed Forces of the Philippines (AFP)": an acronym in brackets, after a capitalised name
# (with "of", "the", "and", "for" inside it) that ends where the brackets begin.
_ACRONYM = re.compile(r"\s\(([A-Z]{2,6})\)")
_LONG_FORM = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|for|on))*$")
# words of an armed group's or a party's name, which a state's name inside does not make the state's
_ARMED_GROUP = re.compile(r"\b(?:Islamic State|Levant|Front|Movement|Party|Jihad|Mujahideen|Brigades?)\b")
_EVER, _FAR = dt.date(1, 1, 1), dt.date(9999, 12, 31)
# A lower-case word and a hyphen just before a name make a compound ("pro-", "anti-", "non-").
_PREFIXED = re.compile(r"(?<![\w-])[a-z][\w]*-$")


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer over the bundled registry (built once per process)."""
    return Gazetteer()
