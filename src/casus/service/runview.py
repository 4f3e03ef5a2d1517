"""What the run pages show besides the run's JSON: the question in words, the names behind the
ids (states, treaties, contested readings, the articles' languages and English renderings), and
the HTML report of a finished run, made servable under the service's content security policy."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from casus.world import World

KIND_WORDS = {
    "armed_attack": "attacks",
    "strike_on_territory": "strikes the territory of",
    "attack_on_forces": "attacks the forces of",
    "imminent_threat": "threatens an imminent attack on",
    "declaration_of_war": "declares war on",
}
ASSET_WORDS = {"territory": "its territory", "armed_forces": "its armed forces",
               "public_vessel": "a public vessel", "aircraft": "an aircraft"}  # fmt: skip
INTENSITY_WORDS = {"threat": "a threat of force", "display": "a display of force",
                   "use_of_force": "a use of force short of war", "war": "war"}  # fmt: skip
LANGUAGES = {"ar": "Arabic", "de": "German", "en": "English", "es": "Spanish", "fr": "French",
             "hy": "Armenian", "ja": "Japanese", "ko": "Korean", "pt": "Portuguese", "ru": "Russian",
             "tr": "Turkish", "vi": "Vietnamese", "zh": "Chinese", "uk": "Ukrainian", "it": "Italian",
             "pl": "Polish"}  # fmt: skip
SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>')


def when(t: dt.datetime | str | None) -> str:
    """A time as people read it: '3 Jun 2025, 14:05 UTC' (no microseconds, no ISO 'T')."""
    if t is None:
        return ""
    if isinstance(t, str):
        t = dt.datetime.fromisoformat(t)
    if t.tzinfo is not None:
        t = t.astimezone(dt.UTC)
    return f"{t.day} {t:%b %Y, %H:%M} UTC"


def duration(start: dt.datetime | None, end: dt.datetime | None) -> str:
    """How long a run took: '4.2 s', '3 min 5 s'."""
    if start is None or end is None:
        return ""
    s = (end - start).total_seconds()
    return f"{s:.1f} s" if s < 60 else f"{int(s // 60)} min {int(s % 60)} s"


def state_name(world: World, ident: str, on: dt.date | None = None) -> str:
    """A state's name, or the id itself when the world does not know it (a non-state actor)."""
    try:
        st = world.states.find(ident, on) if on is not None else None
        return (st or world.states.get(ident)).name
    except Exception:
        return ident


def event_words(world: World, ev: dict[str, Any], on: dt.date | None) -> dict[str, Any]:
    """One event of a scenario (as data) in words, with its attributes as a list of facts."""
    attrs = ev.get("attributes") or {}
    loc = ev.get("location") or {}
    actor = str(ev.get("actor", "?"))
    state_actor = attrs.get("state_actor", True) is not False
    actor_name = state_name(world, actor, on) if state_actor else f"{actor} (not a state)"
    target = str(ev.get("target", "?"))
    where = []
    if loc.get("place"):
        where.append(str(loc["place"]))
    if loc.get("state"):
        where.append(state_name(world, str(loc["state"]), on))
    if loc.get("high_seas"):
        where.append("on the high seas")
    facts = []
    if attrs.get("flag"):
        facts.append(f"flag: {state_name(world, str(attrs['flag']), on)}")
    if attrs.get("weapons_supplied_by"):
        names = ", ".join(state_name(world, str(s), on) for s in attrs["weapons_supplied_by"])
        facts.append(f"weapons supplied by {names}")
    if attrs.get("target_asset") and attrs["target_asset"] != "territory":
        facts.append(f"what was hit: {ASSET_WORDS.get(attrs['target_asset'], attrs['target_asset'])}")
    if attrs.get("provoked") is not None:
        facts.append("provoked" if attrs["provoked"] else "unprovoked")
    if attrs.get("request_for_assistance") is not None:
        facts.append(
            "assistance requested" if attrs["request_for_assistance"] else "no request for assistance"
        )
    if attrs.get("description"):
        facts.append(str(attrs["description"]))
    return {
        "id": ev.get("id", ""),
        "date": ev.get("date") or "",
        "sentence": f"{actor_name} {KIND_WORDS.get(str(ev.get('kind')), str(ev.get('kind')))} "
        f"{state_name(world, target, on)}",
        "where": ", ".join(where),
        "facts": facts,
    }


def assumption_words(world: World, data: dict[str, Any], on: dt.date | None) -> list[str]:
    """A scenario's assumptions in words, every one of them (defaults included, so nothing is hidden)."""
    a = data.get("assumptions") or {}

    def yes(v: object) -> str:
        return "yes" if v else "no"

    out = [
        f"weapon suppliers count as co-belligerents: {yes(a.get('suppliers_are_cobelligerents', False))}",
        f"treaties signed but not in force are honoured: {yes(a.get('honour_signed_not_in_force', False))}",
        f"nuclear deterrence shapes who joins: {yes(a.get('nuclear_deterrence', True))}",
    ]
    if a.get("at_war"):
        out.append("in a state of war: " + ", ".join(state_name(world, str(s), on) for s in a["at_war"]))
    for key, reading in (a.get("readings") or {}).items():
        out.append(f"reading of {key}: {reading}")
    for sid, ov in (a.get("overrides") or {}).items():
        bits = []
        if isinstance(ov, dict):
            if ov.get("fights") is False:
                bits.append("does not fight")
            if ov.get("reliability") is not None:
                bits.append(f"honours its obligations with probability {ov['reliability']}")
            if ov.get("supports"):
                bits.append(f"supplies {state_name(world, str(ov['supports']), on)}")
            if ov.get("at_war_on"):
                bits.append(f"at war from the start on side {str(ov['at_war_on']).upper()}")
            if ov.get("note"):
                bits.append(f"({ov['note']})")
        out.append(f"{state_name(world, str(sid), on)}: {'; '.join(bits) or 'no change'}")
    return out


def question(world: World, data: dict[str, Any]) -> dict[str, Any]:
    """A run's scenario (as stored) in words: what the run asks."""
    try:
        on: dt.date | None = dt.date.fromisoformat(str(data.get("date")))
    except ValueError:
        on = None
    sim = data.get("simulation") or {}
    level = sim.get("intensity")
    implied = _implied(data)
    return {
        "description": data.get("description") or "",
        "date": on.strftime("%-d %B %Y") if on else str(data.get("date", "")),
        "world": "historical world of the year (ATOP, COW)" if data.get("world") == "history" else "",
        "events": [event_words(world, e, on) for e in data.get("events") or [] if isinstance(e, dict)],
        "assumptions": assumption_words(world, data, on),
        "intensity": f"{INTENSITY_WORDS.get(level, level)} (set in the scenario)" if level
        else f"{INTENSITY_WORDS.get(implied, 'what the events imply')} (what the events imply)",
    }  # fmt: skip


def _implied(data: dict[str, Any]) -> str:
    """The intensity a scenario's events imply (the highest of their kinds'), or '' when unclear."""
    from casus.model.scenario import EVENT_INTENSITY, EventKind

    levels = []
    for e in data.get("events") or []:
        try:
            levels.append(EVENT_INTENSITY[EventKind(e.get("kind"))])
        except (ValueError, AttributeError):
            continue
    return max(levels, key=lambda i: i.hostlev).value if levels else ""


def language_of(treaty: Any, provision: Any) -> str:
    """The language of a provision's quoted text: its source's (its own, else the treaty's), except
    that a named translation or a paraphrase is given in English whatever its source's language."""
    src = provision.text_source or treaty.source
    if src.translation or not provision.verbatim:
        return "en"
    return str(src.language)


def source_language(treaty: Any, provision: Any) -> str:
    """The language of the publication a provision's text was taken or translated from."""
    return str((provision.text_source or treaty.source).language)


def glossary(world: World, result: dict[str, Any] | None, on: dt.date | None) -> dict[str, Any]:
    """The names behind a result's ids: states, treaties, contested readings and the articles quoted
    (language of the original, English renderings), for the run page to print words, not ids."""
    states: dict[str, str] = {}
    day = on or dt.date.today()
    for s in world.states.existing_on(day):
        states[s.id] = s.name
    out: dict[str, Any] = {
        "states": states,
        "treaties": {},
        "readings": {},
        "provisions": {},
        "languages": LANGUAGES,
        "complete": bool(result),  # false while the run computes: the page asks again when it is done
    }
    if not result:
        return out
    sim = result.get("simulation") or {}
    for s in sim.get("states", []):
        states.setdefault(s["state"], s["name"])
    wanted: set[str] = {o["treaty"] for o in result.get("obligations", [])}
    reading_keys = [
        s["change"].split(":")[0] for s in sim.get("sensitivity", []) if s.get("kind") == "reading"
    ]
    wanted |= {k.split("/")[0] for k in reading_keys}
    for p in sim.get("paths", []):
        for step in p.get("steps", []):
            wanted |= {w for w in re.findall(r"[\w-]+", step.get("via", "")) if w in world.treaties}
    for tid in sorted(wanted):
        t = world.treaties.get(tid)
        if t is None:
            continue
        out["treaties"][tid] = {"name": t.short_name, "title": t.title}
        for p in t.provisions:
            lang = language_of(t, p)
            english = [{"text": r.text, "source": r.source.title, "url": r.source.url} for r in p.renderings
                       if r.source.language == "en"]  # fmt: skip
            out["provisions"][f"{tid}|{p.article}"] = {
                "language": lang, "from": source_language(t, p), "english": english,
            }  # fmt: skip
            for q in p.contested:
                out["readings"][f"{tid}/{p.article}/{q.id}"] = {
                    "question": q.question,
                    "readings": {r.id: r.label for r in q.readings},
                }
    return out


def report_html(world: World, result: dict[str, Any]) -> str:
    """The HTML report `casus run --report` writes, from a finished run's stored result (the same
    obligations and simulation, not run again)."""
    from casus.model import Scenario
    from casus.obligations import ObligationResult
    from casus.report import render_report
    from casus.simulation import SimulationResult

    scenario = Scenario.model_validate(result["scenario"])
    obligations = [ObligationResult.model_validate(o) for o in result.get("obligations", [])]
    sim = SimulationResult.model_validate(result["simulation"]) if result.get("simulation") else None
    return render_report(scenario, obligations, world, sim)


def servable(html: str, base: str) -> tuple[str, list[str]]:
    """The report with its inline scripts moved to URLs under `base` (the service's policy allows
    only scripts of its own origin) and its own meta policy removed (the service's header applies);
    (page, scripts). The plotly.js library maps to the copy the service already serves."""
    from casus.charts import plotly_script

    scripts: list[str] = []
    library = plotly_script()

    def move(m: re.Match[str]) -> str:
        if m.group(1) == library:
            return '<script src="/static/plotly.min.js"></script>'
        scripts.append(m.group(1))
        return f'<script src="{base}/{len(scripts) - 1}.js"></script>'

    page = SCRIPT.sub(move, META_CSP.sub("", html, count=1))
    return page, scripts
