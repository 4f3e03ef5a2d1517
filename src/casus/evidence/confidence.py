"""How likely a claim is to be right, from what kind of claim it is and how its sentence reads.

A logistic model over a few plain features of a claim (its relation, voice and attribution, whether
its actors are named in its sentence, how crowded the sentence is), fitted on the claims the reader
made on annotated articles *before* it was changed to fit them: each annotation round read by the
reader of the commit before the round arrived (`tests/evidence/gold/replay_rounds.py`). So the
number is the share of such claims that were right on text the reader had not been tuned on, not
on the development set it reads well. Each claim coder (the parse, the rules) has its own model:
`fit` makes them, `load` reads the shipped ones and `score_claims` gives each claim its
confidence and the features that moved it most.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, field_validator

from casus.evidence.gazetteer import DATA, organisation_ids
from casus.evidence.model import RELATIONS, ActorCount, Claim
from casus.loader import read_file, validate
from casus.model import InputError

MODEL_FILE = DATA / "claim-confidence.json"
MODEL_VERSION = "claim-confidence-3"  # -1: 110 batches (rounds 2-83); -2: 114 (2-85); -3: 173 (2-145)
MEANING = (
    "the share of claims like this one that were right (subject, relation and object as annotated) "
    "when the reader met annotated articles it had not been tuned on"
)
REASONS = (
    "the features that moved the claim's log-odds most away from the average claim's, each with its share; "
    "all the shares together add up to that difference"
)
# Claims less likely right than this are left out unless asked for: scored forward, about one in
# six of the parse's claims under it was right (15 of 88), and one in sixteen of the rules coder's.
MIN_CONFIDENCE = 0.3
_QUOTES = re.compile('["“”«»]')

# Each feature's name is what a reader is shown as a reason, so it says what it measures.
BASE_RELATION = "attack"  # the relation without an indicator (the intercept's)
FEATURES: tuple[str, ...] = (
    *(f"relation: {r}" for r in RELATIONS if r != BASE_RELATION),
    "hedged",
    "denied",
    "pledged for a case",
    "attributed to officials",
    "attributed to media reports",
    "the article's own report",
    "passed on by an outlet",
    "target unknown",
    "doer unknown",
    "doer named in the sentence",
    "target named in the sentence",
    "doer is an organisation",
    "target is an organisation",
    "doer is the article's main actor",
    "target is the article's main actor",
    "actors named in the sentence",
    "other claims from the sentence",
    "words in the sentence",
    "quotation marks in the sentence",
    "a modal verb in the sentence",
    "a condition in the sentence",
    "target named before the doer",
    "words between doer and target",
    "a headline",
)
# counts, entered as log(1 + n) and shown as n
COUNTS = frozenset({"actors named in the sentence", "other claims from the sentence", "words in the sentence",
                    "words between doer and target"})  # fmt: skip
_MODAL = re.compile(r"\b(?:could|would|might|may|should|will|can)\b")
_CONDITION = re.compile(r"\b(?:if|unless|in case|in the event)\b", re.I)
_ENDED = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_WORD = re.compile(r"\w")


class Names:
    """Where an article's actors are first named in a sentence, by the forms the article names them
    by: at each place the longest form standing as whole words, as one pattern of all the forms
    would find them, but without compiling a pattern for every article (which cost more than
    scoring its claims)."""

    def __init__(self, actors: Sequence[ActorCount]) -> None:
        self.main = actors[0].id if actors else None
        self._of: dict[str, str] = {}
        for a in actors:  # a form two actors share is the more mentioned one's
            for f in a.forms:
                self._of.setdefault(f, a.id)
        self._words = [f for f in self._of if f]
        self._seen: dict[str, dict[str, int]] = {}

    def first(self, text: str) -> dict[str, int]:
        """Each actor named in `text`, with where it is first named."""
        got = self._seen.get(text)
        if got is None:
            found = []
            for w in self._words:
                i = text.find(w)
                while i >= 0:
                    j = i + len(w)
                    if not (i and _WORD.match(text, i - 1)) and not _WORD.match(text, j):
                        found.append((i, -len(w), w))
                    i = text.find(w, i + 1)
            found.sort()  # leftmost first, the longest of those starting together first
            got, end = {}, 0
            for i, minus, w in found:
                if i >= end:  # not inside a longer name already read
                    got.setdefault(self._of[w], i)
                    end = i - minus
            self._seen[text] = got
        return got


def features(
    claim: Claim, actors: Sequence[ActorCount], same_sentence: int, names: Names | None = None
) -> dict[str, float]:
    """A claim's features, by name (those that are zero left out).

    `actors` are the article's actors with the forms it names them by, most mentioned first;
    `same_sentence` is how many claims the reading made from the claim's sentence, this one
    included; `names`, the article's `Names` when many of its claims are scored."""
    orgs = organisation_ids()
    names = names or Names(actors)
    main = names.main
    text = claim.text
    where = names.first(text)
    named = len(where)
    doer = where.get(claim.subject) if claim.subject is not None else None
    target = where.get(claim.object) if claim.object is not None else None
    apart = (
        len(text[min(doer, target) : max(doer, target)].split())
        if doer is not None and target is not None
        else 0
    )
    kind = claim.attribution.kind
    x: dict[str, float] = {
        f"relation: {claim.relation}": 1.0,
        "hedged": float(claim.modality == "hedged"),
        "denied": float(claim.polarity == "negative"),
        "pledged for a case": float(claim.conditional),
        "attributed to officials": float(kind == "officials"),
        "attributed to media reports": float(kind == "media_reports"),
        "the article's own report": float(kind == "author"),
        "passed on by an outlet": float(bool(claim.attribution.via)),
        "target unknown": float(claim.object is None),
        "doer unknown": float(claim.subject is None),
        "doer named in the sentence": float(doer is not None),
        "target named in the sentence": float(target is not None),
        "doer is an organisation": float(claim.subject in orgs),
        "target is an organisation": float(claim.object in orgs),
        "doer is the article's main actor": float(claim.subject is not None and claim.subject == main),
        "target is the article's main actor": float(claim.object is not None and claim.object == main),
        "actors named in the sentence": math.log1p(named),
        "other claims from the sentence": math.log1p(max(0, same_sentence - 1)),
        "words in the sentence": math.log1p(len(text.split())),
        "quotation marks in the sentence": float(bool(_QUOTES.search(text))),
        "a modal verb in the sentence": float(bool(_MODAL.search(text))),
        "a condition in the sentence": float(bool(_CONDITION.search(text))),
        "target named before the doer": float(doer is not None and target is not None and target < doer),
        "words between doer and target": math.log1p(apart),
        "a headline": float(not _ENDED.search(text)),
    }  # fmt: skip
    return {k: v for k, v in x.items() if v and k in FEATURES}


