// The claims CSV reader: RFC 4180 quoting, line numbers, each column's checks, conversions, limits; the claims it
// makes are compared as the ledger's are.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CLAIMS_CSV_LIMITS, KM2_PER_UNIT, parseClaimsCsv } from './claims-csv';
import { claimInterval } from '../domain/claim-interval';
import { compareAreaClaim, type AreaSeriesPoint } from '../domain/claim-compare';
import type { Claim } from '../domain/claim-schema';

const FIXTURE = new URL('./fixtures/claims-csv/kursk-claims.csv', import.meta.url);
const HEADER = 'date,claimant,value,unit,qualifier,quote,url,reported_by,published';

function ok(text: string, file = 'claims.csv'): { claims: Claim[]; reasons: string[] } {
  const r = parseClaimsCsv(file, text);
  if (!r.ok) throw new Error(`expected ok: ${r.issues.map((i) => i.reason).join('; ')}`);
  return { claims: r.value, reasons: r.issues.map((i) => `${i.severity}: ${i.reason}`) };
}
const errorsOf = (text: string) => parseClaimsCsv('claims.csv', text).issues.filter((i) => i.severity === 'error').map((i) => i.reason);

describe('parseClaimsCsv: the fixture (BOM, CRLF, quoted commas, doubled quotes, a line break in a quote)', () => {
  const r = parseClaimsCsv('kursk-claims.csv', readFileSync(FIXTURE, 'utf8'));
  it('keeps the good rows and names each bad one by line and column', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((c) => c.id)).toEqual([
      'kursk-claims-csv-line-2',
      'kursk-claims-csv-line-3',
      'kursk-claims-csv-line-4',
      'kursk-claims-csv-line-5',
      'kursk-claims-csv-line-6',
      'kursk-claims-csv-line-8',
      'kursk-claims-csv-line-10',
      'kursk-claims-csv-line-11',
    ]);
    expect(r.issues.map((i) => `${i.file}: ${i.reason}`)).toEqual([
      'kursk-claims.csv: line 12, column "value": number expected, "12O" found',
      'kursk-claims.csv: line 13, column "date": impossible date "2025-02-30"',
      'kursk-claims.csv: line 14, column "unit": one of "km2", "mi2", "ha", "settlements" expected, "acres" found',
      'kursk-claims.csv: line 14, column "qualifier": one of "about", "approximately", "around", "at least", "over", "more than", "nearly", "up to", "under", "less than" (or empty) expected, "roughly" found',
      'kursk-claims.csv: line 14, column "url": http(s) URL expected, "ftp://example.org/x" found',
      'kursk-claims.csv: line 15: 11 fields, but the header has 9 (a comma in a field that is not in double quotes?); row left out',
    ]);
    expect(r.issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('reads the five seed area claims as the ledger has them', () => {
    if (!r.ok) return;
    const [s000, s001, s002, s800, s1400] = r.value;
    expect(s000).toMatchObject({
      quantity: 'area_held',
      unit: 'km2',
      value: { qualifier: 'approximately', amount: 1300, stated: 'approximately 1300 km2' },
      period: { kind: 'peak', startIso: '2024-08-06', endIso: '2025-01-06' },
      claimant: { name: 'the outlet itself (seed 000)', kind: 'unspecified', role: 'kursk-claims.csv, line 2' },
      source: { outlet: null, publishedIso: '2025-01-06', publishedPrecision: 'stated', url: null, seedFile: 'kursk-claims.csv' },
      quote: 'At its peak, Ukraine controlled approximately 1,300 square kilometers of the Kursk region',
    });
    // "around" is the ledger's "about"; "1,300" in a quoted field is 1300
    expect(s001!.value).toMatchObject({ qualifier: 'about', amount: 1300 });
    // no "published": not before the day the figure speaks for; the outlet named in reported_by
    expect(s002!.source).toMatchObject({ outlet: 'Euromaidan Press', publishedIso: '2025-02-01', publishedPrecision: 'not_before' });
    expect(s002!.claimant.kind).toBe('outlet');
    expect(s800!.period).toMatchObject({ kind: 'instant', dateIso: '2024-12-16' });
    expect(s800!.value).toMatchObject({ qualifier: 'exact', amount: 800 });
    expect(s800!.quote).toContain('portions of Kursk, with a Ukrainian');
    expect(s1400!.value).toMatchObject({ qualifier: 'exact', amount: 1400 });
  });

  it('keeps a quoted line break and doubled quotes in a field; counts lines across it', () => {
    if (!r.ok) return;
    const mi2 = r.value.find((c) => c.id.endsWith('line-8'))!;
    expect(mi2.quote).toBe('the same figure in square miles:\nInitially, they seized "around 1,300 square kilometers (500 square miles)"');
    expect(mi2.source.url).toBe('https://example.org/article');
    // the row after it starts on line 10
    expect(r.value.find((c) => c.id.endsWith('line-10'))!.claimant.name).toBe('a test row in hectares');
  });

  it('converts mi² and ha to km², keeping the figure as written', () => {
    if (!r.ok) return;
    const mi2 = r.value.find((c) => c.id.endsWith('line-8'))!;
    expect(mi2.unit).toBe('km2');
    expect(mi2.value).toMatchObject({ qualifier: 'about', amount: 500 * 2.589988110336, convertedFrom: { unit: 'mi2', amount: 500, km2PerUnit: 2.589988110336 } });
    const ha = r.value.find((c) => c.id.endsWith('line-10'))!;
    expect(ha.value).toMatchObject({ qualifier: 'under', amount: 120, convertedFrom: { unit: 'ha', amount: 12000, km2PerUnit: 0.01 } });
    const settlements = r.value.find((c) => c.id.endsWith('line-11'))!;
    expect(settlements).toMatchObject({ quantity: 'settlements_held', unit: 'settlements', value: { qualifier: 'over', amount: 100 } });
  });
});

describe('parseClaimsCsv: columns', () => {
  it('the conversion factors are the exact definitions', () => {
    expect(Math.abs(KM2_PER_UNIT.mi2 - 1.609344 * 1.609344)).toBeLessThan(1e-12);
    expect(KM2_PER_UNIT.ha).toBe(0.01);
  });

  it('every qualifier word maps to the ledger’s qualifier', () => {
    const words: [string, string][] = [
      ['', 'exact'], ['about', 'about'], ['approximately', 'approximately'], ['around', 'about'], ['at least', 'at_least'],
      ['over', 'over'], ['more than', 'over'], ['nearly', 'nearly'], ['up to', 'up_to'], ['under', 'under'], ['less than', 'under'],
      ['At Least', 'at_least'], ['more_than', 'over'],
    ];
    const text = [HEADER, ...words.map(([w]) => `2024-12-16,x,800,km2,${w},,,,`)].join('\n');
    expect(ok(text).claims.map((c) => c.value.qualifier)).toEqual(words.map(([, q]) => q));
  });

  it('header: any order and case; unknown columns warned; missing required columns fail', () => {
    const r = ok('Unit,Value,Claimant,DATE,Reported By,notes\nkm2,800,x,2024-12-16,Outlet,ignored\n');
    expect(r.claims[0]).toMatchObject({ unit: 'km2', value: { amount: 800 }, source: { outlet: 'Outlet' } });
    expect(r.reasons).toEqual(['warning: line 1: unknown column "notes" ignored (columns: date, claimant, value, unit, qualifier, quote, url, reported_by, published)']);
    const bad = parseClaimsCsv('claims.csv', 'date,who,value\n2024-12-16,x,800\n');
    expect(bad.ok).toBe(false);
    expect(bad.issues[0]!.reason).toBe('line 1 (the header): columns "claimant", "unit" missing; the header has "date", "who", "value" (columns: date, claimant, value, unit, qualifier, quote, url, reported_by, published)');
  });

  it('semicolon- and tab-separated files are read too', () => {
    expect(ok('date;claimant;value;unit\n2024-12-16;x;"1,300";km2\n').claims[0]!.value).toMatchObject({ amount: 1300 });
    expect(ok('date\tclaimant\tvalue\tunit\n2024-12-16\tx\t800\tkm2\n').claims).toHaveLength(1);
  });

  it('dates: a day is "as of", a period is a peak; bad ones are named', () => {
    expect(errorsOf(`${HEADER}\n3/4/22,x,800,km2,,,,,\n`)).toEqual(['line 2, column "date": date expected as YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, "3/4/22" found']);
    expect(errorsOf(`${HEADER}\n2025-01-10..2025-01-01,x,800,km2,,,,,\n`)).toEqual(['line 2, column "date": period starts (2025-01-10) after it ends (2025-01-01)']);
    expect(errorsOf(`${HEADER}\n,x,800,km2,,,,,\n`)).toEqual(['line 2, column "date": a date (YYYY-MM-DD, or YYYY-MM-DD..YYYY-MM-DD for a peak over a period) expected, nothing found']);
    expect(errorsOf(`${HEADER}\n2025-01-10,x,800,km2,,,,,2025-01-05\n`)).toEqual([
      'line 2, column "date": 2025-01-10 is after the publication date 2025-01-05 (column "published"): a figure cannot speak for a later day',
    ]);
    expect(errorsOf(`${HEADER}\n2025-01-01,x,800,km2,,,,,5 Jan 2025\n`)).toEqual(['line 2, column "published": date expected as YYYY-MM-DD, "5 Jan 2025" found']);
  });

  it('values: negative, empty, words; claimant required', () => {
    expect(errorsOf(`${HEADER}\n2024-12-16,x,-5,km2,,,,,\n2024-12-16,,,km2,,,,,\n2024-12-16,x,eight hundred,km2,,,,,\n2024-12-16,x,"1,30",km2,,,,,\n`)).toEqual([
      'line 2, column "value": a figure of 0 or more expected, "-5" found',
      'line 3, column "claimant": who made the claim expected, nothing found',
      'line 3, column "value": number expected, nothing found',
      'line 4, column "value": number expected, "eight hundred" found',
      'line 5, column "value": number expected, "1,30" found',
    ]);
    expect(ok(`${HEADER}\n2024-12-16,x,1250.5,KM²,,,,,\n`).claims[0]!.value).toMatchObject({ amount: 1250.5 });
  });

  it('a quoted field that is never closed: the row is named, the rows before it kept', () => {
    const r = parseClaimsCsv('claims.csv', `${HEADER}\n2024-12-16,x,800,km2,,ok,,,\n2024-12-16,y,800,km2,,"not closed,,,\n2024-12-17,z,900,km2,,,,,\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((c) => c.claimant.name)).toEqual(['x']);
    expect(r.issues.map((i) => i.reason)).toEqual(['line 3: a quoted field is not closed (a missing double quote), so the rest of the file was read into it and left out']);
  });

  it('a stray quote after a quoted field is named; quotes inside an unquoted field are kept as text', () => {
    const r = parseClaimsCsv('claims.csv', `${HEADER}\n2024-12-16,x,800,km2,,He said "hi",,,\n2024-12-16,y,800,km2,,"a"b,,,\n`);
    expect(r.ok && r.value.map((c) => c.quote)).toEqual(['He said "hi"']);
    expect(r.issues.map((i) => i.reason)).toEqual(['line 3: a quoted field has a double quote inside it that is not doubled (""), so it never closes: the rest of the file was read into it and left out']);
  });

  it('blank lines and rows of empty fields are skipped, not reported; line numbers still count them', () => {
    const r = ok(`${HEADER}\n\n,,,,,,,,\n2024-12-16,x,800,km2,,,,,`);
    expect(r.claims.map((c) => c.id)).toEqual(['claims-csv-line-4']);
    expect(r.reasons).toEqual([]);
  });

  it('CR-only line ends count lines too', () => {
    expect(ok(`${HEADER}\r2024-12-16,x,800,km2,,,,,\r2024-12-16,y,900,km2,,,,,\r`).claims.map((c) => c.id)).toEqual(['claims-csv-line-2', 'claims-csv-line-3']);
  });

  it('nothing usable: empty file, header only, every row bad', () => {
    expect(parseClaimsCsv('claims.csv', '').issues.map((i) => i.reason)).toEqual(['empty file: a header row (date, claimant, value, unit, …) and one row per claim expected']);
    expect(parseClaimsCsv('claims.csv', `${HEADER}\n`)).toMatchObject({ ok: false, issues: [{ reason: 'no rows below the header: one row per claim expected' }] });
    expect(parseClaimsCsv('claims.csv', `${HEADER}\n2024-12-16,x,bad,km2,,,,,\n`).ok).toBe(false);
  });

  it('limits: rows past the cap are left out with one issue; an over-long field makes its row bad', () => {
    const rows = Array.from({ length: 5 }, (_, i) => `2024-12-1${i},x,800,km2,,,,,`);
    const r = parseClaimsCsv('claims.csv', [HEADER, ...rows].join('\n'), { maxRows: 3, maxFieldChars: 20 });
    expect(r.ok && r.value.length).toBe(3);
    expect(r.issues.map((i) => i.reason)).toEqual(['more than 3 rows: the first 3 were read, the rest (from line 5) was left out']);
    const long = parseClaimsCsv('claims.csv', `${HEADER}\n2024-12-16,x,800,km2,,${'q'.repeat(25)},,,\n2024-12-16,x,800,km2,,short,,,\n`, { maxRows: 10, maxFieldChars: 20 });
    expect(long.issues.map((i) => i.reason)).toEqual(['line 2, column "quote": text of 25 characters, over the 20 limit']);
    expect(CLAIMS_CSV_LIMITS.maxRows).toBeGreaterThan(1000);
  });

  it('strings from the file stay text: markup is kept verbatim, never interpreted', () => {
    const r = ok(`${HEADER}\n2024-12-16,"<img src=x onerror=alert(1)>",800,km2,,"<b>q</b>",,"<script>",\n`);
    expect(r.claims[0]!.claimant.name).toBe('<img src=x onerror=alert(1)>');
    expect(r.claims[0]!.source.outlet).toBe('<script>');
  });

  it('ids are kebab-case from the file name and line; names are case-insensitive claimant ids', () => {
    const r = ok(`${HEADER}\n2024-12-16,Zelensky,800,km2,,,,,\n2024-12-17,zelensky,900,km2,,,,,\n`, 'My Claims (v2).CSV');
    expect(r.claims.map((c) => c.id)).toEqual(['my-claims-v2-csv-line-2', 'my-claims-v2-csv-line-3']);
    expect(new Set(r.claims.map((c) => c.claimant.id)).size).toBe(1);
  });
});

describe('claims from a CSV are compared like the ledger’s', () => {
  const series: AreaSeriesPoint[] = [
    { dateIso: '2024-08-01', areaKm2ByMeasure: { held: 100 } },
    { dateIso: '2024-12-01', areaKm2ByMeasure: { held: 1200 } },
    { dateIso: '2025-04-30', areaKm2ByMeasure: { held: 10 } },
  ];
  it('a mi² figure is checked with the rounding of its miles', () => {
    const { claims } = ok(`${HEADER}\n2024-12-16,x,500,mi2,,,,,\n2024-12-16,x,1295,km2,,,,,\n`);
    const [mi2, km2] = claims.map((c) => compareAreaClaim(c, series, { measures: ['held'] }).byMeasure['held']!);
    // 500 mi² → 450–550 mi² = 1,165.5–1,424.5 km²: 1,200 fits; 1,295 km² (to the unit) does not
    expect(mi2!.verdict).toBe('consistent');
    expect(km2!.verdict).toBe('inconsistent');
    expect(claimInterval(claims[0]!.value).lowest).toBeCloseTo(1165.49, 1);
  });
  it('settlements are not comparable with polygons', () => {
    const { claims } = ok(`${HEADER}\n2024-12-16,x,100,settlements,over,,,,\n`);
    expect(compareAreaClaim(claims[0]!, series, { measures: ['held'] }).byMeasure['held']!.verdict).toBe('not_comparable');
  });
});

describe('parseClaimsCsv: properties', () => {
  /** Text a spreadsheet cell may hold: commas, quotes, line breaks (LF and CRLF), non-Latin letters. */
  const cell = fc.stringMatching(/^[a-zA-Zа-яё0-9 ,"'.;\n\r\u00e9]{1,30}$/).filter((t) => t.trim() !== '' && t.trim() === t);
  const row = fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    claimant: cell,
    amount: fc.integer({ min: 0, max: 100_000 }),
    quote: cell,
    newline: fc.constantFrom('\n', '\r\n'),
  });

  it('a sheet written by a CSV writer (any cell text, quoted as needed) reads back row for row, lines counted', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (rows, newline) => {
        const text = Papa.unparse({ fields: ['date', 'claimant', 'value', 'unit', 'quote'], data: rows.map((r) => [`2024-12-${String(r.day).padStart(2, '0')}`, r.claimant, String(r.amount), 'km2', r.quote]) }, { newline });
        const got = parseClaimsCsv('p.csv', text);
        expect(got.issues).toEqual([]);
        if (!got.ok) return;
        expect(got.value.map((c) => [c.claimant.name, c.value.qualifier === 'range' ? -1 : c.value.amount, c.quote])).toEqual(rows.map((r) => [r.claimant, r.amount, r.quote]));
        // Each claim's line is where its row starts: 2 plus the line breaks of the rows before it.
        let line = 2;
        got.value.forEach((c, i) => {
          expect(c.id).toBe(`p-csv-line-${line}`);
          const r = rows[i]!;
          line += 1 + (`${r.claimant}|${r.quote}`.match(/\r\n|\r|\n/g)?.length ?? 0);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on any text; every issue names the file and a line or the file as a whole', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (tail) => {
        const r = parseClaimsCsv('f.csv', `${HEADER}\n${tail}`);
        for (const i of r.issues) {
          expect(i.file).toBe('f.csv');
          expect(i.reason).toMatch(/^(line \d+|no rows below the header|more than)/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
