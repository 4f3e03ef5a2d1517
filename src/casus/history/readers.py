"""Readers for the peace-science files casus calibrates on, with located errors.

Each reader takes a path (plain or gzipped CSV), checks the columns it needs and the type of
every value, and returns a pandas DataFrame. A bad file gets `file:line: column: message`
problems (up to a few per column), never a traceback. Citations are in `SOURCES`.
"""

from __future__ import annotations

import csv
import gzip
import os
import warnings
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from casus.model import InputError, Problem

__all__ = [
    "BLANK_OK",
    "CORE",
    "COVARIATES",
    "DATE",
    "FILES",
    "FLOAT",
    "INT",
    "MAX_PER_COLUMN",
    "OPTIONAL",
    "RANGES",
    "SCHEMAS",
    "SOURCES",
    "file_paths",
    "parse_files",
    "read_folder",
    "read_table",
]

SOURCES = {
    "atop": "ATOP v5.1 (Leeds, Ritter, Mitchell & Long 2002), dyad-year version via peacesciencer",
    "mid": "GML MID 2.2.1 (Gibler, Miller & Little 2016), via peacesciencer",
    "cow_states": "Correlates of War Project, State System Membership (2016)",
    "cow_contiguity": "Correlates of War Project, Direct Contiguity 3.2",
    "cow_majors": "Correlates of War Project, major powers (2016)",
    "cow_nmc": "Correlates of War Project, National Material Capabilities 6.0",
    "democracy": "V-Dem (Coppedge et al.), Polity (Marshall & Gurr) and Marquez (2016) democracy scores, "
    "as assembled in peacesciencer",
    "cow_igo": "Correlates of War Project, Intergovernmental Organizations 3.0 (Pevehouse et al. 2020)",
    "cow_mindist": "Schvitz et al. (2022), CShapes 2.0 minimum distances, via peacesciencer",
    "td_rivalries": "Thompson & Dreyer (2012), Handbook of International Rivalries",
    "sdp_gdp": "Anders, Fariss & Markowitz (2020), GDP, population and surplus domestic product estimates",
    "cow_trade": "Correlates of War Project, Trade 4.0 (Barbieri & Keshk)",
    "maoz_powers": "Maoz (2010), regional and global powers",
    "gw_states": "Gleditsch & Ward (1999), independent states list, as in peacesciencer",
}

FILES = {
    "atop": "atop_dyad_year.csv.gz",
    "mid_participants": "mid_participants.csv.gz",
    "mid_disputes": "mid_disputes.csv.gz",
    "cow_states": "cow_states.csv",
    "cow_contiguity": "cow_contiguity.csv",
    "cow_majors": "cow_majors.csv",
    "cow_nmc": "cow_nmc.csv.gz",
    "democracy": "democracy.csv.gz",
    "cow_igo_dyad_year": "cow_igo_dyad_year.csv.gz",
    "cow_igo_state_year": "cow_igo_state_year.csv.gz",
    "cow_mindist": "cow_mindist.csv.gz",
    "td_rivalries": "td_rivalries.csv",
    "sdp_gdp": "sdp_gdp.csv.gz",
    "cow_trade_state_year": "cow_trade_state_year.csv.gz",
    "maoz_powers": "maoz_powers.csv",
    "gw_states": "gw_states.csv",
}
# The covariates of state-year and dyad-year tables: read when asked for, never required by the
# models, so a folder of the older files stays a complete folder.
COVARIATES = frozenset({
    "democracy", "cow_igo_dyad_year", "cow_igo_state_year", "cow_mindist", "td_rivalries", "sdp_gdp",
    "cow_trade_state_year", "maoz_powers", "gw_states",
})  # fmt: skip

# Read when present, not required: no model uses it (a dispute's hostility is known only after
# the fact), but `casus data fetch` writes it and the data version covers it when read.
OPTIONAL = frozenset({"mid_disputes"}) | COVARIATES
# What a folder of data is read for by default: the files the models and backtests use.
CORE = tuple(k for k in FILES if k not in COVARIATES)

