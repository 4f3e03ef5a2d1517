// casus web UI. Every piece of data is inserted as text (textContent), never as markup.
"use strict";

function el(tag, attrs, ...children) {
  const node = tag === "svg" || ["line", "circle", "g", "title", "text", "path"].includes(tag)
    ? document.createElementNS("http://www.w3.org/2000/svg", tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null && v !== false) node.setAttribute(k, String(v));
  for (const c of children) if (c !== undefined && c !== null) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// The write token: from a `#token=` link (casus serve prints one at start-up), else what this browser kept.
function token() {
  const m = location.hash.match(/token=([^&]+)/);
  if (m) { localStorage.setItem("casus-token", decodeURIComponent(m[1])); history.replaceState(null, "", location.pathname + location.search); }
  return localStorage.getItem("casus-token") || "";
}
function showTokenState(open) {
  const t = token(), btn = document.getElementById("token-toggle"), panel = document.getElementById("token-panel");
  if (!btn) return;
  btn.textContent = t ? "write access: token kept ✓" : "write access: no token — how to get it";
  btn.classList.toggle("missing", !t);
  if (open !== undefined) { panel.hidden = !open; btn.setAttribute("aria-expanded", String(open)); }
}
function initToken() {
  const input = document.getElementById("token"), panel = document.getElementById("token-panel");
  input.value = token();
  const keep = () => {
    const v = input.value.trim().replace(/^.*#token=/, "");
    if (v) localStorage.setItem("casus-token", v); else localStorage.removeItem("casus-token");
    input.value = v;
    document.getElementById("token-note").textContent = v ? "kept in this browser" : "forgotten";
    showTokenState();
  };
  input.addEventListener("change", keep);
  document.getElementById("token-form").addEventListener("submit", ev => { ev.preventDefault(); keep(); });
  document.getElementById("token-clear").addEventListener("click", () => { input.value = ""; keep(); });
  document.getElementById("token-toggle").addEventListener("click", () => showTokenState(panel.hidden));
  showTokenState();
}

class ApiError extends Error {
  constructor(message, status, data) { super(message); this.status = status; this.data = data || {}; }
}
async function api(path, options) {
  const opts = Object.assign({ headers: {} }, options || {});
  if (opts.body || opts.method === "POST") {
    opts.headers["Content-Type"] = "application/json";
    const t = token();
    if (t) opts.headers.Authorization = "Bearer " + t;
  }
  const r = await fetch(path, opts);
  const data = await r.json().catch(() => ({ error: "the server's answer was not JSON" }));
  if (r.status === 401) {
    showTokenState(true);
    throw new ApiError(token() ? "The server did not accept the write token this browser keeps. Paste the current one in the “Write access” panel above (casus serve prints it when it starts)."
      : "Running, saving and storing need the server's write token. See the “Write access” panel above: open the #token= link casus serve printed, or paste the token there.", 401, data);
  }
  if (!r.ok) throw new ApiError(data.error || ("HTTP " + r.status), r.status, data);
  return data;
}

const TYPE_COLOUR = { defense: "#1a7f37", offense: "#c62828", consultation: "#1f6feb", neutrality: "#8250df",
  non_aggression: "#9a6700", non_assistance: "#6e7781" };

// --- network: a world map, drawn by map.js (loaded by the network page) ---
function showNetwork(form) { if (window.casusMap) window.casusMap.show(form); }

// --- scenario builder ---
let examples = [], savedScenarios = [], stateList = [], stateNames = {};
const $ = id => document.getElementById(id);
const field = (root, key) => root.querySelector(`[data-key="${key}"]`);

function fillStateSelect(sel) {
  const keep = sel.value, first = [];
  if (sel.dataset.first) { const [v, label] = sel.dataset.first.split("|"); first.push(new Option(label, v)); }
  if (sel.dataset.empty !== undefined) first.push(new Option(sel.dataset.empty, ""));
  sel.replaceChildren(...first, ...stateList.map(s => new Option(`${s.name} (${s.id})`, s.id)));
  if ([...sel.options].some(o => o.value === keep)) sel.value = keep;
  else if (keep && sel.dataset.key) { sel.append(new Option(`${keep} (not in the world on this date)`, keep)); sel.value = keep; }
}
function fillAllStateSelects() { document.querySelectorAll("#scenario-form select.state-select").forEach(fillStateSelect); }

// The state lists follow the date and the world: the states that exist then, in that world.
let statesShown = "", statesAsked = 0;
async function refreshStates() {
  const date = $("sc-date").value, world = $("sc-world");
  const history = !!world && world.value === "history", key = `${history}/${date}`;
  if (!date || key === statesShown) return;
  const mine = ++statesAsked, err = $("scenario-error");
  let data;
  try { data = await api("/api/states?at=" + encodeURIComponent(date) + (history ? "&history=true" : "")); }
  catch (e) { if (mine === statesAsked) err.textContent = e.message; return; }
  if (mine !== statesAsked) return;  // a later date or world was asked for meanwhile
  statesShown = key;
  err.textContent = "";
  $("sc-world-note").textContent = `${data.states.length} states on ${data.date}` + (data.world ? `, from the ${data.world}` : "") + ": the lists below offer them.";
  stateList = data.states.slice().sort((a, b) => a.name.localeCompare(b.name));
  for (const s of stateList) stateNames[s.id] = s.name;
  fillAllStateSelects();
}

function chip(box, id) {
  if ([...box.children].some(c => c.dataset.id === id)) return;
  const c = el("span", { class: "chip", "data-id": id }, stateNames[id] || id, " ",
    el("button", { type: "button", class: "link", "aria-label": `remove ${stateNames[id] || id}`, "data-act": "remove-chip" }, "×"));
  box.append(c);
}
const chipIds = box => [...box.children].map(c => c.dataset.id);

function addEvent(ev) {
  const fs = $("event-template").content.firstElementChild.cloneNode(true), box = $("events");
  box.append(fs);
  fs.querySelectorAll("select.state-select").forEach(fillStateSelect);
  const n = box.children.length;
  field(fs, "id").value = (ev && ev.id) || `event-${n}`;
  if (ev) setEvent(fs, ev);
  renumberEvents();
  return fs;
}
function renumberEvents() {
  [...$("events").children].forEach((fs, i, all) => {
    fs.dataset.prefix = `events[${i}]`;
    fs.querySelector(".event-title").textContent = `Event ${i + 1}` + (i === 0 ? " (it starts the conflict)" : "");
    fs.querySelector(".remove-event").hidden = all.length === 1;
  });
}
function setEvent(fs, ev) {
  fs._orig = ev;
  const a = ev.attributes || {}, loc = ev.location || {}, nonstate = a.state_actor === false;
  field(fs, "nonstate").checked = nonstate;
  toggleNonState(fs);
  if (nonstate) field(fs, "actor-text").value = ev.actor || ""; else setSelect(field(fs, "actor"), ev.actor);
  setSelect(field(fs, "target"), ev.target);
  field(fs, "kind").value = ev.kind || "armed_attack";
  const locState = field(fs, "location.state");
  if (loc.state ? loc.state === ev.target : !(loc.high_seas || loc.place)) locState.value = "=target"; else setSelect(locState, loc.state || "");
  field(fs, "location.place").value = loc.place || "";
  field(fs, "location.high_seas").checked = !!loc.high_seas;
  field(fs, "date").value = ev.date || "";
  setSelect(field(fs, "attributes.flag"), a.flag || "");
  field(fs, "attributes.target_asset").value = a.target_asset || "territory";
  field(fs, "attributes.provoked").value = a.provoked === true ? "true" : a.provoked === false ? "false" : "";
  field(fs, "attributes.request_for_assistance").value = a.request_for_assistance === true ? "true" : a.request_for_assistance === false ? "false" : "";
  field(fs, "attributes.description").value = a.description || "";
  const sup = field(fs, "attributes.weapons_supplied_by");
  sup.replaceChildren();
  (a.weapons_supplied_by || []).forEach(s => chip(sup, s));
  const kept = Object.keys(loc).filter(k => ["areas", "latitude", "longitude"].includes(k) && loc[k] !== null && !(Array.isArray(loc[k]) && !loc[k].length));
  const note = fs.querySelector(".kept");
  note.hidden = !kept.length;
  note.textContent = kept.length ? `Kept as given (not editable here): location ${kept.map(k => `${k} ${JSON.stringify(loc[k])}`).join(", ")}.` : "";
  if (a.flag || (a.weapons_supplied_by || []).length || a.description || a.provoked != null || a.request_for_assistance != null || (a.target_asset && a.target_asset !== "territory")) fs.querySelector("details.more").open = true;
}
function setSelect(sel, value) {
  if (value && ![...sel.options].some(o => o.value === value)) sel.append(new Option(`${value} (not in the world on this date)`, value));
  sel.value = value || "";
}
function toggleNonState(fs) {
  const on = field(fs, "nonstate").checked;
  field(fs, "actor").hidden = on;
  field(fs, "actor-text").hidden = !on;
}
const tri = v => v === "true" ? true : v === "false" ? false : undefined;
function eventFromForm(fs) {
  const orig = fs._orig || {}, nonstate = field(fs, "nonstate").checked;
  const target = field(fs, "target").value;
  const ev = { id: field(fs, "id").value.trim(), actor: nonstate ? field(fs, "actor-text").value.trim() : field(fs, "actor").value,
    target, kind: field(fs, "kind").value };
  const loc = {};
  for (const k of ["areas", "latitude", "longitude"]) if ((orig.location || {})[k] != null) loc[k] = orig.location[k];
  const ls = field(fs, "location.state").value, place = field(fs, "location.place").value.trim();
  if (field(fs, "location.high_seas").checked) loc.high_seas = true;
  else if (ls === "=target") { if (target) loc.state = target; } else if (ls) loc.state = ls;
  if (place) loc.place = place;
  ev.location = loc;
  const date = field(fs, "date").value;
  if (date) ev.date = date;
  const a = {};
  if (nonstate) a.state_actor = false;
  const flag = field(fs, "attributes.flag").value;
  if (flag) a.flag = flag;
  const sup = chipIds(field(fs, "attributes.weapons_supplied_by"));
  if (sup.length) a.weapons_supplied_by = sup;
  const asset = field(fs, "attributes.target_asset").value;
  if (asset !== "territory") a.target_asset = asset;
  for (const k of ["provoked", "request_for_assistance"]) { const v = tri(field(fs, "attributes." + k).value); if (v !== undefined) a[k] = v; }
  const d = field(fs, "attributes.description").value.trim();
  if (d) a.description = d;
  if (Object.keys(a).length) ev.attributes = a;
  return ev;
}

function addReading(key, value) {
  const keys = $("reading-keys");
  const row = el("div", { class: "row reading" });
  const pick = el("select", { "data-key": "key", "aria-label": "contested article" });
  pick.append(...[...keys.options].map(o => new Option(o.textContent, o.value)));
  const choice = el("select", { "data-key": "reading", "aria-label": "reading" });
  const fill = () => {
    const opt = [...keys.options].find(o => o.value === pick.value);
    const rs = opt ? JSON.parse(opt.dataset.readings) : [];
    choice.replaceChildren(...rs.map(r => new Option(`${r.id}${opt && r.id === opt.dataset.default ? " (default)" : ""}: ${r.label}`, r.id)));
  };
  pick.addEventListener("change", fill);
  if (key) { if (![...pick.options].some(o => o.value === key)) pick.append(new Option(key, key)); pick.value = key; }
  fill();
  if (value) { if (![...choice.options].some(o => o.value === value)) choice.append(new Option(value, value)); choice.value = value; }
  row.append(pick, choice, el("button", { type: "button", class: "link", "data-act": "remove-row" }, "remove"));
  $("readings").append(row);
}
function addOverride(sid, ov) {
  ov = ov || {};
  const row = el("div", { class: "row override" });
  const state = el("select", { class: "state-select", "data-key": "state", "data-empty": "— choose a state —", "aria-label": "state" });
  const supports = el("select", { class: "state-select", "data-key": "supports", "data-empty": "— supplies no one —", "aria-label": "supplies" });
  row._orig = ov;
  row.append(el("label", {}, "State ", state),
    el("label", { class: "check" }, el("input", { type: "checkbox", "data-key": "fights", checked: ov.fights === false ? null : "checked" }), " may fight"),
    el("label", {}, "honours its obligations with probability ", el("input", { type: "number", "data-key": "reliability", min: 0, max: 1, step: 0.05, placeholder: "model's", value: ov.reliability ?? "" })),
    el("label", {}, "supplies ", supports),
    el("label", {}, "at war from the start ", el("select", { "data-key": "at_war_on" }, new Option("no", ""), new Option("on side A", "a"), new Option("on side B", "b"))),
    el("label", {}, "note ", el("input", { "data-key": "note", maxlength: 500, value: ov.note || "" })),
    el("button", { type: "button", class: "link", "data-act": "remove-row" }, "remove"));
  $("overrides").append(row);
  [state, supports].forEach(fillStateSelect);
  setSelect(state, sid || ""); setSelect(supports, ov.supports || "");
  field(row, "at_war_on").value = ov.at_war_on || "";
}

function scenarioFromForm() {
  const sc = {};
  sc.name = $("sc-name").value.trim();
  const desc = $("sc-description").value.trim();
  if (desc) sc.description = desc;
  sc.date = $("sc-date").value;
  const world = $("sc-world");
  if (world && world.value === "history") sc.world = "history";
  sc.events = [...$("events").children].map(eventFromForm);
  const a = {
    suppliers_are_cobelligerents: $("as-suppliers").checked,
    honour_signed_not_in_force: $("as-signed").checked,
    nuclear_deterrence: $("as-nuclear").checked,
  };
  const atWar = chipIds($("at-war"));
  if (atWar.length) a.at_war = atWar;
  const readings = {};
  for (const row of $("readings").children) readings[field(row, "key").value] = field(row, "reading").value;
  if (Object.keys(readings).length) a.readings = readings;
  const overrides = {};
  for (const row of $("overrides").children) {
    const sid = field(row, "state").value;
    if (!sid) continue;
    const ov = {};
    if (!field(row, "fights").checked) ov.fights = false;
    const rel = field(row, "reliability").value;
    if (rel !== "") ov.reliability = Number(rel);
    for (const k of ["supports", "at_war_on", "note"]) { const v = field(row, k).value.trim(); if (v) ov[k] = v; }
    overrides[sid] = ov;
  }
  if (Object.keys(overrides).length) a.overrides = overrides;
  sc.assumptions = a;
  const sim = {}, level = $("sc-intensity").value, seed = $("seed").value, rounds = $("rounds").value, trials = Number($("trials").value);
  if (trials >= 1) sim.trials = trials;
  if (seed !== "") sim.seed = Number(seed);
  if (rounds !== "") sim.rounds = Number(rounds);
  if (level) sim.intensity = level;
  sc.simulation = sim;
  return sc;
}

async function fillForm(sc, how) {
  clearProblems();
  const set = (id, v) => { const n = $(id); if (n && v !== undefined && v !== null) n.value = v; };
  set("sc-world", $("sc-world") ? (sc.world || "bundled") : null);
  $("sc-name").value = sc.name || "";
  $("sc-description").value = sc.description || "";
  set("sc-date", sc.date);
  await refreshStates();
  $("events").replaceChildren();
  (sc.events && sc.events.length ? sc.events : [{}]).forEach(ev => addEvent(ev));
  const a = sc.assumptions || {};
  $("as-suppliers").checked = !!a.suppliers_are_cobelligerents;
  $("as-signed").checked = !!a.honour_signed_not_in_force;
  $("as-nuclear").checked = a.nuclear_deterrence !== false;
  $("at-war").replaceChildren();
  (a.at_war || []).forEach(s => chip($("at-war"), s));
  $("readings").replaceChildren();
  Object.entries(a.readings || {}).forEach(([k, v]) => addReading(k, v));
  $("overrides").replaceChildren();
  Object.entries(a.overrides || {}).forEach(([k, v]) => addOverride(k, v));
  const sim = sc.simulation || {};
  $("sc-intensity").value = sim.intensity || "";
  $("seed").value = sim.seed ?? "";
  $("rounds").value = sim.rounds ?? "";
  if (how && how.trials !== undefined) $("trials").value = how.trials;
  if (how && how.seed !== undefined && how.seed !== null) $("seed").value = how.seed;
  $("start-note").textContent = how && how.note ? how.note : "";
  preview();
}
function blankForm() {
  fillForm({ name: "", date: $("sc-date").value || new Date().toISOString().slice(0, 10), events: [{ kind: "armed_attack", location: {} }] },
    { note: "A blank form: choose the attacker and the attacked state." });
  document.querySelectorAll("#example, #saved").forEach(s => { s.value = ""; });
}
function preview() { $("scenario-json").textContent = JSON.stringify(scenarioFromForm(), null, 2); }

// Problems a check found, shown next to the field they are about (and listed under the buttons).
function clearProblems() {
  document.querySelectorAll("#scenario-form .field-error").forEach(n => n.remove());
  document.querySelectorAll("#scenario-form .invalid").forEach(n => n.classList.remove("invalid"));
  $("scenario-problems").replaceChildren();
  $("scenario-error").textContent = "";
}
function elementFor(path) {
  const m = path.match(/^events\[(\d+)\]\.?(.*)$/);
  if (m) {
    const fs = $("events").children[Number(m[1])];
    if (!fs) return null;
    const key = m[2].replace(/\[\d+\]$/, "");
    if (key === "actor" && field(fs, "nonstate").checked) return field(fs, "actor-text");
    if (key.startsWith("attributes.") || key === "id") fs.querySelector("details.more").open = true;
    return field(fs, key) || (key.startsWith("location") ? field(fs, "location.state") : fs.querySelector("legend"));
  }
  const o = path.match(/^assumptions\.overrides\.([A-Z]{3})\.?(.*)$/);
  if (o) { const row = [...$("overrides").children].find(r => field(r, "state").value === o[1]); return row ? (field(row, o[2]) || field(row, "state")) : null; }
  if (path.startsWith("assumptions.readings")) return $("readings");
  if (path.startsWith("assumptions.at_war")) return $("at-war");
  return document.querySelector(`#scenario-form [data-key="${path}"]`);
}
function showProblems(problems) {
  clearProblems();
  const list = $("scenario-problems");
  $("scenario-error").textContent = problems.length === 1 ? "The scenario has a problem:" : `The scenario has ${problems.length} problems:`;
  for (const p of problems) {
    const where = p.field || "scenario", target = p.field ? elementFor(p.field) : null;
    const item = el("li", {}, el("strong", {}, where), ": ", p.message);
    list.append(item);
    if (target) {
      target.classList.add("invalid");
      const note = el("span", { class: "field-error", role: "alert" }, p.message);
      (target.closest("label") || target).after(note);
      item.append(" ", el("a", { href: "#", class: "goto" }, "show"));
      item.lastChild.addEventListener("click", e => { e.preventDefault(); target.scrollIntoView({ block: "center" }); target.focus && target.focus(); });
    }
  }
}
function missing(sc) {
  const out = [];
  if (!sc.name) out.push({ field: "name", message: "give the scenario a name" });
  if (!sc.date) out.push({ field: "date", message: "give the date the treaties are read at" });
  sc.events.forEach((ev, i) => {
    if (!ev.actor) out.push({ field: `events[${i}].actor`, message: "choose the attacker" });
    if (!ev.target) out.push({ field: `events[${i}].target`, message: "choose the attacked state" });
  });
  return out;
}
async function checked(sc) {
  const local = missing(sc);
  if (local.length) { showProblems(local); return false; }
  try { await api("/api/scenarios/check", { method: "POST", body: JSON.stringify({ text: JSON.stringify(sc, null, 2) }) }); }
  catch (e) { if (e.data && e.data.problems) showProblems(e.data.problems); else $("scenario-error").textContent = e.message; return false; }
  clearProblems();
  return true;
}
async function submitRun(scenario, trials, seed) {
  const body = { scenario, trials };
  if (seed !== undefined && seed !== null && seed !== "") body.seed = Number(seed);
  const r = await api("/api/runs", { method: "POST", body: JSON.stringify(body) });
  location.href = "/runs/" + encodeURIComponent(r.id);
}

// Paste or upload: check the text and show each problem beside its line.
let pasted = null;
function gutter(bad) {
  const text = $("paste-text").value, n = Math.max(1, text.split("\n").length), g = $("paste-gutter");
  g.replaceChildren(...Array.from({ length: n }, (_, i) => el("div", { class: bad && bad.has(i + 1) ? "bad" : null }, i + 1)));
  g.scrollTop = $("paste-text").scrollTop;
}
function gotoLine(line) {
  const ta = $("paste-text"), lines = ta.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((s, l) => s + l.length + 1, 0);
  ta.focus();
  ta.setSelectionRange(start, start + (lines[line - 1] || "").length);
  const lh = parseFloat(getComputedStyle(ta).lineHeight) || 18;
  ta.scrollTop = Math.max(0, (line - 4) * lh);
}
async function checkPasted() {
  const out = $("paste-result"), list = $("paste-problems");
  pasted = null; $("paste-load").disabled = $("paste-run").disabled = true;
  list.replaceChildren(); out.textContent = "checking…"; out.className = "";
  const text = $("paste-text").value;
  if (!text.trim()) { out.textContent = "Paste a scenario first, or upload a file."; gutter(); return; }
  try {
    const r = await api("/api/scenarios/check", { method: "POST", body: JSON.stringify({ text }) });
    pasted = r.scenario;
    out.className = "ok";
    out.textContent = `No problems: “${r.name}”, ${r.events} event${r.events === 1 ? "" : "s"}, asked at the intensity ${r.intensity} (${r.intensity_source})${r.world ? "; " + r.world : ""}.`;
    $("paste-load").disabled = $("paste-run").disabled = false;
    gutter();
  } catch (e) {
    const problems = (e.data && e.data.problems) || [{ line: null, field: "", message: e.message }];
    out.className = "error";
    out.textContent = problems.length === 1 ? "One problem:" : `${problems.length} problems:`;
    for (const p of problems) {
      const li = el("li", {}, p.line ? el("a", { href: "#", class: "line" }, `line ${p.line}`) : "", p.line ? " " : "", p.field ? el("strong", {}, p.field) : "", p.field ? ": " : "", p.message);
      if (p.line) li.firstChild.addEventListener("click", ev => { ev.preventDefault(); gotoLine(p.line); });
      list.append(li);
    }
    gutter(new Set(problems.map(p => p.line).filter(Boolean)));
  }
}

async function loadSaved(sel) {
  const data = await api("/api/scenarios");
  examples = data.examples; savedScenarios = data.saved;
  const ex = $("example");
  ex.replaceChildren(new Option("— choose an example —", ""), ...examples.map((x, i) => new Option(x.name, i)));
  $("saved").replaceChildren(new Option(savedScenarios.length ? "— choose a saved scenario —" : "— none saved yet —", ""),
    ...savedScenarios.map(s => new Option(s.name, s.id)));
  if (sel) $("saved").value = sel;
}

async function initScenario(form) {
  // The paste panel works at once: its handlers do not wait for the states and saved scenarios
  // to load (a quick click on "paste" used to do nothing until they had).
  $("paste-toggle").addEventListener("click", () => {
    const p = $("paste-panel"); p.hidden = !p.hidden; $("paste-toggle").setAttribute("aria-expanded", String(!p.hidden));
    if (!p.hidden) { gutter(); $("paste-text").focus(); }
  });
  $("paste-text").addEventListener("input", () => { pasted = null; $("paste-load").disabled = $("paste-run").disabled = true; gutter(); });
  $("paste-text").addEventListener("scroll", () => { $("paste-gutter").scrollTop = $("paste-text").scrollTop; });
  $("paste-file").addEventListener("change", async ev => {
    const f = ev.target.files[0];
    if (!f) return;
    $("paste-text").value = await f.text();
    gutter();
    await checkPasted();
  });
  $("paste-check").addEventListener("click", checkPasted);
  $("paste-load").addEventListener("click", async () => { if (pasted) { await fillForm(pasted, { note: "Loaded from the pasted text." }); $("scenario-form").scrollIntoView(); } });
  $("paste-run").addEventListener("click", async () => {
    if (!pasted) return;
    try { await submitRun(pasted, Number($("trials").value), $("seed").value); }
    catch (e) { $("paste-result").className = "error"; $("paste-result").textContent = e.message; }
  });
  await refreshStates();
  addEvent({ kind: "armed_attack", location: {} });
  await loadSaved();
  const params = new URLSearchParams(location.search);
  try {
    if (params.get("run")) {
      const run = await api("/api/runs/" + encodeURIComponent(params.get("run")));
      await fillForm(run.scenario, { trials: run.trials, seed: run.seed, note: `A copy of the scenario of run ${run.id.slice(0, 8)} (${run.status}): change it and run it again.` });
    } else if (params.get("saved")) {
      const s = await api("/api/scenarios/" + encodeURIComponent(params.get("saved")));
      $("saved").value = s.id;
      await fillForm(s.scenario, { note: `The saved scenario “${s.name}”.` });
    }
  } catch (e) { $("start-note").textContent = e.message; }
  preview();
  $("example").addEventListener("change", async ev => {
    const v = ev.target.value;
    if (v === "") return;
    $("saved").value = "";
    await fillForm(examples[Number(v)].scenario, { note: "An example: change anything, then run it." });
  });
  $("saved").addEventListener("change", async ev => {
    const s = savedScenarios.find(x => x.id === ev.target.value);
    if (!s) return;
    $("example").value = "";
    await fillForm(s.scenario, { note: `The saved scenario “${s.name}”.` });
  });
  $("blank-button").addEventListener("click", blankForm);
  $("add-event").addEventListener("click", () => {
    const prev = [...$("events").children].pop();
    const fs = addEvent({ kind: "strike_on_territory", location: {} });
    // A retaliation is the common second event: the attacked state strikes back.
    if (prev) { setSelect(field(fs, "actor"), field(prev, "target").value); setSelect(field(fs, "target"), field(prev, "actor").value); }
    preview();
    field(fs, "actor").focus();
  });
  $("add-reading").addEventListener("click", () => { addReading(); preview(); });
  $("add-override").addEventListener("click", () => { addOverride(); preview(); });
  form.addEventListener("click", ev => {
    const act = ev.target.dataset && ev.target.dataset.act;
    if (!act) return;
    if (act === "remove-event") { ev.target.closest(".event").remove(); renumberEvents(); }
    else if (act === "remove-row") ev.target.closest(".row").remove();
    else if (act === "remove-chip") ev.target.closest(".chip").remove();
    preview();
  });
  form.addEventListener("change", ev => {
    const t = ev.target;
    if (t.classList.contains("chip-add") && t.value) {
      const box = t.dataset.for ? $(t.dataset.for) : t.closest("label").querySelector(".chips");
      chip(box, t.value); t.value = "";
    }
    if (t.dataset.key === "nonstate") toggleNonState(t.closest(".event"));
    if (t.classList.contains("invalid")) { t.classList.remove("invalid"); const n = (t.closest("label") || t).nextElementSibling; if (n && n.classList.contains("field-error")) n.remove(); }
    preview();
  });
  form.addEventListener("input", preview);
  for (const id of ["sc-date", "sc-world"]) {
    const input = $(id);
    if (input) input.addEventListener("change", async () => { await refreshStates(); preview(); });
  }
  $("save-button").addEventListener("click", async () => {
    const sc = scenarioFromForm(), note = $("save-note");
    note.textContent = "";
    if (!(await checked(sc))) return;
    try {
      const r = await api("/api/scenarios", { method: "POST", body: JSON.stringify({ scenario: sc }) });
      await loadSaved(r.id);
      note.textContent = `Saved as “${sc.name}”: pick it under “a saved scenario” any time.`;
    } catch (e) { $("scenario-error").textContent = e.message; }
  });
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const sc = scenarioFromForm();
    if (!(await checked(sc))) return;
    try { await submitRun(sc, Number($("trials").value), $("seed").value); }
    catch (e) { $("scenario-error").textContent = e.message; }
  });
}

