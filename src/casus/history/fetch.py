"""Download the historical data from their publishers and convert them to the layouts casus reads.

Each source names the publisher's file (a CSV, or a member of a zip, possibly inside another
zip), the columns casus keeps and any conversion. A download is written to a temporary file,
converted, checked with the same readers `casus calibrate` uses, and only then moved into
place: a failed or truncated download never replaces a good file. Sizes are bounded.

GML MID 2.2.1 has no stable public download address that casus could verify; give its two
files' addresses with `--url mid_participants=URL --url mid_disputes=URL` (or a local path).
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass(frozen=True)
class Source:
    """One publisher's file and how it becomes the file casus reads."""

    kind: str
    url: str | None
    members: tuple[str, ...] = ()  # path inside the zip; a further entry for a zip inside it
    convert: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    citation: str = ""
    keep: tuple[str, ...] = field(default=())

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


def _open_member(path: Path, members: tuple[str, ...]) -> bytes:
    data = path.read_bytes()
    for name in members:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = z.namelist()
                match = [n for n in names if n == name or n.endswith("/" + name)]
                if not match:
                    raise FetchError(f"{name} not found in the archive (it holds {', '.join(names[:8])})")
                info = z.getinfo(match[0])
                if info.file_size > MAX_BYTES:
                    raise FetchError(
                        f"{name}: larger than {MAX_BYTES // (1024 * 1024)} MiB unpacked; refused"
                    )
                data = z.read(match[0])
        except zipfile.BadZipFile:
            raise FetchError("not a valid zip archive (truncated or corrupt download?)") from None
    return data


def _csv(data: bytes) -> pd.DataFrame:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # older COW files spell some state names in Latin-1
    return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)


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
            data = _open_member(raw_path, source.members) if source.members else raw_path.read_bytes()
            frame = _csv(data)
            if source.convert is not None:
                frame = source.convert(frame)
            missing = [c for c in source.columns if c not in frame.columns]
            if [c for c in missing if c in SCHEMAS[source.kind]]:
                raise FetchError(f"the file lacks column(s) {', '.join(missing)}")
            frame = frame[[c for c in source.columns if c in frame.columns]]
        except FetchError as exc:
            raise FetchError(f"{address}: {exc}") from None
        except (ValueError, KeyError, AttributeError, pd.errors.ParserError) as exc:
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
    """Fetch the named files (all by default) into `dest_dir`; stops at the first failure."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    urls = urls or {}
    unknown = sorted((set(urls) | set(kinds or ())) - set(SOURCES))
    if unknown:
        raise FetchError(f"unknown file kind(s) {', '.join(unknown)}; known: {', '.join(SOURCES)}")
    written = []
    for kind in kinds or list(SOURCES):
        if progress is not None:
            progress(kind)
        written.append(fetch_one(SOURCES[kind], dest_dir, urls.get(kind)))
    return written
