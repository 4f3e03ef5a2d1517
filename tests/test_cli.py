"""The `casus` command end to end, through its real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casus import __version__ as casus_version


def casus(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    full_env = {k: v for k, v in os.environ.items() if not k.startswith("CASUS_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "casus", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def test_treaties_list_for_north_korea_on_2025_01_01() -> None:
    r = casus("treaties", "list", "--at", "2025-01-01", "--party", "PRK", "--json")
    assert r.returncode == 0, r.stderr
    ids = {t["id"] for t in json.loads(r.stdout)["treaties"]}
    assert {"ru-kp-2024", "cn-kp-1961"} <= ids
    assert "ru-kp-2000" not in ids  # replaced on 2024-12-04


def test_treaties_list_table_mentions_the_treaties() -> None:
    r = casus("treaties", "list", "--at", "2025-01-01", "--party", "PRK")
    assert r.returncode == 0, r.stderr
    assert "ru-kp-2024" in r.stdout and "cn-kp-1961" in r.stdout


def test_signed_but_not_in_force_is_listed_as_signed() -> None:
    r = casus("treaties", "list", "--at", "2024-09-01", "--party", "RUS", "--json")
    status = {t["id"]: t["status"] for t in json.loads(r.stdout)["treaties"]}
    assert status["ru-kp-2024"] == "signed"
    assert status["ru-kp-2000"] == "in_force"


def test_treaties_show_json_has_provisions_with_sources() -> None:
    r = casus("treaties", "show", "ru-kp-2024", "--json", "--at", "2025-01-01")
    assert r.returncode == 0, r.stderr
    t = json.loads(r.stdout)
    assert t["on"]["status"] == "in_force" and sorted(t["on"]["parties"]) == ["PRK", "RUS"]
    types = {p["type"] for p in t["provisions"]}
    assert {"defense", "consultation"} <= types
    assert all(isinstance(p["verbatim"], bool) for p in t["provisions"])


def test_compare_json_lines_up_obligation_types() -> None:
    r = casus(
        "treaties",
        "compare",
        "ru-kp-2024",
        "nato-1949",
        "us-jp-1960",
        "--json",
        "--at",
        "2025-01-01",
    )
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    defense = next(row for row in res["obligations"] if row["type"] == "defense")
    ranks = {tid: [p["automaticity_rank"] for p in provs] for tid, provs in defense["by_treaty"].items()}
    # "immediately ... with all means" > "such action as it deems necessary" > "constitutional processes"
    assert max(ranks["ru-kp-2024"]) > max(ranks["nato-1949"]) > max(ranks["us-jp-1960"])


def test_compare_table_renders() -> None:
    r = casus("treaties", "compare", "ru-kp-2024", "nato-1949")
    assert r.returncode == 0, r.stderr
    assert "defense" in r.stdout and "consultation" in r.stdout


def test_states_json_and_lookup_by_cow_code() -> None:
    r = casus("states", "--at", "2025-01-01", "--json")
    data = json.loads(r.stdout)
    ids = {s["id"] for s in data["states"]}
    assert {"TWN", "XKX", "PSE", "RUS", "PRK"} <= ids
    assert "SUN" not in ids
    r = casus("states", "731", "--json")
    assert json.loads(r.stdout)["states"][0]["id"] == "PRK"


def test_states_at_1980_has_the_soviet_union() -> None:
    r = casus("states", "--at", "1980-01-01", "--json")
    ids = {s["id"] for s in json.loads(r.stdout)["states"]}
    assert "SUN" in ids and "DDR" in ids and "SSD" not in ids


def test_unknown_ids_and_bad_dates_are_one_line_errors() -> None:
    r = casus("treaties", "show", "ru-kp-2042")
    assert r.returncode != 0 and "unknown treaty 'ru-kp-2042'" in r.stderr and "ru-kp-2024" in r.stderr
    assert "Traceback" not in r.stderr
    r = casus("treaties", "list", "--party", "XYZ")
    assert r.returncode != 0 and "unknown state 'XYZ'" in r.stderr and "Traceback" not in r.stderr
    r = casus("treaties", "list", "--at", "2024-02-30")
    assert r.returncode != 0 and "2024-02-30" in r.stderr and "Traceback" not in r.stderr


BAD_TREATY = """\
id: x-2001
title: X
short_name: X
kind: treaty
binding: true
signed: 2001-01-01
source: {title: T, publisher: P}
parties:
  - state: USA
  - state: ATL
