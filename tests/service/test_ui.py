"""The web UI in a real browser: Debian's Chromium, headless, driven by Playwright.

Builds a scenario in the builder, runs it, watches it finish and reads the result; checks that
a scenario name and an article carrying script render as text. Screenshots go to
CASUS_SCREENSHOTS (default: the test's temporary folder).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import AUTH, CHROMIUM, TOKEN, july_1914, shots

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium not installed (.ci/run installs it)"
)
EV = "#events .event:first-child"
ACTOR, TARGET, LOC = f"{EV} [data-key=actor]", f"{EV} [data-key=target]", f"{EV} [data-key='location.state']"
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'


def test_build_run_and_read_a_scenario(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = shots(tmp_path)
    page.goto(f"{server}/#token={TOKEN}")
    page.wait_for_selector("#network .tie")
    assert page.locator("#network .tie").count() > 20
    page.screenshot(path=str(out / "network.png"))

    page.goto(f"{server}/scenario")
    page.wait_for_selector("#example option >> nth=1", state="attached")
    page.select_option(
        "#example", label="Strike on Belgorod by a Ukrainian-flagged aircraft supplied by NATO states"
    )
    # Filling in waits for the states of the example's date, so the lists settle a moment later.
    page.wait_for_function(f"document.querySelector(\"{TARGET}\").value === 'RUS'")
    page.fill("#sc-name", "Belgorod, built in the browser " + HOSTILE)
    page.check("#as-suppliers")
    page.fill("#trials", "5000")
    page.fill("#seed", "11")
    page.screenshot(path=str(out / "builder.png"))
    page.click("#run-button")
    page.wait_for_url("**/runs/*")
    page.wait_for_function(
        "document.getElementById('run-status').textContent.startsWith('done')", timeout=120_000
    )
    page.wait_for_selector("#bars .main-svg")
    headline = page.text_content("#headline") or ""
    assert headline.startswith(
        "If it comes to a use of force short of war (intensity use_of_force, from the events"
    )
    assert "nuclear-armed states on opposite sides" in (page.text_content("#figures") or "")
    assert "built in the browser <img" in (page.text_content("#run-title") or "")
    assert page.locator("#trace .trace").count() > 0
    assert "ru-kp-2024" in (page.text_content("#follows") or "") or "Art. 4" in (
        page.text_content("#trace") or ""
    )
    assert page.locator("#tornado table.sens tr").count() >= 2
    page.screenshot(path=str(out / "result.png"), full_page=True)

    page.goto(f"{server}/runs")
    assert "<img src=x" in (page.text_content("table") or "")  # shown as text
    assert page.evaluate("window.__pwned") is None
    assert page.errors == []  # type: ignore[attr-defined]


def test_evidence_browser_renders_articles_as_text(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/evidence#token={TOKEN}")
    page.fill("#ev-title", "Wire " + HOSTILE)
    page.fill("#ev-text", "<p>Pyongyang shipped artillery shells to Russia, officials said.</p>" + HOSTILE)
    page.check("#ev-html")
    page.fill("#ev-date", "2024-06-20")
    page.click("#evidence-form button")
    page.wait_for_selector("#evidence-detail h2")
    shown = page.text_content("#evidence-detail") or ""
    assert "transfer_arms" in shown
    # each claim with its confidence, what moved it, and what the number means
    assert ", confidence 0." in shown and "against the average claim, confidence moved most by: " in shown
    assert "annotated articles it had not been tuned on" in shown
    page.reload()
    page.click("#evidence-list a")
    page.wait_for_selector("#evidence-detail h2")
    assert "<img" in (page.text_content("#evidence-detail h2") or "")
    page.screenshot(path=str(shots(tmp_path) / "evidence.png"), full_page=True)
    assert page.evaluate("window.__pwned") is None
    assert page.errors == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("title", "text", "date", "expected", "shot"),
    [
        (
            "Moscow warns Helsinki",
            "Moscow warned that Finland could face serious consequences if it deploys NATO troops.",
            "2025-06-01",
            "RUS threaten FIN (conditional: a threat for the case it names)",
            "evidence-threat.png",
        ),
        (
            "Berlin's offer",
            "Germany is willing to send around 4,000 troops to Lithuania, the defence minister said.",
            "2023-06-26",
            "DEU assist_militarily LTU (conditional: help offered, for when it is taken up)",
            "evidence-offer.png",
        ),
    ],
    ids=["a-threat-is-a-threat", "troops-offered-are-help-offered"],
)
def test_the_evidence_browser_says_what_a_conditional_claim_is(  # type: ignore[no-untyped-def]
    page, server: str, tmp_path: Path, title: str, text: str, date: str, expected: str, shot: str
) -> None:
    page.goto(f"{server}/evidence#token={TOKEN}")
    page.fill("#ev-title", title)
    page.fill("#ev-text", text)
    page.fill("#ev-date", date)
    page.click("#evidence-form button")
    page.wait_for_selector("#evidence-detail h2")
    shown = page.text_content("#evidence-detail") or ""
    assert expected in shown
    page.screenshot(path=str(shots(tmp_path) / shot), full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_run_in_a_historical_year_says_which_world_it_ran_in(
    page, history_server: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import httpx

    r = httpx.post(f"{history_server}/api/runs", json={"scenario": july_1914(), "trials": 3000, "seed": 3},
                   headers=AUTH, timeout=60)  # fmt: skip
    assert r.status_code == 202, r.text
    page.goto(f"{history_server}/runs/{r.json()['id']}#token={TOKEN}")
    page.wait_for_function(
        "document.getElementById('run-status').textContent.startsWith('done')", timeout=120_000
    )
    page.wait_for_selector("#bars .main-svg")
    assert "world: historical world of 1914 from" in (page.text_content("#run-meta") or "")
    # No state was nuclear-armed in 1914: the run leads with, and ranks assumptions by, the war's size.
    headline = page.text_content("#headline") or ""
    assert headline.startswith("If it comes to war (intensity war, set in the scenario): ")
    assert "no nuclear-armed state on the date" in (page.text_content("#figures") or "")
    assert page.locator("#tornado table.sens").count() >= 1
    assert "the mean number of states at war" in (page.text_content("#tornado-note") or "")
    assert "Greece" in (page.text_content("#follows") or "") + (page.text_content("#trace") or "")
    page.screenshot(path=str(shots(tmp_path) / "run-1914.png"), full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_network_page_shows_a_historical_year(page, history_server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{history_server}/?at=1914-07-01")
    page.wait_for_function("document.getElementById('net-summary').textContent.includes('states')")
    assert page.locator("#network .tie").count() < 10  # the bundled world holds few ties in 1914
    page.check("#net-history")
    page.click("#net-form button")
    page.wait_for_function("document.getElementById('net-world').textContent.includes('1914')")
    assert "world: historical world of 1914 from" in (page.text_content("#net-world") or "")
    ids = set(page.locator("#network .state").evaluate_all("gs => gs.map(g => g.dataset.id)"))
    assert {"GMY", "AUH", "FRN", "RUS"} <= ids  # COW's states of 1914, Austria-Hungary included
    assert "Middle East" in page.locator("select[name=region] option").all_text_contents()  # COW's regions
    page.screenshot(path=str(shots(tmp_path) / "network-1914.png"))
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_builder_builds_a_scenario_in_a_historical_year(
    page, history_server: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{history_server}/scenario#token={TOKEN}")
    page.wait_for_selector("#example option >> nth=1", state="attached")
    assert page.locator(f"{ACTOR} option[value=AUH]").count() == 0  # today's states to begin with
    page.fill("#sc-name", "Vienna moves on Belgrade, built in the browser")
    page.fill("#sc-date", "1914-07-29")
    page.dispatch_event("#sc-date", "change")
    # In the bundled world the lists follow the date: no Austria-Hungary, but the states of 1914.
    page.wait_for_function("document.getElementById('sc-world-note').textContent.includes('1914-07-29')")
    assert page.locator(f"{ACTOR} option[value=AUH]").count() == 0
    page.select_option("#sc-world", "history")
    page.wait_for_selector(f"{ACTOR} option[value=AUH]", state="attached")
    assert "historical world of 1914 from" in (page.text_content("#sc-world-note") or "")
    page.select_option(ACTOR, "AUH")
    page.select_option(TARGET, "YUG")
    page.select_option(LOC, "YUG")
    preview = page.text_content("#scenario-json") or ""
    assert '"world": "history"' in preview and '"actor": "AUH"' in preview
    page.fill("#trials", "3000")
    page.fill("#seed", "5")
    page.screenshot(path=str(shots(tmp_path) / "builder-1914.png"))
    page.click("#run-button")
    page.wait_for_url("**/runs/*")
    page.wait_for_function(
        "document.getElementById('run-status').textContent.startsWith('done')", timeout=120_000
    )
    assert "world: historical world of 1914 from" in (page.text_content("#run-meta") or "")
    assert "Greece" in (page.text_content("#follows") or "") + (page.text_content("#trace") or "")

    # The 1914 example sets its world and date, and its states are there to pick.
    page.goto(f"{history_server}/scenario")
    page.wait_for_selector("#example option >> nth=1", state="attached")
    page.select_option("#example", label="Austria-Hungary attacks Serbia, July 1914")
    page.wait_for_function(f"document.querySelector(\"{ACTOR}\").value === 'AUH'")
    assert page.input_value("#sc-world") == "history" and page.input_value(TARGET) == "YUG"
    # A year outside the files says so, and the lists stay as they were.
    page.fill("#sc-date", "2024-07-29")
    page.dispatch_event("#sc-date", "change")
    page.wait_for_function("document.getElementById('scenario-error').textContent.includes('2024')")
    assert "no state is in the COW system in 2024" in (page.text_content("#scenario-error") or "")
    assert page.input_value(ACTOR) == "AUH"
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_builder_lists_the_states_of_its_date(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/scenario")
    assert page.locator("#sc-world").count() == 0  # no historical world on a server without the files
    page.wait_for_selector(f"{ACTOR} option[value=USA]", state="attached")
    assert page.locator(f"{ACTOR} option[value=SUN]").count() == 0
    page.fill("#sc-date", "1985-06-01")
    page.dispatch_event("#sc-date", "change")
    page.wait_for_selector(f"{ACTOR} option[value=SUN]", state="attached")
    assert page.locator(f"{ACTOR} option[value=UKR]").count() == 0  # not yet independent
    assert '"world"' not in (page.text_content("#scenario-json") or "")  # bundled by default
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_builder_sets_the_intensity_and_an_example_fills_it(page, server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/scenario")
    page.wait_for_selector("#example option >> nth=1", state="attached")
    assert '"intensity"' not in (page.text_content("#scenario-json") or "")  # from the events by default
    page.select_option("#sc-intensity", "war")
    page.dispatch_event("#sc-intensity", "input")
    assert '"intensity": "war"' in (page.text_content("#scenario-json") or "")
    page.select_option(
        "#example", label="Ukrainian forces hold ground in Russia's Kursk region, January 2025"
    )
    page.wait_for_function(f"document.querySelector(\"{TARGET}\").value === 'RUS'")
    assert page.input_value("#sc-intensity") == "war"  # the example asks about a war
    assert page.errors == []  # type: ignore[attr-defined]
