"""`casus data fetch` against a local HTTP server serving files in the publishers' layouts."""

from __future__ import annotations

import functools
import http.server
import io
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from casus.cli import app
from casus.history.features import build
from casus.history.fetch import SOURCES, FetchError, _igo_dyad_year, _in_chunks, fetch, fetch_one
from casus.history.readers import CORE, COVARIATES, FILES, read_folder, read_table

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
# Gleditsch-Ward's iisystem.dat: tab-separated, no header, dd:mm:yyyy, names in Latin-1
IISYSTEM = (
    "2\tUSA\tUnited States of America\t01:01:1816\t31:12:2017\n"
    "20\tCAN\tCanada\t01:07:1867\t31:12:2017\n"
    "271\tWRT\tW\u00fcrttemberg\t01:01:1816\t01:07:1871\n"
).encode("latin-1")
TRADE = """ccode,statename,stateabb,year,imports,exports,alt_imports,alt_exports,source1,source2,version
2,United States of America,USA,1950,9125.1,10275.3,-9,-9,1,1,4
20,Canada,CAN,1950,-9,3020.5,-9,-9,1,1,4
"""
IGO_SY = """ccode,year,state,AAAID,ABEDA,Wassen
2,1950,usa,1,2,-1
20,1950,canada,3,1,0
70,1950,mexico,-9,0,1
"""
IGO_DY = """dyadid,ccode1,ccode2,year,state1,state2,AAAID,ABEDA,Wassen
2020,2,20,1950,usa,canada,1,1,-1
2070,2,70,1950,usa,mexico,0,-9,1
20070,20,70,1950,canada,mexico,0,0,0
"""
MINDIST = """ccode1,ccode2,year,mindist
2,2,1950,0
2,20,1950,0
20,2,1950,0
2,70,1950,0
20,70,1950,2514.7
70,20,1950,2514.7
"""
COVARIATES_WITH_URL = ("gw_states", "cow_trade_state_year", "cow_igo_state_year", "cow_igo_dyad_year")
# Served here too: CShapes' distances, whose whole address is nowhere published, given with --url.
COVARIATES_SERVED = (*COVARIATES_WITH_URL, "cow_mindist")


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
    (root / "iisystem.dat").write_bytes(IISYSTEM)
    (root / "COW_Trade_4.0.zip").write_bytes(_zip({"COW_Trade_4.0/National_COW_4.0.csv": TRADE.encode()}))
    (root / "state_year_formatv3.zip").write_bytes(_zip({"state_year_formatv3.csv": IGO_SY.encode()}))
    (root / "dyadic_formatv3.zip").write_bytes(_zip({"dyadic_formatv3.csv": IGO_DY.encode()}))
    (root / "cshapes_2.0_dist_COW.csv").write_text(MINDIST)
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
        "gw_states": "iisystem.dat",
        "cow_trade_state_year": "COW_Trade_4.0.zip",
        "cow_igo_state_year": "state_year_formatv3.zip",
        "cow_igo_dyad_year": "dyadic_formatv3.zip",
        "cow_mindist": "cshapes_2.0_dist_COW.csv",
    }
    return {k: base + v for k, v in names.items()}


def test_every_source_with_an_address_is_served_here() -> None:
    with_url = {k for k, s in SOURCES.items() if s.url is not None}
    assert with_url == set(CORE) - {"mid_participants", "mid_disputes"} | set(COVARIATES_WITH_URL)
    assert set(SOURCES) == set(FILES)  # every file casus reads has a source (an address or a citation)
    for kind, source in SOURCES.items():
        assert source.citation, kind
        if source.url is None:
            assert "--url" in source.citation or kind.startswith("mid_"), kind


def test_fetches_converts_and_checks_every_file(server: tuple[str, Path]) -> None:
    base, dest = server
    written = fetch(dest, urls=_urls(base))  # by default: every source with an address
    assert sorted(p.name for p in written) == sorted(FILES[k] for k in (*CORE, *COVARIATES_SERVED))
    tables = read_folder(dest)
    ct = tables["cow_contiguity"]
    assert len(ct) == 4 and set(zip(ct.ccode1, ct.ccode2, strict=True)) >= {(2, 20), (20, 2)}  # made directed
    assert str(ct.stdate.iloc[0].date()) == "1920-01-01"
    assert list(tables["cow_nmc"].ccode) == [2, 70]  # Canada's unknown CINC (-9) dropped
    assert {"ccode1", "ccode2", "defense"} <= set(tables["atop"].columns)
    cands = build(tables)
    assert cands.joined.sum() == 1 and cands[cands.joined == 1].ccode.item() == 20
    covariates = read_folder(dest, kinds=COVARIATES_SERVED)
    assert set(covariates) == set(COVARIATES_SERVED)


