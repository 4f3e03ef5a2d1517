"""The REST API: reads at a date, token-guarded writes, bounds, JSON errors, runs end to end."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from casus.loader import read_file

from .conftest import AUTH

ROOT = Path(__file__).resolve().parents[2]


def scenario(name: str = "belgorod-2025") -> dict[str, Any]:
    data, _ = read_file(ROOT / "examples" / f"{name}.yaml")
    return dict(data)


def wait(client: TestClient, url: str, timeout: float = 120) -> dict[str, Any]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        run: dict[str, Any] = client.get(url).json()
        if run["status"] in ("done", "failed", "interrupted"):
            return run
        time.sleep(0.2)
    raise AssertionError(f"run {url} did not finish")


def test_reads_at_a_date(app) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(app)
    ids = {
        t["id"]
        for t in c.get("/api/treaties", params={"at": "2025-01-01", "party": "PRK"}).json()["treaties"]
    }
    assert "ru-kp-2024" in ids
    assert "ru-kp-2024" not in {
        t["id"]
        for t in c.get("/api/treaties", params={"at": "2020-01-01", "party": "PRK"}).json()["treaties"]
    }
    t = c.get("/api/treaties/ru-kp-2024", params={"at": "2025-01-01"}).json()
    assert t["on"]["status"] == "in_force" and {"RUS", "PRK"} <= set(t["on"]["parties"])
    assert any(p["article"].startswith("Art. 4") for p in t["provisions"])
    assert c.get("/api/states/365", params={"at": "1980-01-01"}).json()["id"] == "SUN"
    net = c.get("/api/network", params={"at": "2025-01-01"}).json()
    assert any(e["treaty"] == "ru-kp-2024" and e["type"] == "defense" for e in net["edges"])
    cmp = c.get("/api/compare", params={"ids": ["ru-kp-2024", "nato-1949"]}).json()
    assert [h["id"] for h in cmp["treaties"]] == ["ru-kp-2024", "nato-1949"]
    assert "openapi" in c.get("/openapi.json").json()
    assert c.get("/docs").status_code == 404  # Swagger UI would load from a CDN


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/treaties/no-such", 404, "unknown treaty"),
        ("/api/states?at=2025-02-30", 422, "real calendar date"),
        ("/api/states/XXX", 404, "unknown state"),
        ("/api/compare?ids=nato-1949", 422, "ids"),
        ("/api/runs/nope", 404, "no run"),
        ("/api/runs?limit=100000", 422, "limit"),
    ],
)
def test_errors_are_json_with_one_line(app, path: str, status: int, words: str) -> None:  # type: ignore[no-untyped-def]
    r = TestClient(app).get(path)
    assert r.status_code == status
    assert words in r.json()["error"] and "\n" not in r.json()["error"]


def test_writes_need_the_token_and_are_bounded(app) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(app)
    assert c.post("/api/runs", json={"scenario": scenario()}).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert c.post("/api/runs", json={"scenario": scenario()}, headers=wrong).status_code == 401
    r = c.post("/api/runs", json={"scenario": scenario(), "trials": 10_000_000}, headers=AUTH)
    assert r.status_code == 422 and "at most 50000" in r.json()["error"]
    big = c.post("/api/evidence", content=b"{" + b" " * (3 * 1024 * 1024) + b"}",
                 headers={**AUTH, "Content-Type": "application/json"})  # fmt: skip
    assert big.status_code == 413

    def chunks():  # no Content-Length: the body is counted as it streams in
        yield b'{"text": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'"}'

    streamed = c.post("/api/evidence", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert streamed.status_code == 413 and "over" in streamed.json()["error"]
    bad = scenario()
    bad["events"][0]["target"] = "XXX"
    r = c.post("/api/runs", json={"scenario": bad}, headers=AUTH)
    assert r.status_code == 422 and "events" in r.json()["error"]
    bad = scenario()
    bad["date"] = "2025-02-30"
    assert c.post("/api/runs", json={"scenario": bad}, headers=AUTH).status_code == 422
    assert c.get("/api/runs").json()["runs"] == []  # nothing was queued


def test_a_run_end_to_end_is_stored_and_reproducible(app) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(app)
    results = []
    for _ in range(2):
        r = c.post("/api/runs", json={"scenario": scenario(), "trials": 4000, "seed": 7}, headers=AUTH)
        assert r.status_code == 202
        run = wait(c, r.json()["url"])
        assert run["status"] == "done", run["error"]
        assert run["seed"] == 7 and run["model_version"].startswith("casus-joining")
        assert run["data_version"].startswith("sha256:") and run["timings"]["wall_s"] > 0
        assert run["progress"]["done"] == run["progress"]["total"] > 4000  # sensitivity counted too
        results.append(run["result"])
    assert results[0]["simulation"]["states"] == results[1]["simulation"]["states"]
    assert any(o["treaty"] == "ru-kp-2024" for o in results[0]["obligations"])
    listed = c.get("/api/runs").json()["runs"]
    assert len(listed) == 2 and "result" not in listed[0]


def test_evidence_is_read_and_stored(app) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(app)
    text = "West German officials said Moscow and Pyongyang signed a treaty on military cooperation."
    r = c.post("/api/evidence", json={"text": text, "date": "2024-06-20", "title": "Wire"}, headers=AUTH)
    assert r.status_code == 201
    item = c.get(r.json()["url"]).json()
    assert {a["id"] for a in item["reading"]["actors"]} >= {"RUS", "PRK"}
    assert any(f["kind"] == "anachronism" for f in item["reading"]["flags"])
    assert c.get("/api/evidence").json()["evidence"][0]["title"] == "Wire"


HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'


def test_script_injection_renders_inert(app) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(app)
    sc = scenario()
    sc["name"] = "Strike " + HOSTILE
    r = c.post("/api/runs", json={"scenario": sc, "trials": 0}, headers=AUTH)
    assert r.status_code == 202
    wait(c, r.json()["url"])
    page = c.get("/runs")
    assert HOSTILE not in page.text and "&lt;script&gt;" in page.text
    c.post(
        "/api/evidence",
        json={"text": "Russia backed North Korea. " + HOSTILE, "title": HOSTILE},
        headers=AUTH,
    )
    page = c.get("/evidence")
    assert HOSTILE not in page.text and "&lt;img src=x" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    # The JSON keeps the text as written: the UI inserts it as text, never as markup.
    assert c.get("/api/evidence").json()["evidence"][0]["title"] == HOSTILE
