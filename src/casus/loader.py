"""Read YAML/JSON input files into models, reporting problems as file:line: field: message."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from casus.model.errors import InputError, Problem

__all__ = [
    "FIELD_LABELS",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "LineMap",
    "M",
    "coerce_date",
    "date_or_today",
    "format_path",
    "parse_text",
    "problems_from_validation",
    "read_file",
    "validate",
]

M = TypeVar("M", bound=BaseModel)
PathKey = tuple[str | int, ...]

MAX_FILE_BYTES = 5_000_000
MAX_DEPTH = 64

# Words for enum fields, so that an error reads "unknown obligation type 'defence'".
FIELD_LABELS = {
    "type": "obligation type",
    "trigger": "trigger",
    "automaticity": "automaticity",
    "direction": "direction",
    "kind": "kind",
    "status": "status",
    "what": "target kind",
    "in": "area",
    "areas": "area",
}


class LineMap:
    """Maps a path inside a parsed document (keys and list indices) to its line number."""

    def __init__(self) -> None:
        self._lines: dict[PathKey, int] = {}

    def set(self, path: PathKey, line: int) -> None:
        """Record the 1-based line of a path."""
        self._lines.setdefault(path, line)

    def line(self, path: Iterable[str | int]) -> int | None:
        """The line of the path, or of its nearest ancestor that has one."""
        key = tuple(path)
        while True:
            if key in self._lines:
                return self._lines[key]
            if not key:
                return None
            key = key[:-1]


def format_path(path: Iterable[str | int]) -> str:
    """Render ('provisions', 0, 'type') as provisions[0].type."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_SCALAR_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
}


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
# libyaml's loader gives the same nodes and line marks at a fraction of the pure-Python cost.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _scalar(node: yaml.ScalarNode) -> Any:
    # Dates stay strings so that pydantic reports an impossible date against its field.
    if node.tag in _SCALAR_TAGS:
        try:
            return _CONSTRUCTOR.construct_object(node)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError):
            return node.value
    return node.value


def _to_python(node: yaml.Node, path: PathKey, lines: LineMap, file: str, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise InputError.single(file, node.start_mark.line + 1, format_path(path), "nested too deeply")
    lines.set(path, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(child, (*path, i), lines, file, depth + 1) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError.single(
                    file,
                    key_node.start_mark.line + 1,
                    format_path(path),
                    "keys must be plain strings",
                )
            key = str(key_node.value)
            if key in out:
                raise InputError.single(
                    file, key_node.start_mark.line + 1, format_path((*path, key)), "duplicate key"
                )
            lines.set((*path, key), key_node.start_mark.line + 1)
            out[key] = _to_python(value_node, (*path, key), lines, file, depth + 1)
        return out
    raise InputError.single(file, node.start_mark.line + 1, format_path(path), "unsupported YAML node")


def parse_text(text: str, file: str) -> tuple[Any, LineMap]:
    """Parse YAML (or JSON) text into plain data plus a line map; raises only InputError."""
    lines = LineMap()
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise InputError.single(file, line, "", f"invalid YAML: {problem}") from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        char = exc.character if isinstance(exc.character, int) else -1
        detail = f" (character #x{char:04x})" if char >= 0 else ""
        raise InputError.single(file, line, "", f"invalid YAML: {exc.reason}{detail}") from None
    except yaml.YAMLError as exc:
        raise InputError.single(file, None, "", f"invalid YAML: {exc}") from None
    except RecursionError:
        raise InputError.single(file, None, "", "invalid YAML: nested too deeply") from None
    if node is None:
        raise InputError.single(file, 1, "", "file is empty")
    return _to_python(node, (), lines, file), lines


def read_file(path: str | os.PathLike[str]) -> tuple[Any, LineMap]:
    """Read and parse one YAML/JSON file."""
    path = Path(path)
    file = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError.single(file, None, "", f"file is too large ({size} bytes)")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError.single(file, None, "", f"cannot read file: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError.single(file, line, "", "file is not valid UTF-8") from None
    return parse_text(text, file)


def _describe_error(err: Any) -> str:
    kind = err.get("type", "")
    loc = [p for p in err.get("loc", ()) if isinstance(p, str)]
    field = loc[-1] if loc else ""
    value = err.get("input")
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        label = FIELD_LABELS.get(field, field or "value")
        return f"unknown {label} {value!r} (expected one of {expected.replace(chr(39), '')})"
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind in (
        "date_from_datetime_parsing",
        "date_parsing",
        "date_type",
        "date_from_datetime_inexact",
    ):
        if value is None:
            return "a date is required here (YYYY-MM-DD)"
        return f"invalid date {value!r} (expected YYYY-MM-DD): {err.get('msg', '')}"
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        return f"{value!r} does not match the expected form {pattern}"
    msg = str(err.get("msg", "invalid value"))
    return msg.removeprefix("Value error, ")


def problems_from_validation(
    exc: ValidationError, file: str, lines: LineMap, prefix: PathKey = ()
) -> list[Problem]:
    """Turn pydantic's errors into located problems, one per error."""
    problems = []
    for err in exc.errors():
        # Pydantic adds union-member and validator names to the location; drop what the user never wrote.
        loc: list[str | int] = [
            p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p.startswith("function")))
        ]
        loc = ["in" if p == "in_" else p for p in loc]
        full = [*prefix, *loc]
        problems.append(Problem(file, lines.line(full), format_path(full), _describe_error(err)))
    return problems


def validate(model: type[M], data: Any, file: str, lines: LineMap, prefix: PathKey = ()) -> M:
    """Validate parsed data against a model, raising InputError with located problems."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(exc, file, lines, prefix)) from None


def date_or_today(value: str | None) -> dt.date:
    """An optional YYYY-MM-DD date from a command line or a query; today when absent."""
    return dt.date.today() if value is None else coerce_date(value)


def coerce_date(value: str, what: str = "date") -> dt.date:
    """Parse a YYYY-MM-DD string from the command line or an API, with a clear error."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"invalid {what} {value!r} (expected YYYY-MM-DD, a real calendar date)") from None