// --- results ---
const LEVELS = { threat: "a threat of force", display: "a display of force", use_of_force: "a use of force short of war", war: "war" };
const FOLLOW_LABELS = { bound_to_fight: "Bound to give military assistance", bound_to_consult: "Bound to consult",
  bound_to_abstain: "Bound to stay out, or not to assist the attacker", policy: "Policy commitments engaged (not binding)" };
let G = { states: {}, treaties: {}, readings: {}, provisions: {}, languages: {} };
const sname = id => G.states[id] || id;
const tname = id => (G.treaties[id] || {}).name || id;
const listNames = ids => ids.map(sname).join(", ");
// Free text from the engine ("csto-1992 Art. 4 → RUS") with treaty ids and state codes as names.
const words = text => String(text).replace(/\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g, m => G.treaties[m] ? G.treaties[m].name : m)
  .replace(/\b[A-Z]{3}\b/g, m => G.states[m] || m);
function pct(p) {
  if (p >= 0.9995 && p <= 1) return "100 %";
  if (p > 0 && p < 0.001) return "< 0.1 %";
  return (100 * p).toFixed(p < 0.1 ? 1 : 0) + " %";
}
function sideWords(sim, side) {
  const ids = side === "a" ? sim.side_a : sim.side_b, first = ids.slice(0, 2).map(sname).join(" and ");
  return `${first}${ids.length > 2 ? " and allies" : ""}'s side (${side.toUpperCase()})`;
}
function plot(id, data, layout) {
  if (!window.Plotly) return;
  Plotly.newPlot(id, data, Object.assign({ margin: { l: 170, r: 20, t: 10, b: 50 }, height: 380, font: { size: 13 } }, layout || {}), { displaylogo: false, responsive: true });
}
function outcomeWords(sim) {
  if (sim.outcome === "p_nuclear_opposed") return "the chance that nuclear-armed states end up on opposite sides";
  if (sim.outcome === "war_size_mean") return "the mean number of states at war";
  if (sim.outcome.startsWith("p_war:")) return `the chance that ${sname(sim.outcome.slice(6))} is at war`;
  return sim.outcome;
}
function outcomeValue(sim) {
  if (sim.outcome === "p_nuclear_opposed") return pct(sim.p_nuclear_opposed);
  if (sim.outcome === "war_size_mean") return sim.war_size.mean.toFixed(2);
  const s = sim.states.find(x => "p_war:" + x.state === sim.outcome);
  return s ? pct(s.p_war) : "";
}
function changeWords(s) {
  if (s.kind === "intensity") {
    const m = s.change.match(/intensity: (\S+) → (\S+)/);
    return m ? [`if it comes to ${LEVELS[m[2]] || m[2]} instead of ${LEVELS[m[1]] || m[1]}`] : [s.change];
  }
  if (s.kind === "reading") {
    const i = s.change.lastIndexOf(": "), key = s.change.slice(0, i), [from, to] = s.change.slice(i + 2).split(" → ");
    const [tid, article] = key.split("/"), r = G.readings[key];
    if (!r) return [words(s.change)];
    return [`${tname(tid)} ${article}: ${r.question}`, `reading “${from}” → “${to}”: ${r.readings[to] || to}`];
  }
  return [words(s.change)];
}
function initial(sim) { return sim.states.filter(s => s.initial !== null).length; }

