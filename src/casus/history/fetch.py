"""Download the historical data from their publishers and convert them to the layouts casus reads.

Each source names the publisher's file (a CSV, or a member of a zip, possibly inside another
zip), the columns casus keeps and any conversion. A download is written to a temporary file,
converted, checked with the same readers `casus calibrate` uses, and only then moved into
place: a failed or truncated download never replaces a good file. Sizes are bounded.

GML MID 2.2.1 has no stable public download address that casus could verify; give its two
files' addresses with `--url mid_participants=URL --url mid_disputes=URL` (or a local path).

Of the covariate files, the Gleditsch-Ward list, COW IGO 3.0 (state-year and dyad-year), COW
Trade 4.0 and the CShapes 2.0 minimum distances are fetched from their publishers. The others are
assembled by their authors or by peacesciencer and published only as R data (democracy scores,
Thompson & Dreyer's rivalries, the SDP estimates, Maoz's powers): give a CSV already in casus's
layout with `--url KIND=URL` (or a local path).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pandas as pd

from casus.history.readers import FILES, SCHEMAS, read_table
from casus.model import CasusError, InputError

__all__ = [
    "COW",
    "MAX_BYTES",
    "SOURCES",
    "TIMEOUT_S",
    "USER_AGENT",
    "FetchError",
    "Source",
    "fetch",
    "fetch_one",
]

MAX_BYTES = 300 * 1024 * 1024  # the largest original (ATOP's zip) is far smaller
TIMEOUT_S = 60
USER_AGENT = "casus-data-fetch"


def _contiguity(raw: pd.DataFrame) -> pd.DataFrame:
    """COW contdir.csv (undirected, begin/end as YYYYMM) -> directed rows with dates."""

    def date(v: pd.Series) -> pd.Series:
        v = pd.to_numeric(v, errors="raise").astype("int64")
        return (v // 100).astype(str).str.zfill(4) + "-" + (v % 100).astype(str).str.zfill(2) + "-01"

    one = pd.DataFrame({
        "ccode1": raw.statelno, "ccode2": raw.statehno, "conttype": raw.conttype,
        "stdate": date(raw.begin), "enddate": date(raw.end),
    })  # fmt: skip
    other = one.rename(columns={"ccode1": "ccode2", "ccode2": "ccode1"})
    return pd.concat([one, other[one.columns]], ignore_index=True)


def _nmc(raw: pd.DataFrame) -> pd.DataFrame:
    """NMC abridged: keep rows whose CINC is known (-9 marks missing)."""
    cinc = pd.to_numeric(raw.cinc, errors="raise")
    return raw[cinc >= 0]


def _atop(raw: pd.DataFrame) -> pd.DataFrame:
    return raw.rename(columns={"stateA": "ccode1", "stateB": "ccode2"})


Reader = Callable[[IO[bytes]], pd.DataFrame]
GW_COLUMNS = ("gwcode", "stateabb", "statename", "startdate", "enddate")


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # older COW and Gleditsch-Ward files spell some names in Latin-1


def _read_csv(stream: IO[bytes]) -> pd.DataFrame:
    """A CSV with a header row, every value kept as text (UTF-8, else Latin-1)."""
    return pd.read_csv(io.StringIO(_text(stream.read())), dtype=str, keep_default_na=False)


def _read_gw(stream: IO[bytes]) -> pd.DataFrame:
    """Gleditsch-Ward's iisystem.dat: tab-separated, no header, five fields a line.

    The fields are the GW code, the three-letter abbreviation, the state's name (Latin-1) and the
    start and end dates as dd:mm:yyyy.
    """
    frame = pd.read_csv(io.StringIO(_text(stream.read())), sep="\t", header=None, dtype=str,
                        keep_default_na=False, quoting=3, index_col=False)  # fmt: skip
    if frame.shape[1] != len(GW_COLUMNS):
        raise ValueError(f"expected {len(GW_COLUMNS)} tab-separated fields a line, found {frame.shape[1]}")
    frame.columns = list(GW_COLUMNS)
    return frame


def _gw_states(raw: pd.DataFrame) -> pd.DataFrame:
    """iisystem.dat (gwcode, abbreviation, name, dd:mm:yyyy start, dd:mm:yyyy end) -> ISO dates."""
    out = raw.apply(lambda col: col.str.strip())
    for col in ("startdate", "enddate"):
        out[col] = pd.to_datetime(out[col], format="%d:%m:%Y", errors="raise").dt.strftime("%Y-%m-%d")
    return out


def _read_numbers(stream: IO[bytes]) -> pd.DataFrame:
    """A CSV with a header row whose numeric columns are parsed as numbers (Latin-1 text)."""
    return pd.read_csv(stream, encoding="latin-1", low_memory=False)


def _in_chunks(convert: Callable[[pd.DataFrame], pd.DataFrame], rows: int = 20_000) -> Reader:
    """A reader that converts a large CSV (parsed as by `_read_numbers`) a block of rows at a time.

    Only the converted rows are held, so a file of a gigabyte or more is read in bounded memory.
    A step that needs every row (dropping a dyad-year given twice) belongs in the Source's `convert`.
    """

    def read(stream: IO[bytes]) -> pd.DataFrame:
        blocks = [convert(block) for block in pd.read_csv(stream, encoding="latin-1", chunksize=rows)]
        if not blocks:
            raise ValueError("the file has no rows")
        return pd.concat(blocks, ignore_index=True)

    read.__doc__ = f"Read a CSV {rows} rows at a time, converting each block with {convert.__name__}."
    return read


def _missing_negative(raw: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """`columns` as text with the negative missing-value codes (-9 and the like) blank."""
    out = raw.copy()
    for col in columns:
        value = pd.to_numeric(out[col].str.strip(), errors="raise")
        out[col] = out[col].str.strip().where(~(value < 0), "")
    return out


def _cow_trade(raw: pd.DataFrame) -> pd.DataFrame:
    """COW Trade 4.0 National_COW_4.0.csv (ccode, statename, stateabb, year, imports, exports,
    alt_imports, alt_exports, source1, source2, version; current million USD, -9 unknown).

    Keeps ccode, year, imports and exports, an unknown value (-9) left blank.
    """
    return _missing_negative(raw, ("imports", "exports"))


IGO_IDS = frozenset({"ccode", "ccode1", "ccode2", "dyadid", "year", "state", "state1", "state2", "version"})


def _igo_codes(raw: pd.DataFrame, allowed: set[int]) -> pd.DataFrame:
    """The IGO columns of a COW IGO 3.0 file: every numeric column but the identifiers.

    Text columns (state names) are left out; a numeric column holding a code outside `allowed`
    means the layout is not the expected one and raises ValueError.
    """
    numeric = [c for c in raw.columns if c not in IGO_IDS and pd.api.types.is_numeric_dtype(raw[c])]
    if not numeric:
        raise ValueError("no IGO membership columns")
    codes = raw[numeric]
    odd = ~(codes.isin(allowed) | codes.isna())
    if odd.to_numpy().any():
        col = odd.any().idxmax()
        value = codes[col][odd[col]].iloc[0]
        raise ValueError(f"column {col!r} holds {value!r}, not a membership code ({sorted(allowed)})")
    return codes


def _whole(raw: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    missing = [c for c in columns if c not in raw.columns]
    if missing:
        raise KeyError(", ".join(missing))
    return raw[list(columns)].astype("int64")  # ValueError on a blank or fractional identifier


def _igo_state_year(raw: pd.DataFrame) -> pd.DataFrame:
    """COW IGO 3.0 state_year_formatv3.csv (ccode, year, state, then one column per IGO, AAAID to
    Wassen, coded 0 none, 1 full member, 2 associate, 3 observer, -9 missing, -1 IGO not in
    existence) -> the number of IGOs of each kind of membership a state-year holds.
    """
    codes = _igo_codes(raw, {0, 1, 2, 3, -9, -1})
    out = _whole(raw, ("ccode", "year"))
    out["sum_igo_full"] = (codes == 1).sum(axis=1)
    out["sum_igo_associate"] = (codes == 2).sum(axis=1)
    out["sum_igo_observer"] = (codes == 3).sum(axis=1)
    out["sum_igo_anytype"] = (codes >= 1).sum(axis=1)
    return out


def _undirected(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows with ccode1 < ccode2, one per dyad-year: a pair given in both orders is kept once."""
    frame = frame[frame.ccode1 != frame.ccode2]
    lo = frame[["ccode1", "ccode2"]].min(axis=1)
    hi = frame[["ccode1", "ccode2"]].max(axis=1)
    frame = frame.assign(ccode1=lo, ccode2=hi)
    return frame.drop_duplicates(subset=["ccode1", "ccode2", "year"]).reset_index(drop=True)


