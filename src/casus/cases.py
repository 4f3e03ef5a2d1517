"""Golden cases: each bundled treaty pinned to the verdicts an expert expects, the way
rules-as-code projects pin a law to its tests.

A cases file (`data/cases/<treaty-id>.yaml`) holds, for one treaty, events an analyst would
set and the verdict expected for each obligor, with the article it rests on and the words of
the text that decide it. `run_case` runs the engine on the case and returns what differs;
`casus check` validates the files and the test suite runs them all.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from casus.loader import LineMap, read_file, validate
from casus.model import InputError, Problem
from casus.obligations import Status, casus_foederis
from casus.scenario import parse_scenario
from casus.world import World

__all__ = ["CASES", "Case", "CaseFile", "Expectation", "load_cases", "run_case"]

CASES = Path(__file__).resolve().parent / "data" / "cases"


class Expectation(BaseModel):
    """One verdict the case expects: this obligor's duty toward this beneficiary under this article."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    obligor: str
    beneficiary: str
    article: str
    status: Literal["triggered", "contested", "not_triggered", "absent"]  # absent: not engaged at all
    because: str = Field(min_length=1)  # the words of the treaty (or the fact) that decide it


class Case(BaseModel):
    """An event an expert would set, and what the treaty says follows."""

    model_config = ConfigDict(extra="forbid")

    id: str
    description: str
    scenario: dict[str, Any]  # a scenario, as in a scenario file (docs/scenario-format.md)
    expect: list[Expectation] = Field(min_length=1)
    # where the engine is known to read the case otherwise: why (the test expects it to fail, and
    # fails when it starts to pass, so that the note is removed)
    known_gap: str | None = None


class CaseFile(BaseModel):
    """The golden cases of one treaty."""

    model_config = ConfigDict(extra="forbid")

    treaty: str
    cases: list[Case] = Field(min_length=1)


def load_cases(path: str | os.PathLike[str]) -> tuple[CaseFile, LineMap]:
    """Read and check a cases file (located errors as InputError)."""
    path = Path(path)
    data, lines = read_file(path)
    return validate(CaseFile, data, str(path), lines), lines


def run_case(world: World, treaty: str, case: Case, file: str, lines: LineMap, index: int) -> list[str]:
    """The differences between what the case expects and what the engine finds (empty: it passes)."""
    scenario = parse_scenario(case.scenario, file, lines, world)
    found: dict[tuple[str, str, str], Status] = {}
    for r in casus_foederis(world, scenario):
        if r.treaty != treaty:
            continue
        key = (r.obligor, r.beneficiary, r.article)
        # several events may engage one duty: the strongest verdict stands
        rank = {Status.TRIGGERED: 2, Status.CONTESTED: 1, Status.NOT_TRIGGERED: 0}
        if key not in found or rank[r.status] > rank[found[key]]:
            found[key] = r.status
    wrong = []
    for e in case.expect:
        got = found.get((e.obligor, e.beneficiary, e.article))
        got_text = "absent" if got is None else got.value
        if got_text != e.status:
            wrong.append(f"{case.id}: {e.obligor} → {e.beneficiary} {e.article}: expected {e.status}, "
                         f"engine says {got_text} (because: {e.because})")  # fmt: skip
    return wrong


def check_cases(path: str | os.PathLike[str], world: World) -> list[Problem]:
    """Problems of a cases file: its treaty must be in the world, its scenarios valid."""
    try:
        cf, lines = load_cases(path)
    except InputError as exc:
        return list(exc.problems)
    problems = []
    if cf.treaty not in world.treaties:
        problems.append(Problem(str(path), lines.line(["treaty"]), "treaty", f"unknown treaty '{cf.treaty}'"))
    for i, case in enumerate(cf.cases):
        try:
            parse_scenario(case.scenario, str(path), lines, world)
        except InputError as exc:
            at = lines.line(["cases", i, "scenario"])
            problems += [
                Problem(p.file, at, f"cases[{i}].scenario.{p.field}", p.message) for p in exc.problems
            ]
    return problems
