import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildData, uidsAt, type BuildDataResult } from '../../../scripts/lib/data-build';
import { buildSnapshotStore, featuresAt } from '../domain/snapshot-store';
import type { ControlFeature, Snapshot } from '../domain/types';
import { DEFAULT_PALETTE } from './infer-manifest';
import { datasetFromBuild, isBuildIndex, loadBuild, parseBuildIndex, storeFromBuildGeojson, type BuildIndex } from './load-build';

const FILE = 'https://example.org/kursk/index.json';
const KURSK = 'geodata/kursk';
let built: BuildDataResult;
/** A fresh parsed copy of the Kursk build's index, for each test to break as it likes. */
const index = (): Record<string, unknown> => JSON.parse(JSON.stringify(built.index)) as Record<string, unknown>;

beforeAll(() => {
  built = buildData(KURSK, { geojson: true, maxZoom: 6 });
});
afterEach(() => vi.unstubAllGlobals());

function mustParse(json: unknown): BuildIndex {
  const r = parseBuildIndex(FILE, json);
  if (!r.ok) throw new Error(r.issues.map((i) => i.reason).join('\n'));
  return r.value;
}

const reasons = (json: unknown): string[] => {
  const r = parseBuildIndex(FILE, json);
  expect(r.ok).toBe(false);
  expect(r.issues.every((i) => i.file === FILE)).toBe(true);
  return r.issues.map((i) => i.reason);
};

describe('parseBuildIndex: a good index', () => {
  it('accepts the Kursk build as written by build:data, and keeps its figures', () => {
    const json = index();
    expect(isBuildIndex(json)).toBe(true);
    const r = parseBuildIndex(FILE, json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.datesIso).toHaveLength(94);
    expect(r.value.runs.first).toHaveLength(built.index.runs.first.length);
    expect(r.value.areasKm2).toEqual(built.index.areasKm2);
    // The build's own issues name its source files and are passed on as they are.
    expect(r.issues.filter((i) => i.file === FILE)).toEqual([]);
  });
  it('ignores fields a newer build may add', () => {
    expect(parseBuildIndex(FILE, { ...index(), extra: 1 }).ok).toBe(true);
  });
});

