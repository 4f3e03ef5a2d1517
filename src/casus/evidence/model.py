"""What reading an article yields (pydantic models; the `--json` shape)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

Relation = Literal[
    "agree_sign", "consult", "assist_militarily", "transfer_arms", "transfer_technology",
    "send_troops", "attack", "threaten", "deter", "support_politically", "oppose",
]  # fmt: skip
RELATIONS: tuple[str, ...] = Relation.__args__  # type: ignore[attr-defined]


class ActorCount(BaseModel):
    """A state or organisation and how often the article mentions it (any form)."""

    id: str
    mentions: int
    forms: list[str] = Field(default_factory=list)


class Attribution(BaseModel):
    """On whose authority a claim is made."""

    kind: Literal["speaker", "officials", "media_reports", "author"]
    who: str | None = None  # the named speaker, or the state whose officials speak
    count: int | None = None  # "three officials"


class Claim(BaseModel):
    """One sentence relating actors: subject -relation-> object, with polarity and modality."""

    text: str
    subject: str | None
    relation: Relation
    object: str | None
    polarity: Literal["positive", "negative"]
    modality: Literal["asserted", "hedged"]
    hedges: list[str] = Field(default_factory=list)
    attribution: Attribution


class Quotation(BaseModel):
    """Quoted words and who said them (None when the article does not say)."""

    text: str
    speaker: str | None


class ProvisionLink(BaseModel):
    """A sentence that quotes or paraphrases a bundled provision."""

    treaty: str
    article: str
    score: float
    sentence: str


class Flag(BaseModel):
    """Something that looks wrong, with the offending span."""

    kind: Literal["anachronism", "misattributed_title", "misattributed_capital", "article_mismatch"]
    span: str
    detail: str


class ArticleReading(BaseModel):
    """Everything read from one article."""

    source: str
    title: str | None
    date: dt.date
    date_from: Literal["option", "document", "today"]
    words: int
    actors: list[ActorCount]
    claims: list[Claim]
    quotations: list[Quotation]
    provisions: list[ProvisionLink]
    flags: list[Flag]
    removed_lines: int = 0
