"""How the command line shows results: a run answer first, a backtest's tables, a reading.

Everything here writes to the terminal (Rich); the JSON of each result is the result's own
(`RunResult.to_json`, `BacktestRun.summary`, `Reading.to_json`)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from functools import partial
from typing import Any

from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from casus.cli.common import out
from casus.world import World

NO_OBJECT = "(no one named)"  # a claim whose relation names no one acted on (an alliance consulting its own)


def _cut(text: str, width: int) -> str:
    """One line of at most `width` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: max(1, width - 1)].rsplit(" ", 1)[0].rstrip(",;:") + "…"


TOP_STATES = 10


TOP_PATHS = 5


TOP_SENSITIVITY = 6


def print_simulation(sim: Any) -> None:
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


def print_run(scenario: Any, results: list[Any], show_all: bool, detail: bool, world: World) -> None:
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


_METRIC_DIGITS = (("auc", 3), ("average_precision", 4), ("brier", 5), ("recall_at_10", 3))


def _with_band(value: float, band: list[float] | None, digits: int, signed: bool = False) -> str:
    """A score, with its interval on a second, dim line when there is one."""
    sign = "+" if signed else ""
    text = f"{value:{sign}.{digits}f}"
    if band is None:
        return text
    return text + f"\n[dim]{band[0]:{sign}.{digits}f} to {band[1]:{sign}.{digits}f}[/dim]"


def print_backtest(result: dict[str, Any]) -> None:
    """A backtest's scores: the cascade and the baselines, the leads with their intervals, by level,
    and whether the war spreads."""
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


def _hanging(line: str, indent: str = "      ", style: str = "") -> None:
    """A line that wraps under its own start ("  claim: ..." continued six spaces in), not at the
    margin."""
    head = len(line) - len(line.lstrip(" "))
    more = indent[head:] if len(indent) > head else ""
    width = max(40, out.width) - head
    # an address or a long name is never cut
    wrapper = textwrap.TextWrapper(
        width, subsequent_indent=more, break_long_words=False, break_on_hyphens=False
    )
    wrapped = wrapper.wrap(line.strip())
    for part in wrapped or [""]:
        out.print(Text(" " * head + part, style=style), soft_wrap=True)


# where the date that decides office-holders and names came from
_DATED = {"option": "from --date", "document": "the article's date", "today": "today: the article gives none"}


def _provisions(links: list[Any]) -> list[tuple[Any, int]]:
    """Each provision once, with its best link (by wording before by reference) and how many
    sentences link to it, in the order first linked."""
    best: dict[tuple[str, str], Any] = {}
    count: dict[tuple[str, str], int] = {}
    for link in links:
        key = (link.treaty, link.article)
        count[key] = count.get(key, 0) + 1
        held = best.get(key)
        if held is None or (link.score or -1.0) > (held.score or -1.0):
            best[key] = link
    return [(best[k], count[k]) for k in count]


