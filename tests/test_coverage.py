"""casus data coverage: ATOP's last-year alliance pairs against the bundled library."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

from casus.coverage import EndedTie, coverage
from casus.world import World


def _atop(rows: list[tuple[int, int, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(a, b, y, d, 0, 0, 0, 0) for a, b, y, d in rows],
        columns=["ccode1", "ccode2", "year", "defense", "offense", "neutral", "nonagg", "consul"],
    )


def test_pairs_are_covered_ended_or_missing(world: World) -> None:
    # 2018: USA-CAN (NATO), GBR-IRL (the EU clause, which the UK left in 2020), JPN-KOR (no tie),
    # BRA-IND (none in the library, recorded as ended for the test); 2017 rows do not count.
    atop = _atop([(2, 20, 2018, 1), (200, 205, 2018, 1), (740, 732, 2018, 1), (140, 750, 2018, 1),
                  (2, 740, 2017, 1)])  # fmt: skip
    ended = [EndedTie(alliance="test pact", states=["BRA", "IND"], ended=dt.date(2020, 1, 1), source="x")]
    c = coverage(atop, world, dt.date(2026, 1, 1), ended)
    assert [r["pair"] for r in c.covered] == [["CAN", "USA"]]
    assert {tuple(r["pair"]) for r in c.ended} == {("GBR", "IRL"), ("BRA", "IND")}
    assert next(r for r in c.ended if r["pair"] == ["GBR", "IRL"])["ended"] == "2020-02-01"
    assert [r["pair"] for r in c.missing] == [["JPN", "KOR"]]
    assert c.pairs == 4 and c.share_covered == 0.5
    assert {"atop_year", "pairs", "covered", "ended", "missing", "share_covered"} <= set(c.to_json())


def test_the_shipped_library_against_atop(shared_data: Path) -> None:
    cmd = [sys.executable, "-m", "casus", "data", "coverage", "--data", str(shared_data), "--json"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True)
    got = json.loads(r.stdout)
    assert got["atop_year"] == 2018 and got["pairs"] == 1707
    assert got["covered"] + got["ended"] + got["missing"] == got["pairs"]
    # measured 2026-12-04 (README reports both): 0.9957 with the unverified memberships, 0.9148 without
    assert got["share_covered"] >= 0.95
    assert got["share_verified"] <= got["share_covered"]
    unverified = [r for r in got["covered_pairs"] if r.get("unverified")]
    assert len(unverified) == got["covered_unverified"] > 0
    # every missing pair is listed with its reason
    assert all(r.get("reason") for r in got["missing_pairs"])


def test_a_pair_bound_only_through_an_unverified_membership_is_marked(world: World) -> None:
    # 2018: ZAF-BWA (both ratified the SADC pact) and ZAF-ZWE (Zimbabwe only on ATOP's coding)
    atop = _atop([(560, 571, 2018, 1), (560, 552, 2018, 1)])
    c = coverage(atop, world, dt.date(2025, 1, 1), [])
    rows = {tuple(r["pair"]): r for r in c.covered}
    assert set(rows) == {("BWA", "ZAF"), ("ZAF", "ZWE")}
    assert "unverified" not in rows[("BWA", "ZAF")] and rows[("ZAF", "ZWE")]["unverified"] == ["ZWE"]
    assert c.share_covered == 1.0 and c.share_verified == 0.5
    assert c.to_json()["covered_unverified"] == 1
