import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSnapshotStore, switchSet } from './snapshot-store';
import { runTableStore, uidsBySnapshotFromRuns, type RunTable } from './run-table';
import type { Snapshot } from './types';

const runsOf = (store: ReturnType<typeof buildSnapshotStore>): RunTable => ({
  classIndex: store.features.map(() => 0),
  first: store.features.map((f) => f.firstIndex),
  last: store.features.map((f) => f.lastIndex),
});

describe('uidsBySnapshotFromRuns', () => {
  it('lists, per snapshot, the uids whose run covers it, ascending', () => {
    const runs: RunTable = { classIndex: [0, 1, 0, 0], first: [0, 0, 1, 2], last: [2, 0, 1, 2] };
    expect(uidsBySnapshotFromRuns(runs, 3)).toEqual([[0, 1], [0, 2], [0, 3]]);
  });
  it('gives empty lists for no runs and no snapshots for zero dates', () => {
    expect(uidsBySnapshotFromRuns({ classIndex: [], first: [], last: [] }, 2)).toEqual([[], []]);
    expect(uidsBySnapshotFromRuns({ classIndex: [0], first: [0], last: [0] }, 0)).toEqual([]);
  });
  it('cuts runs reaching past the dates', () => {
    expect(uidsBySnapshotFromRuns({ classIndex: [0], first: [1], last: [9] }, 3)).toEqual([[], [0], [0]]);
  });
});

describe('switchSet on a run table (tiled dataset)', () => {
  const dir = 'geodata/kursk/snapshots';
  const snapshots: Snapshot[] = readdirSync(dir).sort().map((f) => ({
    dateIso: f.slice(0, 10), file: f, features: JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')).features,
  }));
  const store = buildSnapshotStore(snapshots);
  const tiled = runTableStore(store.datesIso, store.files, runsOf(store), store.stats);

  it('rebuilds the store’s per-snapshot lists from the run table (Kursk, 94 snapshots)', () => {
    expect(tiled.features).toEqual([]);
    expect(tiled.uidsBySnapshot).toEqual(store.uidsBySnapshot);
    // Derived once, then kept: the map asks on every slider step.
    expect(tiled.uidsBySnapshot).toBe(tiled.uidsBySnapshot);
  });

  it('switches exactly as the GeoJSON store does: every step, both ways, from and to nothing, and long jumps', () => {
    const n = store.datesIso.length;
    const pairs: [number, number][] = [[-1, 0], [n - 1, -1], [0, n - 1], [n - 1, 0], [-1, -1]];
    for (let i = 0; i + 1 < n; i++) pairs.push([i, i + 1], [i + 1, i]);
    for (let k = 0; k < 50; k++) pairs.push([(k * 37) % n, (k * 53 + 11) % n]);
    for (const [a, b] of pairs) expect(switchSet(tiled, a, b)).toEqual(switchSet(store, a, b));
  });

  it('a step shows what the next snapshot adds and hides what it drops, never both', () => {
    const { hide, show } = switchSet(tiled, 10, 11);
    const at10 = new Set(store.uidsBySnapshot[10]);
    const at11 = new Set(store.uidsBySnapshot[11]);
    for (const u of hide) expect(at10.has(u) && !at11.has(u)).toBe(true);
    for (const u of show) expect(!at10.has(u) && at11.has(u)).toBe(true);
  });
});
