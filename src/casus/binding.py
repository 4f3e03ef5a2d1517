"""Whether a treaty binds two parties on a date (in force, signed only, entry into force unknown,
suspended or frozen), and which contested readings of a provision to evaluate and how another
reading changes the verdict: the checks `casus.obligations.Engine` starts each provision with.
"""

from __future__ import annotations

from dataclasses import dataclass

from casus.model import Automaticity, Contested, Provision, Scenario, SuspensionKind
from casus.scenario import reading_key
from casus.verdicts import Status
from casus.world import TreatyAt

__all__ = ["Check", "flips_of", "reading_combos", "standing"]


@dataclass(frozen=True)
class Check:
    """One condition: met (True), not met (False) or open (None), and why."""

    ok: bool | None
    reason: str


def standing(scenario: Scenario, ta: TreatyAt, obligor: str, beneficiary: str) -> list[Check]:
    """Whether the treaty binds on the date (in force, signed only, unknown) and between these two."""
    t = ta.treaty
    base: list[Check] = []
    if ta.in_force:
        base.append(Check(True, f"{t.id} in force since {t.in_force}"))
    elif t.in_force_unknown and ta.status == "signed":
        base.append(
            Check(
                None,
                f"{t.id} was signed {t.signed}; whether and when it entered into force is not published, "
                "so it may or may not bind",
            )
        )
    elif scenario.assumptions.honour_signed_not_in_force:
        base.append(
            Check(
                True,
                f"{t.id} signed {t.signed} but not in force; assumed honoured (honour_signed_not_in_force)",
            )
        )
    else:
        when = f" until {t.in_force}" if t.in_force else ""
        base.append(Check(False, f"{t.id} was signed {t.signed} but not in force on {scenario.date}{when}"))
    for state in dict.fromkeys((obligor, beneficiary)):
        m = ta.unverified.get(state)
        if m is not None:
            base.append(
                Check(
                    None,
                    f"{state}'s membership of {t.id} is not verified (no record of its ratification or "
                    f"accession was found; it rests on {m.rests_on}), so it may or may not be bound",
                )
            )
    susp = ta.suspended(obligor, beneficiary)
    if susp is not None:
        what = f"{susp.state} {susp.kind.value} since {susp.start}" + (f": {susp.note}" if susp.note else "")
        if susp.kind is SuspensionKind.SUSPENDED:
            base.append(Check(False, f"obligations between {obligor} and {beneficiary} suspended ({what})"))
        else:
            base.append(
                Check(None, f"{susp.state} has frozen its participation, though formally a party ({what})")
            )

    return base


def reading_combos(
    scenario: Scenario, treaty_id: str, p: Provision
) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(readings fixed by the scenario, the reading combinations to evaluate: the defaults first,
    then each open question's other readings one at a time)."""
    fixed: dict[str, str] = {}
    open_questions: list[Contested] = []
    for q in p.contested:
        key = reading_key(treaty_id, p.article, q.id)
        if key in scenario.assumptions.readings:
            fixed[q.id] = scenario.assumptions.readings[key]
        else:
            open_questions.append(q)
    default = {**fixed, **{q.id: q.default for q in open_questions}}
    combos = [default]
    for q in open_questions:
        combos += [{**default, q.id: r.id} for r in q.readings if r.id != q.default]
    return fixed, combos


def flips_of(
    others: list[tuple[dict[str, str], Status, list[Check], Automaticity]],
    chosen: dict[str, str],
    status: Status,
) -> list[str]:
    """How another reading of one question changes the verdict, for each that does."""
    flips = []
    for alt_readings, alt_status, alt_checks, _ in others:
        if alt_status is status:
            continue
        (q_id, r_id) = next((k, v) for k, v in alt_readings.items() if chosen[k] != v)
        fail = next((c.reason for c in alt_checks if c.ok is False), "")
        flips.append(
            f"contested: under reading '{r_id}' of '{q_id}' it is {alt_status.value}"
            + (f" ({fail})" if fail else "")
        )
    return flips
