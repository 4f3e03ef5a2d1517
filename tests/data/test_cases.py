"""Golden cases: every bundled treaty pinned to the verdicts an expert expects (src/casus/data/cases)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.cases import CASES, check_cases, load_cases, run_case
from casus.world import World

FILES = sorted(CASES.glob("*.yaml"))


def _cases() -> list[tuple[Path, int]]:
    return [(f, i) for f in FILES for i in range(len(load_cases(f)[0].cases))]


@pytest.mark.parametrize(("path", "index"), _cases(), ids=lambda v: v.stem if isinstance(v, Path) else str(v))
def test_golden_case(world: World, path: Path, index: int) -> None:
    cf, lines = load_cases(path)
    case = cf.cases[index]
    wrong = run_case(world, cf.treaty, case, str(path), lines, index)
    if case.known_gap is not None:
        assert wrong, f"{case.id} now passes: remove its known_gap ({case.known_gap})"
        pytest.xfail(case.known_gap)
    assert not wrong, "\n".join(wrong)


def test_cases_files_are_valid(world: World) -> None:
    problems = [p for f in FILES for p in check_cases(f, world)]
    assert not problems, "\n".join(map(str, problems))


def test_every_treaty_has_cases_and_conditional_ones_three(world: World) -> None:
    counts: dict[str, int] = {}
    for f in FILES:
        cf, _ = load_cases(f)
        counts[cf.treaty] = counts.get(cf.treaty, 0) + len(cf.cases)
    missing = sorted(t for t in world.treaties if counts.get(t, 0) < 1)
    assert not missing, f"treaties without a golden case: {missing}"

    def has_conditions(t: object) -> bool:
        return any(p.conditions.model_dump(exclude_defaults=True) for p in t.provisions)  # type: ignore[attr-defined]

    conditional = sorted(
        t.id for t in world.treaties.values() if has_conditions(t) and counts.get(t.id, 0) < 3
    )
    assert not conditional, f"treaties with conditions and fewer than three cases: {conditional}"
