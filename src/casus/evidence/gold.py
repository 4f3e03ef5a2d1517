"""Scoring the reader against hand-annotated articles (the gold set's format is in
tests/evidence/gold/README.md; `casus read --gold FILE` runs this).

A claim is right when its sentence, subject, relation and object all match a gold claim of
that sentence (for agreements, consultations, military cooperation and conditional pledges the
pair may come in either order, and such a pair given both ways in one sentence counts once); each
gold claim is matched once. Attribution, hedging and
polarity are then scored on the claims found. Treaty links are scored per article.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from casus.evidence.confidence import MIN_CONFIDENCE
from casus.evidence.model import RELATIONS, ArticleReading, Claim
from casus.evidence.pairs import SYMMETRIC
from casus.evidence.read import read_document
from casus.evidence.sources import Document
from casus.loader import read_file, validate

__all__ = ["GoldArticle", "excerpt_text", "load_gold", "score"]


class GoldAttribution(BaseModel):
    """Who the gold claim is attributed to (casus.evidence.model.Attribution's kinds)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["speaker", "officials", "media_reports", "author"]
    who: str | None = None
    via: str | None = None
    count: int | None = None


class GoldClaim(BaseModel):
    """A claim the annotator read in the sentence."""

    model_config = ConfigDict(extra="forbid")

    subject: str | None
    relation: str
    object: str | None
    polarity: Literal["positive", "negative"] = "positive"
    conditional: bool = False
    hedged: bool = False
    attribution: GoldAttribution = Field(default_factory=lambda: GoldAttribution(kind="author"))

    def model_post_init(self, context: Any, /) -> None:
        """Relations outside casus's set are errors of the annotation file."""
        if self.relation not in RELATIONS:
            raise ValueError(f"unknown relation {self.relation!r} (one of {', '.join(RELATIONS)})")


class GoldLink(BaseModel):
    """A provision the sentence quotes or paraphrases."""

    model_config = ConfigDict(extra="forbid")

    treaty: str
    article: str


class GoldSentence(BaseModel):
    """One sentence of the excerpt and what the annotator read in it."""

    model_config = ConfigDict(extra="forbid")

    text: str
    claims: list[GoldClaim] = Field(default_factory=list)
    links: list[GoldLink] = Field(default_factory=list)


class GoldArticle(BaseModel):
    """One annotated article: its address, outlet, date and an excerpt, sentence by sentence."""

    model_config = ConfigDict(extra="forbid")

    url: str
    outlet: str
    title: str | None = None
    date: dt.date
    copy_of: str | None = None
    flags: list[dict[str, Any]] = Field(default_factory=list)
    sentences: list[GoldSentence] = Field(min_length=1)


def load_gold(path: str | os.PathLike[str]) -> list[GoldArticle]:
    """Read and check a gold file (a YAML list of articles); located errors as InputError."""
    path = Path(path)
    data, lines = read_file(path)
    if not isinstance(data, list):
        data = [data]
    return [validate(GoldArticle, item, str(path), lines, (i,)) for i, item in enumerate(data)]


def _key(subject: str | None, relation: str, obj: str | None, unordered: bool) -> tuple[Any, ...]:
    pair = tuple(sorted([subject or "", obj or ""])) if unordered else (subject, obj)
    return (relation, *pair)


def _unordered(relation: str, conditional: bool) -> bool:
    return relation in SYMMETRIC or (relation == "assist_militarily" and conditional)


def _who_matches(gold: GoldAttribution, got: Any) -> bool:
    if gold.kind != got.kind:
        return False
    if gold.who is None or got.who is None:
        return gold.who is None or gold.kind == "media_reports"
    # a name with or without its accents or hyphens is the same name ("Nausėda", "Nauseda";
    # "Kim Jong-un", "Kim Jong Un")
    g, p = (
        unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode().lower()
        for w in (gold.who, got.who)
    )
    if _initials(gold.who) == p or _initials(got.who) == g:  # "KCNA", "Korean Central News Agency"
        return True
    if re.sub(r"[\s-]", "", g) == re.sub(r"[\s-]", "", p):
        return True
    return g.split()[-1] in p.split() or p.split()[-1] in g.split()


def _initials(name: str) -> str:
    """The acronym of a name of several capitalised words ("Korean Central News Agency" -> "kcna")."""
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def _sentence_of(text: str, spans: list[tuple[int, int]], claim: Claim, cursor: dict[str, int]) -> int:
    """The gold sentence a predicted claim's sentence overlaps most."""
    start = text.find(claim.text, cursor.get(claim.text, 0))
    if start < 0:
        start = text.find(claim.text)
    end = start + len(claim.text)
    overlap = [max(0, min(end, b) - max(start, a)) for a, b in spans]
    return max(range(len(spans)), key=lambda i: overlap[i])


def _distinct(gold: list[tuple[int, GoldClaim]]) -> list[tuple[int, GoldClaim]]:
    """The gold claims with an agreement, consultation or cooperation annotated both ways in one
    sentence ("A and B held talks": A with B, B with A) kept once: the pair is one claim in either
    order, and the reader's claims are counted the same way."""
    seen: set[tuple[int, str, frozenset[str | None], str]] = set()
    kept = []
    for i, c in gold:
        if c.relation in SYMMETRIC:
            key = (i, c.relation, frozenset([c.subject, c.object]), c.polarity)
            if key in seen:
                continue
            seen.add(key)
        kept.append((i, c))
    return kept


def score_article(article: GoldArticle, reading: ArticleReading) -> dict[str, Any]:
    """Counts for one article: claims found, right, and the checks on the right ones."""
    spans, pos = [], 0
    for s in article.sentences:
        spans.append((pos, pos + len(s.text)))
        pos += len(s.text) + 1
    text = excerpt_text(article)
    gold = _distinct([(i, c) for i, s in enumerate(article.sentences) for c in s.claims])
    used: set[int] = set()
    right = attrib = hedge = polarity = 0
    mutual_attacks = 0
    cursor: dict[str, int] = {}
    pledged = {
        (i, frozenset([c.subject, c.object]))
        for i, c in gold
        if c.relation == "assist_militarily" and c.conditional
    }
    misses: list[dict[str, Any]] = []
    wrong: list[dict[str, Any]] = []
    repeats: set[tuple[int, str, frozenset[str | None], str]] = set()
    found = 0
    for c in reading.claims:
        i = _sentence_of(text, spans, c, cursor)
        if c.relation in SYMMETRIC:  # the pair once per sentence, as in the gold (`_distinct`)
            key = (i, c.relation, frozenset([c.subject, c.object]), c.polarity)
            if key in repeats:
                continue
            repeats.add(key)
        found += 1
        if c.relation == "attack" and (i, frozenset([c.subject, c.object])) in pledged:
            mutual_attacks += 1
        hit = None
        for k, (j, g) in enumerate(gold):
            if k in used or j != i:
                continue
            unordered = _unordered(g.relation, g.conditional)
            if _key(g.subject, g.relation, g.object, unordered) == _key(
                c.subject, c.relation, c.object, unordered
            ):
                hit = k
                break
        if hit is None:
            misses.append({"sentence": i, "got": [c.subject, c.relation, c.object]})
            continue
        used.add(hit)
        g = gold[hit][1]
        right += 1
        if _who_matches(g.attribution, c.attribution):
            attrib += 1
        else:
            wrong.append({"sentence": i, "claim": [c.subject, c.relation, c.object],
                          "want": g.attribution.model_dump(exclude_none=True),
                          "got": c.attribution.model_dump(exclude_none=True)})  # fmt: skip
        hedge += g.hedged == (c.modality == "hedged")
        polarity += g.polarity == c.polarity
    missed = [
        {"sentence": j, "want": [g.subject, g.relation, g.object]}
        for k, (j, g) in enumerate(gold)
        if k not in used
    ]
    want_links = {(lk.treaty, lk.article) for s in article.sentences for lk in s.links}
    got_links = {(p.treaty, p.article) for p in reading.provisions}
    return {
        "gold": len(gold), "found": found, "right": right, "attribution": attrib,
        "hedge": hedge, "polarity": polarity, "links_gold": len(want_links), "links_found": len(got_links),
        "links_right": len(want_links & got_links), "mutual_defence_attacks": mutual_attacks,
        "false": misses, "missed": missed, "attribution_wrong": wrong,
    }  # fmt: skip


_ENDS = re.compile(r"[.!?][\"'”’)\]]*$")


def excerpt_text(article: GoldArticle) -> str:
    """The excerpt as one text: sentences joined by a space, but a line without a full stop (a
    headline, a subheading, a photo caption) by a line break, as it stood in the article."""
    out: list[str] = []
    for s in article.sentences:
        if out:
            out.append(" " if _ENDS.search(out[-1]) else "\n")
        out.append(s.text)
    return "".join(out)


def read_article(
    article: GoldArticle, coder: str | None = None, min_confidence: float = MIN_CONFIDENCE
) -> ArticleReading:
    """The reader's reading of an annotated excerpt, as of the article's date, as a user gets it
    (claims under the default confidence left out; `min_confidence=0` keeps them)."""
    text = excerpt_text(article)
    doc = Document(source=article.url, title=article.title, date=article.date, text=text, removed_lines=0)
    return read_document(doc, coder=coder, min_confidence=min_confidence)


def score(articles: list[GoldArticle], coder: str | None = None) -> dict[str, Any]:
    """Claim precision and recall, attribution, hedge and polarity accuracy on the claims found,
    treaty-link precision and recall, and attacks coded between parties from mutual-defence wording."""
    per = [score_article(a, read_article(a, coder)) for a in articles]
    total = (
        {k: sum(p[k] for p in per) for k in per[0] if k not in ("false", "missed", "attribution_wrong")}
        if per
        else {}
    )

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {
        "articles": len(articles),
        "outlets": len({a.outlet for a in articles}),
        "sentences": sum(len(a.sentences) for a in articles),
        "claims_gold": total.get("gold", 0),
        "claims_found": total.get("found", 0),
        "precision": ratio(total.get("right", 0), total.get("found", 0)),
        "recall": ratio(total.get("right", 0), total.get("gold", 0)),
        "attribution_accuracy": ratio(total.get("attribution", 0), total.get("right", 0)),
        "hedge_accuracy": ratio(total.get("hedge", 0), total.get("right", 0)),
        "polarity_accuracy": ratio(total.get("polarity", 0), total.get("right", 0)),
        "link_precision": ratio(total.get("links_right", 0), total.get("links_found", 0)),
        "link_recall": ratio(total.get("links_right", 0), total.get("links_gold", 0)),
        "mutual_defence_attacks": total.get("mutual_defence_attacks", 0),
        "by_article": [
            {"url": a.url, **{k: v for k, v in p.items()}} for a, p in zip(articles, per, strict=True)
        ],
    }