@dataclass(frozen=True)
class Confidence:
    """A fitted claim-confidence model: logistic coefficients by feature name, the features' means
    on the claims it was fitted on (the average claim, against which reasons are told), and what it
    was fitted on."""

    intercept: float
    coefficients: dict[str, float]
    means: dict[str, float]
    fitted_on: dict[str, Any]
    version: str = MODEL_VERSION

    def logit(self, x: Mapping[str, float]) -> float:
        """The log-odds that a claim with features `x` is right."""
        return self.intercept + sum(self.coefficients.get(k, 0.0) * v for k, v in x.items())

    def probability(self, x: Mapping[str, float]) -> float:
        """The probability that a claim with features `x` is right."""
        return 1.0 / (1.0 + math.exp(-self.logit(x)))

    def contributions(self, x: Mapping[str, float]) -> list[tuple[float, str, float]]:
        """Each feature's share of how far this claim's log-odds lie from the average claim's
        (coefficient times the feature's distance from its mean), with the claim's value; in a
        logistic model the shares add up to that whole distance. The relation's indicators are one
        share, named by the claim's relation ("relation: attack")."""
        out: list[tuple[float, str, float]] = []
        relation, share = "relation: attack", 0.0  # the base relation has no indicator of its own
        for k in FEATURES:
            v = x.get(k, 0.0)
            w = self.coefficients.get(k, 0.0) * (v - self.means.get(k, 0.0))
            if k.startswith("relation: "):
                share += w
                relation = k if v else relation
            else:
                out.append((w, k, v))
        return [(share, relation, 1.0), *out]

    def reasons(self, x: Mapping[str, float], n: int = 3) -> list[str]:
        """The `n` largest shares of `contributions`, each signed and with this claim's value
        ("-1.71 target named in the sentence: no", "+0.65 relation: oppose"); shares under 0.05
        are not told."""
        terms = sorted((t for t in self.contributions(x) if abs(t[0]) >= 0.05), key=lambda t: -abs(t[0]))
        return [f"{w:+.2f} {k}" + ("" if k.startswith("relation: ") else
                                    f": {round(math.expm1(v)) if k in COUNTS else ('yes' if v else 'no')}")
                for w, k, v in terms[:n]]  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        """This model's part of the shipped file."""
        return {
            "fitted_on": self.fitted_on,
            "intercept": round(self.intercept, 6),
            "coefficients": {k: round(self.coefficients[k], 6) for k in FEATURES},
            "means": {k: round(self.means[k], 6) for k in FEATURES},
        }


