"""Pure data types of casus: states, treaties, provisions. Imports nothing else of casus."""

from casus.model.common import AreaId, Iso3, TreatyId
from casus.model.errors import InputError, Problem, UnknownIdError
from casus.model.state import CowCode, NuclearSpell, State, StateStatus
from casus.model.treaty import (
    Automaticity,
    Conditions,
    Contested,
    Direction,
    Membership,
    ObligationType,
    Provision,
    Reading,
    Scope,
    ScopeClause,
    Source,
    Suspension,
    SuspensionKind,
    TargetKind,
    Treaty,
    TreatyKind,
    Trigger,
)

__all__ = [
    "AreaId",
    "Automaticity",
    "Conditions",
    "Contested",
    "CowCode",
    "Direction",
    "InputError",
    "Iso3",
    "Membership",
    "NuclearSpell",
    "ObligationType",
    "Problem",
    "Provision",
    "Reading",
    "Scope",
    "ScopeClause",
    "Source",
    "State",
    "StateStatus",
    "Suspension",
    "SuspensionKind",
    "TargetKind",
    "Treaty",
    "TreatyId",
    "TreatyKind",
    "Trigger",
    "UnknownIdError",
]
