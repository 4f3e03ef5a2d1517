"""Treaties and their provisions, coded the way ATOP codes alliance obligations."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from casus.model.common import AreaId, Iso3, TreatyId

NonEmpty = Annotated[str, StringConstraints(min_length=1)]


class TreatyKind(StrEnum):
    """What sort of instrument it is; only treaties and agreements bind under international law."""

    TREATY = "treaty"
    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    DOMESTIC_LAW = "domestic_law"
    POLITICAL_COMMITMENT = "political_commitment"


class ObligationType(StrEnum):
    """ATOP's five obligation types plus non-assistance to an aggressor."""

    DEFENSE = "defense"
    OFFENSE = "offense"
    NEUTRALITY = "neutrality"
    NON_AGGRESSION = "non_aggression"
    CONSULTATION = "consultation"
    NON_ASSISTANCE = "non_assistance"


class Trigger(StrEnum):
    """What has to happen for a provision to apply."""

    ARMED_ATTACK = "armed_attack"
    IMMINENT_THREAT = "imminent_threat"
    THREAT = "threat"
    STATE_OF_WAR = "state_of_war"
    STANDING = "standing"


class Automaticity(StrEnum):
    """How strongly the obligor is bound to act once the provision is triggered."""

    IMMEDIATE_ALL_MEANS = "immediate_all_means"
    ALL_MEANS = "all_means"
    DEEMS_NECESSARY = "deems_necessary"
    CONSTITUTIONAL_PROCESSES = "constitutional_processes"
    UNSPECIFIED = "unspecified"
    CONSULTATION_ONLY = "consultation_only"
    DECLARATORY = "declaratory"
    NOT_APPLICABLE = "not_applicable"

    @property
    def rank(self) -> int | None:
        """Strength on an ordinal scale (6 strongest); None for duties to abstain."""
        return _AUTOMATICITY_RANK[self]

    @property
    def label(self) -> str:
        """Words a reader recognises from treaty texts."""
        return _AUTOMATICITY_LABEL[self]


_AUTOMATICITY_RANK: dict[Automaticity, int | None] = {
    Automaticity.IMMEDIATE_ALL_MEANS: 6,
    Automaticity.ALL_MEANS: 5,
    Automaticity.DEEMS_NECESSARY: 4,
    Automaticity.CONSTITUTIONAL_PROCESSES: 3,
    Automaticity.UNSPECIFIED: 2,
    Automaticity.CONSULTATION_ONLY: 1,
    Automaticity.DECLARATORY: 0,
    Automaticity.NOT_APPLICABLE: None,
}

_AUTOMATICITY_LABEL: dict[Automaticity, str] = {
    Automaticity.IMMEDIATE_ALL_MEANS: "immediately, by all means at its disposal",
    Automaticity.ALL_MEANS: "all aid and assistance in its power",
    Automaticity.DEEMS_NECESSARY: "such action as it deems necessary",
    Automaticity.CONSTITUTIONAL_PROCESSES: "in accordance with its constitutional processes",
    Automaticity.UNSPECIFIED: "assistance, strength unstated",
    Automaticity.CONSULTATION_ONLY: "consultation only",
    Automaticity.DECLARATORY: "statement of policy, not an obligation",
    Automaticity.NOT_APPLICABLE: "duty to abstain",
}


class Direction(StrEnum):
    """Whether every party owes every other, or only named obligors owe named beneficiaries."""

    MUTUAL = "mutual"
    DIRECTED = "directed"


class TargetKind(StrEnum):
    """What an attack in a scope clause may be directed at."""

    TERRITORY = "territory"
    ADMINISTERED_TERRITORY = "administered_territory"
    ISLAND_TERRITORY = "island_territory"
    ARMED_FORCES = "armed_forces"
    PUBLIC_VESSELS = "public_vessels"
    AIRCRAFT = "aircraft"


class Source(BaseModel):
    """Where a text comes from, and whether it is an official text or a named translation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: NonEmpty
    publisher: NonEmpty
    # what kind of publication it is: a verbatim text must come from an official one (a
    # government, a ministry, state media of a party), a depositary, a treaty series, or a
    # scholarly edition; news and other sources may give renderings and paraphrases
    kind: Literal["official", "depositary", "treaty_series", "scholarly", "news", "other"] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None  # http(s) only
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = "en"
    translation: str | None = None
    accessed: dt.date | None = None


class Rendering(BaseModel):
    """Another wording of a provision: a translation or version published elsewhere, with its source.

    News articles quote whichever rendering their outlet had; the reader links a quotation to the
    provision through any of them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: NonEmpty
    verbatim: bool
    source: Source


