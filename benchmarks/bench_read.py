"""Reading throughput on a generated corpus of 800-word plain-text articles, single core.

Usage: python benchmarks/bench_read.py [--articles 400]

The corpus is generated here from sentence templates over the bundled states and leaders (no
text from the web). casus's reader (one compiled pattern for every surface form) is compared,
in the same run, with a reference that finds actors the obvious way — one search per surface
form — and otherwise reads the same; the script checks both find the same mentions.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import re
import time

from casus.evidence.gazetteer import Mention, default_gazetteer
from casus.evidence.read import read_document
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
    """Reference actor finder: one regular-expression search per surface form."""
    g = default_gazetteer()
    spans: list[tuple[int, int, str]] = []
    for form in sorted(g.by_text, key=len, reverse=True):
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?=(?:'s|’s|s)?(?![\w-]))", text):
            if not any(s <= m.start() < e or s < m.end() <= e for s, e, _ in spans):
                spans.append((m.start(), m.end(), form))
    out = []
    for s, e, form in sorted(spans):
        r = g.resolve(form, on)
        if r is not None:
            out.append(Mention(s, e, form, r[0], r[1]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--reference-articles", type=int, default=20)
    args = ap.parse_args()
    on = dt.date(2024, 6, 20)
    texts = corpus(args.articles)
    read_document(
        Document("warm", None, None, texts[0]), on=on
    )  # build the gazetteer and provision index once
    t = time.perf_counter()
    for i, text in enumerate(texts):
        read_document(Document(f"a{i}", None, None, text), on=on)
    fast = len(texts) / (time.perf_counter() - t)
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
    words = sum(len(x.split()) for x in texts) / len(texts)
    print(
        f"date {dt.date.today()}  machine {platform.system()} {platform.machine()}, {os.cpu_count()} cores (one used)"
    )
    print(f"corpus: {len(texts)} articles, {words:.0f} words each on average")
    print(f"full reading (actors, claims, attribution, links, flags): {fast:,.0f} articles/s")
    print(f"actor finding: compiled pattern {fast_find:,.0f} articles/s, one search per form {ref_find:,.1f} "
          f"articles/s, ratio {fast_find / ref_find:,.0f}x")  # fmt: skip


if __name__ == "__main__":
    main()
