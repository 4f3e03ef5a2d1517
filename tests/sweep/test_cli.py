"""`casus sweep` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import EXAMPLES, casus, write_spec


def test_sweep_command_writes_results_and_resumes(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, trials=2000)
    out = tmp_path / "out"
    r = casus("sweep", str(spec), "--workers", "0", "--out", str(out), "--json")
    assert r.returncode == 0, r.stderr
    manifest = json.loads(r.stdout)
    assert manifest["status"] == "complete" and (manifest["cells"], manifest["computed"]) == (24, 24)
    assert manifest["casus_version"] and manifest["model_version"] and manifest["world_version"]
    r = casus("sweep", str(spec), "--workers", "0", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "24 cells (0 computed, 24 reused)" in r.stdout and "results.parquet" in r.stdout
    # A corrupt journal loses nothing: its bad lines are named and their cells run again.
    journal = out / "cells.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:-1]) + b"\xff\xfe not json\n")
    r = casus("sweep", str(spec), "--workers", "0", "--out", str(out))
    assert r.returncode == 0, r.stderr
    assert "24 cells (1 computed, 23 reused)" in r.stdout and "1 unreadable line(s)" in r.stderr


def test_bundled_example_sweep_is_valid() -> None:
    r = casus("check", str(EXAMPLES / "sweeps"))
    assert r.returncode == 0, r.stderr
    assert "(sweep)" in r.stdout


def test_bad_sweep_file_is_one_line_per_problem_and_exit_2(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, vary={"assumptions.overrides.PRK.reliability": [2]}, outcomes=["p_war:ZZZ"])
    r = casus("sweep", str(spec), "--workers", "0", "--out", str(tmp_path / "out"))
    assert r.returncode == 2 and not (tmp_path / "out").exists()
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith(f"error: {spec}:") for line in lines), r.stderr
    assert "Traceback" not in r.stderr


def test_scheduler_and_workers_are_exclusive(tmp_path: Path) -> None:
    r = casus("sweep", str(write_spec(tmp_path)), "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786")
    assert r.returncode == 2 and "choose one" in r.stderr


def test_out_must_be_a_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    r = casus("sweep", str(write_spec(tmp_path)), "--workers", "0", "--out", str(tmp_path / "file"))
    assert r.returncode == 2 and "Invalid value for --out" in r.stderr
    assert (tmp_path / "file").read_text() == "x"