class ScopeClause(BaseModel):
    """One clause of a geographic scope: attacks on WHAT of WHOM, IN which areas, WITHIN whose territory."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    what: list[TargetKind] = Field(min_length=1)
    of: Literal["parties"] | list[Iso3] = "parties"
    in_: list[AreaId] = Field(default_factory=list, alias="in")
    within: Literal["parties"] | list[Iso3] | None = None


class Scope(BaseModel):
    """Geographic scope of a provision; an attack is in scope if any clause covers it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    summary: NonEmpty
    covers: list[ScopeClause] = Field(min_length=1)


class Conditions(BaseModel):
    """Conditions that must hold, beyond the trigger, for a provision to apply."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    scope: Scope | None = None
    attacker_must_be_state: bool = False
    # whether an armed attack by a non-state actor triggers it: the text says so, excludes it,
    # or leaves it open (then the engine reads the question as contested)
    non_state_attacks: Literal["covered", "not_covered", "unsettled"] = "unsettled"
    state_of_war_required: bool = False
    non_provocation: bool = False
    request_required: bool = False
    external_attack_only: bool = False
    adversaries: list[Iso3] = Field(default_factory=list)
    adversary_note: str | None = None


OVERRIDABLE = frozenset(Conditions.model_fields) | {"automaticity"}


class Reading(BaseModel):
    """One reading of a contested provision, and what it changes in the coding."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: NonEmpty
    label: NonEmpty
    overrides: dict[str, Any] = Field(default_factory=dict)
    held_by: str | None = None

    @model_validator(mode="after")
    def _known_overrides(self) -> Reading:
        unknown = sorted(set(self.overrides) - OVERRIDABLE)
        if unknown:
            raise ValueError(
                f"cannot override {', '.join(unknown)} (expected any of {', '.join(sorted(OVERRIDABLE))})"
            )
        return self


class Contested(BaseModel):
    """A question on which readers of the provision disagree, with the readings on offer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: NonEmpty
    question: NonEmpty
    default: NonEmpty
    readings: list[Reading] = Field(min_length=2)

    @model_validator(mode="after")
    def _default_is_a_reading(self) -> Contested:
        ids = [r.id for r in self.readings]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate reading ids in {ids}")
        if self.default not in ids:
            raise ValueError(f"default '{self.default}' is not one of the readings {ids}")
        return self

    def reading(self, reading_id: str) -> Reading:
        """The reading with that id."""
        for r in self.readings:
            if r.id == reading_id:
                return r
        raise KeyError(reading_id)


class Provision(BaseModel):
    """One article (or paragraph) that creates a security obligation."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    article: NonEmpty
    text: NonEmpty
    verbatim: bool
    text_source: Source | None = None
    renderings: list[Rendering] = Field(default_factory=list)
    type: ObligationType
    trigger: Trigger
    automaticity: Automaticity
    direction: Direction
    obligors: list[Iso3] = Field(default_factory=list)
    beneficiaries: list[Iso3] = Field(default_factory=list)
    conditions: Conditions = Field(default_factory=Conditions)
    escape_clauses: list[str] = Field(default_factory=list)
    contested: list[Contested] = Field(default_factory=list)
    notes: str | None = None

    @model_validator(mode="after")
    def _direction_consistent(self) -> Provision:
        if self.direction is Direction.DIRECTED and not (self.obligors and self.beneficiaries):
            raise ValueError("a directed provision needs both obligors and beneficiaries")
        if self.direction is Direction.MUTUAL and (self.obligors or self.beneficiaries):
            raise ValueError("obligors and beneficiaries are only for direction: directed")
        ids = [c.id for c in self.contested]
        if len(set(ids)) != len(ids):
            raise ValueError(f"duplicate contested ids in {ids}")
        return self

    @property
    def is_negative(self) -> bool:
        """True for duties to abstain rather than to act."""
        return self.type in (
            ObligationType.NEUTRALITY,
            ObligationType.NON_AGGRESSION,
            ObligationType.NON_ASSISTANCE,
        )


