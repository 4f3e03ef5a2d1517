// casus web UI. Every piece of data is inserted as text (textContent), never as markup.
"use strict";

function el(tag, attrs, ...children) {
  const node = tag === "svg" || ["line", "circle", "g", "title", "text"].includes(tag)
    ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function token() {
  const m = location.hash.match(/token=([^&]+)/);
  if (m) { localStorage.setItem("casus-token", decodeURIComponent(m[1])); history.replaceState(null, "", location.pathname + location.search); }
  return localStorage.getItem("casus-token") || "";
}

async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  if (opts.body) { opts.headers["Content-Type"] = "application/json"; opts.headers.Authorization = "Bearer " + token(); }
  const r = await fetch(path, opts);
  const data = await r.json().catch(() => ({ error: "the server's answer was not JSON" }));
  if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
  return data;
}

const TYPE_COLOUR = { defense: "#1a7f37", offense: "#c62828", consultation: "#1f6feb", neutrality: "#8250df",
  non_aggression: "#9a6700", non_assistance: "#6e7781" };

// --- network ---
async function showNetwork(form) {
  const q = new FormData(form);
  const at = q.get("at"), region = q.get("region"), types = q.getAll("type"), history = q.get("history") === "true";
  let data;
  try { data = await api("/api/network?at=" + encodeURIComponent(at) + (history ? "&history=true" : "")); }
  catch (e) { document.getElementById("net-summary").textContent = e.message; document.getElementById("network").replaceChildren(); return; }
  document.getElementById("net-world").textContent = data.world ? `world: ${data.world}` : "";
  const pick = form.querySelector("select[name=region]"), regions = [...new Set(data.nodes.map(n => n.region))].sort();
  if (regions.join() !== [...pick.options].slice(1).map(o => o.value).join()) {  // a historical year's regions differ
    pick.replaceChildren(new Option("all", ""), ...regions.map(r => new Option(r, r)));
    pick.value = regions.includes(region) ? region : "";
  }
  const within = pick.value;
  const regionOf = Object.fromEntries(data.nodes.map(n => [n.id, n.region]));
  const edges = data.edges.filter(e => types.includes(e.type) && (!within || regionOf[e.source] === within || regionOf[e.target] === within));
  const used = new Set(edges.flatMap(e => [e.source, e.target]));
  const nodes = data.nodes.filter(n => used.has(n.id) || (within && n.region === within));
  nodes.sort((a, b) => (a.region + a.name).localeCompare(b.region + b.name));
  const svg = document.getElementById("network");
  svg.replaceChildren();
  const pos = {};
  nodes.forEach((n, i) => {
    const a = 2 * Math.PI * i / Math.max(nodes.length, 1);
    pos[n.id] = [450 + 380 * Math.cos(a), 450 + 380 * Math.sin(a), a];
  });
  const seen = new Set();
  for (const e of edges) {
    const key = [e.source, e.target].sort().join() + e.type;
    if (seen.has(key) || !pos[e.source] || !pos[e.target]) continue;
    seen.add(key);
    svg.append(el("line", { x1: pos[e.source][0], y1: pos[e.source][1], x2: pos[e.target][0], y2: pos[e.target][1],
      stroke: TYPE_COLOUR[e.type] || "#999", "stroke-opacity": 0.35, class: "edge", "data-type": e.type },
      el("title", {}, `${e.source} – ${e.target}: ${e.type} (${e.treaty} ${e.article})`)));
  }
  for (const n of nodes) {
    const [x, y, a] = pos[n.id];
    const g = el("g", { class: "node", "data-id": n.id });
    g.append(el("circle", { cx: x, cy: y, r: 5, fill: n.nuclear ? "#c62828" : "#24292f" }, el("title", {}, `${n.name} (${n.region})`)));
    const deg = a * 180 / Math.PI, flip = deg > 90 && deg < 270;
    g.append(el("text", { x: x, y: y, dx: flip ? -8 : 8, dy: 3, "text-anchor": flip ? "end" : "start",
      transform: `rotate(${flip ? deg - 180 : deg} ${x} ${y})`, class: "label" }, n.id));
    svg.append(g);
  }
  document.getElementById("net-date").textContent = data.date;
  document.getElementById("net-summary").textContent = `${nodes.length} states, ${seen.size} ties shown (${types.join(", ") || "no types selected"}); red dots hold nuclear weapons.`;
}

