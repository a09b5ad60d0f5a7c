// The timeline: events per period as stacked bars (by quad class or CAMEO root code), drawn as SVG.
// Clicking a bar calls onSelect(first day, last day) of its period.

import { QUAD_COLORS, QUAD_NAMES, clear, el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const ROOT_COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
  "#9c755f", "#bab0ac", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666",
  "#8dd3c7", "#fb8072"];

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function day(text) {
  const [y, m, d] = text.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const iso = (date) => date.toISOString().slice(0, 10);

function step(date, by) {
  const next = new Date(date);
  if (by === "day") next.setUTCDate(next.getUTCDate() + 1);
  else if (by === "week") next.setUTCDate(next.getUTCDate() + 7);
  else if (by === "month") next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCFullYear(next.getUTCFullYear() + 1);
  return next;
}

export function periodEnd(start, by) {
  const end = step(day(start), by);
  end.setUTCDate(end.getUTCDate() - 1);
  return iso(end);
}

function label(period, by) {
  if (by === "year") return period.slice(0, 4);
  if (by === "month") return period.slice(0, 7);
  return period;
}

// Every period from the first to the last (gaps as empty bars), unless that would be too many to draw.
function periods(found, by) {
  const sorted = [...new Set(found)].sort();
  if (sorted.length < 2) return sorted;
  const all = [];
  for (let d = day(sorted[0]); iso(d) <= sorted[sorted.length - 1] && all.length <= 400; d = step(d, by)) all.push(iso(d));
  return all.length > 400 ? sorted : all;
}

export function groupColor(split, group) {
  if (split === "quad_class") return QUAD_COLORS[group] || "#999";
  const index = Number.parseInt(group, 10);
  return Number.isNaN(index) ? "#999" : ROOT_COLORS[(index - 1 + ROOT_COLORS.length) % ROOT_COLORS.length];
}

function groupName(split, group) {
  if (split === "quad_class") return `${group} ${QUAD_NAMES[group] || ""}`.trim();
  return `CAMEO ${group}`;
}

export function drawTimeline(container, legend, rows, { by, split, selected, onSelect }) {
  clear(container);
  clear(legend);
  if (!rows.length) {
    container.append(el("p", { class: "empty" }, "No dated events match these filters."));
    return;
  }
  const counts = new Map();
  const groups = new Set();
  for (const row of rows) {
    const group = row[split] ?? "?";
    groups.add(String(group));
    if (!counts.has(row.period)) counts.set(row.period, new Map());
    const perGroup = counts.get(row.period);
    perGroup.set(String(group), (perGroup.get(String(group)) || 0) + row.events);
  }
  const order = [...groups].sort();
  const all = periods([...counts.keys()], by);
  const totals = all.map((p) => [...(counts.get(p)?.values() || [])].reduce((a, b) => a + b, 0));
  const peak = Math.max(...totals, 1);
  const width = Math.max(container.clientWidth, 300);
  const height = Math.max(container.clientHeight, 120);
  const left = 30, bottom = 18, top = 6;
  const slot = (width - left - 4) / all.length;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
  const scale = (value) => (value / peak) * (height - bottom - top);
  chart.append(svg("line", { class: "axis", x1: left, x2: width, y1: height - bottom, y2: height - bottom }));
  chart.append(svg("text", { x: left - 4, y: top + 8, "text-anchor": "end" }, String(peak)));
  chart.append(svg("text", { x: left - 4, y: height - bottom, "text-anchor": "end" }, "0"));
  const every = Math.ceil(all.length / Math.max(1, Math.floor((width - left) / 70)));
  all.forEach((period, i) => {
    const x = left + i * slot;
    const total = totals[i];
    const g = svg("g", { class: `period${selected === period ? " selected" : ""}`, "data-period": period });
    g.append(svg("rect", { class: "bg", x, y: top, width: slot, height: height - bottom - top, fill: "transparent" }));
    let y = height - bottom;
    for (const group of order) {
      const value = counts.get(period)?.get(group) || 0;
      if (!value) continue;
      const h = scale(value);
      y -= h;
      const barWidth = Math.min(Math.max(slot * 0.8, 1), 48);
      const bar = svg("rect", { class: "bar", x: x + (slot - barWidth) / 2, y, width: barWidth, height: h,
        fill: groupColor(split, group), "data-period": period, "data-group": group });
      bar.append(svg("title", {}, `${label(period, by)}: ${value} ${groupName(split, group)} (of ${total})`));
      g.append(bar);
    }
    if (total) g.addEventListener("click", () => onSelect(period, periodEnd(period, by)));
    if (i % every === 0) g.append(svg("text", { x: x + slot / 2, y: height - 4, "text-anchor": "middle" }, label(period, by)));
    chart.append(g);
  });
  container.append(chart);
  for (const group of order) {
    legend.append(el("span", {}, el("span", { class: "swatch", style: `background:${groupColor(split, group)}` }),
      groupName(split, group)));
  }
}
