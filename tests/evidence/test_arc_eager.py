"""The compiled transition loop parses exactly as spaCy's own parser: the same heads, labels and
sentence starts on every development sentence, on whole articles and on arbitrary word salad."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.evidence import arc_eager
from casus.evidence.network import use_own_ops
from casus.evidence.parse import ReaderUnavailable, _model_dir, pipeline

try:
    pipeline()
except ReaderUnavailable as exc:
    pytest.skip(f"the English pipeline is not usable here: {exc}", allow_module_level=True)

import spacy  # only once the pipeline is known to be usable

GOLD = Path(__file__).parent / "gold"
EDGES = [
    "",
    " ",
    "\n\n",
    "Yes",
    "Hello.",
    'U.S. troops  moved.\n\nThen they left. And then?   "No," he said.',
    ". , ; : ! ?",
    "( ( ( [ ] ) ) )",
]


def _load(compiled: bool) -> Any:
    nlp = spacy.load(_model_dir(), exclude=["ner", "senter", "attribute_ruler", "lemmatizer"])
    use_own_ops(nlp)
    return arc_eager.install(nlp) if compiled else nlp


@pytest.fixture(scope="module")
def both() -> tuple[Any, Any]:
    return _load(False), _load(True)


def _tree(doc: Any) -> list[tuple[str, int, str, bool, int, int]]:
    return [(t.tag_, t.head.i, t.dep_, bool(t.is_sent_start), t.left_edge.i, t.right_edge.i) for t in doc]


def _sentences() -> list[str]:
    """Every sentence of the development gold set (the held-aside set is not read here)."""
    return [
        s["text"]
        for f in sorted(GOLD.glob("dev-*.yaml"))
        for a in yaml.safe_load(f.read_text())
        for s in a["sentences"]
    ]


def test_the_compiled_loop_takes_the_parsers_place(both: tuple[Any, Any]) -> None:
    spacy_nlp, compiled = both
    assert arc_eager.NAME in compiled.pipe_names and "parser" in compiled.disabled
    assert arc_eager.NAME in pipeline().pipe_names
    assert arc_eager.NAME not in spacy_nlp.pipe_names


def test_every_development_sentence_parses_alike(both: tuple[Any, Any]) -> None:
    spacy_nlp, compiled = both
    texts = _sentences()
    assert len(texts) > 5000
    # the groups spaCy parses together depend on the batch size: a part at another size
    for size, part in ((64, texts), (7, texts[::10])):
        ref = spacy_nlp.pipe(part, batch_size=size)
        for a, b in zip(ref, compiled.pipe(part, batch_size=size), strict=True):
            assert _tree(a) == _tree(b), a.text


def test_whole_articles_and_odd_texts_parse_alike(both: tuple[Any, Any]) -> None:
    """Long documents (sentence breaks decided by the parser) and degenerate ones."""
    spacy_nlp, compiled = both
    sents = _sentences()
    articles = [" ".join(sents[i : i + 40]) for i in range(0, 1200, 40)] + EDGES
    for a, b in zip(
        spacy_nlp.pipe(articles, batch_size=8), compiled.pipe(articles, batch_size=8), strict=True
    ):
        assert _tree(a) == _tree(b), a.text[:200]
        assert [s.start for s in a.sents] == [s.start for s in b.sents]
    # one long stretch with no full stop: heads far apart, many arcs to find the newest of
    run_on = " ".join(
        ["the troops of Russia moved to the border and the ministry said that talks would go on"] * 150
    )
    assert _tree(compiled(run_on)) == _tree(spacy_nlp(run_on))
    one = articles[3]
    assert _tree(compiled(one)) == _tree(spacy_nlp(one))  # a single document, not a stream


WORDS = ["the", "Russia", "attacked", "Ukraine", ",", ".", "and", "said", "that", "troops", "in", "of", "\"",
         "Kim", "will", "not", "(", ")", "-", "who", "is", "100", "'s", "to", "on", "\n", "NATO", "if"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=120))
def test_any_word_sequence_parses_alike(words: list[str]) -> None:
    """Word salad drives the transitions into states real sentences rarely reach (reduces that
    put a headless word back, forced sentence breaks, deep stacks)."""
    spacy_nlp, compiled = _pair()
    text = " ".join(words)
    assert _tree(compiled(text)) == _tree(spacy_nlp(text))


_PAIR: list[tuple[Any, Any]] = []


def _pair() -> tuple[Any, Any]:
    if not _PAIR:
        _PAIR.append((_load(False), _load(True)))
    return _PAIR[0]


def test_a_parser_the_loop_does_not_know_is_left_in_place() -> None:
    nlp = _load(False)
    parser = nlp.get_pipe("parser")
    parser.model.attrs["unseen_classes"] = {3}
    assert not arc_eager.Parser.supports(nlp)
    arc_eager.install(nlp)
    assert arc_eager.NAME not in nlp.pipe_names and "parser" not in nlp.disabled
    assert not arc_eager.Parser.supports(spacy.blank("en"))


def test_the_shipped_types_are_those_a_parse_passes(both: tuple[Any, Any]) -> None:
    """`warm` compiles what the wheel ships; a real parse must not need another compilation."""
    arc_eager.warm()
    before = list(arc_eager.parse_batch.signatures)
    both[1]("North Korea sent troops to Russia, officials in Seoul said.")
    assert list(arc_eager.parse_batch.signatures) == before and len(before) == 1
