"""Casus foederis: the engine's verdicts, pinned to what the treaty texts say.

Each expectation cites the article it rests on. The examples are the scenarios shipped in
`examples/`; the edge cases build small scenarios inline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from casus.model import Scenario
from casus.obligations import ObligationResult, Status, casus_foederis
from casus.scenario import load_scenario
from casus.world import World

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
T, C, N = Status.TRIGGERED, Status.CONTESTED, Status.NOT_TRIGGERED


def run_example(world: World, name: str) -> list[ObligationResult]:
    return casus_foederis(world, load_scenario(EXAMPLES / f"{name}.yaml", world))


def scenario(target: str, actor: str = "RUS", date: str = "2025-06-01", **event: Any) -> Scenario:
    assumptions = event.pop("assumptions", {})
    ev = {"id": "e", "actor": actor, "target": target, "kind": "armed_attack", "location": {"state": target}}
    ev.update(event)
    return Scenario.model_validate({"name": "t", "date": date, "events": [ev], "assumptions": assumptions})


def verdict(
    results: list[ObligationResult], treaty: str, article: str, obligor: str, beneficiary: str
) -> Status:
    found = [
        r.status
        for r in results
        if (r.treaty, r.article, r.obligor, r.beneficiary) == (treaty, article, obligor, beneficiary)
    ]
    assert len(found) == 1, (treaty, article, obligor, beneficiary, found)
    return found[0]


def engaged(results: list[ObligationResult], status: Status = T) -> set[tuple[str, str, str, str]]:
    return {(r.treaty, r.article, r.obligor, r.beneficiary) for r in results if r.status is status}


# --- the shipped examples ---------------------------------------------------------------------


def test_estonia_triggers_nato_article_5_for_every_ally_and_eu_42_7(world: World) -> None:
    res = run_example(world, "estonia")
    allies = set(world.treaty("nato-1949").parties_on(dt.date(2025, 6, 1))) - {"EST"}
    # Art. 5: an armed attack against one in Europe is an attack against all.
    assert {r.obligor for r in res if (r.treaty, r.article, r.status) == ("nato-1949", "Art. 5", T)} == allies
    # Art. 4: consult whenever a party's territorial integrity is threatened.
    assert {r.obligor for r in res if (r.treaty, r.article, r.status) == ("nato-1949", "Art. 4", T)} == allies
    # TEU Art. 42(7): "armed aggression on its territory" -> all other EU members.
    eu = set(world.treaty("eu-teu-42-7").parties_on(dt.date(2025, 6, 1))) - {"EST"}
    assert {r.obligor for r in res if (r.treaty, r.status) == ("eu-teu-42-7", T)} == eu


def test_nato_ship_south_of_the_tropic_is_outside_article_6(world: World) -> None:
    res = run_example(world, "nato-ship-south-of-tropic")
    # Art. 6: vessels are covered only in the North Atlantic north of the Tropic of Cancer,
    # the Mediterranean, or Europe; the frigate was at 15°N.
    assert verdict(res, "nato-1949", "Art. 5", "USA", "PRT") is N
    assert verdict(res, "nato-1949", "Art. 4", "USA", "PRT") is T  # Art. 4 has no geographic limit
    # TEU 42(7) speaks of aggression "on its territory": a ship on the high seas is not covered.
    assert verdict(res, "eu-teu-42-7", "Art. 42(7)", "FRA", "PRT") is N


def test_us_japan_is_asymmetric(world: World) -> None:
    res = run_example(world, "dprk-missiles-japan")
    # Art. V: an armed attack against either Party "in the territories under the administration of Japan".
    assert verdict(res, "us-jp-1960", "Art. V", "USA", "JPN") is T
    assert verdict(res, "us-jp-1960", "Art. V", "JPN", "USA") is N  # Guam is not under Japan's administration
    # US-ROK Art. III: armed attack "in the Pacific area" on a party in territory under its control: Guam is.
    assert verdict(res, "us-kr-1953", "Art. III", "KOR", "USA") is T
    # ANZUS Art. IV-V: Pacific island territories; the US suspended its obligations to New Zealand in 1986.
    assert verdict(res, "anzus-1951", "Art. IV", "AUS", "USA") is T
    assert verdict(res, "anzus-1951", "Art. IV", "NZL", "USA") is N
    # North Atlantic Treaty Art. 6: Guam lies in neither Europe nor North America.
    assert verdict(res, "nato-1949", "Art. 5", "GBR", "USA") is N


def test_second_thomas_shoal_public_vessel_in_the_pacific(world: World) -> None:
    res = run_example(world, "second-thomas-shoal")
    # US-Philippines Art. IV and Art. V: armed attack on public vessels "in the Pacific".
    assert verdict(res, "us-ph-1951", "Art. IV", "USA", "PHL") is T
    bilateral = {("us-ph-1951", "Art. IV", "USA", "PHL"), ("us-ph-1951", "Art. III", "USA", "PHL")}
    # The Manila Pact is still in force and its treaty area (Art. VIII) lies south of 21°30'N: its
    # parties owe the Philippines under Art. IV(1) and must consult under Art. IV(2).
    manila = {(t, a, o, b) for t, a, o, b in engaged(res) if t == "manila-1954"}
    assert engaged(res) == bilateral | manila
    assert {o for _, a, o, _ in manila if a == "Art. IV(1)"} == {"AUS", "FRA", "GBR", "NZL", "THA", "USA"}


def test_yeonpyeong_engages_the_us_rok_treaty_only(world: World) -> None:
    res = run_example(world, "yeonpyeong")
    # Art. III: armed attack in the Pacific area on territory under ROK administrative control.
    assert verdict(res, "us-kr-1953", "Art. III", "USA", "KOR") is T
    assert verdict(res, "us-kr-1953", "Art. II", "USA", "KOR") is T
    # China's 1961 treaty obliges China only when the DPRK is attacked, not when it attacks.
    assert not [r for r in res if r.treaty == "cn-kp-1961"]


def test_a_two_way_korean_clash_engages_both_alliances(world: World) -> None:
    res = run_example(world, "korea-clash")
    # The shelling of Yeonpyeong engages the US-ROK treaty; each strike back on North Korea
    # brings in China's and Russia's treaties with it, turning on "a state of war".
    assert verdict(res, "us-kr-1953", "Art. III", "USA", "KOR") is T
    for event in ("rok-counter-battery", "us-strike"):
        of = [r for r in res if r.event == event]
        assert verdict(of, "cn-kp-1961", "Art. II", "CHN", "PRK") is C
        assert verdict(of, "ru-kp-2024", "Art. 4", "RUS", "PRK") is C
        assert verdict(of, "ru-kp-2024", "Art. 3", "RUS", "PRK") is T  # consult at once
    assert not [r for r in res if r.event == "shelling" and r.treaty == "cn-kp-1961"]


def test_taiwan_engages_only_a_policy_commitment(world: World) -> None:
    res = run_example(world, "taiwan")
    assert {r.treaty for r in res} == {"us-tw-tra-1979"}
    assert all(not r.binding for r in res)
    assert not [r for r in res if r.treaty == "us-roc-1954"]  # terminated 1 January 1980


def test_kursk_before_and_after_the_2024_treaty(world: World) -> None:
    before = run_example(world, "kursk-2024-08")
    # Signed 19 June 2024, in force 4 December 2024: not yet binding in August 2024.
    assert verdict(before, "ru-kp-2024", "Art. 4", "PRK", "RUS") is N
    assert any("not in force" in x for r in before if r.treaty == "ru-kp-2024" for x in r.reasons)
    # The 2000 treaty's consultation article was still in force.
    assert verdict(before, "ru-kp-2000", "Art. 2", "PRK", "RUS") is T
    after = run_example(world, "kursk-2025")
    # Art. 4 in force; the scenario chooses the broad reading of "in a state of war".
    assert verdict(after, "ru-kp-2024", "Art. 4", "PRK", "RUS") is T
    assert verdict(after, "ru-kp-2024", "Art. 3", "PRK", "RUS") is T
    assert not [r for r in after if r.treaty == "ru-kp-2000"]  # ceased to have effect 2024-12-04


def test_belgorod_state_of_war_is_contested(world: World) -> None:
    res = run_example(world, "belgorod-2025")
    art4 = next(r for r in res if (r.treaty, r.article) == ("ru-kp-2024", "Art. 4"))
    # "...and thus finds itself in a state of war": the narrow reading needs a state of war.
    assert art4.status is C
    assert any("narrow" in x and "not_triggered" in x for x in art4.reasons)
    assert art4.against == ["UKR"]
    # The CSTO treaty (Art. 4) and the Russia-Belarus treaty: the latter not in force until 2025-03-13.
    assert verdict(res, "csto-1992", "Art. 4", "KAZ", "RUS") is T
    assert verdict(res, "csto-1992", "Art. 4", "ARM", "RUS") is C  # Armenia froze its participation
    assert verdict(res, "ru-by-2024", "Art. 4(1)", "BLR", "RUS") is N


def test_belarus_engages_the_union_state_guarantee(world: World) -> None:
    res = run_example(world, "belarus")
    assert verdict(res, "ru-by-2024", "Art. 4(1)", "RUS", "BLR") is T
    assert verdict(res, "csto-1992", "Art. 4", "RUS", "BLR") is T


# --- edge cases -------------------------------------------------------------------------------


def test_state_of_war_reading_chosen_in_the_scenario(world: World) -> None:
    narrow = scenario("RUS", "UKR", assumptions={"readings": {"ru-kp-2024/Art. 4/state-of-war": "narrow"}})
    assert verdict(casus_foederis(world, narrow), "ru-kp-2024", "Art. 4", "PRK", "RUS") is N
    at_war = scenario(
        "RUS",
        "UKR",
        assumptions={"readings": {"ru-kp-2024/Art. 4/state-of-war": "narrow"}, "at_war": ["RUS"]},
    )
    assert verdict(casus_foederis(world, at_war), "ru-kp-2024", "Art. 4", "PRK", "RUS") is T


def test_non_state_attacker_does_not_trigger_an_article_that_requires_a_state(world: World) -> None:
    s = scenario("RUS", "an armed group", attributes={"state_actor": False})
    r = next(x for x in casus_foederis(world, s) if (x.treaty, x.article) == ("ru-kp-2024", "Art. 4"))
    # Art. 4: "armed attack by one or several states".
    assert r.status is N and any("not a state" in x for x in r.reasons)


def test_signed_not_in_force_can_be_assumed_honoured(world: World) -> None:
    s = scenario("RUS", "UKR", date="2024-09-01", assumptions={"honour_signed_not_in_force": True})
    r = next(x for x in casus_foederis(world, s) if (x.treaty, x.article) == ("ru-kp-2024", "Art. 3"))
    assert r.status is T and any("assumed honoured" in x for x in r.reasons)


def test_nato_article_6_geography(world: World) -> None:
    hawaii = scenario("USA", "PRK", location={"place": "Hawaii"})
    assert verdict(casus_foederis(world, hawaii), "nato-1949", "Art. 5", "CAN", "USA") is N
    ceuta = scenario("ESP", "MAR", location={"place": "Ceuta"})
    assert verdict(casus_foederis(world, ceuta), "nato-1949", "Art. 5", "FRA", "ESP") is N
    turkey = scenario("TUR", "SYR")
    assert verdict(casus_foederis(world, turkey), "nato-1949", "Art. 5", "GRC", "TUR") is T
    north_sea = scenario(
        "NOR",
        location={"place": "North Sea"},
        kind="attack_on_forces",
        attributes={"target_asset": "public_vessel"},
    )
    assert verdict(casus_foederis(world, north_sea), "nato-1949", "Art. 5", "DEU", "NOR") is T
    new_york = scenario("USA", "RUS")
    assert verdict(casus_foederis(world, new_york), "nato-1949", "Art. 5", "GBR", "USA") is T


def test_us_forces_in_okinawa_bind_japan(world: World) -> None:
    s = scenario(
        "USA",
        "CHN",
        kind="attack_on_forces",
        location={"place": "Okinawa"},
        attributes={"target_asset": "armed_forces"},
    )
    # Art. V: an armed attack against either Party in the territories under Japan's administration.
    assert verdict(casus_foederis(world, s), "us-jp-1960", "Art. V", "JPN", "USA") is T


def test_senkakus_are_under_japanese_administration(world: World) -> None:
    s = scenario("JPN", "CHN", location={"place": "Senkaku Islands"})
    assert verdict(casus_foederis(world, s), "us-jp-1960", "Art. V", "USA", "JPN") is T


def test_annexed_territory_is_a_contested_reading(world: World) -> None:
    s = scenario("RUS", "UKR", location={"place": "Crimea"}, assumptions={"at_war": ["RUS"]})
    r = next(x for x in casus_foederis(world, s) if (x.treaty, x.article) == ("ru-kp-2024", "Art. 4"))
    assert r.status is C and any("recognised-only" in x for x in r.reasons)


def test_consultation_versus_assistance(world: World) -> None:
    threat = scenario("EST", kind="imminent_threat")
    res = casus_foederis(world, threat)
    assert verdict(res, "nato-1949", "Art. 4", "USA", "EST") is T  # consult when threatened
    assert verdict(res, "nato-1949", "Art. 5", "USA", "EST") is N  # assistance needs an armed attack


def test_duties_to_abstain(world: World) -> None:
    s = scenario("RUS", "UKR", date="2025-11-01")
    res = casus_foederis(world, s)
    # Russia-Iran 2025, Art. 3: no military or other assistance to the aggressor; no defence clause.
    abstain = [
        r for r in res if r.treaty == "ru-ir-2025" and r.type.value == "non_assistance" and r.status is T
    ]
    assert abstain and not [r for r in res if r.treaty == "ru-ir-2025" and r.type.value == "defense"]


def test_suppliers_as_co_belligerents(world: World) -> None:
    s = scenario(
        "RUS",
        "UKR",
        attributes={"weapons_supplied_by": ["NLD", "DNK"]},
        assumptions={"suppliers_are_cobelligerents": True},
    )
    res = casus_foederis(world, s)
    assert all(r.against == ["UKR", "NLD", "DNK"] for r in res)
    off = casus_foederis(world, scenario("RUS", "UKR", attributes={"weapons_supplied_by": ["NLD", "DNK"]}))
    assert all(r.against == ["UKR"] for r in off)


def test_suspended_membership_is_not_triggered(world: World) -> None:
    s = scenario("NZL", "CHN", location={"state": "NZL"})
    assert verdict(casus_foederis(world, s), "anzus-1951", "Art. IV", "USA", "NZL") is N
    assert verdict(casus_foederis(world, s), "anzus-1951", "Art. IV", "AUS", "NZL") is T


def test_every_result_quotes_its_article(world: World) -> None:
    for name in ("estonia", "belgorod-2025", "taiwan"):
        for r in run_example(world, name):
            assert r.reasons[-1].startswith(f"{r.article}: “")


def test_results_are_deterministic(world: World) -> None:
    a = [r.model_dump() for r in run_example(world, "belgorod-2025")]
    b = [r.model_dump() for r in run_example(world, "belgorod-2025")]
    assert a == b


# --- fuzz: any valid scenario gives a verdict for every engaged pair, never an exception ---------

STATE_IDS = ["RUS", "UKR", "PRK", "KOR", "USA", "JPN", "EST", "PHL", "CHN", "TWN", "BLR", "TUR", "NZL", "IRN"]


@settings(max_examples=150, deadline=None)
@given(
    target=st.sampled_from(STATE_IDS),
    actor=st.sampled_from(STATE_IDS),
    kind=st.sampled_from(
        ["armed_attack", "strike_on_territory", "attack_on_forces", "imminent_threat", "declaration_of_war"]
    ),
    asset=st.sampled_from(["territory", "armed_forces", "public_vessel", "aircraft"]),
    place=st.sampled_from(
        [None, "Crimea", "Guam", "Hawaii", "Second Thomas Shoal", "Okinawa", "North Sea", "Red Sea"]
    ),
    year=st.integers(1995, 2026),
    state_actor=st.booleans(),
    suppliers=st.booleans(),
)
def test_engine_never_crashes(
    world: World,
    target: str,
    actor: str,
    kind: str,
    asset: str,
    place: str | None,
    year: int,
    state_actor: bool,
    suppliers: bool,
) -> None:
    if actor == target:
        return
    location = {"place": place} if place else {"state": target}
    s = scenario(
        target,
        actor,
        date=f"{year}-06-01",
        kind=kind,
        location=location,
        attributes={"target_asset": asset, "state_actor": state_actor, "weapons_supplied_by": ["USA"]},
        assumptions={"suppliers_are_cobelligerents": suppliers},
    )
    for r in casus_foederis(world, s):
        assert r.status in (T, C, N) and r.reasons


# --- the hard cases of issue 31 -------------------------------------------------------------


def test_coordinates_place_a_ship_inside_or_outside_natos_area(world: World) -> None:
    """A frigate torpedoed at sea: at 45°N 30°W it is in the North Atlantic north of the Tropic
    of Cancer (Art. 6), at 15°N 25°W it is not; the reason names the area either way."""
    for lat, lon, want in ((45.0, -30.0, T), (15.0, -25.0, N)):
        at_sea = {"high_seas": True, "latitude": lat, "longitude": lon}
        sc = scenario(
            "PRT", kind="attack_on_forces", location=at_sea, attributes={"target_asset": "public_vessel"}
        )
        res = casus_foederis(world, sc)
        assert verdict(res, "nato-1949", "Art. 5", "USA", "PRT") is want, (lat, lon)
        [r] = [r for r in res if (r.treaty, r.article, r.obligor) == ("nato-1949", "Art. 5", "USA")]
        assert any("north_atlantic_north_of_tropic_of_cancer" in x or "Tropic" in x for x in r.reasons)


def test_an_unknown_entry_into_force_is_an_open_question(world: World) -> None:
    res = casus_foederis(world, scenario("SAU", actor="IRN", date="2026-01-01"))
    r = next(r for r in res if (r.treaty, r.obligor, r.beneficiary) == ("sa-pk-2025", "PAK", "SAU"))
    assert r.status is C and any("not published" in x for x in r.reasons)


def test_a_non_state_attacker_is_read_as_such(world: World) -> None:
    res = casus_foederis(world, scenario("SAU", actor="YEM", attributes={"state_actor": False}))
    gcc = [r for r in res if r.treaty == "gcc-2000" and r.beneficiary == "SAU"]
    assert gcc and all(r.status is not T for r in gcc)
    assert any("not a state" in x for r in gcc for x in r.reasons)
    assert not any("may not be external" in x for r in res for x in r.reasons)


def test_forces_struck_on_an_allys_territory_engage_both_directions(world: World) -> None:
    sc = scenario("USA", actor="CHN", kind="attack_on_forces", location={"place": "okinawa"},
                  attributes={"target_asset": "armed_forces"})  # fmt: skip
    res = casus_foederis(world, sc)
    assert verdict(res, "us-jp-1960", "Art. V", "JPN", "USA") is T
    assert verdict(res, "us-jp-1960", "Art. V", "USA", "JPN") is T


def test_a_party_that_did_not_exist_is_refused(tmp_path: Path) -> None:
    import pytest

    from casus.model import InputError
    from casus.world import load_states, load_treaty_file

    text = (Path(__file__).parents[1] / "src/casus/data/treaties/cn-ru-2001.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "cn-ru-2001.yaml"
    bad.write_text(text.replace("- state: CHN", "- state: DDR", 1), encoding="utf-8")
    with pytest.raises(InputError, match="DDR did not exist on"):
        load_treaty_file(bad, load_states([]))
    js = tmp_path / "cn-ru-2001.yaml"
    js.write_text(text.replace("url: http", "url: javascript:alert(1)//http", 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"source\.url"):
        load_treaty_file(js, load_states([]))
