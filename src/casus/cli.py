"""The `casus` command."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from casus.check import check_paths
from casus.compare import compare, describe_conditions
from casus.loader import date_or_today
from casus.model import CasusError, InputError, Intensity, State, UnknownIdError
from casus.records import state_record, treaty_record, treaty_row
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


# --- states -----------------------------------------------------------------------------------


@app.command("states")
def states_cmd(
    ids: Annotated[
        list[str] | None,
        typer.Argument(help="Show these states in full (ISO3, COW code or abbreviation, or name)."),
    ] = None,
    at: Annotated[str | None, typer.Option("--at", help="Date YYYY-MM-DD (default: today).")] = None,
    region: Annotated[
        str | None, typer.Option("--region", help="Only states in this region (e.g. Europe).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    data: YearWorldOption = None,
) -> None:
    """The state registry: states existing at a date, or selected states in full."""
    on = _date(at)
    world = _world_on(on, data)
    provenance = _world_json(world, data)
    if ids:
        chosen = []
        for ident in ids:
            s = world.states.find(ident, on)
            if s is None:
                world.states.get(ident)  # raises with a suggestion
                raise AssertionError  # pragma: no cover
            chosen.append(s)
        if as_json:
            _emit_json({"date": on.isoformat(), "states": [state_record(s, on) for s in chosen]} | provenance)
            return
        _print_world(world, data)
        for s in chosen:
            _print_state(s, on)
        return
    listed = [
        s for s in world.states.existing_on(on) if region is None or s.region.casefold() == region.casefold()
    ]
    if as_json:
        _emit_json(
            {
                "date": on.isoformat(),
                "count": len(listed),
                "states": [state_record(s, on) for s in listed],
            }
            | provenance
        )
        return
    _print_world(world, data)
    table = Table(title=f"{len(listed)} states on {on.isoformat()}", show_lines=False)
    for col in ("id", "name", "COW", "region", "capital", "status", "nuclear"):
        table.add_column(col)
    for s in listed:
        cow = s.cow_on(on)
        table.add_row(
            s.id,
            s.name,
            f"{cow.code} {cow.abb}" if cow and cow.code else "—",
            s.subregion or s.region,
            s.capital or "—",
            s.status.value.replace("_", " ") if s.status.value != "un_member" else "UN member",
            "yes" if s.nuclear_on(on) else "",
        )
    out.print(table)


def _print_world(world: World, data: Path | None) -> None:
    if data is not None:
        out.print(Text(f"world: {world.provenance}", style="dim"))


def _world_json(world: World, data: Path | None) -> dict[str, Any]:
    """`{"world": provenance}` for a historical year's world (--data); nothing for the bundled one."""
    return {"world": world.provenance} if data is not None else {}


