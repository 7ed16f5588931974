// Fuzzes the snapshot validator with mutated real Kursk snapshots: it must never throw, always name the file, never lose a good feature.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ControlClass, ControlFeature, Issue } from '../domain/types';
import { parseSnapshotFile, type SnapshotContext } from './validate-snapshot';

const DIR = join(import.meta.dirname, '../../../geodata/kursk');
const manifest = JSON.parse(readFileSync(join(DIR, 'dataset.json'), 'utf8')) as { classes: ControlClass[]; defaultView: { lon: number; lat: number } };
const files = readdirSync(join(DIR, 'snapshots'))
  .sort()
  .map((name) => ({ name: `snapshots/${name}`, text: readFileSync(join(DIR, 'snapshots', name), 'utf8') }))
  .filter((f) => f.text.length > 60);
// One memo for all runs: unmutated polygons are checked once, mutated ones hash differently and are checked afresh.
const validityCache = new Map<string, string | undefined>();
const ctxFor = (dateIso: string): SnapshotContext => ({
  classes: manifest.classes,
  dateIso,
  // A fixed reference, so mutating one feature cannot move the centre the swap test uses for the others.
  reference: [manifest.defaultView.lon, manifest.defaultView.lat],
  validityCache,
});
const dateOf = (name: string) => name.slice(-18, -8);
const baseline = new Map<string, ControlFeature[]>();
for (const f of files) {
  const r = parseSnapshotFile({ file: f.name, text: f.text }, ctxFor(dateOf(f.name)));
  if (!r.ok) throw new Error(`baseline ${f.name} did not load`);
  baseline.set(f.name, r.value.features);
}

type Json = unknown;
const junkValue = fc.oneof(
  fc.constant(null),
  fc.constant('35.1'),
  fc.constant(''),
  fc.constant(true),
  fc.constant({}),
  fc.constant([]),
  fc.constant(1e308 * 10), // Infinity: JSON.stringify writes null, the text mutation below writes 1e999
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
);

/** A mutation of one feature (a JSON value) driven by fast-check's random choices. */
const featureMutation = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), key: fc.constantFrom('type', 'geometry', 'properties', 'geometry.type', 'geometry.coordinates', 'properties.class') }),
  fc.record({ op: fc.constant('retype' as const), key: fc.constantFrom('type', 'geometry', 'properties', 'geometry.type', 'geometry.coordinates', 'properties.class', 'properties.date', 'properties.name'), value: junkValue }),
  fc.record({ op: fc.constant('nest' as const), depth: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ op: fc.constant('coord' as const), ring: fc.nat(), pos: fc.nat(), axis: fc.integer({ min: 0, max: 2 }), value: junkValue }),
  fc.record({ op: fc.constant('shuffleRings' as const), seed: fc.nat() }),
  fc.record({ op: fc.constant('shufflePositions' as const), ring: fc.nat(), seed: fc.nat() }),
  fc.record({ op: fc.constant('swapAxes' as const) }),
);
type FeatureMutation = typeof featureMutation extends fc.Arbitrary<infer T> ? T : never;

function getParent(o: Record<string, Json>, key: string): [Record<string, Json> | undefined, string] {
  const parts = key.split('.');
  let cur: Json = o;
  for (const p of parts.slice(0, -1)) cur = cur && typeof cur === 'object' ? (cur as Record<string, Json>)[p] : undefined;
  return [cur && typeof cur === 'object' ? (cur as Record<string, Json>) : undefined, parts[parts.length - 1] as string];
}

