"""The claims' confidence: its features, its reasons, the shipped fit, and how a reading carries it."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.evidence.confidence import (
    FEATURES,
    MIN_CONFIDENCE,
    MODEL_FILE,
    MODEL_VERSION,
    Names,
    features,
    fit,
    load,
    read_rows,
    score_claims,
    to_json,
)
from casus.evidence.model import ActorCount, ArticleReading, Attribution, Claim

REPLAYED = Path(__file__).resolve().parent / "gold" / "replayed.jsonl.gz"
ACTORS = [
    ActorCount(id="RUS", mentions=4, forms=["Moscow", "Russia", "Russian"]),
    ActorCount(id="UKR", mentions=2, forms=["Kyiv", "Ukraine"]),
    ActorCount(id="NATO", mentions=1, forms=["NATO"]),
]


def _claim(text: str, subject: str | None, relation: str, obj: str | None, **kw: object) -> Claim:
    return Claim(text=text, subject=subject, relation=relation, object=obj, polarity="positive",  # type: ignore[arg-type]
                 modality="asserted", attribution=Attribution(kind="author"), coder="parse", **kw)  # fmt: skip


def test_features_say_what_the_sentence_shows_of_the_claim() -> None:
    named = features(_claim("Russia attacked Ukraine on Monday.", "RUS", "attack", "UKR"), ACTORS, 1)
    assert named["doer named in the sentence"] == 1 and named["target named in the sentence"] == 1
    assert "target named before the doer" not in named and "a headline" not in named
    assert named["actors named in the sentence"] == pytest.approx(math.log1p(2))
    assert named["words between doer and target"] == pytest.approx(math.log1p(2))  # "Russia attacked"
    # the target told by the story, not the sentence; a headline; a modal; a second claim of it
    told = features(_claim("Moscow could strike again", "RUS", "attack", "UKR"), ACTORS, 2)
    assert "target named in the sentence" not in told and told["a headline"] == 1
    assert told["a modal verb in the sentence"] == 1
    assert told["other claims from the sentence"] == pytest.approx(math.log1p(1))
    # a form inside a longer word is not a mention ("Russian" names RUS; "Ukrainians" is not "Ukraine")
    inverted = features(_claim("Ukrainians say Russian troops struck.", "RUS", "attack", "UKR"), ACTORS, 1)
    assert "target named in the sentence" not in inverted
    org = features(_claim("NATO condemned Russia.", "NATO", "oppose", "RUS"), ACTORS, 1)
    assert org["doer is an organisation"] == 1 and org["target is the article's main actor"] == 1
    assert org["relation: oppose"] == 1 and set(org) <= set(FEATURES)


def test_a_claims_reasons_are_the_shares_of_its_distance_from_the_average_claim() -> None:
    model = load()["parse"]
    x = features(_claim("Moscow could strike again", "RUS", "attack", "UKR"), ACTORS, 1)
    mean_logit = model.intercept + sum(model.coefficients[k] * model.means[k] for k in FEATURES)
    shares = model.contributions(x)
    assert sum(w for w, _, _ in shares) == pytest.approx(model.logit(x) - mean_logit)
    reasons = model.reasons(x)
    assert 1 <= len(reasons) <= 3
    biggest = max(shares, key=lambda t: abs(t[0]))
    assert reasons[0].startswith(f"{biggest[0]:+.2f} {biggest[1]}")
    # the relation's indicators are one share, named by the claim's own relation
    named = [k for _, k, _ in shares if k.startswith("relation: ")]
    assert named == ["relation: attack"]
    oppose = features(_claim("NATO condemned Russia.", "NATO", "oppose", "RUS"), ACTORS, 1)
    assert [k for _, k, _ in model.contributions(oppose) if k.startswith("relation")] == ["relation: oppose"]
    # a feature this claim lacks is told as "no", a count as the count
    assert any(r.endswith(": no") for r in model.reasons(x, n=len(FEATURES)))
    told = model.reasons(x, n=len(FEATURES))
    counts = {"words in the sentence": 4, "words between doer and target": 0, "actors named in the sentence": 1,
              "other claims from the sentence": 0}  # fmt: skip
    shown = [r for r in told if any(f" {k}: " in r for k in counts)]
    assert shown, told  # (which counts weigh enough to be told depends on the fit)
    assert all(r.endswith(f" {k}: {v}") for r in shown for k, v in counts.items() if f" {k}: " in r)


def test_score_claims_fills_each_claim_by_its_coders_model() -> None:
    models = load()
    here = _claim("Russia attacked Ukraine on Monday.", "RUS", "attack", "UKR")
    away = _claim("Russia attacked the city of Sumy on Monday.", "RUS", "attack", "UKR")
    ruled = here.model_copy(update={"coder": "rules"})
    scored = score_claims(models, [here, away, ruled], ACTORS)
    assert all(c.confidence is not None and 0 < c.confidence < 1 and c.confidence_reasons for c in scored)
    # as fitted: a target the story supplies is riskier than one its sentence names
    assert models["parse"].coefficients["target named in the sentence"] > 0
    assert scored[0].confidence > scored[1].confidence  # type: ignore[operator]
    # the same claim from the rules coder is told by the rules coder's model
    assert scored[2].confidence == round(models["rules"].probability(features(ruled, ACTORS, 1)), 3)
    assert scored[2].confidence != scored[0].confidence
    # a coder without a model leaves its claims unscored rather than borrowing another's
    assert score_claims({"rules": models["rules"]}, [here], ACTORS)[0].confidence is None


def test_the_shipped_confidence_is_what_the_fit_writes_from_the_replayed_rounds() -> None:
    rows = read_rows(REPLAYED)
    shipped = json.loads(MODEL_FILE.read_text())
    written = to_json(fit(rows))
    assert written["version"] == shipped["version"] and written["meaning"] == shipped["meaning"]
    # both coders were replayed, so each has its own model
    assert list(written["coders"]) == list(shipped["coders"]) == ["parse", "rules"]
    for coder, got in written["coders"].items():
        want = shipped["coders"][coder]
        assert got["fitted_on"] == want["fitted_on"]
        for part in ("coefficients", "means"):
            assert list(got[part]) == list(want[part]) == list(FEATURES)
            for k in FEATURES:  # the solver's last digits may differ between processors
                assert got[part][k] == pytest.approx(want[part][k], abs=1e-4), (coder, part, k)
        assert got["intercept"] == pytest.approx(want["intercept"], abs=1e-4)


def test_replayed_rows_drop_relations_casus_no_longer_has(tmp_path: Path) -> None:
    claim = {"text": "Russia attacked Ukraine.", "subject": "RUS", "relation": "attack", "object": "UKR",
             "polarity": "positive", "modality": "asserted", "attribution": {"kind": "author"}, "coder": "parse"}  # fmt: skip
    gone = {**claim, "relation": "invade"}
    line = {"round": "abc", "file": "dev-x", "url": "u", "date": "2024-01-01", "words": 3,
            "actors": [a.model_dump() for a in ACTORS],
            "claims": [{"claim": claim, "right": True}, {"claim": gone, "right": False}]}  # fmt: skip
    f = tmp_path / "r.jsonl"
    f.write_text(json.dumps(line) + "\n\n" + json.dumps({**line, "claims": []}) + "\n")
    rows = read_rows(f)
    assert [r["claim"]["relation"] for r in rows] == ["attack"] and rows[0]["article"] == 0


def test_casus_read_gives_each_claim_a_confidence_and_says_what_it_means(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Russian forces attacked Ukraine's Kharkiv region overnight, Kyiv said. "
                 "NATO condemned Russia's strikes on Ukraine's cities.\n")  # fmt: skip
    run = [sys.executable, "-m", "casus", "read", str(f), "--date", "2025-05-01"]
    data = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, check=True).stdout)
    claims = data["articles"][0]["claims"]
    assert claims and all(0 < c["confidence"] < 1 and c["confidence_reasons"] for c in claims)
    note = data["confidence"]
    assert note["model"] == MODEL_VERSION and "not been tuned on" in note["meaning"]
    assert "average claim" in note["reasons"]
    assert note["min_confidence"] == MIN_CONFIDENCE == data["articles"][0]["min_confidence"]
    assert set(note["fitted_on"]) == {"parse", "rules"}
    out = " ".join(subprocess.run(run, capture_output=True, text=True, check=True).stdout.split())
    assert "· confidence 0." in out and "Confidence: the share of claims like this one" in out
    # a cut-off above every claim's confidence leaves none, and says so
    top = max(c["confidence"] for c in claims)
    cut = subprocess.run([*run, "--json", "--min-confidence", f"{min(top + 0.001, 1):.3f}"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    assert json.loads(cut.stdout)["articles"][0]["claims"] == []
    bad = subprocess.run([*run, "--min-confidence", "1.5"], capture_output=True, text=True)
    assert bad.returncode == 2 and "--min-confidence" in bad.stderr


def test_claims_under_the_cut_off_are_left_out_and_counted(tmp_path: Path) -> None:
    from casus.evidence.read import confident

    sure, unsure = (
        _claim("Russia attacked Ukraine.", "RUS", "attack", "UKR", confidence=v) for v in (0.8, 0.2)
    )
    unscored = _claim("Russia attacked Ukraine.", "RUS", "oppose", "UKR")
    reading = ArticleReading(source="x", title=None, date=dt.date(2025, 5, 1), date_from="option", words=3,
                             actors=ACTORS, claims=[sure, unsure, unscored], quotations=[], provisions=[], flags=[])  # fmt: skip
    kept = confident(reading, MIN_CONFIDENCE)
    assert (
        kept.claims == [sure, unscored]
        and kept.claims_left_out == 1
        and kept.min_confidence == MIN_CONFIDENCE
    )
    assert confident(reading, 0.0).claims == reading.claims
    # from the command: the rules coder's talks with the second of two leaders named is unsure
    f = tmp_path / "a.txt"
    f.write_text("Ukraine's president, speaking in Kyiv after talks with the Polish and Lithuanian leaders, "
                 "said that drones launched by Moscow could hit the region again, according to a statement.\n")  # fmt: skip
    run = [sys.executable, "-m", "casus", "read", str(f), "--date", "2025-05-01", "--coder", "rules"]
    every = json.loads(subprocess.run([*run, "--json", "--min-confidence", "0"], capture_output=True, text=True,
                                      check=True).stdout)["articles"][0]  # fmt: skip
    low = [c for c in every["claims"] if c["confidence"] < 0.6]
    assert low and every["claims_left_out"] == 0
    out = " ".join(subprocess.run([*run, "--min-confidence", "0.6"], capture_output=True, text=True,
                                  check=True).stdout.split())  # fmt: skip
    assert f"({len(low)} claim(s) under confidence 0.60 left out)" in out
    assert "Claims under 0.60 are left out (--min-confidence 0 keeps them)." in out


def test_a_bad_confidence_file_is_a_located_error_and_casus_check_knows_the_shipped_one(
    tmp_path: Path,
) -> None:
    from casus.evidence.confidence import load_file
    from casus.model import InputError

    good = load_file(MODEL_FILE)
    assert set(good) == {"parse", "rules"}
    data = json.loads(MODEL_FILE.read_text())
    data["coders"]["rules"]["coefficients"]["relation: invade"] = 1.0
    data["coders"]["parse"]["intercept"] = "high"
    bad = tmp_path / "claim-confidence.json"
    bad.write_text(json.dumps(data, indent=1))
    with pytest.raises(InputError) as err:
        load_file(bad)
    said = str(err.value)
    assert "coders.parse.intercept" in said and "coders.rules.coefficients" in said and "invade" in said
    assert f"{bad}:" in said
    check = [sys.executable, "-m", "casus", "check"]
    r = subprocess.run([*check, str(bad)], capture_output=True, text=True)
    assert r.returncode != 0 and "coders.parse.intercept" in r.stdout + r.stderr
    ok = subprocess.run([*check, str(MODEL_FILE)], capture_output=True, text=True)
    assert ok.returncode == 0 and "claim-confidence model" in " ".join(ok.stdout.split()), ok.stdout


def test_a_bad_replayed_line_is_a_located_error(tmp_path: Path) -> None:
    from casus.model import InputError

    good = {"round": "abc", "actors": [a.model_dump() for a in ACTORS],
            "claims": [{"claim": {"relation": "attack", "text": "x"}, "right": True}]}  # fmt: skip
    for bad, where in (
        ("{not json", ":2: "),
        (json.dumps({**good, "claims": [{"claim": {"text": "x"}, "right": True}]}), ":2: claims.0.claim"),
        (
            json.dumps({**good, "claims": [{"claim": {"relation": "attack"}, "right": "maybe"}]}),
            ":2: claims.0.right",
        ),
        (json.dumps({k: v for k, v in good.items() if k != "actors"}), ":2: actors"),
    ):
        f = tmp_path / "r.jsonl"
        f.write_text(json.dumps(good) + "\n" + bad + "\n")
        with pytest.raises(InputError) as err:
            read_rows(f)
        said = str(err.value)
        assert f"{f}{where}" in said and "\n" not in said.strip(), said
    gz = tmp_path / "r.jsonl.gz"
    gz.write_bytes(b"\x1f\x8bnot gzip")
    with pytest.raises(InputError, match="cannot read replayed claims"):
        read_rows(gz)


_FORMS = [
    "Korea",
    "North Korea",
    "North Korean",
    "South Korea",
    "Kim",
    "Kim Jong Un",
    "US",
    "U.S.",
    "Seoul",
    "K",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_FORMS, "the", "North", "-", "’s", "", " ", ",", "x", "é"]), max_size=30),
    st.lists(st.sets(st.sampled_from(_FORMS), min_size=1, max_size=4), min_size=1, max_size=4),
    st.sampled_from(["", " "]),
)
def test_where_actors_are_named_is_what_one_pattern_of_their_forms_finds(
    words: list[str], forms: list[set[str]], sep: str
) -> None:
    """`Names.first` reads each place's longest form standing as whole words, as the alternation
    of all forms, longest first, between word boundaries does."""
    actors = [ActorCount(id=f"A{i}", mentions=10 - i, forms=sorted(f)) for i, f in enumerate(forms)]
    text = sep.join(words)
    of: dict[str, str] = {}
    for a in actors:
        for f in a.forms:
            of.setdefault(f, a.id)
    alternation = "|".join(re.escape(f) for f in sorted(of, key=len, reverse=True))
    want: dict[str, int] = {}
    for m in re.finditer(rf"(?<!\w)(?:{alternation})(?!\w)", text):
        want.setdefault(of[m.group()], m.start())
    assert Names(actors).first(text) == want