function showAnswer(run) {
  const res = run.result, sim = res.simulation;
  const head = document.getElementById("headline"), figs = document.getElementById("figures"), cond = document.getElementById("conditional");
  if (!sim) {
    head.textContent = "This run asked only which obligations the events trigger (no trials were simulated).";
    return;
  }
  const level = LEVELS[sim.intensity] || sim.intensity, n0 = initial(sim);
  const pAny = Object.entries(sim.war_size.distribution).reduce((t, [k, v]) => t + (Number(k) > n0 ? v : 0), 0);
  const joiners = sim.states.filter(s => s.initial === null && s.p_war > 0), top = joiners[0];
  head.textContent = `If it comes to ${level} (intensity ${sim.intensity}, ${sim.intensity_source}): ` + (top
    ? `another state joins in ${pct(pAny)} of simulated conflicts; the most likely is ${top.name}, at ${pct(top.p_war)}, mostly on ${sideWords(sim, top.p_side_a > top.p_side_b ? "a" : "b")}.`
    : "no other state joins in any simulated conflict.");
  const nuclear = sim.outcome === "p_nuclear_opposed" ? [pct(sim.p_nuclear_opposed), `± ${(100 * sim.p_nuclear_opposed_se).toFixed(2)} points`,
      `P(nuclear-armed states on opposite sides) = ${sim.p_nuclear_opposed.toFixed(4)} ± ${sim.p_nuclear_opposed_se.toFixed(4)}`]
    : sim.p_nuclear_opposed >= 1 ? ["from the start", "nuclear-armed states are on opposite sides from the start", ""]
    : ["—", "no nuclear-armed state on the date", ""];
  const card = (label, value, note, title) => el("div", { class: "figure", title: title || null }, el("span", { class: "value" }, value), el("span", { class: "label" }, label), note ? el("span", { class: "note" }, note) : null);
  figs.replaceChildren(
    card("another state joins", pct(pAny), `no one joins in ${pct(1 - pAny)}`, `P(anyone joins) = ${pAny.toFixed(4)}`),
    card("nuclear-armed states on opposite sides", nuclear[0], nuclear[1], nuclear[2]),
    card("states at war, on average", sim.war_size.mean.toFixed(2), `${n0} at war from the start`, "mean number of belligerents"),
    top ? card(`most likely to join: ${top.name}`, pct(top.p_war), `side A ${pct(top.p_side_a)} · side B ${pct(top.p_side_b)}`, `P(war) = ${top.p_war.toFixed(4)} ± ${top.se.toFixed(4)}`)
      : card("most likely to join", "—", "no state joins"));
  cond.replaceChildren(el("strong", {}, "Conditional on: "),
    `the intensity — ${level} (${sim.intensity}, ${sim.intensity_source}); the joining model ${sim.model}; ${sim.trials.toLocaleString("en")} trials, seed ${sim.seed}. `,
    el("details", { class: "inline" }, el("summary", {}, "what the model is fitted on"), el("span", {}, sim.model_note)));
  const sides = document.getElementById("sides");
  sides.replaceChildren(
    el("div", { class: "side a" }, el("span", { class: "label" }, "Side A — struck first"), el("strong", {}, listNames(sim.side_a))),
    el("div", { class: "side b" }, el("span", { class: "label" }, "Side B — attacked"), el("strong", {}, listNames(sim.side_b))));
  const v = sim.verdicts;
  document.getElementById("verdicts").textContent = v && v.state
    ? `What the treaty verdicts weigh: were no obligation triggered, ${sname(v.state)}'s chance of being at war would be ${pct(v.p_war_untriggered)} instead of ${pct(v.p_war)}, and the mean number of states at war ${v.war_size_mean_untriggered.toFixed(2)} instead of ${v.war_size_mean.toFixed(2)} (same random numbers).` : "";

  const bars = joiners.slice(0, 20).reverse(), longest = Math.max(10, ...bars.map(s => s.name.length));
  if (bars.length) plot("bars", [
    { type: "bar", orientation: "h", name: `joins ${sideWords(sim, "a")}`, y: bars.map(s => s.name), x: bars.map(s => s.p_side_a), marker: { color: "#c62828" }, hovertemplate: "%{y}: %{x:.2%}<extra>side A</extra>" },
    { type: "bar", orientation: "h", name: `joins ${sideWords(sim, "b")}`, y: bars.map(s => s.name), x: bars.map(s => s.p_side_b), marker: { color: "#1f6feb" }, hovertemplate: "%{y}: %{x:.2%}<extra>side B</extra>" },
  ], { barmode: "stack", height: 90 + 24 * bars.length, margin: { l: 16 + 7.5 * longest, r: 20, t: 60, b: 40 },
       xaxis: { tickformat: ".1%", side: "top", title: { text: `probability of being at war, if it comes to ${level}` } }, legend: { orientation: "h", x: 0, y: -0.02, yanchor: "top" } });
  else document.getElementById("bars").textContent = "No state joins in any trial.";
  const dist = Object.entries(sim.war_size.distribution);
  plot("sizes", [{ type: "bar", x: dist.map(d => Number(d[0])), y: dist.map(d => d[1]), marker: { color: "#57606a" }, hovertemplate: "%{x} states: %{y:.2%}<extra></extra>" }],
    { margin: { l: 70, r: 20, t: 10, b: 50 }, height: 260, yaxis: { tickformat: ".0%", title: { text: "share of trials" } }, xaxis: { title: { text: "number of states at war" }, dtick: 1 } });
  const paths = document.getElementById("paths");
  paths.replaceChildren(...sim.paths.slice(0, 8).map(p => el("li", {}, el("span", { class: "p" }, pct(p.probability)), " ",
    p.steps.length ? p.steps.map(s => `${sname(s.state)} joins ${sideWords(sim, s.side)} in round ${s.round}, via ${words(s.via)}`).join("; then ") : "no other state joins")));
  showSensitivity(sim);
}

