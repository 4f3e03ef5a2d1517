"""The bundled treaty library checked against real facts."""

from __future__ import annotations

import datetime as dt

import pytest

from casus.model import Automaticity, ObligationType, Trigger
from casus.world import World

D = dt.date

REQUIRED = [
    "ru-kp-2024", "ru-kp-2000", "cn-kp-1961", "nato-1949", "us-jp-1960", "us-kr-1953", "us-ph-1951",
    "anzus-1951", "csto-1992", "rio-1947", "eu-teu-42-7", "ru-by-2024", "ru-ir-2025", "cn-ru-2001",
    "tr-az-2021", "sa-pk-2025", "arab-league-1950", "us-tw-tra-1979",
]  # fmt: skip


def test_library_has_the_required_treaties_and_at_least_twenty(world: World) -> None:
    missing = [t for t in REQUIRED if t not in world.treaties]
    assert not missing
    assert len(world.treaties) >= 20


def test_every_provision_carries_text_source_and_verbatim_flag(world: World) -> None:
    for t in world.treaties.values():
        assert t.source.title and t.source.publisher, t.id
        for p in t.provisions:
            assert p.text.strip(), (t.id, p.article)
            assert isinstance(p.verbatim, bool)
            if not p.verbatim:
                # A paraphrase must not pose as a quotation of the official text.
                assert p.text_source is None or p.text_source.title, (t.id, p.article)


def test_nato_membership_counts(world: World) -> None:
    nato = world.treaty("nato-1949")
    assert len(nato.parties_on(D(1949, 8, 24))) == 12
    assert len(nato.parties_on(D(1990, 1, 1))) == 16
    assert len(nato.parties_on(D(2023, 1, 1))) == 30
    assert "FIN" in nato.parties_on(D(2023, 4, 4)) and "SWE" not in nato.parties_on(D(2023, 4, 4))
    assert len(nato.parties_on(D(2024, 4, 1))) == 32


def test_nato_article_5_and_its_article_6_scope(world: World) -> None:
    nato = world.treaty("nato-1949")
    art5 = [p for p in nato.provisions if p.type is ObligationType.DEFENSE and "5" in p.article]
    assert art5 and art5[0].automaticity is Automaticity.DEEMS_NECESSARY
    scope = art5[0].conditions.scope
    assert scope is not None
    areas = {a.value for c in scope.covers for a in c.in_}
    assert {
        "europe",
        "north_america",
        "north_atlantic_north_of_tropic_of_cancer",
        "mediterranean",
    } <= areas
    assert any(p.type is ObligationType.CONSULTATION and "4" in p.article for p in nato.provisions)


def test_ru_kp_2024_dates_and_articles(world: World) -> None:
    t = world.treaty("ru-kp-2024")
    assert t.signed == D(2024, 6, 19) and t.in_force == D(2024, 12, 4)
    assert t.status_on(D(2024, 9, 1)) == "signed"
    assert t.status_on(D(2025, 1, 1)) == "in_force"
    assert "ru-kp-2000" in t.replaces
    defense = [p for p in t.provisions if p.type is ObligationType.DEFENSE]
    assert len(defense) == 1
    art4 = defense[0]
    assert art4.article.endswith("4")
    assert art4.automaticity is Automaticity.IMMEDIATE_ALL_MEANS
    assert art4.conditions.state_of_war_required and art4.conditions.attacker_must_be_state
    assert art4.contested, "the 'state of war' reading is contested and must be coded as such"
    consult = [p for p in t.provisions if p.type is ObligationType.CONSULTATION]
    assert consult and consult[0].trigger is Trigger.IMMINENT_THREAT and consult[0].article.endswith("3")


def test_ru_kp_2000_gave_way_to_2024(world: World) -> None:
    old = world.treaty("ru-kp-2000")
    assert old.status_on(D(2024, 9, 1)) == "in_force"
    assert old.status_on(D(2025, 1, 1)) == "ended"


