"""Build step: compile the trial loop for a generic CPU and copy numba's cache files where
`casus.shipped` looks for them (`python -m casus.ship_kernel --into DIR`, run by `setup.py`).

Kept apart from `casus.shipped` because it imports the kernel, which imports `casus.shipped`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from numba.core import config

from casus import kernel
from casus.shipped import GENERIC

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Compile the trial loop for a generic CPU and copy numba's cache files into --into."""
    ap = argparse.ArgumentParser(prog="python -m casus.ship_kernel", description=main.__doc__)
    ap.add_argument("--into", type=Path, required=True, help="folder for the cache files")
    args = ap.parse_args(argv)
    if str(getattr(config, "CPU_NAME", "")).lower() != GENERIC or not getattr(config, "CACHE_DIR", ""):
        print("error: set NUMBA_CPU_NAME=generic and NUMBA_CACHE_DIR to a fresh folder", file=sys.stderr)
        return 2
    kernel.warm()
    cache_path = Path(kernel.run_block._cache.cache_path)
    args.into.mkdir(parents=True, exist_ok=True)
    copied = 0
    for f in cache_path.glob("kernel.run_block-*"):
        shutil.copy2(f, args.into / f.name)
        copied += 1
    print(f"shipped {copied} compiled files for {sys.implementation.cache_tag} into {args.into}")
    return 0 if copied else 1


if __name__ == "__main__":
    sys.exit(main())