def print_reading(reading: Any) -> None:
    """Each article's actors, claims, quotations and flags; then the comparison, if asked."""
    readings = reading.articles
    for r in readings:
        _hanging(f"{r.title or r.source}", indent="  ", style="bold")
        removed = f" · {r.removed_lines} boilerplate line(s) removed" if r.removed_lines else ""
        dated = _DATED[r.date_from]
        _hanging(f"  {r.source} · {r.date} ({dated}) · {r.words} words{removed}", indent="    ")
        if r.actors:
            # a no-break space keeps each count with its id when the line wraps
            counts = ", ".join(f"{a.id}\u00a0×{a.mentions}" for a in r.actors)
            _hanging(f"  actors: {counts}", indent="          ")
        # one line per claim of a sentence, its sources together ("per KOR, USA")
        lines: dict[tuple[Any, ...], list[str]] = {}
        sure: dict[tuple[Any, ...], float] = {}
        named_by: dict[tuple[Any, ...], str] = {}
        for c in r.claims:
            a = c.attribution
            who = (a.who or a.kind) + (f" via {a.via}" if a.via and a.via != "author" else "")
            key = (
                c.text,
                c.subject,
                c.relation,
                c.object,
                c.polarity,
                tuple(c.hedges),
                c.conditional,
                c.offered,
            )
            if who not in lines.setdefault(key, []):
                lines[key].append(who)
            if c.confidence is not None:  # the line stands for its likeliest reading
                sure[key] = max(sure.get(key, 0.0), c.confidence)
            if c.trigger:
                named_by.setdefault(key, c.trigger)
        for key, whos in lines.items():
            _, subject, relation, obj, polarity, hedges, conditional, offered = key
            neg = "NOT " if polarity == "negative" else ""
            hedge = f" [hedged: {', '.join(hedges)}]" if hedges else ""
            kind = {"threaten": "a threat", "assist_militarily": "a pledge"}.get(relation, "said")
            cond = f" [conditional: {kind} for the case it names]" if conditional else ""
            cond = " [conditional: help offered, for when it is taken up]" if offered else cond
            per = (f"“{named_by[key]}”, " if key in named_by else "") + "per " + ", ".join(whos)
            conf = f" · confidence {sure[key]:.2f}" if key in sure else ""
            _hanging(
                f"  claim: {subject or '?'} {neg}{relation} {obj or NO_OBJECT} ({per}){cond}{hedge}{conf}"
            )
        if r.claims_left_out:
            _hanging(
                f"  ({r.claims_left_out} claim(s) under confidence {r.min_confidence:.2f} left out)",
                style="dim",
            )
        for link, n in _provisions(r.provisions):
            how = "by reference, not by wording" if link.score is None else f"wording score {link.score:.2f}"
            via = f", as rendered by {link.rendering}" if link.rendering else ""
            times = f"; {n} sentences" if n > 1 else ""
            _hanging(f"  {link.treaty} {link.article} ({how}{via}{times})")
        for f in r.flags:
            _hanging(f"  FLAG {f.kind}: “{f.span}” — {f.detail}", style="yellow")
    if any(c.confidence is not None for r in readings for c in r.claims) or any(
        r.claims_left_out for r in readings
    ):
        note = reading.confidence_note()
        coders = sorted({r.coder for r in readings})
        on = note["fitted_on"]
        fitted = "; ".join(f"{on[c]['claims']:,} claims of the {c} coder on {on[c]['articles']:,} articles"
                           for c in coders if c in on)  # fmt: skip
        cut = (f" Claims under {reading.min_confidence:.2f} are left out (--min-confidence 0 keeps them)."
               if reading.min_confidence else "")  # fmt: skip
        _hanging(f"Confidence: {note['meaning']} ({note['model']}, fitted on {fitted}).{cut}", style="dim")
    if reading.comparison is not None:
        _print_comparison(reading.comparison)


def _print_comparison(cmp: dict[str, Any]) -> None:
    """Copies, then events and provisions on which independent sources agree or contradict; each
    line wraps under its own start."""
    out.print(Text("Comparison", style="bold"))
    for g in cmp["copies"]:
        for c in g["copies"]:
            _hanging(f"  copy ({c['kind']}): {c['source']} of {g['original']}", indent="    ")
            for f in c["flags"]:
                _hanging(f"    FLAG spun_copy: “{_cut(f['span'], 70)}”", style="yellow")
    for row in cmp["events"]:
        _hanging(f"  {' & '.join(row['actors'])} {row['relation']}: {row['verdict']} "
                 f"({row['sources']} independent sources)", indent="    ")  # fmt: skip
        shown = set()
        for st in row["statements"]:  # a sentence that carries the claim for two sources, once
            sure = f", confidence {st['confidence']:.2f}" if st.get("confidence") is not None else ""
            line = f"    {st['polarity']}, {st['modality']}{sure} — {st['source']}: “{_cut(st['text'], 90)}”"
            if line not in shown:
                shown.add(line)
                _hanging(line)
    for row in cmp["provisions"]:
        head = f"  {row['treaty']} {row['article']}: {row['verdict']}"
        _hanging(f"{head} ({row['sources']} independent sources)", indent="    ")
        for st in row["statements"]:
            _hanging(f"    {st['stance']} — {st['source']}: “{_cut(st['text'], 90)}”")


