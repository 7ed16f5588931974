// build:data reads the formats the app converts, through the same converters and class mapping.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildData } from './data-build';
import { convertDatasetInput, openDataset } from './dataset-input';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('convertDatasetInput', () => {
  it('TopoJSON snapshots with a class mapping by layer build the areas of the GeoJSON they came from', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-build-'));
    const fx = join(import.meta.dirname, '../../src/lib/data/convert/fixtures/topojson');
    for (const d of ['2024-08-25', '2024-12-15']) copyFileSync(join(fx, `${d}.topojson`), join(dir, `${d}.topojson`));
    const ua = 'ukraine_advance_in_russia';
    writeFileSync(join(dir, 'dataset.json'), JSON.stringify({
      id: 'isw', title: 'ISW', region: '', classes: [{ id: ua, label: 'Ukrainian advance', color: '#1565c0' }], measures: [],
      sources: [], snapshots: [{ dateIso: '2024-08-25', file: '2024-08-25.topojson' }, { dateIso: '2024-12-15', file: '2024-12-15.topojson' }],
      classMapping: { from: 'layer', values: [
        { value: 'Kursk Incursion Claimed Limit of Ukrainian Advance August 25, 2024', class: ua },
        { value: 'Kursk Incursion Ukrainian Advances in Russia December 15, 2024', class: ua },
        { value: 'Kursk Incursion Russian Advances in Russia (ISW/CTP; via sdspieg/war-datasets-dashboard export)', class: null },
      ] },
    }));
    const input = openDataset(dir);
    await convertDatasetInput(input);
    const r = buildData(input, { maxZoom: 4 });
    // isw-kursk/areas.csv, ukraine_advance_unclipped_km2: 1,145.8 and 488.9 km².
    expect(r.index.areasKm2[ua]!.map((a) => Math.round(a! * 10) / 10)).toEqual([1145.8, 488.9]);
    expect(r.index.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
