// eventwire's page: filters, timeline, map and tables over the API, and a reader for events and articles.
// The page's state lives in the address (#?actor=...&event=...), so that a view can be bookmarked and shared.

import { ApiError, get, setToken } from "./api.js";
import { renderArticle } from "./article.js";
import { QUAD_NAMES, append, clear, el, quadDot, safeLink } from "./dom.js";
import { createMap } from "./map.js";
import { drawTimeline } from "./timeline.js";

const FILTERS = ["actor", "country", "code", "quad_class", "modality", "since", "until", "place", "source", "bbox"];
const VIEW = ["by", "split", "sort", "tab", "speaker", "text"];
const READER = ["event", "doc", "local", "quote"];
const $ = (id) => document.getElementById(id);

let state = {};
let loadedFilters = null;
let loadedReader = null;
const cursors = {};
let map = null;

// -- state in the address ------------------------------------------------------------------------------------

function readState() {
  const params = new URLSearchParams(location.hash.replace(/^#\??/, ""));
  const out = {};
  for (const key of [...FILTERS, ...VIEW, ...READER]) if (params.get(key)) out[key] = params.get(key);
  return out;
}

function writeState(changes) {
  const next = { ...state, ...changes };
  const params = new URLSearchParams();
  for (const key of [...FILTERS, ...VIEW, ...READER]) if (next[key]) params.set(key, next[key]);
  const hash = `#?${params.toString()}`;
  if (hash !== location.hash) location.hash = hash;
  else render();
}

const filters = () => Object.fromEntries(FILTERS.filter((k) => state[k]).map((k) => [k, state[k]]));

// -- messages --------------------------------------------------------------------------------------------------

function showError(error) {
  if (error instanceof ApiError && (error.status === 401 || (error.status === 403 && error.code === "bad_token"))) {
    $("token-form").hidden = false;
    $("token").focus();
  }
  const box = $("message");
  box.textContent = error instanceof ApiError ? `${error.message} (${error.code})` : String(error);
  box.hidden = false;
}

function clearError() {
  $("message").hidden = true;
}

async function guarded(task) {
  try {
    await task();
  } catch (error) {
    showError(error);
  }
}

// -- overview: stats, timeline, map, tables --------------------------------------------------------------------

async function loadStats() {
  const stats = await get("/stats");
  const t = stats.tables;
  $("stats").textContent = `${t.documents} articles · ${t.events} events from ${t.event_mentions} reports · ` +
    `${t.quotes} quotes · ${t.actors} actor mentions`;
}

async function loadTimeline() {
  const by = state.by || "month";
  const split = state.split || "quad_class";
  $("by").value = by;
  $("split").value = split;
  const answer = await get("/timeline", { ...filters(), by, split });
  const total = answer.items.reduce((sum, row) => sum + row.events, 0);
  $("timeline-total").textContent = `${total} dated events`;
  drawTimeline($("timeline"), $("timeline-legend"), answer.items, {
    by, split, selected: state.since && state.until ? state.since : null,
    onSelect: (first, last) => writeState({ since: first, until: last, event: null, local: null }),
  });
}

async function loadMap() {
  const answer = await get("/events", { ...filters(), bbox: state.bbox || "-180,-90,180,90", sort: "-mentions",
    limit: 1000 });
  const shown = map.show(answer.items);
  $("map-note").textContent = `${shown} located events${answer.next_cursor ? " (the 1,000 most reported)" : ""}`;
}

function eventRow(event) {
  const row = el("tr", { "data-id": event.id, class: state.event === event.id ? "selected" : null,
    onclick: () => writeState({ event: event.id, doc: null, local: null, quote: null }) },
  el("td", {}, event.date || ""),
  el("td", {}, event.source_name || ""),
  el("td", { class: "nowrap" }, quadDot(event.quad_class), el("span", { class: "code" }, event.cameo),
    event.plover ? ` ${event.plover}` : ""),
  el("td", {}, event.target_name || ""),
  el("td", {}, el("span", { class: `badge ${event.modality}` }, event.modality)),
  el("td", {}, event.place_name || ""),
  el("td", {}, event.mentions),
  el("td", {}, event.articles));
  return row;
}

async function loadEvents(more = false) {
  const body = $("events-table").querySelector("tbody");
  const sort = state.sort || "-date";
  $("sort").value = sort;
  const answer = await get("/events", { ...filters(), sort, limit: 50, cursor: more ? cursors.events : null,
    total: more ? null : true });
  if (!more) {
    clear(body);
    $("events-total").textContent = `${answer.total} events`;
    if (!answer.items.length) body.append(el("tr", {}, el("td", { colspan: 8, class: "empty" }, "No events match these filters.")));
  }
  for (const event of answer.items) body.append(eventRow(event));
  cursors.events = answer.next_cursor;
  $("events-more").hidden = !answer.next_cursor;
}

async function loadQuotes(more = false) {
  const body = $("quotes-table").querySelector("tbody");
  const form = $("quote-search");
  form.speaker.value = state.speaker || "";
  form.text.value = state.text || "";
  const answer = await get("/quotes", { speaker: state.speaker, text: state.text, source: state.source,
    since: state.since, until: state.until, limit: 50, cursor: more ? cursors.quotes : null });
  if (!more) clear(body);
  if (!more && !answer.items.length) body.append(el("tr", {}, el("td", { colspan: 4, class: "empty" }, "No quotes.")));
  for (const quote of answer.items) {
    body.append(el("tr", { onclick: () => writeState({ doc: quote.doc_id, quote: quote.id, event: null, local: null }) },
      el("td", {}, quote.published ? quote.published.slice(0, 10) : ""),
      el("td", {}, quote.speaker || "(unknown)"),
      el("td", { class: "quote" }, `“${quote.text}”`),
      el("td", {}, quote.source || "")));
  }
  cursors.quotes = answer.next_cursor;
  $("quotes-more").hidden = !answer.next_cursor;
}

async function loadDocuments(more = false) {
  const body = $("documents-table").querySelector("tbody");
  const answer = await get("/documents", { source: state.source, since: state.since, until: state.until, limit: 50,
    cursor: more ? cursors.documents : null });
  if (!more) clear(body);
  for (const doc of answer.items) {
    body.append(el("tr", { onclick: () => writeState({ doc: doc.id, event: null, local: null, quote: null }) },
      el("td", {}, doc.published ? doc.published.slice(0, 10) : ""),
      el("td", {}, doc.title || doc.record_id || doc.id),
      el("td", {}, doc.source || ""),
      el("td", {}, doc.events),
      el("td", {}, doc.quotes)));
  }
  cursors.documents = answer.next_cursor;
  $("documents-more").hidden = !answer.next_cursor;
}

async function loadActors() {
  const body = $("actors-table").querySelector("tbody");
  const answer = await get("/actors", { name: state.actor, country: state.country, limit: 200 });
  clear(body);
  for (const actor of answer.items) {
    body.append(el("tr", { title: "show this actor's events",
      onclick: () => writeState({ actor: actor.code || actor.name, tab: "events", event: null }) },
    el("td", {}, actor.name || ""), el("td", { class: "code" }, actor.code || ""), el("td", {}, actor.country || ""),
    el("td", {}, actor.documents), el("td", {}, actor.as_source), el("td", {}, actor.as_target),
    el("td", {}, actor.quotes)));
  }
}

const TAB_LOADERS = { events: loadEvents, quotes: loadQuotes, documents: loadDocuments, actors: loadActors };

function showTab(tab) {
  for (const button of document.querySelectorAll(".tabs button")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  }
  for (const name of Object.keys(TAB_LOADERS)) $(`tab-${name}`).hidden = name !== tab;
}

function fillFilterForm() {
  const form = $("filters");
  for (const key of FILTERS) if (form.elements[key]) form.elements[key].value = state[key] || "";
  const note = $("bbox-note");
  note.hidden = !state.bbox;
  clear(note);
  if (state.bbox) {
    append(note, [`within ${state.bbox} `, el("button", { type: "button", onclick: () => writeState({ bbox: null }) }, "anywhere")]);
  }
}

async function loadOverview() {
  fillFilterForm();
  const tab = state.tab || "events";
  showTab(tab);
  await Promise.all([loadTimeline(), loadMap(), TAB_LOADERS[tab]()]);
}

// -- the reader: one event and the article its evidence is in --------------------------------------------------

function actorsText(names, fallback) {
  return names && names.length ? names.join(", ") : fallback || "—";
}

function renderEvent(event, shownDoc, shownLocal) {
  const body = clear($("event-body"));
  const agreement = Object.entries(event.agreement || {}).filter(([, v]) => v !== null)
    .map(([k, v]) => `${k} ${Math.round(v * 100)}%`).join(", ");
  const dl = el("dl", {},
    el("dt", {}, "Who"), el("dd", { class: "who" }, el("b", {}, event.source_name || "—"), " → ",
      el("b", {}, event.target_name || "—")),
    el("dt", {}, "Codes"), el("dd", {}, quadDot(event.quad_class), el("span", { class: "code" }, `CAMEO ${event.cameo}`),
      event.plover ? ` · PLOVER ${event.plover}` : "",
      event.quad_class ? ` · quad class ${event.quad_class} (${QUAD_NAMES[event.quad_class]})` : "",
      event.goldstein !== null && event.goldstein !== undefined ? ` · Goldstein ${event.goldstein}` : ""),
    el("dt", {}, "Actor codes"), el("dd", { class: "code" }, `${event.source_code || "—"} → ${event.target_code || "—"}`),
    el("dt", {}, "Modality"), el("dd", {}, el("span", { class: `badge ${event.modality}` }, event.modality)),
    el("dt", {}, "Date"), el("dd", {}, event.date || "undated"),
    el("dt", {}, "Place"), el("dd", {}, event.place_name
      ? `${event.place_name}${event.country ? ` (${event.country})` : ""}${event.lat !== null ? ` · ${event.lat}, ${event.lon}` : ""}`
      : "—"),
    el("dt", {}, "Reports"), el("dd", {}, `${event.mentions} in ${event.articles} article(s) from ${event.sources} site(s)`),
    agreement ? el("dt", {}, "Agreement") : null, agreement ? el("dd", {}, agreement) : null);
  body.append(dl);
  const list = el("ol", { class: "reports" });
  for (const report of event.reports || []) {
    const current = report.doc_id === shownDoc && report.local_id === shownLocal;
    const evidence = el("p", { class: "evidence" });
    const text = report.evidence_text || "";
    const trigger = report.trigger_text || "";
    const at = trigger && report.trigger && report.evidence ? report.trigger[0] - report.evidence[0] : -1;
    if (at >= 0 && at + trigger.length <= text.length) {
      append(evidence, [text.slice(0, at), el("b", {}, text.slice(at, at + trigger.length)), text.slice(at + trigger.length)]);
    } else {
      evidence.textContent = text;
    }
    list.append(el("li", { class: current ? "current" : null, "data-doc": report.doc_id },
      el("div", { class: "meta" }, report.source || "", " · ", report.published ? report.published.slice(0, 10) : "undated",
        " · ", report.title || report.doc_id, " · ", `${actorsText(report.source_actors)} → ${actorsText(report.target_actors)}`,
        report.date ? ` · ${report.date}` : "", report.place_name ? ` · ${report.place_name}` : ""),
      evidence,
      el("button", { type: "button", class: "show-evidence",
        onclick: () => writeState({ doc: report.doc_id, local: report.local_id }) }, "Show in the article"),
      " ", report.url ? safeLink(report.url, "original") : null));
  }
  body.append(el("h3", {}, "Evidence"), list);
}

async function loadReader() {
  const eventId = state.event;
  let docId = state.doc;
  let local = state.local;
  $("reader-hint").hidden = Boolean(eventId || docId);
  $("event-panel").hidden = !eventId;
  $("article").hidden = !(eventId || docId);
  let event = null;
  if (eventId) {
    event = await get(`/events/${encodeURIComponent(eventId)}`);
    const first = (event.reports || []).find((r) => !docId || r.doc_id === docId) || (event.reports || [])[0];
    if (first && (!docId || !local)) {
      docId = first.doc_id;
      local = first.local_id;
    }
    renderEvent(event, docId, local);
  }
  if (docId) {
    const doc = await get(`/documents/${encodeURIComponent(docId)}`);
    renderArticle({ title: $("article-title"), meta: $("article-meta"), legend: $("article-legend"), text: $("article-text") },
      doc, { eventLocalId: event ? local : null, quoteId: state.quote,
        onEvent: (id, doc, localId) => writeState({ event: id, doc, local: localId, quote: null }) });
  }
  for (const row of document.querySelectorAll("#events-table tbody tr")) {
    row.classList.toggle("selected", row.dataset.id === eventId);
  }
}

// -- wiring ----------------------------------------------------------------------------------------------------

async function render() {
  state = readState();
  clearError();
  const filterKey = JSON.stringify([filters(), ...VIEW.map((k) => state[k] || "")]);
  const readerKey = JSON.stringify(READER.map((k) => state[k] || ""));
  const tasks = [];
  if (filterKey !== loadedFilters) {
    loadedFilters = filterKey;
    tasks.push(guarded(loadOverview));
  }
  if (readerKey !== loadedReader) {
    loadedReader = readerKey;
    tasks.push(guarded(loadReader));
  }
  await Promise.all(tasks);
  document.body.dataset.ready = String(Date.now());
}

function wire() {
  $("filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const form = e.target;
    const changes = { event: null, local: null };
    for (const key of FILTERS) if (form.elements[key]) changes[key] = form.elements[key].value.trim() || null;
    writeState(changes);
  });
  $("clear").addEventListener("click", () => writeState(Object.fromEntries(FILTERS.map((k) => [k, null]))));
  $("by").addEventListener("change", (e) => writeState({ by: e.target.value }));
  $("split").addEventListener("change", (e) => writeState({ split: e.target.value }));
  $("sort").addEventListener("change", (e) => writeState({ sort: e.target.value }));
  for (const button of document.querySelectorAll(".tabs button")) {
    button.addEventListener("click", () => writeState({ tab: button.dataset.tab }));
  }
  $("quote-search").addEventListener("submit", (e) => {
    e.preventDefault();
    writeState({ speaker: e.target.speaker.value.trim() || null, text: e.target.text.value.trim() || null, tab: "quotes" });
  });
  $("events-more").addEventListener("click", () => guarded(() => loadEvents(true)));
  $("quotes-more").addEventListener("click", () => guarded(() => loadQuotes(true)));
  $("documents-more").addEventListener("click", () => guarded(() => loadDocuments(true)));
  $("map-filter").addEventListener("click", () => writeState({ bbox: map.bbox(), event: null }));
  for (const button of document.querySelectorAll("[data-close]")) {
    button.addEventListener("click", () => writeState(button.dataset.close === "article"
      ? { doc: null, local: null, quote: null, event: null } : { event: null, local: null }));
  }
  $("token-form").addEventListener("submit", (e) => {
    e.preventDefault();
    setToken($("token").value.trim());
    $("token-form").hidden = true;
    loadedFilters = loadedReader = null;
    guarded(loadStats);
    render();
  });
  window.addEventListener("hashchange", render);
}

map = createMap($("map"), { onEvent: (id) => writeState({ event: id, doc: null, local: null, quote: null }) });
wire();
guarded(loadStats);
render();
