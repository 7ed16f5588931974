import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deepstateClass } from '../domain/deepstate-class';
import { decodeStoreBytes, encodeStore, storedSnapshotText, storeToBytes, type StoreInput } from './store-file';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const FRONT_STORE = new URL('../../../geodata/front/snapshots.store.json.gz', import.meta.url);

describe('the whole-front snapshot store (geodata/front)', () => {
  const bytes = new Uint8Array(readFileSync(FRONT_STORE));
  const decoded = decodeStoreBytes('snapshots.store.json.gz', bytes);
  if (!decoded.ok) throw new Error(decoded.issues.map((i) => i.reason).join('; '));
  const { store } = decoded.value;

  it('reproduces every one of the 175 weekly files byte for byte (sha256 and length of the originals, taken at import)', () => {
    expect(store.snapshots).toHaveLength(175);
    expect(store.snapshots[0]!.dateIso).toBe('2022-04-03');
    expect(store.snapshots.at(-1)!.dateIso).toBe('2025-08-03');
    let features = 0;
    store.snapshots.forEach((s, i) => {
      const text = storedSnapshotText(decoded.value, i);
      expect(Buffer.byteLength(text, 'utf8'), s.file).toBe(s.bytes);
      expect(sha256(text), s.file).toBe(s.sha256);
      features += s.features.length;
    });
    expect(features).toBe(16_259);
  });

  it('stores each feature’s class as the mapping gives it from DeepState’s fill and label', () => {
    const mismatches = store.features.filter((f) => f.class !== deepstateClass(f.properties['deepstate_fill'], f.properties['deepstate_name']));
    expect(mismatches).toEqual([]);
    expect(store.features.some((f) => f.class === 'unclassified')).toBe(false);
  });
});

describe('encodeStore / decodeStoreBytes', () => {
  const fc = (coords: number[][][], name = 'a') =>
    JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: coords } }] });
  const ring = [[30.123456, 50.1], [30.2, 50.1], [30.2, 50.2], [30.123456, 50.1]];
  const input = (dateIso: string, text: string): StoreInput => ({ dateIso, file: `${dateIso}.geojson`, text, json: JSON.parse(text), classOf: () => 'x' });

  it('round-trips shared, reversed and changed rings, and a trailing newline', () => {
    const texts = [fc([ring]), fc([[...ring].reverse()]) + '\n', fc([ring, [[30.15, 50.12], [30.16, 50.13], [30.15, 50.13], [30.15, 50.12]]], 'b')];
    const store = encodeStore(texts.map((t, i) => input(`2024-01-0${i + 1}`, t)), sha256);
    const decoded = decodeStoreBytes('s.json.gz', storeToBytes(store));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    texts.forEach((t, i) => expect(storedSnapshotText(decoded.value, i)).toBe(t));
  });

  it('refuses a coordinate it cannot store exactly', () => {
    expect(() => encodeStore([input('2024-01-01', fc([[[30.1234567, 50], [31, 50], [31, 51], [30.1234567, 50]]]))], sha256)).toThrow(/6 decimals/);
  });

  it('names the file and the problem for damaged bytes', () => {
    const r = decodeStoreBytes('s.json.gz', new Uint8Array([0x1f, 0x8b, 1, 2, 3]));
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ file: 's.json.gz', severity: 'error' });
    const wrong = decodeStoreBytes('s.json', new TextEncoder().encode('{"format":"other"}'));
    expect(wrong.ok).toBe(false);
    expect(wrong.issues[0]!.reason).toMatch(/format/);
  });
});