def _igo_dyad_year(raw: pd.DataFrame) -> pd.DataFrame:
    """COW IGO 3.0 dyadic_formatv3.csv (dyadid, ccode1, ccode2, year, state1, state2, then one
    column per IGO coded 0 no joint membership, 1 joint full membership, -9 missing, -1 a state not
    in the system) -> `dyadigos`, the number of IGOs both states are full members of.
    """
    codes = _igo_codes(raw, {0, 1, -9, -1})
    out = _whole(raw, ("ccode1", "ccode2", "year"))
    out["dyadigos"] = (codes == 1).sum(axis=1)
    return _undirected(out)


def _mindist(raw: pd.DataFrame) -> pd.DataFrame:
    """CShapes 2.0 cshapes_2.0_dist_COW.csv (ccode1, ccode2, year, mindist in km, and further
    distance columns; directed, with each state paired with itself) -> non-directed dyad-years.

    A row without a distance is left out.
    """
    out = _whole(raw, ("ccode1", "ccode2", "year"))
    out["mindist"] = pd.to_numeric(raw["mindist"], errors="raise")
    return _undirected(out[out.mindist.notna()])


@dataclass(frozen=True)
class Source:
    """One publisher's file and how it becomes the file casus reads."""

    kind: str
    url: str | None
    members: tuple[str, ...] = ()  # path inside the zip; a further entry for a zip inside it
    convert: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    citation: str = ""
    keep: tuple[str, ...] = field(default=())
    read: Reader = _read_csv  # parses the original (or its member) into a table
    max_unpacked: int = MAX_BYTES  # the largest member unpacked from a zip

    @property
    def columns(self) -> list[str]:
        """The columns written: those the reader needs, plus any listed in `keep`."""
        return list(dict.fromkeys([*SCHEMAS[self.kind], *self.keep]))