// --- scenario builder ---
let examples = [];
function scenarioFromForm() {
  const pick = document.getElementById("example").value;
  const base = pick !== "" ? structuredClone(examples[Number(pick)].scenario) : { events: [{ id: "e1" }] };
  base.name = document.getElementById("sc-name").value;
  base.date = document.getElementById("sc-date").value;
  const world = document.getElementById("sc-world");
  if (world) base.world = world.value;
  const ev = base.events[0];
  ev.actor = document.getElementById("ev-actor").value;
  ev.target = document.getElementById("ev-target").value;
  ev.kind = document.getElementById("ev-kind").value;
  const place = document.getElementById("ev-place").value.trim();
  ev.location = Object.assign({}, ev.location || {}, { state: document.getElementById("ev-loc").value });
  if (place) ev.location.place = place; else delete ev.location.place;
  base.assumptions = Object.assign({}, base.assumptions || {}, {
    suppliers_are_cobelligerents: document.getElementById("as-suppliers").checked,
    honour_signed_not_in_force: document.getElementById("as-signed").checked,
    nuclear_deterrence: document.getElementById("as-nuclear").checked,
  });
  const level = document.getElementById("sc-intensity").value;
  base.simulation = Object.assign({}, base.simulation || {});
  if (level) base.simulation.intensity = level; else delete base.simulation.intensity;
  return base;
}
// The state lists follow the date and the world: the states that exist then, in that world.
let statesShown = "", statesAsked = 0;
async function refreshStates() {
  const date = document.getElementById("sc-date").value, world = document.getElementById("sc-world");
  const history = !!world && world.value === "history", key = `${history}/${date}`;
  if (!date || key === statesShown) return;
  const mine = ++statesAsked, err = document.getElementById("scenario-error");
  let data;
  try { data = await api("/api/states?at=" + encodeURIComponent(date) + (history ? "&history=true" : "")); }
  catch (e) { if (mine === statesAsked) err.textContent = e.message; return; }
  if (mine !== statesAsked) return;  // a later date or world was asked for meanwhile
  statesShown = key;
  err.textContent = "";
  document.getElementById("sc-world-note").textContent =
    `${data.states.length} states on ${data.date}` + (data.world ? `, from the ${data.world}` : "");
  const list = data.states.slice().sort((a, b) => a.name.localeCompare(b.name));
  for (const id of ["ev-actor", "ev-target", "ev-loc"]) {
    const sel = document.getElementById(id), keep = sel.value;
    sel.replaceChildren(...list.map(s => new Option(s.name, s.id)));
    if (list.some(s => s.id === keep)) sel.value = keep;
  }
}
async function fillForm(sc) {
  const ev = sc.events[0], set = (id, v) => { if (v !== undefined && v !== null) document.getElementById(id).value = v; };
  set("sc-world", document.getElementById("sc-world") ? sc.world || "bundled" : null);
  set("sc-name", sc.name); set("sc-date", sc.date);
  await refreshStates();
  set("ev-actor", ev.actor); set("ev-target", ev.target);
  set("ev-kind", ev.kind); set("ev-loc", (ev.location || {}).state); set("ev-place", (ev.location || {}).place || "");
  const a = sc.assumptions || {};
  document.getElementById("as-suppliers").checked = !!a.suppliers_are_cobelligerents;
  document.getElementById("as-signed").checked = !!a.honour_signed_not_in_force;
  document.getElementById("as-nuclear").checked = a.nuclear_deterrence !== false;
  document.getElementById("sc-intensity").value = (sc.simulation || {}).intensity || "";
}
async function initScenario(form) {
  const sel = document.getElementById("example");
  examples = (await api("/api/scenarios")).examples;
  examples.forEach((x, i) => sel.append(el("option", { value: i }, x.name)));
  const preview = () => { document.getElementById("scenario-json").textContent = JSON.stringify(scenarioFromForm(), null, 2); };
  sel.addEventListener("change", async () => { if (sel.value !== "") await fillForm(examples[Number(sel.value)].scenario); preview(); });
  form.addEventListener("input", preview);
  for (const id of ["sc-date", "sc-world"]) {
    const input = document.getElementById(id);
    if (input) input.addEventListener("change", async () => { await refreshStates(); preview(); });
  }
  preview();
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const err = document.getElementById("scenario-error");
    err.textContent = "";
    const body = { scenario: scenarioFromForm(), trials: Number(document.getElementById("trials").value) };
    const seed = document.getElementById("seed").value;
    if (seed !== "") body.seed = Number(seed);
    try {
      const r = await api("/api/runs", { method: "POST", body: JSON.stringify(body) });
      location.href = "/runs/" + encodeURIComponent(r.id);
    } catch (e) { err.textContent = e.message; }
  });
}