provisions:
  - article: Art. 1
    text: help
    verbatim: false
    type: defence
    trigger: armed_attack
    automaticity: unspecified
    direction: mutual
"""


def test_check_reports_file_line_field(tmp_path: Path) -> None:
    d = tmp_path / "treaties"
    d.mkdir()
    (d / "x-2001.yaml").write_text(BAD_TREATY)
    r = casus("check", str(d))
    assert r.returncode == 1
    assert f"{d / 'x-2001.yaml'}:15: provisions[0].type: unknown obligation type 'defence'" in r.stderr
    assert "Traceback" not in r.stderr


def test_check_reports_unknown_state_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "x-2001.yaml").write_text(BAD_TREATY.replace("defence", "defense"))
    r = casus("check", str(tmp_path / "x-2001.yaml"))
    assert r.returncode == 1
    assert f"{tmp_path / 'x-2001.yaml'}:10: parties[1].state: unknown state 'ATL'" in r.stderr


def test_check_accepts_the_bundled_library() -> None:
    src = Path(__file__).resolve().parents[1] / "src" / "casus" / "data"
    r = casus("check", "-q", str(src))
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("how", ["option", "env"])
def test_user_treaties_add_to_and_override_the_bundle(tmp_path: Path, how: str) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "x-2001.yaml").write_text(BAD_TREATY.replace("defence", "defense").replace("ATL", "JPN"))
    src = Path(__file__).resolve().parents[1] / "src" / "casus" / "data" / "treaties" / "us-jp-1960.yaml"
    import yaml

    doc = yaml.safe_load(src.read_text())
    doc["short_name"] = "MINE " + doc["short_name"]
    (mine / "us-jp-1960.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True))
    args = ["treaties", "list", "--party", "JPN", "--at", "2025-01-01", "--json"]
    r = (
        casus("--treaties", str(mine), *args)
        if how == "option"
        else casus(*args, env={"CASUS_TREATIES": str(mine)})
    )
    assert r.returncode == 0, r.stderr
    by_id = {t["id"]: t for t in json.loads(r.stdout)["treaties"]}
    assert "x-2001" in by_id
    assert by_id["us-jp-1960"]["short_name"].startswith("MINE")


def test_a_broken_user_folder_fails_loudly_not_silently(tmp_path: Path) -> None:
    (tmp_path / "x-2001.yaml").write_text(BAD_TREATY)
    r = casus("--treaties", str(tmp_path), "treaties", "list")
    assert r.returncode != 0 and "x-2001.yaml:15" in r.stderr and "Traceback" not in r.stderr


def test_run_json_has_the_documented_shape(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "estonia.yaml"
    report = tmp_path / "estonia.html"
    r = casus("run", str(example), "--json", "--report", str(report))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["scenario"]["name"].startswith("Russian strike")
    ob = data["obligations"][0]
    assert {"treaty", "article", "obligor", "beneficiary", "type", "status", "reasons", "text"} <= set(ob)
    assert {o["status"] for o in data["obligations"]} <= {"triggered", "not_triggered", "contested"}
    assert report.read_text().startswith("<!doctype html>")


def test_run_table_and_bad_scenario(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "yeonpyeong.yaml"
    r = casus("run", str(example))
    assert r.returncode == 0 and "us-kr-1953" in r.stdout and "What follows" in r.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(example.read_text().replace("kind: strike_on_territory", "kind: shelling"))
    r = casus("run", str(bad))
    assert r.returncode == 2 and f"{bad}:" in r.stderr and "events[0].kind" in r.stderr
    assert "Traceback" not in r.stderr


def test_run_rejects_an_unknown_outcome() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "estonia.yaml"
    for outcome in ("bogus", "p_war:XYZ"):
        r = casus("run", str(example), "--trials", "1000", "--no-sensitivity", "--outcome", outcome)
        assert r.returncode != 0 and "unknown outcome" in r.stderr and "Traceback" not in r.stderr


def test_check_builds_the_world_once_for_every_scenario_and_sweep(monkeypatch: pytest.MonkeyPatch) -> None:
    import casus.check as check
    from casus.world import load_world

    calls: list[int] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return load_world(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(check, "load_world", counted)
    examples = Path(__file__).resolve().parents[1] / "examples"
    report = check.check_paths([examples])
    assert not report.problems and len(report.ok) > 10
    assert len(calls) == 1


def _casus_at_80(*args: str) -> str:
    """The output of `casus ARGS` in a terminal 80 columns wide, checked to exit 0."""
    env = {**os.environ, "COLUMNS": "80"}
    r = subprocess.run(
        [sys.executable, "-m", "casus", *args], capture_output=True, text=True, env=env, timeout=300
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_run_leads_with_the_answer_and_fits_80_columns() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "belgorod-2025.yaml"
    out = _casus_at_80("run", str(example), "--trials", "5000")
    lines = out.splitlines()
    assert len(lines) < 80 and max(len(x) for x in lines) <= 80
    order = [next(i for i, x in enumerate(lines) if x.startswith(h)) for h in (
        "What follows", "Escalation, if it comes to a use of force short of war", "P(anyone joins)",
        "Most likely to join", "Most frequent escalation paths", "Sensitivity of")]  # fmt: skip
    assert order == sorted(order)
    assert "• " not in out and "--detail gives each of the" in out  # the reasons wait for --detail
    detail = _casus_at_80("run", str(example), "-n", "0", "--detail")
    quotes = [x for x in detail.splitlines() if "“" in x]
    assert quotes and all(x.endswith("…") and len(x) <= 80 for x in quotes)  # cut to one line
    assert "casus treaties show ID gives each article's text" in detail.replace("\n", " ")


def test_version_completion_and_help_without_type_placeholders() -> None:
    r = casus("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"casus {casus_version}"
    top = casus("--help").stdout
    assert "--install-completion" in top and "--version" in top
    for cmd in (["run"], ["backtest"], ["treaties", "list"], ["data", "dyads"], []):
        text = casus(*cmd, "--help").stdout
        assert not any(t in text for t in ("<bool>", "<path>", "<int>", "<str>")), cmd
    assert "[threat|display" in casus("run", "--help", env={"COLUMNS": "150"}).stdout


def test_a_command_whose_extra_is_missing_says_which_to_install(tmp_path: Path) -> None:
    article = tmp_path / "a.html"  # a page, which trafilatura extracts
    article.write_text("<html><body><p>Russia and North Korea signed a treaty.</p></body></html>")
    code = (
        "import sys; sys.modules['trafilatura'] = None; from casus.cli import main; "
        f"sys.argv = ['casus', 'read', {str(article)!r}]; main()"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "pip install 'casus-foederis[read]'" in r.stderr


def test_every_error_is_one_line_in_one_style(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\ndate: 2025-02-30\nevents: []\n")
    for args, expected in (
        (["run", "belgorod-2025", "--intensity", "huge"], "error: Invalid value for '--intensity'"),
        (["run", "belgorod-2025", "--trials", "-5"], "error: Invalid value: --trials must be 0 or more"),
        (["run", str(bad)], f"error: {bad}:2: date: invalid date '2025-02-30'"),
        (["treaties", "show", "nope"], "error: unknown treaty 'nope'"),
        (["nosuchcommand"], "error: No such command 'nosuchcommand'"),
    ):
        r = casus(*args)
        assert r.returncode == 2 and r.stderr.startswith(expected), (args, r.stderr)
        assert "Traceback" not in r.stderr and "╭" not in r.stderr


def test_read_fits_80_columns_with_a_long_first_line_and_many_actors(tmp_path: Path) -> None:
    """A plain text's long first line is its title cut at a word; the actors and each claim wrap
    under their own start, an actor's count never parted from its id."""
    names = "Poland, Lithuania, Latvia, Estonia, Finland, Sweden, Denmark, Norway, Germany, France and Italy"
    text = (
        f"NATO allies {names} condemned Russia on Monday after Russian drones violated Polish airspace "
        "for the third time this month, the alliance said in a statement issued in Brussels late in the "
        f"day.\n\n{names} expressed solidarity with Poland."
    )
    f = tmp_path / "long.txt"
    f.write_text(text)
    lines = _casus_at_80("read", str(f), "--date", "2025-09-12").splitlines()
    assert max(len(x) for x in lines) <= 80, lines
    title_end = next(i for i, x in enumerate(lines) if x.lstrip().startswith(str(f)))
    assert lines[title_end - 1].endswith("…") and len(" ".join(lines[:title_end])) < 230
    actors = next(i for i, x in enumerate(lines) if x.startswith("  actors: "))
    assert lines[actors + 1].startswith("          ") and "×" in lines[actors + 1]
    assert not any(x.rstrip().endswith(("POL", "LTU", "FIN")) for x in lines[actors : actors + 3])


