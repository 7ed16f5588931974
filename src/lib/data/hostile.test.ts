// The classes of failure of the hostile-input review (issue 15), on the loader the app and the CLI share: each
// dataset of scripts/lib/hostile-datasets.ts gets one clear issue (or none), never a throw, and the rest loads.
import { describe, expect, it } from 'vitest';
import type { Issue } from '../domain/types';
import { snapshotAreaReport } from '../domain/area';
import { buildSnapshotStore } from '../domain/snapshot-store';
import {
  copiesOfOnePolygon, deepManifest, deepProperties, farDate, hugeManifest, hugeTitle, manifest, prototypeNames, square,
} from '../../../scripts/lib/hostile-datasets';
import { loadDataset } from './load-dataset';
import { parseJson, tooDeepAt } from './decode';
import { relativePathProblem, resolveDatasetFile } from './fetch-file';
import { MAX_JSON_DEPTH, MAX_LINE_CHARS, MAX_SNAPSHOTS } from '../domain/limits';
import { parseBuildIndex } from './load-build';

const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');
const enc = new TextEncoder();

describe('deep nesting: one limit, one issue, the rest loads', () => {
  it('a manifest nested 5,000 deep is refused unparsed with the limit named; the snapshots still load from the folder', () => {
    const r = loadDataset(deepManifest(5000));
    expect(errors(r.issues).map((i) => `${i.file}: ${i.reason}`)).toEqual([
      `dataset.json: nested more than ${MAX_JSON_DEPTH} levels deep (at line 1, column 190); no dataset file needs that many, so it is not read`,
      'dataset.json: unusable; falling back to the dated GeoJSON files in the folder',
    ]);
    expect(r.ok && r.value.snapshots.length).toBe(1);
  });

  it('a feature whose properties nest 100,000 deep costs its file only', () => {
    const r = loadDataset(deepProperties(100_000));
    expect(errors(r.issues)).toEqual([expect.objectContaining({ file: '2024-08-13.geojson', reason: expect.stringMatching(/^nested more than 64 levels deep/) })]);
    expect(r.ok && r.value.snapshots.map((s) => s.dateIso)).toEqual(['2024-08-12']);
    // What loaded can cross a postMessage: nothing in it nests deeper than the limit.
    expect(() => structuredClone(r.ok && r.value)).not.toThrow();
  });

  it('the depth scan skips brackets inside strings and finds the first one too deep', () => {
    expect(tooDeepAt('{"a":"[[[[[[[["}', 2)).toBeUndefined();
    expect(tooDeepAt('[[["\\"[["]]]', 3)).toBeUndefined();
    expect(tooDeepAt('[[[[]]]]', 3)).toBe(3);
    expect(parseJson('x.json', `${'['.repeat(65)}${']'.repeat(65)}`).ok).toBe(false);
    expect(parseJson('x.json', `${'['.repeat(64)}${']'.repeat(64)}`).ok).toBe(true);
  });
});

describe('huge manifests: linear, one issue for the limit', () => {
  it('100,000 entries: the first 20,000 read, one issue for the rest, each missing file named; well under a second per 20,000', () => {
    const started = performance.now();
    const r = loadDataset(hugeManifest(100_000));
    const ms = performance.now() - started;
    console.log(`loadDataset(100,000-entry manifest): ${ms.toFixed(0)} ms`);
    expect(r.issues[0]).toEqual({ file: 'dataset.json', path: 'snapshots', reason: `snapshots: 100,000 entries, over the limit of ${MAX_SNAPSHOTS.toLocaleString('en-GB')}; only the first 20,000 are read`, severity: 'error' });
    expect(r.issues.filter((i) => /but not found in the folder$/.test(i.reason)).length).toBe(MAX_SNAPSHOTS - 1);
    expect(r.ok && r.value.snapshots.length).toBe(1);
  });
});

