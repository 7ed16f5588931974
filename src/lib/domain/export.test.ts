// export.ts: GeoJSON and CSV of a diff, RFC 4180 quoting, file names.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { diffSnapshots } from './diff';
import { CSV_COLUMNS, csvField, diffToCsv, diffToGeoJson, exportFileName } from './export';
import type { ControlFeature } from './types';

const box = (w: number, s: number, e: number, n: number): Position[] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const feature = (ring: Position[]): ControlFeature => ({ type: 'Feature', properties: { class: 'held' }, geometry: { type: 'Polygon', coordinates: [ring] } });
const diff = diffSnapshots(
  { dateIso: '2024-09-03', file: 'a.geojson', features: [feature(box(35, 51, 35.1, 51.1))] },
  { dateIso: '2025-02-04', file: 'b.geojson', features: [feature(box(35.05, 51, 35.15, 51.1))] },
  [{ id: 'held', label: 'Held, "in Russia"', classes: ['held'] }],
  {},
);
const labels = { held: 'Held, "in Russia"' };

describe('diffToGeoJson', () => {
  it('writes every polygon with dataset, dates, measure and class, change and area', () => {
    const fc = JSON.parse(diffToGeoJson(diff, 'kursk-2024', labels)) as { type: string; claimedGround: Record<string, string>; features: { properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.claimedGround).toMatchObject({ dataset: 'kursk-2024', fromDate: '2024-09-03', toDate: '2025-02-04', engine: diff.engine });
    expect(fc.features.map((f) => f.properties['change']).sort()).toEqual(['gained', 'lost', 'unchanged']);
    for (const f of fc.features) {
      expect(f.properties).toMatchObject({ dataset: 'kursk-2024', measure: 'held', measureLabel: 'Held, "in Russia"', classes: 'held', fromDate: '2024-09-03', toDate: '2025-02-04' });
      expect(f.properties['areaKm2']).toBeGreaterThan(0);
      for (const [x] of f.geometry.coordinates[0]!) expect(String(x).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
    }
  });

  it('writes an empty FeatureCollection for an empty diff', () => {
    const empty = diffSnapshots({ dateIso: '2024-01-01', file: 'a', features: [] }, { dateIso: '2024-01-02', file: 'b', features: [] }, [], {});
    expect(JSON.parse(diffToGeoJson(empty, 'x'))).toMatchObject({ type: 'FeatureCollection', features: [] });
  });
});

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['-1+1', "'-1+1"],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(csvField(input)).toBe(expected));

  it('writes numbers as they are, negatives included, and non-finite as empty', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(Number.NaN)).toBe('');
  });
});

describe('diffToCsv', () => {
  it('has a header and one CRLF-terminated row per measure, quoting the label', () => {
    const csv = diffToCsv(diff, 'kursk-2024', labels);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toMatch(/^kursk-2024,held,"Held, ""in Russia""",2024-09-03,2025-02-04,/);
    const m = diff.measures[0]!;
    expect(lines[1]).toContain(`,${m.gainedKm2.toFixed(4)},${m.lostKm2.toFixed(4)},`);
    expect(csv).not.toMatch(/[^\r]\n/);
  });
});

describe('exportFileName', () => {
  it('names the dataset, both dates and the kind', () => {
    expect(exportFileName('kursk-2024', '2024-09-03', '2025-02-04', 'geojson')).toBe('kursk-2024_2024-09-03_2025-02-04_diff.geojson');
    expect(exportFileName('kursk-2024', '2024-09-03', '2025-02-04', 'csv')).toBe('kursk-2024_2024-09-03_2025-02-04_diff.csv');
  });

  it('throws with the bad value in the message', () => {
    expect(() => exportFileName('../etc', '2024-09-03', '2025-02-04', 'csv')).toThrow('"../etc"');
    expect(() => exportFileName('k', '2024-02-30', '2025-02-04', 'csv')).toThrow('"2024-02-30"');
    expect(() => exportFileName('k', '2024-02-03', '2025-02-04', 'tar/gz')).toThrow('"tar/gz"');
  });
});
