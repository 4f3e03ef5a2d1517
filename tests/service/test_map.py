"""The network page's world map, in a real browser (Debian's Chromium, headless, driven by Playwright),
and the map fields of `/api/network` it draws from.

Screenshots go to CASUS_SCREENSHOTS (default: the test's temporary folder).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from casus.records import map_places, network_at
from casus.service.context import HERE

from .conftest import CHROMIUM, shots

browser = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium not installed (.ci/run installs it)"
)


def _atlas_ids() -> set[str]:
    topo = json.loads((HERE / "static" / "countries-110m.json").read_text())
    return {g.get("id") or g["properties"]["name"] for g in topo["objects"]["countries"]["geometries"]}


def test_network_nodes_say_where_to_draw_them(app) -> None:  # type: ignore[no-untyped-def]
    c = TestClient(app)
    net = c.get("/api/network", params={"at": "2025-01-01"}).json()
    nodes = {n["id"]: n for n in net["nodes"]}
    assert {"id", "name", "region", "nuclear", "iso_n3", "map_ids", "point"} <= set(nodes["POL"])
    assert nodes["POL"]["iso_n3"] == "616" and nodes["POL"]["map_ids"] == ["616"]
    assert nodes["POL"]["point"] == [21.01, 52.23]  # Warsaw, [lon, lat]
    assert "304" in nodes["DNK"]["map_ids"]  # Greenland
    assert nodes["XKX"]["map_ids"] == ["Kosovo"]  # Natural Earth gives Kosovo no numeric code
    atlas = _atlas_ids()
    drawn = [n for n in nodes.values() if set(n["map_ids"]) & atlas]
    assert len(drawn) > 160
    assert all(n["point"] or n["map_ids"] for n in nodes.values() if n["id"] != "VAT")
    held = [k for n in nodes.values() for k in n["map_ids"]]
    assert len(held) == len(set(held)), "a polygon is drawn for two states"


def test_a_union_fills_its_successors_and_a_divided_state_is_a_dot(world) -> None:  # type: ignore[no-untyped-def]
    nodes = {n["id"]: n for n in network_at(world, dt.date(1960, 1, 1))["nodes"]}
    assert nodes["SUN"]["iso_n3"] is None and {"643", "804", "398"} <= set(nodes["SUN"]["map_ids"])
    assert nodes["DEU"]["map_ids"] == ["276"] and nodes["DEU"]["point"] == [7.1, 50.74]  # Bonn
    assert nodes["DDR"]["map_ids"] == [] and nodes["DDR"]["point"] is not None  # East Berlin: a dot
    assert set(nodes["CSK"]["map_ids"]) == {"203", "703"}
    places = map_places(list(world.at(dt.date(2025, 1, 1)).states), dt.date(2025, 1, 1))
    assert places["RUS"] == {"iso_n3": "643", "map_ids": ["643"], "point": [37.62, 55.76]}


def test_historical_states_map_by_cow_code(history_app) -> None:  # type: ignore[no-untyped-def]
    net = TestClient(history_app).get("/api/network", params={"at": "1914-07-01", "history": "true"}).json()
    nodes = {n["id"]: n for n in net["nodes"]}
    assert nodes["AUH"]["map_ids"] == [] and nodes["AUH"]["point"] == [16.37, 48.21]  # Vienna
    assert nodes["GMY"]["iso_n3"] == "276"
    assert nodes["RUS"]["map_ids"] == ["643"]  # Russia, not the Soviet Union's successors
    assert nodes["YUG"]["name"] == "Serbia" and nodes["YUG"]["map_ids"] == ["688"]


@browser
def test_the_world_map(page, server: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = shots(tmp_path)
    page.goto(f"{server}/?at=2025-01-01")
    page.wait_for_selector("#network[data-date='2025-01-01'] .tie")
    assert page.locator("#network path.country").count() > 100
    types = set(page.locator("#network .tie").evaluate_all("ls => ls.map(l => l.dataset.type)"))
    assert "defense" in types and types <= {"defense", "offense"}  # the types ticked by default
    legend = page.locator("#map-legend").inner_text()
    for t in ("defense", "offense", "consultation", "neutrality", "non aggression"):
        assert t in legend
    assert "Click a country" in page.locator(".intro").inner_text()
    assert page.locator(".intro a[href='/scenario']").count() == 1
    ties_2025 = page.locator("#network .tie").count()
    page.screenshot(path=str(out / "map-2025.png"))

    page.locator("#network .state[data-id='POL']").click()
    panel = page.locator("#map-panel")
    panel.locator("a[href^='/treaties/']").first.wait_for()
    assert "Poland" in panel.inner_text()
    assert panel.locator("a[href^='/treaties/nato']").count() == 1
    assert page.locator("#network .state[data-id='POL']").get_attribute("aria-pressed") == "true"
    page.screenshot(path=str(out / "map-poland.png"))

    page.locator("#network .state[data-id='RUS']").focus()  # keyboard: focus and Enter
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('#map-panel h2').textContent.startsWith('Russia')")
    assert page.locator("#map-panel a[href^='/treaties/']").count() >= 1

    page.locator("#network .tie.on[data-type='defense']").first.dispatch_event("click")
    page.locator("#map-panel a[href^='/treaties/']").first.wait_for()
    assert "defense" in page.locator("#map-panel").inner_text()

    page.fill("#net-form input[name=at]", "1960-01-01")
    page.click("#net-form button")
    page.wait_for_selector("#network[data-date='1960-01-01'] .tie")
    assert page.locator("#network .tie").count() != ties_2025
    assert page.locator("#network .state[data-id='SUN']").count() == 1
    assert page.locator("#network .state[data-id='DDR'] circle").count() == 1  # a dot at East Berlin
    page.screenshot(path=str(out / "map-1960.png"))

    page.select_option("#net-form select[name=region]", "Europe")
    page.check("#net-form input[value=consultation]")
    page.wait_for_selector("#network .tie[data-type='consultation']")
    page.screenshot(path=str(out / "map-1960-europe.png"))
    assert page.errors == [] and page.failed == []  # type: ignore[attr-defined]


@browser
def test_the_map_serves_its_files_offline(server: str) -> None:
    import httpx

    for name in (
        "map.js",
        "map.css",
        "countries-110m.json",
        "d3-geo.min.js",
        "d3-array.min.js",
        "topojson-client.min.js",
    ):
        r = httpx.get(f"{server}/static/{name}")
        assert r.status_code == 200 and r.content, name
    assert (HERE / "static" / "THIRD-PARTY-LICENSES.txt").exists()
