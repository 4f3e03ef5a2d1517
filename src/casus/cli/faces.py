"""casus sweep, casus read, casus serve and casus check."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.text import Text

from casus.check import check_paths
from casus.cli.common import (
    FileOption,
    HistoryDataOption,
    JsonOption,
    _emit_json,
    _history_tables,
    _Options,
    _world,
    app,
    err,
    out,
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
    as_json: JsonOption = False,
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
    coder: Annotated[
        str | None,
        typer.Option(
            "--coder",
            help="Claim coder: parse (the dependency parser; the default when installed) or rules.",
        ),
    ] = None,
    gold: Annotated[
        bool,
        typer.Option("--gold", help="The inputs are annotated gold files: score the reader on them."),
    ] = False,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            "--min-confidence",
            metavar="P",
            help="Leave out claims less likely right than this (0-1; default 0.3; 0 keeps all).",
        ),
    ] = None,
) -> None:
    """Read news articles: actors, claims with attribution, treaty links and red flags."""

    from casus.cli.render import print_reading
    from casus.evidence.parse import ReaderUnavailable
    from casus.evidence.sources import SourceError
    from casus.session import Session

    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise typer.BadParameter(
            f"{min_confidence}: a confidence is between 0 and 1", param_hint="--min-confidence"
        )
    if coder not in (None, "parse", "rules"):
        raise typer.BadParameter(f"{coder!r}: choose parse or rules", param_hint="--coder")
    if gold:
        _score_gold(inputs, coder, as_json)
        return

    on = None
    if date is not None:
        try:
            on = dt.date.fromisoformat(date)
        except ValueError:
            raise typer.BadParameter(
                f"{date!r} is not a real date (YYYY-MM-DD)", param_hint="--date"
            ) from None
    try:
        reading = Session(_world()).read(inputs, on=on, compare=compare_, coder=coder,
                                         min_confidence=min_confidence)  # fmt: skip
    except SourceError as exc:
        sys.stderr.write(f"error: {exc}\n")
        raise typer.Exit(2) from None
    except ReaderUnavailable as exc:
        sys.stderr.write(f"error: --coder parse: {exc}\n")
        raise typer.Exit(2) from None
    result = reading.to_json()
    if store:
        st = _open_store(db)
        for art in result["articles"]:
            art["stored_id"] = st.add_evidence(art)
        st.close()
        if not as_json:
            err.print(f"{len(reading.articles)} reading(s) stored in {_safe_url(st.url)}")
    if as_json:
        _emit_json(result)
    else:
        print_reading(reading)
    for problem in reading.skipped:  # the rest was read; say what was not, and exit non-zero
        sys.stderr.write(f"error: {problem}\n")
    if reading.skipped:
        raise typer.Exit(1)


def _score_gold(paths: list[str], coder: str | None, as_json: bool) -> None:
    """casus read --gold: the reader scored on annotated articles, file by file."""
    from casus.cli.render import print_gold
    from casus.evidence.gold import load_gold, score

    results = {p: score(load_gold(p), coder) for p in paths}
    if as_json:
        _emit_json(results)
        return
    print_gold(results)


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
    import logging
    import secrets
    import signal

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
    # A worker computing a run holds the interpreter lock between the kernel's blocks; a short
    # switch interval lets the request threads in sooner (bench_service: read p99 and acceptance).
    sys.setswitchinterval(0.0005)
    # Runs the service gives up on, and writes waiting for the database, are logged here.
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("casus").setLevel(logging.INFO)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    err.print(f"casus serving on http://{shown}:{port}/ — store {_safe_url(st.url)}")
    if made_up:
        err.print(f"write token (this session only): http://{shown}:{port}/#token={token}")
    # uvicorn shuts down gracefully on SIGTERM, then raises the signal again: with the default
    # action the process would die before its exit handlers release the worker processes'
    # semaphores. Exit the ordinary way instead, with the conventional status.
    signal.signal(signal.SIGTERM, lambda sig, _frame: sys.exit(128 + sig))
    uvicorn.run(application, host=host, port=port, log_level="warning")


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