def test_us_japan_is_limited_to_territories_administered_by_japan(world: World) -> None:
    t = world.treaty("us-jp-1960")
    art5 = next(p for p in t.provisions if p.type is ObligationType.DEFENSE)
    assert art5.automaticity is Automaticity.CONSTITUTIONAL_PROCESSES
    assert art5.conditions.scope is not None
    assert all(c.within == ["JPN"] for c in art5.conditions.scope.covers)


@pytest.mark.parametrize("tid", ["us-kr-1953", "us-ph-1951", "anzus-1951"])
def test_pacific_treaties_are_scoped_to_the_pacific(world: World, tid: str) -> None:
    defense = [p for p in world.treaty(tid).provisions if p.type is ObligationType.DEFENSE]
    assert defense
    scope = defense[0].conditions.scope
    assert scope is not None and any("pacific" in {a.value for a in c.in_} for c in scope.covers)


def test_us_philippines_covers_forces_vessels_and_aircraft_in_the_pacific(world: World) -> None:
    defense = [p for p in world.treaty("us-ph-1951").provisions if p.type is ObligationType.DEFENSE]
    kinds = {
        k.value for p in defense if p.conditions.scope for c in p.conditions.scope.covers for k in c.what
    }
    assert {"armed_forces", "public_vessels", "aircraft"} <= kinds


def test_anzus_us_obligations_to_new_zealand_are_suspended(world: World) -> None:
    t = world.treaty("anzus-1951")
    assert not t.suspensions_on(D(1985, 1, 1))
    (s,) = t.suspensions_on(D(2025, 1, 1))
    assert s.state == "NZL" and "USA" in s.toward


def test_armenia_froze_csto_participation(world: World) -> None:
    t = world.treaty("csto-1992")
    assert "ARM" in t.parties_on(D(2025, 1, 1))
    frozen = [s for s in t.suspensions_on(D(2025, 1, 1)) if s.state == "ARM"]
    assert frozen and frozen[0].kind.value == "frozen"
    assert not [s for s in t.suspensions_on(D(2023, 1, 1)) if s.state == "ARM"]


def test_rio_treaty_withdrawals(world: World) -> None:
    t = world.treaty("rio-1947")
    assert "MEX" in t.parties_on(D(2000, 1, 1)) and "MEX" not in t.parties_on(D(2010, 1, 1))
    assert "USA" in t.parties_on(D(2025, 1, 1))


def test_eu_mutual_assistance_membership(world: World) -> None:
    t = world.treaty("eu-teu-42-7")
    assert len(t.parties_on(D(2025, 1, 1))) == 27
    assert "GBR" in t.parties_on(D(2019, 1, 1)) and "GBR" not in t.parties_on(D(2021, 1, 1))


def test_russia_iran_has_no_defence_clause(world: World) -> None:
    t = world.treaty("ru-ir-2025")
    types = {p.type for p in t.provisions}
    assert ObligationType.DEFENSE not in types and ObligationType.NON_ASSISTANCE in types


def test_taiwan_relations_act_is_policy_not_treaty(world: World) -> None:
    t = world.treaty("us-tw-tra-1979")
    assert t.is_policy and not t.binding and t.kind.value == "domestic_law"
    assert all(
        p.automaticity in (Automaticity.DECLARATORY, Automaticity.UNSPECIFIED, Automaticity.CONSULTATION_ONLY)
        or p.type is not ObligationType.DEFENSE
        for p in t.provisions
    )
    assert any("TWN" in p.beneficiaries for p in t.provisions)


def test_every_treaty_names_only_states_that_existed_while_it_bound_them(world: World) -> None:
    for t in world.treaties.values():
        for m in t.parties:
            s = world.states.get(m.state)
            start = t.membership_start(m)
            end = m.left or t.ended or D(2100, 1, 1)
            assert s.start < end and (s.end is None or start < s.end), (
                t.id,
                m.state,
                s.start,
                s.end,
            )
