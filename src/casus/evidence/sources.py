"""Turning files, folders, pages and feeds into plain documents, with limits and boilerplate removed.

Plain text is read as is; HTML goes through trafilatura (main text only: navigation, ads,
scripts and event handlers never reach the reader, and nothing in a page is ever executed);
RSS and Atom feeds through feedparser, one document per item, each item's HTML stripped the
same way. casus never follows links found in a document or a feed, so a feed that points at
itself cannot loop. Limits: `MAX_BYTES` per file or download, `MAX_ITEMS` per feed,
`MAX_FILES` per folder; a larger input is refused with an error naming it.

Boilerplate is removed line by line by the rules in `RULES`, and, in a feed, by dropping lines
that recur in several items (syndication footers, promotion).
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

from casus.evidence.asides import LINK_OUT
from casus.model import CasusError

MAX_BYTES = 5 * 1024 * 1024
MAX_ITEMS = 1000
MAX_FILES = 5000
TIMEOUT_S = 30
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}

RULES: list[tuple[str, re.Pattern[str]]] = [
    ("syndication footer", re.compile(r"^(?=.{0,400}$).*\bappeared first on\b", re.I)),
    ("social follow", re.compile(r"^(?=.{0,300}$).*\b(follow us on|follow .{1,40} on (twitter|x|facebook|telegram|instagram|whatsapp|google news))", re.I)),
    ("newsletter", re.compile(r"(subscribe to our newsletter|sign up for our newsletter|get our newsletter)", re.I)),
    ("call to action", re.compile(r"^\s*(click here|read more|read also|share this|advertisement\b)|^(?=.{0,300}$).*\bclick here\b", re.I)),
    ("link to another story", LINK_OUT),
    ("copyright", re.compile(r"^\s*(©|\(c\)|copyright\b|all rights reserved)", re.I)),
]  # fmt: skip
ALL_CAPS_MIN_WORDS = 3
REPEAT_MIN_ITEMS = 3  # a line in this many items of one feed (or in every item, if 2) is boilerplate


class SourceError(CasusError):
    """An input that cannot be read; the message names it."""


@dataclass
class Document:
    """One article's text and what its container said about it."""

    source: str
    title: str | None
    date: dt.date | None
    text: str
    removed_lines: int = 0
    removed: list[tuple[str, str]] = field(default_factory=list)  # (rule, line) of each line dropped


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 when valid, else the most likely encoding; never fails."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        return str(best) if best is not None else data.decode("latin-1", errors="replace")


def is_promotional_caps(line: str) -> bool:
    """A line of several words in capitals only (a headline banner or promotion)."""
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= ALL_CAPS_MIN_WORDS and len(letters) >= 8 and all(c.isupper() for c in letters)


def boilerplate_rule(line: str, extra: set[str] | None = None) -> str | None:
    """The rule a line breaks (its name), or None for a line of the article."""
    stripped = line.strip()
    if not stripped:
        return None
    for name, rx in RULES:
        if rx.search(stripped):
            return name
    if is_promotional_caps(stripped):
        return "capitals-only banner"
    if extra is not None and _norm(stripped) in extra:
        return "line repeated across the feed's items"
    return None


def clean_lines(text: str, extra: set[str] | None = None) -> tuple[str, list[tuple[str, str]]]:
    """Drop boilerplate lines (RULES, capitals-only lines, and `extra` repeated lines): the text
    kept, and (rule, line) for each line dropped."""
    kept, removed = [], []
    for line in text.splitlines():
        rule = boilerplate_rule(line, extra)
        if rule is not None:
            removed.append((rule, line.strip()))
            continue
        kept.append(line)
    return "\n".join(kept).strip(), removed


def _norm(line: str) -> str:
    return re.sub(r"\s+", " ", line.strip().lower())


