// Verdicts of the seed area claims against several sources: DeepStateMap's real series (geodata/kursk) and
// synthetic weekly / irregular series standing in for other mappers, with the summary line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimVerdictsAcrossSources, claimWhoText, verdictMeasures, type SourceAreaSeries } from './claim-verdicts';
import { readClipRegions } from '../../test-support/geodata';
import { areaSeriesFromStore, claimMeasures } from './area-series';
import { buildSnapshotStore } from './snapshot-store';
import type { AreaGeometry, AreaMeasure, ControlFeature, Snapshot } from './types';
import type { Claim } from './claim-schema';

const DIR = 'geodata/kursk';
const manifest = JSON.parse(readFileSync(`${DIR}/dataset.json`, 'utf8')) as { measures: AreaMeasure[]; snapshots: { dateIso: string; file: string }[] };
const russia = JSON.parse(readFileSync(`${DIR}/russia-land.geojson`, 'utf8'));
const clipRegions: Record<string, AreaGeometry> = { russia: (russia.type === 'FeatureCollection' ? russia.features[0].geometry : russia.geometry ?? russia) as AreaGeometry };
const snapshots: Snapshot[] = manifest.snapshots.map((s) => ({ dateIso: s.dateIso, file: s.file, features: JSON.parse(readFileSync(`${DIR}/${s.file}`, 'utf8')).features as ControlFeature[] }));
const measures = claimMeasures(manifest.measures);
const deepstate: SourceAreaSeries = { id: 'deepstate', label: 'DeepState', measures, points: areaSeriesFromStore(buildSnapshotStore(snapshots), measures, clipRegions).points };

const ledger = (JSON.parse(readFileSync(`${DIR}/claims.json`, 'utf8')) as { claims: Claim[] }).claims;
const seedAreaClaims = ledger.filter((c) => c.quantity === 'area_held');

/** A weekly mapper that draws less ground (held only, peak 900 km² in late August), from before the incursion. */
const weekly: SourceAreaSeries = {
  id: 'isw',
  label: 'ISW',
  measures: [{ id: 'held', label: 'Advance, in Russia' }],
  points: [
    ['2024-08-04', 0], ['2024-08-14', 700], ['2024-08-21', 880], ['2024-08-28', 900], ['2024-09-04', 850],
    ['2024-10-02', 700], ['2024-11-06', 600], ['2024-12-04', 520], ['2024-12-11', 500], ['2024-12-18', 480],
    ['2025-01-08', 450], ['2025-02-05', 400], ['2025-03-12', 150], ['2025-03-19', 70],
  ].map(([dateIso, km2]) => ({ dateIso: dateIso as string, areaKm2ByMeasure: { held: km2 as number } })),
};
/** An irregular mapper that starts late (2024-09-01): the peak claims' periods are not wholly covered. */
const late: SourceAreaSeries = {
  id: 'nzz',
  label: 'NZZ',
  measures: [{ id: 'held', label: 'Ukrainian control, in Russia' }],
  points: [['2024-09-01', 1240], ['2024-12-10', 790], ['2025-03-16', 79]].map(([dateIso, km2]) => ({ dateIso: dateIso as string, areaKm2ByMeasure: { held: km2 as number } })),
};

/** A built-in dataset's series of the verdict measures, read as the CLI and the app read it. */
function realSource(dir: string, id: string, label: string): SourceAreaSeries {
  const m = JSON.parse(readFileSync(`${dir}/dataset.json`, 'utf8')) as { measures: AreaMeasure[]; snapshots: { dateIso: string; file: string }[] };
  const snaps: Snapshot[] = m.snapshots.map((s) => ({ dateIso: s.dateIso, file: s.file, features: JSON.parse(readFileSync(`${dir}/${s.file}`, 'utf8')).features as ControlFeature[] }));
  const ms = verdictMeasures(m.measures);
  return { id, label, measures: ms, points: areaSeriesFromStore(buildSnapshotStore(snaps), ms, readClipRegions(dir)).points };
}

