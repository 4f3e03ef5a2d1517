"""The store: scenarios, runs and evidence in SQLite (default) or PostgreSQL, through SQLAlchemy.

The schema is created and upgraded by Alembic migrations (`casus/service/migrations`) whenever a
store is opened. A run's row is written when it is queued; its result, versions and timings are
written together in one transaction when it finishes, so a process that crashes or is killed
midway leaves a run without a result, never half of one.

Several servers may share one database. Each store has an owner id (host, process, a random
part); the runs it queues carry that owner and a heartbeat it renews while they wait or compute.
A run is marked `interrupted` only when its owner is gone: a process on this host that no longer
exists, or a heartbeat older than `stale_after` seconds. A second server never marks a live
server's runs, and a run whose owner was wrongly given up on still lands its result.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Integer, String, Text, create_engine, event, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
UNFINISHED = ("queued", "running")
RESUMABLE = ("queued", "interrupted")  # what a worker may start: its own run, even if wrongly given up on
STALE_AFTER = 60.0  # seconds without a heartbeat after which a run's owner is taken to be gone
HOST = socket.gethostname()


class Base(DeclarativeBase):
    """Declarative base of the store's tables."""


class ScenarioRow(Base):
    """A scenario saved by a user, as the JSON the scenario format describes."""

    __tablename__ = "scenarios"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class RunRow(Base):
    """One scenario run: inputs, status, and (once finished) outputs, versions and timings."""

    __tablename__ = "runs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    scenario: Mapped[dict[str, Any]] = mapped_column(JSON)
    trials: Mapped[int] = mapped_column(Integer)
    seed: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    started: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    model_version: Mapped[str | None] = mapped_column(String(200), nullable=True)
    data_version: Mapped[str | None] = mapped_column(String(200), nullable=True)
    casus_version: Mapped[str | None] = mapped_column(String(50), nullable=True)
    timings: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    owner: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    heartbeat: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    rerun_of: Mapped[str | None] = mapped_column(String(36), nullable=True)


class EvidenceRow(Base):
    """One article as read by `casus.evidence` (its JSON reading)."""

    __tablename__ = "evidence"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    reading: Mapped[dict[str, Any]] = mapped_column(JSON)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


def default_url() -> str:
    """`CASUS_DB`, else a SQLite file in the user's data directory."""
    if os.environ.get("CASUS_DB"):
        return os.environ["CASUS_DB"]
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("casus"))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'casus.db'}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(t: dt.datetime | None) -> dt.datetime | None:
    """SQLite gives back naive datetimes; the store writes only UTC ones."""
    return t.replace(tzinfo=dt.UTC) if t is not None and t.tzinfo is None else t


