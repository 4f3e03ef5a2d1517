"""Casus foederis: which provisions an event triggers, for whom, and why.

Every provision of every treaty that engages an event's target (or, for non-aggression, its
actor) is checked condition by condition. Each check gives a reason in words; a failed check
makes the result `not_triggered`, an open one `contested`. Contested readings of a provision
are evaluated under every reading the scenario has not fixed: if the readings disagree, the
result is `contested` and the reasons say what each reading gives.
"""

from __future__ import annotations

from dataclasses import dataclass

from casus.binding import Check, flips_of, reading_combos, standing
from casus.model import (
    Automaticity,
    Conditions,
    Direction,
    Event,
    EventKind,
    ObligationType,
    Place,
    PlaceStatus,
    Provision,
    Scenario,
    ScopeClause,
    TargetAsset,
    TargetKind,
    Trigger,
)
from casus.verdicts import ObligationResult, ReadingOutcome, Status, results_json, summarise, to_frame
from casus.world import TreatyAt, World

__all__ = [
    "ASSET_TO_TARGET",
    "ATTACKS",
    "QUOTE_CHARS",
    "Check",
    "Engine",
    "ObligationResult",
    "ReadingOutcome",
    "Site",
    "Status",
    "casus_foederis",
    "resolve_site",
    "results_json",
    "summarise",
    "target_kind",
    "to_frame",
]


@dataclass(frozen=True)
class Site:
    """Where an event happened, resolved against the gazetteer and the registry."""

    label: str
    administered_by: str | None
    sovereign: str | None
    status: PlaceStatus
    areas: frozenset[str]
    island: bool


ATTACKS = (EventKind.ARMED_ATTACK, EventKind.STRIKE_ON_TERRITORY, EventKind.ATTACK_ON_FORCES)
ASSET_TO_TARGET = {
    TargetAsset.ARMED_FORCES: TargetKind.ARMED_FORCES,
    TargetAsset.PUBLIC_VESSEL: TargetKind.PUBLIC_VESSELS,
    TargetAsset.AIRCRAFT: TargetKind.AIRCRAFT,
}
QUOTE_CHARS = 320


def resolve_site(world: World, event: Event) -> Site:
    """Resolve an event's location to who holds it, who owns it, and which areas it lies in."""
    loc = event.location
    place: Place | None = world.find_place(loc.place) if loc.place else None
    areas: set[str] = {a.value for a in loc.areas}
    if loc.latitude is not None and loc.longitude is not None:
        from casus.geo import areas_at  # shapely loads only for events with coordinates

        areas |= set(areas_at(loc.latitude, loc.longitude))
    if place is not None:
        areas |= {a.value for a in place.areas}
        label = place.name + (f" ({place.administered_by})" if place.administered_by else " (high seas)")
        return Site(
            label,
            place.administered_by,
            place.sovereign,
            place.status,
            frozenset(areas),
            place.kind.value == "island",
        )
    if loc.high_seas:
        where = (
            f"the high seas at {loc.latitude:.2f}°, {loc.longitude:.2f}°"
            if loc.latitude is not None and loc.longitude is not None
            else "the high seas"
        )
        return Site(where, None, None, PlaceStatus.HIGH_SEAS, frozenset(areas), False)
    assert loc.state is not None  # the scenario model guarantees a state, a place or the high seas
    state = world.states.get(loc.state)
    areas |= {a.value for a in state.areas}
    label = (f"{loc.place}, " if loc.place else "") + f"{state.name} ({state.id})"
    return Site(label, state.id, state.id, PlaceStatus.TERRITORY, frozenset(areas), False)


def target_kind(event: Event) -> TargetKind | None:
    """What the attack hit, in the terms scope clauses use (None for non-attacks)."""
    asset = event.attributes.target_asset
    if event.kind is EventKind.ATTACK_ON_FORCES and asset is TargetAsset.TERRITORY:
        return TargetKind.ARMED_FORCES
    if asset in ASSET_TO_TARGET:
        return ASSET_TO_TARGET[asset]
    return TargetKind.TERRITORY


def _quote(text: str) -> str:
    t = " ".join(text.split())
    return t if len(t) <= QUOTE_CHARS else t[: QUOTE_CHARS - 1].rstrip() + "…"


def _names(ids: list[str] | str, parties: list[str]) -> list[str]:
    return parties if ids == "parties" else list(ids)