def to_json(models: Mapping[str, Confidence]) -> dict[str, Any]:
    """The shipped file's content: one model per claim coder."""
    return {
        "version": MODEL_VERSION,
        "meaning": MEANING,
        "coders": {k: m.to_json() for k, m in models.items()},
    }


def _same_sentence(claims: Sequence[Claim]) -> list[int]:
    """How many claims of its own coder each claim's sentence gave."""
    n = Counter((c.coder, c.text) for c in claims)
    return [n[c.coder, c.text] for c in claims]


def score_claims(
    models: Mapping[str, Confidence], claims: Sequence[Claim], actors: Sequence[ActorCount]
) -> list[Claim]:
    """The claims with their confidence and the reasons for it filled in, each by its coder's
    model (a coder with none leaves them empty)."""
    out = []
    names = Names(actors)
    for c, k in zip(claims, _same_sentence(claims), strict=True):
        model = models.get(c.coder)
        if model is None:
            out.append(c)
            continue
        x = features(c, actors, k, names)
        out.append(c.model_copy(update={"confidence": round(model.probability(x), 3),
                                        "confidence_reasons": model.reasons(x)}))  # fmt: skip
    return out


def fit(rows: Sequence[Mapping[str, Any]], c: float = 1.0) -> dict[str, Confidence]:
    """One model per claim coder, fitted on replayed claims: each row a claim (`claim`, as `--json`
    gives it), the article's `actors`, whether it was `right`, its round and article; each an
    L2-penalised logistic regression."""
    from sklearn.linear_model import LogisticRegression

    out: dict[str, Confidence] = {}
    for coder in ("parse", "rules"):
        mine = [r for r in rows if r["claim"].get("coder") == coder]
        if not mine:
            continue
        x, y = design(mine)
        lr = LogisticRegression(C=c, max_iter=2000).fit(x, y)
        out[coder] = Confidence(
            intercept=float(lr.intercept_[0]),
            coefficients={k: float(w) for k, w in zip(FEATURES, lr.coef_[0], strict=True)},
            means={k: float(m) for k, m in zip(FEATURES, x.mean(axis=0), strict=True)},
            fitted_on={"batches": len({r["round"] for r in mine}),
                       "articles": len({(r["round"], r["article"]) for r in mine}),
                       "claims": len(mine), "right": int(y.sum()), "penalty": f"L2, C={c}"},
        )  # fmt: skip
    return out


