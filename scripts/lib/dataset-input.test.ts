// build:data reads the formats the app converts, through the same converters and class mapping, and a folder without
// dataset.json as the app reads it.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildData } from './data-build';
import { convertDatasetInput, openDataset } from './dataset-input';
import { loadDataset } from '../../src/lib/data/load-dataset';
import { datasetFromBuild, parseBuildIndex } from '../../src/lib/data/load-build';
import { readFolder } from '../../src/test-support/read-folder';

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

describe('a folder without dataset.json', () => {
  // A date-named file, one with the date inside its name, one in a subfolder, and a text file.
  const BARE = 'src/lib/data/fixtures/bare-folder';

  it('the CLI and the app infer the same manifest (infer-manifest.ts): snapshots, classes, measures, name', () => {
    const app = loadDataset(readFolder(BARE), { name: 'bare-folder' });
    expect(app.ok).toBe(true);
    if (!app.ok) return;
    expect(app.value.manifestInferred).toBe(true);
    const input = openDataset(BARE);
    expect(input.manifest).toBeUndefined();
    expect(input.issues).toEqual([]);
    expect(input.entries).toEqual(app.value.manifest.snapshots);
    // What the app shows for the CLI's build of the folder: its manifest inferred from the build's classes.
    const built = buildData(input, { maxZoom: 4 });
    const index = parseBuildIndex('index.json', JSON.parse(JSON.stringify(built.index)));
    expect(index.ok, JSON.stringify(index.issues)).toBe(true);
    if (!index.ok) return;
    const shown = datasetFromBuild(new URL('http://localhost/data/bare-folder/index.json'), index.value).dataset.manifest;
    expect(shown).toEqual(app.value.manifest);
    expect(shown.classes.map((c) => c.id)).toEqual(['held', 'contested', 'grey_zone']);
    expect(shown.snapshots.map((s) => s.file)).toEqual(['2024-08-20.geojson', 'kursk-2024-08-27.geojson', 'sub/2024-09-03.geojson']);
  });

  it('the CLI leaves out what it cannot date by name, and a second file for one date, saying so', () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-bare-'));
    const one = JSON.stringify({ type: 'FeatureCollection', features: [] });
    for (const f of ['2024-01-02.geojson', 'undated.geojson', 'x-2024-01-02.geojson', 'places.geojson', 'notes.txt']) writeFileSync(join(dir, f), one);
    const input = openDataset(dir);
    expect(input.entries).toEqual([{ dateIso: '2024-01-02', file: '2024-01-02.geojson' }]);
    expect(input.issues.map((i) => `${i.file}: ${i.severity}`)).toEqual(['undated.geojson: error', 'x-2024-01-02.geojson: error']);
  });
});
