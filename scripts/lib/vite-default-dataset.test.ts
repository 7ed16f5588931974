import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDatasetBundle, type DatasetBundle } from './vite-default-dataset';
import { loadDataset } from '../../src/lib/data/load-dataset';

describe('default dataset bundle', () => {
  it('holds every file the manifest names, byte for byte, and loads like the folder', () => {
    const bundle = JSON.parse(buildDatasetBundle('geodata/kursk')) as DatasetBundle;
    const manifest = JSON.parse(readFileSync('geodata/kursk/dataset.json', 'utf8'));
    const paths = new Set(bundle.files.map((f) => f.path));
    for (const s of manifest.snapshots) expect(paths.has(s.file)).toBe(true);
    for (const p of ['dataset.json', 'claims.json', 'places.geojson', 'russia-land.geojson', 'place-claims.csv']) expect(paths.has(p)).toBe(true);
    expect(bundle.files.find((f) => f.path === 'snapshots/2024-08-20.geojson')!.text).toBe(readFileSync('geodata/kursk/snapshots/2024-08-20.geojson', 'utf8'));
    const encoder = new TextEncoder();
    const loaded = loadDataset(bundle.files.map((f) => ({ path: f.path, bytes: encoder.encode(f.text) })));
    expect(loaded.ok).toBe(true);
    expect(loaded.issues.filter((i) => i.severity === 'error')).toEqual([]);
    if (loaded.ok) expect(loaded.value.snapshots).toHaveLength(manifest.snapshots.length);
  });
});
