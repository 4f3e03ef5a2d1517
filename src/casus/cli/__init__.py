"""The `casus` command (Typer + Rich), one module per command group.

Importing the package registers every command on `app`; `main` is the console entry point.
"""

from casus.cli import faces, history, run, tables, world
from casus.cli.common import app
from casus.cli.entry import OPTIONAL_MODULES, main

__all__ = ["OPTIONAL_MODULES", "app", "faces", "history", "main", "run", "tables", "world"]
