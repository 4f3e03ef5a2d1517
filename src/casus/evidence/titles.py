"""People named by their titles: the name in a phrase ("NATO chief Mark Rutte" -> "Mark Rutte"),
and who held the office a title names on the article's date ("Russia's president")."""

from __future__ import annotations

import re

from casus.evidence.gazetteer import default_gazetteer
from casus.evidence.parsed import Sentence as _Sentence
from casus.evidence.parsed import Token, targets

__all__ = ["RANKS", "TITLE_WORDS", "hyphen", "office_holder", "person_name"]


_RANK_ABBREVIATIONS = frozenset(
    {"lt", "lt.", "gen", "gen.", "col", "col.", "maj", "maj.", "cmdr", "cmdr.", "cdr", "cdr.", "adm", "adm.",
     "capt", "capt.", "brig", "brig.", "sgt", "sgt.", "cmdre", "cmdre."}
)  # fmt: skip


def person_name(tokens: list[Token]) -> str | None:
    """The last run of proper nouns in a phrase ("NATO chief Mark Rutte" → "Mark Rutte"), the
    first of names joined by "and" ("The New York Times and The Washington Post")."""
    if tokens and (later := [c for t in tokens for c in t.conjuncts if c.i > t.i]):
        cut = min(c.left_edge.i for c in later)
        tokens = [t for t in tokens if t.i < cut] or tokens
    runs: list[list[Token]] = []
    for t in tokens:
        joined = runs and runs[-1][-1].i == t.i - 2 and hyphen(t.doc[t.i - 1]) and t.is_alpha
        if joined:  # "Majed al-Ansari", "Shin Won-sik" (the part after the hyphen may not be tagged a name)
            runs[-1] += [t.doc[t.i - 1], t]
        elif t.pos_ == "PROPN":
            if runs and runs[-1][-1].i == t.i - 1:
                runs[-1].append(t)
            else:
                runs.append([t])
    # "Manila's South China Sea task force": the name of a place, no one's
    # "An Azerbaijani Member of Parliament": a body's name, no one's either, nor its member's title
    runs = [r for r in runs if r[-1].lower_ not in _PLACES | _BODIES]
    runs = [
        r
        for r in runs
        if not (r[-1].lower_ == "member" and r[-1].i + 1 < len(r[-1].doc) and r[-1].nbor(1).lower_ == "of")
    ]
    if not runs:
        return None
    run = runs[-1]
    titled = TITLE_WORDS | _RANK_ABBREVIATIONS | {"-"}  # "Secretary-General", "Lt Gen Yasser Al-Atta"
    while len(run) > 1 and any(t.lower_ not in titled | _SERVICES for t in run):
        # "President Felix Tshisekedi" -> "Felix Tshisekedi"; "Navy Chief Abdul Aziz Jaafar" ->
        # "Abdul Aziz Jaafar" (a service's name before a title)
        if run[0].lower_ in titled or (run[0].lower_ in _SERVICES and run[1].lower_ in titled | _SERVICES):
            run = run[1:]
        else:
            break
    if all(t.lower_ in titled | {"the"} for t in run):
        # "The Prime Minister welcomed ...": a title, not a name; "ambassador to The Philippines"
        # (the state's article, capitalised): no one's name
        return None
    return str(run[0].doc[run[0].i : run[-1].i + 1].text)


_PLACES = frozenset({"sea", "ocean", "strait", "straits", "gulf", "bay", "shoal", "reef", "island", "islands", "river",
                     "canal", "peninsula", "channel", "sound", "cay", "atoll", "archipelago"})  # fmt: skip
_BODIES = frozenset({"parliament", "congress", "senate", "duma", "assembly", "council", "ministry", "commission", "cabinet", "knesset", "bundestag", "majlis"})  # fmt: skip
_SERVICES = frozenset({"navy", "army", "air", "force", "coast", "guard", "marine", "marines", "police"})
RANKS = frozenset({"president", "minister", "prime", "premier", "chancellor", "leader", "secretary", "general", "king", "prince", "chief"})  # fmt: skip


def office_holder(s: _Sentence, tokens: list[Token]) -> str | None:
    """Who held the office a title names on the article's date ("the NATO Secretary General",
    "Russia's president"): the one office-holder of a body the phrase names, or else the sentence
    names; None when there are several, none, or the phrase speaks of a former or deputy one."""
    words = [t.lower_ for t in tokens]
    if (
        s.on is None
        or not RANKS.intersection(words)
        or {"former", "vice", "deputy", "ex", "assistant", "under", "associate"} & set(words)
    ):
        return None
    phrase = "".join(t.lower_ + t.whitespace_ for t in tokens)  # "secretary-general" as written
    bodies = {a for t in tokens if (m := s.mention(t)) is not None for a in targets(m)}
    bodies = bodies or {a for m in s.mentions for a in targets(m)}
    people = {
        f.person for f in default_gazetteer().leaders
        if f.office and f.target in bodies and f.start <= s.on < f.end and re.search(rf"\b{re.escape(f.office)}\b", phrase)
    }  # fmt: skip
    return people.pop() if len(people) == 1 else None


# Words of a title before a name ("Defense Minister Rustem Umerov", "Sheikh Mohammed")
TITLE_WORDS = RANKS | {"defense", "defence", "foreign", "interior", "national", "security", "sheikh", "vice",
                         "deputy", "commodore", "admiral", "colonel", "lieutenant", "major", "spokesperson"}  # fmt: skip


def hyphen(t: Token) -> bool:
    """A hyphen inside a name, written without spaces."""
    return t.text == "-" and not t.whitespace_ and not t.doc[t.i - 1].whitespace_
