"""Finished cells, persisted one line at a time as they arrive, so an interrupted sweep resumes.

The journal (`cells.jsonl` in the output folder) only ever grows by whole lines: a line cut short
by a crash is ignored when the journal is read back, and every cell is keyed by its id (a hash of
its scenario, inputs, seed, trials, model, world and casus version), so cells of another sweep or
another version in the same folder are never reused by mistake. `results.parquet` is rewritten
from the journal, atomically, when the sweep finishes.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import IO, Any

JOURNAL = "cells.jsonl"
RESULTS = "results.parquet"


def read_journal(out: Path, wanted: set[str]) -> tuple[dict[str, dict[str, Any]], int]:
    """Rows already finished, by cell id, among the wanted ids; and the number of unreadable lines."""
    path = out / JOURNAL
    rows: dict[str, dict[str, Any]] = {}
    bad = 0
    if not path.exists():
        return rows, bad
    with path.open("rb") as fh:
        for raw in fh:
            try:
                row = json.loads(raw)
                cid = row["cell_id"]
            except (ValueError, KeyError, TypeError):
                bad += 1
                continue
            if cid in wanted:
                rows[cid] = row
    return rows, bad


class Journal:
    """Appends finished cells; flushed per line and synced to disk at least once a second."""

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        path = out / JOURNAL
        # A previous run killed mid-line leaves a partial last line: end it so the next row starts clean.
        if path.exists() and path.stat().st_size:
            with path.open("rb") as fh:
                fh.seek(-1, os.SEEK_END)
                partial = fh.read(1) != b"\n"
        else:
            partial = False
        self._fh: IO[str] = path.open("a", encoding="utf-8")
        if partial:
            self._fh.write("\n")
        self._synced = time.monotonic()

    def add(self, row: dict[str, Any]) -> None:
        """Persist one finished cell."""
        self._fh.write(json.dumps(row, separators=(",", ":")) + "\n")
        self._fh.flush()
        if time.monotonic() - self._synced > 1.0:
            os.fsync(self._fh.fileno())
            self._synced = time.monotonic()

    def close(self) -> None:
        """Sync and close."""
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()


def write_results(out: Path, rows: list[dict[str, Any]], columns: list[str]) -> Path:
    """Write rows (in cell order) to results.parquet through a temporary file and a rename."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    path = out / RESULTS
    tmp = out / (RESULTS + ".tmp")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)
    return path
