"""casus data states and casus data dyads: state-year and dyad-year tables, peacesciencer's way."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from casus.cli.common import DataOption, FileOption, _tables, data_app, err, out

# What --add takes beyond the covariate verbs (casus.history.verbs.VERBS).
EXTRA = {
    "peace": "peace years since the last MID onset (GML MID)",
    "codes": "the other system's codes (COW codes on a GW table, GW codes on a COW table)",
    "nuclear": "nuclear-weapon states (casus's registry; dyad-years)",
}
SystemOption = Annotated[
    str, typer.Option("--system", help="State system: cow (Correlates of War) or gw (Gleditsch-Ward).")
]
SinceOption = Annotated[int | None, typer.Option("--since", metavar="YEAR", help="First year.")]
UntilOption = Annotated[int | None, typer.Option("--until", metavar="YEAR", help="Last year.")]
OutOption = Annotated[Path, typer.Option("--out", help="Where to write the table (.csv or .parquet).")]
BibOption = Annotated[
    Path | None, typer.Option("--bibtex", help="Also write the BibTeX of every source the table cites.")
]


# The covariate verbs by table kind (casus.history.verbs.VERBS, named here so that the help
# text does not import pandas on every start; a test keeps the two the same).
SOURCES = {
    "dyad_year": ("democracy", "igos", "mindist", "rivalries", "sdp_gdp", "trade", "powers", "atop", "nmc",
                  "contiguity", "capdist", "majors", "mids"),
    "state_year": ("democracy", "igos", "mindist", "rivalries", "sdp_gdp", "trade", "powers", "nmc",
                   "contiguity", "capdist", "majors", "mids"),
}  # fmt: skip


def _known(kind: str) -> list[str]:
    """What --add takes for a table of `kind`."""
    return [*SOURCES[kind], *(n for n in EXTRA if not (n == "nuclear" and kind == "state_year"))]


def _add_option(kind: str) -> Any:
    listed = ", ".join(_known(kind))
    return typer.Option("--add", metavar="SOURCE", help=f"Add a source's columns (repeatable; all): {listed}")


def _choices(kind: str, asked: list[str] | None) -> list[str]:
    known = _known(kind)
    chosen = list(dict.fromkeys(x for a in asked or [] for x in (known if a == "all" else [a])))
    if "peace" in chosen and "mids" in chosen:  # peace years carry the same onset and ongoing columns
        chosen.remove("mids")
    if unknown := [x for x in chosen if x not in known]:
        what = "state-year" if kind == "state_year" else "dyad-year"
        raise typer.BadParameter(
            f"unknown source {unknown[0]!r} for a {what} table (one of {', '.join(known)})",
            param_hint="--add",
        )
    return chosen


def _needed(kind: str, system: str, chosen: list[str]) -> tuple[str, ...]:
    from casus.history.verbs import needs

    base = "gw_states" if system == "gw" else "cow_states"
    wanted = [base, *needs([c for c in chosen if c not in EXTRA], kind)]
    if "peace" in chosen:
        wanted.append("mid_participants")
    if "codes" in chosen or (system == "gw" and any(c != "codes" for c in chosen)):
        wanted += ["cow_states", "gw_states"]
    return tuple(dict.fromkeys(wanted))


def _build(kind: str, system: Any, chosen: list[str], tables: dict[str, Any], since: int | None,
           until: int | None, directed: bool, step: Any) -> Any:  # fmt: skip
    """The table of `kind`, then each chosen source's columns, in the order asked."""
    from casus.history import dyads, peace, verbs
    from casus.history.codes import add_cow_codes, add_gw_codes
    from casus.history.features import nuclear_years
    from casus.history.universe import create_dyad_years, create_state_years

    if kind == "dyad_year":
        frame = create_dyad_years(tables, system, directed=directed, since=since, until=until)
    else:
        frame = create_state_years(tables, system, since=since, until=until)
    step("the table")
    # COW-coded sources on a GW table go through COW codes, added first (as peacesciencer's users do).
    if "codes" in chosen or (system == "gw" and chosen):
        frame = (add_cow_codes if system == "gw" else add_gw_codes)(frame, tables)
        step("codes")
    for name in chosen:
        if name == "codes":
            continue
        if name == "peace":
            frame = peace.add_peace_years(frame, tables)
        elif name == "nuclear":
            frame = dyads.add_nuclear(frame, nuclear_years())
        else:
            frame = verbs.add(frame, [name], tables)
        step(name)
    return frame


