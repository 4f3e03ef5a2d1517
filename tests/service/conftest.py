"""Fixtures for the service: stores on SQLite and on a real PostgreSQL server, and the application."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casus.joining import load_model
from casus.world import load_world

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _pg_bin() -> Path | None:
    for root in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (root / "initdb").exists() and (root / "pg_ctl").exists():
            return root
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    """A throw-away PostgreSQL cluster (Debian's server binaries) in a temporary folder."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="casus-pg-"))
        self.data, self.sock = self.root / "data", self.root / "sock"
        self.sock.mkdir()
        # The server refuses to run as root; run it as the postgres user the package creates.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sock, "postgres")
        self.port = free_port()
        subprocess.run([*self.as_user, str(bin_dir / "initdb"), "-D", str(self.data), "-U", "casus", "-A", "trust"],
                       check=True, capture_output=True)  # fmt: skip
        self.start()
        subprocess.run([*self.as_user, str(bin_dir / "createdb"), "-h", str(self.sock), "-p", str(self.port),
                        "-U", "casus", "casus"], check=True, capture_output=True)  # fmt: skip
        self.url = f"postgresql+psycopg://casus@/casus?host={self.sock}&port={self.port}"

    def start(self) -> None:
        """Start the server and wait until it accepts connections."""
        opts = f"-p {self.port} -k {self.sock} -c listen_addresses='' -c fsync=off"
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", opts, "-w", "-l",
                        str(self.root / "log"), "start"], check=True, capture_output=True)  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (`fast` ends the open connections; `immediate` is a crash)."""
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop"],
                       capture_output=True)  # fmt: skip

    def remove(self) -> None:
        """Stop the server and delete its folder."""
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


def pg_cluster() -> PgCluster:
    """A new cluster, or a skip when the server binaries are absent."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not installed (.ci/run installs Debian's postgresql)")
    return PgCluster(bin_dir)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A throw-away PostgreSQL cluster for the session, or CASUS_TEST_PG_URL."""
    if os.environ.get("CASUS_TEST_PG_URL"):
        yield os.environ["CASUS_TEST_PG_URL"]
        return
    cluster = pg_cluster()
    try:
        yield cluster.url
    finally:
        cluster.remove()


@pytest.fixture
def own_pg() -> Iterator[PgCluster]:
    """A cluster of the test's own, which it may stop and start."""
    cluster = pg_cluster()
    try:
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'casus.db'}"
    url: str = request.getfixturevalue("pg_url")
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:  # each test starts from an empty schema
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def world():  # type: ignore[no-untyped-def]
    return load_world(use_env=False)


@pytest.fixture
def app(world, tmp_path: Path):  # type: ignore[no-untyped-def]
    from casus.service.api import Limits, create_app
    from casus.service.store import Store

    store = Store(f"sqlite:///{tmp_path / 'app.db'}")
    application = create_app(world, store, load_model(), TOKEN, limits=Limits(max_trials=50_000))
    yield application
    application.state.jobs.shutdown()
    store.close()


@pytest.fixture
def api_schema(app):  # type: ignore[no-untyped-def]
    import schemathesis

    return schemathesis.openapi.from_asgi("/openapi.json", app)


JULY_1914 = Path(__file__).resolve().parents[2] / "examples" / "history" / "july-1914.yaml"


def july_1914() -> dict[str, Any]:
    """The July 1914 example scenario as a client sends it (dates as text)."""
    import json

    import yaml

    data: dict[str, Any] = json.loads(json.dumps(yaml.safe_load(JULY_1914.read_text("utf-8")), default=str))
    return data


@pytest.fixture(scope="session")
def tables(shared_data: Path) -> dict[str, Any]:
    """The ATOP and COW tables historical worlds are built from (skips without the shared data)."""
    from casus.history.readers import read_folder
    from casus.history.world import TABLES

    return dict(read_folder(shared_data, TABLES))


@pytest.fixture
def history_app(world, tables, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The service with the ATOP and COW tables: scenarios set in a historical year run in its world."""
    from casus.service.api import create_app
    from casus.service.store import Store

    store = Store(f"sqlite:///{tmp_path / 'history.db'}")
    application = create_app(world, store, load_model(), TOKEN, history=tables)
    yield application
    application.state.jobs.shutdown()
    store.close()


# --- a real browser over a served application (the UI tests) ---
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def serve_app(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn on a free loopback port in a thread; yields its base URL."""
    import threading
    import time

    import uvicorn

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    end = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < end, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture
def server(app: Any) -> Iterator[str]:
    yield from serve_app(app)


@pytest.fixture
def history_server(history_app: Any) -> Iterator[str]:
    yield from serve_app(history_app)


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    """Headless Chromium at 1280 x 1000; `page.errors` collects script errors and dialogs, and
    `page.failed` the responses with an error status (the favicon aside)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])  # fmt: skip
        pg = browser.new_page(viewport={"width": 1280, "height": 1000})
        errors: list[str] = []
        failed: list[str] = []
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("dialog", lambda d: errors.append("dialog: " + d.message))
        pg.on(
            "response",
            lambda r: (
                failed.append(f"{r.status} {r.url}") if r.status >= 400 and "favicon" not in r.url else None
            ),
        )
        pg.errors, pg.failed = errors, failed
        yield pg
        browser.close()


def shots(tmp_path: Path) -> Path:
    """Where screenshots go: CASUS_SCREENSHOTS, else the test's temporary folder."""
    folder = Path(os.environ.get("CASUS_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder
