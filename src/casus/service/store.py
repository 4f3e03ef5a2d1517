"""The store: scenarios, runs and evidence in SQLite (default) or PostgreSQL, through SQLAlchemy.

The schema is created and upgraded by Alembic migrations (`casus/service/migrations`) whenever a
store is opened. A run's row is written when it is queued; its result, versions and timings are
written together in one transaction when it finishes, so a process that crashes or is killed
midway leaves a run without a result (marked `interrupted` when a store is next opened), never
half of one.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Integer, String, Text, create_engine, event, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
UNFINISHED = ("queued", "running")


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

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
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
        self.interrupted = self._recover()

    def _recover(self) -> int:
        """Mark runs left unfinished by a process that stopped: they have no result, and never will."""
        with self.session.begin() as s:
            res = s.execute(
                update(RunRow)
                .where(RunRow.status.in_(UNFINISHED))
                .values(status="interrupted", error="the process serving it stopped before it finished")
            )
            return int(getattr(res, "rowcount", 0) or 0)

    # --- scenarios ---
    def add_scenario(self, name: str, body: dict[str, Any]) -> str:
        """Save a scenario; returns its id."""
        sid = str(uuid.uuid4())
        with self.session.begin() as s:
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
    def queue_run(self, name: str, scenario: dict[str, Any], trials: int, seed: int | None) -> str:
        """Record a run as queued; returns its id."""
        rid = str(uuid.uuid4())
        with self.session.begin() as s:
            s.add(RunRow(id=rid, name=name, scenario=scenario, trials=trials, seed=seed,
                         status="queued", created=_now()))  # fmt: skip
        return rid

    def start_run(self, rid: str) -> None:
        """Mark a run as running."""
        with self.session.begin() as s:
            s.execute(update(RunRow).where(RunRow.id == rid).values(status="running", started=_now()))

    def finish_run(self, rid: str, result: dict[str, Any], *, seed: int, model_version: str,
                   data_version: str, casus_version: str, timings: dict[str, float]) -> None:  # fmt: skip
        """Write a run's outputs, versions and timings in one transaction."""
        with self.session.begin() as s:
            s.execute(
                update(RunRow).where(RunRow.id == rid).values(
                    status="done", finished=_now(), result=result, seed=seed, model_version=model_version,
                    data_version=data_version, casus_version=casus_version, timings=timings,
                )
            )  # fmt: skip

    def fail_run(self, rid: str, error: str) -> None:
        """Record why a run failed (it keeps no partial result)."""
        with self.session.begin() as s:
            s.execute(
                update(RunRow).where(RunRow.id == rid).values(status="failed", finished=_now(), error=error)
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
        with self.session.begin() as s:
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
