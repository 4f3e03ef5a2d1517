"""Errors that point the user at the file, line and field that is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in one input file: where it is and what is wrong."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        message = " ".join(self.message.split())  # one problem, one line
        return f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"


class CasusError(Exception):
    """The base of every error casus raises on purpose: catch this to catch them all.

    InputError (a file, line and field that is wrong), UnknownIdError (a state or treaty id not
    in the world), and the faces' own: a download that failed (`casus.history.fetch.FetchError`),
    a sweep that cannot go on (`casus.sweep.run.SweepError`), a full run queue
    (`casus.service.jobs.QueueFull`), an unreadable article (`casus.evidence.sources.SourceError`).
    """


class InputError(CasusError):
    """Raised when input files are invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(cls, file: str | Path, line: int | None, field: str, message: str) -> InputError:
        """An error with exactly one problem."""
        return cls([Problem(str(file), line, field, message)])


class UnknownIdError(CasusError, KeyError):
    """Raised when a state or treaty id is not in the world."""

    def __init__(self, kind: str, ident: str, hint: str = "") -> None:
        self.kind = kind
        self.ident = ident
        self.hint = hint
        super().__init__(ident)

    def __str__(self) -> str:
        tail = f" ({self.hint})" if self.hint else ""
        return f"unknown {self.kind} '{self.ident}'{tail}"
