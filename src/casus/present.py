"""Grouping and wording shared by the command line, the report and (later) the API."""

from __future__ import annotations

from dataclasses import dataclass

from casus.obligations import ObligationResult, Status

__all__ = ["FOLLOW_LABELS", "STATUS_ORDER", "Group", "follows", "group_results", "obligor_list"]

STATUS_ORDER = {Status.TRIGGERED: 0, Status.CONTESTED: 1, Status.NOT_TRIGGERED: 2}


@dataclass(frozen=True)
class Group:
    """Results that differ only in the obligor: one row 'ALB, BEL, … → EST'."""

    rows: tuple[ObligationResult, ...]

    @property
    def first(self) -> ObligationResult:
        """A representative result."""
        return self.rows[0]

    @property
    def obligors(self) -> list[str]:
        """Every obligor in the group."""
        return [r.obligor for r in self.rows]

    @property
    def reasons(self) -> list[str]:
        """Reasons, with the obligor-specific ones (suspensions, freezes) kept only if all share them."""
        return self.first.reasons


def group_results(results: list[ObligationResult]) -> list[Group]:
    """Group results by event, treaty, article, beneficiary, status and reasons, strongest first."""
    buckets: dict[tuple[object, ...], list[ObligationResult]] = {}
    for r in results:
        key = (r.event, r.treaty, r.article, r.beneficiary, r.status, tuple(r.reasons), tuple(r.against))
        buckets.setdefault(key, []).append(r)
    groups = [Group(tuple(v)) for v in buckets.values()]

    def order(g: Group) -> tuple[object, ...]:
        f = g.first
        rank = f.automaticity.rank
        return (f.event, STATUS_ORDER[f.status], -(rank if rank is not None else -1), f.treaty, f.article)

    return sorted(groups, key=order)


def obligor_list(ids: list[str], limit: int = 8) -> str:
    """A readable list of obligors, shortened when long.

    >>> obligor_list(["ALB", "BEL", "BGR"], limit=2)
    'ALB, BEL +1 more'
    """
    if len(ids) <= limit:
        return ", ".join(ids)
    return ", ".join(ids[:limit]) + f" +{len(ids) - limit} more"


FOLLOW_LABELS = {
    "bound_to_fight": "bound to give military assistance",
    "bound_to_consult": "bound to consult",
    "bound_to_abstain": "bound to stay out, or not to assist the attacker",
    "policy": "policy commitments engaged (not binding)",
}


def follows(summary: dict[str, list[dict[str, str]]]) -> list[tuple[str, list[str]]]:
    """'What follows' as lines: per category, 'treaty article → beneficiary: obligors (contested: …)'."""
    out = []
    for key, label in FOLLOW_LABELS.items():
        lines: dict[str, tuple[list[str], list[str]]] = {}
        for rec in summary.get(key, []):
            firm, open_ = lines.setdefault(
                f"{rec['treaty']} {rec['article']} → {rec['beneficiary']}", ([], [])
            )
            (firm if rec["status"] == "triggered" else open_).append(rec["obligor"])
        if lines:
            rendered = []
            for what, (firm, open_) in lines.items():
                who = obligor_list(sorted(set(firm)), 12) if firm else ""
                if open_:
                    who += ("; " if who else "") + "contested: " + obligor_list(sorted(set(open_)), 12)
                rendered.append(f"{what}: {who}")
            out.append((label, rendered))
    return out