class Engine:
    """Evaluates scenarios against one world; deterministic for a given world and scenario."""

    def __init__(self, world: World) -> None:
        self.world = world

    # --- conditions ---------------------------------------------------------------------------

    def _trigger(self, p: Provision, event: Event, at_war: set[str]) -> Check:
        k = event.kind
        words = k.value.replace("_", " ")
        if p.trigger is Trigger.STANDING:
            return Check(True, "a standing obligation: it applies whatever happens")
        if p.trigger is Trigger.ARMED_ATTACK:
            if k in ATTACKS:
                return Check(True, f"the event ({words}) is an armed attack, the article's trigger")
            return Check(False, f"the event ({words}) is not an armed attack, which the article requires")
        if p.trigger in (Trigger.IMMINENT_THREAT, Trigger.THREAT):
            if k is EventKind.IMMINENT_THREAT:
                return Check(True, "an imminent threat of attack satisfies the trigger")
            return Check(True, f"the event ({words}) is at least the threat the article is about")
        if p.trigger is Trigger.STATE_OF_WAR:
            if event.target in at_war:
                return Check(True, f"{event.target} is in a state of war")
            return Check(False, f"no state of war involving {event.target} is established")
        raise AssertionError(p.trigger)  # pragma: no cover

    def _scope_clause(
        self, clause: ScopeClause, kind: TargetKind, site: Site, target: str, parties: list[str]
    ) -> Check:
        of = _names(clause.of, parties)
        if target not in of:
            return Check(False, f"it covers attacks on {', '.join(of)}, not on {target}")
        wanted = set(clause.what)
        if kind is TargetKind.TERRITORY:
            if site.status is PlaceStatus.HIGH_SEAS:
                return Check(False, "the high seas are no state's territory")
            if site.island:
                wanted_here = wanted & {
                    TargetKind.TERRITORY,
                    TargetKind.ADMINISTERED_TERRITORY,
                    TargetKind.ISLAND_TERRITORY,
                }
            else:
                wanted_here = wanted & {TargetKind.TERRITORY, TargetKind.ADMINISTERED_TERRITORY}
            if not wanted_here:
                return Check(False, f"it covers {', '.join(w.value for w in clause.what)}, not territory")
            if site.administered_by != target:
                return Check(False, f"{site.label} is not territory held by {target}")
            if site.sovereign != target and TargetKind.ADMINISTERED_TERRITORY not in wanted_here:
                if site.status is PlaceStatus.DISPUTED:
                    return Check(None, f"{site.label} is held by {target} but its sovereignty is disputed")
                return Check(
                    False,
                    f"{site.label} is held by {target} but not recognised as its territory "
                    f"({site.status.value})",
                )
        elif kind not in wanted:
            return Check(False, f"it covers {', '.join(w.value for w in clause.what)}, not {kind.value}")
        if clause.in_:
            areas = {a.value for a in clause.in_}
            if not (areas & site.areas):
                where = ", ".join(sorted(site.areas)) or "no treaty area"
                return Check(False, f"{site.label} lies in {where}, outside {', '.join(sorted(areas))}")
        if clause.within is not None:
            within = _names(clause.within, parties)
            if site.administered_by not in within:
                return Check(False, f"{site.label} is not territory administered by {', '.join(within)}")
        return Check(True, f"{site.label} is covered")

    def _scope(self, c: Conditions, event: Event, site: Site, parties: list[str]) -> Check:
        if c.scope is None:
            return Check(True, "no geographic limit")
        kind = target_kind(event)
        assert kind is not None
        results = [self._scope_clause(cl, kind, site, event.target, parties) for cl in c.scope.covers]
        for r in results:
            if r.ok:
                return Check(True, f"in scope ({c.scope.summary}): {r.reason}")
        for r in results:
            if r.ok is None:
                return Check(None, f"scope ({c.scope.summary}): {r.reason}")
        return Check(False, f"out of scope ({c.scope.summary}): " + "; ".join(r.reason for r in results))

    def _conditions(
        self,
        c: Conditions,
        event: Event,
        site: Site,
        parties: list[str],
        at_war: set[str],
        attackers: list[str],
        trigger: Trigger = Trigger.ARMED_ATTACK,
    ) -> list[Check]:
        checks = [self._scope(c, event, site, parties)]
        a = event.attributes
        if c.attacker_must_be_state or c.non_state_attacks == "not_covered":
            if a.state_actor:
                checks.append(Check(True, f"the attacker, {event.actor}, is a state"))
            else:
                checks.append(Check(False, f"it requires an attack by a state; {event.actor} is not a state"))
        elif not a.state_actor and trigger is Trigger.ARMED_ATTACK:  # a threat is a threat, whoever poses it
            if c.non_state_attacks == "covered":
                checks.append(
                    Check(
                        True, f"the attacker, {event.actor}, is not a state; the article covers such attacks"
                    )
                )
            else:
                checks.append(
                    Check(None, f"the attacker, {event.actor}, is not a state, and the article does not say "
                                "whether an attack by a non-state actor triggers it")
                )  # fmt: skip
        if c.state_of_war_required:
            if event.target in at_war:
                checks.append(Check(True, f"{event.target} is in a state of war"))
            else:
                checks.append(
                    Check(
                        False,
                        f"it requires {event.target} to be in a state of war, and none is established "
                        "(a declaration of war, or assumptions.at_war)",
                    )
                )
        if c.non_provocation:
            if a.provoked:
                checks.append(
                    Check(False, "it covers only unprovoked attacks, and this one is stated as provoked")
                )
            else:
                checks.append(Check(True, "the attack is taken as unprovoked (no provocation stated)"))
        if c.request_required:
            if a.request_for_assistance is False:
                checks.append(Check(False, f"it applies at {event.target}'s request, and none was made"))
            else:
                stated = (
                    "stated"
                    if a.request_for_assistance
                    else "presumed; set attributes.request_for_assistance"
                )
                checks.append(Check(True, f"it applies at {event.target}'s request ({stated})"))
        if c.external_attack_only:
            if not a.state_actor:
                checks.append(
                    Check(None, f"it covers external attacks only, and {event.actor} is a non-state actor: "
                                "whether its attack comes from outside depends on where it operates from")
                )  # fmt: skip
            elif event.actor in parties:
                checks.append(
                    Check(False, f"it covers external attacks only, and {event.actor} is itself a party")
                )
            else:
                checks.append(Check(True, f"the attack comes from outside, from {event.actor}"))
        if c.adversaries:
            named = [x for x in attackers if x in c.adversaries]
            if named:
                checks.append(Check(True, f"the attacker {', '.join(named)} is a named adversary"))
            else:
                checks.append(Check(False, f"it names only {', '.join(c.adversaries)} as adversaries"))
        return checks

    # --- one provision ------------------------------------------------------------------------

    @staticmethod
    def _apply(p: Provision, chosen: dict[str, str]) -> tuple[Conditions, Automaticity]:
        cond, auto = p.conditions, p.automaticity
        for q in p.contested:
            if q.id not in chosen:
                continue
            ov = dict(q.reading(chosen[q.id]).overrides)
            if "automaticity" in ov:
                auto = Automaticity(ov.pop("automaticity"))
            if ov:
                merged = {**cond.model_dump(by_alias=True), **ov}
                cond = Conditions.model_validate(merged)
        return cond, auto

    @staticmethod
    def _verdict(checks: list[Check]) -> Status:
        if any(c.ok is False for c in checks):
            return Status.NOT_TRIGGERED
        if any(c.ok is None for c in checks):
            return Status.CONTESTED
        return Status.TRIGGERED

    def evaluate(
        self,
        scenario: Scenario,
        event: Event,
        ta: TreatyAt,
        p: Provision,
        obligor: str,
        beneficiary: str,
        site: Site,
        at_war: set[str],
        attackers: list[str],
    ) -> ObligationResult:
        """Check one obligation and explain the verdict."""
        t = ta.treaty
        base = standing(scenario, ta, obligor, beneficiary)
        base.append(self._trigger(p, event, at_war))

        fixed, combos = reading_combos(scenario, t.id, p)
        outcomes: list[tuple[dict[str, str], Status, list[Check], Automaticity]] = []
        for chosen in combos:
            cond, auto = self._apply(p, chosen)
            checks = base + self._conditions(cond, event, site, ta.parties, at_war, attackers, p.trigger)
            outcomes.append((chosen, self._verdict(checks), checks, auto))
        chosen, status, checks, auto = outcomes[0]
        reasons = [c.reason for c in checks if c.ok is False] + [c.reason for c in checks if c.ok is None]
        reasons += [c.reason for c in checks if c.ok]
        for q in p.contested:
            r = q.reading(chosen[q.id])
            how = "chosen in the scenario" if q.id in fixed else "default reading"
            reasons.append(f"reading '{r.id}' of '{q.id}' ({how}): {r.label}")
        # One question at a time: does another reading of it change the verdict?
        flips = flips_of(outcomes[1:], chosen, status)
        if flips:
            status = Status.CONTESTED
            reasons = flips + reasons
        if p.type is ObligationType.NON_AGGRESSION:
            reasons.insert(0, f"{obligor} using force against {beneficiary} is what this article forbids")
        if t.is_policy:
            reasons.append(
                f"{t.short_name} is a {t.kind.value.replace('_', ' ')}, not a binding treaty obligation"
            )
        reasons.append(f"{p.article}: “{_quote(p.text)}”" + ("" if p.verbatim else " (paraphrase)"))
        src = p.text_source or t.source
        alternatives = [
            ReadingOutcome(readings=o[0], status=o[1], failing=[c.reason for c in o[2] if c.ok is False])
            for o in outcomes
        ]
        return ObligationResult(
            event=event.id,
            treaty=t.id,
            treaty_name=t.short_name,
            article=p.article,
            obligor=obligor,
            beneficiary=beneficiary,
            against=attackers,
            type=p.type,
            automaticity=auto,
            binding=not t.is_policy,
            status=status,
            reasons=reasons,
            text=p.text,
            verbatim=p.verbatim,
            source=f"{src.title}, {src.publisher}" + (f" ({src.translation})" if src.translation else ""),
            readings=chosen,
            alternatives=alternatives if len(outcomes) > 1 else [],
        )

    # --- a whole scenario ---------------------------------------------------------------------

    def pairs(self, ta: TreatyAt, p: Provision, event: Event, attackers: list[str]) -> list[tuple[str, str]]:
        """The (obligor, beneficiary) pairs a provision puts in play for an event."""
        target = event.target
        if p.type is ObligationType.NON_AGGRESSION:
            # The duty binds the attacker toward its victim.
            if p.direction is Direction.DIRECTED:
                return [(a, target) for a in attackers if a in p.obligors and target in p.beneficiaries]
            return [
                (a, target) for a in attackers if a in ta.parties and target in ta.parties and a != target
            ]
        if p.direction is Direction.DIRECTED:
            if target not in p.beneficiaries:
                return []
            return [(o, target) for o in p.obligors if o != target and o not in attackers]
        if target not in ta.parties:
            return []
        return [(o, target) for o in ta.parties if o != target and o not in attackers]

    def run(self, scenario: Scenario) -> list[ObligationResult]:
        """Every obligation the scenario's events engage, in a stable order."""
        on = scenario.date
        at_war = set(scenario.assumptions.at_war)
        for ev in scenario.events:
            if ev.kind is EventKind.DECLARATION_OF_WAR:
                at_war |= {ev.target} | ({ev.actor} if ev.attributes.state_actor else set())
        engaged = self.world.at(on).treaties(include=("in_force", "signed"))
        results: list[ObligationResult] = []
        for ev in scenario.events:
            site = resolve_site(self.world, ev)
            attackers = [ev.actor]
            if scenario.assumptions.suppliers_are_cobelligerents:
                attackers += [s for s in ev.attributes.weapons_supplied_by if s not in attackers]
            for victim in [ev, *self.hosts(ev, site, attackers)]:
                for ta in engaged:
                    for p in ta.treaty.provisions:
                        for obligor, beneficiary in self.pairs(ta, p, victim, attackers):
                            results.append(
                                self.evaluate(
                                    scenario, victim, ta, p, obligor, beneficiary, site, at_war, attackers
                                )
                            )
        return results

    @staticmethod
    def hosts(ev: Event, site: Site, attackers: list[str]) -> list[Event]:
        """An attack on one state's forces on another's territory (US forces at a base in Okinawa)
        is also an attack on the host's territory: the host is a victim too, and its allies' duties
        toward it are engaged as well as those toward the state whose forces were hit."""
        host = site.administered_by
        if ev.kind not in ATTACKS or host is None or host == ev.target or host in attackers:
            return []
        if ev.attributes.target_asset is TargetAsset.TERRITORY:
            return []
        attrs = ev.attributes.model_copy(update={"target_asset": TargetAsset.TERRITORY})
        return [ev.model_copy(update={"target": host, "attributes": attrs})]


def casus_foederis(world: World, scenario: Scenario) -> list[ObligationResult]:
    """Which obligations the scenario's events trigger, with reasons; see `Engine`."""
    return Engine(world).run(scenario)
