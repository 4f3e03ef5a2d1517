"""The documentation site builds from docs/ without a single warning (mkdocs --strict), the API
reference included (mkdocstrings reads the docstrings)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_documentation_site_builds_without_warnings(tmp_path: Path) -> None:
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(REPO / "mkdocs.yml"),
        "-d",
        str(tmp_path),
    ]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=REPO)
    assert r.returncode == 0, r.stderr
    assert "WARNING" not in r.stderr
    page = (tmp_path / "reference" / "escalation" / "index.html").read_text()
    assert "simulate" in page and "intensity" in page  # generated from the docstrings
    assert (tmp_path / "tutorial" / "index.html").exists()
