"""Two of the pipeline's network operations done by casus, with the same results: the matrix
products on numpy's BLAS, and the maxout compiled.

thinc runs spaCy's networks through its `NumpyOps`. On the 2-core test machine its bundled BLIS
ran the products at half the speed of numpy's BLAS (12,800 against 25,500 tokens a second for the
whole pipeline, one thread each), and its maxout (the largest of each unit's three pieces, five
times per token in the token-to-vector network) took a fifth of that network's time, 3.6 times as
long as a compiled loop over the same array. The maxout is exact (the largest piece, the first of
equals, as thinc picks it), so it gives the same bits; the products give the same parses on every
development sentence (`tests/evidence/test_attributes.py`, and `benchmarks/bench_read.py` times
both).
"""

from __future__ import annotations

from typing import Any

import numba as nb
import numpy as np

from casus.shipped import attach_shipped_cache

__all__ = ["maxout", "use_own_ops", "warm"]


@nb.njit(cache=True)
def maxout(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The largest of each unit's pieces in a (rows, units, pieces) array, and which piece it was,
    chosen as thinc chooses: the first of equals; for two or three pieces compared from the last
    back (thinc's unrolled comparison, which settles a NaN differently), else from the first on."""
    rows, units, pieces = x.shape
    best = np.empty((rows, units), x.dtype)
    which = np.empty((rows, units), np.int32)
    for r in range(rows):
        for u in range(units):
            if pieces <= 3:
                k = pieces - 1
                m = x[r, u, k]
                for p in range(pieces - 2, -1, -1):
                    if not (m > x[r, u, p]):
                        m = x[r, u, p]
                        k = p
            else:
                m = x[r, u, 0]
                k = 0
                for p in range(1, pieces):
                    if x[r, u, p] > m:
                        m = x[r, u, p]
                        k = p
            best[r, u] = m
            which[r, u] = k
    return best, which


attach_shipped_cache(maxout)


def warm() -> None:
    """Compile `maxout` for the arrays the networks pass (float32, C order): what the wheel ships."""
    maxout(np.zeros((1, 1, 2), np.float32))


def use_own_ops(nlp: Any) -> None:
    """Run the pipeline's networks with numpy's BLAS for products and the compiled maxout; the
    rest of thinc's operations (and the parser's own BLIS path, chosen by `use_blis`) stay."""
    from thinc.api import NumpyOps

    class OwnOps(NumpyOps):  # type: ignore[misc]
        def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
            a = x.T if trans1 else x
            b = y.T if trans2 else y
            if out is None:
                return a @ b
            return np.matmul(a, b, out=out)

        def maxout(self, x: Any) -> Any:
            if x.dtype != np.float32 or not x.flags.c_contiguous or len(x) == 0:
                return super().maxout(x)
            return maxout(x)

    ops = OwnOps()
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
