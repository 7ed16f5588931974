// Runs the malformed-input corpus (fixtures/malformed/cases.json) through the validators: each case's issues must match exactly.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ControlClass, Issue } from '../domain/types';
import { loadDataset, type DatasetFile } from './load-dataset';
import { parseSnapshotFile, type SnapshotContext } from './validate-snapshot';
import { DatasetManifestSchema } from './schema';
import { buildSchema } from '../../../scripts/build-schema';

interface Expected {
  file: string;
  featureIndex?: number;
  reasonPattern: string;
  severity: 'error' | 'warning';
}
interface Case {
  kind: string;
  name: string;
  via: 'snapshot' | 'dataset';
  file?: string;
  dir?: string;
  ctx?: { classes?: 'one'; dateIso?: string | null; maxBytes?: number; fakeSize?: number };
  expect: Expected[];
  ok: boolean;
  kept?: number;
  snapshots?: number;
  manifestInferred?: boolean;
}

const ROOT = join(import.meta.dirname, 'fixtures/malformed');
const cases = JSON.parse(readFileSync(join(ROOT, 'cases.json'), 'utf8')) as Case[];
const KINDS = ['encoding', 'json', 'geojson-structure', 'geometry', 'coordinates', 'dates', 'classes', 'fields', 'size', 'manifest', 'repairs', 'limits', 'names', 'hosting'];

const TWO_CLASSES: ControlClass[] = [
  { id: 'held', label: 'Held', color: '#1565c0' },
  { id: 'grey', label: 'Grey', color: '#8d8d8d' },
];

function readDir(dir: string): DatasetFile[] {
  const out: DatasetFile[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p).split('\\').join('/'), bytes: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}

function matches(e: Expected, i: Issue): boolean {
  return (
    e.file === i.file &&
    e.severity === i.severity &&
    (e.featureIndex === undefined ? i.featureIndex === undefined : e.featureIndex === i.featureIndex) &&
    new RegExp(e.reasonPattern).test(i.reason)
  );
}

/** Each expectation is met by its own issue, and no issue is left unexpected. */
function assertIssues(c: Case, issues: Issue[]) {
  const left = [...issues];
  for (const e of c.expect) {
    const k = left.findIndex((i) => matches(e, i));
    expect(k, `${c.kind}/${c.name}: expected ${JSON.stringify(e)}\nactual:\n${issues.map((i) => JSON.stringify(i)).join('\n')}`).toBeGreaterThanOrEqual(0);
    left.splice(k, 1);
  }
  expect(left, `${c.kind}/${c.name}: unexpected issues`).toEqual([]);
}

describe('malformed corpus', () => {
  it('has at least 40 cases, every kind covered; count by kind', () => {
    const byKind = Object.fromEntries(KINDS.map((k) => [k, cases.filter((c) => c.kind === k).length]));
    console.log(`malformed cases: ${cases.length}\n${Object.entries(byKind).map(([k, n]) => `  ${k.padEnd(18)} ${n}`).join('\n')}`);
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const k of KINDS) expect(byKind[k], k).toBeGreaterThan(0);
    expect(cases.every((c) => KINDS.includes(c.kind))).toBe(true);
  });

  for (const c of cases) {
    it(`${c.kind}: ${c.name}`, () => {
      if (c.via === 'snapshot') {
        const file = c.file as string;
        const bytes = c.ctx?.fakeSize !== undefined ? new Uint8Array(c.ctx.fakeSize) : readFileSync(join(ROOT, file));
        const ctx: SnapshotContext = { classes: c.ctx?.classes === 'one' ? TWO_CLASSES.slice(0, 1) : TWO_CLASSES };
        if (c.ctx?.dateIso !== null) ctx.dateIso = c.ctx?.dateIso ?? '2024-08-12';
        if (c.ctx?.maxBytes !== undefined) ctx.maxBytes = c.ctx.maxBytes;
        const r = parseSnapshotFile({ file, bytes }, ctx);
        assertIssues(c, r.issues);
        expect(r.ok).toBe(c.ok);
        if (r.ok && c.kept !== undefined) expect(r.value.features.length).toBe(c.kept);
        for (const i of r.issues) expect(i.file).toBe(file);
      } else {
        const r = loadDataset(readDir(join(ROOT, c.dir as string)));
        assertIssues(c, r.issues);
        expect(r.ok).toBe(c.ok);
        if (r.ok && c.snapshots !== undefined) expect(r.value.snapshots.length).toBe(c.snapshots);
        if (r.ok && c.manifestInferred !== undefined) expect(r.value.manifestInferred).toBe(c.manifestInferred);
      }
    });
  }
});

describe('text input', () => {
  it('checks the size of text input too, and parses good text', () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [] });
    const tooBig = parseSnapshotFile({ file: 'x.geojson', text }, { classes: TWO_CLASSES, dateIso: '2024-08-12', maxBytes: 10 });
    expect(tooBig.ok).toBe(false);
    expect(tooBig.issues[0]?.reason).toMatch(/over the 10 bytes limit/);
    const ok = parseSnapshotFile({ file: 'x.geojson', text }, { classes: TWO_CLASSES, dateIso: '2024-08-12' });
    expect(ok.ok && ok.value.features.length).toBe(0);
  });
});

describe('geodata/kursk', () => {
  it('loads with no errors, every feature kept', () => {
    const dir = join(import.meta.dirname, '../../../geodata/kursk');
    const files = readDir(dir).filter((f) => /\.(geo)?json$/.test(f.path));
    const started = performance.now();
    const r = loadDataset(files);
    const ms = performance.now() - started;
    console.log(`loadDataset(geodata/kursk): ${ms.toFixed(0)} ms`);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.manifestInferred).toBe(false);
    expect(r.value.snapshots.length).toBe(94);
    expect(r.value.snapshots.reduce((n, s) => n + s.features.length, 0)).toBe(509);
    expect(Object.keys(r.value.clipRegions)).toEqual(['russia', 'kursk_oblast']);
    expect(r.value.manifest.measures.map((m) => m.id)).toEqual(['held', 'held_kursk', 'held_or_unknown', 'held_or_unknown_kursk', 'occupied']);
  });
});

describe('schema', () => {
  it('accepts the Kursk manifest as it is (strict: no unknown keys)', () => {
    const json: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../../geodata/kursk/dataset.json'), 'utf8'));
    expect(DatasetManifestSchema.safeParse(json).error?.issues ?? []).toEqual([]);
  });
  it('geodata/schema.json is up to date (npx tsx scripts/build-schema.ts)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../../../geodata/schema.json'), 'utf8'));
    expect(committed).toEqual(buildSchema());
  });
});
