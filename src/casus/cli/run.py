"""casus run: a scenario's obligations, then the escalation, answer first."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from casus.cli.common import (
    FileOption,
    HistoryDataOption,
    JsonOption,
    _emit_json,
    _historical_world,
    _world,
    app,
    err,
    out,
)
from casus.model import Intensity
from casus.world import World


@app.command("run")
def run_cmd(
    scenario_path: Annotated[
        Path,
        typer.Argument(
            metavar="SCENARIO",
            help="Scenario file (YAML or JSON), or the name of a bundled example (belgorod-2025).",
        ),
    ],
    as_json: JsonOption = False,
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
