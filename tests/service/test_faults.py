"""The service under faults: servers killed mid-run, PostgreSQL stopped while a run finishes, two
servers on one database, shutdown during a run, a result the store refuses. No run may be lost,
left "running", or marked interrupted while its server is alive; every failure says why.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from fastapi.testclient import TestClient

from casus.joining import load_model
from casus.service import jobs as jobs_module
from casus.service.jobs import SHUT_DOWN, Jobs
from casus.service.store import Store

from .conftest import AUTH, TOKEN, PgCluster, free_port

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "belgorod-2025.yaml"


def belgorod() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(yaml.safe_load(EXAMPLE.read_text("utf-8")), default=str))
    return data


def wait_for(check: Callable[[], bool], timeout: float = 60.0, what: str = "condition") -> None:
    end = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.05)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Runs wait at this gate before computing (the real computation), so a test can act mid-run."""
    real = jobs_module.run_scenario
    opened = threading.Event()

    def gated(*args: Any, **kwargs: Any) -> Any:
        opened.wait(120)
        return real(*args, **kwargs)

    monkeypatch.setattr(jobs_module, "run_scenario", gated)
    yield opened
    opened.set()


def make_jobs(store: Store, world: Any, **kw: Any) -> Jobs:
    from casus.history.world import ScenarioWorlds

    return Jobs(store, ScenarioWorlds(world, None), load_model(), **{"processes": False, **kw})


def test_a_second_server_never_marks_a_live_servers_runs(
    db_url: str, world: Any, gate: threading.Event
) -> None:
    first = Store(db_url, stale_after=1.0)
    a = make_jobs(first, world)
    rid = a.submit("live", belgorod(), 2000, 5)
    wait_for(lambda: first.run(rid).status == "running", what="the run to start")
    second = Store(db_url, stale_after=1.0)  # a second server opens the same database
    b = make_jobs(second, world)
    assert second.interrupted == 0
    time.sleep(2.5)  # over twice the staleness limit: the first server's keeper has been beating
    assert b.store.reap() == 0
    assert first.run(rid).status == "running"
    gate.set()
    wait_for(lambda: first.run(rid).status == "done", what="the run to finish")
    r = second.run(rid)
    assert (r.status, r.error, r.seed) == ("done", None, 5)
    assert r.result and r.result["simulation"]
    for j in (a, b):
        j.shutdown()
    first.close()
    second.close()


def test_a_run_taken_for_interrupted_still_lands_its_result(db_url: str) -> None:
    owner = Store(db_url, stale_after=0.5)
    rid = owner.queue_run("slow beat", {"name": "x"}, 10, 1)
    owner.start_run(rid)
    time.sleep(0.7)  # no heartbeat: another server may take the owner for gone
    other = Store(db_url, stale_after=0.5)
    assert other.interrupted == 1
    assert other.run(rid).status == "interrupted"
    owner.finish_run(rid, {"ok": True}, seed=1, model_version="m", data_version="d", casus_version="c",
                     timings={"wall_s": 0.1})  # fmt: skip
    r = other.run(rid)
    assert (r.status, r.error, r.result) == ("done", None, {"ok": True})
    owner.close()
    other.close()


def test_postgresql_stopped_while_a_run_finishes(
    own_pg: PgCluster, world: Any, gate: threading.Event
) -> None:
    from casus.service.api import create_app

    store = Store(own_pg.url, stale_after=2.0)
    app = create_app(world, store, load_model(), TOKEN, processes=False)  # the gate is in this process
    client = TestClient(app, raise_server_exceptions=False)
    jobs: Jobs = app.state.jobs
    rid = client.post(
        "/api/runs", json={"scenario": belgorod(), "trials": 2000, "seed": 3}, headers=AUTH
    ).json()["id"]
    wait_for(lambda: store.run(rid).status == "running", what="the run to start")
    own_pg.stop()
    gate.set()  # the run finishes while the database is down
    wait_for(lambda: rid in jobs.pending, what="the result to wait in memory")
    down = client.get("/api/runs")
    assert down.status_code == 503 and down.headers["content-type"].startswith("application/json")
    assert "database is unavailable" in down.json()["error"]
    assert client.get(f"/api/runs/{rid}").status_code == 503
    own_pg.start()
    wait_for(lambda: not jobs.pending, timeout=30, what="the keeper to store the result")
    r = client.get(f"/api/runs/{rid}").json()
    assert (r["status"], r["error"], r["seed"]) == ("done", None, 3)
    assert r["result"]["simulation"]
    jobs.shutdown()
    store.close()


