// The data build on small synthetic inputs: runs, areas, tile features (uid, class, first, last), and archives
// the `pmtiles` package reader (the one the app uses) can read.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { classAreasKm2 } from '../../src/lib/domain/area';
import { buildSnapshotStore } from '../../src/lib/domain/snapshot-store';
import type { ControlFeature, Snapshot } from '../../src/lib/domain/types';
import { ClassAreaCalculator } from './class-areas';
import { buildClaimTiles, CLAIMS_LAYER } from './claim-tiles';
import { buildData, buildStoreStreaming, uidsAt, uidsBySnapshotFromRuns } from './data-build';
import { classOf, openDataset } from './dataset-input';

class BufferSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

/** Minimal MVT decoder (spec v2: layer 3 → name 1, features 2, keys 3, values 4; feature id 1, tags 2): properties only. */
function decodeMvtProperties(buf: Uint8Array): Record<string, { id: number; props: Record<string, unknown> }[]> {
  let pos = 0;
  const varint = (b: Uint8Array): number => {
    let v = 0, s = 1, byte: number;
    do { byte = b[pos++]!; v += (byte & 0x7f) * s; s *= 128; } while (byte & 0x80);
    return v;
  };
  const fields = (b: Uint8Array, each: (tag: number, wire: number, read: () => number | Uint8Array) => void): void => {
    const saved = pos;
    pos = 0;
    while (pos < b.length) {
      const key = varint(b);
      const tag = Math.floor(key / 8), wire = key & 7;
      each(tag, wire, () => {
        if (wire === 0) return varint(b);
        if (wire === 2) { const len = varint(b); const out = b.subarray(pos, pos + len); pos += len; return out; }
        if (wire === 5) { const v = new DataView(b.buffer, b.byteOffset + pos, 4).getFloat32(0, true); pos += 4; return v; }
        if (wire === 1) { const v = new DataView(b.buffer, b.byteOffset + pos, 8).getFloat64(0, true); pos += 8; return v; }
        throw new Error(`wire type ${wire}`);
      });
    }
    pos = saved;
  };
  const out: Record<string, { id: number; props: Record<string, unknown> }[]> = {};
  fields(buf, (tag, _w, read) => {
    const layerBytes = read() as Uint8Array;
    if (tag !== 3) return;
    let name = '';
    const keys: string[] = [];
    const values: unknown[] = [];
    const feats: { id: number; tags: number[] }[] = [];
    fields(layerBytes, (t, _w2, r) => {
      const v = r();
      if (t === 1) name = new TextDecoder().decode(v as Uint8Array);
      else if (t === 3) keys.push(new TextDecoder().decode(v as Uint8Array));
      else if (t === 4) fields(v as Uint8Array, (vt, _w3, vr) => {
        const x = vr();
        values.push(vt === 1 ? new TextDecoder().decode(x as Uint8Array) : vt === 6 ? zigzag(x as number) : x);
      });
      else if (t === 2) {
        const f = { id: -1, tags: [] as number[] };
        fields(v as Uint8Array, (ft, fw, fr) => {
          const y = fr();
          if (ft === 1) f.id = y as number;
          else if (ft === 2 && fw === 2) {
            const packed = y as Uint8Array;
            const saved = pos; pos = 0;
            while (pos < packed.length) f.tags.push(varint(packed));
            pos = saved;
          }
        });
        feats.push(f);
      }
    });
    out[name] = feats.map((f) => {
      const props: Record<string, unknown> = {};
      for (let i = 0; i < f.tags.length; i += 2) props[keys[f.tags[i]!]!] = values[f.tags[i + 1]!];
      return { id: f.id, props };
    });
  });
  return out;
}
const zigzag = (n: number): number => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);

function square(cls: string, x: number, y = 50, size = 0.1): ControlFeature {
  return {
    type: 'Feature',
    properties: { class: cls },
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] },
  };
}
const snap = (dateIso: string, ...features: ControlFeature[]): Snapshot => ({ dateIso, file: `${dateIso}.geojson`, features });