COW = "https://correlatesofwar.org/wp-content/uploads/"
SOURCES: dict[str, Source] = {
    "cow_states": Source("cow_states", COW + "states2016.csv", keep=("stateabb", "statenme"),
                         citation="Correlates of War Project, State System Membership v2016"),
    "cow_majors": Source("cow_majors", COW + "majors2016.csv", keep=("stateabb",),
                         citation="Correlates of War Project, major powers v2016"),
    "cow_contiguity": Source("cow_contiguity", COW + "DirectContiguity320.zip",
                             ("DirectContiguity320/contdir.csv",), _contiguity,
                             "Correlates of War Project, Direct Contiguity v3.2"),
    "cow_nmc": Source("cow_nmc", COW + "NMC_Documentation-6.0.zip",
                      ("NMC-60-abridged.zip", "NMC-60-abridged.csv"), _nmc,
                      "Correlates of War Project, National Material Capabilities v6.0",
                      keep=("milex", "milper", "irst", "pec", "tpop", "upop")),
    "atop": Source("atop", "http://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip",
                   ("ATOP 5.1 (.csv)/atop5_1ddyr.csv",), _atop,
                   "ATOP v5.1 (Leeds, Ritter, Mitchell & Long 2002), directed dyad-year file"),
    "mid_participants": Source("mid_participants", None, citation="GML MID 2.2.1, gml-midb-2.2.1.csv"),
    "mid_disputes": Source("mid_disputes", None, keep=("outcome", "settle", "fatality", "mindur", "maxdur",
                                                       "hiact", "recip"),
                           citation="GML MID 2.2.1, gml-mida-2.2.1.csv"),
    "democracy": Source("democracy", None, citation=(
        "V-Dem (v2x_polyarchy), Polity (polity2) and Marquez's QuickUDS extension (xm_qudsest), "
        "matched to COW codes in peacesciencer (data-raw/democracy/ccode_democracy.R; now isard's "
        "cw_democracy), published only as R data: pass --url democracy=URL to a CSV in casus's layout")),
    "cow_igo_dyad_year": Source("cow_igo_dyad_year", COW + "dyadic_formatv3.zip", ("dyadic_formatv3.csv",),
                                citation="Correlates of War Project, Intergovernmental Organizations v3.0 "
                                         "(Pevehouse et al. 2020), dyad-year file",
                                convert=_undirected, read=_in_chunks(_igo_dyad_year),
                                max_unpacked=8 * 1024**3),
    "cow_igo_state_year": Source("cow_igo_state_year", COW + "state_year_formatv3.zip",
                                 ("state_year_formatv3.csv",), _igo_state_year,
                                 "Correlates of War Project, Intergovernmental Organizations v3.0 "
                                 "(Pevehouse et al. 2020), state-year file", read=_read_numbers),
    # The folder (ETH Zurich ICR's precomputed dyadic distances) and the file name (peacesciencer's
    # cshapes_mindist.R reads it) are each published, but no source shows the whole address, so
    # none is guessed: the user passes it, and the conversion below reads the file as published.
    "cow_mindist": Source("cow_mindist", None,
                          citation="Schvitz et al. (2022), CShapes 2.0, ETH Zurich ICR, precomputed dyadic "
                                   "distances, file cshapes_2.0_dist_COW.csv (COW codes), linked from "
                                   "icr.ethz.ch/data/cshapes: pass --url cow_mindist=URL (or a local path) "
                                   "to that file", read=_in_chunks(_mindist), convert=_undirected),
    "td_rivalries": Source("td_rivalries", None, keep=("rivalryname", "region", "type1", "type2", "type3"),
                           citation=(
        "Thompson & Dreyer (2012), Handbook of International Rivalries, appendix; tabulated as "
        "strategic_rivalries in the stevemisc R package and matched to COW codes as td_rivalries in "
        "peacesciencer, published only as R data: pass --url td_rivalries=URL to a CSV in casus's layout")),
    "sdp_gdp": Source("sdp_gdp", None, citation=(
        "Anders, Fariss & Markowitz (2020), ISQ 64(2); replication data sdp_master.RData "
        "(github.com/thereseanders/sdp), logged in peacesciencer's cow_sdp_gdp, published only as R data "
        "(the CSV at github.com/thereseanders/gdppc_pop_gdp uses Gleditsch-Ward codes): pass "
        "--url sdp_gdp=URL to a CSV in casus's layout")),
    "cow_trade_state_year": Source("cow_trade_state_year", COW + "COW_Trade_4.0.zip",
                                   ("COW_Trade_4.0/National_COW_4.0.csv",), _cow_trade,
                                   "Correlates of War Project, Trade 4.0 (Barbieri & Keshk), "
                                   "national totals"),
    "maoz_powers": Source("maoz_powers", None, citation=(
        "Maoz (2010), Networks of Nations, regional and global powers, as peacesciencer's maoz_powers, "
        "published only as R data: pass --url maoz_powers=URL to a CSV in casus's layout")),
    "gw_states": Source("gw_states", "http://ksgleditsch.com/data/iisystem.dat", convert=_gw_states,
                        keep=("stateabb", "statename"), read=_read_gw,
                        citation="Gleditsch & Ward (1999), list of independent states, iisystem.dat"),
}  # fmt: skip


