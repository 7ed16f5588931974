// Runs the malformed-input corpus through the validators: each case is a folder, fixtures/malformed/<kind>/<name>/, with
// its input (one snapshot file, or a dataset folder's files) and expected.json beside it; each case's issues must match
// exactly. `UPDATE=1 npx vitest run src/lib/data/validate.test.ts` rewrites the expected.json of every case whose
// result differs, with the issues found (each reason as an exact pattern): look at the diff before committing it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ControlClass, Issue } from '../domain/types';
import { loadDataset } from './load-dataset';
import type { DatasetFile } from './dataset-files';
import { readFolder } from '../../test-support/read-folder';
import { parseSnapshotFile, type SnapshotContext } from './validate-snapshot';
import { DatasetManifestSchema } from './schema';
import { buildSchema } from '../../../scripts/build-schema';

interface Expected {
  file: string;
  featureIndex?: number;
  reasonPattern: string;
  severity: 'error' | 'warning';
}
/** A case's expected.json. */
interface Expectation {
  via: 'snapshot' | 'dataset';
  ctx?: { classes?: 'one'; dateIso?: string | null; maxBytes?: number; fakeSize?: number };
  ok: boolean;
  kept?: number;
  snapshots?: number;
  manifestInferred?: boolean;
  /** Why the case expects what it does, for a reader (not checked). */
  note?: string;
  expect: Expected[];
}
interface Case extends Expectation {
  kind: string;
  name: string;
  /** The case's folder, relative to the corpus root (`<kind>/<name>`). */
  dir: string;
  /** A snapshot case's input file, relative to the corpus root. */
  file?: string;
}

const ROOT = join(import.meta.dirname, 'fixtures/malformed');
const EXPECTED = 'expected.json';
const UPDATE = process.env.UPDATE === '1';
const KINDS = ['encoding', 'json', 'geojson-structure', 'geometry', 'coordinates', 'dates', 'classes', 'fields', 'size', 'manifest', 'repairs', 'limits', 'names', 'hosting'];

/** Every case folder under the corpus root: `<kind>/<name>/expected.json`. */
function readCases(): Case[] {
  const out: Case[] = [];
  for (const kind of readdirSync(ROOT).sort()) {
    if (!statSync(join(ROOT, kind)).isDirectory()) continue;
    for (const name of readdirSync(join(ROOT, kind)).sort()) {
      const dir = `${kind}/${name}`;
      const expectation = JSON.parse(readFileSync(join(ROOT, dir, EXPECTED), 'utf8')) as Expectation;
      const c: Case = { kind, name, dir, ...expectation };
      if (c.via === 'snapshot') {
        const inputs = readdirSync(join(ROOT, dir)).filter((f) => f !== EXPECTED);
        if (inputs.length !== 1) throw new Error(`${dir}: a snapshot case holds one input file beside ${EXPECTED}, found ${inputs.length}`);
        c.file = `${dir}/${inputs[0]}`;
      }
      out.push(c);
    }
  }
  return out;
}

const cases = readCases();

const TWO_CLASSES: ControlClass[] = [
  { id: 'held', label: 'Held', color: '#1565c0' },
  { id: 'grey', label: 'Grey', color: '#8d8d8d' },
];

/** A case folder's dataset files: everything but its expected.json. */
function readCaseDir(dir: string): DatasetFile[] {
  return readFolder(dir).filter((f) => f.path !== EXPECTED);
}

/** What a case found, written as its expected.json (UPDATE=1): each reason as an exact, anchored pattern. */
function rewriteExpected(c: Case, issues: readonly Issue[], found: Pick<Expectation, 'ok' | 'kept' | 'snapshots' | 'manifestInferred'>): void {
  const escape = (text: string) => `^${text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`;
  const expectation: Expectation = {
    via: c.via,
    ...(c.ctx ? { ctx: c.ctx } : {}),
    ...found,
    ...(c.note ? { note: c.note } : {}),
    expect: issues.map((i) => ({ reasonPattern: escape(i.reason), severity: i.severity, file: i.file, ...(i.featureIndex === undefined ? {} : { featureIndex: i.featureIndex }) })),
  };
  writeFileSync(join(ROOT, c.dir, EXPECTED), `${JSON.stringify(expectation, null, 2)}\n`);
  console.log(`UPDATE=1: rewrote ${c.dir}/${EXPECTED}`);
}

/** Whether a case's result is what its expected.json says (the same test as the assertions below, as a value). */
function agrees(c: Case, issues: readonly Issue[], found: Pick<Expectation, 'ok' | 'kept' | 'snapshots' | 'manifestInferred'>): boolean {
  const left = [...issues];
  for (const e of c.expect) {
    const k = left.findIndex((i) => matches(e, i));
    if (k < 0) return false;
    left.splice(k, 1);
  }
  return left.length === 0 && found.ok === c.ok && (c.kept === undefined || found.kept === c.kept) && (c.snapshots === undefined || found.snapshots === c.snapshots) && (c.manifestInferred === undefined || found.manifestInferred === c.manifestInferred);
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
        const found = { ok: r.ok, ...(r.ok && c.kept !== undefined ? { kept: r.value.features.length } : {}) };
        if (UPDATE && !agrees(c, r.issues, found)) return rewriteExpected(c, r.issues, found);
        assertIssues(c, r.issues);
        expect(r.ok).toBe(c.ok);
        if (r.ok && c.kept !== undefined) expect(r.value.features.length).toBe(c.kept);
        for (const i of r.issues) expect(i.file).toBe(file);
      } else {
        const r = loadDataset(readCaseDir(join(ROOT, c.dir)));
        const found = {
          ok: r.ok,
          ...(r.ok && c.snapshots !== undefined ? { snapshots: r.value.snapshots.length } : {}),
          ...(r.ok && c.manifestInferred !== undefined ? { manifestInferred: r.value.manifestInferred } : {}),
        };
        if (UPDATE && !agrees(c, r.issues, found)) return rewriteExpected(c, r.issues, found);
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
    const files = readFolder(dir).filter((f) => /\.(geo)?json$/.test(f.path));
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
