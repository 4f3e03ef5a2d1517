# ruff: noqa: E501  (command lines read best whole)
"""casus data dyads and casus data states: tables written whole or not at all, sources named."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from casus.cli import app


def _run(*args: str) -> tuple[int, str]:
    r = CliRunner().invoke(app, ["data", *args])
    return r.exit_code, " ".join(r.output.split())


def test_casus_data_dyads_writes_the_table_and_names_its_sources(shared_data: Path, tmp_path: Path) -> None:
    out, bib = tmp_path / "d.parquet", tmp_path / "d.bib"
    code, said = _run("dyads", "--data", str(shared_data), "--since", "1914", "--until", "1915", "--undirected",
                      "--add", "atop", "--add", "peace", "--add", "contiguity", "--out", str(out), "--bibtex", str(bib))  # fmt: skip
    assert code == 0, said
    d = pd.read_parquet(out)
    assert set(d.year) == {1914, 1915} and (d.ccode1 < d.ccode2).all()
    assert {"atop_defense", "gmlmidonset", "gmlmidspell", "conttype"} <= set(d.columns)
    assert d.conttype.min() == 0  # peacesciencer's coding: 0 for no contiguity
    assert "ATOP v5.1" in said and "GML MID" in said and f"written to {out}" in said
    assert "@article{leeds2002atop" in bib.read_text() and "miller2022peacesciencer" in bib.read_text()


def test_casus_data_states_on_the_gleditsch_ward_system(shared_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "s.csv"
    code, said = _run("states", "--data", str(shared_data), "--system", "gw", "--since", "2000", "--until", "2001",
                      "--add", "democracy", "--add", "peace", "--out", str(out))  # fmt: skip
    assert code == 0, said
    s = pd.read_csv(out)
    assert {"gwcode", "ccode", "year", "v2x_polyarchy", "gmlmidspell"} <= set(s.columns)
    serbia = s[(s.gwcode == 345) & (s.year == 2000)]
    assert list(serbia.ccode) == [345]
    assert "Gleditsch & Ward" in said and "(GW, 2000-2001)" in said


def test_refusals_leave_the_earlier_table_as_it_was(shared_data: Path, tmp_path: Path) -> None:
    csv = tmp_path / "d.csv"
    code, said = _run(
        "dyads", "--data", str(shared_data), "--since", "1816", "--until", "1816", "--out", str(csv)
    )
    assert code == 0, said
    before = csv.read_bytes()
    for extra, message in (
        (["--add", "alliances"], "unknown source 'alliances'"),
        (["--since", "1900", "--until", "1800"], "since (1900) is after until (1800)"),
        (["--system", "cshapes"], "'cshapes': cow or gw"),
    ):
        code, said = _run("dyads", "--data", str(shared_data), "--out", str(csv), *extra)
        assert code == 2 and message in said, said
    code, said = _run("states", "--data", str(shared_data), "--add", "atop", "--out", str(csv))
    assert code == 2 and "unknown source 'atop' for a state-year table" in said, said
    code, said = _run("dyads", "--data", str(tmp_path), "--out", str(csv))
    assert code != 0
    assert csv.read_bytes() == before


def test_the_sources_the_help_lists_are_the_verbs() -> None:
    from casus.cli.tables import SOURCES
    from casus.history.verbs import VERBS

    for kind, names in SOURCES.items():
        assert list(names) == [n for n, v in VERBS.items() if kind in v.tables], kind


def test_listing_the_commands_does_not_import_pandas() -> None:
    import subprocess
    import sys

    code = "import sys, casus.cli; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
