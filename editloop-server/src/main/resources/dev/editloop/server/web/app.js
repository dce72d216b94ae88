// EditLoop's page: no framework, no build step. Talks to the server's own API (same origin).
"use strict";

const $ = (id) => document.getElementById(id);
const state = { job: null, source: null, turns: new Map(), best: 0, threshold: 8, events: null, options: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

function svg(tag, attrs = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

async function api(path, init) {
  const res = await fetch(path, Object.assign({ credentials: "same-origin" }, init || {}));
  if (res.status === 401) {
    showLogin();
    throw new Error("this server needs its token");
  }
  if (!res.ok) {
    let message = res.status + " " + res.statusText;
    try {
      const body = await res.json();
      if (body && body.error && body.error.message) message = body.error.message;
    } catch (e) { /* not JSON */ }
    const err = new Error(message);
    err.status = res.status;
    throw err;
  }
  return res.status === 204 ? null : res.json();
}

// ---- token ------------------------------------------------------------------------------------------

function showLogin() {
  const d = $("login");
  if (!d.open) d.showModal();
  $("token").focus();
}

$("login-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const token = $("token").value.trim();
  const res = await fetch("/api/login", { method: "POST", headers: { Authorization: "Bearer " + token } });
  if (res.ok) {
    $("login").close();
    $("token").value = "";
    init();
  } else {
    $("login-error").textContent = "That token is not right.";
    $("login-error").hidden = false;
  }
});

// ---- the form ----------------------------------------------------------------------------------------

function setFile(file) {
  if (!file) return;
  if (state.source) URL.revokeObjectURL(state.source);
  state.source = URL.createObjectURL(file);
  const img = $("preview");
  img.src = state.source;
  img.alt = "Selected photo: " + file.name;
  img.hidden = false;
  $("drop-label").classList.add("has-image");
}

$("image").addEventListener("change", () => setFile($("image").files[0]));
const drop = $("drop");
["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (ev) => {
  ev.preventDefault();
  drop.classList.add("dragging");
}));
["dragleave", "drop"].forEach((t) => drop.addEventListener(t, () => drop.classList.remove("dragging")));
drop.addEventListener("drop", (ev) => {
  ev.preventDefault();
  const file = ev.dataTransfer.files[0];
  if (!file) return;
  const dt = new DataTransfer();
  dt.items.add(file);
  $("image").files = dt.files;
  setFile(file);
});

function formError(message) {
  const p = $("form-error");
  p.textContent = message;
  p.hidden = !message;
}

$("job-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  formError("");
  const file = $("image").files[0];
  const instruction = $("instruction").value.trim();
  if (!file) { formError("Choose or drop a photo first."); $("image").focus(); return; }
  if (!instruction) { formError("Say what to change."); $("instruction").focus(); return; }
  const body = new FormData();
  body.append("image", file);
  body.append("instruction", instruction);
  if ($("profile").value) body.append("profile", $("profile").value);
  if ($("strategy").value) body.append("strategy", $("strategy").value);
  if ($("max_turns").value) body.append("max_turns", $("max_turns").value);
  $("start").disabled = true;
  try {
    const job = await api("/api/jobs", { method: "POST", body });
    location.hash = "job=" + job.id;
    openJob(job.id);
    loadHistory();
  } catch (e) {
    formError(e.message);
  } finally {
    $("start").disabled = false;
  }
});

// ---- a job -------------------------------------------------------------------------------------------

function scoreClass(v) {
  if (v === null || v === undefined) return "score";
  return "score " + (v >= state.threshold ? "hi" : v < 5 ? "lo" : "");
}

function fmt(v) {
  return v === null || v === undefined ? "–" : Number(v).toFixed(1);
}

function card(turn) {
  let t = state.turns.get(turn);
  if (t) return t;
  const img = el("div", { class: "card-img" }, el("span", { class: "pending", text: "editing…" }));
  const title = el("h4", { class: "card-title" }, el("span", { text: "Turn " + turn }));
  const scores = el("div", { class: "scores" });
  const dl = el("dl");
  const li = el("li", { class: "card", "data-turn": String(turn) }, img, el("div", { class: "card-body" }, title, scores, dl));
  $("turns").append(li);
  t = { li, img, title, scores, dl, data: { turn } };
  state.turns.set(turn, t);
  return t;
}

