"""The store on SQLite and on a real PostgreSQL server: migrations, atomic run records, recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import StatementError

from casus.service.store import Store


def test_migrations_create_the_schema_and_are_idempotent(db_url: str) -> None:
    store = Store(db_url)
    names = set(inspect(store.engine).get_table_names())
    assert {"scenarios", "runs", "evidence", "alembic_version"} <= names
    with store.engine.connect() as c:
        assert c.execute(text("select version_num from alembic_version")).scalar() == "0002"
    store.close()
    Store(db_url).close()  # opening again upgrades nothing and loses nothing


def test_run_lifecycle_and_versions(db_url: str) -> None:
    store = Store(db_url)
    rid = store.queue_run("Belgorod", {"name": "Belgorod"}, 1000, None)
    assert store.run(rid).status == "queued"
    store.start_run(rid)
    store.finish_run(rid, {"simulation": {"p": 0.5}}, seed=2**62, model_version="m 1", data_version="sha256:x",
                     casus_version="0.1.0", timings={"wall_s": 1.5})  # fmt: skip
    r = store.run(rid)
    assert (r.status, r.seed, r.model_version, r.data_version, r.result) == (
        "done", 2**62, "m 1", "sha256:x", {"simulation": {"p": 0.5}},
    )  # fmt: skip
    assert [x.id for x in store.runs()] == [rid]
    store.close()


def test_a_failed_write_leaves_no_half_record(db_url: str) -> None:
    store = Store(db_url)
    rid = store.queue_run("x", {}, 10, 1)
    store.start_run(rid)
    with pytest.raises((StatementError, TypeError)):  # not JSON: the transaction is rolled back
        store.finish_run(rid, {"bad": object()}, seed=1, model_version="m", data_version="d",
                         casus_version="c", timings={"wall_s": 1.0})  # fmt: skip
    r = store.run(rid)
    assert (r.status, r.result, r.model_version, r.timings) == ("running", None, None, None)
    store.close()


KILLED = """
import sys, time
from casus.service.store import Store
s = Store(sys.argv[1])
done = s.queue_run("finished", {{}}, 10, 1)
s.start_run(done)
s.finish_run(done, {{"ok": True}}, seed=1, model_version="m", data_version="d", casus_version="c",
             timings={{"wall_s": 0.1}})
rid = s.queue_run("killed", {{}}, 10, 1)
s.start_run(rid)
print(rid, flush=True)
time.sleep(60)
"""


def test_a_killed_process_leaves_its_run_interrupted_and_keeps_what_was_committed(db_url: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED.format(), db_url], stdout=subprocess.PIPE, text=True
    )
    try:
        rid = proc.stdout.readline().strip()  # type: ignore[union-attr]
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    time.sleep(0.1)
    store = Store(db_url)
    assert store.interrupted == 1
    r = store.run(rid)
    assert (r.status, r.result) == ("interrupted", None)
    finished = [x for x in store.runs() if x.name == "finished"]
    assert finished and finished[0].result == {"ok": True}
    store.close()


def test_evidence_and_scenarios(db_url: str) -> None:
    store = Store(db_url)
    eid = store.add_evidence({"source": "a.txt", "title": "T", "date": "2024-06-20", "claims": []})
    assert store.evidence_item(eid).reading["title"] == "T"
    sid = store.add_scenario("S", {"name": "S"})
    assert store.scenario(sid).body == {"name": "S"}
    assert store.evidence_item("nope") is None
    store.close()
