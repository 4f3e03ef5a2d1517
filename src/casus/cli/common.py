"""The command's shared parts: the Typer apps, the consoles, the world a command reads, and the
options several commands take."""

from __future__ import annotations

import datetime as dt
import json
import math
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from casus.loader import date_or_today
from casus.version import __version__
from casus.world import World, load_states, load_world

app = typer.Typer(
    name="casus",
    help="Which alliance obligations does an event trigger, under which article, and how far could a war "
    "spread?",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


treaties_app = typer.Typer(help="The treaty library: list, show and compare treaties.", no_args_is_help=True)


app.add_typer(treaties_app, name="treaties")


out = Console(highlight=False, soft_wrap=False)


err = Console(stderr=True, highlight=False)


class _Options:
    treaties: list[Path] = []  # noqa: RUF012 - set once per invocation by the callback
    states: list[Path] = []  # noqa: RUF012


def _world() -> World:
    return load_world(treaties=_Options.treaties, states=_Options.states)


YearWorldOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Show the historical world of the date's year instead (COW states, ATOP's codings), built "
        "from the ATOP and COW files in this folder, as casus run --data runs world: history scenarios.",
    ),
]


def _world_on(on: dt.date, data: Path | None) -> World:
    """The bundled world, or with --data the historical world of the date's year."""
    if data is None:
        return _world()
    from casus.history.world import historical_world

    tables = _history_tables(data, None)
    assert tables is not None
    try:
        return historical_world(tables, on.year, load_states())
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--at") from None


def _date(value: str | None) -> dt.date:
    try:
        return date_or_today(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


def _strict(data: Any) -> Any:
    """`data` with every NaN or infinite number as null: strict JSON, which jq and browsers read."""
    if isinstance(data, float):
        return data if math.isfinite(data) else None
    if isinstance(data, dict):
        return {k: _strict(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_strict(v) for v in data]
    return data


def _emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(_strict(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def _print_version(value: bool) -> None:
    if value:
        out.print(f"casus {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    treaties: Annotated[
        list[Path] | None,
        typer.Option(
            "--treaties",
            help="Folder or file of your own treaties (adds to / overrides the bundled ones; "
            "also CASUS_TREATIES).",
        ),
    ] = None,
    states: Annotated[
        list[Path] | None,
        typer.Option("--states", help="Folder or file of your own states (also CASUS_STATES)."),
    ] = None,
    version_flag: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=_print_version),
    ] = False,
) -> None:
    """casus: alliance obligations, casus foederis and escalation."""
    _Options.treaties = list(treaties or [])
    _Options.states = list(states or [])


@app.command()
def version() -> None:
    """Print the version."""
    out.print(f"casus {__version__}")


DataOption = Annotated[
    Path | None,
    typer.Option("--data", help="Folder with the ATOP, COW and MID files (names as in the data README)."),
]


FileOption = Annotated[
    list[str] | None,
    typer.Option(
        "--file",
        metavar="KIND=PATH",
        help="Read this file instead of the folder's (repeatable; KIND: atop, mid_participants, "
        "mid_disputes, cow_states, cow_contiguity, cow_majors, cow_nmc).",
    ),
]


HistoryDataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Run scenarios set in a historical world (world: history) in their year's world, built "
        "from the ATOP and COW files in this folder (names as in the data README).",
    ),
]


def _history_tables(data: Path | None, files: list[str] | None) -> dict[str, Any] | None:
    """The ATOP and COW tables historical worlds are built from, when --data or --file names them."""
    if data is None and not files:
        return None
    from casus.history.world import TABLES

    with err.status("reading the ATOP and COW files"):
        tables, _ = _tables(data, files=files, kinds=TABLES)
    return dict(tables)


def _historical_world(
    scenario_path: Path, raw: Any, lines: Any, data: Path | None, files: list[str] | None
) -> World:
    """The world of the scenario's year, from ATOP and COW files (casus.history.world)."""
    from casus.history.world import TABLES, scenario_world
    from casus.scenario import validate_scenario

    if _Options.treaties or _Options.states:
        raise typer.BadParameter(
            "--treaties and --states add to the bundled world; a historical world is built from the "
            "ATOP and COW files alone",
            param_hint="--data",
        )
    scenario = validate_scenario(raw, str(scenario_path), lines)
    tables, _ = _tables(data, files=files, kinds=TABLES)
    return scenario_world(scenario, tables, str(scenario_path), lines)


def _tables(
    data: Path | None,
    participants: Path | None = None,
    files: list[str] | None = None,
    kinds: tuple[str, ...] | None = None,
) -> tuple[Any, Any]:
    from casus.history.readers import CORE, file_paths, parse_files, read_folder, read_table

    kinds = kinds or CORE
    if data is not None and not data.is_dir():
        raise typer.BadParameter(
            f"{data} is not a folder (it should hold the files named in the data README)", param_hint="--data"
        )
    try:
        given = parse_files(files or [])
        file_paths(data, given, kinds)  # every required file named before anything is read
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--data / --file") from None
    tables = read_folder(data, kinds, **given)
    extra = read_table("mid_participants", participants) if participants is not None else None
    return tables, extra


# Options several commands take, declared once.
JsonOption = Annotated[bool, typer.Option("--json", help="Machine-readable output.")]
AtOption = Annotated[str | None, typer.Option("--at", help="Date YYYY-MM-DD (default: today).")]
TreatyAtOption = Annotated[
    str | None, typer.Option("--at", help="Date for status and parties (default: today).")
]


WithoutOption = Annotated[
    list[str] | None,
    typer.Option(
        "--without",
        metavar="FEATURE",
        help="Leave this feature out of the fit (repeatable; patterns such as 'history_*').",
    ),
]


WithOption = Annotated[
    list[str] | None,
    typer.Option(
        "--with",
        metavar="FEATURE",
        help="Fit a feature the shipped fits set aside (repeatable: capability, near_enemy, near_friend).",
    ),
]


def _left_out(without: list[str] | None, keep: list[str] | None, today: bool) -> dict[str, str]:
    """The features a fit leaves out (`casus.history.evaluate.features_left_out`), as a CLI error."""
    from casus.history.evaluate import features_left_out

    try:
        return features_left_out(without or [], keep or [], today=today)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--with / --without") from None


data_app = typer.Typer(
    help="Historical data: download the originals from their publishers; see the world of any year.",
    no_args_is_help=True,
)


app.add_typer(data_app, name="data")