describe('claimVerdictsAcrossSources on the three Kursk sources', () => {
  const sources = [realSource('geodata/kursk', 'deepstate', 'DeepState'), realSource('geodata/kursk-isw', 'isw', 'ISW'), realSource('geodata/kursk-nzz', 'nzz', 'NZZ')];
  const verdicts = claimVerdictsAcrossSources(seedAreaClaims, sources);
  it('judges every shared measure of each source (in Russia and in Kursk Oblast)', () => {
    expect(verdicts[0]!.bySource.map((s) => [s.sourceId, s.byMeasure.map((m) => m.measure)])).toEqual([
      ['deepstate', ['held', 'held_or_unknown', 'held_kursk', 'held_or_unknown_kursk']],
      ['isw', ['held', 'held_kursk']],
      ['nzz', ['held', 'held_kursk']],
    ]);
  });
  it('the five seed area claims in one line each', () => {
    expect(verdicts.map((v) => v.summary)).toEqual([
      'approximately 1,300 km², the outlet itself: DeepState held + grey consistent, held inconsistent; ISW not comparable; NZZ consistent',
      'about 1,300 km², the outlet itself: DeepState held + grey consistent, held inconsistent; ISW not comparable; NZZ consistent',
      'about 1,250 km², Euromaidan Press: DeepState held + grey consistent, held inconsistent; ISW not comparable; NZZ consistent',
      '800 km², a Ukrainian military source: DeepState inconsistent; ISW inconsistent; NZZ inconsistent',
      '1,400 km², earlier claims: DeepState inconsistent; ISW not comparable; NZZ inconsistent',
    ]);
  });
  it('ISW/CTP’s first snapshot (2024-08-11) is after the peaks’ start (2024-08-06): not comparable, and the reason says so', () => {
    const isw = verdicts.find((v) => v.claimId === 's002-ua-area-1250')!.bySource[1]!.byMeasure[0]!;
    expect(isw.reason).toBe('no snapshot on or before 2024-08-06 (the first is 2024-08-11)');
    const s800 = verdicts.find((v) => v.claimId === 's004-ua-area-800')!.bySource;
    expect(s800[1]!.byMeasure[0]).toMatchObject({ verdict: 'inconsistent', snapshotDateIso: '2024-12-15' });
    expect(s800[1]!.byMeasure[0]!.computedKm2).toBeCloseTo(483.2, 1);
    expect(s800[2]!.byMeasure[0]!.computedKm2).toBeCloseTo(549.4, 1);
  });
});

