"""Start-up: loading the bundled world with libyaml's loader against the pure-Python one, and the
wall time of the commands people run first, and the first run of an example after a fresh
install (numba compiling the trial loop into an empty cache) against the second.

Usage: python benchmarks/bench_startup.py [--repeat 5]

The reference is the same loader code with PyYAML's pure-Python SafeLoader (what casus used
before); the script checks both give the same world. Command times are whole processes (import,
world, output), the median of --repeat runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import yaml

from casus import loader
from casus.world import load_world


def _load(kind: type) -> tuple[float, object]:
    loader._LOADER = kind
    t = time.perf_counter()
    world = load_world(use_env=False)
    return time.perf_counter() - t, world


def _command(args: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "casus", *args], capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _first_run(repeat: int) -> tuple[float, float]:
    """The Belgorod example with an empty compiled-code cache (as after a fresh install), and the
    same command once the cache is warm; medians of `repeat` fresh caches."""
    cold, warm = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "NUMBA_CACHE_DIR": cache}
            cold.append(_command(["run", "belgorod-2025"], 1, env))
            warm.append(_command(["run", "belgorod-2025"], 1, env))
    return statistics.median(cold), statistics.median(warm)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    fast_kind = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    _load(fast_kind)  # warm the imports
    fast = min(_load(fast_kind)[0] for _ in range(args.repeat))
    slow = min(_load(yaml.SafeLoader)[0] for _ in range(args.repeat))
    a, b = _load(fast_kind)[1], _load(yaml.SafeLoader)[1]
    assert a.states == b.states and a.treaties == b.treaties  # type: ignore[attr-defined]
    print(f"date {dt.date.today()}  machine {platform.system()} {platform.machine()}, {os.cpu_count()} cores")
    print(
        f"bundled world: libyaml loader {fast:.3f} s, pure-Python loader {slow:.3f} s, ratio {slow / fast:.1f}x"
    )
    for cmd in (["treaties", "list"], ["run", "belgorod-2025", "--trials", "0"], ["--version"]):
        print(f"casus {' '.join(cmd)}: {_command(cmd, args.repeat):.2f} s (median of {args.repeat})")
    cold, warm = _first_run(max(1, args.repeat // 2))
    print(f"casus run belgorod-2025, first run (empty compiled-code cache): {cold:.2f} s; "
          f"second run {warm:.2f} s; ratio {cold / warm:.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
