"""Reading throughput, single core: 800-word articles of real published sentences, and one 5 MiB text.

Usage: python benchmarks/bench_read.py [--articles 120]

Everything runs on one thread (the BLAS is held to one by threadpoolctl).

The articles are assembled from the sentences of the development gold set
(tests/evidence/gold/dev-*.yaml: excerpts of published news articles), drawn at random until
each is 800 words long, so the reader parses text of the density it meets in the field. The
parser-based coder (`--coder parse`, the default) is timed against the rule-based one in the
same run; actor finding (one compiled pattern for every surface form) against a reference
that runs one search per surface form, the script checking both find the same mentions. The
5 MiB text repeats the articles and is read once with each coder.

The pipeline alone (tagger and parser, no casus code) is timed three ways: the parser's
transitions walked by the compiled loop (`casus.evidence.arc_eager`, what casus uses) and by
spaCy's own, both with casus's network operations (numpy's BLAS, the compiled maxout:
`casus.evidence.network`), and spaCy's loop with thinc's (its bundled BLIS, its maxout); the
script checks all three parse alike.

The parser is timed reading one article at a time (`read_document`) and the same articles as one
stream (`read_documents`, which shares the parser's batches between articles; the script checks
the readings are identical), both after a first pass, whose rate is printed too: in that pass
the words are new to the process, and the pipeline's remembered attributes are not yet warm.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import time
from pathlib import Path

from casus.evidence.gazetteer import Mention, default_gazetteer
from casus.evidence.parse import pipeline
from casus.evidence.read import read_document, read_documents
from casus.evidence.sources import Document

TEMPLATES = [
    "{A} and {B} signed a treaty on military cooperation, {L} said on {day}.",
    "Three {dA} officials said {B} may have supplied artillery shells to {A}.",
    "{A} did not support the resolution, according to media reports.",
    "The pact obliges {B} to provide military assistance to {A} without delay, analysts said.",
    "{L} warned that {A} could send troops to the border with {B}.",
    "Diplomats in {cA} said talks with {B} would continue next week despite the tension.",
    "The ministry said the exercises were defensive and posed no threat to any neighbour.",
    "Markets in the region were calm and trading volumes were close to their average for the month.",
]


def corpus(n: int, words: int = 800, seed: int = 1) -> list[str]:
    """`n` articles of about `words` words each."""
    g = default_gazetteer()
    rng = random.Random(seed)
    states = [f for fs in g.by_text.values() for f in fs if f.kind == "name" and f.end.year > 3000]
    demonyms = {f.target: f.text for fs in g.by_text.values() for f in fs if f.kind == "demonym"}
    capitals = {f.target: f.text for fs in g.by_text.values() for f in fs if f.kind == "capital"}
    leaders = [f.person for f in g.leaders if f.end.year > 3000]
    out = []
    for _ in range(n):
        text: list[str] = []
        while sum(len(s.split()) for s in text) < words:
            a, b = rng.sample(states, 2)
            s = rng.choice(TEMPLATES).format(A=a.text, B=b.text, L=rng.choice(leaders), day="Tuesday",
                                             dA=demonyms.get(a.target, a.text), cA=capitals.get(a.target, a.text))  # fmt: skip
            text.append(s)
        out.append(" ".join(text[i] for i in range(len(text))))
    return out


def naive_find(text: str, on: dt.date) -> list[Mention]:
    """Reference actor finder: one regular-expression search per surface form, then the
    leftmost of overlapping matches kept (the longest where two start together), as a scan does."""
    g = default_gazetteer()
    found: list[tuple[int, int, str]] = []
    for form in g.by_text:
        # (not before a lower-case word, "China-based", but "Pakistani-administered" is Pakistan's)
        ahead = r"(?=(?:'s|’s|s)?(?!\w|-(?!controlled\b|administered\b)[a-z]))"
        for m in re.finditer(rf"(?<!\w){re.escape(form)}{ahead}", text):
            if re.search(r"(?<![\w-])[a-z]\w*-$", text[max(0, m.start() - 40) : m.start()]):
                continue  # "pro-Russian"
            if (form == "China" and re.match(r" Sea\b", text[m.end() :])) or re.search(
                r"\b(?:Sea|Gulf|Bay|Straits?) of $", text[max(0, m.start() - 11) : m.start()]
            ):
                continue  # "the South China Sea", "the Sea of Japan", "the Gulf of Oman": waters
            found.append((m.start(), m.end(), form))
    spans: list[tuple[int, int, str]] = []
    for start, end, form in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if not spans or start >= spans[-1][1]:
            spans.append((start, end, form))
    out = []
    for s, e, form in sorted(spans):
        r = g.resolve(form, on)
        if r is not None:
            out.append(Mention(s, e, form, r[0], r[1]))
    out = g.disambiguated(g.screened(text, out), on)
    out = g.defined_acronyms(text, out) if "(" in text else out
    out = g.island_shorthand(text, out) if "island" in text else out
    return g.korean_shorthand(text, out) if "North" in text or "South" in text else out


GOLD = Path(__file__).resolve().parents[1] / "tests" / "evidence" / "gold"


def real_articles(n: int, words: int = 800, seed: int = 1) -> list[str]:
    """`n` articles of about `words` words, from the development gold set's published sentences."""
    from casus.evidence.gold import load_gold

    sents = [s.text for f in sorted(GOLD.glob("dev-*.yaml")) for a in load_gold(f) for s in a.sentences]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text: list[str] = []
        while sum(len(s.split()) for s in text) < words:
            text.append(rng.choice(sents))
        out.append(" ".join(text))
    return out


def _rate(texts: list[str], on: dt.date, coder: str) -> float:
    read_document(Document("warm", None, None, texts[0]), on=on, coder=coder)
    t = time.perf_counter()
    for i, text in enumerate(texts):
        read_document(Document(f"a{i}", None, None, text), on=on, coder=coder)
    return len(texts) / (time.perf_counter() - t)


def _batch_rate(texts: list[str], on: dt.date) -> float:
    """Articles per second read as one stream (`read_documents`: parser batches shared)."""
    docs = [Document(f"a{i}", None, None, text) for i, text in enumerate(texts)]
    list(read_documents(docs[:5], on=on, coder="parse"))
    t = time.perf_counter()
    list(read_documents(docs, on=on, coder="parse"))
    return len(texts) / (time.perf_counter() - t)


def pipeline_products(texts: list[str]) -> tuple[float, float, float, bool]:
    """Tokens per second of the pinned pipeline (tagger, parser) three ways: thinc's operations
    (bundled BLIS products, its maxout) and spaCy's transition loop; casus's operations (numpy's
    BLAS, the compiled maxout: `casus.evidence.network`) and spaCy's loop; casus's operations and
    the compiled loop (`casus.evidence.arc_eager`: what casus uses); and whether all parse alike."""
    import spacy

    from casus.evidence import arc_eager
    from casus.evidence.network import use_own_ops
    from casus.evidence.parse import _model_dir

    sents = [s for t in texts for s in t.split(". ")]
    rates, parses = [], []
    for numpy_blas, compiled in ((False, False), (True, False), (True, True)):
        nlp = spacy.load(_model_dir(), exclude=["ner", "senter", "attribute_ruler", "lemmatizer"])
        if numpy_blas:
            use_own_ops(nlp)
        if compiled:
            arc_eager.install(nlp)
        list(nlp.pipe(sents[:50]))
        t = time.perf_counter()
        docs = list(nlp.pipe(sents, batch_size=64))
        rates.append(sum(len(d) for d in docs) / (time.perf_counter() - t))
        parses.append([(tok.tag_, tok.dep_, tok.head.i) for d in docs for tok in d])
    return rates[0], rates[1], rates[2], parses[0] == parses[1] == parses[2]