// --- results ---
function plot(id, data, layout) {
  if (!window.Plotly) return;
  Plotly.newPlot(id, data, Object.assign({ margin: { l: 170, r: 10, t: 10, b: 40 }, height: 380 }, layout || {}), { displaylogo: false, responsive: true });
}
function showResult(run) {
  const res = run.result, sim = res.simulation;
  document.getElementById("run-result").hidden = false;
  const follows = document.getElementById("follows");
  follows.replaceChildren();
  const byStatus = {};
  for (const o of res.obligations) if (o.status !== "not_triggered") (byStatus[`${o.treaty} ${o.article} → ${o.beneficiary} (${o.type})`] ||= []).push(`${o.obligor}${o.status === "contested" ? " (contested)" : ""}`);
  for (const [k, v] of Object.entries(byStatus)) follows.append(el("li", {}, `${k}: ${v.join(", ")}`));
  if (!follows.children.length) follows.append(el("li", {}, "no obligation is triggered"));
  const trace = document.getElementById("trace");
  const quiet = el("details", {}, el("summary", {}, "obligations not triggered, with why"));
  trace.replaceChildren();
  for (const o of res.obligations) {
    (o.status === "not_triggered" ? quiet : trace).append(el("div", { class: "trace " + o.status },
      el("p", {}, el("strong", {}, `${o.obligor} → ${o.beneficiary}`), ` ${o.treaty_name} ${o.article}: ${o.status.replace("_", " ")}`),
      el("blockquote", {}, `“${o.text}”` + (o.verbatim ? "" : " [paraphrase]")),
      el("ul", {}, ...o.reasons.map(r => el("li", {}, r)))));
  }
  trace.append(quiet);
  if (!sim) return;
  const top = sim.states.filter(s => s.initial === null).slice(0, 20).reverse();
  plot("bars", [
    { type: "bar", orientation: "h", name: "side A", y: top.map(s => `${s.state} ${s.name}`), x: top.map(s => s.p_side_a), marker: { color: "#c62828" } },
    { type: "bar", orientation: "h", name: "side B", y: top.map(s => `${s.state} ${s.name}`), x: top.map(s => s.p_side_b), marker: { color: "#1f6feb" } },
  ], { barmode: "stack", height: 40 + 22 * top.length });
  const size = `mean number of belligerents ${sim.war_size.mean.toFixed(2)}`;
  const levels = { threat: "a threat of force", display: "a display of force", use_of_force: "a use of force short of war", war: "war" };
  const given = `If it comes to ${levels[sim.intensity] || sim.intensity} (intensity ${sim.intensity}, ${sim.intensity_source}): `;
  document.getElementById("headline").textContent = given + (sim.outcome === "p_nuclear_opposed"
    ? `P(nuclear-armed states on opposite sides) = ${sim.p_nuclear_opposed.toFixed(4)} ± ${sim.p_nuclear_opposed_se.toFixed(4)}; ${size}`
    : sim.p_nuclear_opposed >= 1 ? `${size} (nuclear-armed states are on opposite sides from the start)`
    : `${size} (no nuclear-armed state on the date)`);
  const dist = Object.entries(sim.war_size.distribution);
  plot("sizes", [{ type: "bar", x: dist.map(d => Number(d[0])), y: dist.map(d => d[1]), marker: { color: "#57606a" } }], { margin: { l: 50, r: 10, t: 10, b: 40 }, height: 260 });
  const paths = document.getElementById("paths");
  paths.replaceChildren(...sim.paths.slice(0, 8).map(p => el("li", {}, `${p.probability.toFixed(3)} — ` +
    (p.steps.map(s => `round ${s.round}: ${s.state} joins side ${s.side.toUpperCase()} via ${s.via}`).join("; ") || "no one joins"))));
  const sens = (sim.sensitivity || []).slice(0, 12).reverse();
  if (sens.length) plot("tornado", [{ type: "bar", orientation: "h", y: sens.map(s => s.change), x: sens.map(s => s.delta), marker: { color: sens.map(s => s.delta < 0 ? "#1f6feb" : "#c62828") } }], { margin: { l: 320, r: 10, t: 10, b: 50 }, xaxis: { title: { text: `change in ${sim.outcome}` } } });
  else document.getElementById("tornado").textContent = "no sensitivity analysis for this run";
}
async function pollRun(box) {
  const id = box.dataset.run;
  const status = document.getElementById("run-status"), bar = document.getElementById("run-progress");
  for (;;) {
    let run;
    try { run = await api("/api/runs/" + encodeURIComponent(id)); } catch (e) { document.getElementById("run-error").textContent = e.message; return; }
    document.getElementById("run-title").textContent = run.name;
    if (run.progress && run.progress.total) { bar.max = run.progress.total; bar.value = run.progress.done; }
    status.textContent = run.status + (run.progress && run.progress.total ? ` — ${run.progress.done.toLocaleString()} of ${run.progress.total.toLocaleString()} trials` : "");
    if (run.status === "done") {
      bar.max = 1; bar.value = 1;
      const world = run.result && run.result.world ? `; world: ${run.result.world.provenance}` : "";
      document.getElementById("run-meta").textContent = `seed ${run.seed}; model ${run.model_version}; data ${run.data_version || "—"}; casus ${run.casus_version}; ${run.timings ? run.timings.wall_s + " s" : ""}${world}`;
      showResult(run);
      return;
    }
    if (run.status === "failed" || run.status === "interrupted") { document.getElementById("run-error").textContent = run.error || run.status; return; }
    await new Promise(r => setTimeout(r, 400));
  }
}