function shuffle<T>(a: T[], seed: number): T[] {
  let s = seed || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

function mutate(f: Record<string, Json>, m: FeatureMutation): void {
  const geom = f.geometry as { coordinates: Json[][][] } | undefined;
  const rings = geom?.coordinates as Json[][] | undefined;
  switch (m.op) {
    case 'drop': {
      const [parent, k] = getParent(f, m.key);
      if (parent) delete parent[k];
      break;
    }
    case 'retype': {
      const [parent, k] = getParent(f, m.key);
      if (parent) parent[k] = m.value;
      break;
    }
    case 'nest': {
      if (!geom) break;
      // depth 0: the whole coordinates; 1: a ring; 2: a position; 3: a number.
      const c = geom.coordinates as Json[];
      if (m.depth === 0) geom.coordinates = [c] as Json[][][];
      else if (m.depth === 1) c[0] = [c[0]];
      else if (m.depth === 2 && Array.isArray(c[0])) (c[0] as Json[])[1] = [(c[0] as Json[])[1]];
      else if (Array.isArray(c[0]) && Array.isArray((c[0] as Json[])[1])) ((c[0] as Json[])[1] as Json[])[0] = [((c[0] as Json[])[1] as Json[])[0]];
      break;
    }
    case 'coord': {
      const ring = rings?.[m.ring % Math.max(1, rings.length)];
      const pos = ring?.[m.pos % Math.max(1, ring.length)];
      if (Array.isArray(pos)) pos[m.axis] = m.value;
      break;
    }
    case 'shuffleRings':
      if (rings) shuffle(rings, m.seed);
      break;
    case 'shufflePositions': {
      const ring = rings?.[m.ring % Math.max(1, rings.length)];
      if (ring) shuffle(ring, m.seed);
      break;
    }
    case 'swapAxes':
      for (const r of rings ?? []) for (const p of r) if (Array.isArray(p)) p.reverse();
      break;
  }
}

function assertNamesFile(issues: Issue[], file: string) {
  for (const i of issues) {
    expect(i.file).toBe(file);
    expect(i.reason.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(i.severity);
  }
}

describe('fuzz: mutated Kursk snapshots', () => {
  it('a mutated feature costs only itself: never throws, names the file, keeps every other feature', () => {
    // How many mutants the validator rejected: a fuzz whose mutants all pass would test nothing.
    const stats = { rejected: 0, kept: 0 };
    fc.assert(
      fc.property(fc.nat(), fc.nat(), featureMutation, (fi, ki, m) => {
        const file = files[fi % files.length] as { name: string; text: string };
        const json = JSON.parse(file.text) as { features: Record<string, Json>[] };
        const n = json.features.length;
        const k = ki % n;
        mutate(json.features[k] as Record<string, Json>, m);
        const r = parseSnapshotFile({ file: file.name, text: JSON.stringify(json) }, ctxFor(dateOf(file.name)));
        stats[r.issues.some((i) => i.severity === 'error') ? 'rejected' : 'kept']++;
        assertNamesFile(r.issues, file.name);
        // Problems are about the mutated feature only.
        for (const i of r.issues) if (i.severity === 'error' && i.reason !== `no usable feature left: all 1 rejected`) expect(i.featureIndex, i.reason).toBe(k);
        const base = baseline.get(file.name) as ControlFeature[];
        if (n === 1 && !r.ok) return;
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const others = base.filter((_, j) => j !== k);
        if (r.value.features.length === n) expect(r.value.features.filter((_, j) => j !== k)).toEqual(others);
        else expect(r.value.features).toEqual(others);
      }),
      { numRuns: 1500, seed: 20240806 },
    );
    console.log(`fuzz: ${stats.rejected} mutated features rejected, ${stats.kept} still valid (kept)`);
    expect(stats.rejected).toBeGreaterThan(stats.kept / 4);
  });

  it('mangled text or structure: never throws, always names the file', () => {
    const textMutation = fc.oneof(
      fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom('NaN', '1e999', '"', ',', ']', '{', '\u0000', '\uFFFD', "'", '[[[[[[[[', 'null') }),
      fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ op: fc.constant('topLevel' as const), key: fc.constantFrom('type', 'features'), value: junkValue, drop: fc.boolean() }),
      fc.record({ op: fc.constant('deepNest' as const), depth: fc.integer({ min: 1000, max: 20000 }) }),
    );
    fc.assert(
      fc.property(fc.nat(), textMutation, fc.boolean(), (fi, m, asBytes) => {
        const file = files[fi % files.length] as { name: string; text: string };
        let text = file.text;
        if (m.op === 'truncate') text = text.slice(0, m.at % text.length);
        else if (m.op === 'insert') text = text.slice(0, m.at % text.length) + m.s + text.slice(m.at % text.length);
        else if (m.op === 'delete') text = text.slice(0, m.at % text.length) + text.slice((m.at % text.length) + m.len);
        else if (m.op === 'deepNest') text = `{"type":"FeatureCollection","features":[${'['.repeat(m.depth)}${']'.repeat(m.depth)}]}`;
        else {
          const json = JSON.parse(text) as Record<string, Json>;
          if (m.drop) delete json[m.key];
          else json[m.key] = m.value;
          text = JSON.stringify(json);
        }
        const input = asBytes ? { file: file.name, bytes: new TextEncoder().encode(text) } : { file: file.name, text };
        const r = parseSnapshotFile(input, ctxFor(dateOf(file.name)));
        assertNamesFile(r.issues, file.name);
        if (!r.ok) expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
      }),
      { numRuns: 1000, seed: 20240812 },
    );
  });
});
