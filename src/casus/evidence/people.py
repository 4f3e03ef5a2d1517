"""People an article introduces with their state, so that their later surname stands for it.

"Philippine Foreign Secretary Enrique Manalo" and "Sergei Naryshkin, head of Russia's SVR" tie a
person the gazetteer does not know to a state or organisation; in the rest of that article
"Manalo told a briefing" or "Naryshkin said" is that state's official speaking. Only the
article's own introductions count (a surname means nothing across articles), only titles of
office (a former official or an opposition figure speaks for no state), and never a name the
gazetteer already knows. The short name of an office-holder the gazetteer knows ("Kim" after
"North Korean leader Kim Jong Un") counts too, when no one else in the text shares it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable

from casus.evidence.gazetteer import Form, Mention
from casus.evidence.lexicon import trie_pattern
from casus.evidence.voice import CALENDAR

__all__ = ["introduced_people", "named_speaker"]

# The words of a title of office ("foreign intelligence chief", "Defense Secretary",
# "coast guard spokesperson Commodore"); at least one must be an office (`_OFFICES`).
_OFFICES = frozenset(
    [
        "minister",
        "secretary",
        "spokesman",
        "spokesperson",
        "spokeswoman",
        "chief",
        "head",
        "director",
        "adviser",
        "advisor",
        "ambassador",
        "envoy",
        "commander",
        "general",
        "admiral",
        "commodore",
        "colonel",
        "official",
        "president",
        "premier",
        "chancellor",
        "lawmaker",
        "senator",
        "chairman",
        "chair",
        "diplomat",
        "negotiator",
        "representative",
        "governor",
        "marshal",
        "captain",
        "lieutenant",
    ]
)
_TITLE = _OFFICES | frozenset(
    [
        "foreign",
        "defence",
        "defense",
        "interior",
        "prime",
        "national",
        "security",
        "state",
        "intelligence",
        "army",
        "navy",
        "air",
        "force",
        "forces",
        "coast",
        "guard",
        "military",
        "joint",
        "chiefs",
        "staff",
        "affairs",
        "permanent",
        "deputy",
        "vice",
        "top",
        "senior",
        "acting",
        "presidential",
        "cabinet",
        "special",
        "first",
        "of",
        "the",
        "to",
        "ministry",
        "ministry's",
        "department",
        "office",
        "council",
        "major",
        "general's",
        "cyber",
    ]
)
_COMMON = frozenset(
    [
        "on",
        "in",
        "at",
        "the",
        "a",
        "an",
        "and",
        "but",
        "as",
        "after",
        "before",
        "when",
        "while",
        "meanwhile",
        "however",
        "also",
        "then",
        "last",
        "this",
        "that",
        "with",
        "for",
        "from",
        "by",
        "to",
        "of",
        "said",
        "says",
        "told",
    ]
)
_NOT_OF_STATE = frozenset({"former", "ex", "opposition", "late", "exiled", "rebel", "dissident"})
# A personal name: two to four capitalised words, with "al-", "bin", "de", "van" particles and
# hyphenated parts ("Majed al-Ansari", "Shin Won-sik", "Gilberto Teodoro").
_NAME = re.compile(
    r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2}(?= [A-Z][a-z]))"  # "HK Yu": initials first
    r"(?:\s+(?:(?:al|el|bin|de|da|van|von|der)[\s-])?[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,3}"
)
_EVER, _FAR = dt.date(1, 1, 1), dt.date(9999, 12, 31)
_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_END = re.compile(r"(?:[a-z0-9\"”’)]\.|[!?])\s+|\n")
_POSSESSIVE = re.compile(r"'s|’s|'")
_NEXT = re.compile(r" +([\w'’-]+)")  # the next word, after nothing but spaces
# One word after spaces (or the comma that ends a name), for the title that follows a name.
_SPACED = re.compile(r"[ ,] *([\w'’-]+)")
# Where the family name is written first ("Lin Jian", "Shin Won-sik"); Japanese names in English
# come in either order, so both words count.
_FAMILY_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR", "VNM", "HKG"})
_BOTH_ORDERS = frozenset({"JPN"})


def _title(words: list[str]) -> bool:
    low = [w.lower() for w in words]
    return bool(low) and all(w in _TITLE for w in low) and any(w in _OFFICES for w in low)


def _register(name: str, target: str, on: dict[str, tuple[str, str, str]], title: str = "") -> None:
    parts = name.split()
    keys = {name, parts[-1]}
    if target in _FAMILY_FIRST or ("-" in parts[-1] and target not in _BOTH_ORDERS):
        keys = {name, parts[0]}
    if target in _BOTH_ORDERS:
        keys = {name, parts[0], parts[-1]}
    for k in keys:
        if len(k) >= 3:
            on.setdefault(k, (target, name, title))


def _clean(name: str) -> str | None:
    """The name without a leading common word ("On", "Meanwhile"); None if it is not a name."""
    parts = name.split()
    while parts and parts[0].lower() in _COMMON:
        parts = parts[1:]
    if len(parts) < 2 or any(p.lower() in CALENDAR or p.lower() in _TITLE for p in parts):
        return None
    return " ".join(parts)


_STATES_OWN = re.compile(r"['’]s (?:(?:deputy|acting|permanent|new|chief) )*$")


# a wire's tag opening a dateline ("NZPA-Reuter Nairobi ...")
_WIRE_BEFORE = re.compile(r"(?:^|\n)\s*NZPA(?:-[A-Za-z]+)*\s+$")


def _title_after_state(
    text: str,
    m: Mention,
    free: Callable[[int, int], bool],
    people: dict[str, tuple[str, str, str]],
    at_start: dict[int, Mention],
) -> None:
    """Register the person a title after a state introduces ("Philippine Foreign Secretary Enrique
    Manalo", "Japan's Defense Minister Gen Nakatani", "China's Ambassador to Japan Wu Jianghao")."""
    if m.form.kind == "capital" and _WIRE_BEFORE.search(text, max(0, m.start - 30), m.start):
        return  # "NZPA-Reuter Wellington President Idi Amin ...": where the news was filed, not his state
    before = _WORD.findall(text[max(0, m.start - 25) : m.start])[-2:]
    if {w.lower().strip("-") for w in before} & _NOT_OF_STATE:
        return  # "former Philippine President Rodrigo Duterte"
    if before and before[-1][0].isupper() and before[-1].lower() in _TITLE and text[m.start - 1] == " ":
        return  # "National Security Council": part of an office's name, not its state
    pos = m.end + (len(p.group(0)) if (p := _POSSESSIVE.match(text, m.end)) else 0)
    words: list[str] = []
    while (w := _NEXT.match(text, pos)) is not None and w.group(1).lower() in _TITLE and len(words) < 6:
        words.append(w.group(1).lower())
        pos = w.end()
    posting = words[:-1] if words[-1:] == ["the"] else words
    if (
        posting[-2:] in (["ambassador", "to"], ["envoy", "to"])
        and (posted := at_start.get(pos + 1)) is not None
    ):
        # the state an envoy is posted to, and its abbreviation: "to the United Nations (UN)"
        pos = posted.end
        if (abbreviation := re.match(r" \([A-Z]{2,6}\)", text[pos:])) is not None:
            pos += abbreviation.end()
    n = _NAME.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    if n is None or not _title(words) or _NOT_OF_STATE & set(words):
        return
    name = _clean(n.group(0))
    target = m.form.target
    if m.form.kind == "org" and (own := _STATES_OWN.search(text, max(0, m.start - 40), m.start)) is not None:
        # "Russia's deputy UN Ambassador Anna Evstigneeva": Russia's envoy to the body, not the body's
        target = next(
            (o.form.target for k in range(max(0, own.start() - 40), own.start())
             if (o := at_start.get(k)) is not None and o.end == own.start() and o.form.kind != "org"),
            target,
        )  # fmt: skip
    if name and free(n.start(), n.end()):
        _register(name, target, people, " ".join(words))


def _titled_before(
    text: str,
    comma: int,
    name: str,
    actors: list[Mention],
    starts: list[int],
    people: dict[str, tuple[str, str, str]],
) -> None:
    """Register `name` when the words from the sentence's start to the comma before it are only a
    title of office and the name of one state's body."""
    start = max(0, comma - 100)
    for stop in _SENTENCE_END.finditer(text, start, comma):  # not the full stops of "U.S."
        start = stop.end()
    span = text[start:comma]
    # only the actors in the span, found by bisection: the text may hold tens of thousands
    inside = [m for m in actors[bisect_left(starts, start) : bisect_left(starts, comma)] if m.end <= comma]
    if len({m.form.target for m in inside}) != 1:
        return
    rest = span
    for m in sorted(inside, key=lambda m: -m.start):
        rest = rest[: m.start - start] + " " + rest[m.end - start :]
    words = re.findall(r"\(\w+\)|[\w'’-]+", rest)
    plain = [w for w in words if not w.startswith("(") and w not in ("'s", "’s", "s")]
    if (
        all(w.lower() in _TITLE or w[0].isupper() for w in plain)
        and any(w.lower() in _OFFICES for w in plain)
        and not _NOT_OF_STATE & {w.lower() for w in plain}
    ):
        _register(name, inside[0].form.target, people, " ".join(w.lower() for w in plain))


def introduced_people(text: str, found: list[Mention]) -> list[Mention]:
    """`found` with every mention of a person the text introduces with a title of office of a
    state or organisation it names: the introduction itself and the later uses of the surname,
    as that body's office-holders (`kind="leader"`, `person` the full name)."""
    actors = [m for m in found if m.form.kind != "leader"]
    if not actors:
        return found
    taken = sorted((m.start, m.end) for m in found)
    starts = [s for s, _ in taken]

    def free(s: int, e: int) -> bool:
        i = bisect_left(starts, e)
        return not (i and taken[i - 1][1] > s)

    people: dict[str, tuple[str, str, str]] = {}
    at_start = {m.start: m for m in actors}
    for m in actors:
        _title_after_state(text, m, free, people, at_start)
    # "North Korean leader Kim Jong Un ... Kim said": the short name of an office-holder the
    # gazetteer knows, when no one else in the text shares it
    known: dict[str, set[tuple[str, str, str]]] = {}
    for m in found:
        if m.form.kind == "leader" and m.form.person and len(m.form.person.split()) >= 2:
            short: dict[str, tuple[str, str, str]] = {}
            _register(m.form.person, m.form.target, short, m.form.office or "")
            for k, v in short.items():
                if k != m.form.person:
                    known.setdefault(k, set()).add(v)
    actor_starts = [m.start for m in actors]
    for n in _NAME.finditer(text):
        name = _clean(n.group(0))
        if name is None or not free(n.start(), n.end()):
            continue
        # "Sergei Naryshkin, head of Russia's SVR", "Enrique Manalo, the Philippines' foreign secretary"
        words: list[str] = []
        target, inside = None, 0
        for w in _SPACED.finditer(text, n.end(), n.end() + 90) if text[n.end() : n.end() + 2] == ", " else ():
            if w.start(1) < inside:
                continue  # the rest of the state's name ("North Korea's")
            if (hit := at_start.get(w.start(1))) is not None:
                target, inside = hit.form.target, hit.end
                continue
            low = w.group(1).lower()
            if low in ("a", "an") and not words and target is None:
                continue  # "Vedant Patel, a U.S. State Department spokesperson"
            if low not in _TITLE or (target is not None and low in ("of", "the", "to")):
                break
            words.append(low)
        if target is not None and _title(words) and not _NOT_OF_STATE & set(words):
            _register(name, target, people, " ".join(words))
        elif text[n.start() - 2 : n.start()] == ", ":
            # "Director of Russia's Foreign Intelligence Service (SVR), Sergey Naryshkin, said"
            _titled_before(text, n.start() - 2, name, actors, actor_starts, people)
    for k, who in known.items():
        if k in people and people[k][1] not in {full for _, full, _ in who}:
            del people[k]  # two people of the text share it: neither is meant by it alone
        elif len(who) == 1 and k not in people:
            people[k] = next(iter(who))
    found = _titles_alone(text, found, free)
    if not people:
        return found
    # the names as one trie of characters (a plain alternation of thousands is tried name by name)
    pattern = re.compile(r"(?<![\w-])(" + trie_pattern(people) + r")(?![\w-])")
    extra = []
    for w in pattern.finditer(text):
        if free(w.start(), w.end()):
            target, person, title = people[w.group(0)]
            form = Form(
                w.group(0), "leader", target, _EVER, _FAR, person=person, office="introduced", title=title
            )
            extra.append(Mention(w.start(), w.end(), w.group(0), form, True))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


_OWN_COUNTRY = re.compile(r"\b(?:[Hh]is|[Hh]er) (?:country|nation|[Gg]overnment)\b")
_HOLDER = re.compile(
    r"(?:['’]s)? +(?:leader|president|premier|prime minister|chancellor|king|(?:foreign|defen[cs]e) minister"
    r"|ambassador|envoy)\b",
    re.I,
)
_OWN_REACH = 250  # characters back to the person whose country it is: the same or the sentence before


def own_countries(text: str, found: list[Mention]) -> list[Mention]:
    """`found` with "his country" and "her country" as mentions of the state of the office-holder
    named last before them ("Zelensky said Russia would send troops against his country")."""
    # office-holders, by name or by their state and title ("the Russian leader praised Pyongyang
    # for providing his country with ...")
    leaders = [
        m for m in found
        if m.form.kind == "leader" or (m.form.kind in ("demonym", "name") and _HOLDER.match(text, m.end))
    ]  # fmt: skip
    if not leaders:
        return found
    starts = [m.start for m in leaders]
    taken = sorted((m.start, m.end) for m in found)
    begins = [b for b, _ in taken]
    extra = []
    for c in _OWN_COUNTRY.finditer(text):
        i = bisect_left(starts, c.start())
        if not i or c.start() - leaders[i - 1].end > _OWN_REACH:
            continue
        j = bisect_left(begins, c.end())
        if j and taken[j - 1][1] > c.start():
            continue  # inside another mention
        form = Form(c.group(0), "name", leaders[i - 1].form.target, _EVER, _FAR)
        extra.append(Mention(c.start(), c.end(), c.group(0), form, True))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


# The words a later reference uses for an office ("the SVR chief", "the North Korean dictator"),
# each with the words of the titles it can stand for.
_SAME_OFFICE: dict[str, frozenset[str]] = {
    "leader": frozenset({"leader", "president", "premier", "chancellor", "king", "emir", "prime"}),
    "president": frozenset({"president"}),
    "premier": frozenset({"premier", "prime"}),
    "chancellor": frozenset({"chancellor"}),
    "chief": frozenset({"chief", "head", "director"}),
    "head": frozenset({"chief", "head", "director"}),
    "director": frozenset({"chief", "head", "director"}),
    "ambassador": frozenset({"ambassador", "envoy"}),
    "envoy": frozenset({"ambassador", "envoy"}),
    "spokesman": frozenset({"spokesman", "spokesperson", "spokeswoman"}),
    "spokesperson": frozenset({"spokesman", "spokesperson", "spokeswoman"}),
    "spokeswoman": frozenset({"spokesman", "spokesperson", "spokeswoman"}),
    "minister": frozenset({"minister"}),
    "secretary": frozenset({"secretary"}),
    "commander": frozenset({"commander", "chief"}),
}
_SAME_OFFICE |= dict.fromkeys(("dictator", "strongman", "autocrat", "ruler"), _SAME_OFFICE["leader"])
# Words between the state and the office that narrow it ("foreign minister", "coast guard
# spokesperson"): the title the person was introduced with must hold them too.
_NARROWING = frozenset({"foreign", "defence", "interior", "prime", "intelligence", "military", "army", "navy",
                        "coast", "guard", "ministry", "ministry's", "cabinet"})  # fmt: skip
# Words that neither narrow nor break the reference ("the country's top diplomat", "Russia's
# long-serving foreign minister")
_LOOSE = frozenset({"top", "senior", "government", "government's", "longtime", "veteran", "authoritarian"})
_DEPUTY = frozenset({"vice", "deputy", "assistant", "under", "former"})
_SPACED_WORD = re.compile(r" +([\w'’-]+)")


def _office_words(form: Form) -> set[str]:
    return set((form.title or form.office or "").lower().replace("defense", "defence").split())


def _named_again(text: str, m: Mention, before: dict[str, dict[str, set[str]]]) -> Mention | None:
    """ "The SVR chief" or "Japan's foreign minister": the one person of that state the text has
    named before with a title of that office, as a mention spanning the reference."""
    pos = m.end + (2 if text.startswith(("'s", "’s"), m.end) else 0)
    if pos == m.end and (
        m.form.kind not in ("demonym", "org", "metonym")
        or "the " not in (text[max(0, m.start - 4) : m.start].lower(), m.text[:4].lower())
    ):
        return None  # "Russian troops", "Russia said"
    held = before.get(m.form.target)
    run: list[str] = []
    ends: list[int] = []
    while held and len(run) < 5 and (w := _SPACED_WORD.match(text, pos)) is not None:
        low = w.group(1).lower().replace("defense", "defence")
        if low not in _SAME_OFFICE and low not in _NARROWING | _LOOSE | _DEPUTY:
            break
        run.append(low)
        ends.append(pos := w.end())
    while run and run[-1] not in _SAME_OFFICE:
        run.pop()
        ends.pop()
    if not run or not held:
        return None
    after = _SPACED_WORD.match(text, ends[-1])
    if after is not None and after.group(1)[:1].isupper():
        return None  # "the Russian foreign minister Sergei Lavrov": an introduction
    narrowing = set(run[:-1]) & (_NARROWING | _DEPUTY)
    # (a deputy is not meant by the office alone: "the US president" after "Vice President JD Vance")
    fits = [p for p, title in held.items()
            if title & _SAME_OFFICE[run[-1]] and narrowing <= title and not (title & _DEPUTY) - set(run)]  # fmt: skip
    if len(fits) != 1:
        return None
    form = Form(
        text[m.start : ends[-1]], "leader", m.form.target, _EVER, _FAR, person=fits[0], office="introduced"
    )
    return Mention(m.start, ends[-1], form.text, form, True)


_BARE_OFFICE = re.compile(r"\b[Tt]he (spokes(?:man|woman|person))\b(?! (?:of|for)\b)")


def _bare_offices(text: str, found: list[Mention]) -> list[Mention]:
    """ "The spokesman urged ..." after "foreign ministry spokesman Lin Jian": the one person the
    text has named before with that office, whatever his state."""
    extra = []
    for b in _BARE_OFFICE.finditer(text):
        if (after := _SPACED_WORD.match(text, b.end())) is not None and after.group(1)[:1].isupper():
            continue  # "the spokesman Lin Jian": an introduction
        held = {
            (m.form.target, m.form.person) for m in found
            if m.end <= b.start() and m.form.kind == "leader" and m.form.person
            and _office_words(m.form) & _SAME_OFFICE[b.group(1)]
        }  # fmt: skip
        if len(held) == 1 and not any(m.start < b.end() and b.start(1) < m.end for m in found):
            target, person = held.pop()
            form = Form(b.group(1), "leader", target, _EVER, _FAR, person=person, office="introduced")
            extra.append(Mention(b.start(1), b.end(1), b.group(1), form, True))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def offices_named_again(text: str, found: list[Mention]) -> list[Mention]:
    """`found` with a state's office named again ("the Russian leader", "the SVR chief",
    "Japan's foreign minister") as the one person of that state the text has named before with
    that office ("Russian President Vladimir Putin", "Sergey Naryshkin, head of Russia's SVR");
    none when it has named two."""
    before: dict[str, dict[str, set[str]]] = {}
    out: list[Mention] = []
    read_to = 0  # the end of the last office named again
    for m in found:
        if m.start < read_to:
            continue  # inside that reference ("the SVR chief")
        if m.form.kind == "leader" and m.form.person:
            before.setdefault(m.form.target, {}).setdefault(m.form.person, set()).update(
                _office_words(m.form)
            )
            out.append(m)
        elif (again := _named_again(text, m, before)) is not None:
            out.append(again)
            read_to = again.end
        else:
            out.append(m)
    return _bare_offices(text, out) if "spokes" in text else out


_SMALL = frozenset({"of", "the", "for", "to", "and"})


def _capitalised(office: str) -> str:
    """ "secretary of state" -> "Secretary of State": how a title stands alone for its holder."""
    return " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in office.split())


def _titles_alone(text: str, found: list[Mention], free: Callable[[int, int], bool]) -> list[Mention]:
    """ "The Prime Minister welcomed ..." after "Prime Minister Shehbaz Sharif": the one office-holder
    the text has named with that office, from the first naming on (none when two share it)."""
    held: dict[str, set[tuple[str, str]]] = {}
    first: dict[str, int] = {}
    for m in found:
        office = (m.form.office or "").replace("defense", "defence")
        if m.form.kind == "leader" and office and m.form.person and office != "introduced":
            held.setdefault(office, set()).add((m.form.target, m.form.person))
            first.setdefault(office, m.start)
    alone = {o: who for o, who in held.items() if len(who) == 1 and re.fullmatch(r"[a-z ]+", o)}
    if not alone:
        return found
    titled = {_capitalised(o): o for o in alone}
    titled |= {t.replace("Defence", "Defense"): o for t, o in titled.items()}
    pattern = re.compile(
        r"\b[Tt]he (" + "|".join(map(re.escape, sorted(titled, key=len, reverse=True))) + r")\b"
    )
    extra = []
    for t in pattern.finditer(text):
        office = titled[t.group(1)]
        if t.start() > first[office] and free(t.start(1), t.end(1)):
            target, person = next(iter(alone[office]))
            form = Form(t.group(1), "leader", target, _EVER, _FAR, person=person, office="introduced")
            extra.append(Mention(t.start(1), t.end(1), t.group(1), form, True))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


# "Shafqat Ali Khan said", "Foreign Office spokesperson Shafqat Ali Khan told reporters", "…, said
# Shafqat Ali Khan": a named person and a speech verb next to each other
_SAID = re.compile(
    r"\b(?:said|says|told|added|stated|noted|wrote|clarified|stressed|emphasi[sz]ed|affirmed|reiterated"
    r"|declared|insisted|explained|underlined|underscored|asserted)\b"
)


def named_speaker(sentence: str) -> str | None:
    """The person a sentence quotes by name, found without a parse (for sentences the parser is
    not given): the name just before or just after a speech verb."""
    for said in _SAID.finditer(sentence):
        before = [n for n in _NAME.finditer(sentence, max(0, said.start() - 60), said.start())
                  if sentence[n.end() : said.start()].strip() in ("", "has", "had", "also")]  # fmt: skip
        after = (
            _NAME.match(sentence, said.end() + 1) if sentence[said.end() : said.end() + 1] == " " else None
        )
        for n in (*before[-1:], after):
            if n is not None and (name := _clean(n.group(0))) is not None:
                return name
    return None