describe('legal but deadly values', () => {
  it('a snapshot dated 9999-12-31 is refused with the supported range; so is one from the file name', () => {
    const r = loadDataset(farDate('9999-12-31'));
    expect(r.ok).toBe(false);
    expect(r.issues[0]?.reason).toBe('snapshots[0].dateIso: date in the supported range 1800-01-01 … 2199-12-31 expected, "9999-12-31" found');
    const bare = loadDataset(farDate('0099-01-01').filter((f) => f.path !== 'dataset.json'));
    expect(errors(bare.issues).map((i) => i.reason)).toContain('date from the file name: 0099-01-01 is outside the supported range 1800-01-01 … 2199-12-31');
  });

  it('a 1 MB title is cut for showing, with a warning', () => {
    const r = loadDataset(hugeTitle(1024 * 1024));
    expect(r.ok && r.value.manifest.title.length).toBe(MAX_LINE_CHARS);
    expect(r.issues).toEqual([{ file: 'dataset.json', path: 'title', reason: 'title: 1,048,576 characters, over the limit of 300; shown cut to 300', severity: 'warning' }]);
  });

  it('100,000 copies of one polygon load as one, with one notice', () => {
    const r = loadDataset(copiesOfOnePolygon(100_000));
    expect(r.ok && r.value.snapshots[0]!.features.length).toBe(1);
    expect(r.issues).toEqual([{
      file: '2024-08-12.geojson',
      reason: '99,999 features repeat an earlier feature of the same class and geometry (the first: features[1] repeats features[0]); each drawn and counted once',
      severity: 'warning',
    }]);
  });

  it('the same polygon in two classes is two areas, not a repeat', () => {
    const files = [
      { path: 'dataset.json', bytes: enc.encode(JSON.stringify(manifest([{ dateIso: '2024-08-12', file: 'a.geojson' }], { classes: [{ id: 'held', label: 'H', color: '#000000' }, { id: 'grey', label: 'G', color: '#111111' }], measures: [] }))) },
      { path: 'a.geojson', bytes: enc.encode(JSON.stringify({ type: 'FeatureCollection', features: ['held', 'grey'].map((c) => ({ type: 'Feature', properties: { class: c }, geometry: { type: 'Polygon', coordinates: square() } })) })) },
    ];
    const r = loadDataset(files);
    expect(r.issues).toEqual([]);
    expect(r.ok && r.value.snapshots[0]!.features.length).toBe(2);
  });

  it('Object.prototype names as class, measure and clip-region ids load and measure like any other', () => {
    const r = loadDataset(prototypeNames());
    // Two sources of one name: reported (the panel lists them by position, so the page does not break).
    expect(r.issues).toEqual([expect.objectContaining({ path: 'sources[1].name', severity: 'warning', reason: 'sources[1].name: "Same name" is also the name of sources[0]; give each source its own name' })]);
    if (!r.ok) throw new Error('did not load');
    const { manifest: m, snapshots, clipRegions } = r.value;
    expect(m.classes.map((c) => c.id)).toEqual(['constructor', 'toString', '__proto__']);
    expect(m.measures.map((x) => x.id)).toEqual(['constructor', 'toString', '__proto__']);
    expect(Object.keys(clipRegions)).toEqual(['constructor']);
    const regions = Object.fromEntries(Object.entries(clipRegions).map(([k, f]) => [k, f.geometry]));
    const report = snapshotAreaReport('x', snapshots[0]!.features, m.measures, m.classes.map((c) => c.id), regions);
    expect(report.issues).toEqual([]);
    for (const row of [...report.measures, ...report.classes]) expect(row.areaKm2, row.id).toBeGreaterThan(40);
    expect(typeof report.classes.find((c) => c.id === '__proto__')?.areaKm2).toBe('number');
    // And after the trip to the main thread (postMessage is a structured clone).
    const store = structuredClone(buildSnapshotStore(snapshots));
    expect(store.features.map((f) => f.classId)).toEqual(['constructor', 'toString', '__proto__']);
  });

  it('a clip region named "constructor" that is missing drops its measure with an error, never reads as loaded', () => {
    const files = prototypeNames().filter((f) => f.path !== 'region.geojson');
    const r = loadDataset(files);
    expect(errors(r.issues).map((i) => i.reason)).toEqual(['clip region listed in dataset.json but not found', 'measure "constructor" dropped: its clip region "constructor" did not load']);
    expect(r.ok && r.value.manifest.measures.map((x) => x.id)).toEqual(['toString', '__proto__']);
  });
});

describe('one URL policy for every file a dataset names', () => {
  const index = new URL('https://data.example.org/builds/kursk/index.json');
  it.each([
    ['claims.pmtiles', 'https://data.example.org/builds/kursk/claims.pmtiles'],
    ['tiles/claims.pmtiles', 'https://data.example.org/builds/kursk/tiles/claims.pmtiles'],
  ])('%s resolves inside the folder', (path, href) => {
    expect(resolveDatasetFile(path, index)).toEqual({ ok: true, url: new URL(href) });
  });
  it.each([
    ['\t//evil.example.com/x.pmtiles', 'control character in the path'],
    ['//evil.example.com/x.pmtiles', 'an absolute path, not a relative one'],
    ['https://evil.example.com/x.pmtiles', 'a URL or drive letter, not a relative path'],
    ['http:evil.example.com', 'a URL or drive letter, not a relative path'],
    ['javascript:alert(1)', 'a URL or drive letter, not a relative path'],
    ['../other/claims.pmtiles', '".." (or an encoded dot) in the path'],
    ['%2e%2e/other/claims.pmtiles', '".." (or an encoded dot) in the path'],
    ['a\\..\\..\\x', 'backslash in the path (use forward slashes)'],
    [' claims.pmtiles', 'empty, or space at the start or end'],
  ])('%j is refused: %s', (path, why) => {
    expect(relativePathProblem(path)).toBe(why);
    expect(resolveDatasetFile(path, index).ok).toBe(false);
  });

  it('a build index naming tiles or features on another host is refused by the validator, before any fetch', () => {
    const base = {
      format: 'claimed-ground/data-build', version: 1, datesIso: ['2024-08-12'], files: ['a.geojson'], classIds: ['held'],
      runs: { classIndex: [0], first: [0], last: [0] }, areasKm2: { held: [1] }, areaMethod: 'm',
      tiles: { file: 'claims.pmtiles', layer: 'claims', minZoom: 0, maxZoom: 10, bounds: [35, 51, 36, 52], promoteId: 'uid' },
    };
    expect(parseBuildIndex('index.json', base).ok).toBe(true);
    const far = parseBuildIndex('index.json', { ...base, tiles: { ...base.tiles, file: '\t//evil.example.com/claims.pmtiles' }, geojson: { file: 'http:evil.example.com/f.geojson' } });
    expect(far.ok).toBe(false);
    expect(far.issues.map((i) => i.path)).toEqual(['tiles.file', 'geojson.file']);
  });
});
