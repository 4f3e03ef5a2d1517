"""Load on the service over loopback: reading treaties and submitting runs with concurrent clients.

Usage: python benchmarks/bench_service.py [--clients 50] [--reads 3000] [--runs 200] [--trials 1000]

Starts `casus serve` on a free loopback port with a temporary SQLite store, then drives it with
`--clients` concurrent clients (httpx, asyncio): `--reads` GET /api/treaties/ru-kp-2024, then
`--runs` POST /api/runs of the Belgorod example (clients retry after a pause when the queue is
full, 503) while as many clients again keep reading, and waits for every accepted run to finish.
Acceptance latency is that of the request answered 202 (a refused request and the pause after it
are counted apart). Bounded in count and in time (`--limit` seconds per phase). Reference, in the same run: the same treaty record built and serialised
in-process, and the same runs computed one after another in-process; the ratios say what
serving costs (reads) and what the worker pool gains or loses (runs).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(xs: list[float], q: float) -> float:
    return statistics.quantiles(xs, n=100)[int(q) - 1] if len(xs) > 1 else xs[0]


class Connection:
    """One keep-alive HTTP/1.1 connection, spoken over asyncio streams.

    A load generator must cost less than the server it loads: httpx spends about 3 ms of CPU per
    request, so 50 httpx clients on the server's own two cores measured mostly themselves. This
    client is a few lines over a socket, like wrk's; it reconnects when the server closes.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
                      ) -> tuple[int, bytes]:  # fmt: skip
        """Send one request; (status, body)."""
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\nContent-Length: {len(body)}\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        for attempt in (0, 1):
            try:
                if self.writer is None:
                    self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                assert self.reader is not None
                self.writer.write(head.encode() + b"\r\n" + body)
                status_line = await self.reader.readline()
                if not status_line:
                    raise ConnectionResetError
                length, close = 0, False
                while (line := await self.reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                    elif name.lower() == "connection" and "close" in value.lower():
                        close = True
                data = await self.reader.readexactly(length)
                if close:
                    await self.close()
                return int(status_line.split()[1]), data
            except (ConnectionError, asyncio.IncompleteReadError):
                await self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    async def close(self) -> None:
        """Close the connection (a later request opens a new one)."""
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def drive(n: int, clients: int, limit: float, call, port: int) -> tuple[list[float], int, float]:  # type: ignore[no-untyped-def]
    """Run `call(connection)` n times over `clients` workers; (latencies, failures, wall seconds)."""
    lat: list[float] = []
    failures = 0
    left = iter(range(n))
    end = time.monotonic() + limit

    async def worker() -> None:
        nonlocal failures
        conn = Connection("127.0.0.1", port)
        for _ in left:
            if time.monotonic() > end:
                break
            t = time.perf_counter()
            ok = await call(conn)
            lat.append(time.perf_counter() - t)
            failures += not ok
        await conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(clients)))
    return lat, failures, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--reads", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--trials", type=int, default=1000)
    ap.add_argument("--limit", type=float, default=120.0)
    args = ap.parse_args()

    from casus.loader import read_file

    scenario, _ = read_file(ROOT / "examples" / "belgorod-2025.yaml")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    tmp = tempfile.mkdtemp(prefix="casus-bench-")
    env = {**os.environ, "CASUS_TOKEN": TOKEN}
    cmd = [sys.executable, "-m", "casus", "serve", "--port", str(port), "--db", f"sqlite:///{tmp}/b.db",
           "--max-trials", str(args.trials), "--queue", "64"]  # fmt: skip
    server = subprocess.Popen(cmd, env=env, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/api/version", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        httpx.get(base + "/api/treaties/ru-kp-2024")  # warm caches

        async def read(c: Connection) -> bool:
            status, _ = await c.request("GET", "/api/treaties/ru-kp-2024")
            return status == 200

        lat_r, fail_r, wall_r = asyncio.run(drive(args.reads, args.clients, args.limit, read, port))
        accepted: list[str] = []
        refused = 0
        body = {"scenario": scenario, "trials": args.trials, "seed": 1}
        headers = {"Authorization": f"Bearer {TOKEN}"}

        lat_a: list[float] = []

        payload = json.dumps(body, default=str).encode()
        post_headers = {**headers, "Content-Type": "application/json"}

        async def submit(c: Connection) -> bool:
            nonlocal refused
            while True:
                t = time.perf_counter()
                status, data = await c.request("POST", "/api/runs", payload, post_headers)
                if status == 503:  # queue full: come back later
                    refused += 1
                    await asyncio.sleep(0.2)
                    continue
                if status == 202:
                    lat_a.append(time.perf_counter() - t)
                    accepted.append(json.loads(data)["id"])
                return status == 202

        # Users: each client's every tenth request submits a run (once: a 503 is counted, not
        # retried), the others read; the latencies are kept apart.
        user_reads: list[float] = []
        user_accepted: list[float] = []
        user_refused = 0
        user_ids: list[str] = []
        op = iter(range(10**9))

        async def user(c: Connection) -> bool:
            nonlocal user_refused
            t = time.perf_counter()
            if next(op) % 10 == 0:
                status, data = await c.request("POST", "/api/runs", payload, post_headers)
                if status == 202:
                    user_accepted.append(time.perf_counter() - t)
                    user_ids.append(json.loads(data)["id"])
                user_refused += status == 503
                return status in (202, 503)
            status, _ = await c.request("GET", "/api/treaties/ru-kp-2024")
            user_reads.append(time.perf_counter() - t)
            return status == 200

        _, fail_u, wall_u = asyncio.run(drive(args.reads, args.clients, args.limit, user, port))
        deadline = time.monotonic() + args.limit  # let the users' runs finish before the storm
        while time.monotonic() < deadline:
            runs = httpx.get(base + "/api/runs", params={"limit": 500}).json()["runs"]
            if not any(r["status"] in ("queued", "running") for r in runs):
                break
            time.sleep(0.2)

        async def mixed() -> tuple[tuple[list[float], int, float], tuple[list[float], int, float]]:
            subs = asyncio.create_task(drive(args.runs, args.clients, args.limit, submit, port))
            reads = asyncio.create_task(drive(args.reads, args.clients, args.limit, read, port))
            return await subs, await reads

        t0 = time.perf_counter()
        (lat_s, fail_s, _), (lat_m, fail_m, wall_m) = asyncio.run(mixed())
        deadline = time.monotonic() + args.limit
        while time.monotonic() < deadline:
            runs = httpx.get(base + "/api/runs", params={"limit": 500}).json()["runs"]
            if sum(r["status"] == "done" and r["id"] in accepted for r in runs) >= len(accepted):
                break
            time.sleep(0.2)
        wall_runs = time.perf_counter() - t0
        done = sum(
            r["status"] == "done" and r["id"] in accepted
            for r in httpx.get(base + "/api/runs", params={"limit": 500}).json()["runs"]
        )
    finally:
        server.terminate()
        server.wait(10)

    # References, in-process.
    from casus.history.world import ScenarioWorlds
    from casus.joining import load_model
    from casus.records import treaty_record
    from casus.service.jobs import prepare, run_scenario
    from casus.world import load_world

    world = load_world(use_env=False)
    on = dt.date.today()
    n_ref = 300
    t = time.perf_counter()
    for _ in range(n_ref):
        json.dumps(treaty_record(world.at(on).treaty("ru-kp-2024")))
    ref_reads = n_ref / (time.perf_counter() - t)
    model = load_model()
    worlds = ScenarioWorlds(world)
    checked, _, _ = prepare(worlds, scenario, args.trials)
    run_scenario(world, checked, args.trials, 1, model)  # compile once
    n_runs = 10
    t = time.perf_counter()
    for _ in range(n_runs):
        run_scenario(world, prepare(worlds, scenario, args.trials)[0], args.trials, 1, model)
    ref_runs = n_runs / (time.perf_counter() - t)

    print(f"date {dt.date.today()}  machine {platform.system()} {platform.machine()}, {os.cpu_count()} cores")
    print(f"{args.clients} concurrent clients over loopback; store SQLite; one worker process")
    print(f"reads: {len(lat_r)} GET /api/treaties/ru-kp-2024, {fail_r} failed: {len(lat_r) / wall_r:,.0f} req/s, "
          f"p50 {1000 * pct(lat_r, 50):.1f} ms, p99 {1000 * pct(lat_r, 99):.1f} ms; "
          f"in-process reference {ref_reads:,.0f}/s, ratio {len(lat_r) / wall_r / ref_reads:.2f}")  # fmt: skip
    print(f"users (every tenth request a run): {len(user_reads)} reads, p50 {1000 * pct(user_reads, 50):.1f} ms, "
          f"p99 {1000 * pct(user_reads, 99):.1f} ms; {len(user_accepted)} runs accepted in p50 "
          f"{1000 * pct(user_accepted, 50):.1f} ms, p99 {1000 * pct(user_accepted, 99):.1f} ms; {user_refused} refused "
          f"(queue full); {fail_u} failed; {(len(user_reads) + len(user_accepted)) / wall_u:,.0f} req/s")  # fmt: skip
    print("submission storm (every client submitting, retrying after 503, while as many read):")
    print(
        f"reads while runs are submitted and computed: {len(lat_m)}, {fail_m} failed: "
        f"{len(lat_m) / wall_m:,.0f} req/s, p50 {1000 * pct(lat_m, 50):.1f} ms, p99 {1000 * pct(lat_m, 99):.1f} ms"
    )
    print(f"runs: {len(accepted)} accepted of {args.runs} ({args.trials} trials + sensitivity each), {fail_s} failed, "
          f"{refused} refused while the queue was full and retried; accepted in p50 {1000 * pct(lat_a, 50):.1f} ms, "
          f"p99 {1000 * pct(lat_a, 99):.1f} ms (with the retries: p50 {1000 * pct(lat_s, 50):.1f} ms); {done} done in {wall_runs:.1f} s = {done / wall_runs:.2f} runs/s; "
          f"in-process serial reference {ref_runs:.2f} runs/s, ratio {done / wall_runs / ref_runs:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
