"""What reading an article yields (pydantic models; the `--json` shape)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

Relation = Literal[
    "agree_sign", "consult", "cooperate_militarily", "assist_militarily", "transfer_arms",
    "transfer_technology", "send_troops", "attack", "coerce", "threaten", "mobilize", "sanction",
    "accuse", "request_aid", "support_politically", "oppose",
]  # fmt: skip
RELATIONS: tuple[str, ...] = Relation.__args__  # type: ignore[attr-defined]
# Each relation's closest event type in CAMEO (Schrodt 2012, codebook 1.1b3) and PLOVER (the
# POLECAT ontology), so that output can be set beside GDELT- or POLECAT-coded data.
CODES: dict[str, tuple[str, str]] = {
    "agree_sign": ("057", "AGREE"),  # sign formal agreement
    "consult": ("040", "CONSULT"),  # consult, not specified
    "cooperate_militarily": ("062", "COOPERATE"),  # cooperate militarily
    "assist_militarily": ("072", "AID"),  # provide military aid
    "transfer_arms": ("072", "AID"),
    "transfer_technology": ("072", "AID"),
    "send_troops": ("074", "AID"),  # provide military protection or peacekeeping
    "attack": ("190", "FIGHT"),  # use conventional military force
    "coerce": ("170", "COERCE"),  # coerce, not specified
    "threaten": ("138", "THREATEN"),  # threaten with military force
    "mobilize": ("150", "MOBILIZE"),  # demonstrate military or police power
    "sanction": ("163", "SANCTION"),  # impose embargo, boycott or sanctions
    "accuse": ("112", "ACCUSE"),  # accuse, not specified
    "request_aid": ("023", "REQUEST"),  # appeal for aid
    "support_politically": ("051", "SUPPORT"),  # praise or endorse
    "oppose": ("111", "DISAPPROVE"),  # criticize or denounce
}

# Relations a claim may state without a target: a show of force, a signing whose partner the
# sentence leaves out, exercises held. The rest are acts on someone, a threat too (CAMEO codes
# them with a target); without one a claim says nothing an analyst can use.
UNTARGETED: frozenset[str] = frozenset({"mobilize", "agree_sign", "cooperate_militarily"})


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
    via: str | None = None  # who passes it on: "according to TASS, Putin said" (who Putin, via TASS)


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
    conditional: bool = False  # pledged for a case ("if either is attacked"), not reported as done
    # of a conditional claim: help offered, for whenever it is taken up ("Germany is willing to send
    # 4,000 troops to Lithuania"), not a case the sentence names
    offered: bool = False
    cameo: str = ""  # the relation's CAMEO event code (CODES)
    plover: str = ""  # and its PLOVER event type
    coder: Literal["parse", "rules"] = "rules"
    trigger: str | None = (
        None  # the word that names the relation ("struck", "condemnation"); None: read from treaty wording
    )
    # how likely the claim is right, and the terms that moved it most (casus.evidence.confidence)
    confidence: float | None = None
    confidence_reasons: list[str] = Field(default_factory=list)

    def model_post_init(self, context: Any, /) -> None:
        """Fill the CAMEO and PLOVER codes from the relation."""
        if not self.cameo:
            self.cameo, self.plover = CODES[self.relation]


class Quotation(BaseModel):
    """Quoted words and who said them (None when the article does not say)."""

    text: str
    speaker: str | None


class ProvisionLink(BaseModel):
    """A sentence that quotes or paraphrases a bundled provision."""

    treaty: str
    article: str
    score: (
        float | None
    )  # the wording's similarity (0-1); None for a link by reference (an article named, a promise restated)
    sentence: str
    rendering: str | None = None  # whose rendering of the provision matched (None: casus's own text)


class Flag(BaseModel):
    """Something that looks wrong, with the offending span."""

    kind: Literal[
        "anachronism",
        "misattributed_title",
        "misattributed_capital",
        "article_mismatch",
        "spun_copy",
        "boilerplate",
    ]
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
    coder: Literal["parse", "rules"] = "rules"  # which claim coder read it (casus.evidence.parse)
    sentences: int = 0
    sentences_parsed: int = 0  # with the parser: the sentences that named an actor and a trigger word
    min_confidence: float = 0.0  # claims less likely right than this were left out ...
    claims_left_out: int = 0  # ... this many
