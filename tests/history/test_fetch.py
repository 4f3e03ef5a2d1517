"""`casus data fetch` against a local HTTP server serving files in the publishers' layouts."""

from __future__ import annotations

import functools
import http.server
import io
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casus.cli import app
from casus.history.features import build
from casus.history.fetch import SOURCES, FetchError, fetch, fetch_one
from casus.history.readers import CORE, FILES, read_folder

STATES = """stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version
USA,2,United States of America,1816,1,1,2016,12,31,2016
CAN,20,Canada,1920,1,10,2016,12,31,2016
MEX,70,Mexico,1831,1,1,2016,12,31,2016
"""
MAJORS = """stateabb,ccode,styear,stmonth,stday,endyear,endmonth,endday,version
USA,2,1898,8,13,2016,12,31,2016
"""
CONTDIR = """dyad,statelno,statelab,statehno,statehab,conttype,begin,end,notes,version
2020,2,USA,20,CAN,1,192001,201612,,3.2
2070,2,USA,70,MEX,1,183101,201612,,3.2
"""
NMC = """stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version
USA,2,1950,14559000,1650,87848,1227154,152271,69249,0.2829,6
CAN,20,1950,-9,47,2792,82066,13737,3617,-9,6
MEX,70,1950,42063,72,390,17613,27741,4957,0.0062,6
"""
ATOP = """ddyad,stateA,stateB,year,atopally,defense,offense,neutral,nonagg,consul,shareob
2020,2,20,1950,1,1,0,0,0,1,1
20002,20,2,1950,1,1,0,0,0,1,1
"""
MIDB = """dispnum,ccode,stabb,stday,stmon,styear,endday,endmon,endyear,sidea,revstate,hiact,orig,version
1,70,MEX,-9,6,1950,1,7,1950,1,1,7,1,2.2.1
1,2,USA,-9,6,1950,1,7,1950,0,0,7,1,2.2.1
1,20,CAN,3,6,1950,1,7,1950,0,0,7,0,2.2.1
"""
MIDA = """dispnum,styear,stmon,outcome,settle,fatality,mindur,maxdur,hiact,hostlev,recip
1,1950,6,6,1,0,20,30,7,3,1
"""


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    root = tmp_path / "www"
    root.mkdir()
    (root / "states2016.csv").write_text(STATES)
    (root / "majors2016.csv").write_text(MAJORS)
    (root / "DirectContiguity320.zip").write_bytes(
        _zip({"DirectContiguity320/contdir.csv": CONTDIR.encode()})
    )
    inner = _zip({"NMC-60-abridged.csv": NMC.encode()})
    (root / "NMC_Documentation-6.0.zip").write_bytes(_zip({"NMC-60-abridged.zip": inner}))
    (root / "atop.zip").write_bytes(_zip({"ATOP 5.1 (.csv)/atop5_1ddyr.csv": ATOP.encode()}))
    (root / "gml-midb-2.2.1.csv").write_text(MIDB)
    (root / "gml-mida-2.2.1.csv").write_text(MIDA)
    (root / "broken.zip").write_bytes(_zip({"DirectContiguity320/contdir.csv": CONTDIR.encode()})[:60])
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a, **k: None  # type: ignore[attr-defined]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/", tmp_path / "data"
    finally:
        httpd.shutdown()


def _urls(base: str) -> dict[str, str]:
    names = {
        "cow_states": "states2016.csv",
        "cow_majors": "majors2016.csv",
        "cow_contiguity": "DirectContiguity320.zip",
        "cow_nmc": "NMC_Documentation-6.0.zip",
        "atop": "atop.zip",
        "mid_participants": "gml-midb-2.2.1.csv",
        "mid_disputes": "gml-mida-2.2.1.csv",
    }
    return {k: base + v for k, v in names.items()}


def test_fetches_converts_and_checks_every_file(server: tuple[str, Path]) -> None:
    base, dest = server
    written = fetch(dest, urls=_urls(base))
    assert sorted(p.name for p in written) == sorted(FILES[k] for k in CORE)
    tables = read_folder(dest)
    ct = tables["cow_contiguity"]
    assert len(ct) == 4 and set(zip(ct.ccode1, ct.ccode2, strict=True)) >= {(2, 20), (20, 2)}  # made directed
    assert str(ct.stdate.iloc[0].date()) == "1920-01-01"
    assert list(tables["cow_nmc"].ccode) == [2, 70]  # Canada's unknown CINC (-9) dropped
    assert {"ccode1", "ccode2", "defense"} <= set(tables["atop"].columns)
    cands = build(tables)
    assert cands.joined.sum() == 1 and cands[cands.joined == 1].ccode.item() == 20


def test_a_failed_download_leaves_the_old_file(server: tuple[str, Path]) -> None:
    base, dest = server
    fetch(dest, ["cow_contiguity"], urls=_urls(base))
    before = (dest / FILES["cow_contiguity"]).read_bytes()
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_one(SOURCES["cow_contiguity"], dest, base + "missing.zip")
    with pytest.raises(FetchError, match="zip"):
        fetch_one(SOURCES["cow_contiguity"], dest, base + "broken.zip")
    with pytest.raises(FetchError, match="lacks column"):
        fetch_one(SOURCES["cow_states"], dest, base + "gml-mida-2.2.1.csv")
    assert (dest / FILES["cow_contiguity"]).read_bytes() == before
    assert not [p for p in dest.iterdir() if p.name.startswith(".fetch-")]  # no leftovers


def test_cli_fetch_and_its_errors(server: tuple[str, Path]) -> None:
    base, dest = server
    ok = CliRunner().invoke(app, ["data", "fetch", "--dest", str(dest), "--only", "cow_states",
                                  "--url", f"cow_states={base}states2016.csv"])  # fmt: skip
    assert ok.exit_code == 0, ok.output
    assert (dest / "cow_states.csv").exists()
    bad = CliRunner().invoke(app, ["data", "fetch", "--dest", str(dest), "--only", "mid_disputes"])
    assert bad.exit_code == 2 and "pass --url mid_disputes=URL" in bad.output
    odd = CliRunner().invoke(app, ["data", "fetch", "--dest", str(dest), "--url", "nonsense=x"])
    assert odd.exit_code == 2 and "unknown file kind" in odd.output
    scheme = CliRunner().invoke(
        app, ["data", "fetch", "--dest", str(dest), "--only", "cow_states", "--url", "cow_states=ftp://x/y"]
    )
    assert scheme.exit_code == 2 and "only http and https" in scheme.output