function showSensitivity(sim) {
  const box = document.getElementById("tornado"), note = document.getElementById("tornado-note");
  const rows = sim.sensitivity || [];
  if (!rows.length) { box.textContent = "No sensitivity analysis for this run."; note.textContent = ""; return; }
  note.textContent = `Each row changes one assumption, with the same random numbers, and shows how much it moves ${outcomeWords(sim)} (${outcomeValue(sim)} in this run). Longer bars matter more.`;
  const max = Math.max(...rows.map(s => Math.abs(s.delta)), 1e-12);
  const fmt = d => sim.outcome === "war_size_mean" ? (d >= 0 ? "+" : "−") + Math.abs(d).toFixed(2) : (d >= 0 ? "+" : "−") + (100 * Math.abs(d)).toFixed(2) + " pts";
  const row = s => {
    const [main, sub] = changeWords(s), w = (50 * Math.abs(s.delta) / max).toFixed(1);
    return el("tr", {}, el("td", { class: "change" }, main, sub ? el("span", { class: "sub" }, sub) : null),
      el("td", { class: "bar" }, el("span", { class: "track" }, el("span", { class: s.delta < 0 ? "neg" : "pos", style: s.delta < 0 ? `width:${w}%;right:50%` : `width:${w}%;left:50%` }))),
      el("td", { class: "num" }, fmt(s.delta)));
  };
  const moving = rows.filter(s => Math.abs(s.delta) > 1e-9), still = rows.filter(s => Math.abs(s.delta) <= 1e-9);
  const table = el("table", { class: "sens" }, el("thead", {}, el("tr", {}, el("th", {}, "If instead…"), el("th", {}, "lower ← effect → higher"), el("th", { class: "num", title: `change in ${sim.outcome}` }, "change"))),
    el("tbody", {}, ...moving.map(row)));
  box.replaceChildren(table);
  if (still.length) box.append(el("details", {}, el("summary", {}, `${still.length} more change${still.length === 1 ? "" : "s"} with no effect on ${outcomeWords(sim)}`),
    el("table", { class: "sens" }, el("tbody", {}, ...still.map(row)))));
}