describe('parseBuildIndex: a malformed index fails with issues naming the file and the place', () => {
  it('not an object, or not a build', () => {
    expect(reasons([])).toEqual(['index object expected, an empty array found']);
    expect(reasons({ ...index(), format: 'geojson' })[0]).toMatch(/^format: .*claimed-ground\/data-build.*expected, "geojson" found/);
  });
  it('a date that is not a date, and dates out of order', () => {
    const a = index();
    (a.datesIso as string[])[3] = '3/4/22';
    expect(reasons(a)[0]).toMatch(/^datesIso\[3\]: ISO date \(YYYY-MM-DD\) expected, "3\/4\/22" found/);
    const b = index();
    const d = b.datesIso as string[];
    [d[4], d[5]] = [d[5]!, d[4]!];
    expect(reasons(b)).toContain(`datesIso[5]: dates in increasing order expected, ${d[5]} after ${d[4]}`);
  });
  it('one file per date', () => {
    const a = index();
    (a.files as string[]).pop();
    expect(reasons(a)).toEqual(['files: one file per date expected (94), 93 found']);
  });
  it('run table: columns of unequal length, indices out of range, a run that ends before it starts', () => {
    const a = index();
    (a.runs as { last: number[] }).last.pop();
    expect(reasons(a)[0]).toMatch(/^runs: columns of one length expected/);
    const b = index();
    const runs = b.runs as { classIndex: number[]; first: number[]; last: number[] };
    runs.last[5] = 120;
    runs.classIndex[6] = 9;
    runs.first[7] = runs.last[7]! + 1;
    expect(reasons(b)).toEqual([
      'runs.last[5]: snapshot index 0–93 expected, 120 found',
      'runs.classIndex[6]: class index 0–2 expected, 9 found',
      `runs.first[7]: at most last (${runs.last[7]}) expected, ${runs.first[7]} found`,
    ]);
  });
  it('a negative or fractional snapshot index', () => {
    const a = index();
    (a.runs as { first: number[] }).first[2] = -1;
    (a.runs as { first: number[] }).first[3] = 1.5;
    const r = reasons(a);
    expect(r[0]).toMatch(/^runs\.first\[2\]: /);
    expect(r[1]).toMatch(/^runs\.first\[3\]: /);
  });
  it('missing tiles, or tiles without the uid as feature id', () => {
    const a = index();
    delete a.tiles;
    expect(reasons(a)[0]).toMatch(/^tiles: missing/);
    const b = index();
    (b.tiles as Record<string, unknown>).promoteId = 'id';
    expect(reasons(b)[0]).toMatch(/^tiles\.promoteId: "uid" expected, "id" found/);
    const c = index();
    (c.tiles as Record<string, unknown>).file = '../../etc/claims.pmtiles';
    expect(reasons(c)[0]).toMatch(/^tiles\.file: relative path inside the dataset folder/);
  });
  it('lists at most a dozen problems of a corrupt table, and counts the rest', () => {
    const a = index();
    const runs = a.runs as { last: number[] };
    for (let i = 0; i < runs.last.length; i++) runs.last[i] = 1000;
    const r = reasons(a);
    expect(r).toHaveLength(13);
    expect(r[12]).toMatch(/^and \d+ more problems of this kind$/);
  });
  it('area figures of the wrong length: a warning, that class’s figures dropped, the rest loads', () => {
    const a = index();
    (a.areasKm2 as Record<string, number[]>).unknown_status!.pop();
    const r = parseBuildIndex(FILE, a);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.areasKm2.unknown_status).toBeUndefined();
    expect(r.value.areasKm2.ukraine_held_in_russia).toHaveLength(94);
    expect(r.issues.filter((i) => i.file === FILE)).toEqual([
      { file: FILE, path: 'areasKm2.unknown_status', severity: 'warning', reason: "areasKm2.unknown_status: one figure per date expected (94), 93 found; this class's areas are not shown" },
    ]);
  });
});

describe('datasetFromBuild', () => {
  it('with dataset.json: its classes, colours and view; tiles and features.geojson as absolute URLs; uid lists from the runs', () => {
    const manifest = JSON.parse(readFileSync(`${KURSK}/dataset.json`, 'utf8')) as unknown;
    const { dataset, issues } = datasetFromBuild(new URL(FILE), mustParse(index()), { manifest });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(dataset.manifestInferred).toBe(false);
    expect(dataset.manifest.classes.map((c) => c.color)).toEqual(['#1565c0', '#8d8d8d', '#c62828']);
    expect(dataset.manifest.defaultView).toEqual({ zoom: 9, lat: 51.3, lon: 35.2 });
    expect(dataset.manifest.snapshots).toHaveLength(94);
    expect(dataset.tiles).toMatchObject({ pmtilesUrl: 'https://example.org/kursk/claims.pmtiles', layer: 'claims', geojsonUrl: 'https://example.org/kursk/features.geojson' });
    expect(dataset.store.features).toEqual([]);
    expect(dataset.store.uidsBySnapshot[20]).toEqual(uidsAt(built.index.runs, 20));
    expect(dataset.claims).toEqual([]);
  });
  it('without dataset.json: classes from the index with default labels and colours, one measure per class', () => {
    const { dataset } = datasetFromBuild(new URL(FILE), mustParse(index()));
    expect(dataset.manifestInferred).toBe(true);
    expect(dataset.manifest.title).toBe('kursk');
    expect(dataset.manifest.classes).toEqual(built.index.classIds.map((id, i) => ({ id, label: expect.any(String), color: DEFAULT_PALETTE[i] })));
    expect(dataset.manifest.measures.map((m) => m.classes)).toEqual(built.index.classIds.map((id) => [id]));
  });
  it('reads claims.json beside it', () => {
    const claims = { file: 'claims.json', json: JSON.parse(readFileSync(`${KURSK}/claims.json`, 'utf8')) as unknown };
    const { dataset } = datasetFromBuild(new URL(FILE), mustParse(index()), { claims });
    expect(dataset.claims.length).toBeGreaterThan(0);
  });
});