def owner_gone(owner: str | None, heartbeat: dt.datetime | None, cutoff: dt.datetime) -> bool:
    """Whether a run's owner has stopped: none recorded, a dead process on this host, or a stale heartbeat.

    >>> import datetime as dt
    >>> now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    >>> owner_gone(None, now, now), owner_gone(f"{HOST}:{os.getpid()}:x", now, now)
    (True, False)
    """
    beat = _utc(heartbeat)
    if owner is None or beat is None or beat < cutoff:
        return True
    parts = owner.rsplit(":", 2)  # host:pid:random
    if len(parts) == 3 and parts[0] == HOST and parts[1].isdigit():
        try:
            os.kill(int(parts[1]), 0)
        except ProcessLookupError:
            return True
        except PermissionError:  # alive, owned by another user
            return False
    return False


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (creates it on an empty database)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    """Scenarios, runs and evidence in one database (SQLite file or PostgreSQL server)."""

    def __init__(self, url: str | None = None, *, stale_after: float = STALE_AFTER) -> None:
        self.url = url or default_url()
        self.owner = f"{HOST}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.stale_after = stale_after
        sqlite = self.url.startswith("sqlite")
        self.engine = create_engine(
            self.url,
            connect_args={"check_same_thread": False, "timeout": 30} if sqlite else {},
            pool_pre_ping=not sqlite,
        )
        if sqlite:
            # Write-ahead logging: readers never wait for the worker's writes.
            event.listen(self.engine, "connect", _sqlite_pragmas)
        migrate(self.engine)
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite lets one writer in at a time and makes the others sleep and retry, backing off
        # up to 100 ms a try; writers of this process queue on a lock instead, in order.
        self._write_lock: threading.Lock | None = threading.Lock() if sqlite else None
        self.interrupted = self.reap()

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        """A write transaction (queued behind this process's other writers on SQLite)."""
        with self._write_lock or nullcontext(), self.session.begin() as s:
            yield s

    def reap(self) -> int:
        """Mark `interrupted` the unfinished runs whose owner is gone; returns how many.

        They have no result and never will; the reason says so. Runs of this store's own owner,
        and of any owner still beating, are left alone.
        """
        cutoff = _now() - dt.timedelta(seconds=self.stale_after)
        with self._writing() as s:
            rows = s.execute(
                select(RunRow.id, RunRow.owner, RunRow.heartbeat).where(RunRow.status.in_(UNFINISHED))
            ).all()
            gone = [
                rid for rid, owner, beat in rows if owner != self.owner and owner_gone(owner, beat, cutoff)
            ]
            if not gone:
                return 0
            res = s.execute(
                update(RunRow)
                .where(RunRow.id.in_(gone), RunRow.status.in_(UNFINISHED))
                .values(status="interrupted", finished=_now(),
                        error="the server running it stopped before it finished; re-run it")
            )  # fmt: skip
            return int(getattr(res, "rowcount", 0) or 0)

    def beat(self) -> int:
        """Renew the heartbeat of this store's unfinished runs; returns how many."""
        with self._writing() as s:
            res = s.execute(
                update(RunRow)
                .where(RunRow.owner == self.owner, RunRow.status.in_(UNFINISHED))
                .values(heartbeat=_now())
            )
            return int(getattr(res, "rowcount", 0) or 0)

    # --- scenarios ---
    def add_scenario(self, name: str, body: dict[str, Any]) -> str:
        """Save a scenario; returns its id."""
        sid = str(uuid.uuid4())
        with self._writing() as s:
            s.add(ScenarioRow(id=sid, name=name, body=body, created=_now()))
        return sid

    def scenarios(self, limit: int = 100) -> list[ScenarioRow]:
        """Saved scenarios, newest first."""
        with self.session() as s:
            q = select(ScenarioRow).order_by(ScenarioRow.created.desc()).limit(limit)
            return list(s.scalars(q))

    def scenario(self, sid: str) -> ScenarioRow | None:
        """One saved scenario."""
        with self.session() as s:
            return s.get(ScenarioRow, sid)

    # --- runs ---
    def queue_run(self, name: str, scenario: dict[str, Any], trials: int, seed: int | None,
                  rerun_of: str | None = None) -> str:  # fmt: skip
        """Record a run as queued, owned by this store; returns its id."""
        rid = str(uuid.uuid4())
        now = _now()
        with self._writing() as s:
            s.add(RunRow(id=rid, name=name, scenario=scenario, trials=trials, seed=seed, status="queued",
                         created=now, owner=self.owner, heartbeat=now, rerun_of=rerun_of))  # fmt: skip
        return rid

    def start_run(self, rid: str) -> bool:
        """Mark one of this store's runs as running; False if it is not this store's or has ended."""
        with self._writing() as s:
            res = s.execute(
                update(RunRow)
                .where(
                    RunRow.id == rid, RunRow.owner == self.owner, RunRow.status.in_(("queued", "interrupted"))
                )
                .values(status="running", started=_now(), heartbeat=_now(), error=None)
            )
            return bool(getattr(res, "rowcount", 0))

    def finish_run(self, rid: str, result: dict[str, Any], *, seed: int, model_version: str,
                   data_version: str, casus_version: str, timings: dict[str, float]) -> None:  # fmt: skip
        """Write a run's outputs, versions and timings in one transaction (clearing any error).

        A run of this store's that another server took for interrupted still gets its result.
        """
        with self._writing() as s:
            s.execute(
                update(RunRow).where(RunRow.id == rid, RunRow.owner == self.owner).values(
                    status="done", finished=_now(), result=result, seed=seed, model_version=model_version,
                    data_version=data_version, casus_version=casus_version, timings=timings, error=None,
                )
            )  # fmt: skip

    def fail_run(self, rid: str, error: str, status: str = "failed") -> None:
        """Record why a run failed or was interrupted (it keeps no partial result)."""
        with self._writing() as s:
            s.execute(
                update(RunRow).where(RunRow.id == rid).values(status=status, finished=_now(), error=error)
            )

    def runs(self, limit: int = 100) -> list[RunRow]:
        """Runs, newest first."""
        with self.session() as s:
            return list(s.scalars(select(RunRow).order_by(RunRow.created.desc()).limit(limit)))

    def run(self, rid: str) -> RunRow | None:
        """One run."""
        with self.session() as s:
            return s.get(RunRow, rid)

    # --- evidence ---
    def add_evidence(self, reading: dict[str, Any]) -> str:
        """Save one article's reading; returns its id."""
        eid = str(uuid.uuid4())
        with self._writing() as s:
            s.add(EvidenceRow(id=eid, source=str(reading.get("source", "")), title=reading.get("title"),
                              date=reading.get("date"), reading=reading, created=_now()))  # fmt: skip
        return eid

    def evidence(self, limit: int = 100) -> list[EvidenceRow]:
        """Saved readings, newest first."""
        with self.session() as s:
            return list(s.scalars(select(EvidenceRow).order_by(EvidenceRow.created.desc()).limit(limit)))

    def evidence_item(self, eid: str) -> EvidenceRow | None:
        """One saved reading."""
        with self.session() as s:
            return s.get(EvidenceRow, eid)

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()
