"""The entry point: one error style, help without type placeholders, the extras a command needs."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer

from casus.cli.common import app
from casus.model import CasusError, InputError, UnknownIdError

# The optional dependencies (pyproject's extras) by the module a command imports.
OPTIONAL_MODULES = {
    **dict.fromkeys(("fastapi", "uvicorn", "sqlalchemy", "alembic", "platformdirs", "psycopg"), "serve"),
    **dict.fromkeys(("dask", "distributed"), "sweep"),
    **dict.fromkeys(("trafilatura", "feedparser", "rapidfuzz", "charset_normalizer", "spacy"), "read"),
}


def _plain_metavars(command: Any) -> None:
    """Help without type placeholders: flags show none, other options a plain word (PATH, N, TEXT)."""
    for param in command.params:
        if getattr(param, "param_type_name", "") == "argument":
            param.display_type_rich = lambda ctx: None  # its name (SCENARIO, SPEC, PATH) says it
            continue
        if getattr(param, "param_type_name", "") != "option" or param.metavar is not None:
            continue
        desc = getattr(param, "type_descriptor", None)
        if param.is_flag or desc is None:
            param.metavar = ""
        elif desc.is_choice:
            param.metavar = "[" + "|".join(str(getattr(c, "value", c)) for c in desc.choices or ()) + "]"
        elif desc.is_path:
            param.metavar = "PATH"
        else:
            kind = desc.annotation
            if desc.is_list:
                kind = next(iter(getattr(kind, "__args__", ())), str)
            param.metavar = {int: "N", float: "X", Path: "PATH"}.get(kind, "TEXT")
    help_option = command.get_help_option

    def plain_help(ctx: Any) -> Any:  # --help is made on demand, so it gets its plain name there
        option = help_option(ctx)
        if option is not None and option.metavar is None:
            option.metavar = ""
        return option

    command.get_help_option = plain_help
    for sub in getattr(command, "commands", {}).values():
        _plain_metavars(sub)


def main() -> None:
    """Entry point: run the app, turning input errors into clear messages and a non-zero exit."""
    try:
        command = typer.main.get_command(app)
        _plain_metavars(command)
        code = command.main(prog_name="casus", standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except typer.Abort:
        sys.stderr.write("error: aborted\n")
        sys.exit(1)
    except InputError as exc:
        for p in exc.problems:
            sys.stderr.write(f"error: {p}\n")
        sys.exit(2)
    except (UnknownIdError, CasusError) as exc:  # an unknown id; a download, sweep or source that failed
        sys.stderr.write(f"error: {' '.join(str(exc).split())}\n")
        sys.exit(2)
    except ModuleNotFoundError as exc:
        extra = OPTIONAL_MODULES.get((exc.name or "").split(".")[0])
        if extra is None:
            raise
        sys.stderr.write(
            f"error: this command needs the {extra!r} extra (module {exc.name} is not installed): "
            f"pip install 'casus-foederis[{extra}]'\n"
        )
        sys.exit(2)
    except Exception as exc:
        if hasattr(exc, "format_message") and hasattr(exc, "exit_code"):  # click's usage errors
            sys.stderr.write(f"error: {' '.join(exc.format_message().split())}\n")
            sys.exit(exc.exit_code)
        if os.environ.get("CASUS_DEBUG"):
            raise
        sys.stderr.write(f"internal error: {type(exc).__name__}: {exc} (set CASUS_DEBUG=1 for a traceback)\n")
        sys.exit(3)
