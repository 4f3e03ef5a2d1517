"""casus calibrate, casus backtest and casus data: the historical data and the model fitted on it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from casus.cli.common import (
    DataOption,
    FileOption,
    JsonOption,
    TreatyAtOption,
    WithOption,
    WithoutOption,
    _emit_json,
    _left_out,
    _tables,
    _world,
    app,
    data_app,
    err,
    out,
)


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


BacktestParticipantsOpt = Annotated[
    Path | None,
    typer.Option("--participants", help="Score these disputes (MID participants CSV) instead."),
]

BacktestDisputesPathOpt = Annotated[
    Path | None,
    typer.Option(
        "--disputes",
        help="The level each dispute reached (MID disputes CSV with hostlev; default: the data "
        "folder's). A dispute with no row there takes the level of its originators' highest action.",
    ),
]

BacktestModelPathOpt = Annotated[Path | None, typer.Option("--model", help="Coefficient file to score.")]

BacktestForwardOpt = Annotated[
    bool, typer.Option("--forward", help="Refit on earlier decades, score each decade.")
]

BacktestBlockedOpt = Annotated[
    int | None,
    typer.Option("--blocked-cv", min=2, max=20, help="Time-blocked cross-validation with K blocks."),
]

BacktestTrialsOpt = Annotated[
    int, typer.Option("--trials", min=16, max=100_000, help="Cascade trials per dispute.")
]

BacktestSeedOpt = Annotated[int, typer.Option("--seed", help="Random seed of the cascade and the intervals.")]

BacktestIntervalsOpt = Annotated[
    int,
    typer.Option(
        "--intervals",
        min=0,
        max=100_000,
        help="Bootstrap resamples of the scored start years for 90% intervals (0: none).",
    ),
]

BacktestReportPathOpt = Annotated[Path | None, typer.Option("--report", help="Write an HTML report here.")]

BacktestPredictionsPathOpt = Annotated[
    Path | None,
    typer.Option("--predictions", help="Write every candidate's probability and rank here (CSV)."),
]

BacktestTodayOpt = Annotated[
    bool,
    typer.Option("--today", help="Score the model casus run uses: fitted without what today's world lacks."),
]


@app.command("backtest")
def backtest_cmd(
    data: DataOption = None,
    files: FileOption = None,
    participants: BacktestParticipantsOpt = None,
    disputes_path: BacktestDisputesPathOpt = None,
    model_path: BacktestModelPathOpt = None,
    forward: BacktestForwardOpt = False,
    blocked: BacktestBlockedOpt = None,
    trials: BacktestTrialsOpt = 256,
    seed: BacktestSeedOpt = 0,
    intervals: BacktestIntervalsOpt = 200,
    report_path: BacktestReportPathOpt = None,
    predictions_path: BacktestPredictionsPathOpt = None,
    today: BacktestTodayOpt = False,
    without_opt: WithoutOption = None,
    with_opt: WithOption = None,
    as_json: JsonOption = False,
) -> None:
    """Score the cascade and the baselines against who actually joined historical disputes."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from casus.cli.render import print_backtest
    from casus.history.evaluate import Protocol
    from casus.joining import load_model
    from casus.session import Session

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
    with err.status("reading data"):
        tables, extra = _tables(data, participants, files)
        if disputes_path is not None:
            from casus.history.readers import read_table

            tables["mid_disputes"] = read_table("mid_disputes", disputes_path)
    protocol: Protocol = "forward" if forward else "blocked" if blocked else "single"
    if protocol == "single" and model_path is None:  # history measures every feature; --today does not
        model_path = Path("today" if today else "calibrated")
    model = load_model(model_path) if protocol == "single" else None
    columns = (TextColumn("cascade"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, disable=as_json, transient=True) as bar:
        task = bar.add_task("disputes", total=None)
        run = Session.backtest(
            tables, participants=extra, protocol=protocol, model=model, blocks=blocked or 5, trials=trials,
            seed=seed, intervals=intervals, without=without, progress=lambda k: bar.advance(task, k),
            on_total=lambda n: bar.update(task, total=n),
        )  # fmt: skip
    if predictions_path is not None:
        run.write_predictions(predictions_path)
    if report_path is not None:
        run.write_report(report_path)
    if as_json:
        _emit_json(run.summary)
        return
    print_backtest(run.summary)
    if report_path is not None:
        out.print(f"report written to {report_path}")
    if predictions_path is not None:
        out.print(f"predictions written to {predictions_path}")


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
    """Download ATOP, COW, Gleditsch-Ward and covariate files from their publishers into the layout `--data`
    expects (sources with no public address are listed: pass --url KIND=URL)."""
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
    as_json: JsonOption = False,
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


@data_app.command("coverage")
def data_coverage_cmd(
    data: DataOption = None,
    files: FileOption = None,
    at: TreatyAtOption = None,
    show_all: Annotated[bool, typer.Option("--all", help="List every pair, covered ones included.")] = False,
    as_json: JsonOption = False,
) -> None:
    """How much of ATOP's last-year alliance world the bundled library covers, pair by pair."""
    from casus.cli.render import print_coverage
    from casus.coverage import coverage
    from casus.loader import date_or_today

    with err.status("reading ATOP"):
        tables, _ = _tables(data, files=files, kinds=("atop",))
    result = coverage(tables["atop"], _world(), date_or_today(at))
    if as_json:
        _emit_json(result.to_json())
        return
    print_coverage(result, show_all)