function provisionText(o) {
  const info = G.provisions[`${o.treaty}|${o.article}`] || {}, lang = info.language || "en";
  const original = el("div", { class: "original" },
    el("span", { class: "lang" }, lang === "en" ? (o.verbatim ? "text" : "paraphrase") + (info.from && info.from !== "en" ? `, in English, of the ${G.languages[info.from] || info.from} text` : "") : `original, ${G.languages[lang] || lang}`),
    el("blockquote", { lang }, `“${o.text}”`));
  if (lang === "en") return [original];
  const eng = (info.english || [])[0];
  return [el("div", { class: "bilingual" }, original, eng
    ? el("div", { class: "english" }, el("span", { class: "lang" }, "English rendering"), el("blockquote", {}, `“${eng.text}”`), el("span", { class: "muted small" }, eng.source))
    : el("div", { class: "english none" }, el("span", { class: "lang" }, "English"), el("p", { class: "muted" }, "No English rendering of this article is on file; see the treaty's page for its sources.")))];
}
const TYPE_RANK = { defense: 0, offense: 1, consultation: 2, neutrality: 3, non_aggression: 4, non_assistance: 5 };
function showTrace(res) {
  const trace = document.getElementById("trace"), events = new Set(res.obligations.map(o => o.event)).size;
  const quiet = el("details", { class: "quiet" });
  const groups = new Map();
  for (const o of res.obligations) {
    const key = [o.treaty, o.article].join("|");  // each article once, whichever events it answers
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(o);
  }
  const boxes = [], quietBoxes = [], rank = new Map();
  trace.replaceChildren();
  for (const list of groups.values()) {
    const o = list[0], sub = new Map();
    for (const x of list) {
      const k = [x.event, x.status, x.beneficiary, x.reasons.join("\n")].join("|");
      if (!sub.has(k)) sub.set(k, []);
      sub.get(k).push(x);
    }
    const order = { triggered: 0, contested: 1, not_triggered: 2 }, evOrder = new Map(res.obligations.map((x, i) => [x.event, i]));
    const parts = [...sub.values()].sort((a, b) => (evOrder.get(a[0].event) - evOrder.get(b[0].event)) || (order[a[0].status] - order[b[0].status]));
    const best = parts.map(p => p[0].status).sort((a, b) => order[a] - order[b])[0];
    const box = el("article", { class: "trace " + best },
      el("h3", {}, `${o.treaty_name}, ${o.article}`, " ", el("span", { class: "tag" }, o.type.replace("_", " ")), " ",
        el("a", { href: `/treaties/${encodeURIComponent(o.treaty)}`, class: "small" }, "the treaty")),
      ...provisionText(o));
    const said = new Set();
    for (const part of parts) {
      const x = part[0], quote = `${x.article}: “`;
      const reasons = x.reasons.filter(r => !r.startsWith(quote) && !said.has(r));
      const repeated = x.reasons.filter(r => !r.startsWith(quote)).length - reasons.length;
      x.reasons.forEach(r => said.add(r));
      box.append(el("div", { class: "verdict " + x.status },
        el("p", {}, events > 1 ? el("span", { class: "muted" }, `event ${x.event}: `) : null, el("strong", { class: "status" }, x.status.replace("_", " ")), ` for ${listNames(part.map(p => p.obligor))} → ${sname(x.beneficiary)}`,
          repeated ? el("span", { class: "muted small" }, ` (besides the ${repeated} reason${repeated === 1 ? "" : "s"} above)`) : null),
        el("ul", {}, ...reasons.map(r => el("li", {}, r.length > 280
          ? el("details", {}, el("summary", {}, words(r.slice(0, 200)) + "…"), words(r)) : words(r))))));
    }
    rank.set(box, [order[best], TYPE_RANK[o.type] ?? 9, o.treaty_name, o.article]);
    (best === "not_triggered" ? quietBoxes : boxes).push(box);
  }
  const byRank = (a, b) => { const x = rank.get(a), y = rank.get(b); for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1; return 0; };
  boxes.sort(byRank); quietBoxes.sort(byRank);
  trace.append(...boxes); quiet.append(...quietBoxes);
  const shown = boxes.length, hidden = quietBoxes.length;
  if (!shown) trace.append(el("p", {}, "No obligation is triggered by these events."));
  quiet.prepend(el("summary", {}, `${hidden} article${hidden === 1 ? "" : "s"} not triggered, with why`));
  if (hidden) trace.append(quiet);
}
function showFollows(res) {
  const box = document.getElementById("follows");
  box.replaceChildren();
  for (const [key, label] of Object.entries(FOLLOW_LABELS)) {
    const lines = new Map();
    for (const r of res.summary[key] || []) {
      const k = `${r.treaty}|${r.article}|${r.beneficiary}`;
      if (!lines.has(k)) lines.set(k, { r, firm: [], open: [] });
      lines.get(k)[r.status === "triggered" ? "firm" : "open"].push(r.obligor);
    }
    if (!lines.size) continue;
    box.append(el("h3", { class: "follow " + key }, label), el("ul", { class: "follows" }, ...[...lines.values()].map(({ r, firm, open }) =>
      el("li", {}, firm.length ? el("strong", {}, listNames(firm)) : null,
        open.length ? el("span", { class: "contested-who" }, `${firm.length ? "; contested: " : "contested: "}${listNames(open)}`) : null,
        ` → ${sname(r.beneficiary)}, under ${tname(r.treaty)} ${r.article}`))));
  }
  if (!box.children.length) box.append(el("p", {}, "No obligation is triggered by these events: no treaty binds anyone to act."));
}
function showResult(run) {
  document.getElementById("run-result").hidden = false;
  showAnswer(run);
  showFollows(run.result);
  showTrace(run.result);
}
function progressWords(run, box) {
  const p = run.progress, trials = Number(box.dataset.trials), per = Number(box.dataset.sensitivityTrials);
  if (!p || !p.total) return ["", ""];
  const extra = p.total - trials, n = per ? Math.round(extra / per) : 0;
  const main = `${p.done.toLocaleString("en")} of ${p.total.toLocaleString("en")} trials`;
  if (extra <= 0) return [main, ""];
  const stage = p.done < trials ? "the main simulation" : "the sensitivity analysis";
  return [`${main} (${stage})`,
    `${p.total.toLocaleString("en")} = ${trials.toLocaleString("en")} trials of the scenario itself + ${(n - 1).toLocaleString("en")} alternative assumptions × ${per.toLocaleString("en")} trials for the sensitivity analysis + ${per.toLocaleString("en")} trials to weigh the treaty verdicts.`];
}
async function pollRun(box) {
  const id = box.dataset.run;
  try { G = JSON.parse(box.dataset.glossary); } catch (e) { /* ids stay ids */ }
  const status = document.getElementById("run-status"), bar = document.getElementById("run-progress"), note = document.getElementById("run-progress-note");
  document.getElementById("rerun-button").addEventListener("click", () => rerun(id, document.getElementById("rerun-error")));
  for (;;) {
    let run;
    try { run = await api("/api/runs/" + encodeURIComponent(id)); } catch (e) { document.getElementById("run-error").textContent = e.message; return; }
    const [done, why] = progressWords(run, box);
    if (run.progress && run.progress.total) { bar.max = run.progress.total; bar.value = run.progress.done; }
    if (run.status === "done" && !G.complete) status.textContent = "finishing…"; else status.textContent = run.status + (run.status === "queued" ? " — waiting for a free worker" : done ? ` — ${done}` : "");
    note.textContent = why;
    if (run.status === "done") {
      // Opened before the result existed: load the page again once, for the names the result needs.
      if (!G.complete && !sessionStorage.getItem("casus-reloaded-" + id)) { sessionStorage.setItem("casus-reloaded-" + id, "1"); location.reload(); return; }
      bar.max = 1; bar.value = 1;
      status.textContent = `done — ${run.trials.toLocaleString("en")} trials` + (why ? " plus the sensitivity analysis" : "") + (run.timings ? ` in ${run.timings.wall_s} s` : "");
      document.getElementById("run-progress-box").classList.add("finished");
      const world = run.result && run.result.world ? `; world: ${run.result.world.provenance}` : "";
      document.getElementById("run-meta").textContent = `Run ${run.id}: seed ${run.seed}; model ${run.model_version}; data ${run.data_version || "—"}; casus ${run.casus_version}; ${run.timings ? run.timings.wall_s + " s" : ""}${world}`;
      for (const a of ["report-link", "report-download"]) document.getElementById(a).hidden = false;
      showResult(run);
      return;
    }
    if (run.status === "failed" || run.status === "interrupted") {
      document.getElementById("run-progress-box").classList.add("stopped");
      document.getElementById("run-error").textContent = `This run ${run.status === "failed" ? "failed" : "was interrupted"}: ${run.error || "no reason was recorded"}. “Run again” starts it afresh with the same scenario, trials and seed.`;
      return;
    }
    await new Promise(r => setTimeout(r, 500));
  }
}
async function rerun(id, err) {
  err.textContent = "";
  try { const r = await api(`/api/runs/${encodeURIComponent(id)}/rerun`, { method: "POST" }); location.href = "/runs/" + encodeURIComponent(r.id); }
  catch (e) { err.textContent = e.message; }
}
function initRuns(table) {
  table.addEventListener("click", ev => {
    const id = ev.target.dataset && ev.target.dataset.rerun;
    if (id) rerun(id, document.getElementById("runs-error"));
  });
}

