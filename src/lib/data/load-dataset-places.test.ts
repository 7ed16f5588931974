// loadDataset's `places: false`: a caller that reads only areas does not pay for decoding and checking the places.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset';
import { readFolder } from '../../test-support/read-folder';

const KURSK = join(import.meta.dirname, '../../../geodata/kursk');

describe('loadDataset: places only when asked for', () => {
  const files = readFolder(KURSK);

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
