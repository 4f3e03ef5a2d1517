"""Build step: compile the trial loop, the parser's transition loop and the networks' maxout for a
generic CPU and copy numba's cache files where `casus.shipped` looks for them
(`python -m casus.ship_kernel --into DIR`, run by `setup.py`).

Kept apart from `casus.shipped` because it imports the kernel, which imports `casus.shipped`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from numba.core import config

from casus import kernel
from casus.evidence import arc_eager, network
from casus.shipped import GENERIC

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Compile the trial loop, the parser's transition loop and the maxout for a generic CPU and copy numba's
    cache files into --into."""
    ap = argparse.ArgumentParser(prog="python -m casus.ship_kernel", description=main.__doc__)
    ap.add_argument("--into", type=Path, required=True, help="folder for the cache files")
    args = ap.parse_args(argv)
    if str(getattr(config, "CPU_NAME", "")).lower() != GENERIC or not getattr(config, "CACHE_DIR", ""):
        print("error: set NUMBA_CPU_NAME=generic and NUMBA_CACHE_DIR to a fresh folder", file=sys.stderr)
        return 2
    kernel.warm()
    arc_eager.warm()
    network.warm()
    args.into.mkdir(parents=True, exist_ok=True)
    copied = 0
    shipped: list[tuple[Any, str]] = [
        (kernel.run_block, "kernel."),
        (arc_eager.parse_batch, "arc_eager."),
        (network.maxout, "network."),
    ]
    for dispatcher, stem in shipped:
        files = list(Path(dispatcher._cache.cache_path).glob(f"{stem}{dispatcher.__name__}-*"))
        if not files:
            print(f"error: numba cached no code for {dispatcher.__name__}", file=sys.stderr)
            return 1
        for f in files:
            shutil.copy2(f, args.into / f.name)
            copied += 1
    print(f"shipped {copied} compiled files for {sys.implementation.cache_tag} into {args.into}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