// --- evidence ---
function showEvidence(item) {
  const r = item.reading, box = document.getElementById("evidence-detail");
  box.replaceChildren(el("h2", {}, r.title || r.source),
    el("p", { class: "muted" }, `${r.source} · ${r.date} · ${r.words} words`),
    el("h3", {}, "Actors"), el("p", {}, r.actors.map(a => `${a.id} (${a.mentions})`).join(", ") || "none"),
    el("h3", {}, "Claims"), el("ul", {}, ...r.claims.map(c => el("li", {}, `${c.subject || "?"} ${c.polarity === "negative" ? "NOT " : ""}${c.relation} ${c.object || "?"} — ${c.modality}, ${c.attribution.kind}${c.attribution.who ? " (" + c.attribution.who + ")" : ""}: “${c.text}”`))),
    el("h3", {}, "Treaty provisions"), el("ul", {}, ...r.provisions.map(p => el("li", {}, `${p.treaty} ${p.article} (${p.score === null ? "named and described" : "wording score " + p.score}): “${p.sentence}”`))),
    el("h3", {}, "Flags"), el("ul", {}, ...r.flags.map(f => el("li", { class: "flag" }, `${f.kind}: “${f.span}” — ${f.detail}`))));
}
function initEvidence(form) {
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const err = document.getElementById("evidence-error");
    err.textContent = "";
    const body = { text: document.getElementById("ev-text").value, html: document.getElementById("ev-html").checked, source: "web form" };
    const title = document.getElementById("ev-title").value, date = document.getElementById("ev-date").value;
    if (title) body.title = title;
    if (date) body.date = date;
    try {
      const r = await api("/api/evidence", { method: "POST", body: JSON.stringify(body) });
      showEvidence(await api(r.url));
    } catch (e) { err.textContent = e.message; }
  });
  document.getElementById("evidence-list").addEventListener("click", async ev => {
    const id = ev.target.dataset && ev.target.dataset.evidence;
    if (!id) return;
    ev.preventDefault();
    showEvidence(await api("/api/evidence/" + encodeURIComponent(id)));
  });
}

document.addEventListener("DOMContentLoaded", () => {
  const t = document.getElementById("token");
  t.value = token();
  t.addEventListener("change", () => localStorage.setItem("casus-token", t.value));
  const net = document.getElementById("net-form");
  if (net) { net.addEventListener("submit", ev => { ev.preventDefault(); showNetwork(net); }); showNetwork(net); }
  const sc = document.getElementById("scenario-form");
  if (sc) initScenario(sc);
  const run = document.getElementById("run");
  if (run) pollRun(run);
  const evf = document.getElementById("evidence-form");
  if (evf) initEvidence(evf);
});
