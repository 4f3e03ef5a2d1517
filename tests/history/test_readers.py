"""History readers: located errors on bad files, and the shared data read cleanly."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.history.evaluate import data_version
from casus.history.readers import (
    CORE,
    COVARIATES,
    FILES,
    OPTIONAL,
    SCHEMAS,
    file_paths,
    parse_files,
    read_folder,
    read_table,
)
from casus.model import InputError

ATOP = "ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n2,20,1942,1,1,0,0,0\n20,2,1942,1,1,0,0,0\n"


def test_reads_a_small_file(tmp_path: Path) -> None:
    p = tmp_path / "atop.csv"
    p.write_text(ATOP)
    t = read_table("atop", p)
    assert list(t.ccode1) == [2, 20] and t.defense.sum() == 2


def test_bad_value_names_file_line_and_column(tmp_path: Path) -> None:
    p = tmp_path / "atop.csv"
    p.write_text(ATOP.replace("20,2,1942", "20,2,19x2"))
    with pytest.raises(InputError) as exc:
        read_table("atop", p)
    assert str(exc.value.problems[0]) == f"{p}:3: year: not a whole number: '19x2'"


def test_out_of_range_and_missing_column(tmp_path: Path) -> None:
    p = tmp_path / "atop.csv"
    p.write_text(ATOP.replace("2,20,1942,1,1", "2,20,1942,7,1"))
    with pytest.raises(InputError, match=r"atop.csv:2: defense: '7' outside 0\.\.1"):
        read_table("atop", p)
    p.write_text(ATOP.replace("consul", "consult"))
    with pytest.raises(InputError, match=r"atop.csv:1: consul: missing column"):
        read_table("atop", p)


def test_truncated_gzip_and_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "atop.csv.gz"
    data = gzip.compress(ATOP.encode() * 200)
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="truncated or corrupt gzip"):
        read_table("atop", p)
    e = tmp_path / "e.csv"
    e.write_text("")
    with pytest.raises(InputError, match="file is empty"):
        read_table("atop", e)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(ATOP)), st.text(alphabet=",\n\"'x19-. \t", max_size=30))
def test_reader_never_crashes(tmp_path: Path, at: int, junk: str) -> None:
    p = tmp_path / "f.csv"
    p.write_text(ATOP[:at] + junk + ATOP[at:])
    try:
        read_table("atop", p)
    except InputError as exc:
        assert exc.problems and all(str(x).startswith(str(p)) and "\n" not in str(x) for x in exc.problems)


def test_the_shared_data_reads_cleanly(shared_data: Path) -> None:
    tables = read_folder(shared_data)
    assert set(tables) == set(CORE)
    assert len(tables["atop"]) > 200_000 and len(tables["mid_participants"]) > 3_000
    covariates = read_folder(shared_data, COVARIATES)
    assert set(covariates) == COVARIATES
    assert len(covariates["cow_mindist"]) > 900_000 and len(covariates["gw_states"]) > 200
    assert covariates["democracy"].polity2.isna().sum() > 0  # blanks read as missing, not refused


def test_a_row_with_extra_fields_is_located(tmp_path: Path) -> None:
    p = tmp_path / "atop.csv"
    p.write_text(ATOP.replace("20,2,1942,1,1,0,0,0", "20,2,1942,1,1,0,0,0,9"))
    with pytest.raises(InputError, match=r"atop.csv:3: .*fields"):
        read_table("atop", p)


def _tiny_folder(folder: Path) -> Path:
    """One valid row of every file kind, named as in FILES."""
    values = {"stdate": "1900-01-01", "enddate": "1910-12-31", "cinc": "0.1", "conttype": "1",
              "mindist": "10", "startdate": "1900-01-01", "regstdate": "1900-01-01",
              "regenddate": "1910-12-31", "globstdate": "", "globenddate": "",
              "v2x_polyarchy": "0.5"}  # fmt: skip
    folder.mkdir(exist_ok=True)
    for kind, name in FILES.items():
        cols = list(SCHEMAS[kind])
        row = [values.get(c, "1900" if "year" in c else "1") for c in cols]
        text = ",".join(cols) + "\n" + ",".join(row) + "\n"
        path = folder / name
        if name.endswith(".gz"):
            path.write_bytes(gzip.compress(text.encode()))
        else:
            path.write_text(text)
    return folder


def test_parse_files_reads_kind_path_specs_and_refuses_bad_ones(tmp_path: Path) -> None:
    got = parse_files(["atop=a.csv", "cow-nmc = ~/n.csv"])
    assert got == {"atop": Path("a.csv"), "cow_nmc": Path("~/n.csv").expanduser()}
    for spec, message in (
        ("atop", "expected KIND=PATH"),
        ("atop=", "expected KIND=PATH"),
        ("mid=x.csv", "unknown kind 'mid'"),
    ):
        with pytest.raises(ValueError, match=message):
            parse_files([spec])
    with pytest.raises(ValueError, match="atop is named twice"):
        parse_files(["atop=a.csv", "atop=b.csv"])


def test_files_come_from_paths_or_the_folder_and_only_optional_ones_may_be_missing(tmp_path: Path) -> None:
    folder = _tiny_folder(tmp_path / "d")
    other = tmp_path / "my-atop.csv"
    other.write_text(ATOP)
    paths = file_paths(folder, {"atop": other})
    assert paths["atop"] == other and paths["cow_nmc"] == folder / FILES["cow_nmc"]
    tables = read_folder(folder, atop=other)
    assert set(tables) == set(CORE) and list(tables["atop"].ccode1) == [2, 20]
    assert set(read_folder(folder, FILES)) == set(FILES)  # the covariates, when asked for
    # An optional file may be absent; a required one may not.
    (folder / FILES["mid_disputes"]).unlink()
    assert set(read_folder(folder)) == set(CORE) - OPTIONAL
    with pytest.raises(ValueError, match=r"no file for atop, mid_participants, .*cow_nmc"):
        file_paths(None, {})
    with pytest.raises(ValueError, match="no file for cow_majors"):
        file_paths(None, {k: folder / FILES[k] for k in CORE if k not in {"cow_majors", *OPTIONAL}})
    three = ("cow_states", "cow_majors", "atop")
    assert set(read_folder(None, three, **{k: folder / FILES[k] for k in three})) == set(three)
    everything = {k: folder / FILES[k] for k in CORE if k not in OPTIONAL}
    assert set(read_folder(None, **everything)) == set(CORE) - OPTIONAL
    with pytest.raises(ValueError, match="unknown kind"):
        read_folder(folder, atlas=other)
    # A bad file given by path is named by that path, not the folder's.
    other.write_text(ATOP.replace("20,2,1942", "20,2,19x2"))
    with pytest.raises(InputError, match=rf"^{re.escape(str(other))}:3: year"):
        read_folder(folder, atop=other)


def test_the_data_version_fingerprints_the_disputes_file_too(tmp_path: Path) -> None:
    """The levels disputes reached come from the optional disputes file, so a fit on it differs."""
    folder = _tiny_folder(tmp_path / "d")
    full = read_folder(folder)
    (folder / FILES["mid_disputes"]).unlink()
    assert data_version(read_folder(folder)) != data_version(full)
    assert data_version(read_folder(folder)) == data_version(
        {k: v for k, v in full.items() if k != "mid_disputes"}
    )
    assert data_version({**full, "cow_nmc": full["cow_nmc"].assign(cinc=0.2)}) != data_version(full)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=4))
def test_file_specs_either_parse_to_known_kinds_or_are_refused_clearly(specs: list[str]) -> None:
    try:
        got = parse_files(specs)
    except ValueError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert set(got) <= set(FILES) and len(got) == len(specs)
