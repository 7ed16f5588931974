import { describe, expect, it } from 'vitest';
import { buildSnapshotStore } from '../domain/snapshot-store';
import type { Snapshot } from '../domain/types';
import { packStore, unpackStore } from './store-protocol';

const square = (x: number): number[][][] => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
const snapshots: Snapshot[] = [
  { dateIso: '2024-08-10', file: 'a.geojson', features: [{ type: 'Feature', properties: { class: 'held', name: 'A' }, geometry: { type: 'Polygon', coordinates: square(0) } }] },
  {
    dateIso: '2024-08-11',
    file: 'b.geojson',
    features: [
      { type: 'Feature', properties: { class: 'held', name: 'A' }, geometry: { type: 'Polygon', coordinates: square(0) } },
      { type: 'Feature', properties: { class: 'grey' }, geometry: { type: 'MultiPolygon', coordinates: [square(2), [[[5, 5], [6, 5], [6, 6], [5, 5]], [[5.2, 5.1], [5.5, 5.1], [5.5, 5.4], [5.2, 5.1]]]] } },
    ],
  },
  { dateIso: '2024-08-12', file: 'c.geojson', features: [] },
];

describe('packStore / unpackStore', () => {
  it('gives back the same store: features, runs, holes, multipolygons and the uids in force', () => {
    const store = buildSnapshotStore(snapshots);
    const back = unpackStore(structuredClone(packStore(store)));
    expect(back).toEqual(JSON.parse(JSON.stringify(store)));
    expect(back.uidsBySnapshot).toEqual([[0], [0, 1], []]);
  });

  it('packs each store once, however many workers are handed it', () => {
    const store = buildSnapshotStore(snapshots);
    expect(packStore(store)).toBe(packStore(store));
    expect(packStore(store).geometry.coords).toBeInstanceOf(Float64Array);
  });
});
