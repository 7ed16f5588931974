// `npm run build:data -- <dataset-dir> [--out <dir>] [--max-zoom 10] [--no-geojson]`: turns a dataset of dated
// snapshots (a folder with dataset.json, or a bare folder of YYYY-MM-DD.geojson) into what the app serves at
// scale: index.json (dates, run table, areas per snapshot per class), claims.pmtiles (every distinct polygon once,
// with uid, class, first, last) and features.geojson (the same polygons, for datasets small enough to load whole).
// See docs/performance.md. Default output: bench/out/data/<dataset folder name>/ (git-ignored).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildData, OUTPUT_FILES } from './lib/data-build';
import { convertDatasetInput, openDataset } from './lib/dataset-input';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const outArg = flag('out');
const maxZoom = flag('max-zoom');
const noGeojson = args.includes('--no-geojson');
const positional = args.filter((a) => !a.startsWith('--'));
if (positional.length !== 1) {
  console.error('usage: npm run build:data -- <dataset-dir> [--out <dir>] [--max-zoom 10] [--no-geojson]');
  process.exit(2);
}
const dir = resolve(positional[0]!);
const outDir = resolve(outArg ?? join(repoRoot, 'bench/out/data', basename(dir)));

const t0 = performance.now();
// Snapshot files in other formats go through the app's converters first (the build itself reads one at a time).
const input = openDataset(dir);
await convertDatasetInput(input);
const result = buildData(input, {
  geojson: !noGeojson,
  ...(maxZoom !== undefined ? { maxZoom: Number(maxZoom) } : {}),
  onSnapshot: (i, n) => { if (process.stderr.isTTY && i % 50 === 0) process.stderr.write(`\rreading ${i}/${n}`); },
});
mkdirSync(outDir, { recursive: true });
const indexText = JSON.stringify(result.index);
writeFileSync(join(outDir, OUTPUT_FILES.index), indexText);
writeFileSync(join(outDir, OUTPUT_FILES.tiles), result.pmtiles);
if (result.geojson !== undefined) writeFileSync(join(outDir, OUTPUT_FILES.geojson), result.geojson);
const totalMs = performance.now() - t0;

const mb = (n: number): string => `${(n / 1e6).toFixed(2)} MB`;
const { stats } = result.index;
const r = result.report;
const indexGz = gzipSync(indexText).length;
const geojsonGz = result.geojson !== undefined ? gzipSync(result.geojson).length : 0;
console.log([
  `build:data ${dir} → ${outDir}`,
  `  snapshots ${stats.snapshots}; published features ${stats.publishedFeatures} → distinct geometries ${stats.storedFeatures} ` +
    `(${(stats.publishedFeatures / Math.max(1, stats.storedFeatures)).toFixed(1)}×); vertices ${stats.publishedVertices} → ${stats.storedVertices} ` +
    `(${(stats.publishedVertices / Math.max(1, stats.storedVertices)).toFixed(1)}×)`,
  `  input ${mb(r.inputBytes)} GeoJSON → index.json ${mb(indexText.length)} (${mb(indexGz)} gz), claims.pmtiles ${mb(result.pmtiles.length)} ` +
    `(${r.tiles} tiles z${result.index.tiles.minZoom}–${result.index.tiles.maxZoom}, largest ${mb(r.largestTileBytes)} raw)` +
    (result.geojson !== undefined ? `, features.geojson ${mb(result.geojson.length)} (${mb(geojsonGz)} gz)` : ''),
  `  time ${(totalMs / 1000).toFixed(1)} s: read+store ${(r.readMs / 1000).toFixed(1)} s, areas ${(r.areaMs / 1000).toFixed(1)} s (${r.unions} unions), tiles ${(r.tileMs / 1000).toFixed(1)} s; ` +
    `peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  `  issues: ${result.index.issues.filter((i) => i.severity === 'error').length} errors, ${result.index.issues.filter((i) => i.severity === 'warning').length} warnings`,
].join('\n'));
