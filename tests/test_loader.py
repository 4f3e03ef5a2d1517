"""The YAML loader: located errors for every kind of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.loader import format_path, parse_text, read_file, validate
from casus.model import InputError, Treaty

GOOD = """\
id: x-2000
title: A treaty
short_name: X
kind: treaty
binding: true
signed: 2000-01-01
in_force: 2000-02-01
source: {title: T, publisher: P}
parties:
  - state: USA
  - state: JPN
provisions:
  - article: Art. 1
    text: "Each Party will help."
    verbatim: false
    type: defense
    trigger: armed_attack
    automaticity: unspecified
    direction: mutual
"""


def test_line_map_points_at_the_field() -> None:
    data, lines = parse_text(GOOD, "t.yaml")
    assert data["provisions"][0]["type"] == "defense"
    assert lines.line(["provisions", 0, "type"]) == 16
    assert lines.line(["provisions", 0, "nonexistent"]) == 13


def test_dates_stay_strings_until_validated() -> None:
    data, _ = parse_text(GOOD, "t.yaml")
    assert data["signed"] == "2000-01-01"


def test_unknown_enum_names_file_line_field_and_choices() -> None:
    text = GOOD.replace("type: defense", "type: defence")
    data, lines = parse_text(text, "treaties/x.yaml")
    with pytest.raises(InputError) as exc:
        validate(Treaty, data, "treaties/x.yaml", lines)
    (p,) = exc.value.problems
    assert str(p).startswith("treaties/x.yaml:16: provisions[0].type: unknown obligation type 'defence'")
    assert "defense" in p.message and "non_assistance" in p.message


def test_impossible_date_is_reported_on_its_line() -> None:
    text = GOOD.replace("in_force: 2000-02-01", "in_force: 2000-02-30")
    data, lines = parse_text(text, "x.yaml")
    with pytest.raises(InputError) as exc:
        validate(Treaty, data, "x.yaml", lines)
    (p,) = exc.value.problems
    assert (p.line, p.field) == (7, "in_force")
    assert "invalid date '2000-02-30'" in p.message


def test_every_problem_is_reported_not_just_the_first() -> None:
    text = GOOD.replace("type: defense", "type: defence").replace(
        "trigger: armed_attack", "trigger: invasion"
    )
    data, lines = parse_text(text, "x.yaml")
    with pytest.raises(InputError) as exc:
        validate(Treaty, data, "x.yaml", lines)
    assert {p.field for p in exc.value.problems} == {"provisions[0].type", "provisions[0].trigger"}


def test_missing_and_unknown_fields() -> None:
    text = GOOD.replace("binding: true\n", "bindng: true\n")
    data, lines = parse_text(text, "x.yaml")
    with pytest.raises(InputError) as exc:
        validate(Treaty, data, "x.yaml", lines)
    msgs = {p.field: p.message for p in exc.value.problems}
    assert msgs["binding"] == "required field is missing"
    assert msgs["bindng"] == "unknown field"


def test_yaml_syntax_error_has_a_line() -> None:
    with pytest.raises(InputError) as exc:
        parse_text("id: x\nprovisions: [\n  - a: b\n", "bad.yaml")
    (p,) = exc.value.problems
    assert p.file == "bad.yaml" and p.line is not None and "invalid YAML" in p.message


def test_duplicate_key_is_an_error() -> None:
    with pytest.raises(InputError) as exc:
        parse_text("id: a\nid: b\n", "dup.yaml")
    (p,) = exc.value.problems
    assert (p.line, p.field, p.message) == (2, "id", "duplicate key")


def test_empty_and_binary_files(tmp_path: Path) -> None:
    empty = tmp_path / "e.yaml"
    empty.write_text("")
    with pytest.raises(InputError, match="file is empty"):
        read_file(empty)
    binary = tmp_path / "b.yaml"
    binary.write_bytes(b"id: x\n\xff\xfe\x00")
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_file(binary)
    with pytest.raises(InputError, match="cannot read file"):
        read_file(tmp_path / "missing.yaml")


def test_format_path() -> None:
    assert format_path(["provisions", 0, "conditions", "scope"]) == "provisions[0].conditions.scope"
    assert format_path([3, "start"]) == "[3].start"


# --- fuzzing: no input may escape as anything but InputError ----------------------------------

yaml_like = st.text(
    alphabet=st.sampled_from(list("abcdefgh:-[]{},'\"\n #&*!|>%@`0123456789.\t")), max_size=200
)


@settings(max_examples=400, deadline=None)
@given(yaml_like)
def test_parse_never_crashes(text: str) -> None:
    try:
        parse_text(text, "fuzz.yaml")
    except InputError as exc:
        assert exc.problems and all(p.file == "fuzz.yaml" for p in exc.problems)


def _mutations() -> st.SearchStrategy[str]:
    lines = GOOD.splitlines()
    return st.lists(
        st.tuples(
            st.integers(0, len(lines) - 1),
            st.sampled_from(["drop", "dup", "garble", "indent", "swap"]),
        ),
        min_size=1,
        max_size=4,
    ).map(lambda ops: _apply(lines, ops))


def _apply(lines: list[str], ops: list[tuple[int, str]]) -> str:
    out = list(lines)
    for i, op in ops:
        i %= len(out)
        if op == "drop":
            del out[i]
        elif op == "dup":
            out.insert(i, out[i])
        elif op == "garble":
            out[i] = out[i][::-1]
        elif op == "indent":
            out[i] = "   " + out[i]
        elif op == "swap" and i + 1 < len(out):
            out[i], out[i + 1] = out[i + 1], out[i]
        if not out:
            out = ["x"]
    return "\n".join(out) + "\n"


@settings(max_examples=400, deadline=None)
@given(_mutations())
def test_mutated_treaty_yields_a_treaty_or_located_problems(text: str) -> None:
    try:
        data, lines = parse_text(text, "m.yaml")
        validate(Treaty, data, "m.yaml", lines)
    except InputError as exc:
        for p in exc.problems:
            assert p.file == "m.yaml"
            assert p.line is None or 1 <= p.line <= text.count("\n") + 1
            assert "\n" not in str(p)
