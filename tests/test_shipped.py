"""The compiled trial loop the wheel ships: compiled for the types every run passes, found under
the generic-CPU key, and never consulted for code compiled for this machine's CPU."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numba
import pytest

from casus import kernel, shipped
from casus.escalation import simulate
from casus.evidence import arc_eager, network
from casus.scenario import BUNDLED_EXAMPLES, load_scenario
from casus.world import World


def _types(args: tuple[Any, ...]) -> tuple[Any, ...]:
    return tuple(numba.typeof(a) for a in args)


def test_warm_compiles_the_types_a_real_run_passes(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Any, ...]] = []
    real = kernel.run_block

    def record(*args: Any) -> Any:
        seen.append(_types(args))
        return real(*args)

    monkeypatch.setattr(kernel, "run_block", record)
    simulate(
        world,
        load_scenario(BUNDLED_EXAMPLES / "belgorod-2025.yaml", world),
        trials=2000,
        seed=1,
        sensitivity=False,
    )
    run_types = set(seen)
    seen.clear()
    kernel.warm()
    assert set(seen) == run_types and len(run_types) == 1


def test_the_kernel_has_the_shipped_cache() -> None:
    assert isinstance(kernel.run_block._cache, shipped.ShippedCache)


def _ship(into: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NUMBA_CPU_NAME": "generic", "NUMBA_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "casus.ship_kernel", "--into", str(into)], env=env,
                          capture_output=True, text=True, timeout=600)  # fmt: skip


def test_shipping_refuses_host_code(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NUMBA_CPU_NAME"}
    r = subprocess.run([sys.executable, "-m", "casus.ship_kernel", "--into", str(tmp_path)], env=env,
                       capture_output=True, text=True, timeout=600)  # fmt: skip
    assert r.returncode == 2 and "NUMBA_CPU_NAME=generic" in r.stderr and not any(tmp_path.iterdir())


def test_shipped_code_is_found_only_under_the_generic_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `python -m casus.ship_kernel` writes is what a fresh cache loads; a key for this machine's
    CPU finds nothing there."""
    into = tmp_path / "compiled"
    r = _ship(into, tmp_path / "cache")
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in into.iterdir())
    assert [n.rsplit(".", 1)[1] for n in names] == ["nbc", "nbi"] * 3, names
    assert [n.split("-")[0] for n in names[::2]] == [
        "arc_eager.parse_batch",
        "kernel.run_block",
        "network.maxout",
    ]
    monkeypatch.setattr(shipped, "SHIPPED", into)
    kernel.warm()
    arc_eager.warm()
    network.warm()
    for dispatcher in (kernel.run_block, arc_eager.parse_batch, network.maxout):
        cache = shipped.ShippedCache(dispatcher.py_func)
        cache._cache_file._cache_path = str(tmp_path / "empty")  # numba's own cache: nothing there
        sig = dispatcher.signatures[0]
        ctx = dispatcher.targetctx
        assert cache.load_overload(sig, ctx) is not None, dispatcher
        host_key = cache._index_key(sig, ctx.codegen())
        assert host_key[1][1] != shipped.GENERIC and cache._shipped.load(host_key) is None


def test_unreadable_shipped_files_mean_a_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    into = tmp_path / "compiled"
    assert _ship(into, tmp_path / "cache").returncode == 0
    for f in into.glob("*.nbc"):
        f.write_bytes(b"not a pickle")
    monkeypatch.setattr(shipped, "SHIPPED", into)
    cache = shipped.ShippedCache(kernel.run_block.py_func)
    cache._cache_file._cache_path = str(tmp_path / "empty")
    kernel.warm()
    assert cache.load_overload(kernel.run_block.signatures[0], kernel.run_block.targetctx) is None
