// The map: country outlines (Natural Earth, bundled) and one marker per located event, drawn by Leaflet
// without any tile server, so that it works offline.

import { QUAD_COLORS } from "./dom.js";

const L = window.L;

export function createMap(container, { onEvent }) {
  const map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 10, attributionControl: true,
    zoomSnap: 0.5 }).setView([30, 15], 1.5);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  const outlines = L.geoJSON(null, { interactive: false,
    style: { color: "#9aa8b8", weight: 0.6, fillColor: "#f7f8f5", fillOpacity: 1 } }).addTo(map);
  fetch("/static/vendor/world.geojson").then((r) => r.json()).then((world) => outlines.addData(world))
    .catch(() => { /* the markers still show without outlines */ });
  const markers = L.layerGroup().addTo(map);

  return {
    show(events) {
      markers.clearLayers();
      const points = [];
      for (const event of events) {
        if (event.lat === null || event.lon === null || event.lat === undefined) continue;
        const radius = 4 + Math.min(8, 2 * Math.log2(1 + (event.mentions || 1)));
        const marker = L.circleMarker([event.lat, event.lon], { radius, weight: 1, color: "#fff",
          fillColor: QUAD_COLORS[event.quad_class] || "#666", fillOpacity: 0.85, className: "event-marker" });
        const who = [event.source_name, event.target_name].filter(Boolean).join(" → ");
        // Leaflet puts a string tooltip in as HTML: give it an element holding plain text instead
        const tip = document.createElement("span");
        tip.textContent = `${event.date || "undated"} · ${event.cameo}${event.plover ? " " + event.plover : ""}` +
          `${who ? " · " + who : ""}${event.place_name ? " · " + event.place_name : ""}`;
        marker.bindTooltip(tip, { sticky: true });
        marker.on("click", () => onEvent(event.id));
        marker.addTo(markers);
        points.push([event.lat, event.lon]);
      }
      if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.3), { maxZoom: 5, animate: false });
      return points.length;
    },
    bbox() {
      const b = map.getBounds();
      const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
      return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180),
        clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(2)).join(",");
    },
    resize() {
      map.invalidateSize();
    },
  };
}