def run_on_documents() -> list[tuple[int, float, float]]:
    """Seconds to parse one document with no full stop, of 4,000 and 16,000 words, with the compiled
    transition loop and with spaCy's (both with casus's operations): each should grow about
    fourfold, as the words do."""
    import spacy

    from casus.evidence import arc_eager
    from casus.evidence.network import use_own_ops
    from casus.evidence.parse import _model_dir

    words = (
        "the troops of Russia moved to the border and the ministry said that talks would go on " * 1100
    ).split()
    pipes = []
    for compiled in (True, False):
        nlp = spacy.load(_model_dir(), exclude=["ner", "senter", "attribute_ruler", "lemmatizer"])
        use_own_ops(nlp)
        pipes.append(arc_eager.install(nlp) if compiled else nlp)
        pipes[-1]("Warm up.")
    out = []
    for n in (4000, 16000):
        text = " ".join(words[:n])
        times = []
        for nlp in pipes:
            t = time.perf_counter()
            nlp(text)
            times.append(time.perf_counter() - t)
        out.append((n, times[0], times[1]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--reference-articles", type=int, default=20)
    args = ap.parse_args()
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # one core: the BLAS may not spread a product over the second
    on = dt.date(2024, 11, 1)
    texts = real_articles(args.articles)
    # a first pass, so that neither timing below pays for the pipeline's first sight of the
    # corpus's words (its attributes are remembered per word form); its own rate is printed
    pipeline()
    t = time.perf_counter()
    list(
        read_documents([Document(f"w{i}", None, None, x) for i, x in enumerate(texts)], on=on, coder="parse")
    )
    first = len(texts) / (time.perf_counter() - t)
    parse = _rate(texts, on, "parse")
    batch = _batch_rate(texts, on)
    one = [
        read_document(Document(f"a{i}", None, None, x), on=on, coder="parse")
        for i, x in enumerate(texts[:20])
    ]
    docs = [Document(f"a{i}", None, None, x) for i, x in enumerate(texts[:20])]
    assert list(read_documents(docs, on=on, coder="parse")) == one, "batched readings differ"
    rules = _rate(texts, on, "rules")
    g = default_gazetteer()
    ref_texts = texts[: args.reference_articles]
    t = time.perf_counter()
    for text in ref_texts:
        naive_find(text, on)
    ref_find = len(ref_texts) / (time.perf_counter() - t)
    t = time.perf_counter()
    for text in ref_texts:
        g.find(text, on)
    fast_find = len(ref_texts) / (time.perf_counter() - t)
    for text in ref_texts[:5]:
        assert [(m.start, m.form.target) for m in g.find(text, on)] == [
            (m.start, m.form.target) for m in naive_find(text, on)
        ], "the two finders disagree"
    big = ("\n".join(texts) * 200)[: 5 * 1024 * 1024]
    huge = {}
    for coder in ("parse", "rules"):
        t = time.perf_counter()
        r = read_document(Document("big", None, None, big), on=on, coder=coder)
        huge[coder] = (time.perf_counter() - t, r.sentences_parsed, r.sentences)
    blis, blas, loop, same = pipeline_products(texts[:40])
    run_on = run_on_documents()
    words = sum(len(x.split()) for x in texts) / len(texts)
    print(f"date {dt.date.today()}  machine {platform.system()} {platform.machine()}, {os.cpu_count()} cores (one used)")  # fmt: skip
    print(f"corpus: {len(texts)} articles of published sentences, {words:.0f} words each on average")
    print(
        f"full reading, parser: {parse:,.1f} articles/s; rules: {rules:,.1f} articles/s; ratio {rules / parse:.1f}x"
    )
    print(
        f"first pass over the corpus (its words new to the process), as one stream: {first:,.1f} articles/s"
    )
    print(f"many articles as one stream (read_documents): {batch:,.1f} articles/s; "
          f"ratio to one at a time {batch / parse:.2f}x; readings identical")  # fmt: skip
    print(f"pipeline alone: casus's operations and the compiled transition loop {loop:,.0f} tokens/s; "
          f"with spaCy's loop {blas:,.0f} tokens/s (ratio {loop / blas:.2f}x); thinc's operations and spaCy's "
          f"loop {blis:,.0f} tokens/s (ratio {loop / blis:.2f}x); parses {'identical' if same else 'DIFFER'}")  # fmt: skip
    for n, ours, theirs in run_on:
        print(
            f"one document of {n:,} words without a full stop: compiled loop {ours:.2f} s, spaCy's {theirs:.2f} s"
        )
    print(f"actor finding: compiled pattern {fast_find:,.0f} articles/s, one search per form {ref_find:,.1f} "
          f"articles/s, ratio {fast_find / ref_find:,.0f}x")  # fmt: skip
    for coder, (secs, parsed, n) in huge.items():
        print(f"5 MiB text ({len(big.split()):,} words, {n:,} sentences), {coder}: {secs:.1f} s"
              + (f" ({parsed:,} sentences parsed, the rest by the rules)" if coder == "parse" else ""))  # fmt: skip


if __name__ == "__main__":
    main()