class FetchError(CasusError):
    """A download or conversion that failed; the message names the source and the reason."""


def _download(url: str, dest: Path, max_bytes: int = MAX_BYTES) -> None:
    if "://" not in url:  # a local path: copy it
        try:
            shutil.copyfile(url, dest)
        except OSError as exc:
            raise FetchError(f"{url}: cannot read: {exc.strerror}") from None
        return
    if not url.startswith(("http://", "https://")):
        raise FetchError(f"{url}: only http and https addresses (or local paths) are fetched")
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp, dest.open("wb") as out:
            expected = resp.headers.get("Content-Length")
            got = 0
            while chunk := resp.read(1 << 16):
                got += len(chunk)
                if got > max_bytes:
                    raise FetchError(f"{url}: larger than {max_bytes // (1024 * 1024)} MiB; refused")
                out.write(chunk)
            if expected is not None and expected.isdigit() and got != int(expected):
                raise FetchError(f"{url}: truncated download ({got} of {expected} bytes)")
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"{url}: cannot download: {reason}") from None


def _member(z: zipfile.ZipFile, name: str, max_unpacked: int) -> zipfile.ZipInfo:
    names = z.namelist()
    match = [n for n in names if n == name or n.endswith("/" + name)]
    if not match:
        raise FetchError(f"{name} not found in the archive (it holds {', '.join(names[:8])})")
    info = z.getinfo(match[0])
    if info.file_size > max_unpacked:
        raise FetchError(f"{name}: larger than {max_unpacked // (1024 * 1024)} MiB unpacked; refused")
    return info


