"""The endpoints behind the pages: checking scenario text with located problems, saved scenarios,
a run's scenario as YAML, the run pages and the HTML report of a finished run."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import AUTH

EXAMPLES = Path(__file__).resolve().parents[2] / "src" / "casus" / "examples"


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def finished(client, rid: str) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    end = time.monotonic() + 120
    while True:
        run: dict[str, Any] = client.get(f"/api/runs/{rid}").json()
        if run["status"] in ("done", "failed", "interrupted"):
            return run
        assert time.monotonic() < end, "the run did not finish"
        time.sleep(0.2)


def test_check_answers_a_valid_scenario_as_data(client) -> None:  # type: ignore[no-untyped-def]
    text = (EXAMPLES / "korea-clash.yaml").read_text("utf-8")
    r = client.post("/api/scenarios/check", json={"text": text})
    assert r.status_code == 200, r.text
    body = r.json()
    assert (
        body["events"] == 3
        and body["intensity"] == "war"
        and body["intensity_source"] == "set in the scenario"
    )
    assert body["scenario"]["events"][2]["actor"] == "USA"
    assert body["scenario"]["date"] == "2025-06-01"  # dates stay text


def test_check_locates_every_problem_by_line_and_field(client) -> None:  # type: ignore[no-untyped-def]
    text = "name: Bad\ndate: 2025-03-01\nevents:\n  - id: e1\n    actor: UKR\n    target: RUX\n    kind: strike\n    location: {state: RUS}\n"
    r = client.post("/api/scenarios/check", json={"text": text})
    assert r.status_code == 422
    problems = r.json()["problems"]
    assert {k: problems[0][k] for k in ("line", "field")} == {"line": 7, "field": "events[0].kind"}
    assert "unknown kind 'strike'" in problems[0]["message"]
    # The world's checks come once the schema holds.
    r = client.post("/api/scenarios/check", json={"text": text.replace("kind: strike", "kind: armed_attack")})
    assert r.status_code == 422
    (p,) = r.json()["problems"]
    assert p["line"] == 6 and p["field"] == "events[0].target" and "RUX" in p["message"]


def test_check_reports_broken_yaml_and_json_with_their_line(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/scenarios/check", json={"text": "name: x\ndate: [2025\nevents: []\n"})
    assert r.status_code == 422
    assert (
        r.json()["problems"][0]["line"] is not None and "invalid YAML" in r.json()["problems"][0]["message"]
    )
    r = client.post(
        "/api/scenarios/check", json={"text": '{"name": "x",\n "date": "2025-02-30",\n "events": []}'}
    )
    assert r.status_code == 422
    fields = {p["field"]: p["line"] for p in r.json()["problems"]}
    assert fields["date"] == 2 and "events" in fields


def test_saved_scenarios_open_by_id(client) -> None:  # type: ignore[no-untyped-def]
    sc = yaml.safe_load((EXAMPLES / "belgorod-2025.yaml").read_text("utf-8"))
    sc["date"] = str(sc["date"])
    r = client.post("/api/scenarios", json={"scenario": sc}, headers=AUTH)
    assert r.status_code == 201, r.text
    sid = r.json()["id"]
    got = client.get(f"/api/scenarios/{sid}").json()
    assert got["name"] == sc["name"] and got["scenario"]["events"][0]["target"] == "RUS"
    assert client.get("/api/scenarios/nope").status_code == 404


def test_a_run_gives_its_scenario_as_yaml_its_page_and_its_report(client) -> None:  # type: ignore[no-untyped-def]
    sc = yaml.safe_load((EXAMPLES / "belgorod-2025.yaml").read_text("utf-8"))
    sc["date"] = str(sc["date"])
    r = client.post("/api/runs", json={"scenario": sc, "trials": 2000, "seed": 3}, headers=AUTH)
    assert r.status_code == 202, r.text
    rid = r.json()["id"]
    run = finished(client, rid)
    assert run["status"] == "done", run

    y = client.get(f"/api/runs/{rid}/scenario.yaml")
    assert y.status_code == 200 and "attachment" in y.headers["content-disposition"]
    again = yaml.safe_load(y.text)
    assert again == sc
    assert client.post("/api/scenarios/check", json={"text": y.text}).status_code == 200

    page = client.get(f"/runs/{rid}").text
    assert "Ukraine strikes the territory of Russia" in page and "Belgorod Oblast" in page
    assert "weapons supplied by Netherlands, Denmark, Norway" in page

    report = client.get(f"/runs/{rid}/report")
    assert report.status_code == 200
    html = report.text
    assert "<script>" not in html  # every script is served from the service's origin
    assert "Content-Security-Policy" not in html
    assert "Collective Security Treaty" in html or "csto-1992" in html
    srcs = [s for s in html.split('<script src="')[1:]]
    assert srcs[0].startswith("/static/plotly.min.js")
    first = srcs[1].split('"')[0]
    js = client.get(first)
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert "Plotly" in js.text

    whole = client.get(f"/runs/{rid}/report?download=true")
    assert "attachment" in whole.headers["content-disposition"] and "<script>" in whole.text  # self-contained


def test_the_report_of_an_unfinished_run_says_so(client, app) -> None:  # type: ignore[no-untyped-def]
    store = app.state.jobs.store
    rid = store.queue_run("stopped", {"name": "stopped"}, 1000, 1)
    store.fail_run(rid, "the server shut down", status="interrupted")
    r = client.get(f"/runs/{rid}/report")
    assert r.status_code == 409 and "interrupted" in r.json()["error"]
    runs = client.get("/runs").text
    assert "the server shut down" in runs and f'data-rerun="{rid}"' in runs
