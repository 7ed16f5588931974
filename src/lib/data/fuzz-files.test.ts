// Fuzzes the other files a dataset is made of, as fuzz.test.ts fuzzes snapshots: the manifest (Kursk's
// dataset.json), the claims ledger (claims.json) and a data build's index.json, mutated by fast-check. The parsers
// never throw, every issue names the file, and a bad entry costs only itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../domain/types';
import { buildData } from '../../../scripts/lib/data-build';
import { parseClaimsFile } from '../domain/claim-schema';
import { decodeJsonFile } from './decode';
import { parseBuildIndex } from './load-build';
import { parseManifestJson } from './manifest';

const DIR = join(import.meta.dirname, '../../../geodata/kursk');
const manifestText = readFileSync(join(DIR, 'dataset.json'), 'utf8');
const claimsText = readFileSync(join(DIR, 'claims.json'), 'utf8');
type Json = unknown;

/** Values that have broken parsers before: junk types, deep nesting, Object.prototype names, huge strings. */
const junk = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant(true),
  fc.constant({}),
  fc.constant([]),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'),
  fc.constant('9999-12-31'),
  fc.constant('0001-01-01'),
  fc.constant('\t//evil.example.com/x.geojson'),
  fc.constant('\u001b[2J0 errors'),
  fc.constant('x'.repeat(20_000)),
  fc.integer({ min: 65, max: 3000 }).map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`) as Json),
);

function assertNamesFile(issues: Issue[], file: string) {
  for (const i of issues) {
    expect(i.file).toBe(file);
    expect(i.reason.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(i.severity);
  }
}

/** Set `value` at a random place inside `root` (chosen by `picks`), or as a new key named `key`. */
function plant(root: Json, picks: number[], key: string, value: Json): void {
  let cur = root;
  for (const p of picks) {
    if (Array.isArray(cur) && cur.length > 0) {
      const i = p % cur.length;
      if (p % 5 === 0 || typeof cur[i] !== 'object' || cur[i] === null) {
        cur[i] = value;
        return;
      }
      cur = cur[i];
    } else if (cur && typeof cur === 'object') {
      const keys = Object.keys(cur);
      if (keys.length === 0 || p % 4 === 0) {
        // A new key, possibly an Object.prototype name: defined, not assigned, so "__proto__" is an own key.
        Object.defineProperty(cur, key, { value, enumerable: true, configurable: true, writable: true });
        return;
      }
      const k = keys[p % keys.length]!;
      const next = (cur as Record<string, Json>)[k];
      if (typeof next !== 'object' || next === null || p % 7 === 0) {
        (cur as Record<string, Json>)[k] = value;
        return;
      }
      cur = next;
    } else return;
  }
}

const mutation = fc.record({
  picks: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
  key: fc.constantFrom('extra', 'constructor', '__proto__', 'toString', 'id', 'file', 'dateIso'),
  value: junk,
});

/** Text mutations, as for snapshots: truncation, insertion, deep nesting, a duplicate list. */
const textMutation = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom('NaN', '"', ',', ']', '{', '\u0000', "'", '[[[[[[[[', '<!doctype html>') }),
  fc.record({ op: fc.constant('deepNest' as const), depth: fc.integer({ min: 60, max: 20000 }) }),
);
function mangle(text: string, m: typeof textMutation extends fc.Arbitrary<infer T> ? T : never): string {
  if (m.op === 'truncate') return text.slice(0, m.at % text.length);
  if (m.op === 'insert') return text.slice(0, m.at % text.length) + m.s + text.slice(m.at % text.length);
  return text.replace(/^\{/, `{"deep":${'['.repeat(m.depth)}${']'.repeat(m.depth)},`);
}

describe('fuzz: the manifest', () => {
  const base = parseManifestJson('dataset.json', JSON.parse(manifestText));
  if (!base.ok) throw new Error('the Kursk manifest did not parse');

  it('a mutated manifest never throws, names the file, and keeps every snapshot entry it did not touch', () => {
    let failed = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        const json = JSON.parse(manifestText) as Record<string, Json>;
        plant(json, m.picks, m.key, m.value);
        const r = parseManifestJson('dataset.json', json);
        assertNamesFile(r.issues, 'dataset.json');
        if (!r.ok) {
          failed++;
          expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
          return;
        }
        // Entries of snapshots not touched survive: at most one is lost (the one mutated), unless the list itself was replaced.
        if (Array.isArray(json.snapshots) && json.snapshots.length === base.value.snapshots.length)
          expect(r.value.snapshots.length).toBeGreaterThanOrEqual(base.value.snapshots.length - 1);
        // Nothing from Object.prototype leaks in as a class, measure or region.
        for (const c of r.value.classes) expect(typeof c.color).toBe('string');
        for (const [id, region] of Object.entries(r.value.clipRegions ?? {})) {
          expect(Object.hasOwn(r.value.clipRegions!, id)).toBe(true);
          expect(typeof region.file).toBe('string');
        }
        // What loaded survives a postMessage.
        expect(() => structuredClone(r.value)).not.toThrow();
      }),
      { numRuns: 600, seed: 20241101 },
    );
    console.log(`fuzz manifest: ${failed} of 600 unusable`);
  });

  it('mangled manifest text never throws and always names the file', () => {
    fc.assert(
      fc.property(textMutation, (m) => {
        const d = decodeJsonFile({ file: 'dataset.json', bytes: new TextEncoder().encode(mangle(manifestText, m)) });
        const issues = d.ok ? parseManifestJson('dataset.json', d.value).issues : d.issues;
        assertNamesFile(issues, 'dataset.json');
      }),
      { numRuns: 300, seed: 20241102 },
    );
  });
});

describe('fuzz: the claims ledger', () => {
  const claimsJson = JSON.parse(claimsText) as { claims: { id: string }[] };
  const base = parseClaimsFile('claims.json', claimsJson);
  if (!base.ok) throw new Error('the Kursk claims did not parse');
  const baseIds = base.value.map((c) => c.id);

  it('a mutated claim costs only itself: never throws, names the file, keeps every other claim', () => {
    fc.assert(
      fc.property(fc.nat(), mutation, (ci, m) => {
        const json = JSON.parse(claimsText) as { claims: Record<string, Json>[] };
        const k = ci % json.claims.length;
        plant(json.claims[k], m.picks, m.key, m.value);
        const r = parseClaimsFile('claims.json', json);
        assertNamesFile(r.issues, 'claims.json');
        for (const i of r.issues) if (i.severity === 'error') expect(i.featureIndex, i.reason).toBe(k);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const mutatedId = typeof json.claims[k]!.id === 'string' ? json.claims[k]!.id : undefined;
        const kept = new Set(r.value.map((c) => c.id));
        for (const [j, id] of baseIds.entries()) if (j !== k && id !== mutatedId) expect(kept.has(id), id).toBe(true);
      }),
      { numRuns: 600, seed: 20241103 },
    );
  });

  it('mangled claims text or envelope never throws and always names the file', () => {
    fc.assert(
      fc.property(textMutation, mutation, fc.boolean(), (t, m, asText) => {
        let issues: Issue[];
        if (asText) {
          const d = decodeJsonFile({ file: 'claims.json', bytes: new TextEncoder().encode(mangle(claimsText, t)) });
          issues = d.ok ? parseClaimsFile('claims.json', d.value).issues : d.issues;
        } else {
          const json = JSON.parse(claimsText) as Json;
          plant(json, [0, ...m.picks.map((p) => p * 4 + 1)], m.key, m.value);
          issues = parseClaimsFile('claims.json', json).issues;
        }
        assertNamesFile(issues, 'claims.json');
      }),
      { numRuns: 300, seed: 20241104 },
    );
  });
});

describe('fuzz: a data build\'s index.json', () => {
  let indexText = '';
  beforeAll(() => {
    indexText = JSON.stringify(buildData(DIR, { geojson: false, maxZoom: 6 }).index);
  }, 120_000);

  it('a mutated index never throws, names the file (or the build\'s own sources), and says why it fails', () => {
    const index = JSON.parse(indexText) as { issues?: { file: string }[] };
    const sourceFiles = new Set((index.issues ?? []).map((i) => i.file));
    let failed = 0;
    fc.assert(
      fc.property(mutation, (m) => {
        const json = JSON.parse(indexText) as Json;
        plant(json, m.picks, m.key, m.value);
        const r = parseBuildIndex('index.json', json);
        for (const i of r.issues) expect(i.file === 'index.json' || sourceFiles.has(i.file), i.file).toBe(true);
        // A corrupt run table of any size is listed in at most a dozen lines and a count.
        expect(r.issues.filter((i) => i.file === 'index.json').length).toBeLessThanOrEqual(13);
        if (!r.ok) {
          failed++;
          expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
        }
      }),
      { numRuns: 400, seed: 20241105 },
    );
    console.log(`fuzz index.json: ${failed} of 400 refused`);
    expect(failed).toBeGreaterThan(40);
  });

  it('mangled index text never throws and always names the file', () => {
    fc.assert(
      fc.property(textMutation, (m) => {
        const d = decodeJsonFile({ file: 'index.json', bytes: new TextEncoder().encode(mangle(indexText, m)) });
        if (!d.ok) assertNamesFile(d.issues, 'index.json');
        else expect(() => parseBuildIndex('index.json', d.value)).not.toThrow();
      }),
      { numRuns: 200, seed: 20241106 },
    );
  });
});
