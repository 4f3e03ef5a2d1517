"""The historical world at a year: states in the system, obligations in force, and the CLI view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from casus.cli import app
from casus.history.cascade import HistoryWorld
from casus.history.readers import FILES
from casus.history.snapshot import world_at
from casus.ties import SIDE_A


def _states(rows: list[tuple[str, int, str, int, int]]) -> pd.DataFrame:
    cols = ["stateabb", "ccode", "statenme", "styear", "endyear"]
    return pd.DataFrame(rows, columns=cols).assign(stmonth=1, stday=1, endmonth=12, endday=31)


def _atop(rows: list[tuple[int, int, int, int, int, int, int, int]]) -> pd.DataFrame:
    cols = ["ccode1", "ccode2", "year", "defense", "offense", "neutral", "nonagg", "consul"]
    return pd.DataFrame(rows, columns=cols)


TABLES = {
    "cow_states": _states([
        ("GMY", 255, "Germany", 1816, 1945),
        ("AUH", 300, "Austria-Hungary", 1816, 1918),
        ("YUG", 345, "Yugoslavia", 1878, 2016),
        ("POL", 290, "Poland", 1918, 2016),
    ]),
    "cow_majors": pd.DataFrame({"ccode": [255, 300], "styear": [1816, 1816], "endyear": [1945, 1918]}),
    "atop": _atop([
        (255, 300, 1914, 1, 0, 1, 0, 1),
        (300, 255, 1914, 1, 0, 1, 0, 1),
        (300, 345, 1914, 0, 0, 0, 1, 0),  # owed one way only
        (255, 300, 1920, 1, 0, 0, 0, 0),  # another year
    ]),
}  # fmt: skip


def test_world_at_a_year_holds_its_states_and_the_obligations_in_force() -> None:
    w = world_at(TABLES, 1914)
    assert w.states.stateabb.tolist() == ["GMY", "AUH", "YUG"]  # Poland only from 1918
    assert w.states.set_index("stateabb").major.to_dict() == {"GMY": 1, "AUH": 1, "YUG": 0}
    assert w.pairs("defense") == [("AUH", "GMY", True)]  # a mutual pair once
    assert w.pairs("nonagg") == [("AUH", "YUG", False)]
    assert w.pairs("offense") == []
    assert w.code("auh") == 300 and w.code("345") == 345
    assert w.involving(345).pairs("defense") == [] and len(w.involving(345).obligations) == 1
    later = world_at(TABLES, 1919)  # inside ATOP's years, with nothing in force
    assert later.states.stateabb.tolist() == ["GMY", "POL", "YUG"] and later.obligations.empty
    with pytest.raises(ValueError, match="the ATOP file covers 1914-1920, not 1930"):
        world_at(TABLES, 1930)  # "no obligations" would be a claim the data cannot make
    with pytest.raises(ValueError, match="'POL' is not a state in the COW system in 1914"):
        w.code("POL")
    with pytest.raises(
        ValueError, match=r"no state is in the COW system in 1800 \(the data cover 1816-2016\)"
    ):
        world_at(TABLES, 1800)


def test_the_snapshot_is_what_the_backtest_cascade_compiles(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame], hworld: HistoryWorld
) -> None:
    tables, _ = history
    for year in (1914, 1962, 2001):
        w = world_at(tables, year)
        origs = pd.DataFrame({"oc": [int(w.states.ccode.iloc[0])], "oside": [SIDE_A]})
        d = hworld.compile(0, year, 1, origs)
        assert d.states.tolist() == w.states.ccode.tolist()
        ob = w.obligations[(w.obligations.defense + w.obligations.offense) > 0]
        ob = ob[ob.ccode1.isin(d.states) & ob.ccode2.isin(d.states)]
        index = {c: i for i, c in enumerate(d.states)}
        expected = np.zeros_like(d.defense)
        expected[[index[c] for c in ob.ccode1], [index[c] for c in ob.ccode2]] = 1.0
        assert (d.defense == expected).all() and expected.sum() > 0


def test_data_world_prints_a_year_and_refuses_bad_years_and_states(shared_data: Path) -> None:
    base = ["data", "world", "--data", str(shared_data), "--at", "1914"]
    r = CliRunner().invoke(app, base)
    assert r.exit_code == 0, r.output
    said = " ".join(r.output.split())
    assert "1914: 45 states in the system" in said and "FRN ↔ RUS" in said and "ATOP v5.1" in said
    # The three files it reads are enough, named one by one.
    files = [f"--file={k}={shared_data / FILES[k]}" for k in ("cow_states", "cow_majors", "atop")]
    r = CliRunner().invoke(app, ["data", "world", *files, "--at", "1914", "--party", "gmy", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["year"] == 1914 and len(doc["states"]) == 45
    assert all(255 in (o["ccode1"], o["ccode2"]) for o in doc["obligations"])
    assert any(o["abb1"] == "GMY" and o["abb2"] == "AUH" and o["defense"] == 1 for o in doc["obligations"])
    for args, message in (
        (["--party", "XYZ"], "'XYZ' is not a state in the COW system in 1914"),
        (["--at", "1700"], "no state is in the COW system in 1700"),
    ):
        r = CliRunner().invoke(app, [*base, *args])
        said = " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.output).split())
        assert r.exit_code == 2 and message in said, r.output
