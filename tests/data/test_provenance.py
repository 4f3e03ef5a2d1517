"""Treaty text is evidence: a verbatim text rests on an official, depositary, treaty-series or
scholarly publication; every source says what kind it is and links over http(s) only."""

from __future__ import annotations

from casus.world import World

TRUSTED = {"official", "depositary", "treaty_series", "scholarly"}


def test_every_source_says_its_kind(world: World) -> None:
    missing = []
    for t in world.treaties.values():
        if t.source.kind is None:
            missing.append(f"{t.id}: source")
        for p in t.provisions:
            if p.text_source is not None and p.text_source.kind is None:
                missing.append(f"{t.id} {p.article}: text_source")
            missing += [f"{t.id} {p.article}: rendering" for r in p.renderings if r.source.kind is None]
    assert not missing, missing


def test_verbatim_texts_rest_on_trusted_publications(world: World) -> None:
    bad = []
    for t in world.treaties.values():
        for p in t.provisions:
            source = p.text_source or t.source
            if p.verbatim and source.kind not in TRUSTED:
                bad.append(f"{t.id} {p.article}: verbatim from {source.publisher} ({source.kind})")
            # a rendering (another translation, the original) is held to the same rule
            bad += [
                f"{t.id} {p.article}: rendering verbatim from {r.source.publisher} ({r.source.kind})"
                for r in p.renderings if r.verbatim and r.source.kind not in TRUSTED
            ]  # fmt: skip
    assert not bad, bad


def test_source_urls_are_http(world: World) -> None:
    urls = [t.source.url for t in world.treaties.values()] + [
        s.url for t in world.treaties.values() for p in t.provisions
        for s in [p.text_source, *(r.source for r in p.renderings)] if s is not None
    ]  # fmt: skip
    assert all(u is None or u.startswith(("http://", "https://")) for u in urls)