def _print_state(s: State, on: dt.date) -> None:
    table = Table(title=f"{s.name} ({s.id})", show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value")
    cow = s.cow_on(on)
    rows: list[tuple[str, str]] = [
        ("official name", s.official_name or "—"),
        ("status", s.status.value + (f" — {s.status_note}" if s.status_note else "")),
        ("exists", f"{s.start} – {s.end or 'today'}"),
        ("COW", f"{cow.code} {cow.abb}" if cow and cow.code else "not in COW"),
        ("region", f"{s.region} / {s.subregion or '—'}"),
        ("capital", s.capital or "—"),
        ("aliases", ", ".join(s.aliases) or "—"),
        ("demonyms", ", ".join(s.demonyms) or "—"),
        ("metonyms", ", ".join(s.metonyms) or "—"),
        ("land neighbours", ", ".join(s.neighbours) or "none"),
        (
            "nuclear-armed",
            "; ".join(
                f"since {n.since}"
                + (f" until {n.until}" if n.until else "")
                + (f" ({n.note})" if n.note else "")
                for n in s.nuclear
            )
            or "no",
        ),
    ]
    for k, v in rows:
        table.add_row(k, v)
    out.print(table)


# --- treaties ---------------------------------------------------------------------------------


@treaties_app.command("list")
def treaties_list(
    at: Annotated[str | None, typer.Option("--at", help="Date YYYY-MM-DD (default: today).")] = None,
    party: Annotated[
        str | None,
        typer.Option("--party", help="Only treaties this state (ISO3) belongs to on the date."),
    ] = None,
    include_ended: Annotated[
        bool, typer.Option("--all", help="Include treaties not yet signed or already ended.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    data: YearWorldOption = None,
) -> None:
    """Treaties in force or signed on a date."""
    on = _date(at)
    world = _world_on(on, data)
    pid = world.states.get(party.upper()).id if party else None
    include = ("in_force", "signed", "ended", "not_signed") if include_ended else ("in_force", "signed")
    rows = world.at(on).treaties(party=pid, include=include)
    if as_json:
        _emit_json(
            {
                "date": on.isoformat(),
                "party": pid,
                "treaties": [treaty_row(ta) for ta in rows],
            }
            | _world_json(world, data)
        )
        return
    _print_world(world, data)
    title = f"{len(rows)} treaties on {on.isoformat()}" + (f" with {pid} a party" if pid else "")
    table = Table(title=title)
    for col in ("id", "name", "status", "parties", "obligations"):
        table.add_column(col, overflow="fold")
    for ta in rows:
        status = ta.status.replace("_", " ")
        if ta.treaty.is_policy:
            status += f" ({ta.treaty.kind.value.replace('_', ' ')})"
        if ta.suspensions:
            status += "; " + ", ".join(f"{s.state} {s.kind.value}" for s in ta.suspensions)
        parties = ", ".join(ta.parties) if len(ta.parties) <= 8 else f"{len(ta.parties)} states"
        table.add_row(
            ta.treaty.id,
            ta.treaty.short_name,
            status,
            parties,
            ", ".join(sorted({p.type.value for p in ta.treaty.provisions})),
        )
    out.print(table)


@treaties_app.command("show")
def treaties_show(
    ident: Annotated[str, typer.Argument(help="Treaty id, e.g. ru-kp-2024.")],
    at: Annotated[
        str | None, typer.Option("--at", help="Date for status and parties (default: today).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    data: YearWorldOption = None,
) -> None:
    """One treaty: dates, parties, source and every provision with its text."""
    on = _date(at)
    world = _world_on(on, data)
    ta = world.at(on).treaty(ident)
    t = ta.treaty
    if as_json:
        _emit_json(treaty_record(ta) | _world_json(world, data))
        return
    _print_world(world, data)
    out.print(Text(t.title, style="bold"))
    out.print(
        f"[dim]{t.id}[/dim] · {t.kind.value.replace('_', ' ')}"
        + (" (not a binding treaty)" if t.is_policy else "")
    )
    out.print(
        f"signed {t.signed} · in force {t.in_force or '—'} · ended {t.ended or '—'}"
        + (f" ({t.end_note})" if t.end_note else "")
    )
    out.print(
        f"on {on}: [bold]{ta.status.replace('_', ' ')}[/bold]; parties: {', '.join(ta.parties) or 'none'}"
    )
    for s in ta.suspensions:
        out.print(
            f"  {s.kind.value}: {s.state} since {s.start}"
            + (f" toward {', '.join(s.toward)}" if s.toward else "")
            + (f" — {s.note}" if s.note else "")
        )
    src = t.source
    out.print(
        f"source: {src.title}, {src.publisher}"
        + (f", {src.url}" if src.url else "")
        + (f" — translation: {src.translation}" if src.translation else "")
    )
    if t.notes:
        out.print(Text(t.notes, style="italic"))
    for p in t.provisions:
        out.print()
        head = (
            f"[bold]{p.article}[/bold] · {p.type.value} · trigger {p.trigger.value} · {p.automaticity.label}"
        )
        if p.direction.value == "directed":
            head += f" · {', '.join(p.obligors)} → {', '.join(p.beneficiaries)}"
        out.print(head)
        marker = "verbatim" if p.verbatim else "PARAPHRASE"
        out.print(Text(f"“{p.text}” [{marker}]"))
        for c in describe_conditions(p.conditions):
            out.print(f"  • {c}")
        for e in p.escape_clauses:
            out.print(f"  escape: {e}")
        for q in p.contested:
            out.print(f"  contested: {q.question} (default reading: {q.default})")
        if p.notes:
            out.print(Text("  " + p.notes, style="dim"))


@treaties_app.command("compare")
def treaties_compare(
    ids: Annotated[list[str], typer.Argument(help="Two or more treaty ids.")],
    at: Annotated[
        str | None, typer.Option("--at", help="Date for status and parties (default: today).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """What each treaty commits its parties to, side by side, obligation type by type."""
    on = _date(at)
    world = _world()
    result = compare(world, ids, on)
    if as_json:
        _emit_json(result)
        return
    heads = result["treaties"]
    overview = Table(title=f"Comparison on {result['date']}", show_lines=True)
    overview.add_column("")
    for h in heads:
        overview.add_column(h["id"], overflow="fold")
    overview.add_row("name", *[h["short_name"] for h in heads])
    overview.add_row(
        "kind",
        *[h["kind"].replace("_", " ") + ("" if h["binding"] else " (not binding)") for h in heads],
    )
    overview.add_row("status", *[h["status"].replace("_", " ") for h in heads])
    overview.add_row(
        "parties",
        *[
            ", ".join(h["parties"]) if len(h["parties"]) <= 10 else f"{len(h['parties'])} states"
            for h in heads
        ],
    )
    out.print(overview)
    for row in result["obligations"]:
        table = Table(title=row["type"].replace("_", " "), show_lines=True)
        table.add_column("")
        for h in heads:
            table.add_column(h["id"], overflow="fold", ratio=1)
        provs = [row["by_treaty"][h["id"]] for h in heads]

        def cell(items: list[dict[str, Any]], key: str) -> str:
            if not items:
                return "—"
            vals = []
            for it in items:
                v = it[key]
                if isinstance(v, list):
                    v = "\n".join(f"• {x}" for x in v) or "none"
                vals.append(f"{it['article']}: {v}" if len(items) > 1 else str(v))
            return "\n".join(vals)

        table.add_row("article", *[", ".join(i["article"] for i in items) or "—" for items in provs])
        table.add_row("trigger", *[cell(items, "trigger") for items in provs])
        table.add_row("automaticity", *[cell(items, "automaticity_label") for items in provs])
        table.add_row("conditions", *[cell(items, "conditions") for items in provs])
        table.add_row("escape clauses", *[cell(items, "escape_clauses") for items in provs])
        table.add_row(
            "text",
            *[
                "\n\n".join(
                    f"{i['article']}: “{i['text']}”" + ("" if i["verbatim"] else " [paraphrase]")
                    for i in items
                )
                or "—"
                for items in provs
            ],
        )
        out.print(table)


# --- run --------------------------------------------------------------------------------------


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


@app.command("run")
def run_cmd(
    scenario_path: Annotated[
        Path,
        typer.Argument(
            metavar="SCENARIO",
            help="Scenario file (YAML or JSON), or the name of a bundled example (belgorod-2025).",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a self-contained HTML report here.")
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option("--all", help="With --detail: also the obligations that are not triggered, with why."),
    ] = False,
    detail: Annotated[
        bool, typer.Option("--detail", help="Each obligation group with its obligors and every reason.")
    ] = False,
    trials: Annotated[
        int | None,
        typer.Option(
            "--trials", "-n", help="Monte Carlo trials (0: no simulation; default: the scenario's)."
        ),
    ] = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Random seed (default: the scenario's).")] = None,
    model_path: Annotated[
        Path | None,
        typer.Option("--model", help="Joining model: a file, today (default), calibrated or prior."),
    ] = None,
    outcome: Annotated[
        str | None,
        typer.Option(
            "--outcome",
            help="Sensitivity outcome: p_nuclear_opposed (default where a nuclear-armed state exists on "
            "the date), war_size_mean (default otherwise) or p_war:ISO3.",
        ),
    ] = None,
    no_sensitivity: Annotated[
        bool, typer.Option("--no-sensitivity", help="Skip the sensitivity analysis.")
    ] = False,
    intensity: Annotated[
        Intensity | None,
        typer.Option(
            "--intensity",
            help="The level the conflict reaches, which every probability is conditional on: threat, "
            "display, use_of_force or war (default: the scenario's simulation.intensity, else what its "
            "events imply).",
            case_sensitive=False,
        ),
    ] = None,
    data: HistoryDataOption = None,
    files: FileOption = None,
) -> None:
    """Which obligations a scenario's events trigger and why; then how likely the war spreads."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from casus.joining import load_model
    from casus.loader import read_file
    from casus.model.scenario import WorldKind
    from casus.scenario import find_scenario, parse_scenario, validate_scenario
    from casus.session import Session

    scenario_path = find_scenario(scenario_path)
    raw, lines = read_file(scenario_path)
    historical = validate_scenario(raw, str(scenario_path), lines).world is WorldKind.HISTORY
    if historical and (data is not None or files):
        world = _historical_world(scenario_path, raw, lines, data, files)
    else:
        # Without the files, a scenario set in a historical world gets a located error from parse_scenario.
        world = _world()
        if data is not None or files:
            err.print("note: --data is not used: this scenario runs in the bundled world (world: bundled)")
    scenario = parse_scenario(raw, str(scenario_path), lines, world)
    session = Session(world, load_model(model_path) if model_path is not None else None)
    scenario = session.with_intensity(scenario, intensity)
    n_trials = scenario.simulation.trials if trials is None else trials
    if n_trials < 0:
        raise typer.BadParameter("--trials must be 0 or more")
    total = session.planned_trials(scenario, n_trials, not no_sensitivity)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, disable=as_json or total == 0, transient=True) as bar:
        task = bar.add_task("simulating", total=total)
        advance = lambda k: bar.advance(task, k)  # noqa: E731
        try:
            result = session.run(
                scenario,
                trials=n_trials,
                seed=seed,
                outcome=outcome,
                sensitivity=not no_sensitivity,
                progress=advance,
            )
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    if report is not None:
        from casus.report import write_report

        write_report(report, scenario, result.obligations, world, result.simulation)
    if as_json:
        _emit_json(result.to_json())
        return
    _print_run(scenario, result.obligations, show_all, detail or show_all, world)
    if result.simulation is not None:
        _print_simulation(result.simulation)
    if report is not None:
        out.print(f"report written to {report}")


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


def _cut(text: str, width: int) -> str:
    """One line of at most `width` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: max(1, width - 1)].rsplit(" ", 1)[0].rstrip(",;:") + "…"


TOP_STATES = 10
TOP_PATHS = 5
TOP_SENSITIVITY = 6


def _print_simulation(sim: Any) -> None:
    """The escalation answer first: the headline, the likeliest joiners, paths, sensitivity; the
    provenance last."""
    level = sim.intensity
    initial = len(sim.side_a) + len(sim.side_b)
    p_any = sum(p for k, p in sim.war_size["distribution"].items() if int(k) > initial)
    out.print()
    out.print(Text(f"Escalation, if it comes to {level.label}", style="bold")
              + Text(f" (intensity {level.value}, {sim.intensity_source})"))  # fmt: skip
    out.print(f"side A (attackers): {', '.join(sim.side_a)} · side B (attacked): {', '.join(sim.side_b)}")
    nuclear = f"{sim.p_nuclear_opposed:.4f} ± {sim.p_nuclear_opposed_se:.4f}"
    out.print(
        f"P(anyone joins) {p_any:.3f} · mean number of belligerents {sim.war_size['mean']:.2f} · "
        f"P(nuclear-armed states on opposite sides) {nuclear}"
    )
    joiners = [x for x in sim.states if x.initial is None]
    count = f" ({len(joiners)} states with a chance; --json lists all)"
    out.print(Text("Most likely to join", style="bold") + Text(count))
    table = Table(box=None, pad_edge=False)
    for col in ("state", "P(war)", "side A", "side B", "± se"):
        table.add_column(col, justify="right" if col != "state" else "left", no_wrap=True)
    for x in joiners[:TOP_STATES]:
        table.add_row(
            f"{x.state} {_cut(x.name, 24)}",
            f"{x.p_war:.3f}",
            f"{x.p_side_a:.3f}",
            f"{x.p_side_b:.3f}",
            f"{x.se:.4f}",
        )
    out.print(table)
    if sim.verdicts is not None and sim.verdicts.state is not None:
        v = sim.verdicts
        out.print(
            f"What the treaty verdicts weigh: were no obligation triggered, {v.state}'s P(war) would be "
            f"{v.p_war_untriggered:.3f} instead of {v.p_war:.3f}, and the mean war size "
            f"{v.war_size_mean_untriggered:.2f} instead of {v.war_size_mean:.2f} (same random numbers)"
        )
    out.print(Text("Most frequent escalation paths", style="bold"))
    for path in sim.paths[:TOP_PATHS]:
        steps = "; ".join(f"r{s.round} {s.state}→{s.side.upper()} via {s.via}" for s in path.steps)
        out.print(f"  {path.probability:.3f}  {steps or 'no one joins'}")
    if sim.sensitivity:
        out.print(
            Text(f"Sensitivity of {sim.outcome} (one change at a time, same random numbers)", style="bold")
        )
        moved = [s for s in sim.sensitivity if s.delta != 0]
        for s in moved[:TOP_SENSITIVITY]:
            out.print(f"  {s.delta:+.4f}  {s.change}")
        rest = len(sim.sensitivity) - min(len(moved), TOP_SENSITIVITY)
        if rest:
            more = "change" if rest == 1 else "changes"
            out.print(f"  ({rest} more {more} with smaller or no effect: --json lists all)")
    out.print(
        Text(
            f"{sim.trials:,} trials, seed {sim.seed}, model {sim.model} — {sim.model_note}; "
            f"casus {sim.casus_version}",
            style="dim",
        )
    )


def _print_run(scenario: Any, results: list[Any], show_all: bool, detail: bool, world: World) -> None:
    from casus.obligations import Status, summarise
    from casus.present import follows, group_results, obligor_list

    width = max(40, out.width)
    events = "; ".join(f"{e.actor} → {e.target} ({e.kind.value.replace('_', ' ')})" for e in scenario.events)
    out.print(Text(_cut(scenario.name, width), style="bold"))
    out.print(f"{scenario.date}: {events}")
    if world.provenance is not None:
        out.print(_cut(f"world: {world.provenance}", width))
        for caveat in world.caveats:
            out.print(_cut(f"note: {caveat}", width))
    a = scenario.assumptions
    out.print(
        "assumptions: suppliers are co-belligerents: "
        + ("yes" if a.suppliers_are_cobelligerents else "no")
        + "; signed-but-not-in-force treaties honoured: "
        + ("yes" if a.honour_signed_not_in_force else "no")
        + (f"; at war: {', '.join(a.at_war)}" if a.at_war else "")
        + "".join(f"; {k} = {v}" for k, v in a.readings.items())
    )
    out.print()
    out.print(Text("What follows", style="bold"))
    lines = follows(summarise(results))
    for label, rows in lines:
        out.print(f"  {label}:")
        for line in rows:
            out.print(f"    {line}")
    if not lines:
        out.print("  no obligation is triggered or contested")
    groups = group_results(results)
    shown = [g for g in groups if show_all or g.first.status is not Status.NOT_TRIGGERED]
    if not detail:
        hidden = len(groups) - len(shown)
        more = f"; --all adds the {hidden} not triggered" if hidden else ""
        note = f"  (--detail gives each of the {len(shown)} obligation groups with its reasons{more})"
        out.print(Text(note, style="dim"))
        return
    colour = {Status.TRIGGERED: "green", Status.CONTESTED: "yellow", Status.NOT_TRIGGERED: "red"}
    out.print()
    out.print(
        Text(
            f"{len(shown)} obligation groups ({len(results)} obligor–beneficiary pairs checked)", style="bold"
        )
    )
    for g in shown:
        r = g.first
        head = Text(f"{r.status.value.replace('_', ' ')}", style=colour[r.status])
        head += Text(
            f"  {obligor_list(g.obligors)} → {r.beneficiary}"
            + (f" against {', '.join(r.against)}" if r.against else "")
            + f" · {r.treaty} {r.article} · {r.type.value.replace('_', ' ')} · {r.automaticity.label}"
            + ("" if r.binding else " · policy, not binding")
        )
        out.print(head)
        for reason in r.reasons:
            # A quoted article is cut to one line (casus treaties show gives it whole); reasons wrap.
            quoted = "“" in reason
            out.print(
                Padding(
                    Text("• " + (_cut(reason, width - 6) if quoted else reason)), (0, 0, 0, 4), expand=False
                )
            )
    note = "(quotes are cut to one line: casus treaties show ID gives each article's text; --json and "
    out.print(Text(note + "--report give everything)", style="dim"))


# --- history ----------------------------------------------------------------------------------


def _tables(
    data: Path | None,
    participants: Path | None = None,
    files: list[str] | None = None,
    kinds: tuple[str, ...] | None = None,
) -> tuple[Any, Any]:
    from casus.history.readers import FILES, file_paths, parse_files, read_folder, read_table

    kinds = kinds or tuple(FILES)
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


@app.command("calibrate")
def calibrate_cmd(
    data: DataOption = None,
    files: FileOption = None,
    until: Annotated[
        int | None, typer.Option("--until", help="Fit on disputes starting no later than YEAR.")
    ] = None,
    out_path: Annotated[Path, typer.Option("--out", help="Where to write the coefficient file.")] = Path(
        "joining-model.json"
    ),
    today: Annotated[
        bool,
        typer.Option("--today", help="Leave out the features today's world cannot measure (for casus run)."),
    ] = False,
    without_opt: WithoutOption = None,
    with_opt: WithOption = None,
) -> None:
    """Fit the joining model on historical disputes and write a versioned coefficient file."""
    from casus.history.evaluate import data_version, features_left_out, fit_model
    from casus.history.features import build

    without = _left_out(without_opt, with_opt, today)
    with err.status("reading data and building features"):
        tables, _ = _tables(data, files=files)
        cands = build(tables)
    version = f"{'today' if today else 'fitted'}-{until or 'all'}"
    usual = features_left_out(today=today)  # what the version name implies
    for word, names in (("with", set(usual) - set(without)), ("without", set(without) - set(usual))):
        if names:
            version += f"-{word}-" + "+".join(sorted(names))
    model = fit_model(cands, until=until, version=version, data_ver=data_version(tables), without=without)
    tmp = out_path.with_name(out_path.name + ".tmp")
    tmp.write_text(json.dumps(model.model_dump(mode="json"), indent=2) + "\n", encoding="utf-8")
    tmp.replace(out_path)
    fit = model.fitted_on or {}
    out.print(
        f"fitted on {fit.get('disputes')} disputes, {fit.get('candidates')} candidates, "
        f"{fit.get('joiners')} joiners"
        + (f", per-war level sd {model.level.sd:.3f}" if model.level else "")
        + f" (data {model.data_version}); written to {out_path}"
    )


_METRIC_DIGITS = (("auc", 3), ("average_precision", 4), ("brier", 5), ("recall_at_10", 3))


def _with_band(value: float, band: list[float] | None, digits: int, signed: bool = False) -> str:
    """A score, with its interval on a second, dim line when there is one."""
    sign = "+" if signed else ""
    text = f"{value:{sign}.{digits}f}"
    if band is None:
        return text
    return text + f"\n[dim]{band[0]:{sign}.{digits}f} to {band[1]:{sign}.{digits}f}[/dim]"


@app.command("backtest")
def backtest_cmd(
    data: DataOption = None,
    files: FileOption = None,
    participants: Annotated[
        Path | None,
        typer.Option("--participants", help="Score these disputes (MID participants CSV) instead."),
    ] = None,
    disputes_path: Annotated[
        Path | None,
        typer.Option(
            "--disputes",
            help="The level each dispute reached (MID disputes CSV with hostlev; default: the data "
            "folder's). A dispute with no row there takes the level of its originators' highest action.",
        ),
    ] = None,
    model_path: Annotated[Path | None, typer.Option("--model", help="Coefficient file to score.")] = None,
    forward: Annotated[
        bool, typer.Option("--forward", help="Refit on earlier decades, score each decade.")
    ] = False,
    blocked: Annotated[
        int | None,
        typer.Option("--blocked-cv", min=2, max=20, help="Time-blocked cross-validation with K blocks."),
    ] = None,
    trials: Annotated[
        int, typer.Option("--trials", min=16, max=100_000, help="Cascade trials per dispute.")
    ] = 256,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the cascade and the intervals.")] = 0,
    intervals: Annotated[
        int,
        typer.Option(
            "--intervals",
            min=0,
            max=100_000,
            help="Bootstrap resamples of the scored start years for 90% intervals (0: none).",
        ),
    ] = 200,
    report_path: Annotated[Path | None, typer.Option("--report", help="Write an HTML report here.")] = None,
    predictions_path: Annotated[
        Path | None,
        typer.Option("--predictions", help="Write every candidate's probability and rank here (CSV)."),
    ] = None,
    today: Annotated[
        bool,
        typer.Option(
            "--today", help="Score the model casus run uses: fitted without what today's world lacks."
        ),
    ] = False,
    without_opt: WithoutOption = None,
    with_opt: WithOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Score the cascade and the baselines against who actually joined historical disputes."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from casus.history.cascade import HistoryWorld
    from casus.history.evaluate import Protocol, backtest
    from casus.history.features import build, history_table
    from casus.joining import load_model

    if forward and blocked:
        raise typer.BadParameter("--forward and --blocked-cv are two protocols; choose one")
    if (forward or blocked) and model_path is not None:
        raise typer.BadParameter("--model scores one fixed model; --forward and --blocked-cv refit")
    if today and model_path is not None:
        raise typer.BadParameter("--today picks the model (the bundled `today` one); leave out --model")
    if (without_opt or with_opt) and not (forward or blocked):
        raise typer.BadParameter(
            "--without and --with refit, so they need --forward or --blocked-cv; to score one such "
            "model, write it with casus calibrate and pass it as --model"
        )
    without = _left_out(without_opt, with_opt, today)
    for hint, target in (("--report", report_path), ("--predictions", predictions_path)):
        if target is not None and not target.parent.is_dir():  # fail now, not after the whole run
            raise typer.BadParameter(f"{target}: folder {target.parent} does not exist", param_hint=hint)
    with err.status("reading data and building features"):
        tables, extra = _tables(data, participants, files)
        if disputes_path is not None:
            from casus.history.readers import read_table

            tables["mid_disputes"] = read_table("mid_disputes", disputes_path)
        data_cands = build(tables)
        test_cands = data_cands if extra is None else build(tables, participants=extra)
        test_parts = tables["mid_participants"] if extra is None else extra
        world = HistoryWorld(tables, history_table(tables, test_parts))
    protocol: Protocol = "forward" if forward else "blocked" if blocked else "single"
    if protocol == "single" and model_path is None:  # history measures every feature; --today does not
        model_path = Path("today" if today else "calibrated")
    model = load_model(model_path) if protocol == "single" else None
    columns = (TextColumn("cascade"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, disable=as_json, transient=True) as bar:
        task = bar.add_task("disputes", total=int(test_cands.dispnum.nunique()))
        result = backtest(
            data_cands, test_cands, world=world, test_participants=test_parts, protocol=protocol,
            model=model, blocks=blocked or 5, trials=trials, seed=seed,
            progress=lambda k: bar.advance(task, k), without=without, intervals=intervals,
        )  # fmt: skip
    scored = result.pop("_scored", None)
    if report_path is not None or predictions_path is not None:
        from casus.history.explain import disputes, predictions, write_predictions

        pred = predictions(scored, tables["cow_states"])
        if predictions_path is not None:
            write_predictions(pred, predictions_path)
    if report_path is not None:
        from casus.backtest_report import write_backtest_report

        write_backtest_report(result, scored, report_path, disputes(pred, test_parts, tables["cow_states"]))
    if as_json:
        _emit_json(result)
        return
    table = Table(title=f"{result['protocol']} backtest: {result['n_disputes']} disputes, "
                  f"{result['n_candidates']:,} candidates, {result['n_joiners']} joiners")  # fmt: skip
    for col in ("", "ROC AUC", "average precision", "Brier", "recall@10"):
        table.add_column(col, justify="right" if col else "left")
    ci = result.get("intervals")
    rows = [("model", escape("cascade (" + str(result["model"]) + ")"), result["metrics"])]
    rows += [(key, key.replace("_", " "), m) for key, m in result["baselines"].items()]
    for key, label, m in rows:
        band = ci["metrics"][key] if ci else None
        table.add_row(label, *(_with_band(m[k], band and band[k], d) for k, d in _METRIC_DIGITS))
    if ci:
        table.caption = (f"under each score: its {ci['level']:.0%} interval, from {ci['resamples']} "
                         f"bootstrap resamples of the {ci['n_units']} scored start years "
                         f"(seed {ci['seed']})")  # fmt: skip
    out.print(table)
    if ci:
        lead = Table(title="the cascade's lead over each baseline: the difference, the share of resamples "
                     "in which the cascade wins, and the interval")  # fmt: skip
        for col in ("", "ROC AUC", "average precision", "Brier (lower wins)", "recall@10"):
            lead.add_column(col, justify="right" if col else "left")
        for key, diff in ci["difference"].items():
            cells = []
            for k, d in _METRIC_DIGITS:
                point = result["metrics"][k] - result["baselines"][key][k]
                text = _with_band(point, diff[k], d, signed=True)
                cells.append(text.replace("\n", f" ({ci['wins'][key][k]:.0%})\n", 1))
            lead.add_row(key.replace("_", " "), *cells)
        out.print(lead)
    _print_by_level(result)
    spread = result.get("spread") or {}
    if spread:
        first = next(iter(spread.values()))
        st = Table(title=f"does the war spread? {first['n_spread']} of {first['n_disputes']} disputes drew "
                   f"a joiner; {first['actual_joiners']} joiners in all")  # fmt: skip
        for col in ("", "ROC AUC", "Brier", "mean P(any joiner)", "expected joiners"):
            st.add_column(col, justify="right" if col else "left")
        for name, m in spread.items():
            label = "cascade" if name == "model" else name.replace("_", " ")
            st.add_row(label, f"{m['auc']:.3f}", f"{m['brier']:.4f}", f"{m['predicted_share']:.3f}",
                       f"{m['expected_joiners']:.0f}")  # fmt: skip
        out.print(st)
    if report_path is not None:
        out.print(f"report written to {report_path}")
    if predictions_path is not None:
        out.print(f"predictions written to {predictions_path}")


def _print_by_level(result: dict[str, Any]) -> None:
    """The cascade's calibration at each level the disputes reached, and the scores blind to the level."""
    levels = result.get("by_level") or []
    if levels:
        t = Table(title="by the level each dispute reached (the scores above are conditional on it)")
        for col in ("level", "disputes", "joiners", "P(any joiner) observed", "predicted",
                    "mean P(join) per candidate", "observed rate", "ROC AUC"):  # fmt: skip
            t.add_column(col, justify="left" if col == "level" else "right")
        for row in levels:
            auc = "—" if row["auc"] is None else f"{row['auc']:.3f}"
            t.add_row(f"{row['level']} {row['intensity'].replace('_', ' ')}", str(row["n_disputes"]),
                      str(row["n_joiners"]), f"{row['p_any_observed']:.3f}", f"{row['p_any_predicted']:.3f}",
                      f"{row['mean_p']:.5f}", f"{row['rate_observed']:.5f}", auc)  # fmt: skip
        out.print(t)
    blind = result.get("unconditional")
    if blind:
        m, p = blind["model_first_round"], blind["plain_logistic"]
        out.print(
            "not knowing the level (unconditional): the model's first round mixed over the levels "
            f"AUC {m['auc']:.3f}, AP {m['average_precision']:.4f}, recall@10 {m['recall_at_10']:.3f}; "
            f"the plain logistic without the level AUC {p['auc']:.3f}, AP {p['average_precision']:.4f}, "
            f"recall@10 {p['recall_at_10']:.3f}"
        )


@app.command("sweep")
def sweep_cmd(
    spec_path: Annotated[Path, typer.Argument(metavar="SPEC", help="Sweep file (YAML or JSON).")],
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Address of a running Dask scheduler (tcp://host:8786)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=0,
            max=1024,
            help="Local Dask worker processes (default: the machine's cores; 0: run in this process).",
        ),
    ] = None,
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Output folder (default: <spec name>-sweep next to it).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the sweep's manifest as JSON.")] = False,
    data: HistoryDataOption = None,
    files: FileOption = None,
) -> None:
    """Run scenarios across grids or samples of assumptions and parameters, on Dask; resumable."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )  # fmt: skip

    from casus.sweep.run import SweepError, run_sweep
    from casus.sweep.spec import load_plan

    if scheduler and workers is not None:
        raise typer.BadParameter(
            "--workers starts a local cluster; --scheduler uses a running one: choose one"
        )
    world = _world()
    history = _history_tables(data, files)
    with err.status("checking the sweep and its scenarios"):
        plan = load_plan(spec_path, world, history)
    out_path = out_dir or spec_path.with_name(f"{spec_path.stem}-sweep")
    if out_path.exists() and not out_path.is_dir():
        raise typer.BadParameter(f"{out_path} exists and is not a folder", param_hint="--out")

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:,.1f} cells/s" if task.speed else "– cells/s")

    columns = (TextColumn("sweep"), BarColumn(), MofNCompleteColumn(), Rate(), TimeElapsedColumn(),
               TextColumn("ETA"), TimeRemainingColumn())  # fmt: skip
    with Progress(*columns, console=err, disable=as_json, transient=True) as bar:
        task = bar.add_task("cells", total=len(plan.cells))

        def started(total: int, reused: int) -> None:
            bar.update(task, total=total, completed=reused)
            if reused and not as_json:
                err.print(f"{reused:,} of {total:,} cells already done in {out_path}", soft_wrap=True)

        try:
            run = run_sweep(plan, out_path, scheduler=scheduler, workers=workers, started=started,
                            advance=lambda k: bar.advance(task, k))  # fmt: skip
        except SweepError as exc:
            err.print(f"error: {exc}")
            raise typer.Exit(1) from None
    if as_json:
        _emit_json(json.loads((out_path / "sweep.json").read_text(encoding="utf-8")))
        return
    if run.unreadable:
        err.print(f"warning: {run.unreadable} unreadable line(s) in {out_path / 'cells.jsonl'} were ignored "
                  "(their cells, if any, were run again)", soft_wrap=True)  # fmt: skip
    where = f" on {run.where}" if run.computed else ""
    out.print(f"{len(run.rows):,} cells ({run.computed:,} computed, {run.reused:,} reused){where} "
              f"in {run.wall_s:.1f} s", soft_wrap=True)  # fmt: skip
    out.print(f"results: {out_path / 'results.parquet'}", soft_wrap=True)
    out.print(f"summary: {out_path / 'summary.html'}", soft_wrap=True)


@app.command("read")
def read_cmd(
    inputs: Annotated[
        list[str], typer.Argument(help="Text, HTML or feed files, folders, or http(s) addresses.")
    ],
    date: Annotated[
        str | None, typer.Option("--date", help="The articles' date (YYYY-MM-DD), overriding theirs.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    compare_: Annotated[
        bool, typer.Option("--compare", help="Align what the articles say about the same subject.")
    ] = False,
    store: Annotated[
        bool, typer.Option("--store", help="Also save each reading in the store (see --db).")
    ] = False,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Store URL (default: CASUS_DB, else SQLite in the user data folder)."),
    ] = None,
) -> None:
    """Read news articles: actors, claims with attribution, treaty links and red flags."""
    import datetime as dt

    from casus.evidence.read import compare, read_document
    from casus.evidence.sources import SourceError, load

    on = None
    if date is not None:
        try:
            on = dt.date.fromisoformat(date)
        except ValueError:
            raise typer.BadParameter(
                f"{date!r} is not a real date (YYYY-MM-DD)", param_hint="--date"
            ) from None
    try:
        docs = load(inputs)
    except SourceError as exc:
        sys.stderr.write(f"error: {exc}\n")
        raise typer.Exit(2) from None
    readings = [read_document(d, on=on) for d in docs]
    result: dict[str, Any] = {"articles": [r.model_dump(mode="json") for r in readings]}
    if store:
        st = _open_store(db)
        for art in result["articles"]:
            art["stored_id"] = st.add_evidence(art)
        st.close()
        if not as_json:
            err.print(f"{len(readings)} reading(s) stored in {_safe_url(st.url)}")
    if compare_:
        result["comparison"] = compare(readings)
    if as_json:
        _emit_json(result)
        return
    for r in readings:
        out.print(Text(f"{r.title or r.source}", style="bold"))
        removed = f" · {r.removed_lines} boilerplate line(s) removed" if r.removed_lines else ""
        out.print(f"  {r.source} · {r.date} ({r.date_from}) · {r.words} words{removed}")
        if r.actors:
            out.print("  actors: " + ", ".join(f"{a.id} ×{a.mentions}" for a in r.actors))
        for c in r.claims:
            who = c.attribution.who or c.attribution.kind
            neg = "NOT " if c.polarity == "negative" else ""
            hedge = f" [hedged: {', '.join(c.hedges)}]" if c.hedges else ""
            out.print(
                Text(f"  claim: {c.subject or '?'} {neg}{c.relation} {c.object or '?'} (per {who}){hedge}")
            )
        for link in r.provisions:
            out.print(Text(f"  quotes {link.treaty} {link.article} (score {link.score:.2f})"))
        for f in r.flags:
            out.print(Text(f"  FLAG {f.kind}: “{f.span}” — {f.detail}", style="yellow"))
    if compare_:
        out.print(Text("Comparison", style="bold"))
        for row in result["comparison"]:
            out.print(Text(f"  {' & '.join(row['actors'])} {row['relation']}: {row['verdict']}"))
            for st in row["statements"]:
                out.print(Text(f"    {st['polarity']}, {st['modality']} — {st['source']}"))


def _open_store(db: str | None) -> Any:
    """Open (and migrate) the store, with a one-line error when the database cannot be reached."""
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from casus.service.store import Store

    try:
        return Store(db)
    except (SQLAlchemyError, ArgumentError, OSError) as exc:
        sys.stderr.write(f"error: store {_safe_url(db or 'default')}: {str(exc).splitlines()[0]}\n")
        raise typer.Exit(2) from None


def _safe_url(url: str) -> str:
    """A database URL without its password."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


@app.command("serve")
def serve_cmd(
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port for the API and the web UI.")] = 8000,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Store URL, e.g. postgresql+psycopg://user@host/casus (default: SQLite)."),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", help="Runs computed at once.", min=1, max=16)] = 1,
    max_trials: Annotated[
        int, typer.Option("--max-trials", help="Most trials one submitted run may ask for.", min=1)
    ] = 200_000,
    queue: Annotated[
        int, typer.Option("--queue", help="Most runs waiting or computing; more get 503.", min=1)
    ] = 32,
    model_path: Annotated[
        Path | None,
        typer.Option("--model", help="Joining model: a file, today (default), calibrated or prior."),
    ] = None,
    data: HistoryDataOption = None,
    files: FileOption = None,
) -> None:
    """Serve the REST API (OpenAPI schema at /openapi.json) and the web UI on one port.

    Writes need a token: CASUS_TOKEN, else a file named by CASUS_TOKEN_FILE, else one made up
    now and printed once (in a link that hands it to the browser).
    """
    import secrets

    import uvicorn

    from casus.joining import load_model
    from casus.service.api import Limits, create_app

    token = os.environ.get("CASUS_TOKEN", "").strip()
    if not token and os.environ.get("CASUS_TOKEN_FILE"):
        path = Path(os.environ["CASUS_TOKEN_FILE"])
        try:
            token = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            sys.stderr.write(f"error: CASUS_TOKEN_FILE {path}: {getattr(exc, 'strerror', None) or exc}\n")
            raise typer.Exit(2) from None
        if not token:
            sys.stderr.write(f"error: CASUS_TOKEN_FILE {path}: the file is empty\n")
            raise typer.Exit(2)
    made_up = not token
    token = token or secrets.token_urlsafe(24)
    history = _history_tables(data, files)  # bad files fail before the store is opened
    st = _open_store(db)
    if st.interrupted:
        err.print(f"{st.interrupted} run(s) left unfinished by an earlier process marked interrupted")
    limits = Limits(max_trials=max_trials, max_waiting=queue)
    application = create_app(
        _world(), st, load_model(model_path), token, workers=workers, limits=limits, history=history
    )
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    err.print(f"casus serving on http://{shown}:{port}/ — store {_safe_url(st.url)}")
    if made_up:
        err.print(f"write token (this session only): http://{shown}:{port}/#token={token}")
    uvicorn.run(application, host=host, port=port, log_level="warning")


data_app = typer.Typer(
    help="Historical data: download the originals from their publishers; see the world of any year.",
    no_args_is_help=True,
)
app.add_typer(data_app, name="data")


@data_app.command("fetch")
def data_fetch_cmd(
    dest: Annotated[Path, typer.Option("--dest", help="Folder to write the files to.")] = Path("data"),
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Fetch only this file kind (repeatable).")
    ] = None,
    url: Annotated[
        list[str] | None,
        typer.Option(
            "--url", help="KIND=URL (or a local path) replacing a publisher's address (repeatable)."
        ),
    ] = None,
) -> None:
    """Download ATOP, COW and MID files from their publishers into the layout `--data` expects."""
    from casus.history.fetch import SOURCES, FetchError, fetch

    urls: dict[str, str] = {}
    for item in url or []:
        kind, sep, address = item.partition("=")
        if not sep or not address:
            raise typer.BadParameter(f"--url {item!r}: expected KIND=URL")
        urls[kind.strip()] = address.strip()
    kinds = only or [k for k in SOURCES if SOURCES[k].url is not None or k in urls]
    skipped = [k for k in SOURCES if k not in kinds and not only]
    try:
        with err.status("downloading") as status:
            written = fetch(dest, kinds, urls, progress=lambda k: status.update(f"downloading {k}"))
    except FetchError as exc:
        sys.stderr.write(f"error: {exc}\n")
        raise typer.Exit(2) from None
    for path in written:
        out.print(f"ok  {path}")
    for kind in skipped:
        out.print(f"skipped {kind}: no public address known; pass --url {kind}=URL")


@data_app.command("world")
def data_world_cmd(
    at: Annotated[int, typer.Option("--at", metavar="YEAR", help="The year to look at.")],
    data: DataOption = None,
    files: FileOption = None,
    party: Annotated[
        str | None,
        typer.Option(
            "--party", help="Only obligations this state (COW code or abbreviation) owes or is owed."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """The historical world at a year: the states in the system and the obligations in force between them."""
    from casus.history.readers import SOURCES
    from casus.history.snapshot import KINDS, world_at

    tables, _ = _tables(data, files=files, kinds=("cow_states", "cow_majors", "atop"))
    try:
        world = world_at(tables, at)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--at") from None
    if party is not None:
        try:
            world = world.involving(world.code(party))
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--party") from None
    sources = [SOURCES["cow_states"], SOURCES["cow_majors"], SOURCES["atop"]]
    if as_json:
        doc = {
            "year": at,
            "states": world.states.to_dict(orient="records"),
            "obligations": world.obligations.to_dict(orient="records"),
            "sources": sources,
        }
        sys.stdout.write(json.dumps(doc, indent=2, default=int) + "\n")
        return
    majors = world.states[world.states.major == 1].stateabb
    out.print(f"{at}: {len(world.states)} states in the system; major powers: {', '.join(majors) or 'none'}")
    for kind, label in KINDS.items():
        pairs = world.pairs(kind)
        if pairs:
            shown = [f"{a} ↔ {b}" if mutual else f"{a} → {b}" for a, b, mutual in pairs]
            out.print(f"{label} ({len(pairs)}): " + ", ".join(shown))
    if world.obligations.empty:
        out.print("no obligations in force" + (f" involving {party}" if party else ""))
    out.print("A ↔ B: both owe it; A → B: A owes B. Data: " + "; ".join(sources))


DYAD_SOURCES = ("atop", "contiguity", "majors", "capabilities", "nuclear", "distance", "disputes")


@data_app.command("dyads")
def data_dyads_cmd(
    out_path: Annotated[Path, typer.Option("--out", help="Where to write the table (.csv or .parquet).")],
    data: DataOption = None,
    files: FileOption = None,
    since: Annotated[int | None, typer.Option("--since", metavar="YEAR", help="First year.")] = None,
    until: Annotated[int | None, typer.Option("--until", metavar="YEAR", help="Last year.")] = None,
    undirected: Annotated[
        bool, typer.Option("--undirected", help="Each pair once (ccode1 < ccode2) instead of both ways.")
    ] = False,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--add", metavar="SOURCE", help=f"Add only these (repeatable): {', '.join(DYAD_SOURCES)}."
        ),
    ] = None,
) -> None:
    """A dyad-year table: every pair of states in the COW system each year, with each source's columns."""
    from casus.history import dyads
    from casus.history.features import nuclear_years

    chosen = list(dict.fromkeys(only or DYAD_SOURCES))
    unknown = [x for x in chosen if x not in DYAD_SOURCES]
    if unknown:
        raise typer.BadParameter(
            f"unknown source {unknown[0]!r} (one of {', '.join(DYAD_SOURCES)})", param_hint="--add"
        )
    if out_path.suffix not in (".csv", ".parquet"):
        raise typer.BadParameter(f"{out_path}: write .csv or .parquet", param_hint="--out")
    if not out_path.parent.is_dir():
        raise typer.BadParameter(f"{out_path}: folder {out_path.parent} does not exist", param_hint="--out")
    needs = {
        "atop": "atop",
        "contiguity": "cow_contiguity",
        "majors": "cow_majors",
        "capabilities": "cow_nmc",
        "disputes": "mid_participants",
    }
    kinds = ("cow_states", *(needs[x] for x in chosen if x in needs))
    with err.status("reading data and building the table"):
        tables, _ = _tables(data, files=files, kinds=kinds)
        try:
            d = dyads.dyad_years(tables["cow_states"], since=since, until=until, directed=not undirected)
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--since / --until") from None
        for name in chosen:
            if name == "nuclear":
                d = dyads.add_nuclear(d, nuclear_years())
            elif name == "distance":
                d = dyads.add_distance(d)
            else:
                add = getattr(dyads, f"add_{name}")
                d = add(d, tables[needs[name]])
        tmp = out_path.with_name(out_path.name + ".tmp")
        if out_path.suffix == ".csv":
            d.to_csv(tmp, index=False)
        else:
            d.to_parquet(tmp, index=False)
        os.replace(tmp, out_path)  # a failed write leaves any earlier table as it was
    years = f"{d.year.min()}-{d.year.max()}" if len(d) else "no years"
    out.print(
        f"{len(d):,} dyad-years ({years}, {'undirected' if undirected else 'directed'}) written to {out_path}"
    )
    out.print("columns: " + ", ".join(d.columns))
    out.print("Data: " + "; ".join(dyads.cite(d)))


# --- check ------------------------------------------------------------------------------------


@app.command("check")
def check_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Treaty, state or scenario files or folders.")],
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print problems only.")] = False,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="Folder of ATOP and COW files: check scenarios and sweeps set in a historical world "
            "against it.",
        ),
    ] = None,
) -> None:
    """Validate your own treaty, state or scenario files: one line per problem, file:line: field: message."""
    report = check_paths(
        paths, extra_treaties=_Options.treaties, extra_states=_Options.states, history_data=data
    )
    if not quiet:
        for line in report.ok:
            out.print(f"ok  {line}")
    for p in report.problems:
        sys.stderr.write(f"{p}\n")
    if report.problems:
        sys.stderr.write(f"{len(report.problems)} problem(s) in {report.files_with_problems} file(s)\n")
        raise typer.Exit(1)
    if not quiet:
        out.print(f"{len(report.ok)} file(s) valid")


# The optional dependencies (pyproject's extras) by the module a command imports.
OPTIONAL_MODULES = {
    **dict.fromkeys(("fastapi", "uvicorn", "sqlalchemy", "alembic", "platformdirs", "psycopg"), "serve"),
    **dict.fromkeys(("dask", "distributed"), "sweep"),
    **dict.fromkeys(("trafilatura", "feedparser", "rapidfuzz", "charset_normalizer"), "read"),
}


def _plain_metavars(command: Any) -> None:
    """Help without type placeholders: flags show none, other options a plain word (PATH, N, TEXT)."""
    for param in command.params:
        if getattr(param, "param_type_name", "") == "argument":
            param.display_type_rich = lambda ctx: None  # its name (SCENARIO, SPEC, PATH) says it
            continue
        if getattr(param, "param_type_name", "") != "option" or param.metavar is not None:
            continue
        desc = getattr(param, "type_descriptor", None)
        if param.is_flag or desc is None:
            param.metavar = ""
        elif desc.is_choice:
            param.metavar = "[" + "|".join(str(getattr(c, "value", c)) for c in desc.choices or ()) + "]"
        elif desc.is_path:
            param.metavar = "PATH"
        else:
            kind = desc.annotation
            if desc.is_list:
                kind = next(iter(getattr(kind, "__args__", ())), str)
            param.metavar = {int: "N", float: "X", Path: "PATH"}.get(kind, "TEXT")
    help_option = command.get_help_option

    def plain_help(ctx: Any) -> Any:  # --help is made on demand, so it gets its plain name there
        option = help_option(ctx)
        if option is not None and option.metavar is None:
            option.metavar = ""
        return option

    command.get_help_option = plain_help
    for sub in getattr(command, "commands", {}).values():
        _plain_metavars(sub)


def main() -> None:
    """Entry point: run the app, turning input errors into clear messages and a non-zero exit."""
    try:
        command = typer.main.get_command(app)
        _plain_metavars(command)
        code = command.main(prog_name="casus", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Abort:
        sys.stderr.write("error: aborted\n")
        sys.exit(1)
    except InputError as exc:
        for p in exc.problems:
            sys.stderr.write(f"error: {p}\n")
        sys.exit(2)
    except (UnknownIdError, CasusError) as exc:  # an unknown id; a download, sweep or source that failed
        sys.stderr.write(f"error: {' '.join(str(exc).split())}\n")
        sys.exit(2)
    except ModuleNotFoundError as exc:
        extra = OPTIONAL_MODULES.get((exc.name or "").split(".")[0])
        if extra is None:
            raise
        sys.stderr.write(
            f"error: this command needs the {extra!r} extra (module {exc.name} is not installed): "
            f"pip install 'casus-foederis[{extra}]'\n"
        )
        sys.exit(2)
    except Exception as exc:
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # click's usage errors
            sys.stderr.write(f"error: {' '.join(exc.format_message().split())}\n")
            sys.exit(exc.exit_code)
        if os.environ.get("CASUS_DEBUG"):
            raise
        sys.stderr.write(f"internal error: {type(exc).__name__}: {exc} (set CASUS_DEBUG=1 for a traceback)\n")
        sys.exit(3)
