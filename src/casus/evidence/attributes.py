"""Parts of speech, morphology and lemmas after the parse, remembered rather than matched anew.

In the pinned pipeline the tagger gives fine-grained tags; its attribute ruler then maps each
token to a part of speech and morphology by matching about 180 patterns, and its rule lemmatizer
derives the lemma. Both are pure functions of a few token features: every single-token pattern
reads only the tag, the lower-cased form, the dependency label and whether the token is space,
and the lemma depends only on the form, the part of speech and the morphology. Run through
spaCy's matcher for every token they took 29 % of the reading time. `Remembered` asks the
pipeline's own ruler and lemmatizer once per distinct combination, on a one-token document, and
reuses the answer: the same attributes, token for token (a test compares them on every gold
sentence). Only about a hundred words are named by a pattern; for every other word the ruler's
answer is remembered by tag, label and spacing alone, so a new text rarely asks the ruler again
(on 55,000 tokens of news: 503 questions instead of 7,578). A sentence matching one of the ruler's few multi-token patterns ("gon
na", "there is") is handed to the ruler and lemmatizer themselves.
"""

from __future__ import annotations

import re
from typing import Any

import numpy

__all__ = ["NAME", "Remembered", "install"]

NAME = "casus_attributes"
ANSWERS_KEPT = 400_000  # whole answers remembered at most (about 60 MB)


