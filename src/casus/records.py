"""JSON-ready records of states, treaties and the alliance network at a date.

Shared by the command line's `--json` output and the service's API, so both say the same thing.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from casus.model import State
from casus.world import StateRegistry, TreatyAt, World, load_states

__all__ = ["EDGE_TYPES", "map_places", "network_at", "state_record", "treaty_record", "treaty_row"]

# Obligation types, strongest first (the order filters and legends use).
EDGE_TYPES = ("defense", "offense", "consultation", "neutrality", "non_aggression", "non_assistance")


def state_record(s: State, on: dt.date) -> dict[str, Any]:
    """A state as JSON, with date-dependent facts resolved."""
    rec = s.model_dump(mode="json", exclude_none=True)
    rec["exists"] = s.exists_on(on)
    rec["nuclear_armed"] = s.nuclear_on(on)
    cow = s.cow_on(on)
    rec["cow_on_date"] = cow.model_dump(mode="json", exclude_none=True) if cow else None
    return rec


def treaty_row(ta: TreatyAt) -> dict[str, Any]:
    """One line of a treaty listing: dates, status and parties on the date, provision types."""
    t = ta.treaty
    return {
        "id": t.id,
        "short_name": t.short_name,
        "kind": t.kind.value,
        "binding": t.binding,
        "status": ta.status,
        "signed": t.signed.isoformat(),
        "in_force": t.in_force.isoformat() if t.in_force else None,
        "ended": t.ended.isoformat() if t.ended else None,
        "parties": ta.parties,
        "suspensions": [s.model_dump(mode="json") for s in ta.suspensions],
        "types": sorted({p.type.value for p in t.provisions}),
    }


def treaty_record(ta: TreatyAt) -> dict[str, Any]:
    """A whole treaty (every provision with its text and source) and how it stood on the date."""
    rec = ta.treaty.model_dump(mode="json", by_alias=True)
    rec["on"] = {
        "date": ta.on.isoformat(),
        "status": ta.status,
        "parties": ta.parties,
        "unverified": sorted(ta.unverified),  # parties on the date whose membership is not verified
        "suspensions": [s.model_dump(mode="json") for s in ta.suspensions],
    }
    return rec


# ISO 3166-1 alpha-3 codes with their numeric codes (as in the ISO 3166 Maintenance Agency's list),
# the ids of the country polygons in Natural Earth and world-atlas.
_ISO_CODES = """
    ABW533 AFG004 AGO024 AIA660 ALA248 ALB008 AND020 ARE784 ARG032 ARM051 ASM016 ATA010 ATF260
    ATG028 AUS036 AUT040 AZE031 BDI108 BEL056 BEN204 BES535 BFA854 BGD050 BGR100 BHR048 BHS044
    BIH070 BLM652 BLR112 BLZ084 BMU060 BOL068 BRA076 BRB052 BRN096 BTN064 BVT074 BWA072 CAF140
    CAN124 CCK166 CHE756 CHL152 CHN156 CIV384 CMR120 COD180 COG178 COK184 COL170 COM174 CPV132
    CRI188 CUB192 CUW531 CXR162 CYM136 CYP196 CZE203 DEU276 DJI262 DMA212 DNK208 DOM214 DZA012
    ECU218 EGY818 ERI232 ESH732 ESP724 EST233 ETH231 FIN246 FJI242 FLK238 FRA250 FRO234 FSM583
    GAB266 GBR826 GEO268 GGY831 GHA288 GIB292 GIN324 GLP312 GMB270 GNB624 GNQ226 GRC300 GRD308
    GRL304 GTM320 GUF254 GUM316 GUY328 HKG344 HMD334 HND340 HRV191 HTI332 HUN348 IDN360 IMN833
    IND356 IOT086 IRL372 IRN364 IRQ368 ISL352 ISR376 ITA380 JAM388 JEY832 JOR400 JPN392 KAZ398
    KEN404 KGZ417 KHM116 KIR296 KNA659 KOR410 KWT414 LAO418 LBN422 LBR430 LBY434 LCA662 LIE438
    LKA144 LSO426 LTU440 LUX442 LVA428 MAC446 MAF663 MAR504 MCO492 MDA498 MDG450 MDV462 MEX484
    MHL584 MKD807 MLI466 MLT470 MMR104 MNE499 MNG496 MNP580 MOZ508 MRT478 MSR500 MTQ474 MUS480
    MWI454 MYS458 MYT175 NAM516 NCL540 NER562 NFK574 NGA566 NIC558 NIU570 NLD528 NOR578 NPL524
    NRU520 NZL554 OMN512 PAK586 PAN591 PCN612 PER604 PHL608 PLW585 PNG598 POL616 PRI630 PRK408
    PRT620 PRY600 PSE275 PYF258 QAT634 REU638 ROU642 RUS643 RWA646 SAU682 SDN729 SEN686 SGP702
    SGS239 SHN654 SJM744 SLB090 SLE694 SLV222 SMR674 SOM706 SPM666 SRB688 SSD728 STP678 SUR740
    SVK703 SVN705 SWE752 SWZ748 SXM534 SYC690 SYR760 TCA796 TCD148 TGO768 THA764 TJK762 TKL772
    TKM795 TLS626 TON776 TTO780 TUN788 TUR792 TUV798 TWN158 TZA834 UGA800 UKR804 UMI581 URY858
    USA840 UZB860 VAT336 VCT670 VEN862 VGB092 VIR850 VNM704 VUT548 WLF876 WSM882 YEM887 ZAF710
    ZMB894 ZWE716
"""
_ISO_NUMERIC = {c[:3]: c[3:] for c in _ISO_CODES.split()}
# Territories Natural Earth draws apart from the state that governs them.
_DEPENDENCIES = {"DNK": ("GRL",), "USA": ("PRI",), "FRA": ("NCL", "ATF"), "GBR": ("FLK",)}
# Natural Earth polygons with no ISO numeric code, by their name there, drawn with the state
# whose territory they are in casus's data (Kosovo) or by UN resolutions (the other two).
_UNNUMBERED = {"XKX": ("Kosovo",), "CYP": ("N. Cyprus",), "SOM": ("Somaliland",)}


@lru_cache(maxsize=1)
def _bundled_states() -> StateRegistry:
    return load_states()


def _cow_codes(s: State) -> set[int]:
    return {c.code for c in (s.cow, *s.former_cow) if c is not None and c.code is not None}


def _modern(s: State, on: dt.date, registry: StateRegistry) -> State | None:
    """The bundled state a state is, or None; a historical world's by COW code.

    Before the bundled states with a COW code existed, one with a map polygon of its own stands
    for it (Russia, not the Soviet Union, for the Russia of 1914).
    """
    cow = s.cow_on(on)
    code = cow.code if cow is not None else None
    same = registry.states.get(s.id)
    if same is not None and (code is None or (same.exists_on(on) and code in _cow_codes(same))):
        return same
    if code is None:
        return None
    found = registry.by_cow_code(code, on)
    if found is None or found.exists_on(on):
        return found
    coded = [r for r in registry if code in _cow_codes(r) and r.id in _ISO_NUMERIC]
    return min(coded, key=lambda r: r.start) if coded else found


def _polygons(iso3: str) -> list[str]:
    """A state's own map polygons: its ISO numeric code, its dependencies', unnumbered ones by name."""
    own = [_ISO_NUMERIC[c] for c in (iso3, *_DEPENDENCIES.get(iso3, ())) if c in _ISO_NUMERIC]
    return own + list(_UNNUMBERED.get(iso3, ()))


def _capital(ccode: int, year: int) -> tuple[float, float] | None:
    """The capital in the year, else in the nearest year within ten (COW's dates can lag a state's)."""
    from casus.capitals import capital  # here: capitals needs numpy, which listing treaties does not

    years = sorted(range(year - 10, year + 11), key=lambda y: (abs(y - year), y))
    return next((c for y in years if (c := capital(ccode, y)) is not None), None)


def map_places(
    states: list[State], on: dt.date, registry: StateRegistry | None = None
) -> dict[str, dict[str, Any]]:
    """Where to draw each state on a world map of the date, by state id.

    `iso_n3`: the ISO 3166-1 numeric code of the state (of its bundled counterpart, found by COW
    code, in a historical world), or None. `map_ids`: the Natural Earth polygons it fills, by
    numeric code (or name, for the few without one): its own, its dependencies', and for a state
    with none of its own (the Soviet Union, Yugoslavia) its successors' not held by another state
    on the date. `point`: [longitude, latitude] of its capital in the date's year, or None.
    """
    registry = registry if registry is not None else _bundled_states()
    modern = {s.id: _modern(s, on, registry) for s in states}
    own = {sid: _polygons(m.id) if m is not None else [] for sid, m in modern.items()}
    held = {p for ps in own.values() for p in ps}
    out: dict[str, dict[str, Any]] = {}
    for s in states:
        m, ids = modern[s.id], own[s.id]
        if m is not None and m.id not in _ISO_NUMERIC:
            todo, seen = list(m.successors), {m.id}
            while todo:
                sid = todo.pop(0)
                if sid in seen:
                    continue
                seen.add(sid)
                ids += [p for p in _polygons(sid) if p not in held and p not in ids]
                nxt = registry.states.get(sid)
                if nxt is not None and sid not in _ISO_NUMERIC:
                    todo += nxt.successors
            held.update(ids)
        cow = s.cow_on(on)
        where = _capital(cow.code, on.year) if cow is not None and cow.code is not None else None
        out[s.id] = {
            "iso_n3": _ISO_NUMERIC.get(m.id) if m is not None else None,
            "map_ids": ids,
            "point": [where[1], where[0]] if where else None,
        }
    return out


def network_at(world: World, on: dt.date) -> dict[str, Any]:
    """States existing on a date and the obligations between them as typed, directed edges.

    One edge per (treaty, provision type, obligor, beneficiary) among the treaty's parties on the
    date; a directed provision runs from its obligors to its beneficiaries, a mutual one both ways.
    Treaties merely signed are included and marked, ended ones are not. Each node also says where
    to draw the state on a world map (`map_places`).
    """
    w = world.at(on)
    states = w.states
    places = map_places(states, on)
    nodes = [{"id": s.id, "name": s.name, "region": s.region, "nuclear": s.nuclear_on(on)} | places[s.id]
             for s in states]  # fmt: skip
    edges: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for ta in w.treaties():
        parties = set(ta.parties)
        for p in ta.treaty.provisions:
            kind = p.type.value
            if p.direction.value == "directed":
                pairs = [(a, b) for a in p.obligors for b in p.beneficiaries if a in parties and b in parties]
            else:
                pairs = [(a, b) for a in parties for b in parties if a != b]
            for a, b in pairs:
                key = (ta.treaty.id, kind, a, b)
                edges.setdefault(key, {
                    "source": a, "target": b, "type": kind, "treaty": ta.treaty.id,
                    "article": p.article, "status": ta.status,
                })  # fmt: skip
    return {"date": on.isoformat(), "nodes": nodes, "edges": sorted(edges.values(), key=_edge_order)}


def _edge_order(e: dict[str, Any]) -> tuple[str, str, str, str]:
    return (e["treaty"], e["type"], e["source"], e["target"])
