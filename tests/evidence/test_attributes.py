"""The remembered parts of speech, morphology and lemmas equal what the pipeline's own attribute
ruler and lemmatizer give, token for token."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from casus.evidence.attributes import NAME
from casus.evidence.parse import ReaderUnavailable, _model_dir, pipeline

try:
    pipeline()
except ReaderUnavailable as exc:
    pytest.skip(f"the English pipeline is not usable here: {exc}", allow_module_level=True)

import spacy  # only once the pipeline is known to be usable

GOLD = Path(__file__).parent / "gold"
EDGES = [
    "They ai n't gon na do it, y' all said.",  # the ruler's multi-token patterns
    "There is no treaty; there were two.  Let's see what it is.",
    "I told him that we would not send it to you, but he knew it himself.",
    "North Korea's troops, who'd been sent to Kursk, were fighting alongside Russia's.",
]


def _sentences() -> list[str]:
    """Every sentence of the development gold set (the held-aside set is not read here)."""
    out = []
    for f in sorted(GOLD.glob("dev-*.yaml")):
        for article in yaml.safe_load(f.read_text()):
            out.extend(s["text"] for s in article["sentences"])
    return out


def _attrs(doc: spacy.tokens.Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_remembered_attributes_equal_the_ruler_and_lemmatizer() -> None:
    fast = pipeline()
    assert NAME in fast.pipe_names and "attribute_ruler" not in fast.pipe_names
    plain = spacy.load(_model_dir(), exclude=["ner", "senter"])
    texts = _sentences() + EDGES
    assert len(texts) > 200
    tokens = 0
    for a, b in zip(plain.pipe(texts), fast.pipe(texts), strict=True):
        assert _attrs(a) == _attrs(b), a.text
        tokens += len(a)
    assert tokens > 5000
    # Asked again, from memory: the same answers.
    assert [_attrs(d) for d in fast.pipe(EDGES)] == [_attrs(d) for d in plain.pipe(EDGES)]