describe('storeFromBuildGeojson (compare mode for a tiled dataset)', () => {
  it('rebuilds every Kursk snapshot from features.geojson and the run table', () => {
    const ix = mustParse(index());
    const r = storeFromBuildGeojson('features.geojson', JSON.parse(built.geojson!), ix, ix.datesIso, ix.files);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const dir = `${KURSK}/snapshots`;
    const snapshots: Snapshot[] = readdirSync(dir).sort().map((f) => ({ dateIso: f.slice(0, 10), file: f, features: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')).features }));
    const reference = buildSnapshotStore(snapshots);
    const key = (f: ControlFeature) => JSON.stringify([f.properties.class, f.geometry]);
    for (const i of [0, 19, 50, 93]) expect(featuresAt(r.value, i).map(key).sort()).toEqual(featuresAt(reference, i).map(key).sort());
  });
  it('fails when a uid is missing or has another class than the index says', () => {
    const ix = mustParse(index());
    const fc = JSON.parse(built.geojson!) as { features: { properties: Record<string, unknown> }[] };
    const fewer = { ...fc, features: fc.features.slice(1) };
    const r = storeFromBuildGeojson('features.geojson', fewer, ix, ix.datesIso, ix.files);
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.reason).toMatch(/^features: uid 0 .*not found/);
    fc.features[2]!.properties.class = 'elsewhere';
    const s = storeFromBuildGeojson('features.geojson', fc, ix, ix.datesIso, ix.files);
    expect(s.ok).toBe(false);
    expect(s.issues[0]).toMatchObject({ file: 'features.geojson', path: 'features[2].properties.class' });
  });
});

describe('loadBuild', () => {
  /** A fake static host: path → body (404 for anything else). */
  function serve(files: Record<string, string>) {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (input: URL | string) => {
      const path = new URL(String(input)).pathname;
      fetched.push(path);
      const body = files[path];
      return body === undefined ? new Response('not found', { status: 404, statusText: 'Not Found' }) : new Response(body, { status: 200 });
    });
    return fetched;
  }

  it('fetches index.json, dataset.json and the claims file beside it; never the tiles or features.geojson', async () => {
    const fetched = serve({
      '/kursk/index.json': JSON.stringify(built.index),
      '/kursk/dataset.json': readFileSync(`${KURSK}/dataset.json`, 'utf8'),
      '/kursk/claims.json': readFileSync(`${KURSK}/claims.json`, 'utf8'),
    });
    const r = await loadBuild(new URL(FILE));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.manifest.title).toMatch(/^Kursk/);
    expect(r.value.claims.length).toBeGreaterThan(0);
    expect(fetched).toEqual(['/kursk/index.json', '/kursk/dataset.json', '/kursk/claims.json']);
  });
  it('a bare build (no dataset.json, no claims.json) loads with defaults and one warning', async () => {
    serve({ '/kursk/index.json': JSON.stringify(built.index) });
    const r = await loadBuild(new URL(FILE));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.manifestInferred).toBe(true);
    expect(r.issues.filter((i) => i.file === 'dataset.json')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
  it('a missing or broken index.json fails with an issue naming it', async () => {
    serve({});
    const r = await loadBuild(new URL(FILE));
    expect(r).toEqual({ ok: false, issues: [{ file: FILE, reason: `not found at ${FILE}`, severity: 'error' }] });
    serve({ '/kursk/index.json': '{"format": "claimed-ground/data-build", ' });
    const s = await loadBuild(new URL(FILE));
    expect(s.ok).toBe(false);
    expect(s.issues[0]!.file).toBe(FILE);
  });
});