INT, FLOAT, DATE = "int", "float", "date"
SCHEMAS: dict[str, dict[str, str]] = {
    "atop": {
        c: INT for c in ("ccode1", "ccode2", "year", "defense", "offense", "neutral", "nonagg", "consul")
    },
    "mid_participants": {
        c: INT
        for c in (
            "dispnum",
            "ccode",
            "styear",
            "stmon",
            "stday",
            "endyear",
            "endmon",
            "endday",
            "sidea",
            "orig",
            "hiact",
        )
    },
    "mid_disputes": {c: INT for c in ("dispnum", "styear", "stmon", "hostlev")},
    "cow_states": {
        "ccode": INT,
        "styear": INT,
        "stmonth": INT,
        "stday": INT,
        "endyear": INT,
        "endmonth": INT,
        "endday": INT,
    },
    "cow_contiguity": {"ccode1": INT, "ccode2": INT, "conttype": INT, "stdate": DATE, "enddate": DATE},
    "cow_majors": {c: INT for c in ("ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday")},
    "cow_nmc": {"ccode": INT, "year": INT, "cinc": FLOAT},
    "democracy": {"ccode": INT, "year": INT, "v2x_polyarchy": FLOAT, "polity2": FLOAT, "xm_qudsest": FLOAT},
    "cow_igo_dyad_year": {"ccode1": INT, "ccode2": INT, "year": INT, "dyadigos": INT},
    "cow_igo_state_year": {
        c: INT
        for c in ("ccode", "year", "sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype")
    },
    "cow_mindist": {"ccode1": INT, "ccode2": INT, "year": INT, "mindist": FLOAT},
    "td_rivalries": {"rivalryno": INT, "ccode1": INT, "ccode2": INT, "styear": INT, "endyear": INT},
    "sdp_gdp": {
        "ccode": INT,
        "year": INT,
        "wbgdp2011est": FLOAT,
        "wbpopest": FLOAT,
        "sdpest": FLOAT,
        "wbgdppc2011est": FLOAT,
    },
    "cow_trade_state_year": {"ccode": INT, "year": INT, "imports": FLOAT, "exports": FLOAT},
    "maoz_powers": {
        "ccode": INT,
        "regstdate": DATE,
        "regenddate": DATE,
        "globstdate": DATE,
        "globenddate": DATE,
    },
    "gw_states": {"gwcode": INT, "startdate": DATE, "enddate": DATE},
}
# Columns where a blank means "not measured" (or, for the power spells, "never"), read as missing.
BLANK_OK = frozenset({
    "v2x_polyarchy", "polity2", "xm_qudsest", "wbgdp2011est", "wbpopest", "sdpest", "wbgdppc2011est",
    "imports", "exports", "regstdate", "regenddate", "globstdate", "globenddate",
})  # fmt: skip
# Ranges that differ for one kind: rivalries reach back to the fifteenth century.
RANGES_BY_KIND = {"td_rivalries": {"styear": (1400, 2100), "endyear": (1400, 2100)}}
RANGES = {"year": (1800, 2100), "styear": (1800, 2100), "endyear": (1800, 2100), "conttype": (0, 5),
          "sidea": (0, 1), "orig": (0, 1), "defense": (0, 1), "offense": (0, 1), "neutral": (0, 1),
          "nonagg": (0, 1), "consul": (0, 1), "cinc": (0.0, 1.0), "v2x_polyarchy": (0.0, 1.0),
          "polity2": (-10, 10), "dyadigos": (0, 1000), "mindist": (0.0, 25_000.0), "gwcode": (1, 999),
          "sum_igo_full": (0, 1000), "sum_igo_associate": (0, 1000), "sum_igo_observer": (0, 1000),
          "sum_igo_anytype": (0, 1000), "rivalryno": (1, 100_000)}  # fmt: skip
MAX_PER_COLUMN = 3


def _read_raw(path: Path) -> pd.DataFrame:
    file = str(path)
    try:
        # index_col=False: a row with extra fields must not become a silently shifted index
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            try:
                frame = pd.read_csv(
                    path, dtype=str, keep_default_na=False, compression="infer", index_col=False
                )
            except pd.errors.ParserWarning:
                line = _first_ragged_line(path)
                raise InputError.single(file, line, "", "a row has more fields than the header") from None
        return frame.reset_index(drop=True)
    except FileNotFoundError:
        raise InputError.single(file, None, "", "no such file") from None
    except (EOFError, zlib.error, gzip.BadGzipFile):
        raise InputError.single(file, None, "", "truncated or corrupt gzip file") from None
    except pd.errors.EmptyDataError:
        raise InputError.single(file, 1, "", "file is empty") from None
    except pd.errors.ParserError as exc:
        line = None
        text = str(exc)
        if "line" in text:
            digits = "".join(ch if ch.isdigit() else " " for ch in text.split("line", 1)[1]).split()
            line = int(digits[0]) if digits else None
        raise InputError.single(file, line, "", f"malformed CSV: {text.splitlines()[0]}") from None
    except UnicodeDecodeError:
        raise InputError.single(file, None, "", "file is not valid UTF-8 text") from None
    except OSError as exc:
        raise InputError.single(file, None, "", f"cannot read file: {exc}") from None


def _first_ragged_line(path: Path) -> int | None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        width = None
        for i, row in enumerate(rows, start=1):
            width = len(row) if width is None else width
            if len(row) > width:
                return i
    return None