def design(rows: Sequence[Mapping[str, Any]]) -> tuple[Any, Any]:
    """The feature matrix (columns in `FEATURES` order) and outcomes of replayed claims."""
    import numpy as np

    x = np.zeros((len(rows), len(FEATURES)))
    y = np.zeros(len(rows), dtype=int)
    col = {k: i for i, k in enumerate(FEATURES)}
    by_article: dict[tuple[Any, ...], list[int]] = {}  # one coder's claims of one article
    for i, r in enumerate(rows):
        by_article.setdefault((r["round"], r["article"], r["claim"].get("coder")), []).append(i)
    for members in by_article.values():
        claims = [row_claim(rows[i]) for i in members]
        actors = [ActorCount.model_validate(a) for a in rows[members[0]]["actors"]]
        names = Names(actors)
        for i, c, k in zip(members, claims, _same_sentence(claims), strict=True):
            for name, v in features(c, actors, k, names).items():
                x[i, col[name]] = v
            y[i] = int(bool(rows[i]["right"]))
    return x, y


def row_claim(row: Mapping[str, Any]) -> Claim:
    """A replayed row's claim as a `Claim` (fields an older reader did not write take their defaults)."""
    known = set(Claim.model_fields) - {"confidence", "confidence_reasons", "trigger"}
    return Claim.model_validate({k: v for k, v in row["claim"].items() if k in known})


def read_rows(path: Path) -> list[dict[str, Any]]:
    """Replayed claims, one row each, from a file of an article a line (`replay_rounds.py
    --claims`; gzipped when its name ends in .gz), leaving out claims whose relation casus no
    longer has. A line that is not such an article is an `InputError` naming its line and field."""
    try:
        raw = path.read_bytes()
        text = (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise InputError.single(path, None, "", f"cannot read replayed claims: {exc}") from None
    rows: list[dict[str, Any]] = []
    for n, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        try:
            article = json.loads(line)
            _REPLAYED.validate_python(article)
        except json.JSONDecodeError as exc:
            raise InputError.single(path, n + 1, "", f"not JSON: {exc.msg}") from None
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            raise InputError.single(path, n + 1, where, err["msg"]) from None
        context = {k: v for k, v in article.items() if k != "claims"}
        rows += [
            {**context, "article": n, **c} for c in article["claims"] if c["claim"]["relation"] in RELATIONS
        ]
    return rows


class _ReplayedClaim(BaseModel):
    claim: dict[str, Any]
    right: bool

    @field_validator("claim")
    @classmethod
    def _has_a_relation(cls, v: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(v.get("relation"), str):
            raise ValueError("a claim needs its relation")
        return v


class _ReplayedArticle(BaseModel):
    round: str
    actors: list[ActorCount]
    claims: list[_ReplayedClaim]


_REPLAYED = TypeAdapter(_ReplayedArticle)


class _CoderModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fitted_on: dict[str, Any]
    intercept: float
    coefficients: dict[str, float]
    means: dict[str, float]

    @field_validator("coefficients", "means")
    @classmethod
    def _every_feature(cls, v: dict[str, float]) -> dict[str, float]:
        if list(v) != list(FEATURES):
            missing, extra = set(FEATURES) - set(v), set(v) - set(FEATURES)
            raise ValueError(f"expected this reader's features in order (missing {sorted(missing)}, "
                             f"unknown {sorted(extra)})")  # fmt: skip
        return v


class _ModelFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: str
    meaning: str
    coders: dict[Literal["parse", "rules"], _CoderModel]


def load_file(path: Path) -> dict[str, Confidence]:
    """A claim-confidence file's models, by claim coder; a bad file is an `InputError` naming the
    line and field."""
    data, lines = read_file(path)
    m = validate(_ModelFile, data, str(path), lines)
    return {coder: Confidence(intercept=c.intercept, coefficients=c.coefficients, means=c.means,
                              fitted_on=c.fitted_on, version=m.version)
            for coder, c in m.coders.items()}  # fmt: skip


@cache
def load(path: Path = MODEL_FILE) -> dict[str, Confidence]:
    """The shipped claim-confidence models, by claim coder."""
    return load_file(path)
