"""Compiled trial code shipped inside the package, so that the first run after an install does
not wait for numba.

numba caches what it compiles beside the source (or in the user's cache), keyed by the function's
code, the signature, the numba version and the CPU it compiled for. Building the wheel compiles
the trial loop once more for a generic CPU of the build machine's architecture and puts numba's
cache files in `casus/_compiled` (`python -m casus.ship_kernel --into DIR`, run by `setup.py`).

At run time a function attached here looks in numba's own cache first, then in `_compiled` under
the generic-CPU key: generic code runs on any CPU of the architecture. Anything that does not
match (another numba or Python version, another architecture, a changed kernel) misses, and
numba compiles as it always does. Code compiled for this machine's CPU is never saved under the
generic key, so a cache shared between different machines stays safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numba.core.caching import FunctionCache, IndexDataCacheFile

SHIPPED = Path(__file__).resolve().parent / "_compiled"
GENERIC = "generic"

__all__ = ["SHIPPED", "ShippedCache", "attach_shipped_cache"]


class ShippedCache(FunctionCache):
    """numba's per-function cache, then the generic-CPU code shipped in `_compiled`."""

    def __init__(self, py_func: Any) -> None:
        super().__init__(py_func)
        self._shipped = IndexDataCacheFile(
            cache_path=str(SHIPPED),
            filename_base=self._impl.filename_base,
            source_stamp=self._impl.locator.get_source_stamp(),
        )

    def _load_overload(self, sig: Any, target_context: Any) -> Any:
        data = super()._load_overload(sig, target_context)
        if data is not None or not self._enabled or not SHIPPED.is_dir():
            return data
        try:
            sig_key, magic, code = self._index_key(sig, target_context.codegen())
            data = self._shipped.load((sig_key, (magic[0], GENERIC, ""), code))
            return None if data is None else self._impl.rebuild(target_context, data)
        except Exception:  # shipped files this numba cannot read: compile, as without them
            return None


def attach_shipped_cache(dispatcher: Any) -> Any:
    """Give a numba dispatcher (compiled with `cache=True`) the shipped fallback; returns it.

    If numba's internals have changed so that the cache cannot be replaced, the dispatcher keeps
    its own cache and simply compiles on a miss.
    """
    try:
        dispatcher._cache = ShippedCache(dispatcher.py_func)
    except Exception:  # an unfamiliar numba: its own cache still works
        return dispatcher
    return dispatcher
