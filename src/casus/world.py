"""The world casus reasons about: the state registry and treaty library, resolved at a date."""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from casus.loader import LineMap, read_file, validate
from casus.model import (
    InputError,
    Membership,
    Place,
    Problem,
    State,
    Suspension,
    Treaty,
    UnknownIdError,
)

__all__ = [
    "BUNDLED_PLACES",
    "BUNDLED_STATES",
    "BUNDLED_TREATIES",
    "DATA_DIR",
    "ENV_STATES",
    "ENV_TREATIES",
    "TREATY_SUFFIXES",
    "StateRegistry",
    "TreatyAt",
    "World",
    "WorldAt",
    "check_treaty",
    "env_paths",
    "load_places",
    "load_state_file",
    "load_states",
    "load_treaties",
    "load_treaty_file",
    "load_world",
]

DATA_DIR = Path(__file__).parent / "data"
BUNDLED_STATES = DATA_DIR / "states"
BUNDLED_TREATIES = DATA_DIR / "treaties"
BUNDLED_PLACES = DATA_DIR / "places.yaml"
TREATY_SUFFIXES = (".yaml", ".yml", ".json")
ENV_TREATIES = "CASUS_TREATIES"
ENV_STATES = "CASUS_STATES"


def _files_in(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix in TREATY_SUFFIXES and p.is_file())
    raise InputError.single(path, None, "", "no such file or folder")