def read_table(kind: str, path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read one of the known files (`kind` is a key of SCHEMAS), checking columns, types and ranges."""
    path = Path(path)
    schema = SCHEMAS[kind]
    raw = _read_raw(path)
    file = str(path)
    missing = [c for c in schema if c not in raw.columns]
    if missing:
        raise InputError.single(
            file, 1, ", ".join(missing), f"missing column(s); the header has {', '.join(raw.columns[:12])}"
        )
    problems: list[Problem] = []
    out = pd.DataFrame(index=raw.index)
    ranges = {**RANGES, **RANGES_BY_KIND.get(kind, {})}
    for col, kind_ in schema.items():
        s = raw[col].str.strip()
        blank = (s == "") if col in BLANK_OK else pd.Series(False, index=s.index)
        if kind_ == DATE:
            parsed = pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")
            bad = parsed.isna() & ~blank
            what = "not a date (YYYY-MM-DD)"
            out[col] = parsed
        else:
            num = pd.to_numeric(s, errors="coerce")
            bad = num.isna() & ~blank
            if kind_ == INT:
                bad |= num.notna() & (num % 1 != 0)
            what = "not a whole number" if kind_ == INT else "not a number"
            lo_hi = ranges.get(col)
            if lo_hi is not None:
                out_of_range = num.notna() & ((num < lo_hi[0]) | (num > lo_hi[1]))
                for idx in out_of_range[out_of_range].index[:MAX_PER_COLUMN]:
                    problems.append(
                        Problem(file, int(idx) + 2, col, f"{s[idx]!r} outside {lo_hi[0]}..{lo_hi[1]}")
                    )
            out[col] = num.astype("int64") if (kind_ == INT and not bad.any()) else num
        for idx in bad[bad].index[:MAX_PER_COLUMN]:
            value = s[idx]
            problems.append(
                Problem(file, int(idx) + 2, col, f"{what}: {value!r}" if value else "empty value")
            )
    if problems:
        raise InputError(problems)
    for col in raw.columns:
        if col not in out.columns:
            out[col] = raw[col]
    return out


def parse_files(specs: Iterable[str]) -> dict[str, Path]:
    """KIND=PATH specs (kinds as in FILES; '-' may stand for '_') as {kind: path}.

    Raises ValueError on a spec without '=', an unknown kind or a kind named twice.
    """
    given: dict[str, Path] = {}
    for spec in specs:
        kind, sep, path = spec.partition("=")
        kind = kind.strip().replace("-", "_")
        if not sep or not path.strip():
            raise ValueError(f"{spec!r}: expected KIND=PATH, KIND one of {', '.join(FILES)}")
        if kind not in FILES:
            raise ValueError(f"{spec!r}: unknown kind {kind!r}; kinds: {', '.join(FILES)}")
        if kind in given:
            raise ValueError(f"{kind} is named twice")
        given[kind] = Path(path.strip()).expanduser()
    return given


def file_paths(
    folder: Path | None, given: Mapping[str, Path | None], kinds: Iterable[str] = CORE
) -> dict[str, Path]:
    """Where each of `kinds` is read from: a `given` path, else `folder`'s file named as in FILES.

    An OPTIONAL file that is neither given nor in the folder is left out. Raises ValueError when
    a required file has neither.
    """
    paths: dict[str, Path] = {}
    chosen = set(kinds)
    wanted = [k for k in FILES if k in chosen]
    for kind in wanted:
        name = FILES[kind]
        if (path := given.get(kind)) is not None:
            paths[kind] = path
        elif folder is not None and not (kind in OPTIONAL and not (folder / name).exists()):
            paths[kind] = folder / name
    if missing := [k for k in wanted if k not in paths and k not in OPTIONAL]:
        raise ValueError("no file for " + ", ".join(missing) + ": give the data folder or a path for each")
    return paths


def read_folder(
    folder: str | os.PathLike[str] | None,
    kinds: Iterable[str] = CORE,
    **paths: str | os.PathLike[str] | None,
) -> dict[str, pd.DataFrame]:
    """The files of `kinds` (default: CORE) from a folder (names as in FILES), any replaced by a path.

    `folder` may be None when every required kind has a path (see `file_paths`).
    """
    if unknown := sorted(set(paths) - set(FILES)):
        raise ValueError(f"unknown kind(s) {', '.join(unknown)}; kinds: {', '.join(FILES)}")
    given = {k: None if v is None else Path(v) for k, v in paths.items()}
    tables = {}
    problems: list[Problem] = []
    for kind, path in file_paths(None if folder is None else Path(folder), given, kinds).items():
        try:
            tables[kind] = read_table(kind, path)
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return tables