// --- evidence ---
function showEvidence(item) {
  const r = item.reading, box = document.getElementById("evidence-detail");
  box.replaceChildren(...[el("h2", {}, r.title || r.source),
    el("p", { class: "muted" }, `${r.source} · ${r.date} · ${r.words} words`),
    el("h3", {}, "Actors"), el("p", {}, r.actors.map(a => `${a.id} (${a.mentions})`).join(", ") || "none"),
    el("h3", {}, "Claims"), r.claims.length ? null : el("p", { class: "muted" }, "none found"), el("ul", {}, ...r.claims.map(c => el("li", {}, `${c.subject || "?"} ${c.polarity === "negative" ? "NOT " : ""}${c.relation} ${c.object || "(no one named)"}${c.offered ? " (conditional: help offered, for when it is taken up)" : c.conditional ? ` (conditional: ${({ threaten: "a threat", assist_militarily: "a pledge" })[c.relation] || "said"} for the case it names)` : ""} — ${c.modality}, ${c.attribution.kind}${c.attribution.who ? " (" + c.attribution.who + ")" : ""}${c.trigger ? `, named by “${c.trigger}”` : ""}${c.confidence === null || c.confidence === undefined ? "" : `, confidence ${c.confidence.toFixed(2)}`}: “${c.text}”`, c.confidence_reasons && c.confidence_reasons.length ? el("span", { class: "muted" }, ` (against the average claim, confidence moved most by: ${c.confidence_reasons.join("; ")})`) : null))),
    r.claims_left_out ? el("p", { class: "muted" }, `${r.claims_left_out} claim(s) under confidence ${r.min_confidence.toFixed(2)} left out.`) : null,
    r.claims.some(c => c.confidence !== null && c.confidence !== undefined) ? el("p", { class: "muted" }, "Confidence: the share of claims like it that were right when the reader met annotated articles it had not been tuned on.") : null,
    el("h3", {}, "Treaty provisions"), r.provisions.length ? null : el("p", { class: "muted" }, "none found"),
    el("ul", {}, ...r.provisions.map(p => el("li", {}, `${p.treaty} ${p.article} (${p.score === null ? "by reference, not by wording" : "wording score " + p.score}): “${p.sentence}”`))),
    el("h3", {}, "Flags"), r.flags.length ? null : el("p", { class: "muted" }, "none"), el("ul", {}, ...r.flags.map(f => el("li", { class: "flag" }, `${f.kind}: “${f.span}” — ${f.detail}`)))].filter(Boolean));
}
async function refreshEvidence() {
  const data = await api("/api/evidence?limit=100"), table = document.getElementById("evidence-list");
  const head = table.querySelector("tr");
  table.replaceChildren(head, ...data.evidence.map(e => el("tr", {},
    el("td", {}, el("a", { href: "#", "data-evidence": e.id }, e.title || "(untitled)")), el("td", {}, e.source), el("td", {}, e.date || ""),
    el("td", { class: "num" }, e.claims), el("td", { class: "num" }, e.flags))));
  document.getElementById("evidence-empty").hidden = data.evidence.length > 0;
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
      await refreshEvidence();
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
  initToken();
  const net = document.getElementById("net-form");
  if (net) { net.addEventListener("submit", ev => { ev.preventDefault(); showNetwork(net); }); showNetwork(net); }
  const sc = document.getElementById("scenario-form");
  if (sc) initScenario(sc);
  const run = document.getElementById("run");
  if (run) pollRun(run);
  const runs = document.getElementById("runs-list");
  if (runs) initRuns(runs);
  const evf = document.getElementById("evidence-form");
  if (evf) initEvidence(evf);
});