class Membership(BaseModel):
    """A state's membership spell in a treaty."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    state: Iso3
    joined: dt.date | None = None
    left: dt.date | None = None
    # False where no record of the state's ratification or accession was found and the spell rests
    # on a secondary coding (ATOP's, a signature list) named in `rests_on`: the engine reads the
    # state's duties under the treaty both ways, as an open question, never as settled
    verified: bool = True
    rests_on: str | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Membership:
        if self.joined and self.left and self.left <= self.joined:
            raise ValueError(f"left {self.left} is not after joined {self.joined}")
        if not self.verified and not self.rests_on:
            raise ValueError("an unverified membership needs `rests_on`: the coding it rests on")
        if self.verified and self.rests_on:
            raise ValueError("`rests_on` is for unverified memberships (verified: false)")
        return self


class SuspensionKind(StrEnum):
    """Suspended by the other parties, or frozen by the member itself."""

    SUSPENDED = "suspended"
    FROZEN = "frozen"


class Suspension(BaseModel):
    """A period in which a member's obligations (all, or toward some parties) do not operate."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    state: Iso3
    start: dt.date
    end: dt.date | None = None
    kind: SuspensionKind
    toward: list[Iso3] = Field(default_factory=list)
    note: str | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Suspension:
        if self.end and self.end <= self.start:
            raise ValueError(f"end {self.end} is not after start {self.start}")
        return self

    def covers(self, on: dt.date) -> bool:
        """True if the suspension is in effect on that date."""
        return self.start <= on and (self.end is None or on < self.end)


class Treaty(BaseModel):
    """An alliance treaty (or policy commitment) with its membership history and provisions."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: TreatyId
    title: NonEmpty
    short_name: NonEmpty
    kind: TreatyKind
    binding: bool
    signed: dt.date
    in_force: dt.date | None = None
    # True where no source gives the date of entry into force (or says whether it happened): an
    # open question the engine reads both ways, not "not in force"
    in_force_unknown: bool = False
    ended: dt.date | None = None
    end_note: str | None = None
    replaces: list[TreatyId] = Field(default_factory=list)
    atop_id: int | None = None
    source: Source
    parties: list[Membership] = Field(min_length=1)
    suspensions: list[Suspension] = Field(default_factory=list)
    notes: str | None = None
    provisions: list[Provision] = Field(min_length=1)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Treaty:
        if self.in_force is not None and self.in_force < self.signed:
            raise ValueError(f"in_force {self.in_force} is before signed {self.signed}")
        start = self.in_force or self.signed
        if self.ended is not None and self.ended <= start:
            raise ValueError(f"ended {self.ended} is not after {start}")
        return self

    @property
    def is_policy(self) -> bool:
        """True for instruments that are not binding international obligations (e.g. the TRA)."""
        return not self.binding or self.kind in (
            TreatyKind.DOMESTIC_LAW,
            TreatyKind.POLITICAL_COMMITMENT,
            TreatyKind.DECLARATION,
        )

    def status_on(self, on: dt.date) -> Literal["not_signed", "signed", "in_force", "ended"]:
        """Where the treaty stands on a date."""
        if on < self.signed:
            return "not_signed"
        if self.ended is not None and on >= self.ended:
            return "ended"
        if self.in_force is not None and on >= self.in_force:
            return "in_force"
        return "signed"

    def membership_start(self, m: Membership) -> dt.date:
        """When a membership took effect (its own date, else the treaty's entry into force)."""
        return m.joined or self.in_force or self.signed

    def parties_on(self, on: dt.date) -> list[str]:
        """Ids of the states that were parties on a date.

        Before entry into force these are the signatories: the original members (no `joined`
        date of their own) once the treaty is signed.
        """
        return list(dict.fromkeys(m.state for m in self.parties if self._spell_covers(m, on)))

    def _spell_covers(self, m: Membership, on: dt.date) -> bool:
        pending = self.in_force is None or on < self.in_force
        start = self.signed if (pending and m.joined is None) else self.membership_start(m)
        return start <= on and (m.left is None or on < m.left)

    def unverified_on(self, on: dt.date) -> dict[str, Membership]:
        """The parties on a date whose membership spell then is not verified, by state."""
        live = [m for m in self.parties if self._spell_covers(m, on)]
        sure = {m.state for m in live if m.verified}
        return {m.state: m for m in live if m.state not in sure}

    def suspensions_on(self, on: dt.date) -> list[Suspension]:
        """Suspensions and freezes in effect on a date."""
        return [s for s in self.suspensions if s.covers(on)]

    def all_state_ids(self) -> set[str]:
        """Every state id the treaty mentions (parties, obligors, adversaries, scope)."""
        ids = {m.state for m in self.parties} | {s.state for s in self.suspensions}
        for s in self.suspensions:
            ids.update(s.toward)
        for p in self.provisions:
            ids.update(p.obligors)
            ids.update(p.beneficiaries)
            ids.update(p.conditions.adversaries)
            if p.conditions.scope:
                for c in p.conditions.scope.covers:
                    if isinstance(c.of, list):
                        ids.update(c.of)
                    if isinstance(c.within, list):
                        ids.update(c.within)
        return ids