describe('claimVerdictsAcrossSources', () => {
  const verdicts = claimVerdictsAcrossSources(seedAreaClaims, [deepstate, weekly, late]);
  const byId = new Map(verdicts.map((v) => [v.claimId, v]));

  it('on DeepStateMap’s real series, gives the verdicts of docs/claims.md (held or unknown matches the high-water marks)', () => {
    const ds = (id: string) => Object.fromEntries(byId.get(id)!.bySource[0]!.byMeasure.map((m) => [m.measure, m.verdict]));
    expect(ds('s000-ua-area-peak-1300')).toEqual({ held: 'inconsistent', held_or_unknown: 'consistent' });
    expect(ds('s001-ua-area-initial-1300')).toEqual({ held: 'inconsistent', held_or_unknown: 'consistent' });
    expect(ds('s002-ua-area-1250')).toEqual({ held: 'inconsistent', held_or_unknown: 'consistent' });
    expect(ds('s004-ua-area-800')).toEqual({ held: 'inconsistent', held_or_unknown: 'inconsistent' });
    expect(ds('s004-ua-area-earlier-1400')).toEqual({ held: 'inconsistent', held_or_unknown: 'inconsistent' });
    const peak = byId.get('s002-ua-area-1250')!.bySource[0]!.byMeasure[1]!;
    expect(peak.snapshotDateIso).toBe('2024-08-21');
    expect(peak.computedKm2).toBeCloseTo(1251, 0);
  });

  it('each source is compared on its own snapshots and coverage', () => {
    const s800 = byId.get('s004-ua-area-800')!;
    // weekly: the snapshot in force on 2024-12-16 is 2024-12-11's 500 km²
    expect(s800.bySource[1]!.byMeasure[0]).toMatchObject({ verdict: 'inconsistent', snapshotDateIso: '2024-12-11', computedKm2: 500 });
    // irregular: 2024-12-10's 790 km² is within 750–850
    expect(s800.bySource[2]!.byMeasure[0]).toMatchObject({ verdict: 'consistent', snapshotDateIso: '2024-12-10', computedKm2: 790 });
    // a peak from 2024-08-06 cannot be judged by a source that starts on 2024-09-01
    expect(byId.get('s002-ua-area-1250')!.bySource[2]!.byMeasure[0]!.verdict).toBe('not_comparable');
  });

  it('says it in one line per claim', () => {
    expect(byId.get('s002-ua-area-1250')!.summary).toBe(
      'about 1,250 km², Euromaidan Press: DeepState held + grey consistent, held inconsistent; ISW inconsistent; NZZ not comparable',
    );
    expect(byId.get('s004-ua-area-800')!.summary).toBe('800 km², a Ukrainian military source: DeepState inconsistent; ISW inconsistent; NZZ consistent');
  });

  it('keeps the order of claims, sources and measures; a non-area claim is not comparable everywhere', () => {
    expect(verdicts.map((v) => v.claimId)).toEqual(seedAreaClaims.map((c) => c.id));
    expect(verdicts[0]!.bySource.map((s) => s.sourceId)).toEqual(['deepstate', 'isw', 'nzz']);
    expect(verdicts[0]!.bySource[0]!.byMeasure.map((m) => m.measure)).toEqual(['held', 'held_or_unknown']);
    const settlements = ledger.find((c) => c.quantity === 'settlements_held')!;
    const [v] = claimVerdictsAcrossSources([settlements], [deepstate, weekly]);
    expect(v!.bySource.flatMap((s) => s.byMeasure.map((m) => m.verdict))).toEqual(['not_comparable', 'not_comparable', 'not_comparable']);
    expect(v!.summary).toBe('over 100 settlements, the outlet itself: DeepState not comparable; ISW not comparable');
  });

  it('measures beyond held / held + grey (in Kursk Oblast) get verdicts but stay out of the summary', () => {
    const kursk: SourceAreaSeries = {
      id: 'x',
      label: 'X',
      measures: [{ id: 'held', label: 'Held' }, { id: 'held_kursk', label: 'Held, Kursk Oblast' }],
      points: [
        { dateIso: '2024-12-01', areaKm2ByMeasure: { held: 800, held_kursk: 700 } },
        { dateIso: '2025-01-01', areaKm2ByMeasure: { held: 600, held_kursk: 550 } },
      ],
    };
    const [v] = claimVerdictsAcrossSources([seedAreaClaims.find((c) => c.id === 's004-ua-area-800')!], [kursk]);
    expect(v!.bySource[0]!.byMeasure.map((m) => [m.measure, m.verdict])).toEqual([['held', 'consistent'], ['held_kursk', 'inconsistent']]);
    expect(v!.summary).toBe('800 km², a Ukrainian military source: X consistent');
  });

  it('names the outlet when the outlet itself made the claim, else the claimant', () => {
    const s002 = seedAreaClaims.find((c) => c.id === 's002-ua-area-1250')!;
    expect(claimWhoText(s002)).toBe('Euromaidan Press');
    expect(claimWhoText(seedAreaClaims.find((c) => c.id === 's000-ua-area-peak-1300')!)).toBe('the outlet itself');
  });
});
