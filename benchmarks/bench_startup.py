"""Start-up: loading the bundled world with libyaml's loader against the pure-Python one, and the
wall time of the commands people run first.

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
import time

import yaml

from casus import loader
from casus.world import load_world


def _load(kind: type) -> tuple[float, object]:
    loader._LOADER = kind
    t = time.perf_counter()
    world = load_world(use_env=False)
    return time.perf_counter() - t, world


def _command(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "casus", *args], capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


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


if __name__ == "__main__":
    main()