def html_to_text(html: str) -> tuple[str, str | None, dt.date | None]:
    """Main text, title and date of an HTML page (trafilatura; nothing executed)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None else None
    date = None
    if meta is not None and meta.date:
        try:
            date = dt.date.fromisoformat(meta.date[:10])
        except ValueError:
            date = None
    if not text:  # a fragment too short for extraction: fall back to the bare text
        import lxml.html

        try:
            root = lxml.html.fromstring(html)
            for bad in root.xpath("//script|//style|//noscript|//template"):
                bad.drop_tree()
            text = root.text_content()
        except Exception:  # malformed beyond repair: nothing readable
            text = ""
    return text, title, date


def _looks_like_feed(head: str) -> bool:
    h = head.lstrip()[:500].lower()
    return "<rss" in h or "<feed" in h or "<rdf:rdf" in h


def _looks_like_html(head: str) -> bool:
    h = head.lstrip()[:1000].lower()
    return h.startswith("<!doctype html") or "<html" in h or "<body" in h or "<p>" in h


def parse_feed(data: bytes, source: str) -> list[Document]:
    """One document per feed item; lines repeated across items are dropped as boilerplate."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries and feed.bozo:
        raise SourceError(f"{source}: not a readable RSS or Atom feed ({feed.bozo_exception})")
    if len(feed.entries) > MAX_ITEMS:
        raise SourceError(f"{source}: {len(feed.entries)} items, more than the limit of {MAX_ITEMS}")
    docs = []
    for i, e in enumerate(feed.entries):
        html = ""
        if e.get("content"):
            html = " ".join(c.get("value", "") for c in e.content)
        html = html or e.get("summary", "") or ""
        text, _, _ = html_to_text(f"<html><body>{html}</body></html>") if "<" in html else (html, None, None)
        date = None
        parsed = e.get("published_parsed") or e.get("updated_parsed")
        if parsed:
            try:
                date = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                date = None
        link = e.get("link") or f"item {i + 1}"
        docs.append(Document(f"{source}#{link}", e.get("title"), date, text))
    counts: Counter[str] = Counter()
    for d in docs:
        counts.update({_norm(x) for x in d.text.splitlines() if x.strip()})
    need = REPEAT_MIN_ITEMS if len(docs) > 2 else 2
    repeated = {line for line, n in counts.items() if n >= need and len(docs) >= 2}
    for d in docs:
        d.text, d.removed = clean_lines(d.text, repeated)
        d.removed_lines = len(d.removed)
    return docs


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SourceError(f"{path}: {size:,} bytes, more than the limit of {MAX_BYTES:,}")
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read: {exc.strerror}") from None


def _download(url: str) -> bytes:
    if not url.startswith(("http://", "https://")):
        raise SourceError(f"{url}: only http and https addresses are read")
    req = urllib.request.Request(url, headers={"User-Agent": "casus-read"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT_S) as resp:
            data: bytes = resp.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise SourceError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise SourceError(f"{url}: cannot download: {getattr(exc, 'reason', exc)}") from None
    if len(data) > MAX_BYTES:
        raise SourceError(f"{url}: more than the limit of {MAX_BYTES:,} bytes")
    return data


BINARY_MAGIC = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an office document)", b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "a program", b"MZ": "a program", b"\xd0\xcf\x11\xe0": "an old office document",
}  # fmt: skip


def binary_kind(data: bytes) -> str | None:
    """What a binary input is ("a PDF document"), or None for text. Text has no NUL bytes and
    few control characters in its first 8 KiB."""
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        return "binary data"
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return "binary data" if head and control / len(head) > 0.05 else None


def documents_from_bytes(data: bytes, source: str, suffix: str = "") -> list[Document]:
    """Documents from one input's bytes, by suffix or, failing that, by content; binary input
    (a PDF, an image, an archive) is refused with a SourceError naming it."""
    kind = binary_kind(data)
    if kind is not None:
        raise SourceError(f"{source}: {kind}, not a text, HTML or feed file")
    text = decode(data)
    if suffix in FEED_SUFFIXES or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and _looks_like_feed(text)):
        return parse_feed(data, source)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        body, title, date = html_to_text(text)
        body, removed = clean_lines(body)
        return [Document(source, title, date, body, len(removed), removed)]
    body, removed = clean_lines(text)
    first = next((x.strip() for x in text.splitlines() if x.strip()), None)
    return [Document(source, _first_words(first) if first else None, None, body, len(removed), removed)]


def _first_words(line: str, limit: int = 200) -> str:
    """A plain text's first line as its title, cut at a word (with an ellipsis) when long."""
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def load(inputs: list[str], skipped: list[str] | None = None) -> list[Document]:
    """Documents from paths, folders (recursively, sorted) and http(s) addresses.

    A file inside a folder that cannot be read (binary, too large, unreadable) is reported in
    `skipped` (one line each) and the rest are read; without `skipped`, or for an input named
    directly, it raises SourceError."""
    docs: list[Document] = []
    for item in inputs:
        if item.startswith(("http://", "https://")):
            docs.extend(documents_from_bytes(_download(item), item, Path(item.split("?")[0]).suffix.lower()))
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if len(files) > MAX_FILES:
                raise SourceError(f"{path}: {len(files)} files, more than the limit of {MAX_FILES}")
            for f in files:
                try:
                    docs.extend(documents_from_bytes(_read_bytes(f), str(f), f.suffix.lower()))
                except SourceError as exc:
                    if skipped is None:
                        raise
                    skipped.append(str(exc))
        elif path.exists():
            docs.extend(documents_from_bytes(_read_bytes(path), str(path), path.suffix.lower()))
        else:
            raise SourceError(f"{item}: no such file, folder or http(s) address")
    return docs
