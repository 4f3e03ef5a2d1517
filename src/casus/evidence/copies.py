"""Copies of one story: syndicated copies (the same sentences) and spun ones (the same sentences
with words swapped), found by comparing articles sentence by sentence.

Two articles are copies when at least `MIN_SHARED` of the shorter one's sentences have a close
counterpart in the other (rapidfuzz ratio ≥ `SAME_SENTENCE`). A copy is `syndicated` when
those sentences are (nearly) identical, `rewritten` when many were reworded. In a rewritten
copy, a sentence whose actors differ from its counterpart's ("North Vietnamese" where the
original says "North Korean") is flagged: a spun copy garbles who did what. The original is the
earliest article of the group (ties: the one read first).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from casus.evidence.model import ArticleReading, Flag
from casus.evidence.sentences import sentences

__all__ = ["CopyGroup", "find_copies"]

SAME_SENTENCE = 80.0  # rapidfuzz ratio (0-100) of two renderings of one sentence
IDENTICAL = 97.0
MIN_SHARED = 0.5  # share of the shorter article's sentences with a counterpart
MIN_WORDS = 6  # shorter sentences (datelines, captions) do not count


@dataclass
class CopyGroup:
    """One story and the articles that carry it."""

    original: str
    copies: list[str] = field(default_factory=list)
    kind: dict[str, str] = field(default_factory=dict)  # copy -> syndicated | rewritten
    flags: dict[str, list[Flag]] = field(default_factory=dict)  # copy -> garbled sentences


def _sentences(r: ArticleReading, text: str) -> list[str]:
    return [s for _, s in sentences(text) if len(s.split()) >= MIN_WORDS]


def _pairs(a: list[str], b: list[str]) -> list[tuple[str, str, float]]:
    """Each sentence of `a` with its closest counterpart in `b`, where one is close enough."""
    out = []
    for s in a:
        best, score = None, 0.0
        for t in b:
            if abs(len(s) - len(t)) > 0.4 * max(len(s), len(t)):
                continue
            r = fuzz.ratio(s, t)
            if r > score:
                best, score = t, r
        if best is not None and score >= SAME_SENTENCE:
            out.append((s, best, score))
    return out


def _actors(r: ArticleReading, sentence: str) -> set[str]:
    forms = {f: a.id for a in r.actors for f in a.forms}
    return {target for form, target in forms.items() if form in sentence}


def find_copies(readings: list[ArticleReading], texts: list[str]) -> list[CopyGroup]:
    """Groups of articles that carry the same story (each reading with its text)."""
    sents = [_sentences(r, t) for r, t in zip(readings, texts, strict=True)]
    order = sorted(range(len(readings)), key=lambda i: (readings[i].date, i))
    groups: list[CopyGroup] = []
    placed: dict[int, CopyGroup] = {}
    for pos, i in enumerate(order):
        if i in placed or not sents[i]:
            continue
        for j in order[pos + 1 :]:
            if j in placed or not sents[j]:
                continue
            shorter = min(len(sents[i]), len(sents[j]))
            pairs = _pairs(sents[j], sents[i])
            if len(pairs) < max(2, MIN_SHARED * shorter):
                continue
            group = placed.get(i)
            if group is None:
                group = CopyGroup(original=readings[i].source)
                placed[i] = group
                groups.append(group)
            placed[j] = group
            copy = readings[j].source
            group.copies.append(copy)
            identical = sum(1 for _, _, score in pairs if score >= IDENTICAL)
            group.kind[copy] = "syndicated" if identical >= 0.8 * len(pairs) else "rewritten"
            garbled = []
            for s, orig, score in pairs:
                if score >= IDENTICAL:
                    continue
                mine, theirs = _actors(readings[j], s), _actors(readings[i], orig)
                if mine != theirs:
                    garbled.append(
                        Flag(
                            kind="spun_copy",
                            span=s[:200],
                            detail=f"a copy of {readings[i].source}, whose sentence reads: {orig[:200]}",
                        )
                    )
            if garbled:
                group.flags[copy] = garbled
    return groups