function field(dl, name, value) {
  if (!value) return;
  dl.append(el("dt", { text: name }), el("dd", { text: value }));
}

function markBest(best) {
  state.best = best;
  for (const [turn, t] of state.turns) {
    const isBest = turn === best;
    t.li.classList.toggle("best", isBest);
    const badge = t.title.querySelector(".badge");
    if (isBest && !badge) t.title.append(el("span", { class: "badge", text: "best" }));
    if (!isBest && badge) badge.remove();
    t.li.setAttribute("aria-label", "Turn " + turn + (isBest ? ", best turn" : ""));
  }
  drawChart();
}

function drawChart() {
  const box = $("chart");
  box.textContent = "";
  const points = [...state.turns.values()].map((t) => t.data).filter((d) => d.sc !== undefined).sort((a, b) => a.turn - b.turn);
  if (!points.length) {
    box.append(el("p", { class: "muted", text: "Scores appear after the first critique." }));
    return;
  }
  const W = 360, H = 200, L = 32, R = 12, T = 12, B = 28;
  const n = Math.max(points[points.length - 1].turn, 2);
  const x = (turn) => L + (W - L - R) * (turn - 1) / (n - 1);
  const y = (v) => T + (H - T - B) * (1 - v / 10);
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, "aria-hidden": "true", focusable: "false" });
  for (let v = 0; v <= 10; v += 2) {
    s.append(svg("line", { class: "grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }));
    const label = svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" });
    label.textContent = String(v);
    s.append(label);
  }
  s.append(svg("line", { class: "threshold", x1: L, x2: W - R, y1: y(state.threshold), y2: y(state.threshold) }));
  for (let i = 1; i <= n; i++) {
    const label = svg("text", { x: x(i), y: H - 8, "text-anchor": "middle" });
    label.textContent = String(i);
    s.append(label);
  }
  s.append(svg("line", { class: "axis", x1: L, x2: L, y1: T, y2: H - B }));
  s.append(svg("line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }));
  for (const key of ["sc", "pq"]) {
    const pts = points.filter((p) => p[key] !== null);
    if (pts.length > 1) s.append(svg("polyline", { class: key, points: pts.map((p) => `${x(p.turn)},${y(p[key])}`).join(" ") }));
    for (const p of pts) s.append(svg("circle", { class: "dot-" + key, cx: x(p.turn), cy: y(p[key]), r: 4 }));
  }
  const best = points.find((p) => p.turn === state.best);
  if (best && best.sc !== null) s.append(svg("circle", { class: "best", cx: x(best.turn), cy: y(Math.max(best.sc, best.pq ?? 0)), r: 9 }));
  box.append(s);
  box.append(el("div", { class: "legend" },
    el("span", {}, el("span", { class: "sw sw-sc" }), "SC (did what was asked)"),
    el("span", {}, el("span", { class: "sw sw-pq" }), "PQ (looks natural)"),
    el("span", {}, el("span", { class: "sw sw-best" }), "best turn, threshold")));
  $("chart-desc").textContent = points.map((p) => `Turn ${p.turn}: SC ${fmt(p.sc)}, PQ ${fmt(p.pq)}`).join("; ") +
    (state.best ? `. Best turn ${state.best}.` : "");
}

function setStatus(text, kind) {
  const s = $("job-status");
  s.textContent = text;
  s.className = "status " + (kind || "");
}

function setSplit(v) {
  $("compare-frame").style.setProperty("--split", v + "%");
  $("after").style.clipPath = `inset(0 0 0 ${v}%)`;
}
$("slider").addEventListener("input", (ev) => setSplit(ev.target.value));

function showResult(job, finalUrl) {
  $("result").hidden = false;
  $("before").src = `/api/jobs/${job}/images/source.png`;
  if (finalUrl) $("after").src = finalUrl + "?v=" + Date.now();
  setSplit($("slider").value);
}

function downloads(job, finished) {
  const ul = $("downloads");
  ul.textContent = "";
  if (!finished) return;
  const links = [
    ["Final image", `/api/jobs/${job}/images/final.png?download=1`],
    ["trajectory.json", `/api/jobs/${job}/trajectory?download=1`],
    ["Report", `/api/jobs/${job}/report`],
  ];
  for (const [name, href] of links) {
    const a = el("a", { href, text: name });
    if (name === "Report") { a.target = "_blank"; a.rel = "noopener"; }
    ul.append(el("li", {}, a));
  }
}

async function openJob(id) {
  if (state.events) state.events.close();
  state.job = id;
  state.turns = new Map();
  state.best = 0;
  $("turns").textContent = "";
  $("job").hidden = false;
  $("result").hidden = true;
  $("downloads").textContent = "";
  $("chart").textContent = "";
  let job;
  try {
    job = await api(`/api/jobs/${id}`);
  } catch (e) {
    setStatus(e.message, "failed");
    return;
  }
  $("job-title").textContent = job.instruction;
  $("job-meta").textContent = `${job.strategy} · profile ${job.profile || "default"} · editor ${job.editor} · thinker ${job.thinker}`;
  const profile = (state.options?.profiles || []).find((p) => p.name === (job.profile || "default"));
  const th = profile ? parseFloat(String(profile.threshold).replace(/^[a-z]+:/, "")) : 8;
  state.threshold = Number.isFinite(th) ? th : 8;
  $("cancel").hidden = !(job.status === "queued" || job.status === "running");
  $("before").removeAttribute("src");
  $("after").removeAttribute("src");
  $("compare-caption").textContent = "";
  highlightHistory();
  listen(id);
  $("job").scrollIntoView({ behavior: "smooth", block: "start" });
}

function listen(id) {
  const es = new EventSource(`/api/jobs/${id}/events`);
  state.events = es;
  const on = (type, fn) => es.addEventListener(type, (ev) => { if (state.job === id) fn(JSON.parse(ev.data)); });
  on("queued", () => setStatus("Waiting for a free worker…", "running"));
  on("started", (d) => {
    setStatus(`Running: up to ${d.turn_limit} turn${d.turn_limit === 1 ? "" : "s"}…`, "running");
    showResult(id, null);
    $("result").hidden = false;
  });
  on("plan", (d) => setStatus("The thinker planned: " + (d.instruction || ""), "running"));
  on("turn_started", (d) => {
    const t = card(d.turn);
    t.data.instruction = d.instruction;
    setStatus(`Turn ${d.turn}: editing…`, "running");
  });
  on("edit_done", (d) => {
    const t = card(d.turn);
    t.img.textContent = "";
    t.img.append(el("img", { src: d.image, alt: `Turn ${d.turn} result`, loading: "lazy" }));
    setStatus(`Turn ${d.turn}: the thinker is looking…`, "running");
  });
  on("critique", (d) => {
    const t = card(d.turn);
    t.data.sc = d.sc; t.data.pq = d.pq;
    t.scores.textContent = "";
    t.scores.append(el("span", { class: scoreClass(d.sc), text: "SC " + fmt(d.sc) }),
      el("span", { class: scoreClass(d.pq), text: "PQ " + fmt(d.pq) }));
    if (d.verdict) t.scores.append(el("span", { class: "score", text: d.verdict.toLowerCase() }));
    t.dl.textContent = "";
    field(t.dl, "Instruction used", d.instruction);
    field(t.dl, "Refined instruction", d.refined_instruction);
    if (d.reasoning) {
      const lines = d.reasoning.split("\n").map((l) => l.trim()).filter(Boolean);
      const details = el("details", { class: "reasoning" },
        el("summary", {}, el("span", { class: "summary-label", text: "Reasoning" }), " ", el("span", { class: "summary-first", text: lines[0] || "" })),
        el("p", { text: lines.slice(1).join("\n") }));
      t.dl.append(el("dt", { class: "visually-hidden", text: "Reasoning" }), el("dd", {}, details));
    }
    markBest(d.best_turn);
    if (!$("after").getAttribute("src") || d.turn === d.best_turn) showResult(id, d.image);
  });
  on("finished", (d) => {
    es.close();
    const status = d.status;
    const kind = status === "finished" ? "done" : "failed";
    let text = status === "finished" ? `Done: ${d.turns} turn${d.turns === 1 ? "" : "s"}, ${d.stop_reason.replace(/_/g, " ")}` : `Stopped: ${status}`;
    if (d.best_turn) text += `; best turn ${d.best_turn}`;
    if (d.accepted === false) text += "; no edit reached the acceptance floor, so the final image is the source";
    if (d.error) text += ` (${d.error})`;
    setStatus(text, kind);
    $("cancel").hidden = true;
    if (d.best_turn) markBest(d.best_turn);
    if (d.final_image) {
      showResult(id, d.final_image);
      $("compare-caption").textContent = d.accepted === false ? "No turn was accepted: both sides show the source." : `Source and final image (turn ${d.best_turn}).`;
    }
    downloads(id, !!d.final_image);
    loadHistory();
  });
  es.onerror = () => {
    if (es.readyState === EventSource.CLOSED) setStatus("The event stream closed; reload to reconnect.", "failed");
  };
}

$("cancel").addEventListener("click", async () => {
  if (!state.job) return;
  try {
    await api(`/api/jobs/${state.job}/cancel`, { method: "POST" });
    setStatus("Cancelling…", "running");
  } catch (e) {
    setStatus(e.message, "failed");
  }
});

// ---- history and benchmarks --------------------------------------------------------------------------

function highlightHistory() {
  for (const tr of $("history-rows").querySelectorAll("tr")) tr.classList.toggle("current", tr.dataset.id === state.job);
}

async function loadHistory() {
  let data;
  try { data = await api("/api/jobs?limit=50"); } catch (e) { return; }
  const rows = $("history-rows");
  rows.textContent = "";
  for (const j of data.jobs) {
    const open = el("button", { type: "button", class: "linklike", text: j.instruction });
    open.addEventListener("click", () => { location.hash = "job=" + j.id; openJob(j.id); });
    const tr = el("tr", { "data-id": j.id },
      el("td", {}, open),
      el("td", { text: j.strategy }),
      el("td", {}, el("span", { class: "pill " + j.status, text: j.status })),
      el("td", { text: String(j.turns) }),
      el("td", { text: j.best_turn ? String(j.best_turn) : "–" }),
      el("td", { text: new Date(j.created).toLocaleString() }));
    rows.append(tr);
  }
  $("history-empty").hidden = data.jobs.length > 0;
  highlightHistory();
}

async function loadBench() {
  let data;
  try { data = await api("/api/bench"); } catch (e) { return; }
  if (!data.configured) return;
  $("bench").hidden = false;
  $("bench-link").hidden = false;
  const ul = $("bench-list");
  ul.textContent = "";
  for (const r of data.runs) {
    const a = el("a", { href: r.report, text: r.name, target: "_blank", rel: "noopener" });
    ul.append(el("li", {}, a, " ", el("span", { class: "muted", text: "· " + new Date(r.modified).toLocaleString() })));
  }
  $("bench-empty").hidden = data.runs.length > 0;
}

$("refresh").addEventListener("click", loadHistory);

async function init() {
  try {
    state.options = await api("/api/options");
  } catch (e) {
    return;
  }
  const profile = $("profile");
  profile.textContent = "";
  for (const p of state.options.profiles) {
    profile.append(el("option", { value: p.name, text: p.name }));
  }
  const strategy = $("strategy");
  strategy.textContent = "";
  strategy.append(el("option", { value: "", text: "from profile" }));
  for (const s of state.options.strategies) strategy.append(el("option", { value: s, text: s }));
  $("instruction").maxLength = state.options.limits.max_instruction_chars;
  loadHistory();
  loadBench();
  const m = /job=([a-z0-9]{16})/.exec(location.hash);
  if (m) openJob(m[1]);
}

init();