class Remembered:
    """The pipeline's attribute ruler and lemmatizer, answered from memory per token features."""

    def __init__(self, nlp: Any) -> None:
        from spacy.tokens import Doc

        self._doc = Doc
        self.vocab = nlp.vocab
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        # (tag, lower or 0, dep, is_space) -> (part of speech, morphology key, lemma or 0)
        self.ruler_memo: dict[tuple[int, int, int, int], tuple[int, int, int]] = {}
        self.lemma_memo: dict[tuple[int, int, int], int] = {}
        # (tag, form, label, is_space) -> the token's (part of speech, morphology key, lemma)
        self.answers: dict[tuple[int, int, int, int], tuple[int, int, int]] = {}
        # The ruler's multi-token patterns ("gon na", "there is"): a sentence matching one goes
        # through the ruler and lemmatizer themselves, which apply patterns in their order. The
        # matcher runs only where a pattern's first token could be: its word or its label.
        from spacy.matcher import Matcher

        # The words the single-token patterns name (by LOWER): the ruler's answer for any other word
        # depends on its tag, label and spacing alone, so it is remembered for them once.
        self.named_words: set[int] = set()
        self.named_forms: list[re.Pattern[str]] = []
        for p in self.ruler.patterns:
            for alt in p["patterns"]:
                lower = alt[0].get("LOWER") if len(alt) == 1 else None
                if isinstance(lower, str):
                    self.named_words.add(self.vocab.strings.add(lower))
                elif isinstance(lower, dict) and "IN" in lower:
                    self.named_words.update(self.vocab.strings.add(w) for w in lower["IN"])
                elif isinstance(lower, dict) and "REGEX" in lower:
                    self.named_forms.append(re.compile(lower["REGEX"]))
                elif lower is not None:
                    raise ValueError(f"attribute ruler pattern not understood: {alt}")
        self.named: dict[int, bool] = {}  # lower-case form -> whether a pattern may name it
        self.multi = Matcher(nlp.vocab)
        self.first_words: set[int] = set()
        self.first_labels: set[int] = set()
        self.first_forms: list[re.Pattern[str]] = []
        self.form_starts: dict[int, bool] = {}  # lower-case form -> whether a first form matches it
        for i, p in enumerate(self.ruler.patterns):
            longer = [alt for alt in p["patterns"] if len(alt) > 1]
            if longer:
                self.multi.add(f"multi{i}", longer)
                for alt in longer:
                    self._first(alt[0])

    def _first(self, spec: dict[str, Any]) -> None:
        """Remember what a pattern's first token needs: a word (or one of several, or a form),
        else a dependency label."""
        strings = self.vocab.strings
        lower = spec.get("LOWER")
        if isinstance(lower, str):
            self.first_words.add(strings.add(lower))
        elif isinstance(lower, dict) and "IN" in lower:
            self.first_words.update(strings.add(w) for w in lower["IN"])
        elif isinstance(lower, dict) and "REGEX" in lower:
            self.first_forms.append(re.compile(lower["REGEX"]))
        elif isinstance(spec.get("DEP"), str):
            self.first_labels.add(strings.add(spec["DEP"]))
        else:
            raise ValueError(f"attribute ruler pattern not understood: {spec}")

    def _may_match(self, lowers: list[int], deps: list[int]) -> bool:
        if self.first_words.intersection(lowers) or self.first_labels.intersection(deps):
            return True
        starts = self.form_starts
        for w in lowers:
            got = starts.get(w)
            if got is None:
                text = self.vocab.strings[w]
                got = starts[w] = any(rx.match(text) for rx in self.first_forms)
            if got:
                return True
        return False

    def _ruled(self, tag: str, text: str, dep: str) -> tuple[int, int, int]:
        """(part of speech, morphology key, lemma or 0) the ruler gives one token with these features."""
        doc = self._doc(self.vocab, words=[text], spaces=[False], tags=[tag], deps=[dep], heads=[0])
        tok = self.ruler(doc)[0]
        return tok.pos, tok.morph.key, tok.lemma

    def __call__(self, doc: Any) -> Any:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        if not len(doc):
            return doc
        tags, lowers, deps, spaces, orths = doc.to_array([TAG, LOWER, DEP, IS_SPACE, ORTH]).T.tolist()
        if self._may_match(lowers, deps) and self.multi(doc):
            return self.lemmatizer(self.ruler(doc))
        answers = self.answers
        if len(answers) > ANSWERS_KEPT:  # a long-running reader: start again rather than grow
            answers.clear()
        keys = list(zip(tags, orths, deps, spaces, strict=True))
        out = list(map(answers.get, keys))  # most words were met before
        for i, done in enumerate(out):
            if done is None:
                out[i] = self._answer(doc, i, keys[i], lowers[i])
        doc.from_array([POS, MORPH, LEMMA], numpy.array(out, dtype="uint64"))
        return doc

    def _answer(self, doc: Any, i: int, whole: tuple[int, int, int, int], lower: int) -> tuple[int, int, int]:
        """(part of speech, morphology key, lemma) of token `i`, whose (tag, form, label, spacing)
        is `whole`, from the ruler and lemmatizer (each asked once per combination), remembered."""
        done = self.answers.get(whole)  # (the same word earlier in this document)
        if done is not None:
            return done
        tag, orth, dep, space = whole
        word = self.named.get(lower)
        if word is None:
            text = self.vocab.strings[lower]
            word = self.named[lower] = lower in self.named_words or any(
                rx.search(text) for rx in self.named_forms
            )
        key = (tag, lower if word else 0, dep, space)
        got = self.ruler_memo.get(key)
        if got is None:
            tok = doc[i]
            got = self.ruler_memo[key] = self._ruled(tok.tag_, tok.lower_, tok.dep_)
        pos, morph, lemma = got
        if not lemma:
            lemma = self.lemma_memo.get((orth, pos, morph), 0)
            if not lemma:
                tok = doc[i]
                tok.pos = pos
                tok.set_morph(self.vocab.strings[morph] if morph else None)
                lemma = self.vocab.strings.add(self.lemmatizer.rule_lemmatize(tok)[0])
                self.lemma_memo[(orth, pos, morph)] = lemma
        return self.answers.setdefault(whole, (pos, morph, lemma))


def install(nlp: Any) -> Any:
    """Run `Remembered` in place of the pipeline's attribute ruler and lemmatizer; returns nlp."""
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=lambda nlp, name: Remembered(nlp))
    nlp.add_pipe(NAME, last=True)
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp
