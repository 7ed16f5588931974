// export.ts: file names, provenance (CSV comment lines, GeoJSON foreign member), RFC 4180 quoting, each format.
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { diffSnapshots } from './diff';
import {
  DIFF_CSV_COLUMNS, FIGURES_CSV_COLUMNS, areaReportToCsv, areaSeriesToCsv, creditLines, csvCommentLines, csvField, diffToCsv,
  diffToGeoJson, exportFileName, snapshotsToGeoJson,
} from './export';
import { testContext } from './fixtures/export-context';
import type { ControlFeature } from './types';
import type { AreaSeriesPoint } from './claim-compare';

const box = (w: number, s: number, e: number, n: number): Position[] => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const feature = (ring: Position[]): ControlFeature => ({ type: 'Feature', properties: { class: 'held' }, geometry: { type: 'Polygon', coordinates: [ring] } });
const diff = diffSnapshots(
  { dateIso: '2024-09-03', file: 'a.geojson', features: [feature(box(35, 51, 35.1, 51.1))] },
  { dateIso: '2025-02-04', file: 'b.geojson', features: [feature(box(35.05, 51, 35.15, 51.1))] },
  [{ id: 'held', label: 'Held, "in Russia"', classes: ['held'] }],
  {},
);
const labels = new Map([['held', 'Held, "in Russia"']]);
const compareCtx = testContext({ kind: 'compare', fromIso: '2024-09-05', toIso: '2025-02-04', layout: 'overlay' });
const dateCtx = testContext({ kind: 'date', dateIso: '2024-12-15' });

/** The data lines of a CSV export (after its comment lines). */
const dataLines = (csv: string) => csv.split('\r\n').filter((l) => !l.startsWith('#'));

describe('exportFileName', () => {
  it('names the dataset, the view, the dates asked for and what the file holds', () => {
    expect(exportFileName('kursk-2024', dateCtx.view, 'map@2x', 'png')).toBe('kursk-2024_date_2024-12-15_map@2x.png');
    expect(exportFileName('kursk-2024', compareCtx.view, 'diff', 'geojson')).toBe('kursk-2024_compare-overlay_2024-09-05_2025-02-04_diff.geojson');
    expect(exportFileName('kursk-2024', { kind: 'compare', fromIso: '2024-09-05', toIso: '2025-02-04', layout: 'side' }, 'map', 'png'))
      .toBe('kursk-2024_compare-side_2024-09-05_2025-02-04_map.png');
    expect(exportFileName('kursk-2024+kursk-isw', { kind: 'date', dateIso: '2024-12-15', layout: 'side' }, 'map', 'png'))
      .toBe('kursk-2024+kursk-isw_sources-side_2024-12-15_map.png');
    expect(exportFileName('kursk-2024', dateCtx.view, 'series', 'csv', { firstIso: '2024-08-01', lastIso: '2025-04-29' }))
      .toBe('kursk-2024_all-snapshots_2024-08-01_2025-04-29_series.csv');
  });

  it('throws with the bad value in the message', () => {
    expect(() => exportFileName('../etc', dateCtx.view, 'map', 'png')).toThrow('"../etc"');
    expect(() => exportFileName('a+', dateCtx.view, 'map', 'png')).toThrow('"a+"');
    expect(() => exportFileName('k', { kind: 'date', dateIso: '2024-02-30' }, 'map', 'png')).toThrow('"2024-02-30"');
    expect(() => exportFileName('k', dateCtx.view, 'map', 'tar/gz')).toThrow('"tar/gz"');
  });
});

describe('provenance', () => {
  it('credits every source with its licence status and attribution, then the basemap', () => {
    expect(creditLines(dateCtx)).toEqual([
      'Control areas © DeepStateMap. Licence: No licence published',
      'Places: GeoNames. Licence: CC BY 4.0',
      'Basemap: © OpenStreetMap contributors, Natural Earth',
    ]);
  });

  it('writes the dates asked for and the snapshot dates used as comment lines', () => {
    const lines = csvCommentLines(compareCtx);
    expect(lines.every((l) => l.startsWith('# '))).toBe(true);
    expect(lines).toContain('# dates asked for: 2024-09-05, 2025-02-04');
    expect(lines).toContain('# snapshots used (DeepStateMap): 2024-09-05 → 2024-09-03, 2025-02-04 → 2025-02-04');
    expect(lines).toContain('#   licence status: No licence published');
    expect(lines).toContain('#   attribution: Places: GeoNames');
    expect(lines).toContain(`# permalink: ${compareCtx.permalink}`);
    expect(lines).toContain('# accessed: 2026-12-01');
  });

  it('keeps a comment to one line whatever the data holds', () => {
    const ctx = { ...dateCtx, sources: [{ ...dateCtx.sources[1]!, attribution: 'two\r\nlines\n# fake: field' }] };
    expect(csvCommentLines(ctx)).toContain('#   attribution: two lines # fake: field');
  });
});

describe('diffToGeoJson', () => {
  it('writes every polygon with dataset, dates, measure and class, change and area, and the provenance member', () => {
    const fc = JSON.parse(diffToGeoJson(diff, compareCtx, labels)) as { type: string; claimedGround: Record<string, unknown>; features: { properties: Record<string, unknown>; geometry: { coordinates: number[][][] } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.claimedGround).toMatchObject({
      dataset: 'kursk-2024', datesAskedFor: ['2024-09-05', '2025-02-04'], fromSnapshot: '2024-09-03', toSnapshot: '2025-02-04', engine: diff.engine,
      sources: [{ name: 'DeepStateMap', licenceStatus: 'No licence published', attribution: 'Control areas © DeepStateMap' }, { name: 'GeoNames' }],
      permalink: compareCtx.permalink, accessed: '2026-12-01',
    });
    expect(fc.features.map((f) => f.properties['change']).sort()).toEqual(['gained', 'lost', 'unchanged']);
    for (const f of fc.features) {
      expect(f.properties).toMatchObject({ dataset: 'kursk-2024', measure: 'held', measureLabel: 'Held, "in Russia"', classes: 'held', fromDate: '2024-09-03', toDate: '2025-02-04' });
      expect(f.properties['areaKm2']).toBeGreaterThan(0);
      for (const [x] of f.geometry.coordinates[0]!) expect(String(x).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(7);
    }
  });

  it('writes an empty FeatureCollection for an empty diff', () => {
    const empty = diffSnapshots({ dateIso: '2024-01-01', file: 'a', features: [] }, { dateIso: '2024-01-02', file: 'b', features: [] }, [], {});
    expect(JSON.parse(diffToGeoJson(empty, compareCtx))).toMatchObject({ type: 'FeatureCollection', features: [] });
  });
});

describe('snapshotsToGeoJson', () => {
  it('keeps each feature as published and says which snapshot, date asked and source it is from', () => {
    const snap = { dateIso: '2024-12-14', file: 's.geojson', features: [feature(box(35.123456789, 51, 35.2, 51.1))] };
    const fc = JSON.parse(snapshotsToGeoJson([{ askedIso: '2024-12-15', source: 'DeepStateMap', snapshot: snap }], dateCtx));
    expect(fc.claimedGround).toMatchObject({ datesAskedFor: ['2024-12-15'], layers: [{ source: 'DeepStateMap', snapshots: [{ askedFor: '2024-12-15', snapshot: '2024-12-14' }] }] });
    expect(fc.features).toHaveLength(1);
    expect(fc.features[0].properties).toEqual({ class: 'held', snapshotDate: '2024-12-14', askedFor: '2024-12-15', source: 'DeepStateMap' });
    expect(fc.features[0].geometry.coordinates[0][0]).toEqual([35.1234568, 51]);
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

  it('writes numbers as they are, negatives included, and non-finite or missing as empty', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(undefined)).toBe('');
  });
});

describe('diffToCsv', () => {
  it('has the comment lines, a header and one CRLF-terminated row per measure, quoting the label', () => {
    const csv = diffToCsv(diff, compareCtx, labels);
    expect(csv.startsWith('# Claimed Ground export\r\n')).toBe(true);
    const lines = dataLines(csv);
    expect(lines[0]).toBe(DIFF_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toMatch(/^kursk-2024,held,"Held, ""in Russia""",2024-09-03,2025-02-04,/);
    const m = diff.measures[0]!;
    expect(lines[1]).toContain(`,${m.gainedKm2.toFixed(4)},${m.lostKm2.toFixed(4)},`);
    expect(csv).not.toMatch(/[^\r]\n/);
  });
});

describe('areaReportToCsv', () => {
  it('writes a row per measure then per class; a missing figure is empty, never 0', () => {
    const report = { measures: [{ id: 'held', label: 'Held', areaKm2: 420.123456, clipTo: 'russia' }, { id: 'bad', label: 'Bad', areaKm2: undefined }], classes: [{ id: 'held', areaKm2: 421.5 }], issues: [] };
    const lines = dataLines(areaReportToCsv([
      { datasetId: 'kursk-2024', askedIso: '2024-12-15', snapshotIso: '2024-12-14', report, classes: [{ id: 'held', label: 'Held class', color: '#000000' }] },
      { datasetId: 'kursk-isw', askedIso: '2024-12-15', snapshotIso: null, report: null, classes: [] },
    ], dateCtx));
    expect(lines[0]).toBe(FIGURES_CSV_COLUMNS.join(','));
    expect(lines.slice(1)).toEqual([
      'kursk-2024,2024-12-15,2024-12-14,measure,held,Held,russia,420.1235',
      'kursk-2024,2024-12-15,2024-12-14,measure,bad,Bad,,',
      'kursk-2024,2024-12-15,2024-12-14,class,held,Held class,,421.5',
      '',
    ]);
  });
});

describe('areaSeriesToCsv', () => {
  it('writes a row per snapshot of each source and a column per measure of any, empty where a measure has no figure', () => {
    const points: AreaSeriesPoint[] = [{ dateIso: '2024-08-01', areaKm2ByMeasure: { held: 1.23456, other: 2 } }, { dateIso: '2024-08-08', areaKm2ByMeasure: { other: 3 } }];
    const isw: AreaSeriesPoint[] = [{ dateIso: '2024-08-02', areaKm2ByMeasure: { held: 5, other: 9 } }];
    const lines = dataLines(areaSeriesToCsv([
      { datasetId: 'kursk-2024', points, measures: [{ id: 'held' }, { id: 'other' }, { id: 'constructor' }] },
      { datasetId: 'kursk-isw', points: isw, measures: [{ id: 'held' }] },
    ], dateCtx));
    expect(lines.slice(0, 4)).toEqual([
      'dataset,snapshot_date,held_km2,other_km2,constructor_km2',
      'kursk-2024,2024-08-01,1.2346,2,',
      'kursk-2024,2024-08-08,,3,',
      'kursk-isw,2024-08-02,5,,',
    ]);
  });
});