def test_read_names_each_linked_provision_once_and_where_its_date_came_from(tmp_path: Path) -> None:
    """Two sentences quoting the Saudi-Pakistani statement are one provision line, with the best
    wording score and the count of sentences; the date says it came from --date."""
    text = (
        "Saudi Arabia and Pakistan on Wednesday signed a strategic mutual defence agreement, Saudi state"
        " media reported.\n\nUnder the agreement, any aggression against either country will be"
        ' considered aggression against both.\n\n"The agreement states that any aggression against'
        ' either country shall be considered an aggression against both," the statement said.'
    )
    f = tmp_path / "pact.txt"
    f.write_text(text)
    out = _casus_at_80("read", str(f), "--date", "2025-09-17")
    assert "2025-09-17 (from --date)" in out
    linked = [x for x in out.splitlines() if x.startswith("  sa-pk-2025 ")]
    assert len(linked) == 1 and "2 sentences" in out


def test_read_compare_wraps_each_line_under_its_own_start_at_80_columns(tmp_path: Path) -> None:
    signed = (
        "Saudi Arabia and Pakistan on Wednesday signed a joint strategic defense agreement during Prime"
        " Minister Shehbaz Sharif's visit to Riyadh."
    )
    (tmp_path / "a.txt").write_text(signed)
    (tmp_path / "b.txt").write_text(
        "Saudi Arabia and Pakistan on Wednesday signed a strategic mutual defence agreement as a way of"
        " strengthening joint deterrence, Saudi state media reported."
    )
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    lines = _casus_at_80("read", *files, "--date", "2025-09-17", "--compare").splitlines()
    compared = lines[lines.index("Comparison") + 1 :]
    assert compared and max(len(x) for x in lines) <= 80
    assert all(x.startswith("  ") for x in compared), compared


def test_read_says_a_conditional_threat_is_a_threat_not_a_pledge(tmp_path: Path) -> None:
    f = tmp_path / "threat.txt"
    f.write_text("Moscow warned that Finland could face serious consequences if it deploys NATO troops.")
    out = " ".join(_casus_at_80("read", str(f), "--date", "2025-06-01").split())
    assert "RUS threaten FIN" in out and "[conditional: a threat for the case it names]" in out


def test_read_says_troops_a_state_is_willing_to_send_are_help_offered(tmp_path: Path) -> None:
    f = tmp_path / "offer.txt"
    f.write_text("Germany is willing to send around 4,000 troops to Lithuania, the defence minister said.")
    out = " ".join(_casus_at_80("read", str(f), "--date", "2023-06-26").split())
    assert "DEU assist_militarily LTU" in out
    assert "[conditional: help offered, for when it is taken up]" in out and "case it names" not in out
