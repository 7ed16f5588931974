// `npx tsx scripts/converter-report.ts`: what the converters make of their fixtures, beside the same data as
// GeoJSON (feature counts, area per class: union, unclipped, the app's method), and, after `npx vite build`, what
// each format costs to download (the chunks fetched when a file of that format is opened, gzip -9).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { classAreasKm2 } from '../src/lib/domain/area';
import type { ControlFeature } from '../src/lib/domain/types';
import { suggestClass } from '../src/lib/data/conventions';
import { convertDatasetFiles } from '../src/lib/data/convert/convert-files';
import { provenanceOf } from '../src/lib/data/convert/provenance';

const FX = 'src/lib/data/convert/fixtures';
const NZZ_TYPE: Record<string, string> = { losses: 'ukraine_advance_in_russia', gains: 'russian_gain_recent', nochange: 'russian_held' };
/** The class each converted feature has in the GeoJSON it came from: ISW by layer name, NZZ by its type. */
const classOf = (p: Record<string, unknown>): string =>
  typeof p.nzz_type === 'string' ? NZZ_TYPE[p.nzz_type] ?? '?' : suggestClass(provenanceOf(p)?.layer ?? '')?.classId ?? suggestClass(String(p.isw_layer ?? ''))?.classId ?? '?';

const cases: [string, string, string][] = [
  ['TopoJSON', 'topojson/2024-08-25.topojson', 'isw/2024-08-25.geojson'],
  ['TopoJSON', 'topojson/2024-12-15.topojson', 'isw/2024-12-15.geojson'],
  ['KML', 'kml/2025-03-16.kml', 'nzz/2025-03-16.geojson'],
  ['KMZ', 'kml/2024-12-15.kmz', 'nzz/2024-12-15.geojson'],
  ['KMZ', 'kml/2025-03-16.kmz', 'nzz/2025-03-16.geojson'],
  ['Shapefile (WGS 84)', 'shapefile/2025-01-19.zip', 'isw/2025-01-19.geojson'],
  ['Shapefile (UTM 36N)', 'shapefile/2025-01-19-utm36n.zip', 'isw/2025-01-19.geojson'],
  ['Esri JSON (Web Mercator)', 'esri/2025-01-19.json', 'isw/2025-01-19.geojson'],
  ['Esri JSON (WGS 84)', 'esri/2025-03-16.json', 'isw/2025-03-16.geojson'],
];

console.log('| format | fixture | features (converted / GeoJSON) | class | km² converted | km² GeoJSON | difference |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const [format, file, ref] of cases) {
  const r = await convertDatasetFiles([{ path: file.split('/').pop()!, bytes: readFileSync(join(FX, file)) }]);
  const got = ((r.files[0]!.converted!.json as { features: ControlFeature[] }).features).map((f) => ({ ...f, properties: { ...f.properties, class: classOf(f.properties) } }));
  const [set, date] = ref.split('/') as [string, string];
  const want = (JSON.parse(readFileSync(join('geodata', `kursk-${set}`, 'snapshots', date), 'utf8')) as { features: ControlFeature[] }).features;
  const ids = [...new Set(want.map((f) => f.properties.class))];
  const a = classAreasKm2(got, ids);
  const b = classAreasKm2(want, ids);
  ids.forEach((id, i) => {
    const diff = b[id]! === 0 ? 0 : (a[id]! / b[id]! - 1) * 100;
    console.log(`| ${i === 0 ? format : ''} | ${i === 0 ? file : ''} | ${i === 0 ? `${got.length} / ${want.length}` : ''} | ${id} | ${a[id]!.toFixed(1)} | ${b[id]!.toFixed(1)} | ${diff >= 0 ? '+' : '−'}${Math.abs(diff).toFixed(3)} % |`);
  });
}

const ASSETS = 'dist/assets';
if (existsSync(ASSETS)) {
  const names = readdirSync(ASSETS);
  const chunk = (prefix: string) => names.find((n) => n.startsWith(`${prefix}-`) && n.endsWith('.js'));
  /** A chunk's name without its content hash: `esri-json-6xY1j0S2.js` → `esri-json`. */
  const base = (n: string) => n.replace(/-[A-Za-z0-9_-]{8}\.js$/, '');
  const gz = (n: string) => gzipSync(readFileSync(join(ASSETS, n)), { level: 9 }).length;
  /** A chunk and the chunks it imports statically, less those already loaded with the load worker (`loaded`). */
  const closure = (start: string, loaded: ReadonlySet<string> = workerChunks): string[] => {
    const seen = new Set<string>();
    const visit = (n: string) => {
      if (seen.has(n) || loaded.has(n)) return;
      seen.add(n);
      for (const m of readFileSync(join(ASSETS, n), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
    };
    visit(start);
    return [...seen];
  };
  const workerStart = names.find((n) => n.startsWith('load.worker-'));
  const workerChunks: ReadonlySet<string> = new Set(workerStart ? closure(workerStart, new Set()) : []);
  const proj4 = names.find((n) => n.endsWith('.js') && readFileSync(join(ASSETS, n), 'utf8').includes('+title=WGS 84 (long/lat)'));
  console.log('\n| format | chunks fetched when such a file is opened | gzip -9 |');
  console.log('| --- | --- | --- |');
  for (const [format, prefix] of [['TopoJSON', 'topojson'], ['KML', 'kml'], ['KMZ', 'kmz'], ['zipped Shapefile', 'shapefile'], ['Esri JSON', 'esri-json']] as const) {
    const c = chunk(prefix);
    if (!c) continue;
    const files = prefix === 'shapefile' ? [...new Set([...closure(c), ...closure(chunk('zip')!)])] : closure(c);
    const total = files.reduce((n, f) => n + gz(f), 0);
    console.log(`| ${format} | ${files.map((f) => `${base(f)} ${(gz(f) / 1024).toFixed(1)} kB`).join(', ')} | ${(total / 1024).toFixed(1)} kB |`);
  }
  if (proj4) console.log(`| Esri JSON, not in WGS 84 | + proj4 (${base(proj4)}) ${(gz(proj4) / 1024).toFixed(1)} kB | |`);
  const workerGz = [...workerChunks].reduce((n, f) => n + gz(f), 0);
  console.log(`\nload worker (always loaded to check data): ${[...workerChunks].map(base).join(', ')}, ${(workerGz / 1024).toFixed(1)} kB gzip -9`);
}
