"""The compiled maxout gives thinc's answer, value and choice, to the bit: ties, NaN and all."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from casus.evidence.network import maxout

thinc = pytest.importorskip("thinc.api", reason="thinc (the read extra) is not installed")

# few distinct values, so that ties are common; NaN and infinities too
_VALUES = st.sampled_from([0.0, 1.0, -1.0, 2.5, -0.0, float("nan"), float("inf"), float("-inf"), 1e-30])


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 6), st.integers(1, 5), st.integers(1, 5), st.data())
def test_the_compiled_maxout_is_thincs(rows: int, units: int, pieces: int, data: st.DataObject) -> None:
    x = data.draw(arrays(np.float32, (rows, units, pieces), elements=_VALUES))
    best, which = maxout(x)
    want_best, want_which = thinc.NumpyOps().maxout(x)
    assert np.array_equal(which, want_which)
    assert np.array_equal(best.view(np.uint32), want_best.view(np.uint32))  # the same bits, NaN included
