// Build step for eventwire's page (run at development time only: `npm ci && npm run build` in web/).
//
// The page itself (index.html, app.js, app.css under eventwire/serve/static/) is hand-written and needs no build.
// This script copies what the page takes from npm packages into eventwire/serve/static/vendor/, where it is
// committed, so that neither installing nor running eventwire needs npm or the internet:
//   - Leaflet (BSD-2-Clause): the map;
//   - world.geojson: country outlines from world-atlas's countries-110m.json (ISC), itself Natural Earth's
//     1:110m Admin 0 boundaries (public domain), converted to GeoJSON with topojson-client and rounded to
//     0.01 degree.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "eventwire", "serve", "static", "vendor");
mkdirSync(join(out, "leaflet"), { recursive: true });

for (const name of ["leaflet.js", "leaflet.css"]) {
  copyFileSync(join(modules, "leaflet", "dist", name), join(out, "leaflet", name));
}
copyFileSync(join(modules, "leaflet", "LICENSE"), join(out, "leaflet", "LICENSE"));

const topology = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-110m.json"), "utf8"));
const round = (value) => Math.round(value * 100) / 100;
const roundCoordinates = (coords) => (typeof coords[0] === "number" ? coords.map(round) : coords.map(roundCoordinates));
const countries = feature(topology, topology.objects.countries);
for (const item of countries.features) {
  item.geometry.coordinates = roundCoordinates(item.geometry.coordinates);
  item.properties = { name: item.properties.name };
}
writeFileSync(join(out, "world.geojson"), JSON.stringify(countries));
copyFileSync(join(modules, "world-atlas", "LICENSE"), join(out, "world-atlas.LICENSE"));

const versions = Object.fromEntries(["leaflet", "world-atlas", "topojson-client"].map(
  (name) => [name, JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8")).version]));
writeFileSync(join(out, "versions.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`vendored into ${out}:`, versions);
