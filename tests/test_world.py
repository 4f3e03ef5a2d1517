"""Loading the world: user folders, overrides, cross-checks, and fuzzed state files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.model import InputError, UnknownIdError
from casus.world import World, load_state_file, load_states, load_world

STATE = """\
- id: ATL
  name: Atlantis
  region: Europe
  start: 1990-01-01
  status: partially_recognised
  status_note: imaginary
  neighbours: [ESP]
  nuclear: [{since: 2001-01-01}]
"""


def test_user_states_extend_the_registry(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(STATE.replace("neighbours: [ESP]", "neighbours: []"))
    w = load_world(states=[tmp_path], use_env=False)
    atl = w.states.get("ATL")
    assert atl.nuclear_on(dt.date(2002, 1, 1)) and not atl.nuclear_on(dt.date(2000, 1, 1))
    assert "ATL" in {s.id for s in w.at(dt.date(2000, 1, 1)).states}


def test_user_state_overrides_bundled_one(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "- {id: ESP, name: Spain (mine), region: Europe, start: 1816-01-01, status: un_member}\n"
    )
    w = load_world(states=[tmp_path], use_env=False)
    assert w.states.get("ESP").name == "Spain (mine)"


def test_unknown_neighbour_is_reported(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(STATE.replace("[ESP]", "[QQQ]"))
    with pytest.raises(InputError, match="unknown state 'QQQ'"):
        load_world(states=[tmp_path], use_env=False)


def test_environment_variable_adds_treaties(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "atl.yaml").write_text(STATE.replace("neighbours: [ESP]", "neighbours: []"))
    monkeypatch.setenv("CASUS_STATES", str(tmp_path))
    assert "ATL" in load_world().states


def test_unknown_ids_suggest_the_right_one(world: World) -> None:
    with pytest.raises(UnknownIdError, match="did you mean PRK"):
        world.states.get("North Korea")
    with pytest.raises(UnknownIdError, match="ru-kp-2024"):
        world.treaty("ru-kp-2042")


def test_nonexistent_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        load_world(treaties=[tmp_path / "nope"], use_env=False)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300), st.integers(0, len(STATE) - 1))
def test_state_loader_never_crashes(tmp_path: Path, junk: str, at: int) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes((STATE[:at] + junk + STATE[at:]).encode("utf-8", "replace"))
    try:
        load_state_file(path)
    except InputError as exc:
        assert all(p.file == str(path) and "\n" not in str(p) for p in exc.problems)


def test_find_takes_only_ascii_digits_as_cow_codes() -> None:
    reg = load_states()
    assert reg.find("365", dt.date(1980, 1, 1)).id == "SUN"  # type: ignore[union-attr]
    assert reg.find("²") is None and reg.find("３６５") is None
