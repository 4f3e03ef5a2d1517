"""The built wheel, installed in a clean virtual environment, runs a bundled example and serves the
examples: what a user of `pip install casus-foederis` gets, without the source checkout."""

from __future__ import annotations

import json
import os
import site
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean venv with the wheel installed; its dependencies come from this environment's
    site-packages by a path line (which does not load this checkout's editable casus)."""
    tmp = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp / "dist"), str(REPO)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed: {build.stderr[-2000:]}")
    wheel = next((tmp / "dist").glob("casus_foederis-*.whl"))
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    inner = subprocess.run([str(py), "-c", "import site; print(site.getsitepackages()[0])"],
                           capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    (Path(inner) / "deps-from-test-env.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    r = subprocess.run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
                       capture_output=True, text=True, timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr
    return env_dir


def _run(env_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASUS_")}
    return subprocess.run([str(env_dir / "bin" / "casus"), *args], capture_output=True, text=True,
                          env=env, cwd=env_dir, timeout=300)  # fmt: skip


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Path) -> None:
    code = "import casus, casus.scenario as s; print(casus.__file__); print(s.BUNDLED_EXAMPLES)"
    r = subprocess.run([str(installed / "bin" / "python"), "-c", code], capture_output=True, text=True,
                       cwd=installed, check=True)  # fmt: skip
    where, examples = r.stdout.split()
    assert str(installed) in where and not where.startswith(str(REPO))
    assert (Path(examples) / "belgorod-2025.yaml").is_file() and (Path(examples) / "history").is_dir()
    assert _run(installed, "--version").stdout.strip().startswith("casus ")


def test_the_installed_command_runs_a_bundled_example(installed: Path) -> None:
    r = _run(installed, "run", "belgorod-2025", "--trials", "2000", "--no-sensitivity", "--json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["obligations"] and doc["simulation"]["intensity"] == "use_of_force"
    assert doc["simulation"]["model"].startswith("casus-joining today")


def test_the_installed_service_offers_the_examples(installed: Path, tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASUS_")}
    env["CASUS_TOKEN"] = "t" * 32
    db = f"sqlite:///{tmp_path / 's.db'}"
    proc = subprocess.Popen(
        [str(installed / "bin" / "casus"), "serve", "--port", str(port), "--db", db],
        cwd=installed, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        body = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/scenarios", timeout=2) as resp:
                    body = json.loads(resp.read())
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"casus serve exited: {proc.stderr.read() if proc.stderr else ''}")
                time.sleep(0.5)
        assert body is not None, "casus serve did not answer"
        names = [x["file"] for x in body["examples"]]
        assert "belgorod-2025.yaml" in names and "korea-clash.yaml" in names
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_the_wheel_ships_the_kernel_and_it_gives_the_same_numbers(installed: Path, tmp_path: Path) -> None:
    """The wheel carries the trial loop (and the reader's compiled loops) compiled for a generic CPU:
    a first run in a fresh numba cache loads it instead of compiling, and gives the checkout's
    numbers to the last digit."""
    (site_pkgs,) = (installed / "lib").glob("python3*/site-packages")
    shipped = sorted(p.name for p in (site_pkgs / "casus" / "_compiled").iterdir())
    assert [p.rsplit(".", 1)[1] for p in shipped] == ["nbc", "nbi"] * 3, shipped
    assert [p.split("-")[0] for p in shipped[::2]] == [
        "arc_eager.parse_batch",
        "kernel.run_block",
        "network.maxout",
    ]
    args = ["run", "belgorod-2025", "--trials", "20000", "--seed", "5", "--json"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CASUS_", "NUMBA_"))}
    fresh = {**env, "NUMBA_CACHE_DIR": str(tmp_path), "NUMBA_DEBUG_CACHE": "1"}
    r = subprocess.run([str(installed / "bin" / "casus"), *args], capture_output=True, text=True,
                       cwd=installed, env=fresh, timeout=300)  # fmt: skip
    assert r.returncode == 0, r.stderr
    log, _, body = r.stdout.partition("{")
    assert "_compiled" in log and "data loaded" in log, log[-2000:]
    mine = subprocess.run([sys.executable, "-m", "casus", *args], capture_output=True, text=True, check=True,
                          env=env, timeout=300).stdout  # fmt: skip
    assert json.loads("{" + body) == json.loads(mine)
    # the parser's transition loop and the networks' maxout, too, are loaded rather than compiled
    code = "from casus.evidence import arc_eager, network; arc_eager.warm(); network.warm()"
    warm = [str(installed / "bin" / "python"), "-c", code]
    cache = {**fresh, "NUMBA_CACHE_DIR": str(tmp_path / "p")}
    r = subprocess.run(warm, capture_output=True, text=True, cwd=installed, env=cache, timeout=300)
    log = r.stdout + r.stderr
    loaded = [line for line in r.stdout.splitlines() if "data loaded" in line and "_compiled" in line]
    assert (
        r.returncode == 0 and any("parse_batch" in x for x in loaded) and any("maxout" in x for x in loaded)
    ), log[-2000:]
