"""Splitting text into sentences, in one pass, keeping quotation marks with their sentence.

A sentence ends at `.`, `!` or `?` (with any closing quotation marks and brackets after it)
followed by white space and a capital, a digit or an opening quotation mark, except after an
abbreviation (`Mr.`, `Gen.`, `Sept.`, `U.S.`, an initial such as `J.`). Paragraph breaks always
end a sentence. Linear in the length of the text.

>>> [s for _, s in sentences('Mr. Smith met the U.S. envoy. "We agree," he said. It ended.')]
['Mr. Smith met the U.S. envoy.', '"We agree," he said.', 'It ended.']
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "MONTHS_SHORT", "sentences"]

# the months as abbreviated ("Sept. 7", "[Sept 7]")
MONTHS_SHORT = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "prof",
        "rev",
        "st",
        "mt",
        "no",
        "nos",
        "art",
        "arts",
        "vol",
        "vs",
        "etc",
        "inc",
        "co",
        "corp",
        "ltd",
        "jr",
        "sr",
        *MONTHS_SHORT,
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "u.s.s.r",
        "d.c",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
        "approx",
        "est",
        "dept",
        "govt",
        "min",
    ]
)
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_WORD_BEFORE_INITIAL = re.compile(r"([A-Za-z]+)\s+$")


def _abbreviation(chunk: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation or an initial rather than a sentence."""
    m = _WORD_BEFORE.search(chunk, max(0, dot - 12), dot + 1)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        # an initial follows a name ("John F. Kennedy"); after a lower-case word the letter is a
        # name of its own that ends the sentence ("posted on social media platform X. Pyongyang's")
        before = _WORD_BEFORE_INITIAL.search(chunk, max(0, m.start(1) - 24), m.start(1))
        return before is None or not before.group(1).islower()
    return word.lower() in ABBREVIATIONS


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs, in order: paragraphs first, then sentence ends."""
    out: list[tuple[int, str]] = []
    for para in re.finditer(r"[^\n]+", text):
        base, chunk, pos = para.start(), para.group(0), 0
        for m in _END.finditer(chunk):
            first = m.start()
            if chunk[first] == "." and m.group(0).startswith(".") and _abbreviation(chunk, first):
                continue
            piece = chunk[pos : m.end()]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                out.append((base + pos + lead, piece.strip()))
            pos = m.end()
        piece = chunk[pos:]
        if piece.strip():
            out.append((base + pos + len(piece) - len(piece.lstrip()), piece.strip()))
    return out