@contextlib.contextmanager
def _open_original(
    path: Path, members: tuple[str, ...], max_unpacked: int = MAX_BYTES
) -> Iterator[IO[bytes]]:
    """The downloaded file, or its member (`members`: a path in the zip, then in a zip inside it).

    Zips inside the zip are unpacked in memory; the last member is streamed, not unpacked whole.
    """
    if not members:
        with path.open("rb") as f:
            yield f
        return
    try:
        z = zipfile.ZipFile(path)
        for name in members[:-1]:
            inner = _member(z, name, MAX_BYTES)
            data = z.read(inner)
            z.close()
            z = zipfile.ZipFile(io.BytesIO(data))
        with z, z.open(_member(z, members[-1], max_unpacked)) as stream:
            yield stream
    except zipfile.BadZipFile:
        raise FetchError("not a valid zip archive (truncated or corrupt download?)") from None


def fetch_one(source: Source, dest_dir: Path, url: str | None = None) -> Path:
    """Download, convert, check and install one file; returns its path in `dest_dir`."""
    address = url or source.url
    if address is None:
        raise FetchError(f"{source.kind}: no public address is known; pass --url {source.kind}=URL")
    target = dest_dir / FILES[source.kind]
    with tempfile.TemporaryDirectory(dir=dest_dir, prefix=".fetch-") as tmp:
        raw_path = Path(tmp) / "download"
        _download(address, raw_path)
        try:
            with _open_original(raw_path, source.members, source.max_unpacked) as stream:
                frame = source.read(stream)
            if source.convert is not None:
                frame = source.convert(frame)
            missing = [c for c in source.columns if c not in frame.columns]
            if [c for c in missing if c in SCHEMAS[source.kind]]:
                raise FetchError(f"the file lacks column(s) {', '.join(missing)}")
            frame = frame[[c for c in source.columns if c in frame.columns]]
        except FetchError as exc:
            raise FetchError(f"{address}: {exc}") from None
        except (zlib.error, EOFError):
            raise FetchError(f"{address}: truncated or corrupt archive member") from None
        except pd.errors.EmptyDataError:
            raise FetchError(f"{address}: the file is empty") from None
        except (ValueError, KeyError, AttributeError, TypeError, pd.errors.ParserError) as exc:
            raise FetchError(f"{address}: unexpected layout ({type(exc).__name__}: {exc})") from None
        staged = Path(tmp) / target.name
        if staged.suffix == ".gz":
            with gzip.open(staged, "wt", encoding="utf-8", newline="") as f:
                frame.to_csv(f, index=False)
        else:
            frame.to_csv(staged, index=False)
        try:
            read_table(source.kind, staged)  # the same checks calibrate applies
        except InputError as exc:
            raise FetchError(f"{address}: converted file fails its checks: {exc.problems[0]}") from None
        staged.replace(target)
    return target


def fetch(
    dest_dir: str | os.PathLike[str],
    kinds: list[str] | None = None,
    urls: dict[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Fetch the named files into `dest_dir`; stops at the first failure.

    By default every file with an address: a publisher's, or one given in `urls`.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    urls = urls or {}
    unknown = sorted((set(urls) | set(kinds or ())) - set(SOURCES))
    if unknown:
        raise FetchError(f"unknown file kind(s) {', '.join(unknown)}; known: {', '.join(SOURCES)}")
    written = []
    for kind in kinds or [k for k in SOURCES if SOURCES[k].url is not None or k in urls]:
        if progress is not None:
            progress(kind)
        written.append(fetch_one(SOURCES[kind], dest_dir, urls.get(kind)))
    return written
