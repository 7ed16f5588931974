// loadDataset's `places: false`: a caller that reads only areas does not pay for decoding and checking the places.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, type DatasetFile } from './load-dataset';

const KURSK = join(import.meta.dirname, '../../../geodata/kursk');

function readDir(dir: string): DatasetFile[] {
  const out: DatasetFile[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p).split('\\').join('/'), bytes: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

describe('loadDataset: places only when asked for', () => {
  const files = readDir(KURSK);

  it('reads the places file and the place claims by default', () => {
    const decoded: string[] = [];
    const r = loadDataset(files, { onFileDecoded: (p) => decoded.push(p) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.places?.length).toBeGreaterThan(0);
    expect(r.value.placeClaims?.length).toBeGreaterThan(0);
    expect(decoded).toEqual(expect.arrayContaining(['places.geojson', 'place-claims.csv']));
  });

  it('with places: false, neither is decoded nor checked, and nothing else changes', () => {
    const decoded: string[] = [];
    const withPlaces = loadDataset(files);
    const r = loadDataset(files, { places: false, onFileDecoded: (p) => decoded.push(p) });
    expect(r.ok && withPlaces.ok).toBe(true);
    if (!r.ok || !withPlaces.ok) return;
    expect(r.value.places).toBeUndefined();
    expect(r.value.placeClaims).toBeUndefined();
    expect(decoded).not.toContain('places.geojson');
    expect(decoded).not.toContain('place-claims.csv');
    expect(r.value.snapshots).toEqual(withPlaces.value.snapshots);
    expect(r.value.manifest).toEqual(withPlaces.value.manifest);
    expect(r.issues.filter((i) => !/^place/.test(i.file))).toEqual(withPlaces.issues.filter((i) => !/^place/.test(i.file)));
  });
});
