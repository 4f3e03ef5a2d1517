"""The examples in the docstrings run: every module of the package, through doctest."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import casus

# Modules that need an optional extra; each is imported only when that extra is installed.
OPTIONAL = ("casus.service", "casus.sweep")


def _modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(casus.__path__, "casus.")]
    return sorted(n for n in names if not n.endswith("__main__") and ".migrations" not in n)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name: str) -> None:
    if name.startswith(OPTIONAL):
        pytest.importorskip("fastapi" if name.startswith("casus.service") else "dask")
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


def test_there_are_examples_to_run() -> None:
    finder = doctest.DocTestFinder()
    count = sum(
        len(t.examples) for name in _modules() if not name.startswith(OPTIONAL)
        for t in finder.find(importlib.import_module(name))
    )  # fmt: skip
    assert count >= 10