def env_paths(name: str) -> list[Path]:
    """Folders named in an environment variable (separated like PATH)."""
    value = os.environ.get(name, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


# --- states -----------------------------------------------------------------------------------


@dataclass
class StateRegistry:
    """States by ISO3 id, with look-ups by COW code, abbreviation, name and alias."""

    states: dict[str, State]
    origin: dict[str, str] = field(default_factory=dict)
    ids: str = "ISO 3166-1 alpha-3 ids"  # what the keys are, for the hint on an unknown one

    def __post_init__(self) -> None:
        self._by_cow: dict[int, list[State]] = {}
        self._by_abb: dict[str, list[State]] = {}
        self._by_name: dict[str, State] = {}
        for s in self.states.values():
            for cow in [s.cow, *s.former_cow]:
                if cow is None:
                    continue
                if cow.code is not None:
                    self._by_cow.setdefault(cow.code, []).append(s)
                if cow.abb is not None:
                    self._by_abb.setdefault(cow.abb, []).append(s)
            for name in [s.name, s.official_name, *s.aliases]:
                if name:
                    self._by_name.setdefault(name.casefold(), s)

    def __contains__(self, ident: object) -> bool:
        return ident in self.states

    def __iter__(self) -> Any:
        return iter(self.states.values())

    def __len__(self) -> int:
        return len(self.states)

    def get(self, ident: str) -> State:
        """The state with that id (ISO3; COW abbreviation in a historical world); UnknownIdError otherwise."""
        try:
            return self.states[ident]
        except KeyError:
            raise UnknownIdError("state", ident, self._suggest(ident)) from None

    def _suggest(self, ident: str) -> str:
        s = self.find(ident)
        if s is not None:
            return f"did you mean {s.id} ({s.name})?"
        close = difflib.get_close_matches(ident.upper(), list(self.states), n=3)
        return f"did you mean {', '.join(close)}?" if close else f"states are {self.ids}"

    def find(self, text: str, on: dt.date | None = None) -> State | None:
        """Resolve an id, COW code or abbreviation, name or alias to a state, or None."""
        t = text.strip()
        if t.upper() in self.states:
            return self.states[t.upper()]
        if t.isascii() and t.isdigit():  # "²" is a digit to str.isdigit, not to int()
            return self.by_cow_code(int(t), on)
        by_abb = self._by_abb.get(t.upper())
        if by_abb:
            return self._pick(by_abb, t.upper(), on)
        return self._by_name.get(t.casefold())

    def _pick(self, candidates: list[State], abb: str | int, on: dt.date | None) -> State | None:
        if on is not None:
            for s in candidates:
                cow = s.cow_on(on)
                if cow is not None and abb in (cow.code, cow.abb) and s.exists_on(on):
                    return s
        current = [s for s in candidates if s.cow is not None and abb in (s.cow.code, s.cow.abb)]
        return current[0] if current else candidates[0]

    def by_cow_code(self, code: int, on: dt.date | None = None) -> State | None:
        """The state that COW numbers `code` (on a date, where identities changed)."""
        cands = self._by_cow.get(code)
        return self._pick(cands, code, on) if cands else None

    def by_cow_abb(self, abb: str, on: dt.date | None = None) -> State | None:
        """The state that COW abbreviates `abb`."""
        cands = self._by_abb.get(abb.upper())
        return self._pick(cands, abb.upper(), on) if cands else None

    def existing_on(self, on: dt.date) -> list[State]:
        """States that existed on a date, sorted by name."""
        return sorted((s for s in self.states.values() if s.exists_on(on)), key=lambda s: s.name)


def _state_items(data: Any, file: str, lines: LineMap) -> list[tuple[tuple[str | int, ...], Any]]:
    prefix: tuple[str | int, ...] = ()
    if isinstance(data, dict) and "states" in data:
        data, prefix = data["states"], ("states",)
    if not isinstance(data, list):
        raise InputError.single(file, lines.line(prefix), "", "a state file is a list of states")
    return [((*prefix, i), item) for i, item in enumerate(data)]


def load_state_file(path: str | os.PathLike[str]) -> list[State]:
    """Read one state file, reporting every invalid record."""
    path = Path(path)
    data, lines = read_file(path)
    states, problems = [], []
    for key, item in _state_items(data, str(path), lines):
        try:
            states.append(validate(State, item, str(path), lines, prefix=key))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return states


def load_states(extra: Sequence[Path] = (), *, bundled: bool = True) -> StateRegistry:
    """The bundled registry, with states from `extra` folders or files added or overriding by id."""
    sources = ([BUNDLED_STATES] if bundled else []) + list(extra)
    states: dict[str, State] = {}
    origin: dict[str, str] = {}
    problems: list[Problem] = []
    for i, src in enumerate(sources):
        seen_here: dict[str, str] = {}
        for path in _files_in(src):
            try:
                loaded = load_state_file(path)
            except InputError as exc:
                problems.extend(exc.problems)
                continue
            for s in loaded:
                if s.id in seen_here:
                    problems.append(
                        Problem(
                            str(path),
                            None,
                            "id",
                            f"state {s.id} is also defined in {seen_here[s.id]}",
                        )
                    )
                seen_here[s.id] = str(path)
                if i > 0 or s.id not in states:
                    states[s.id] = s
                    origin[s.id] = str(path)
    if problems:
        raise InputError(problems)
    registry = StateRegistry(states, origin)
    _check_registry(registry)
    return registry


def _check_registry(reg: StateRegistry) -> None:
    problems = []
    for s in reg:
        for n in [*s.neighbours, *s.predecessors, *s.successors]:
            if n not in reg:
                problems.append(Problem(reg.origin.get(s.id, "?"), None, f"{s.id}", f"unknown state '{n}'"))
    if problems:
        raise InputError(problems)


# --- treaties ---------------------------------------------------------------------------------


def load_treaty_file(path: str | os.PathLike[str], states: StateRegistry | None = None) -> Treaty:
    """Read and validate one treaty file; with a registry, check every state id it names."""
    path = Path(path)
    data, lines = read_file(path)
    file = str(path)
    if not isinstance(data, dict):
        raise InputError.single(
            file, 1, "", "a treaty file is a mapping of fields (see docs/treaty-format.md)"
        )
    treaty = validate(Treaty, data, file, lines)
    problems = check_treaty(treaty, data, file, lines, states)
    if path.stem != treaty.id:
        problems.insert(
            0,
            Problem(
                file,
                lines.line(["id"]),
                "id",
                f"id '{treaty.id}' must match the file name '{path.stem}'",
            ),
        )
    if problems:
        raise InputError(problems)
    return treaty


def check_treaty(
    treaty: Treaty, data: dict[str, Any], file: str, lines: LineMap, states: StateRegistry | None
) -> list[Problem]:
    """Cross-checks that a schema cannot express: known states, parties vs obligors, dates."""
    problems: list[Problem] = []

    def bad(path: list[str | int], message: str) -> None:
        from casus.loader import format_path

        problems.append(Problem(file, lines.line(path), format_path(path), message))

    def known(ident: str, path: list[str | int]) -> None:
        if states is not None and ident not in states:
            bad(path, str(UnknownIdError("state", ident, states._suggest(ident))))

    party_ids = {m.state for m in treaty.parties}
    starts: dict[str, list[Membership]] = {}
    for i, m in enumerate(treaty.parties):
        known(m.state, ["parties", i, "state"])
        starts.setdefault(m.state, []).append(m)
        begin = treaty.membership_start(m)
        if m.left is not None and m.left <= begin:
            bad(["parties", i, "left"], f"left {m.left} is not after the membership began ({begin})")
        if m.joined is not None and m.joined < treaty.signed:
            bad(
                ["parties", i, "joined"],
                f"joined {m.joined} is before the treaty was signed ({treaty.signed})",
            )
        state = states.states.get(m.state) if states is not None else None
        if state is not None and not state.exists_on(begin):
            when = "joined" if m.joined is not None else "state"
            span = f"{state.start} to {state.end}" if state.end else f"from {state.start}"
            bad(
                ["parties", i, when],
                f"{m.state} did not exist on {begin}, when its membership begins ({span})",
            )
    for ident, spells in starts.items():
        spans = sorted((treaty.membership_start(m), m.left or dt.date.max) for m in spells)
        for (_a0, a1), (b0, _b1) in itertools.pairwise(spans):
            if b0 < a1:
                bad(["parties"], f"{ident} has overlapping membership spells")
    for i, s in enumerate(treaty.suspensions):
        known(s.state, ["suspensions", i, "state"])
        if s.state not in party_ids:
            bad(["suspensions", i, "state"], f"{s.state} is not a party")
        for j, t in enumerate(s.toward):
            known(t, ["suspensions", i, "toward", j])
    for i, p in enumerate(treaty.provisions):
        base: list[str | int] = ["provisions", i]
        for key in ("obligors", "beneficiaries"):
            for j, ident in enumerate(getattr(p, key)):
                known(ident, [*base, key, j])
        for j, ident in enumerate(p.obligors):
            if ident not in party_ids:
                bad([*base, "obligors", j], f"obligor {ident} is not a party")
        for j, ident in enumerate(p.conditions.adversaries):
            known(ident, [*base, "conditions", "adversaries", j])
        if p.conditions.scope:
            for j, c in enumerate(p.conditions.scope.covers):
                cpath = [*base, "conditions", "scope", "covers", j]
                for key in ("of", "within"):
                    val = getattr(c, key)
                    if isinstance(val, list):
                        for k, ident in enumerate(val):
                            known(ident, [*cpath, key, k])
        for j, q in enumerate(p.contested):
            for k, r in enumerate(q.readings):
                if "automaticity" in r.overrides:
                    from casus.model import Automaticity

                    try:
                        Automaticity(r.overrides["automaticity"])
                    except ValueError:
                        bad(
                            [*base, "contested", j, "readings", k, "overrides", "automaticity"],
                            f"unknown automaticity {r.overrides['automaticity']!r}",
                        )
    return problems


def load_places(path: str | os.PathLike[str], states: StateRegistry) -> dict[str, Place]:
    """The gazetteer of named places, checked against the registry."""
    path = Path(path)
    data, lines = read_file(path)
    file = str(path)
    if not isinstance(data, list):
        raise InputError.single(file, 1, "", "a places file is a list of places")
    places: dict[str, Place] = {}
    problems: list[Problem] = []
    for i, item in enumerate(data):
        try:
            place = validate(Place, item, file, lines, prefix=(i,))
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        for key in ("sovereign", "administered_by"):
            ident = getattr(place, key)
            if ident is not None and ident not in states:
                problems.append(
                    Problem(file, lines.line([i, key]), f"[{i}].{key}", f"unknown state '{ident}'")
                )
        if place.id in places:
            problems.append(
                Problem(file, lines.line([i, "id"]), f"[{i}].id", f"duplicate place id '{place.id}'")
            )
        places[place.id] = place
    if problems:
        raise InputError(problems)
    return places


@dataclass
class World:
    """States, treaties and named places, from the bundled library plus any user folders."""

    states: StateRegistry
    treaties: dict[str, Treaty]
    origin: dict[str, str] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    provenance: str | None = None  # where a world built from data came from (a historical year)
    caveats: list[str] = field(default_factory=list)  # what a reader of its results should know

    def find_place(self, name: str) -> Place | None:
        """A named place by id, name or alias (case-insensitive), or None."""
        key = name.strip().casefold()
        for p in self.places.values():
            if key in {p.id, p.name.casefold(), *(a.casefold() for a in p.aliases)}:
                return p
        return None

    def treaty(self, ident: str) -> Treaty:
        """The treaty with that id; UnknownIdError with a suggestion otherwise."""
        try:
            return self.treaties[ident]
        except KeyError:
            close = difflib.get_close_matches(ident, list(self.treaties), n=3)
            hint = f"did you mean {', '.join(close)}?" if close else "see `casus treaties list`"
            raise UnknownIdError("treaty", ident, hint) from None

    def at(self, on: dt.date) -> WorldAt:
        """The world as it stood on a date."""
        return WorldAt(self, on)


def load_treaties(
    states: StateRegistry, extra: Sequence[Path] = (), *, bundled: bool = True
) -> tuple[dict[str, Treaty], dict[str, str]]:
    """Bundled treaties plus those in `extra` folders or files, later ones overriding by id."""
    sources = ([BUNDLED_TREATIES] if bundled else []) + list(extra)
    treaties: dict[str, Treaty] = {}
    origin: dict[str, str] = {}
    problems: list[Problem] = []
    for src in sources:
        for path in _files_in(src):
            try:
                t = load_treaty_file(path, states)
            except InputError as exc:
                problems.extend(exc.problems)
                continue
            treaties[t.id] = t
            origin[t.id] = str(path)
    for t in treaties.values():
        for ref in t.replaces:
            if ref not in treaties:
                problems.append(Problem(origin[t.id], None, "replaces", f"unknown treaty '{ref}'"))
    if problems:
        raise InputError(problems)
    return treaties, origin


def load_world(
    treaties: Iterable[str | os.PathLike[str]] = (),
    states: Iterable[str | os.PathLike[str]] = (),
    *,
    use_env: bool = True,
    bundled: bool = True,
) -> World:
    """Load the world: bundled data, then CASUS_STATES / CASUS_TREATIES, then explicit folders."""
    state_dirs = (env_paths(ENV_STATES) if use_env else []) + [Path(x) for x in states]
    treaty_dirs = (env_paths(ENV_TREATIES) if use_env else []) + [Path(x) for x in treaties]
    registry = load_states(state_dirs, bundled=bundled)
    library, origin = load_treaties(registry, treaty_dirs, bundled=bundled)
    places = load_places(BUNDLED_PLACES, registry) if bundled else {}
    return World(registry, library, origin, places)


# --- the world at a date ----------------------------------------------------------------------


@dataclass(frozen=True)
class TreatyAt:
    """A treaty as it stood on a date: status, parties, and suspensions in effect."""

    treaty: Treaty
    on: dt.date
    status: str
    parties: list[str]
    suspensions: list[Suspension]
    unverified: dict[str, Membership] = field(default_factory=dict)  # parties whose spell is not verified

    @property
    def in_force(self) -> bool:
        """True if the treaty was in force on the date."""
        return self.status == "in_force"

    def suspended(self, obligor: str, beneficiary: str) -> Suspension | None:
        """The suspension, if any, that stops obligor's duty toward beneficiary on the date."""
        for s in self.suspensions:
            if s.state == obligor and (not s.toward or beneficiary in s.toward):
                return s
            if s.state == beneficiary and (not s.toward or obligor in s.toward):
                return s
        return None


class WorldAt:
    """The world resolved at one date."""

    def __init__(self, world: World, on: dt.date) -> None:
        self.world = world
        self.on = on

    @property
    def states(self) -> list[State]:
        """States existing on the date."""
        return self.world.states.existing_on(self.on)

    def treaty(self, ident: str) -> TreatyAt:
        """One treaty as it stood on the date."""
        t = self.world.treaty(ident)
        on = self.on
        return TreatyAt(t, on, t.status_on(on), t.parties_on(on), t.suspensions_on(on), t.unverified_on(on))

    def treaties(
        self, *, party: str | None = None, include: tuple[str, ...] = ("in_force", "signed")
    ) -> list[TreatyAt]:
        """Treaties with a status in `include` on the date, optionally only those `party` belongs to."""
        out = []
        for ident in sorted(self.world.treaties):
            ta = self.treaty(ident)
            if ta.status not in include:
                continue
            if party is not None and party not in ta.parties:
                continue
            out.append(ta)
        return out