def test_a_result_the_store_refuses_marks_the_run_failed(db_url: str, world: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(jobs_module, "run_scenario", lambda *a, **k: ({"not json": {1, 2}}, 7))
    store = Store(db_url)
    jobs = make_jobs(store, world)
    rid = jobs.submit("unstorable", belgorod(), 10, 7)
    wait_for(lambda: store.run(rid).status not in ("queued", "running"), what="the run to end")
    r = store.run(rid)
    assert r.status == "failed" and r.result is None
    assert r.error.startswith("the result could not be stored:")
    jobs.shutdown()
    store.close()


def test_shutdown_cancels_running_work_and_marks_what_was_queued(tmp_path: Path, world: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    def endless(*_a: Any, progress: Callable[[int], None] | None = None, **_k: Any) -> Any:
        while True:  # a run that would never end by itself
            assert progress is not None
            progress(1)
            time.sleep(0.02)

    monkeypatch.setattr(
        jobs_module, "run_scenario", lambda w, s, t, seed, m, progress=None: endless(progress=progress)
    )
    store = Store(f"sqlite:///{tmp_path / 's.db'}")
    jobs = make_jobs(store, world)
    running = jobs.submit("running", belgorod(), 10, 1)
    queued = jobs.submit("queued", belgorod(), 10, 1)
    wait_for(lambda: store.run(running).status == "running", what="the run to start")
    jobs.shutdown(grace=5.0)
    for rid in (running, queued):
        r = store.run(rid)
        assert (r.status, r.error) == ("interrupted", SHUT_DOWN)
    store.close()


def test_errors_are_json_and_scenarios_are_bounded(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    client = TestClient(app, raise_server_exceptions=False)
    monkeypatch.setattr(app.state.jobs.store, "runs", lambda *_a: 1 / 0)
    r = client.get("/api/runs")
    assert r.status_code == 500 and r.json() == {"error": "internal error (ZeroDivisionError); it is logged"}
    big = belgorod()
    big["events"] = big["events"] * 60
    r = client.post("/api/runs", json={"scenario": big, "trials": 10}, headers=AUTH)
    assert r.status_code == 422 and "at most 50" in r.json()["error"]
    big["description"] = "x" * 300_000
    r = client.post("/api/runs", json={"scenario": big, "trials": 10}, headers=AUTH)
    assert r.status_code == 413 and "scenario:" in r.json()["error"]


def test_a_legacy_run_without_an_owner_is_marked_interrupted(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from casus.service.store import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("insert into runs (id, name, scenario, trials, status, created) "
                          "values ('r1', 'old', '{}', 10, 'running', '2026-01-01 00:00:00')"))  # fmt: skip
    engine.dispose()
    store = Store(url)
    assert store.interrupted == 1
    assert store.run("r1").status == "interrupted"
    store.close()


def _serve(db: str, port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CASUS_TOKEN": TOKEN}
    with log.open("ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "casus", "serve", "--db", db, "--port", str(port)],
                                env=env, stdout=out, stderr=out)  # fmt: skip
    wait_for(lambda: _up(port), timeout=120, what="the server to answer")
    return proc


def _up(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/api/version", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def test_a_killed_server_leaves_no_run_running_and_its_runs_can_be_rerun(tmp_path: Path) -> None:
    db, port, log = f"sqlite:///{tmp_path / 'k.db'}", free_port(), tmp_path / "server.log"
    proc = _serve(db, port, log)
    base = f"http://127.0.0.1:{port}"
    try:
        ids = [httpx.post(f"{base}/api/runs", json={"scenario": belgorod(), "trials": 200_000, "seed": i},
                          headers=AUTH, timeout=30).json()["id"] for i in range(4)]  # fmt: skip
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    store = Store(db)
    statuses = {store.run(i).status for i in ids}
    assert statuses <= {"done", "interrupted"}, statuses
    cut = [i for i in ids if store.run(i).status == "interrupted"]
    assert cut, "every run finished before the kill: the test did not test"
    assert all("stopped before it finished" in (store.run(i).error or "") for i in cut)
    store.close()
    proc = _serve(db, port, log)
    try:
        again = httpx.post(f"{base}/api/runs/{cut[0]}/rerun", headers=AUTH, timeout=30).json()["id"]
        wait_for(lambda: httpx.get(f"{base}/api/runs/{again}").json()["status"] == "done", timeout=300,
                 what="the re-run to finish")  # fmt: skip
        r = httpx.get(f"{base}/api/runs/{again}").json()
        assert r["rerun_of"] == cut[0] and r["seed"] == ids.index(cut[0])
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)


def test_a_scenario_checked_once_gives_the_same_totals_as_checking_it_again(
    world: Any, tmp_path: Path
) -> None:
    from casus.history.world import ScenarioWorlds
    from casus.service.jobs import prepare

    examples = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))
    store = Store(f"sqlite:///{tmp_path / 'c.db'}")
    jobs = make_jobs(store, world)
    for path in examples:
        data = json.loads(json.dumps(yaml.safe_load(path.read_text("utf-8")), default=str))
        for trials in (0, 1000, 50_000, 200_000):
            fresh = prepare(ScenarioWorlds(world, None), data, trials)
            assert jobs.check(data, trials)[2] == jobs.check(data, trials)[2] == fresh[2], (path.name, trials)
            assert jobs.check(data, trials)[0] == fresh[0]
    assert len(jobs.checked) == len(examples)
    jobs.shutdown()
    store.close()


def test_runs_in_worker_processes_give_the_numbers_of_runs_in_threads(world: Any, tmp_path: Path) -> None:
    results = {}
    for processes in (True, False):
        store = Store(f"sqlite:///{tmp_path / f'{processes}.db'}")
        jobs = make_jobs(store, world, processes=processes)
        rid = jobs.submit("same", belgorod(), 3000, 17)
        wait_for(lambda s=store, r=rid: s.run(r).status == "done", timeout=300, what="the run")  # type: ignore[misc]
        assert jobs.status(rid).done == jobs.status(rid).total  # progress came back from the worker
        results[processes] = store.run(rid).result
        jobs.shutdown()
        store.close()
    assert results[True] == results[False]


def test_a_worker_process_that_dies_fails_its_run_and_the_next_run_still_runs(
    world: Any, tmp_path: Path
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'd.db'}")
    jobs = make_jobs(store, world, processes=True)
    assert jobs.processes is not None
    ids = [jobs.submit("doomed", belgorod(), 200_000, i) for i in range(3)]
    wait_for(lambda: store.run(ids[0]).status == "running", timeout=120, what="the first run to start")
    wait_for(lambda: bool(getattr(jobs.processes, "_processes", None)), what="the worker process")
    for pid in list(jobs.processes._processes):  # type: ignore[union-attr]
        os.kill(pid, signal.SIGKILL)
    wait_for(lambda: store.run(ids[0]).status != "running", timeout=120, what="the killed run to be marked")
    assert store.run(ids[0]).status in ("failed", "done")  # done only if it finished before the kill landed
    if store.run(ids[0]).status == "failed":
        assert "worker process computing it died" in (store.run(ids[0]).error or "")
    last = jobs.submit("after", belgorod(), 1000, 9)
    wait_for(lambda: store.run(last).status == "done", timeout=300, what="a run after the death")
    jobs.shutdown()
    store.close()


def test_shutdown_stops_runs_in_worker_processes(world: Any, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    jobs = make_jobs(store, world, processes=True)
    ids = [jobs.submit("long", belgorod(), 200_000, i) for i in range(4)]
    wait_for(lambda: store.run(ids[0]).status == "running", timeout=120, what="the first run to start")
    jobs.shutdown(grace=5.0)
    statuses = [store.run(i).status for i in ids]
    assert set(statuses) <= {"done", "interrupted"} and "interrupted" in statuses, statuses
    assert all(store.run(i).error == SHUT_DOWN for i in ids if store.run(i).status == "interrupted")
    store.close()


def test_two_server_processes_on_one_postgresql_database(pg_url: str, tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    with engine.begin() as conn:  # a fresh schema
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    log = tmp_path / "servers.log"
    port_a, port_b = free_port(), free_port()
    a = _serve(pg_url, port_a, log)
    b = None
    try:
        ids = [httpx.post(f"http://127.0.0.1:{port_a}/api/runs", headers=AUTH, timeout=30,
                          json={"scenario": belgorod(), "trials": 200_000, "seed": i}).json()["id"]
               for i in range(6)]  # fmt: skip
        b = _serve(pg_url, port_b, log)  # opens the same database while the first server's runs wait
        seen = httpx.get(f"http://127.0.0.1:{port_b}/api/runs", timeout=30).json()["runs"]
        assert not any(r["status"] == "interrupted" for r in seen), seen
        assert any(r["status"] in ("queued", "running") for r in seen), (
            "all done before: the test did not test"
        )
        wait_for(
            lambda: all(httpx.get(f"http://127.0.0.1:{port_b}/api/runs/{i}").json()["status"] == "done" for i in ids),
            timeout=600, what="the first server's runs to finish",
        )  # fmt: skip
        for i in ids:
            r = httpx.get(f"http://127.0.0.1:{port_b}/api/runs/{i}").json()
            assert (r["status"], r["error"]) == ("done", None)
    finally:
        for proc in (a, b):
            if proc is not None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(30)
