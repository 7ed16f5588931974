import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssertion, parsePlaceClaimsCsv } from './place-claims';

const HEADER = 'date,settlement,claimant,claim,source,quote,settlement_ru,place_id,asserts,count';
const good = (date = '2024-09-12', extra = '') =>
  `${date},Snagost,Russian Ministry of Defence,recaptured,https://tass.com/politics/1842391,"liberated the following 10 settlements: Apanasovka, Snagost",Снагость,geonames-postal:RU:307431,held:RU,${extra}`;
const parse = (text: string, knownPlaceIds?: Set<string>) =>
  parsePlaceClaimsCsv({ file: 'place-claims.csv', text }, knownPlaceIds ? { knownPlaceIds } : {});

describe('the Kursk place claims file', () => {
  const text = readFileSync('geodata/kursk/place-claims.csv', 'utf8');
  const places = JSON.parse(readFileSync('geodata/kursk/places.geojson', 'utf8')) as { features: { id: string }[] };
  const r = parse(text, new Set(places.features.map((f) => f.id)));

  it('loads all 46 claims with no issue', () => {
    expect(r.issues).toEqual([]);
    expect(r.ok && r.value).toHaveLength(46);
  });
  it('keeps the totals apart and the places the gazetteer lacks as claims without a place', () => {
    if (!r.ok) throw new Error('not loaded');
    expect(r.value.filter((c) => c.isCount).map((c) => c.count)).toEqual([28, 74, 82, 92, null, 100, 12, 12]);
    const named = r.value.filter((c) => !c.isCount);
    expect(named.filter((c) => c.placeId !== null)).toHaveLength(13);
    expect(named.filter((c) => c.placeId === null).map((c) => c.settlement)).toContain('Kazachya Loknya');
    const sudzha = r.value.filter((c) => c.settlement === 'Sudzha').map((c) => [c.dateIso, c.asserts]);
    expect(sudzha).toEqual([
      ['2024-08-08', { kind: 'held', country: 'UA' }],
      ['2024-08-15', { kind: 'held', country: 'UA' }],
      ['2025-03-13', { kind: 'held', country: 'RU' }],
    ]);
    expect(new Set(r.value.map((c) => c.id)).size).toBe(46);
  });
});

describe('bad rows', () => {
  it('names the line and column of each bad field, and keeps the good rows', () => {
    const text = [
      HEADER,
      good(),
      good('2024-13-01'),
      good('2024-09-12').replace('https://tass.com/politics/1842391', 'javascript:alert(1)'),
      good().replace('held:RU', 'recaptured'),
      good('2024-09-12', '-3'),
      good(),
    ].join('\n');
    const r = parse(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((c) => c.line)).toEqual([2, 7]);
    expect(r.value.map((c) => c.id)).toEqual(['2024-09-12-snagost', '2024-09-12-snagost-2']);
    expect(r.issues.map((i) => i.reason)).toEqual([
      'line 3, column 1 (date): impossible date "2024-13-01"',
      'line 4, column 5 (source): http(s) URL expected, "javascript:alert(1)" found',
      'line 5, column 9 (asserts): held:<country code>, entered:<country code> or contested expected, "recaptured" found',
      'line 6, column 10 (count): whole number ≥ 0 expected, "-3" found',
    ]);
    expect(r.issues.every((i) => i.file === 'place-claims.csv' && i.severity === 'error')).toBe(true);
  });

  it('counts lines inside quoted fields, and names a row with too few fields', () => {
    const text = [HEADER, good().replace('"liberated', '"liberated\nover two lines'), 'a,b,c', good('2024-02-30')].join('\n');
    const r = parse(text);
    expect(r.ok).toBe(true);
    expect(r.issues.map((i) => i.reason)).toEqual(expect.arrayContaining([
      'line 4: 3 fields, 10 expected (a comma inside a field needs quotes)',
      'line 5, column 1 (date): impossible date "2024-02-30"',
    ]));
    expect(r.ok && r.value.map((c) => c.line)).toEqual([2]);
  });

  it('names empty required fields, and warns about an unknown place id but keeps the claim', () => {
    const r = parse([HEADER, good().replace('Russian Ministry of Defence', ''), good()].join('\r\n'), new Set(['other']));
    expect(r.issues.map((i) => [i.severity, i.reason])).toEqual([
      ['error', 'line 2, column 3 (claimant): empty; text expected'],
      ['warning', 'line 2, column 8 (place_id): "geonames-postal:RU:307431" is not in the places file; the claim is listed as about a place the gazetteer lacks'],
      ['warning', 'line 3, column 8 (place_id): "geonames-postal:RU:307431" is not in the places file; the claim is listed as about a place the gazetteer lacks'],
    ]);
    expect(r.ok && r.value[0]!.placeId).toBeNull();
  });

  it('fails with the reason when a required column is missing, the file is empty, or no row is usable', () => {
    const noAsserts = parse('date,settlement,claimant,claim,source,quote\n2024-01-01,a,b,c,https://x.org,q');
    expect(noAsserts.ok).toBe(false);
    expect(noAsserts.issues[0]!.reason).toBe('line 1: missing column "asserts" (the header has "date", "settlement", "claimant", "claim", "source", "quote")');
    expect(parse('').issues[0]!.reason).toMatch(/^empty/);
    const allBad = parse([HEADER, good('yesterday')].join('\n'));
    expect(allBad.ok).toBe(false);
    expect(allBad.issues.map((i) => i.reason)).toEqual(['line 2, column 1 (date): ISO date (YYYY-MM-DD) expected, "yesterday" found', 'no usable claim left']);
  });

  it('reads a byte-order mark and warns about unknown columns', () => {
    const r = parse(`\ufeff${HEADER},note\n${good()},hello`);
    expect(r.ok && r.value).toHaveLength(1);
    expect(r.issues.map((i) => i.reason)).toEqual(['line 1: unknown column "note"; ignored']);
  });

  it('rejects bytes that are not UTF-8', () => {
    const r = parsePlaceClaimsCsv({ file: 'x.csv', bytes: new Uint8Array([0x64, 0x61, 0xff, 0x0a]) });
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.reason).toMatch(/^not UTF-8/);
  });
});

describe('parseAssertion', () => {
  it('reads the three forms and nothing else', () => {
    expect(parseAssertion('held:UA')).toEqual({ kind: 'held', country: 'UA' });
    expect(parseAssertion('entered:UA')).toEqual({ kind: 'entered', country: 'UA' });
    expect(parseAssertion('contested')).toEqual({ kind: 'contested' });
    for (const bad of ['held:ua', 'held', 'held:UKR', '', 'Contested']) expect(parseAssertion(bad), bad).toBeUndefined();
  });
});