def test_covariates_are_converted_from_the_publishers_layouts(server: tuple[str, Path]) -> None:
    base, dest = server
    fetch(dest, list(COVARIATES_SERVED), urls=_urls(base))
    gw = read_table("gw_states", dest / FILES["gw_states"])
    assert list(gw.columns) == ["gwcode", "startdate", "enddate", "stateabb", "statename"]
    assert [str(d.date()) for d in gw.startdate] == ["1816-01-01", "1867-07-01", "1816-01-01"]
    assert str(gw.enddate.iloc[2].date()) == "1871-07-01" and gw.statename.iloc[2] == "W\u00fcrttemberg"
    trade = read_table("cow_trade_state_year", dest / FILES["cow_trade_state_year"])
    assert list(trade.columns) == ["ccode", "year", "imports", "exports"]
    assert trade.imports.iloc[0] == pytest.approx(9125.1) and pd.isna(trade.imports.iloc[1])  # -9: unknown
    sy = read_table("cow_igo_state_year", dest / FILES["cow_igo_state_year"]).set_index("ccode")
    sums = ["sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"]
    assert sy.loc[2, sums].tolist() == [1, 1, 0, 2]
    assert sy.loc[20, "sum_igo_observer"] == 1 and sy.loc[20, "sum_igo_anytype"] == 2
    assert sy.loc[70, "sum_igo_full"] == 1 and sy.loc[70, "sum_igo_anytype"] == 1  # -9 counts as nothing
    dy = read_table("cow_igo_dyad_year", dest / FILES["cow_igo_dyad_year"])
    assert list(dy.columns) == ["ccode1", "ccode2", "year", "dyadigos"]
    assert dict(zip(zip(dy.ccode1, dy.ccode2, strict=True), dy.dyadigos, strict=True)) == {
        (2, 20): 2, (2, 70): 1, (20, 70): 0}  # fmt: skip
    md = read_table("cow_mindist", dest / FILES["cow_mindist"])
    # non-directed, no state paired with itself
    assert sorted(zip(md.ccode1, md.ccode2, md.mindist, strict=True)) == [
        (2, 20, 0.0), (2, 70, 0.0), (20, 70, 2514.7)]  # fmt: skip


def test_a_bad_covariate_download_leaves_the_old_file(server: tuple[str, Path]) -> None:
    base, dest = server
    fetch(dest, list(COVARIATES_WITH_URL), urls=_urls(base))
    before = {k: (dest / FILES[k]).read_bytes() for k in COVARIATES_WITH_URL}
    www = dest.parent / "www"
    for name in ("COW_Trade_4.0.zip", "state_year_formatv3.zip", "dyadic_formatv3.zip"):
        (www / f"cut-{name}").write_bytes((www / name).read_bytes()[:-30])
    (www / "cut-mindist.csv").write_text(MINDIST[:40])  # ends mid-row: a row without its distance
    (www / "cut-iisystem.dat").write_bytes(IISYSTEM[:70])  # ends inside a date
    (www / "us-dates.dat").write_text("2\tUSA\tUnited States\t1816-01-01\t2017-12-31\n")
    (www / "odd-igo.zip").write_bytes(_zip({"state_year_formatv3.csv": IGO_SY.replace("-1", "7").encode()}))
    bad = {
        "cow_trade_state_year": ["cut-COW_Trade_4.0.zip", "state_year_formatv3.zip"],  # cut; no such member
        "cow_igo_state_year": ["cut-state_year_formatv3.zip", "odd-igo.zip", "COW_Trade_4.0.zip"],
        "cow_igo_dyad_year": ["cut-dyadic_formatv3.zip", "state_year_formatv3.zip"],
        "cow_mindist": ["cut-mindist.csv", "states2016.csv"],
        "gw_states": ["cut-iisystem.dat", "us-dates.dat", "states2016.csv", "missing.dat"],
    }
    for kind, names in bad.items():
        for name in names:
            with pytest.raises(FetchError) as exc:
                fetch_one(SOURCES[kind], dest, base + name)
            assert base + name in str(exc.value), (kind, name)
    assert {k: (dest / FILES[k]).read_bytes() for k in COVARIATES_WITH_URL} == before
    assert not [p for p in dest.iterdir() if p.name.startswith(".fetch-")]


def test_large_files_are_read_in_blocks() -> None:
    read = _in_chunks(_igo_dyad_year, rows=1)  # one row a block: a dyad given twice spans two blocks
    frame = read(io.BytesIO(IGO_DY.replace("2070,2,70", "20002,20,2").encode()))
    converted = SOURCES["cow_igo_dyad_year"].convert
    assert converted is not None
    out = converted(frame)
    assert sorted(zip(out.ccode1, out.ccode2, out.dyadigos, strict=True)) == [(2, 20, 2), (20, 70, 0)]


def test_covariates_without_an_address_need_a_url(server: tuple[str, Path], tmp_path: Path) -> None:
    _, dest = server
    no_url = [k for k, s in SOURCES.items() if s.url is None and k in COVARIATES]
    assert sorted(no_url) == ["cow_mindist", "democracy", "maoz_powers", "sdp_gdp", "td_rivalries"]
    for kind in no_url:
        with pytest.raises(FetchError, match=f"pass --url {kind}=URL"):
            fetch(dest, [kind])
    own = tmp_path / "maoz.csv"  # a CSV already in casus's layout, given as a local path
    own.write_text("ccode,regstdate,regenddate,globstdate,globenddate\n2,1824-01-01,1898-12-31,1899-01-01,"
                   "2019-12-31\n140,1970-01-01,2019-12-31,,\n")  # fmt: skip
    (path,) = fetch(dest, ["maoz_powers"], urls={"maoz_powers": str(own)})
    assert read_table("maoz_powers", path).ccode.tolist() == [2, 140]


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
    skip = CliRunner().invoke(app, ["data", "fetch", "--dest", str(dest), "--only", "gw_states",
                                    "--url", f"gw_states={base}iisystem.dat"])  # fmt: skip
    assert skip.exit_code == 0, skip.output
    assert (dest / "gw_states.csv").exists()
    odd = CliRunner().invoke(app, ["data", "fetch", "--dest", str(dest), "--url", "nonsense=x"])
    assert odd.exit_code == 2 and "unknown file kind" in odd.output
    scheme = CliRunner().invoke(
        app, ["data", "fetch", "--dest", str(dest), "--only", "cow_states", "--url", "cow_states=ftp://x/y"]
    )
    assert scheme.exit_code == 2 and "only http and https" in scheme.output
