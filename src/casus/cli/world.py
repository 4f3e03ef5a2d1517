"""casus states and casus treaties: the registry and the treaty library at a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from casus.cli.common import (
    AtOption,
    JsonOption,
    TreatyAtOption,
    YearWorldOption,
    _date,
    _emit_json,
    _world,
    _world_on,
    app,
    out,
    treaties_app,
)
from casus.compare import compare, describe_conditions
from casus.model import State
from casus.records import state_record, treaty_record, treaty_row
from casus.world import TreatyAt, World


@app.command("states")
def states_cmd(
    ids: Annotated[
        list[str] | None,
        typer.Argument(help="Show these states in full (ISO3, COW code or abbreviation, or name)."),
    ] = None,
    at: AtOption = None,
    region: Annotated[
        str | None, typer.Option("--region", help="Only states in this region (e.g. Europe).")
    ] = None,
    as_json: JsonOption = False,
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


@treaties_app.command("list")
def treaties_list(
    at: AtOption = None,
    party: Annotated[
        str | None,
        typer.Option("--party", help="Only treaties this state (ISO3) belongs to on the date."),
    ] = None,
    include_ended: Annotated[
        bool, typer.Option("--all", help="Include treaties not yet signed or already ended.")
    ] = False,
    as_json: JsonOption = False,
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


def _print_parties(ta: TreatyAt, on: dt.date) -> None:
    """Status and parties on the date, a party whose membership is not verified marked '?'."""
    names = [f"{p}?" if p in ta.unverified else p for p in ta.parties]
    out.print(f"on {on}: [bold]{ta.status.replace('_', ' ')}[/bold]; parties: {', '.join(names) or 'none'}")
    if ta.unverified:
        out.print(
            f"  ? membership not verified ({', '.join(ta.unverified)}): no record of ratification or "
            "accession found; the engine reads these states' duties as open questions"
        )


@treaties_app.command("show")
def treaties_show(
    ident: Annotated[str, typer.Argument(help="Treaty id, e.g. ru-kp-2024.")],
    at: TreatyAtOption = None,
    as_json: JsonOption = False,
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
    _print_parties(ta, on)
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
        language = (p.text_source or t.source).language
        out.print(Text(f"“{p.text}” [{marker}{'' if language == 'en' else ', ' + language}]"))
        english = [x for x in p.renderings if x.source.language == "en"]
        if language != "en":  # the English beside the original: the first published renderings
            for x in english[:2]:
                kind = "verbatim" if x.verbatim else "paraphrase"
                out.print(Text(f"  English ({x.source.publisher}, {kind}): “{x.text}”"))
        if len(english) > (2 if language != "en" else 0):
            more = len(english) - (2 if language != "en" else 0)
            out.print(
                Text(
                    f"  ({more} more published English rendering(s): casus treaties show --json)", style="dim"
                )
            )
        for c in describe_conditions(p.conditions):
            out.print(f"  • {c}")
        for e in p.escape_clauses:
            out.print(f"  escape: {e}")
        for q in p.contested:
            out.print(f"  contested: {q.question}")
            for reading in q.readings:
                default = " (the default reading)" if reading.id == q.default else ""
                changes = (
                    ", ".join(f"{k} = {v}" for k, v in reading.overrides.items()) or "the coding as above"
                )
                held = f"; held by {reading.held_by}" if reading.held_by else ""
                out.print(Text(f"    - {reading.label}{default}: {changes}{held}"))
        if p.notes:
            out.print(Text("  " + p.notes, style="dim"))


def _english(e: dict[str, Any]) -> str:
    return f"\nEnglish ({e['publisher']}): “{e['text']}”"


@treaties_app.command("compare")
def treaties_compare(
    ids: Annotated[list[str], typer.Argument(help="Two or more treaty ids.")],
    at: TreatyAtOption = None,
    as_json: JsonOption = False,
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
            "contested readings",
            *[
                "\n".join(f"{i['article']}: {c['question']} Readings: " + "; ".join(c["readings"])
                           for i in items for c in i["contested"]) or "none"
                for items in provs
            ],
        )  # fmt: skip
        table.add_row(
            "text",
            *[
                "\n\n".join(
                    f"{i['article']}: “{i['text']}”"
                    + ("" if i["verbatim"] else " [paraphrase]")
                    + (
                        f"\nEnglish ({i['english']['publisher']}): “{i['english']['text']}”"
                        if i["english"]
                        else ""
                    )
                    for i in items
                )
                or "—"
                for items in provs
            ],
        )
        out.print(table)
