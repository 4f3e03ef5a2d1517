// casus: the alliance network on a world map. Countries are Natural Earth's 1:110m polygons
// (world-atlas, countries-110m.json), projected by d3-geo and decoded by topojson-client.
// app.js's showNetwork calls window.casusMap.show(form). Data is inserted as text, never as markup.
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  // Tie types in the server's order (strongest first), with line colours (Okabe-Ito, colour-blind safe).
  const COLOUR = { defense: "#0072b2", offense: "#d55e00", consultation: "#009e73", neutrality: "#cc79a7",
    non_aggression: "#e69f00", non_assistance: "#6e7781" };
  const MEANING = { defense: "aid if attacked", offense: "join a war together", consultation: "consult in a crisis",
    neutrality: "stay out of a war on the other", non_aggression: "not attack each other",
    non_assistance: "not aid the other's enemy" };
  const WIDTH = 960, LAND = "#e4e2dc", NO_STATE = "#f1f0ec", ROTATE = -11;  // seam in the Bering Strait
  const cache = new Map();
  let atlas = null, asked = 0, view = null, selected = null;

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  function html(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }
  const label = t => t.replace(/_/g, " ");
  function tint(hex, keep) {  // the colour mixed with white, `keep` of it kept
    const n = parseInt(hex.slice(1), 16), mix = c => Math.round(255 - (255 - c) * keep);
    return `rgb(${mix(n >> 16)}, ${mix((n >> 8) & 255)}, ${mix(n & 255)})`;
  }
  async function getJSON(path) {
    const r = await fetch(path);
    const data = await r.json().catch(() => ({ error: "the server's answer was not JSON" }));
    if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
    return data;
  }
  async function loadAtlas() {
    if (!atlas) {
      const topo = await getJSON("/static/countries-110m.json");
      const features = topojson.feature(topo, topo.objects.countries).features;
      atlas = new Map(features.map(f => [f.id ?? f.properties.name, f]));
    }
    return atlas;
  }
  // The network of a date and its treaties' names (the bundled world's; a historical world's are ATOP's codings).
  function load(at, history) {
    const key = `${at}/${history}`;
    if (!cache.has(key)) {
      const q = "?at=" + encodeURIComponent(at);
      const p = Promise.all([getJSON("/api/network" + q + (history ? "&history=true" : "")),
        history ? Promise.resolve({ treaties: [] }) : getJSON("/api/treaties" + q)])
        .then(([net, tr]) => Object.assign(net, { treaties: tr.treaties, history }));
      p.catch(() => cache.delete(key));
      cache.set(key, p);
    }
    return cache.get(key);
  }

  async function show(form) {
    const q = new FormData(form), mine = ++asked;
    const at = q.get("at"), history = q.get("history") === "true", types = q.getAll("type");
    const summary = document.getElementById("net-summary");
    summary.textContent = "loading the map…";
    let data;
    try { [data] = await Promise.all([load(at, history), loadAtlas()]); }
    catch (e) { if (mine === asked) { summary.textContent = e.message; document.getElementById("network").replaceChildren(); } return; }
    if (mine !== asked) return;  // a later date or filter was asked for meanwhile
    document.getElementById("net-world").textContent = data.world ? `world: ${data.world}` : "";
    const pick = form.querySelector("select[name=region]"), region = pick.value;
    const regions = [...new Set(data.nodes.map(n => n.region))].sort();
    if (regions.join() !== [...pick.options].slice(1).map(o => o.value).join()) {  // a historical year's regions differ
      pick.replaceChildren(new Option("all", ""), ...regions.map(r => new Option(r, r)));
      pick.value = regions.includes(region) ? region : "";
    }
    if (selected && !data.nodes.some(n => n.id === selected)) selected = null;
    draw(data, types, pick.value, [...form.querySelectorAll("input[name=type]")].map(i => i.value));
  }

  function draw(data, types, region, allTypes) {
    const byId = new Map(data.nodes.map(n => [n.id, n]));
    const inRegion = id => !region || (byId.get(id) || {}).region === region;
    // One tie per pair of states and type, with every treaty and article behind it.
    const ties = new Map();
    for (const e of data.edges) {
      if (!types.includes(e.type) || !(inRegion(e.source) || inRegion(e.target))) continue;
      if (!byId.has(e.source) || !byId.has(e.target)) continue;
      const [a, b] = [e.source, e.target].sort(), key = `${a}|${b}|${e.type}`;
      if (!ties.has(key)) ties.set(key, { a, b, type: e.type, treaties: new Map() });
      ties.get(key).treaties.set(e.treaty, e);
    }
    const rank = Object.fromEntries(allTypes.map((t, i) => [t, i]));
    const strongest = new Map(), degree = new Map();
    for (const t of ties.values()) for (const s of [t.a, t.b]) {
      if (!strongest.has(s) || rank[t.type] < rank[strongest.get(s)]) strongest.set(s, t.type);
      degree.set(s, (degree.get(s) || 0) + 1);
    }
    const names = new Map(data.treaties.map(t => [t.id, t]));
    view = { data, byId, ties, strongest, degree, names, types, region };

    // Projection: the world, or the region's capitals.
    const base = atlas, world = { type: "FeatureCollection", features: [...base.values()].filter(f => f.id !== "010") };
    const pts = region ? data.nodes.filter(n => n.region === region && n.point).map(n => n.point) : [];
    let projection;
    if (pts.length) {
      const mean = Math.atan2(...["sin", "cos"].map(f => pts.reduce((s, p) => s + Math[f](p[0] * Math.PI / 180), 0))) * 180 / Math.PI;
      const lons = pts.map(p => ((p[0] - mean + 540) % 360) - 180), lats = pts.map(p => p[1]);
      const pad = 6, box = [[Math.min(...lons) - pad, Math.min(...lats) - pad], [Math.max(...lons) + pad, Math.max(...lats) + pad]];
      projection = d3.geoNaturalEarth1().rotate([-mean, 0]).precision(0.3);
      projection.fitExtent([[10, 10], [WIDTH - 10, 520 - 10]], { type: "MultiPoint", coordinates: [
        [box[0][0] + mean, box[0][1]], [box[1][0] + mean, box[1][1]], [box[0][0] + mean, box[1][1]], [box[1][0] + mean, box[0][1]]] });
    } else {
      // The whole sphere's width, cropped to the land from Tierra del Fuego to the Arctic.
      projection = d3.geoNaturalEarth1().rotate([ROTATE, 0]).precision(0.3).fitWidth(WIDTH - 4, { type: "Sphere" });
      const [[, top]] = d3.geoPath(projection).bounds(world);
      const [tx, ty] = projection.translate();
      projection.translate([tx + 2, ty - top + 6]);
    }
    const path = d3.geoPath(projection);
    const height = pts.length ? 520 : Math.ceil(path.bounds(world)[1][1] + 6);
    const zoom = pts.length ? projection.scale() / 160 : 1;

    const map = document.getElementById("network");
    map.setAttribute("viewBox", `0 0 ${WIDTH} ${height}`);
    map.replaceChildren();
    map.append(svg("defs", {}, svg("pattern", { id: "no-state", width: 5, height: 5, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      svg("rect", { width: 5, height: 5, fill: NO_STATE }), svg("line", { x1: 0, y1: 0, x2: 0, y2: 5, stroke: "#d5d2ca", "stroke-width": 1.2 }))));
    const sea = svg("path", { d: path({ type: "Sphere" }), class: "sea" });
    sea.addEventListener("click", () => select(null));
    map.append(sea, svg("path", { d: path(d3.geoGraticule10()), class: "graticule" }));

    // Countries: each state's polygons in one focusable group; polygons no state holds on the date, hatched.
    const held = new Map();
    for (const n of data.nodes) for (const k of n.map_ids || []) if (base.has(k) && !held.has(k)) held.set(k, n.id);
    const land = svg("g", { class: "land" }), states = svg("g", { class: "states" });
    for (const [k, f] of base) if (!held.has(k) && k !== "010") land.append(svg("path", { d: path(f), class: "no-state", fill: "url(#no-state)" }, svg("title", {}, `${f.properties.name}: no state in the data on this date`)));
    const labels = [];
    const dots = svg("g", { class: "dots" });
    for (const n of data.nodes) {
      const mine = (n.map_ids || []).filter(k => held.get(k) === n.id);
      const type = strongest.get(n.id), shown = degree.has(n.id) || (region && n.region === region);
      const fill = type ? tint(COLOUR[type], shade(degree.get(n.id))) : shown ? "#d7d4cc" : LAND;
      const what = `${n.name}${n.nuclear ? ", nuclear-armed" : ""}: ${degree.get(n.id) || 0} ties shown`;
      const g = svg("g", { class: "state" + (type ? " tied" : ""), "data-id": n.id, tabindex: 0, role: "button", "aria-label": what + "; show its treaties" });
      g.append(svg("title", {}, what));
      if (mine.length) {
        let big = null;
        for (const k of mine) {
          g.append(svg("path", { d: path(base.get(k)), fill, class: "country" }));
          if (n.iso_n3 && k !== n.iso_n3 && mine.includes(n.iso_n3)) continue;  // label Denmark in Denmark, not Greenland
          for (const poly of parts(base.get(k))) { const a = path.area(poly); if (!big || a > big.area) big = { area: a, poly }; }
        }
        states.append(g);
        if (big && shown) labels.push({ id: n.id, name: n.name, area: big.area, at: path.centroid(big.poly) });
      } else if (n.point) {  // no polygon of its own on the 1:110m map: a dot at the capital
        const [x, y] = projection(n.point);
        g.append(svg("circle", { cx: x, cy: y, r: 4, fill: type ? COLOUR[type] : "#8c959f", class: "state-dot" }));
        g.classList.add("dot-state");
        dots.append(g);
        if (shown) labels.push({ id: n.id, name: n.name, area: 0, at: [x + 5, y - 4], dot: true });
      } else continue;
      g.addEventListener("click", ev => { ev.stopPropagation(); select(n.id); });
      g.addEventListener("keydown", ev => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); select(n.id); } });
    }
    map.append(land, states);

    // Ties between capitals (great-circle arcs), weakest type first so the strongest lie on top.
    const lines = svg("g", { class: "ties" });
    const ordered = [...ties.values()].sort((x, y) => rank[y.type] - rank[x.type]);
    const thin = !pts.length && ties.size > 300 ? 0.55 : 1;  // many ties on the whole world: finer lines
    for (const t of ordered) {
      const a = byId.get(t.a).point, b = byId.get(t.b).point;
      if (!a || !b) continue;
      const d = path({ type: "LineString", coordinates: [a, b] });
      if (!d) continue;
      const names2 = `${byId.get(t.a).name} – ${byId.get(t.b).name}`;
      const treaties = [...t.treaties.values()].map(e => `${(names.get(e.treaty) || {}).short_name || e.treaty} ${e.article}`).join("; ");
      // A weaker type's line is wider, so a pair bound in two ways shows both: the stronger inside the weaker.
      const wider = types.filter(x => rank[x] < rank[t.type]).length;
      const line = svg("path", { d, class: "tie", stroke: COLOUR[t.type] || "#999", "data-type": t.type, "data-a": t.a, "data-b": t.b,
        "stroke-width": (thin * (1 + 1.3 * wider)).toFixed(2) },
        svg("title", {}, `${names2}: ${label(t.type)} (${treaties})`));
      line.addEventListener("click", ev => { ev.stopPropagation(); showTie(t); });
      lines.append(line);
    }
    map.append(lines);

    // Capitals of tied states, rings round the nuclear-armed.
    const caps = svg("g", { class: "capitals" });
    for (const n of data.nodes) {
      if (!n.point || (!degree.has(n.id) && !n.nuclear)) continue;
      const [x, y] = projection(n.point);
      if (degree.has(n.id)) caps.append(svg("circle", { cx: x, cy: y, r: 1.6, class: "capital" }));
      if (n.nuclear) caps.append(svg("circle", { cx: x, cy: y, r: 4.2, class: "nuclear" }));
    }
    map.append(caps, dots);

    // Labels: the largest countries first, none overlapping another.
    const placed = [], text = svg("g", { class: "labels", "aria-hidden": "true" });
    labels.sort((p, q) => q.area - p.area);
    for (const l of labels) {
      const big = l.area > 9000 * zoom;
      const words = big ? l.name : l.id, size = big ? 11 : 9.5;
      if (!l.dot && l.area < 180) continue;
      const w = words.length * size * 0.56, h = size;
      const [x, y] = l.at, box = l.dot ? [x, y - h, x + w, y] : [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
      if (placed.some(p => box[0] < p[2] && p[0] < box[2] && box[1] < p[3] && p[1] < box[3])) continue;
      if (box[0] < 0 || box[2] > WIDTH || box[1] < 0 || box[3] > height) continue;
      placed.push(box);
      text.append(svg("text", { x: l.dot ? x : x, y: l.dot ? y : y + size * 0.35, "text-anchor": l.dot ? "start" : "middle",
        class: big ? "label big" : "label", "font-size": size }, words));
    }
    map.append(text);
    map.classList.toggle("zoomed", !!pts.length);
    map.dataset.date = data.date;
    map.dataset.world = data.history ? "history" : "bundled";

    legend(allTypes, types);
    const onMap = new Set([...states.children, ...dots.children].map(g => g.dataset.id));
    const missing = data.nodes.filter(n => degree.has(n.id) && !onMap.has(n.id)).map(n => n.name);
    document.getElementById("net-date").textContent = data.date;
    document.getElementById("net-summary").textContent =
      `${data.nodes.length} states on ${data.date}${region ? ` (${region} in view)` : ""}; ${degree.size} of them in ${ties.size} ties of the types ` +
      `ticked (${types.map(label).join(", ") || "none"}).` + (missing.length ? ` Not placed on the map: ${missing.join(", ")}.` : "");
    if (selected) select(selected); else panelIntro();
  }

  function shade(partners) {  // how much of a type's colour a country's fill keeps: more with more partners
    return 0.22 + 0.38 * Math.min(1, Math.sqrt((partners || 0) / 40));
  }
  function parts(f) {  // a feature's polygons, one by one
    const g = f.geometry;
    return g.type === "MultiPolygon" ? g.coordinates.map(c => ({ type: "Polygon", coordinates: c })) : [g];
  }

  function legend(allTypes, types) {
    const box = document.getElementById("map-legend"), counts = {};
    for (const t of view.ties.values()) counts[t.type] = (counts[t.type] || 0) + 1;
    const items = allTypes.map(t => html("li", { class: types.includes(t) ? "" : "off", "data-type": t },
      swatchLine(COLOUR[t] || "#999"), html("span", {}, label(t)),
      html("span", { class: "muted" }, types.includes(t) ? ` ${counts[t] || 0} — ${MEANING[t] || ""}` : " — not ticked")));
    const fills = [
      ["swatch ramp", COLOUR[allTypes.find(t => types.includes(t)) || "defense"], "state in a tie shown, in its strongest type's colour; darker: more partners"],
      ["swatch", "#d7d4cc", "state, no tie shown"],
      ["swatch hatched", NO_STATE, "no state on this date (a colony, say)"],
    ].map(([cls, colour, what]) => {
      const s = html("span", { class: cls });
      s.style.background = cls.includes("ramp") ? `linear-gradient(to right, ${tint(colour, shade(1))}, ${tint(colour, shade(40))})` : colour;
      return html("li", {}, s, html("span", {}, what));
    });
    const ring = svg("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true" },
      svg("circle", { cx: 7, cy: 7, r: 5, class: "nuclear" }), svg("circle", { cx: 7, cy: 7, r: 1.6, class: "capital" }));
    const dot = svg("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "aria-hidden": "true" }, svg("circle", { cx: 7, cy: 7, r: 4, fill: "#8c959f", stroke: "#fff" }));
    box.replaceChildren(
      html("div", {}, html("h2", {}, "Ties (lines between capitals)"), html("ul", {}, ...items)),
      html("div", {}, html("h2", {}, "Countries"), html("ul", {}, ...fills,
        html("li", {}, dot, html("span", {}, "state too small for the map, or with no modern border: its capital")),
        html("li", {}, ring, html("span", {}, "capital of a nuclear-armed state")))));
  }
  function swatchLine(colour) {
    return svg("svg", { width: 26, height: 10, viewBox: "0 0 26 10", "aria-hidden": "true" },
      svg("line", { x1: 1, y1: 5, x2: 25, y2: 5, stroke: colour, "stroke-width": 3, "stroke-linecap": "round" }));
  }

  // --- the side panel ---
  function panel(...children) {
    const box = document.getElementById("map-panel");
    box.replaceChildren(...children);
    return box;
  }
  function panelIntro() {
    panel(html("h2", {}, "Pick a state"),
      html("p", {}, "Click a country (or tab to it and press Enter) to list its treaties on this date and draw its ties; then click one of its lines for the treaty behind it."),
      html("p", { class: "muted" }, "Then try what they would oblige in a crisis: ", html("a", { href: "/scenario" }, "build a scenario"), "."));
  }
  function treatyLink(id, text) {
    const at = view.data.date;
    return view.data.history ? html("span", {}, text) : html("a", { href: `/treaties/${encodeURIComponent(id)}?at=${encodeURIComponent(at)}` }, text);
  }
  function select(id) {
    selected = id;
    const map = document.getElementById("network");
    map.classList.toggle("has-selection", !!id);
    for (const g of map.querySelectorAll(".state")) {
      g.classList.toggle("selected", g.dataset.id === id);
      g.setAttribute("aria-pressed", String(g.dataset.id === id));
    }
    const partners = new Set();
    for (const line of map.querySelectorAll(".tie")) {
      const on = !!id && (line.dataset.a === id || line.dataset.b === id);
      line.classList.toggle("on", on);
      if (on) partners.add(line.dataset.a === id ? line.dataset.b : line.dataset.a);
    }
    for (const g of map.querySelectorAll(".state")) g.classList.toggle("partner", partners.has(g.dataset.id));
    if (!id) { panelIntro(); return; }
    const n = view.byId.get(id), date = view.data.date;
    const mine = [...view.ties.values()].filter(t => t.a === id || t.b === id);
    const byType = {};
    for (const t of mine) (byType[t.type] ||= []).push(t.a === id ? t.b : t.a);
    const partnerList = html("ul", { class: "partners" }, ...Object.entries(byType).map(([type, ids]) => html("li", {},
      swatchLine(COLOUR[type] || "#999"), html("strong", {}, label(type) + ": "),
      ...ids.sort((x, y) => view.byId.get(x).name.localeCompare(view.byId.get(y).name)).flatMap((p, i) => {
        const b = html("button", { type: "button", class: "linkish" }, view.byId.get(p).name);
        b.addEventListener("click", () => select(p));
        return i ? [", ", b] : [b];
      }))));
    // Treaties: the bundled world's on the date with the state a party; a historical world's from its ties.
    let rows;
    if (view.data.history) {
      const seen = new Map();
      for (const e of view.data.edges) if (e.source === id || e.target === id) {
        const r = seen.get(e.treaty) || { id: e.treaty, short_name: e.treaty, status: e.status, types: new Set() };
        r.types.add(e.type); seen.set(e.treaty, r);
      }
      rows = [...seen.values()].map(r => Object.assign(r, { types: [...r.types].sort() }));
    } else rows = view.data.treaties.filter(t => (t.parties || []).includes(id));
    rows.sort((x, y) => x.short_name.localeCompare(y.short_name));
    const list = html("ul", { class: "treaties" }, ...rows.map(t => html("li", {}, treatyLink(t.id, t.short_name),
      " ", html("span", { class: "tag" }, label(t.status)), html("span", { class: "muted" }, " " + t.types.map(label).join(", ")))));
    panel(
      html("h2", { tabindex: -1 }, n.name, " ", html("span", { class: "tag" }, n.id)),
      html("p", { class: "muted" }, `${n.region}${n.nuclear ? " · nuclear-armed" : ""} · on ${date}`),
      html("h3", {}, `Treaties (${rows.length})`),
      view.data.history ? html("p", { class: "note" }, "ATOP's codings of the year: no treaty pages.") : "",
      rows.length ? list : html("p", { class: "muted" }, "none in force or signed on this date"),
      html("h3", {}, `Ties shown (${mine.length})`),
      mine.length ? partnerList : html("p", { class: "muted" }, "none of the ticked types"),
      html("p", {}, html("a", { href: "/scenario" }, "Build a scenario"), " to see what these treaties oblige if a war starts."),
      closeButton());
  }
  function showTie(t) {
    select(null);
    const a = view.byId.get(t.a), b = view.byId.get(t.b);
    for (const line of document.querySelectorAll("#network .tie"))
      line.classList.toggle("on", line.dataset.a === t.a && line.dataset.b === t.b);
    document.getElementById("network").classList.add("has-selection");
    const others = view.types.filter(x => x !== t.type && view.ties.has(`${t.a}|${t.b}|${x}`));
    panel(html("h2", { tabindex: -1 }, `${a.name} – ${b.name}`),
      html("p", {}, swatchLine(COLOUR[t.type] || "#999"), " ", html("strong", {}, label(t.type)), html("span", { class: "muted" }, ` (${MEANING[t.type] || ""}) on ${view.data.date}`)),
      html("ul", { class: "treaties" }, ...[...t.treaties.values()].map(e => html("li", {},
        treatyLink(e.treaty, (view.names.get(e.treaty) || {}).short_name || e.treaty), ` ${e.article} `,
        html("span", { class: "tag" }, label(e.status)),
        html("span", { class: "muted" }, e.source === e.target ? "" : ` ${view.byId.get(e.source).name} → ${view.byId.get(e.target).name}`)))),
      others.length ? html("p", { class: "muted" }, `Also ${others.map(label).join(", ")} between them.`) : "",
      html("p", {}, ...[a, b].flatMap((s, i) => { const x = html("button", { type: "button", class: "linkish" }, `${s.name}'s treaties`); x.addEventListener("click", () => select(s.id)); return i ? [" · ", x] : [x]; })),
      closeButton());
  }
  function closeButton() {
    const b = html("button", { type: "button", class: "close", "aria-label": "close the panel" }, "×");
    b.addEventListener("click", () => select(null));
    return b;
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("net-form");
    if (form) form.addEventListener("change", () => show(form));  // filters apply at once; app.js handles submit
  });
  window.casusMap = { show };
})();