const dirs: string[] = [];
function datasetDir(snaps: Snapshot[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cg-build-'));
  dirs.push(dir);
  for (const s of snaps) writeFileSync(join(dir, s.file), JSON.stringify({ type: 'FeatureCollection', features: s.features }));
  return dir;
}
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const SNAPS: Snapshot[] = [
  snap('2024-01-01', square('a', 30), square('b', 31)),
  snap('2024-01-02', square('a', 30), square('b', 31, 50, 0.2)),
  snap('2024-01-03', square('a', 30)),
  snap('2024-01-04', square('b', 31), square('a', 30)),
];

describe('buildStoreStreaming', () => {
  it('equals buildSnapshotStore on the same snapshots, reading each once, in order', () => {
    const reads: number[] = [];
    const streamed = buildStoreStreaming(SNAPS, (i) => { reads.push(i); return SNAPS[i]!; });
    expect(reads).toEqual([0, 1, 2, 3]);
    expect(streamed).toEqual(buildSnapshotStore(SNAPS));
  });
});

describe('buildData', () => {
  const result = buildData(datasetDir(SNAPS), { maxZoom: 6 });
  const { index } = result;

  it('writes runs: a polygon unchanged over days is one uid; one that comes back starts a new run', () => {
    expect(index.datesIso).toEqual(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04']);
    expect(index.classIds).toEqual(['a', 'b']);
    // uid 0: a over 0..3; uid 1: b small 0..0; uid 2: b large 1..1; uid 3: b small again at 3.
    expect(index.runs).toEqual({ classIndex: [0, 1, 1, 1], first: [0, 0, 1, 3], last: [3, 0, 1, 3] });
    expect([0, 1, 2, 3].map((i) => uidsAt(index.runs, i))).toEqual([[0, 1], [0, 2], [0], [0, 3]]);
    expect(uidsBySnapshotFromRuns(index.runs, 4)).toEqual([[0, 1], [0, 2], [0], [0, 3]]);
    expect(index.stats).toMatchObject({ snapshots: 4, publishedFeatures: 7, storedFeatures: 4 });
  });

  it('gives the same areas per class per snapshot as the app (classAreasKm2)', () => {
    SNAPS.forEach((s, i) => {
      const want = classAreasKm2(s.features, ['a', 'b']);
      expect(index.areasKm2['a']![i]).toBeCloseTo(want['a']!, 5);
      expect(index.areasKm2['b']![i]).toBeCloseTo(want['b']!, 5);
    });
    expect(index.areasKm2['b']![2]).toBe(0);
  });

  it('writes a PMTiles archive the pmtiles reader reads, whose features carry uid, class, first and last', async () => {
    const archive = new PMTiles(new BufferSource(result.pmtiles));
    const header = await archive.getHeader();
    expect(header.minZoom).toBe(0);
    expect(header.maxZoom).toBe(6);
    const meta = (await archive.getMetadata()) as { vector_layers: { id: string }[] };
    expect(meta.vector_layers[0]!.id).toBe(CLAIMS_LAYER);
    const tile = await archive.getZxy(6, 37, 21); // covers 30–31.6° E, 48.9–50.7° N
    expect(tile).toBeDefined();
    // The reader has already gunzipped the tile.
    const features = decodeMvtProperties(new Uint8Array(tile!.data))[CLAIMS_LAYER]!;
    const byUid = new Map(features.map((f) => [f.props['uid'], f]));
    expect([...byUid.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(byUid.get(2)).toEqual({ id: 2, props: { uid: 2, class: 'b', first: 1, last: 1 } });
    expect(byUid.get(0)!.props).toEqual({ uid: 0, class: 'a', first: 0, last: 3 });
  });
});

describe('ClassAreaCalculator', () => {
  it('counts overlapping polygons of a class once, and sums disjoint groups', () => {
    const feats = [square('a', 30, 50, 1), square('a', 30.5, 50, 1), square('a', 40, 50, 1)];
    const calc = new ClassAreaCalculator();
    const got = calc.areasKm2('x', feats.map((f, uid) => ({ uid, classId: 'a', geometry: f.geometry })), ['a', 'none'], []);
    expect(got['a']).toBeCloseTo(classAreasKm2(feats, ['a'])['a']!, 6);
    expect(got['none']).toBe(0);
    // Same groups on the next snapshot: no new union.
    const before = calc.unions;
    calc.areasKm2('y', feats.map((f, uid) => ({ uid, classId: 'a', geometry: f.geometry })), ['a'], []);
    expect(calc.unions).toBe(before);
  });
  it('leaves a figure out with an issue when the union fails, instead of guessing', () => {
    const bad = { type: 'Polygon' as const, coordinates: [[[0, 0], [Number.NaN, 1], [1, 1], [0, 0]]] };
    const issues: { reason: string }[] = [];
    const calc = new ClassAreaCalculator();
    const got = calc.areasKm2('bad.geojson', [{ uid: 0, classId: 'a', geometry: bad }, { uid: 1, classId: 'a', geometry: square('a', 0, 0, 1).geometry }], ['a'], issues as never);
    expect(got['a']).toBeNull();
    expect(issues[0]!.reason).toMatch(/^area of class "a": .*figure left out$/);
  });
});

describe('buildClaimTiles', () => {
  it('rejects a bad zoom range, naming it', () => {
    expect(() => buildClaimTiles([], { minZoom: 5, maxZoom: 2 })).toThrow(/5\.\.2/);
  });
  it('handles an empty dataset', () => {
    expect(buildClaimTiles([], { maxZoom: 3 }).tiles).toBe(0);
  });
});

describe('dataset input', () => {
  it('maps DeepState fills to classes when there is no class', () => {
    expect(classOf({ deepstate_fill: '#A52714' })).toBe('russian_occupied');
    expect(classOf({ class: 'x', deepstate_fill: '#a52714' })).toBe('x');
    expect(classOf({ deepstate_fill: '#123456' })).toBe('unclassified');
  });
  it('reads a bare folder of dated files in date order, and refuses a folder with none', () => {
    const dir = datasetDir([SNAPS[1]!, SNAPS[0]!]);
    expect(openDataset(dir).entries.map((e) => e.dateIso)).toEqual(['2024-01-01', '2024-01-02']);
    expect(() => openDataset(mkdtempSync(join(tmpdir(), 'cg-empty-')))).toThrow(/no dataset.json/);
  });
  it('reads a folder with dataset.json (the Kursk dataset)', () => {
    const input = openDataset('geodata/kursk');
    expect(input.entries).toHaveLength(94);
    expect(input.manifest?.classes.map((c) => c.id)).toContain('ukraine_held_in_russia');
  });
});
