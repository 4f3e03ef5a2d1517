"""The service runs scenarios set in a historical world in their year's world, given the ATOP and COW files."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from casus.cli import app as cli
from casus.history.world import historical_world
from casus.joining import load_model
from casus.model.scenario import Scenario
from casus.service.jobs import run_scenario
from casus.world import load_states

from .conftest import AUTH, july_1914
from .test_api import wait


def test_a_run_in_1914_uses_the_world_of_1914(history_app, tables) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(history_app)
    r = c.post("/api/runs", json={"scenario": july_1914(), "trials": 3000, "seed": 7}, headers=AUTH)
    assert r.status_code == 202, r.text
    run = wait(c, r.json()["url"])
    assert run["status"] == "done", run["error"]
    result = run["result"]
    assert result["world"]["provenance"].startswith("historical world of 1914 from")
    assert result["simulation"]["side_a"] == ["AUH"] and result["simulation"]["side_b"] == ["YUG"]
    triggered = {
        (o["obligor"], o["beneficiary"]) for o in result["obligations"] if o["status"] == "triggered"
    }
    assert ("GRC", "YUG") in triggered
    # The same numbers as the engines give directly on that year's world.
    world = historical_world(tables, 1914, load_states())
    direct, _ = run_scenario(world, Scenario.model_validate(july_1914()), 3000, 7, load_model())
    assert result["simulation"]["states"] == direct["simulation"]["states"]
    saved = c.post("/api/scenarios", json={"scenario": july_1914()}, headers=AUTH)
    assert saved.status_code == 201, saved.text
    # A year outside the files is refused with the reason, as `casus run` refuses it.
    late = july_1914() | {"date": "2024-07-29"}
    r = c.post("/api/runs", json={"scenario": late, "trials": 0}, headers=AUTH)
    assert r.status_code == 422 and "no state is in the COW system in 2024" in r.json()["error"]


def test_without_the_files_a_historical_scenario_is_refused_saying_why(app) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(app)
    r = c.post("/api/runs", json={"scenario": july_1914(), "trials": 100}, headers=AUTH)
    assert r.status_code == 422
    assert "historical world of 1914: give the ATOP and COW files (--data DIR)" in r.json()["error"]
    assert c.post("/api/scenarios", json={"scenario": july_1914()}, headers=AUTH).status_code == 422
    assert c.get("/api/runs").json()["runs"] == []


def test_serve_refuses_a_data_folder_without_the_files(tmp_path: Path) -> None:
    r = CliRunner().invoke(cli, ["serve", "--data", str(tmp_path), "--db", f"sqlite:///{tmp_path / 's.db'}"])
    assert r.exit_code != 0 and "cow_states.csv: no such file" in str(r.exception)
    assert not (tmp_path / "s.db").exists()  # refused before the store was opened


def test_the_network_of_a_historical_year(history_app, app) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(history_app)
    r = c.get("/api/network", params={"at": "1914-07-01", "history": "true"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["world"].startswith("historical world of 1914 from")
    assert {"GMY", "AUH", "YUG", "RUS"} <= {n["id"] for n in doc["nodes"]}
    defence = {(e["source"], e["target"]) for e in doc["edges"] if e["type"] == "defense"}
    assert ("FRN", "RUS") in defence and ("GMY", "AUH") in defence
    assert "world" not in c.get("/api/network", params={"at": "1914-07-01"}).json()  # the bundled world
    late = c.get("/api/network", params={"at": "2024-07-01", "history": "true"})
    assert late.status_code == 422 and "no state is in the COW system in 2024" in late.json()["error"]
    plain = TestClient(app).get("/api/network", params={"at": "1914-07-01", "history": "true"})
    assert plain.status_code == 422 and "casus serve --data DIR" in plain.json()["error"]


def test_the_states_of_a_historical_year_and_its_examples(history_app, app) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(history_app)
    r = c.get("/api/states", params={"at": "1914-07-01", "history": "true"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["world"].startswith("historical world of 1914 from")
    ids = {s["id"] for s in doc["states"]}
    assert {"GMY", "AUH", "YUG", "RUS", "TUR"} <= ids and "DEU" not in ids  # COW's states of 1914
    europe = c.get("/api/states", params={"at": "1914-07-01", "history": "true", "region": "Europe"}).json()
    assert "GMY" in {s["id"] for s in europe["states"]} and "JPN" not in {s["id"] for s in europe["states"]}
    assert "world" not in c.get("/api/states", params={"at": "1914-07-01"}).json()  # the bundled registry
    late = c.get("/api/states", params={"at": "2024-07-01", "history": "true"})
    assert late.status_code == 422 and "no state is in the COW system in 2024" in late.json()["error"]
    # The builder offers the historical examples only where the server can build their world.
    files = {x["file"] for x in c.get("/api/scenarios").json()["examples"]}
    assert "history/july-1914.yaml" in files and "belgorod-2025.yaml" in files
    plain = TestClient(app)
    assert "history/july-1914.yaml" not in {x["file"] for x in plain.get("/api/scenarios").json()["examples"]}
    refused = plain.get("/api/states", params={"at": "1914-07-01", "history": "true"})
    assert refused.status_code == 422 and "casus serve --data DIR" in refused.json()["error"]
