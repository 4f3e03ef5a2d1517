"""Parts of speech, morphology and lemmas after the parse, remembered rather than matched anew.

In the pinned pipeline the tagger gives fine-grained tags; its attribute ruler then maps each
token to a part of speech and morphology by matching about 180 patterns, and its rule lemmatizer
derives the lemma. Both are pure functions of a few token features: every single-token pattern
reads only the tag, the lower-cased form, the dependency label and whether the token is space,
and the lemma depends only on the form, the part of speech and the morphology. Run through
spaCy's matcher for every token they took 29 % of the reading time. `Remembered` asks the
pipeline's own ruler and lemmatizer once per distinct combination, on a one-token document, and
reuses the answer: the same attributes, token for token (a test compares them on every gold
sentence). A sentence matching one of the ruler's few multi-token patterns ("gon
na", "there is") is handed to the ruler and lemmatizer themselves.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NAME", "Remembered", "install"]

NAME = "casus_attributes"


class Remembered:
    """The pipeline's attribute ruler and lemmatizer, answered from memory per token features."""

    def __init__(self, nlp: Any) -> None:
        from spacy.tokens import Doc

        self._doc = Doc
        self.vocab = nlp.vocab
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.ruler_memo: dict[tuple[int, int, int, bool], tuple[int, str, int]] = {}
        self.lemma_memo: dict[tuple[int, int, str], int] = {}
        # The ruler's multi-token patterns ("gon na", "there is"): a sentence matching one goes
        # through the ruler and lemmatizer themselves, which apply patterns in their order.
        from spacy.matcher import Matcher

        self.multi = Matcher(nlp.vocab)
        for i, p in enumerate(self.ruler.patterns):
            longer = [alt for alt in p["patterns"] if len(alt) > 1]
            if longer:
                self.multi.add(f"multi{i}", longer)

    def _ruled(self, tag: str, text: str, dep: str, space: bool) -> tuple[int, str, int]:
        """(part of speech, morphology, lemma or 0) the ruler gives one token with these features."""
        doc = self._doc(self.vocab, words=[text], spaces=[False], tags=[tag], deps=[dep], heads=[0])
        doc = self.ruler(doc)
        tok = doc[0]
        del space  # the text carries it
        return tok.pos, str(tok.morph), tok.lemma

    def _lemma(self, tok: Any, pos: int, morph: str) -> int:
        key = (tok.orth, pos, morph)
        lemma = self.lemma_memo.get(key)
        if lemma is None:
            lemma = self.vocab.strings.add(self.lemmatizer.rule_lemmatize(tok)[0])
            self.lemma_memo[key] = lemma
        return lemma

    def __call__(self, doc: Any) -> Any:
        if self.multi(doc):
            return self.lemmatizer(self.ruler(doc))
        memo = self.ruler_memo
        for tok in doc:
            key = (tok.tag, tok.lower, tok.dep, tok.is_space)
            got = memo.get(key)
            if got is None:
                got = self._ruled(tok.tag_, tok.lower_, tok.dep_, tok.is_space)
                memo[key] = got
            pos, morph, lemma = got
            tok.pos = pos
            tok.set_morph(morph if morph else None)
            tok.lemma = lemma or self._lemma(tok, pos, morph)
        return doc


def install(nlp: Any) -> Any:
    """Run `Remembered` in place of the pipeline's attribute ruler and lemmatizer; returns nlp."""
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=lambda nlp, name: Remembered(nlp))
    nlp.add_pipe(NAME, last=True)
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return nlp
