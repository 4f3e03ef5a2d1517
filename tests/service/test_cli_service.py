"""`casus read --store` and `casus serve`'s configuration errors, through the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from casus.cli import app
from casus.service.store import Store


def test_read_store_saves_each_reading(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Pyongyang shipped artillery shells to Russia, officials said.", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 's.db'}"
    r = CliRunner().invoke(app, ["read", str(art), "--date", "2024-06-20", "--json", "--store", "--db", url])
    assert r.exit_code == 0, r.output
    stored = Store(url).evidence()
    assert len(stored) == 1 and stored[0].reading["claims"][0]["relation"] == "transfer_arms"


def test_bad_store_and_token_file_are_one_line_errors(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Russia backed Belarus.", encoding="utf-8")
    r = CliRunner().invoke(app, ["read", str(art), "--store", "--db", "nosuchdb://x"])
    assert (
        r.exit_code == 2 and r.output.startswith("error: store nosuchdb://x:") and r.output.count("\n") == 1
    )
    for content in (None, ""):
        token = tmp_path / "token"
        if content is not None:
            token.write_text(content)
        r = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 't.db'}"],
                               env={"CASUS_TOKEN": "", "CASUS_TOKEN_FILE": str(token)})  # fmt: skip
        assert r.exit_code == 2 and "CASUS_TOKEN_FILE" in r.output and r.output.count("\n") == 1
