"""The HTML report: self-contained, escaped, and rendered by a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest

from casus.model import Scenario
from casus.obligations import casus_foederis
from casus.report import render_report, write_report
from casus.scenario import load_scenario
from casus.world import World

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def report_for(world: World, name: str) -> str:
    sc = load_scenario(EXAMPLES / f"{name}.yaml", world)
    return render_report(sc, casus_foederis(world, sc), world)


def test_report_has_the_scenario_network_quotes_and_assumptions(world: World) -> None:
    html = report_for(world, "belgorod-2025")
    assert "Strike on Belgorod" in html
    assert '<svg id="network"' in html and html.count("<circle") >= 5
    assert "Weapon suppliers count as co-belligerents" in html
    assert "ru-kp-2024" in html and "state-of-war" in html  # the contested reading is shown
    assert "незамедлительно" in html  # Art. 4 quoted in the Russian text KCNA published


def test_report_is_self_contained(world: World) -> None:
    html = report_for(world, "estonia")
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert not re.search(r"""(src|href)\s*=\s*["']https?:""", html)
    assert "default-src 'none'" in html


def test_report_escapes_hostile_text(world: World) -> None:
    sc = Scenario.model_validate(
        {
            "name": "<script>alert('x')</script>",
            "description": "<img src=x onerror=alert(1)>",
            "date": "2025-06-01",
            "events": [
                {
                    "id": "e<b>",
                    "actor": "RUS",
                    "target": "EST",
                    "kind": "armed_attack",
                    "location": {"state": "EST"},
                }
            ],
        }
    )
    html = render_report(sc, casus_foederis(world, sc), world)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_write_report_is_atomic(world: World, tmp_path: Path) -> None:
    sc = load_scenario(EXAMPLES / "taiwan.yaml", world)
    out = tmp_path / "r.html"
    out.write_text("previous report")
    write_report(out, sc, casus_foederis(world, sc), world)
    assert out.read_text().startswith("<!doctype html>")
    assert not list(tmp_path.glob("*.tmp"))


def _png_has_ink(png: bytes) -> bool:
    """True if a PNG (8-bit RGB/RGBA, non-interlaced) has pixels that are neither white nor blank."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, channels = 8, b"", 0, 3
    while pos < len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        kind, data = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width = int.from_bytes(data[:4], "big")
            channels = {2: 3, 6: 4}[data[9]]
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels + 1
    # Filtered bytes are not pixels, but any non-white, non-zero run shows something was drawn.
    dark = sum(1 for i in range(0, len(raw), stride) for b in raw[i + 1 : i + stride : 97] if b < 128)
    return dark > 50


def test_report_with_simulation_has_charts_and_paths(world: World) -> None:
    from casus.escalation import simulate

    sc = load_scenario(EXAMPLES / "belgorod-2025.yaml", world)
    sim = simulate(world, sc, trials=5_000, seed=1, sensitivity=True, sensitivity_trials=2_000)
    html = render_report(sc, casus_foederis(world, sc), world, sim)
    for div in ("chart-probabilities", "chart-war-size", "chart-tornado"):
        assert f'id="{div}"' in html
    assert "Most frequent escalation paths" in html and "fitted" in html
    assert not re.search(r"""<script[^>]+src=""", html)  # plotly.js is inlined, not fetched


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")
def test_report_opens_in_headless_chromium(world: World, tmp_path: Path) -> None:
    from casus.escalation import simulate

    sc = load_scenario(EXAMPLES / "dprk-missiles-japan.yaml", world)
    path = tmp_path / "report.html"
    sim = simulate(world, sc, trials=5_000, seed=1, sensitivity=True, sensitivity_trials=2_000)
    write_report(path, sc, casus_foederis(world, sc), world, sim)
    assert CHROMIUM is not None
    common = [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run(
        [*common, "--virtual-time-budget=10000", "--dump-dom", path.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert 'id="network"' in dom and "us-jp-1960" in dom and "North Korean missile strikes" in dom
    # plotly drew its charts: the rendered DOM holds their SVG layers
    assert dom.count('class="main-svg"') >= 3
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            *common,
            "--window-size=1200,3000",
            "--virtual-time-budget=10000",
            f"--screenshot={shot}",
            path.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.stat().st_size > 20_000
    assert _png_has_ink(shot.read_bytes())
