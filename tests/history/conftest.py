"""Fixtures for the history tests that need the shared data folder (they skip without it)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from casus.history.cascade import HistoryWorld
from casus.history.features import build, history_table
from casus.history.readers import read_folder


@pytest.fixture(scope="session")
def history(shared_data: Path) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    tables = read_folder(shared_data)
    return tables, build(tables)


@pytest.fixture(scope="session")
def hworld(history: tuple[dict[str, pd.DataFrame], pd.DataFrame]) -> HistoryWorld:
    tables, _ = history
    return HistoryWorld(tables, history_table(tables, tables["mid_participants"]))
