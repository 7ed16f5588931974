import { readFileSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../scripts/lib/read-folder';
import { loadDataset } from './load-dataset';
import type { DatasetFile } from './dataset-files';
import { OGC_CHECK } from './validate-geojson';
import { recordValidity, sha256Hex, trustedValidity, VALIDITY_FILE } from './validity-record';

const FRONT = new URL('../../../geodata/front', import.meta.url).pathname;
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

/** A tiny folder: one snapshot with a valid square and a bow-tie (edges cross; repaired), one clip region. */
function folder(): DatasetFile[] {
  const square = [[[30, 50], [30.1, 50], [30.1, 50.1], [30, 50.1], [30, 50]]];
  const bowtie = [[[31, 50], [31.1, 50.1], [31.1, 50], [31, 50.1], [31, 50]]];
  const snapshot = {
    type: 'FeatureCollection',
    features: [square, bowtie].map((coordinates) => ({ type: 'Feature', properties: { class: 'held' }, geometry: { type: 'Polygon', coordinates } })),
  };
  const land = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[29, 49], [32, 49], [32, 51], [29, 51], [29, 49]]] } };
  const manifest = {
    id: 't', title: 'T', classes: [{ id: 'held', label: 'Held', color: '#ff0000' }],
    measures: [{ id: 'held', label: 'Held', classes: ['held'], clipTo: 'land' }],
    clipRegions: { land: { label: 'Land', file: 'land.geojson' } },
    sources: [{ name: 'test', licenceStatus: 'test', attribution: 'test' }],
    snapshots: [{ dateIso: '2024-08-01', file: '2024-08-01.geojson' }],
  };
  return [
    { path: 'dataset.json', bytes: enc(manifest) },
    { path: '2024-08-01.geojson', bytes: enc(snapshot) },
    { path: 'land.geojson', bytes: enc(land) },
  ];
}

describe('validity record', () => {
  it('names the geometries the OGC step fails, and a trusted load says and keeps what a full load does', async () => {
    const files = folder();
    const record = await recordValidity(files.filter((f) => f.path !== 'dataset.json'));
    expect(record.check).toBe(OGC_CHECK);
    expect(record.files.map((f) => [f.path, f.geometries, f.failing])).toEqual([['2024-08-01.geojson', 2, [1]], ['land.geojson', 1, []]]);
    const withRecord = [...files, { path: VALIDITY_FILE, bytes: enc(record) }];
    const t = await trustedValidity(withRecord);
    expect(t.issues).toEqual([]);
    expect([...t.trusted.keys()]).toEqual(['2024-08-01.geojson', 'land.geojson']);
    const full = loadDataset(files);
    const trusted = loadDataset(withRecord, { trustedValidity: t.trusted });
    expect(trusted.ok && full.ok).toBe(true);
    expect(trusted.issues).toEqual(full.issues);
    expect(full.issues.some((i) => /edges cross/.test(i.reason))).toBe(true);
    if (trusted.ok && full.ok) {
      expect(trusted.value.snapshots).toEqual(full.value.snapshots);
      expect(trusted.value.clipRegions).toEqual(full.value.clipRegions);
    }
  });

  it('is not trusted for a file that changed, nor when made by another check, and says so', async () => {
    const files = folder();
    const record = await recordValidity(files.filter((f) => f.path === 'land.geojson'));
    const changed = files.map((f) => (f.path === 'land.geojson' ? { ...f, bytes: enc({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[29, 49], [33, 49], [33, 51], [29, 51], [29, 49]]] } }) } : f));
    const t = await trustedValidity([...changed, { path: VALIDITY_FILE, bytes: enc(record) }]);
    expect(t.trusted.size).toBe(0);
    expect(t.issues.map((i) => i.reason)).toEqual(['land.geojson is not the file the record was made for (sha256 differs); its polygons checked in full']);
    const other = await trustedValidity([...files, { path: VALIDITY_FILE, bytes: enc({ ...record, check: 'another check' }) }]);
    expect(other.trusted.size).toBe(0);
    expect(other.issues[0]!.reason).toMatch(/made by another check/);
    expect((await trustedValidity(files)).issues).toEqual([]);
  });

  it('geodata/front: its record fits the committed files, and the trusted load is the full load (same snapshots, same issues, the 42 repairs among them)', async () => {
    const files = readDatasetFolder(FRONT).files;
    const record = JSON.parse(readFileSync(`${FRONT}/${VALIDITY_FILE}`, 'utf8')) as { check: string; files: { path: string; sha256: string }[] };
    expect(record.check).toBe(OGC_CHECK);
    const store = files.find((f) => f.path === 'snapshots.store.json.gz')!;
    for (const e of record.files) if (e.path !== store.path) expect(await sha256Hex(files.find((f) => f.path === e.path)!.bytes), e.path).toBe(e.sha256);
    // A host that undoes the store's gzip in transit (Content-Encoding) hands over the JSON: still the recorded file.
    const unzipped = files.map((f) => (f === store ? { path: f.path, bytes: gunzipSync(f.bytes) } : f));
    expect((await trustedValidity(unzipped)).trusted.has(store.path)).toBe(true);
    const t = await trustedValidity(files);
    expect([...t.trusted.keys()].sort()).toEqual(['regions.geojson', 'russia-land.geojson', 'snapshots.store.json.gz', 'ukraine-land.geojson']);
    const trusted = loadDataset(files, { trustedValidity: t.trusted });
    const full = loadDataset(files);
    if (!trusted.ok || !full.ok) throw new Error('the front did not load');
    expect(trusted.issues).toEqual(full.issues);
    expect(full.issues.filter((i) => /invalid geometry \(OGC/.test(i.reason))).toHaveLength(42);
    expect(trusted.value.snapshots.length).toBe(175);
    trusted.value.snapshots.forEach((s, i) => expect(JSON.stringify(s) === JSON.stringify(full.value.snapshots[i]), s.file).toBe(true));
    expect(JSON.stringify(trusted.value.clipRegions) === JSON.stringify(full.value.clipRegions)).toBe(true);
    expect(JSON.stringify(trusted.value.regions) === JSON.stringify(full.value.regions)).toBe(true);
  }, 120_000);
});
