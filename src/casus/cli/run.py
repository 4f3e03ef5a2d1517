"""casus run: a scenario's obligations, then the escalation, answer first."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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

RunScenarioPathOpt = Annotated[
    Path,
    typer.Argument(
        metavar="SCENARIO",
        help="Scenario file (YAML or JSON), or the name of a bundled example (belgorod-2025).",
    ),
]

RunReportOpt = Annotated[
    Path | None, typer.Option("--report", help="Write a self-contained HTML report here.")
]

RunShowAllOpt = Annotated[
    bool,
    typer.Option("--all", help="With --detail: also the obligations that are not triggered, with why."),
]

RunDetailOpt = Annotated[
    bool, typer.Option("--detail", help="Each obligation group with its obligors and every reason.")
]

RunTrialsOpt = Annotated[
    int | None,
    typer.Option("--trials", "-n", help="Monte Carlo trials (0: no simulation; default: the scenario's)."),
]

RunSeedOpt = Annotated[int | None, typer.Option("--seed", help="Random seed (default: the scenario's).")]

RunModelPathOpt = Annotated[
    Path | None,
    typer.Option("--model", help="Joining model: a file, today (default), calibrated or prior."),
]

RunOutcomeOpt = Annotated[
    str | None,
    typer.Option(
        "--outcome",
        help="Sensitivity outcome: p_nuclear_opposed (default where a nuclear-armed state exists on "
        "the date), war_size_mean (default otherwise) or p_war:ISO3.",
    ),
]

RunNoSensitivityOpt = Annotated[bool, typer.Option("--no-sensitivity", help="Skip the sensitivity analysis.")]

RunIntensityOpt = Annotated[
    Intensity | None,
    typer.Option(
        "--intensity",
        help="The level the conflict reaches, which every probability is conditional on: threat, "
        "display, use_of_force or war (default: the scenario's simulation.intensity, else what its "
        "events imply).",
        case_sensitive=False,
    ),
]


@app.command("run")
def run_cmd(
    scenario_path: RunScenarioPathOpt,
    as_json: JsonOption = False,
    report: RunReportOpt = None,
    show_all: RunShowAllOpt = False,
    detail: RunDetailOpt = False,
    trials: RunTrialsOpt = None,
    seed: RunSeedOpt = None,
    model_path: RunModelPathOpt = None,
    outcome: RunOutcomeOpt = None,
    no_sensitivity: RunNoSensitivityOpt = False,
    intensity: RunIntensityOpt = None,
    data: HistoryDataOption = None,
    files: FileOption = None,
) -> None:
    """Which obligations a scenario's events trigger and why; then how likely the war spreads."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from casus.cli.render import print_run, print_simulation
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
    print_run(scenario, result.obligations, show_all, detail or show_all, world)
    if result.simulation is not None:
        print_simulation(result.simulation)
    if report is not None:
        out.print(f"report written to {report}")
