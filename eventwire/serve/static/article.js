// The article view: the text with every extracted item marked by kind. The text is split at every span
// boundary and each piece is a text node inside a <span> whose classes name the kinds covering it, so that
// nothing in an article is ever read as HTML.

import { append, clear, el, safeLink } from "./dom.js";

export const KINDS = [
  ["actor", "actors"], ["place", "places"], ["time", "times"], ["quote", "quotes"], ["trigger", "event words"],
];

function collect(doc, { eventLocalId, quoteId }) {
  const spans = [];
  const add = (span, kind, title, extra = {}) => {
    if (!span || span[1] <= span[0]) return;
    spans.push({ start: span[0], end: span[1], kind, title, ...extra });
  };
  const actorNames = new Map();
  for (const actor of doc.actors || []) {
    actorNames.set(actor.id, actor.name);
    const title = `actor: ${actor.name}${actor.code ? ` (${actor.code})` : ""}${actor.role ? `, ${actor.role}` : ""}`;
    for (const mention of actor.mentions || []) add(mention, "actor", title);
  }
  for (const place of doc.places || []) {
    add(place.span, "place", `place: ${place.name || place.text}${place.country ? `, ${place.country}` : ""}`);
  }
  for (const time of doc.times || []) add(time.span, "time", `time: ${time.value}`);
  for (const quote of doc.quotes || []) {
    const speaker = actorNames.get(quote.speaker);
    add(quote.span, "quote", `quote (${quote.kind})${speaker ? ` by ${speaker}` : ""}`,
      { selected: quote.id === quoteId });
  }
  for (const event of doc.events || []) {
    const title = `event: CAMEO ${event.cameo}${event.plover ? ` ${event.plover}` : ""}, ${event.modality}`;
    add(event.trigger, "trigger", title, { eventId: event.event_id, localId: event.id });
    if (event.id === eventLocalId) add(event.evidence, "evidence", `evidence of the selected event`);
  }
  return spans;
}

export function renderArticle(parts, doc, { eventLocalId = null, quoteId = null, onEvent }) {
  const { title, meta, legend, text } = parts;
  title.textContent = doc.title || "(untitled article)";
  clear(meta);
  append(meta, [
    doc.source || "", doc.source ? " · " : "", (doc.published && doc.published.value) || "undated",
    doc.url ? " · " : "", doc.url ? safeLink(doc.url, "original") : null,
    (doc.near_duplicates || []).length ? ` · ${doc.near_duplicates.length} near-duplicate(s)` : "",
  ]);
  clear(legend);
  for (const [kind, name] of KINDS) {
    const box = el("input", { type: "checkbox", checked: true, "data-kind": kind,
      onchange: (e) => text.classList.toggle(`hide-${kind}`, !e.target.checked) });
    legend.append(el("label", {}, box, el("span", { class: `swatch sw-${kind}` }), name));
  }
  if (eventLocalId) legend.append(el("span", {}, el("span", { class: "swatch sw-evidence" }), "evidence"));

  const body = doc.text || "";
  const spans = collect(doc, { eventLocalId, quoteId });
  const cuts = new Set([0, body.length]);
  for (const span of spans) {
    cuts.add(Math.max(0, Math.min(body.length, span.start)));
    cuts.add(Math.max(0, Math.min(body.length, span.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  clear(text);
  for (const kind of KINDS.map(([k]) => k)) text.classList.remove(`hide-${kind}`);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = body.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const classes = new Set(covering.map((s) => `s-${s.kind}`));
    if (covering.some((s) => s.kind === "quote" && s.selected)) classes.add("s-selected-quote");
    const node = el("span", { class: [...classes].join(" "), title: covering.map((s) => s.title).join("\n") }, piece);
    const trigger = covering.find((s) => s.kind === "trigger" && s.eventId);
    if (trigger) {
      node.dataset.event = trigger.eventId;
      node.dataset.local = trigger.localId;
      node.addEventListener("click", () => onEvent(trigger.eventId, doc.id, trigger.localId));
    }
    fragment.append(node);
  }
  text.append(fragment);
  const focus = text.querySelector(".s-evidence") || text.querySelector(".s-selected-quote");
  if (focus) focus.scrollIntoView({ block: "center" });
}
