"""`casus check`: validate user files of any kind and collect every problem."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casus.loader import read_file, validate
from casus.model import InputError, Problem
from casus.world import (
    TREATY_SUFFIXES,
    StateRegistry,
    env_paths,
    load_places,
    load_state_file,
    load_states,
    load_treaty_file,
    load_world,
)

if TYPE_CHECKING:
    from casus.history.world import ScenarioWorlds


@dataclass
class CheckReport:
    """What `casus check` found: valid files and located problems."""

    ok: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def files_with_problems(self) -> int:
        """How many distinct files had problems."""
        return len({p.file for p in self.problems})


# the vocabulary files of casus.evidence
EVIDENCE_NAMES = {
    "organisations.yaml",
    "leaders.yaml",
    "historical-names.yaml",
    "movements.yaml",
    "groups.yaml",
}


def _collect(paths: Sequence[Path], report: CheckReport) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(q for q in p.rglob("*") if q.suffix in TREATY_SUFFIXES and q.is_file()))
        elif p.is_file():
            files.append(p)
        else:
            report.problems.append(Problem(str(p), None, "", "no such file or folder"))
    return files


def classify(data: Any) -> str:
    """Tell a treaty, a state list, a places list or a scenario apart by their shape."""
    is_records = isinstance(data, list) and bool(data) and all(isinstance(x, dict) for x in data)
    if is_records and all("administered_by" in x or x.get("status") == "high_seas" for x in data):
        return "places"
    if is_records and all("polygons" in x for x in data):
        return "areas"
    if is_records and all("alliance" in x and "states" in x for x in data):
        return "coverage"
    if isinstance(data, dict) and "cases" in data and "treaty" in data:
        return "cases"
    if isinstance(data, list) or (isinstance(data, dict) and "states" in data and "provisions" not in data):
        return "states"
    if isinstance(data, dict) and "provisions" in data:
        return "treaty"
    if isinstance(data, dict) and "events" in data:
        return "scenario"
    if isinstance(data, dict) and "scenarios" in data:
        return "sweep"
    if isinstance(data, dict) and data.get("model") == "casus-joining":
        return "model"
    if isinstance(data, dict) and str(data.get("version", "")).startswith("claim-confidence"):
        return "confidence"
    return "unknown"


def _kinds(files: list[Path], report: CheckReport) -> dict[Path, str]:
    """What each readable file is; an unreadable one is a problem."""
    kinds: dict[Path, str] = {}
    for f in files:
        try:
            data, _ = read_file(f)
        except InputError as exc:
            report.problems.extend(exc.problems)
            continue
        kinds[f] = "evidence" if f.name in EVIDENCE_NAMES else classify(data)
    return kinds


def _registry(
    state_files: list[Path], extra_states: Sequence[Path], report: CheckReport
) -> StateRegistry | None:
    """The state registry with the checked state files in it (None when it cannot be built)."""
    try:
        registry: StateRegistry | None = load_states([*env_paths("CASUS_STATES"), *extra_states])
    except InputError as exc:
        report.problems.extend(exc.problems)
        registry = None
    for f in state_files:
        try:
            load_state_file(f)
        except InputError as exc:
            report.problems.extend(exc.problems)
            continue
        report.ok.append(f"{f} (states)")
    if (
        registry is not None
        and state_files
        and not any(p.file in map(str, state_files) for p in report.problems)
    ):
        try:
            registry = load_states([*env_paths("CASUS_STATES"), *extra_states, *state_files])
        except InputError as exc:
            report.problems.extend(exc.problems)
    return registry


def _loaders(registry: StateRegistry | None) -> dict[str, tuple[Callable[[Path], object], str]]:
    """How each kind of data file (not scenarios, sweeps or cases) is checked, and its label."""
    from casus.evidence.confidence import load_file as load_confidence
    from casus.evidence.gazetteer import load_evidence_file
    from casus.joining import load_model

    def places(f: Path) -> None:
        if registry is not None:
            load_places(f, registry)

    def areas(f: Path) -> None:
        from casus.geo import AreaOutline

        data, lines = read_file(f)
        for i, item in enumerate(data):
            validate(AreaOutline, item, str(f), lines, (i,))

    def ended_ties(f: Path) -> None:
        from casus.coverage import load_ended

        for tie in load_ended(f):
            for ident in tie.states:
                if registry is not None and ident not in registry:
                    raise InputError.single(f, None, "states", f"unknown state '{ident}'")

    return {
        "areas": (areas, "treaty area outlines"),
        "coverage": (ended_ties, "ties ended or disputed since ATOP's last year"),
        "treaty": (lambda f: load_treaty_file(f, registry), "treaty"),
        "model": (load_model, "joining model"),
        "evidence": (load_evidence_file, "evidence vocabulary"),
        "confidence": (load_confidence, "claim-confidence model"),
        "places": (places, "places"),
    }


UNKNOWN = (
    "cannot tell what this file is: expected a treaty (with `provisions`), "
    "a list of states or places, a scenario (with `events`) or a sweep (with `scenarios`)"
)


def _check_with_worlds(f: Path, kind: str, worlds: Callable[[], ScenarioWorlds], report: CheckReport) -> None:
    """Check a golden-cases, scenario or sweep file, which need the world (or a historical one)."""
    if kind == "cases":
        from casus.cases import check_cases

        probs = check_cases(f, worlds().bundled)
        report.problems.extend(probs)
        if not probs:
            report.ok.append(f"{f} (golden cases)")
    elif kind == "scenario":
        from casus.scenario_check import check_scenario_file

        probs, what = check_scenario_file(f, worlds)
        report.problems.extend(probs)
        if not probs:
            report.ok.append(f"{f} ({what})")
    elif kind == "sweep":
        from casus.sweep.spec import load_plan

        try:
            resolve = worlds()
            plan = load_plan(f, resolve.bundled, schema_only_history=True, resolver=resolve)
        except InputError as exc:
            report.problems.extend(exc.problems)
            return
        schema_only = "; historical-world scenarios: schema only, --data checks them"
        report.ok.append(f"{f} (sweep{schema_only if plan.unchecked else ''})")
    elif kind == "unknown":
        report.problems.append(Problem(str(f), 1, "", UNKNOWN))


def check_paths(
    paths: Sequence[str | os.PathLike[str]],
    extra_treaties: Sequence[Path] = (),
    extra_states: Sequence[Path] = (),
    history_data: Path | None = None,
) -> CheckReport:
    """Validate every file under `paths`, state files first so that treaties may name their states.

    `history_data` (a folder of ATOP and COW files) lets scenarios set in a historical world be checked
    against that world.
    """
    report = CheckReport()
    kinds = _kinds(_collect([Path(x) for x in paths], report), report)
    registry = _registry([f for f, k in kinds.items() if k == "states"], extra_states, report)
    loaders = _loaders(registry)

    @cache  # built on first use, then shared by every scenario and sweep (a failure is not cached)
    def worlds() -> ScenarioWorlds:
        from casus.history.world import TABLES
        from casus.history.world import ScenarioWorlds as Resolver

        tables = None
        if history_data is not None:
            from casus.history.readers import read_folder

            tables = read_folder(history_data, TABLES)
        return Resolver(load_world(treaties=extra_treaties, states=extra_states), tables)

    for f, kind in kinds.items():
        if kind not in loaders:
            _check_with_worlds(f, kind, worlds, report)
            continue
        load, label = loaders[kind]
        try:
            load(f)
        except InputError as exc:
            report.problems.extend(exc.problems)
            continue
        report.ok.append(f"{f} ({label})")
    # The same file may be read both as part of the registry and as a checked path.
    report.problems = list(dict.fromkeys(report.problems))
    return report
