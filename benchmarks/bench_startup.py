"""Start-up: loading the bundled world with libyaml's loader against the pure-Python one, and the
wall time of the commands people run first, and the first run of an example after a fresh
install of the built wheel (which ships the trial loop compiled for a generic CPU) against the
second, and against the same wheel without the shipped code (numba compiling at the first run).

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
import site
import statistics
import subprocess
import sys
import tempfile
import time
import venv
import zipfile
from pathlib import Path

import yaml

from casus import loader
from casus.world import load_world

REPO = Path(__file__).resolve().parents[1]


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


def _wheel(into: Path) -> Path:
    """The wheel as a user gets it (setup.py ships the trial loop compiled for a generic CPU)."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(into), str(REPO)],
                   check=True, capture_output=True)  # fmt: skip
    return next(into.glob("casus_foederis-*.whl"))


def _without_shipped(wheel: Path, into: Path) -> Path:
    """The same wheel without `casus/_compiled`: what an install gave before (numba compiles at
    the first run). The RECORD keeps its lines for the removed files; pip does not check them."""
    out = into / wheel.name
    with zipfile.ZipFile(wheel) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if "/_compiled/" not in item.filename:
                dst.writestr(item, src.read(item.filename))
    return out


def _install(wheel: Path, where: Path) -> Path:
    """A fresh venv with the wheel; its dependencies from this environment by a path line."""
    venv.EnvBuilder(with_pip=True).create(where)
    py = where / "bin" / "python"
    inner = subprocess.run([str(py), "-c", "import site; print(site.getsitepackages()[0])"],
                           capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    (Path(inner) / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
                   check=True, capture_output=True)  # fmt: skip
    return where / "bin" / "casus"


def _first_run(repeat: int) -> dict[str, tuple[float, float]]:
    """`casus run belgorod-2025` right after installing the wheel into a fresh venv, then again:
    medians over `repeat` fresh installs, for the wheel with and without the shipped kernel."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NUMBA_", "CASUS_"))}
    out: dict[str, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        shipped = _wheel(base / "dist")
        (base / "bare").mkdir()
        kinds = {"shipped": shipped, "reference": _without_shipped(shipped, base / "bare")}
        times: dict[str, tuple[list[float], list[float]]] = {k: ([], []) for k in kinds}
        for i in range(repeat):
            for kind, wheel in kinds.items():  # alternated, so that load on the machine hits both
                casus = _install(wheel, base / f"{kind}-{i}")
                for runs in times[kind]:
                    t = time.perf_counter()
                    subprocess.run([str(casus), "run", "belgorod-2025"], capture_output=True, check=True, env=env,
                                   cwd=base)  # fmt: skip
                    runs.append(time.perf_counter() - t)
        for kind, (cold, warm) in times.items():
            out[kind] = (statistics.median(cold), statistics.median(warm))
    return out


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
    first = _first_run(max(1, args.repeat // 2))
    (cold, warm), (ref_cold, ref_warm) = first["shipped"], first["reference"]
    print(
        f"casus run belgorod-2025 after a fresh install of the wheel: first run {cold:.2f} s, second {warm:.2f} s"
    )
    print(
        f"  reference, the wheel without the shipped kernel: first run {ref_cold:.2f} s, second {ref_warm:.2f} s"
    )
    print(f"  first run, reference / shipped: {ref_cold / cold:.1f}x")


if __name__ == "__main__":
    main()
