"""The run pages and the scenario builder in a real browser, as a first-time analyst uses them:
a scenario built from a blank form, one pasted as YAML (with its mistakes located), and an
interrupted run run again from the list. Screenshots go to CASUS_SCREENSHOTS."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from .conftest import CHROMIUM, TOKEN, shots

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium not installed (.ci/run installs it)"
)

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "casus" / "examples"
EV1 = "#events .event:nth-child(1)"
DONE = "document.getElementById('run-status').textContent.startsWith('done')"


def full(page, path: Path) -> None:  # type: ignore[no-untyped-def]
    """A screenshot of the whole page, taken by making the viewport as tall as the page (Chromium's
    full-page capture leaves the next click undelivered)."""
    size = page.viewport_size
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(height, 16_000)})
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def test_build_belgorod_from_a_blank_form_run_it_and_open_the_report(
    page, server: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = shots(tmp_path)
    page.goto(f"{server}/scenario")  # no #token= link: the page explains what the token is
    page.wait_for_selector(f"{EV1} [data-key=actor] option[value=UKR]", state="attached")
    assert page.input_value(f"{EV1} [data-key=actor]") == ""  # nothing chosen for the user
    assert page.input_value(f"{EV1} [data-key='location.state']") == "=target"
    assert page.input_value("#sc-date") != ""  # today
    assert "no token" in (page.text_content("#token-toggle") or "")

    page.fill("#sc-name", "Belgorod, from a blank form")
    page.fill("#sc-description", "Would North Korea be obliged to join in?")
    page.fill("#sc-date", "2025-03-01")
    page.dispatch_event("#sc-date", "change")
    page.wait_for_function("document.getElementById('sc-world-note').textContent.includes('2025-03-01')")
    page.select_option(f"{EV1} [data-key=actor]", "UKR")
    page.select_option(f"{EV1} [data-key=kind]", "strike_on_territory")
    page.select_option(f"{EV1} [data-key=target]", "RUS")
    page.fill(f"{EV1} [data-key='location.place']", "Belgorod Oblast")
    page.click(f"{EV1} details.more summary")
    page.select_option(f"{EV1} [data-key='attributes.flag']", "UKR")
    for s in ("NLD", "DNK", "NOR"):
        page.select_option(f"{EV1} .chip-add", s)
    page.fill("#trials", "5000")
    page.fill("#seed", "11")
    sent = json.loads(page.text_content("#scenario-json") or "{}")
    ev = sent["events"][0]
    assert ev["location"] == {"state": "RUS", "place": "Belgorod Oblast"}
    assert ev["attributes"] == {"flag": "UKR", "weapons_supplied_by": ["NLD", "DNK", "NOR"]}

    page.click("#run-button")  # without the token: a plain explanation, and the token panel opens
    page.wait_for_function("document.getElementById('scenario-error').textContent.includes('token')")
    assert "Write access" in (page.text_content("#scenario-error") or "")
    assert page.is_visible("#token-panel")
    full(page, out / "pages-builder-belgorod.png")
    page.fill("#token", TOKEN)
    page.click("#token-save")
    assert "kept" in (page.text_content("#token-toggle") or "")
    page.click("#run-button")
    page.wait_for_url("**/runs/*")
    page.wait_for_function(DONE, timeout=120_000)
    page.wait_for_selector("#bars .main-svg")
    sides = page.text_content("#sides") or ""
    assert "Side A — struck first" in sides and "Ukraine" in sides and "Russia" in sides
    headline = page.text_content("#headline") or ""
    assert headline.startswith("If it comes to a use of force short of war") and "Belarus" in headline
    assert "Conditional on:" in (page.text_content("#conditional") or "")
    assert "Collective Security Treaty" in (page.text_content("#follows") or "")
    # Each article is quoted once, with its obligors listed; an English text taken from a Russian
    # publication says so (the library quotes no article in a language other than English).
    assert page.locator("#trace h3", has_text="Art. 4").count() >= 1
    csto4 = page.locator("#trace article", has_text="Collective Security Treaty, Tashkent), Art. 4")
    assert csto4.count() == 1 and "Kazakhstan" in (csto4.text_content() or "")
    assert "in English, of the Russian text" in (page.text_content("#trace") or "")
    assert "original, " not in (page.text_content("#trace") or "")
    assert "csto-1992/" not in (page.text_content("#tornado") or "")  # readings by name, not by id
    note = page.text_content("#run-progress-note") or ""
    assert "sensitivity analysis" in note
    assert "Belgorod Oblast" in (page.text_content(".question") or "")
    full(page, out / "pages-result-belgorod.png")

    page.click("#report-link")
    page.wait_for_url("**/report")
    page.wait_for_selector(".js-plotly-plot .main-svg, .plotly-graph-div .main-svg", timeout=30_000)
    assert "Belgorod, from a blank form" in (page.text_content("h1") or "")
    page.screenshot(path=str(out / "pages-report.png"))
    assert page.errors == []  # type: ignore[attr-defined]


def test_paste_the_korean_clash_as_yaml_and_run_it(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = shots(tmp_path)
    text = (EXAMPLES / "korea-clash.yaml").read_text("utf-8")
    page.goto(f"{server}/scenario#token={TOKEN}")
    page.click("#paste-toggle")  # at once: the panel does not wait for the page's data
    page.wait_for_selector("#paste-text", state="visible", timeout=5000)
    broken = text.replace("date: 2025-05-30", "date: 2025-05-32", 1).replace(
        "kind: strike_on_territory\n    location: {state: PRK}\n    date: 2025-05-31",
        "kind: air_raid\n    location: {state: PRK}\n    date: 2025-05-31",
    )
    page.fill("#paste-text", broken)
    page.click("#paste-check")
    page.wait_for_selector("#paste-problems li")
    problems = page.locator("#paste-problems li").all_text_contents()
    lines = broken.splitlines()
    assert any(f"line {lines.index('    date: 2025-05-32') + 1} events[0].date" in p for p in problems), (
        problems
    )
    assert any(f"line {lines.index('    kind: air_raid') + 1} events[2].kind" in p for p in problems), (
        problems
    )
    assert page.locator("#paste-gutter .bad").count() == len(problems)
    page.screenshot(path=str(out / "pages-paste-problems.png"))

    page.fill("#paste-text", text)
    page.click("#paste-check")
    page.wait_for_function("document.getElementById('paste-result').textContent.startsWith('No problems')")
    assert "3 events" in (page.text_content("#paste-result") or "")
    page.click("#paste-load")  # into the form: three events
    page.wait_for_function("document.querySelectorAll('#events .event').length === 3")
    assert page.input_value("#events .event:nth-child(3) [data-key=actor]") == "USA"
    page.fill("#trials", "4000")
    page.fill("#seed", "5")
    full(page, out / "pages-builder-korea.png")
    page.click("#run-button")
    page.wait_for_url("**/runs/*")
    page.wait_for_function(DONE, timeout=120_000)
    sides = page.locator("#sides .side")
    assert "North Korea" in (sides.nth(0).text_content() or "")
    assert {"South Korea", "United States"} <= set(
        (sides.nth(1).text_content() or "").split("attacked")[1].split(", ")
    )
    assert page.locator(".question ol.events li").count() == 3
    # Each article is quoted once, whichever of the three events it answers, with the events named.
    headings = page.locator("#trace h3").all_text_contents()
    assert len(headings) == len(set(headings)) and headings
    assert "event us-strike:" in (page.text_content("#trace") or "")
    full(page, out / "pages-result-korea.png")
    run_url = page.url
    # A state the world does not know is located too, once the form is right.
    page.goto(f"{server}/scenario")
    page.click("#paste-toggle")
    page.fill("#paste-text", text.replace("target: KOR", "target: KOX"))
    page.click("#paste-check")
    page.wait_for_selector("#paste-problems li")
    assert f"line {text.splitlines().index('    target: KOR') + 1} events[0].target" in (
        page.text_content("#paste-problems") or ""
    )
    page.screenshot(path=str(out / "pages-paste-unknown-state.png"))
    # The scenario downloads as YAML that reads back as what was run.
    y = page.request.get(run_url.replace("/runs/", "/api/runs/") + "/scenario.yaml")
    assert yaml.safe_load(y.text())["events"][2]["actor"] == "USA"
    assert page.errors == []  # type: ignore[attr-defined]


def test_an_interrupted_run_shows_why_and_runs_again(page, server: str, app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scenario = json.loads(
        json.dumps(yaml.safe_load((EXAMPLES / "belgorod-2025.yaml").read_text("utf-8")), default=str)
    )
    store = app.state.jobs.store
    rid = store.queue_run(scenario["name"], scenario, 3000, 7)
    store.fail_run(rid, "the server shut down before the run finished; re-run it", status="interrupted")
    page.goto(f"{server}/runs#token={TOKEN}")
    row = page.locator("#runs-list tr", has_text="interrupted")
    assert "the server shut down before the run finished" in (row.text_content() or "")
    assert re.fullmatch(
        r"\d+ \w{3} \d{4}, \d\d:\d\d UTC", (row.locator("td").nth(4).text_content() or "").strip()
    )
    page.screenshot(path=str(shots(tmp_path) / "pages-runs.png"))
    row.locator("button", has_text="Run again").click()
    page.wait_for_url("**/runs/*")
    assert rid not in page.url
    page.wait_for_function(DONE, timeout=120_000)
    assert f"a re-run of run {rid[:8]}" in (page.text_content(".eyebrow") or "")
    page.goto(f"{server}/runs/{rid}")
    page.wait_for_function("document.getElementById('run-error').textContent.includes('interrupted')")
    assert "Run again" in (page.text_content("#rerun-button") or "")
    page.screenshot(path=str(shots(tmp_path) / "pages-run-interrupted.png"))
    assert page.errors == []  # type: ignore[attr-defined]