def print_gold(results: dict[str, dict[str, Any]]) -> None:
    """The reader's scores on each gold file, one column per file."""
    table = Table(title="the reader against hand-annotated articles")
    table.add_column("")
    for path in results:
        table.add_column(_cut(path.rsplit("/", 1)[-1], 24), justify="right")

    def f(v: float | None) -> str:
        return "—" if v is None else f"{v:.2f}"

    rows: list[tuple[str, Callable[[dict[str, Any]], str]]] = [
            ("articles (outlets)", lambda r: f"{r['articles']} ({r['outlets']})"),
            ("claims found / annotated", lambda r: f"{r['claims_found']} / {r['claims_gold']}")]  # fmt: skip
    labels = {"precision": "claim precision", "recall": "claim recall",
              "attribution_accuracy": "attribution (claims found)", "hedge_accuracy": "hedges (claims found)",
              "link_precision": "treaty-link precision", "link_recall": "treaty-link recall"}  # fmt: skip
    for key, label in labels.items():
        rows.append((label, partial(lambda r, k: f(r[k]), k=key)))
    rows.append(("attacks coded from mutual-defence wording", lambda r: str(r["mutual_defence_attacks"])))
    for label, get in rows:
        table.add_row(label, *(get(r) for r in results.values()))
    out.print(table)


def print_coverage(result: Any, show_all: bool = False) -> None:
    """The coverage headline, what ended, and what is missing grouped by state."""
    from collections import defaultdict

    out.print(Text(f"ATOP {result.atop_year}: {result.pairs:,} pairs of states bound by a defence or offence "
                   f"obligation", style="bold"))  # fmt: skip
    out.print(f"covered by the bundled library on {result.on}: {len(result.covered):,}; ended since: "
              f"{len(result.ended):,}; missing: {len(result.missing):,}")  # fmt: skip
    out.print(Text(f"share covered: {result.share_covered:.1%} (covered / (pairs - ended))", style="bold"))
    if result.unverified:
        out.print(f"of which {len(result.unverified):,} pairs rest on memberships not verified (read as open "
                  f"questions); verified alone: {result.share_verified:.1%}")  # fmt: skip
    if result.ended:
        out.print(Text("Ended since", style="bold"))
        for row in result.ended:
            why = row.get("treaty") or row.get("alliance")
            line = f"  {' - '.join(row['pair'])}: {row['ended']} ({why}; {row['source']})"
            out.print(Text(_cut(line, max(40, out.width))))
    if result.missing:
        by_state: dict[str, list[str]] = defaultdict(list)
        for row in result.missing:
            a, b = row["pair"]
            by_state[a].append(b)
            by_state[b].append(a)
        out.print(
            Text("Missing, by state (partners ATOP codes that the library does not bind)", style="bold")
        )
        for state, partners in sorted(by_state.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            out.print(_cut(f"  {state} ({len(partners)}): {', '.join(sorted(partners))}", max(40, out.width)))
        reasons = [r for r in result.missing if r.get("reason")]
        if reasons:
            out.print(Text("Missing with a reason", style="bold"))
            for row in reasons:
                out.print(Text(_cut(f"  {' - '.join(row['pair'])}: {row['reason']}", max(40, out.width))))
    if show_all:
        out.print(Text("Covered", style="bold"))
        for row in result.covered:
            out.print(f"  {' - '.join(row['pair'])}: {', '.join(row['treaties'])}")
