"""What several articles say about the same event or the same treaty provision, source by source.

`compare` aligns the readings of several articles:

- **Copies first** (`casus.evidence.copies`): a story that ten outlets copied from one wire is
  one source, so its claims count once; a copy that garbles names is flagged against its original.
- **Events**: claims grouped by relation and the unordered pair of actors. A group is reported
  when two or more independent sources speak to it: `agree`, `agree, with hedging`, or
  `contradict` when one asserts what another denies; each side is quoted.
- **Provisions**: sentences that quote, paraphrase or name a treaty article ("Article 4 of the
  treaty") are read for their stance: `obliges` ("clearly states", "shall", "automatic",
  "obliges"), `does not oblige` ("no commitment like NATO's Article 5", "does not require",
  "not automatic") or `describes`. Sources that take both stances on one article contradict
  each other, and the verdict quotes both sentences.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from casus.evidence.copies import CopyGroup, find_copies
from casus.evidence.model import ArticleReading

__all__ = ["compare", "provision_refs", "stance"]

ARTICLE_REF = re.compile(r"\b(?:Article|Art\.)\s*(?P<n>\d+(?:\.\d+)?|[IVX]+)\b")
NEGATIVE = re.compile(
    r"\b(no|not|never|nor|hardly|neither)\s+(an?\s+|any\s+|the\s+)?(\w+\s+){0,2}?"
    r"(automatic\w*|binding|obligat\w*|oblig\w*|commitment|guarantee|require\w*|bind\w*|alliance|mean)\b"
    r"|\b(does|do|did|would|will)\s+not\s+(necessarily\s+)?(oblige|require|commit|bind|mean|guarantee|entail|trigger)\b"
    r"|\b(falls|fall|stops|stop)\s+short\s+of\b|\bunlike\s+(nato'?s\s+)?article\s+5\b|\bnon-binding\b"
    r"|\bnot\s+an?\s+[\w-]*\s*(military\s+)?alliance\b",
    re.I,
)
POSITIVE = re.compile(
    r"\b(oblig\w*|shall|must|requires?|commits?|binds?|binding|automatic\w*|immediate\w*|without delay|"
    r"clearly|explicit\w*|guarantees?|pledges?|mutual (defen[cs]e|assistance))\b",
    re.I,
)


def stance(sentence: str) -> str:
    """`obliges`, `does not oblige` or `describes`: what a sentence says the provision does."""
    if NEGATIVE.search(sentence):
        return "does not oblige"  # "it is no commitment like NATO's Article 5", "does not oblige"
    if POSITIVE.search(sentence):
        return "obliges"
    return "describes"


def provision_refs(r: ArticleReading) -> list[tuple[str, str, str]]:
    """(treaty, article, sentence) for each sentence that quotes, paraphrases or names and
    describes a provision (the reading's links, `casus.evidence.links`)."""
    return [(p.treaty, p.article, p.sentence) for p in r.provisions]


def _independent(groups: list[CopyGroup]) -> dict[str, str]:
    """Each article's source -> the source it counts as (its original, for a copy)."""
    out: dict[str, str] = {}
    for g in groups:
        for c in g.copies:
            out[c] = g.original
    return out


def _events(readings: list[ArticleReading], origin: dict[str, str]) -> list[dict[str, Any]]:
    by_key: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in readings:
        for c in r.claims:
            if c.conditional:
                continue  # a pledge is compared through its provision, not as an event
            a, b = sorted([c.subject or "", c.object or ""])
            by_key[(c.relation, a, b)].append({
                "source": r.source, "counts_as": origin.get(r.source, r.source), "text": c.text,
                "polarity": c.polarity, "modality": c.modality, "attribution": c.attribution.model_dump(),
                "confidence": c.confidence,  # how likely the reader read this statement right
            })  # fmt: skip
    out = []
    for (rel, a, b), items in sorted(by_key.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        sources = {i["counts_as"] for i in items}
        if len(sources) < 2:
            continue
        polarities = {i["polarity"] for i in items}
        verdict = (
            "contradict" if len(polarities) > 1
            else "agree" if len({i["modality"] for i in items}) == 1
            else "agree, with hedging"
        )  # fmt: skip
        out.append({"about": "event", "relation": rel, "actors": [x for x in (a, b) if x], "verdict": verdict,
                    "sources": len(sources), "statements": items})  # fmt: skip
    return out


def _provisions(readings: list[ArticleReading], origin: dict[str, str]) -> list[dict[str, Any]]:
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in readings:
        for treaty, article, sent in provision_refs(r):
            by_key[(treaty, article)].append(
                {
                    "source": r.source,
                    "counts_as": origin.get(r.source, r.source),
                    "text": sent,
                    "stance": stance(sent),
                }
            )
    out = []
    for (treaty, article), items in sorted(by_key.items()):
        sources = {i["counts_as"] for i in items}
        if len(sources) < 2:
            continue
        stances = {i["stance"] for i in items} - {"describes"}
        verdict = "contradict" if len(stances) > 1 else "agree" if stances else "describe"
        out.append({"about": "provision", "treaty": treaty, "article": article, "verdict": verdict,
                    "sources": len(sources), "statements": items})  # fmt: skip
    return out


def compare(readings: list[ArticleReading], texts: list[str] | None = None) -> dict[str, Any]:
    """Copies, then what independent sources say about the same events and provisions.

    Returns {"copies": [...], "events": [...], "provisions": [...]}; without the texts, copies
    are not looked for and provisions are compared through their quoted links only."""
    texts = texts if texts is not None else [" ".join(p.sentence for p in r.provisions) for r in readings]
    groups = find_copies(readings, texts) if texts else []
    origin = _independent(groups)
    return {
        "copies": [
            {
                "original": g.original,
                "copies": [
                    {"source": c, "kind": g.kind[c], "flags": [f.model_dump() for f in g.flags.get(c, [])]}
                    for c in g.copies
                ],
            }
            for g in groups
        ],
        "events": _events(readings, origin),
        "provisions": _provisions(readings, origin),
    }