def _write(frame: Any, path: Path) -> None:
    """Write atomically: a failed write leaves any earlier table as it was."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        if path.suffix == ".csv":
            frame.to_csv(tmp, index=False)
        else:
            frame.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _table_cmd(kind: str, out_path: Path, data: Path | None, files: list[str] | None, system: str,
               since: int | None, until: int | None, directed: bool, asked: list[str] | None,
               bibtex: Path | None) -> None:  # fmt: skip
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from casus.history.citations import cite, sources

    if system not in ("cow", "gw"):
        raise typer.BadParameter(f"{system!r}: cow or gw", param_hint="--system")
    for path, hint in ((out_path, "--out"), *(((bibtex, "--bibtex"),) if bibtex else ())):
        if hint == "--out" and path.suffix not in (".csv", ".parquet"):
            raise typer.BadParameter(f"{path}: write .csv or .parquet", param_hint=hint)
        if not path.parent.is_dir():
            raise typer.BadParameter(f"{path}: folder {path.parent} does not exist", param_hint=hint)
    chosen = _choices(kind, asked)
    kinds = _needed(kind, system, chosen)
    tables, _ = _tables(data, files=files, kinds=kinds)
    if missing := [k for k in kinds if k not in tables]:
        where = "put it in the data folder (named as the data README says) or give --file KIND=PATH"
        raise typer.BadParameter(f"no file for {', '.join(missing)}: {where}", param_hint="--data / --file")
    with Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=err,
                  transient=True) as bar:  # fmt: skip
        task = bar.add_task("building the table", total=len(chosen) + 2)

        def step(what: str) -> None:
            bar.update(task, advance=1, description=f"added {what}")

        try:
            frame = _build(kind, system, chosen, tables, since, until, directed, step)
        except ValueError as e:
            hint = "--since / --until" if "since" in str(e) else "--add"
            raise typer.BadParameter(str(e), param_hint=hint) from None
        bar.update(task, description=f"writing {out_path}")
        _write(frame, out_path)
        step("written")
    if bibtex is not None:
        bibtex.write_text(cite(frame) + "\n", encoding="utf-8")
    years = f"{frame.year.min()}-{frame.year.max()}" if len(frame) else "no years"
    what = (
        "state-years" if kind == "state_year" else f"dyad-years, {'directed' if directed else 'undirected'}"
    )
    out.print(f"{len(frame):,} {what} ({system.upper()}, {years}) written to {out_path}")
    out.print("columns: " + ", ".join(map(str, frame.columns)))
    out.print("Data: " + "; ".join(sources(frame)))
    out.print(f"BibTeX of every source: {bibtex}" if bibtex else "BibTeX of every source: --bibtex FILE")


@data_app.command("dyads")
def data_dyads_cmd(
    out_path: OutOption,
    data: DataOption = None,
    files: FileOption = None,
    system: SystemOption = "cow",
    since: SinceOption = None,
    until: UntilOption = None,
    undirected: Annotated[
        bool, typer.Option("--undirected", help="Each pair once (code1 < code2) instead of both ways.")
    ] = False,
    add: Annotated[list[str] | None, _add_option("dyad_year")] = None,
    bibtex: BibOption = None,
) -> None:
    """A dyad-year table: every pair of states in the system in the same year (pairs that never shared
    a day of it left out, as peacesciencer), with each added source's columns."""
    _table_cmd("dyad_year", out_path, data, files, system, since, until, not undirected, add, bibtex)


@data_app.command("states")
def data_states_cmd(
    out_path: OutOption,
    data: DataOption = None,
    files: FileOption = None,
    system: SystemOption = "cow",
    since: SinceOption = None,
    until: UntilOption = None,
    add: Annotated[list[str] | None, _add_option("state_year")] = None,
    bibtex: BibOption = None,
) -> None:
    """A state-year table: every state in the system each year it was in it on at least one day, with
    each added source's columns."""
    _table_cmd("state_year", out_path, data, files, system, since, until, True, add, bibtex)
