// The claims ledger validates as shipped, and malformed claims are reported where they are, not thrown.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseClaimsFile } from './claim-schema';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const ledgerText = readFileSync(`${root}geodata/kursk/claims.json`, 'utf8');
const manifest = JSON.parse(readFileSync(`${root}geodata/kursk/dataset.json`, 'utf8')) as { snapshots: { dateIso: string }[] };
const snapshotDates = manifest.snapshots.map((s) => s.dateIso);
/** A fresh, mutable copy of the shipped ledger (untyped on purpose: the tests break claims in any field). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ledger = (): { claims: Record<string, any>[] } & Record<string, unknown> => JSON.parse(ledgerText);

describe('geodata/kursk/claims.json', () => {
  const result = parseClaimsFile('claims.json', ledger(), { snapshotDates });

  it('every claim validates, with no issues at all', () => {
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toHaveLength(ledger().claims.length);
  });

  it('each value, as stated, is found in its quote', () => {
    for (const c of ledger().claims) expect(c.quote, c.id).toContain(c.value.stated);
  });

  it('has at least one claim for each area figure in the articles', () => {
    const areaIds = ledger().claims.filter((c) => c.quantity === 'area_held').map((c) => c.id);
    expect(areaIds.sort()).toEqual(['s000-ua-area-peak-1300', 's001-ua-area-initial-1300', 's002-ua-area-1250', 's004-ua-area-800', 's004-ua-area-earlier-1400']);
  });
});

describe('parseClaimsFile: malformed claims', () => {
  const reasonsOf = (json: unknown, opts?: { snapshotDates?: string[] }) => parseClaimsFile('bad.json', json, opts).issues.map((i) => i.reason);

  it('a non-ISO date names the path and the value found', () => {
    const f = ledger();
    f.claims[3]!.period = { kind: 'by', dateIso: '3/4/22', explanation: 'x' };
    const r = parseClaimsFile('bad.json', f);
    expect(r.issues).toEqual([
      { file: 'bad.json', featureIndex: 3, featureId: f.claims[3]!.id, path: 'claims[3].period.dateIso', reason: 'claims[3].period.dateIso: ISO date expected, "3/4/22" found', severity: 'error' },
    ]);
    // the other claims are kept
    expect(r.ok && r.value.length).toBe(f.claims.length - 1);
  });

  it('impossible calendar dates', () => {
    const f = ledger();
    f.claims[0]!.period = { kind: 'peak', startIso: '2024-08-06', endIso: '2025-02-30', explanation: 'x' };
    expect(reasonsOf(f)).toEqual(['claims[0].period.endIso: impossible date "2025-02-30"']);
  });

  it('a period that ends before it starts', () => {
    const f = ledger();
    f.claims[0]!.period = { kind: 'peak', startIso: '2024-10-01', endIso: '2024-09-01', explanation: 'x' };
    expect(reasonsOf(f)).toEqual(['claims[0].period: period starts (2024-10-01) after it ends (2024-09-01)']);
  });

  it('a date after the article was published (when the publication date is known)', () => {
    const f = ledger();
    const i = f.claims.findIndex((c) => c.source.publishedPrecision === 'stated');
    f.claims[i]!.period = { kind: 'by', dateIso: '2026-01-01', explanation: 'x' };
    expect(reasonsOf(f)).toEqual([`claims[${i}].period: date 2026-01-01 is after the article's publication (${f.claims[i]!.source.publishedIso})`]);
  });

  it('range with low > high', () => {
    const f = ledger();
    f.claims[8]!.value = { qualifier: 'range', low: 55000, high: 50000, stated: '50,000–55,000' };
    expect(reasonsOf(f)).toEqual(['claims[8].value: low 55000 is greater than high 50000']);
  });

  it('duplicate ids: the later claim is dropped', () => {
    const f = ledger();
    f.claims[5]!.id = f.claims[0]!.id;
    const r = parseClaimsFile('bad.json', f);
    expect(r.issues.map((i) => i.reason)).toEqual([`claims[5].id: duplicate id "${f.claims[0]!.id}" (first used by claims[0])`]);
    expect(r.ok && r.value.filter((c) => c.id === f.claims[0]!.id)).toHaveLength(1);
  });

  it('unknown keys are errors (strict)', () => {
    const f = ledger();
    f.claims[2]!.confidence = 'high';
    f.claims[4]!.source.paywall = true;
    expect(reasonsOf(f)).toEqual(['claims[2]: unknown key "confidence"', 'claims[4].source: unknown key "paywall"']);
  });

  it('unknown enum values and discriminators', () => {
    const f = ledger();
    f.claims[0]!.quantity = 'area';
    f.claims[1]!.value.qualifier = 'roughly';
    f.claims[2]!.period.kind = 'when';
    expect(reasonsOf(f)).toEqual([
      expect.stringMatching(/^claims\[0\]\.quantity: one of "area_held", .* expected, "area" found$/),
      expect.stringMatching(/^claims\[1\]\.value\.qualifier: one of "exact", .*"range" expected, "roughly" found$/),
      'claims[2].period.kind: one of "instant", "by", "period", "peak" expected, "when" found',
    ]);
  });

  it('wrong types, missing fields, empty text, unsafe links', () => {
    const f = ledger();
    f.claims[0]!.value.amount = '1,300';
    delete f.claims[1]!.unit;
    f.claims[2]!.quote = '';
    f.claims[3]!.source.url = 'javascript:alert(1)';
    f.claims[4]!.id = 'Not An Id';
    expect(reasonsOf(f)).toEqual([
      'claims[0].value.amount: number expected, "1,300" found',
      expect.stringMatching(/^claims\[1\]\.unit: one of .* expected, nothing found$/),
      'claims[2].quote: non-empty text expected, "" found',
      'claims[3].source.url: http(s) URL expected, "javascript:alert(1)" found',
      'claims[4].id: lower-case kebab-case id expected, "Not An Id" found',
    ]);
  });

  it('the ledger quotes every figure (only a CSV may leave the quote out)', () => {
    const f = ledger();
    delete f.claims[5]!.quote;
    expect(reasonsOf(f)).toEqual(['claims[5].quote: required in a claims file (the exact passage the figure comes from)']);
  });

  it('derivations are required when the outlet or publication date is not stated', () => {
    const f = ledger();
    const i = f.claims.findIndex((c) => c.source.outlet === null);
    delete f.claims[i]!.source.outletDerivation;
    expect(reasonsOf(f)).toEqual([`claims[${i}].source.outletDerivation: required when outlet is null (say what the text gives instead)`]);
    const g = ledger();
    const j = g.claims.findIndex((c) => c.source.publishedPrecision === 'not_before');
    delete g.claims[j]!.source.publishedDerivation;
    expect(reasonsOf(g)).toEqual([`claims[${j}].source.publishedDerivation: required when publishedPrecision is "not_before"`]);
  });

  it('dates outside the snapshots are warnings, not errors', () => {
    const f = ledger();
    const r = parseClaimsFile('bad.json', f, { snapshotDates: ['2024-12-01', '2024-12-31'] });
    expect(r.ok).toBe(true);
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(r.issues.map((i) => i.reason)).toContain('claims[0].period: date 2024-08-06 is before the first snapshot (2024-12-01)');
    if (r.ok) expect(r.value).toHaveLength(f.claims.length);
  });

  it('fails when nothing usable is left, or the file is not a claims file', () => {
    expect(parseClaimsFile('x.json', { version: 1, datasetId: 'x', claims: [{}] }).ok).toBe(false);
    expect(reasonsOf(null)).toEqual(['top level: object expected, null found']);
    expect(reasonsOf({ version: 2, datasetId: 'x', claims: {} })).toEqual(['version: one of 1 expected, number 2 found', 'claims: array expected, an object found']);
    const empty = parseClaimsFile('x.json', { version: 1, datasetId: 'x', claims: [] });
    expect(empty).toEqual({ ok: true, value: [], issues: [] });
  });
});
