"""History readers: located errors on bad files, and the shared data read cleanly."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.history.readers import FILES, read_folder, read_table
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
    assert set(tables) == set(FILES)
    assert len(tables["atop"]) > 200_000 and len(tables["mid_participants"]) > 3_000


def test_a_row_with_extra_fields_is_located(tmp_path: Path) -> None:
    p = tmp_path / "atop.csv"
    p.write_text(ATOP.replace("20,2,1942,1,1,0,0,0", "20,2,1942,1,1,0,0,0,9"))
    with pytest.raises(InputError, match=r"atop.csv:3: .*fields"):
        read_table("atop", p)
