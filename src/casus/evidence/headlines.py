"""Headlines set in title case or in capitals, which the parser, trained on running text, misreads:
it takes every capitalised word for part of one long name ("Afghan Bombers Strike Pakistan Again").
`headline_case` lowers their common words before the parse; `title_case_line` tells the gazetteer
that capitalised words before a state's name are a headline's, not a person's given names."""

from __future__ import annotations

import re

__all__ = ["headline_case", "title_case_line"]

# Words a title-case headline may leave in lower case ("Kuwait Expels Iranians After Third Missile
# Strike", "China Protests To Soviet On Invasion")
_MINOR = frozenset({"a", "an", "the", "of", "in", "on", "to", "for", "and", "or", "as", "at", "by", "with", "over",
                    "from", "after", "amid", "into", "but", "not", "its", "is", "are", "vs", "than", "up", "off"})  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def headline_case(text: str, named: list[tuple[int, int]]) -> str:
    """A headline set in title case with its words lowered but for the first, the actors named and
    those in capitals ("Afghan bombers strike Pakistan again; 31 die"), or one set in capitals with
    all but its names' first letters lowered: the parser, trained on running text, reads every
    capitalised word as part of one long name ("Afghan Bombers Strike Pakistan Again"). Any other
    text is returned as it is, and every text keeps its length."""
    words = list(_WORD.finditer(text))
    if len(words) >= 3 and not any(c.islower() for c in text) and len(text.lower()) == len(text):
        # a headline in capitals ("AMERICA ACCUSES YUGOSLAVIA"): its names capitalised, the rest lower
        out = list(text.lower())
        for w in words:
            if any(a <= w.start() < b for a, b in named) and (len(w.group()) <= 4 or "." in w.group()):
                out[w.start() : w.end()] = w.group()  # "U.S.", "UK": an abbreviation stays one
            elif w.start() == 0 or any(a <= w.start() < b for a, b in named):
                out[w.start()] = text[w.start()]
        return "".join(out)
    if not _title_case(words):
        return text
    out = list(text)
    for w in words[1:]:
        word = w.group()
        if (
            word[0].isupper()
            and not word.isupper()
            and len(word[0].lower()) == 1  # ("İ" lowers to two characters)
            and not any(a <= w.start() < b for a, b in named)
        ):
            out[w.start()] = word[0].lower()
    return "".join(out)


def _title_case(words: list[re.Match[str]]) -> bool:
    """Every word but the minor ones capitalised, in four such words or more (a sentence naming
    many people has its verbs in lower case: running text)."""
    major = [w for w in words if w.group().lower() not in _MINOR]
    return len(major) >= 4 and all(w.group()[0].isupper() for w in major)


def title_case_line(text: str, at: int) -> bool:
    """The line of `text` around offset `at` is a headline in title case."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    return any(c.islower() for c in line) and _title_case(list(_WORD.finditer(line)))
