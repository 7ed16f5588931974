// The verdict rule at its boundaries, and which snapshot a claim is compared with.
import { describe, expect, it } from 'vitest';
import type { ClaimValue } from './claim-schema';
import { CLAIM_TOLERANCE } from './claim-interval';
import { compareAreaClaim, snapshotIndexInForce, type AreaSeriesPoint } from './claim-compare';
import { at, claim, v } from './fixtures/claims';

/** A series with one measure `held` (and `held_or_unknown` = held + 100). */
function series(points: [string, number][]): AreaSeriesPoint[] {
  return points.map(([dateIso, held]) => ({ dateIso, areaKm2ByMeasure: { held, held_or_unknown: held + 100 } }));
}
const SERIES = series([
  ['2024-08-01', 0],
  ['2024-08-10', 1000],
  ['2024-08-20', 1300],
  ['2024-09-01', 1200],
  ['2024-12-01', 800],
  ['2025-04-30', 10],
]);
/** Fixed tolerance for boundary tests: ±10 km², no relative part. */
const FIXED = { absoluteToleranceKm2: 10, relativeTolerance: 0, measures: ['held'] };

describe('compareAreaClaim: verdict rule', () => {
  const cmp = (value: ClaimValue, computedOn = '2024-08-20') => compareAreaClaim(claim({ value, period: at(computedOn) }), SERIES, FIXED).byMeasure['held']!;

  it('approximately 1,300 vs 1,300 is consistent, difference 0', () => {
    const r = cmp(v('approximately', 1300));
    expect(r.verdict).toBe('consistent');
    expect(r.computedKm2).toBe(1300);
    expect(r.differenceKm2).toBe(0);
    expect(r.differencePct).toBe(0);
    expect(r.snapshotDateIso).toBe('2024-08-20');
  });
  it('boundary: allowed interval ± tolerance is inclusive', () => {
    // computed 1,300. "exact 1,250" allows 1,225–1,275; +10 tolerance → up to 1,285: inconsistent.
    expect(cmp(v('exact', 1250)).verdict).toBe('inconsistent');
    // "about 1,200" allows 1,140–1,260 (+10 → 1,270): inconsistent
    expect(cmp(v('about', 1200)).verdict).toBe('inconsistent');
    // exactly on the edge: at least 1,310 → lowest 1,310 − 10 = 1,300 = computed → consistent
    expect(cmp(v('at_least', 1310)).verdict).toBe('consistent');
    expect(cmp(v('at_least', 1310.5)).verdict).toBe('inconsistent');
    // upper edge: up to 1,290 → 1,290 + 10 = 1,300 → consistent; 1,289.5 → not
    expect(cmp(v('up_to', 1290)).verdict).toBe('consistent');
    expect(cmp(v('up_to', 1289.5)).verdict).toBe('inconsistent');
  });
  it('at least / over: anything above is consistent', () => {
    expect(cmp(v('over', 100)).verdict).toBe('consistent');
    expect(cmp(v('at_least', 2000)).verdict).toBe('inconsistent');
  });
  it('nearly: above the figure by more than the tolerance is inconsistent', () => {
    expect(cmp(v('nearly', 1300)).verdict).toBe('consistent');
    expect(cmp(v('nearly', 1400)).verdict).toBe('consistent'); // 1,260–1,400
    expect(cmp(v('nearly', 1280)).verdict).toBe('inconsistent'); // 1,152–1,280, +10 → 1,290 < 1,300
    expect(cmp(v('nearly', 1290)).verdict).toBe('consistent'); // 1,161–1,290, +10 → 1,300 (boundary)
    expect(cmp(v('nearly', 1500)).verdict).toBe('inconsistent'); // 1,350–1,500
  });
  it('ranges', () => {
    expect(cmp({ qualifier: 'range', low: 1200, high: 1290, stated: '' }).verdict).toBe('consistent');
    expect(cmp({ qualifier: 'range', low: 1320, high: 1400, stated: '' }).verdict).toBe('inconsistent');
    const mid = cmp({ qualifier: 'range', low: 1200, high: 1400, stated: '' });
    expect(mid.claimedKm2).toBe(1300);
  });
  it('default tolerance is max(5 km², 2 % of computed)', () => {
    const c = claim({ value: v('at_least', 1000), period: at('2024-08-10') }); // computed 1,000
    expect(compareAreaClaim(c, SERIES).byMeasure['held']!.toleranceKm2).toBeCloseTo(CLAIM_TOLERANCE.relative * 1000);
    const low = claim({ value: v('at_least', 10), period: at('2025-04-30') }); // computed 10
    expect(compareAreaClaim(low, SERIES).byMeasure['held']!.toleranceKm2).toBe(CLAIM_TOLERANCE.absoluteKm2);
    // computed 1,000 vs at least 1,020: 1,020 − 20 = 1,000 → consistent; 1,021 → inconsistent
    expect(compareAreaClaim(claim({ value: v('at_least', 1020), period: at('2024-08-10') }), SERIES).byMeasure['held']!.verdict).toBe('consistent');
    expect(compareAreaClaim(claim({ value: v('at_least', 1021), period: at('2024-08-10') }), SERIES).byMeasure['held']!.verdict).toBe('inconsistent');
  });
  it('reports difference in km² and % and a reason naming the snapshot', () => {
    const r = cmp(v('approximately', 1000));
    expect(r.differenceKm2).toBe(300);
    expect(r.differencePct).toBeCloseTo(30);
    expect(r.verdict).toBe('inconsistent');
    expect(r.reason).toContain('2024-08-20');
    expect(r.reason).toContain('approximately 1,000 km²');
  });
  it('compares every measure by default, each with its own verdict', () => {
    const r = compareAreaClaim(claim({ value: v('approximately', 1400), period: at('2024-08-20') }), SERIES);
    expect(Object.keys(r.byMeasure)).toEqual(['held', 'held_or_unknown']);
    expect(r.byMeasure['held']!.verdict).toBe('inconsistent');
    expect(r.byMeasure['held_or_unknown']!.verdict).toBe('consistent');
  });
});

describe('compareAreaClaim: which snapshot', () => {
  it('instant/by: the snapshot in force (last on or before the date)', () => {
    const r = compareAreaClaim(claim({ value: v('exact', 800), period: { kind: 'by', dateIso: '2025-01-15', explanation: '' } }), SERIES, FIXED).byMeasure['held']!;
    expect(r.snapshotDateIso).toBe('2024-12-01');
    expect(r.snapshotDatesIso).toEqual(['2024-12-01']);
    expect(r.verdict).toBe('consistent');
  });
  it('period: the end of the period', () => {
    const r = compareAreaClaim(claim({ value: v('exact', 1200), period: { kind: 'period', startIso: '2024-08-10', endIso: '2024-10-01', explanation: '' } }), SERIES, FIXED).byMeasure['held']!;
    expect(r.snapshotDateIso).toBe('2024-09-01');
    expect(r.computedKm2).toBe(1200);
  });
  it('peak: the maximum over the snapshots in force during the period, with its date', () => {
    const r = compareAreaClaim(claim({ value: v('approximately', 1300), period: { kind: 'peak', startIso: '2024-08-06', endIso: '2025-01-06', explanation: '' } }), SERIES, FIXED).byMeasure['held']!;
    expect(r.computedKm2).toBe(1300);
    expect(r.snapshotDateIso).toBe('2024-08-20');
    // the snapshot in force at the start (2024-08-01) and every later one up to the end
    expect(r.snapshotDatesIso).toEqual(['2024-08-01', '2024-08-10', '2024-08-20', '2024-09-01', '2024-12-01']);
    expect(r.verdict).toBe('consistent');
  });
  it('peak: a period after the maximum takes the largest in force then', () => {
    const r = compareAreaClaim(claim({ value: v('exact', 1200), period: { kind: 'peak', startIso: '2024-09-05', endIso: '2024-12-31', explanation: '' } }), SERIES, FIXED).byMeasure['held']!;
    expect(r.snapshotDateIso).toBe('2024-09-01'); // in force on 2024-09-05
    expect(r.computedKm2).toBe(1200);
  });
  it('before the first snapshot: not comparable', () => {
    const r = compareAreaClaim(claim({ value: v('exact', 800), period: at('2024-07-01') }), SERIES, FIXED).byMeasure['held']!;
    expect(r.verdict).toBe('not_comparable');
    expect(r.reason).toContain('no snapshot on or before 2024-07-01');
  });
  it('after the last snapshot: not comparable, unless coverage is extended', () => {
    const c = claim({ value: v('exact', 10), period: at('2025-05-15') });
    const r = compareAreaClaim(c, SERIES, FIXED).byMeasure['held']!;
    expect(r.verdict).toBe('not_comparable');
    expect(r.reason).toContain('after the last snapshot (2025-04-30)');
    expect(compareAreaClaim(c, SERIES, { ...FIXED, coverageEndIso: '2025-06-30' }).byMeasure['held']!.verdict).toBe('consistent');
  });
  it('a peak whose period starts before the first snapshot is not comparable', () => {
    const r = compareAreaClaim(claim({ value: v('exact', 1300), period: { kind: 'peak', startIso: '2024-07-01', endIso: '2024-09-01', explanation: '' } }), SERIES, FIXED).byMeasure['held']!;
    expect(r.verdict).toBe('not_comparable');
  });
  it('a snapshot on the claim date itself is used (boundary)', () => {
    expect(compareAreaClaim(claim({ value: v('exact', 0), period: at('2024-08-01') }), SERIES, FIXED).byMeasure['held']!.snapshotDateIso).toBe('2024-08-01');
    expect(compareAreaClaim(claim({ value: v('exact', 10), period: at('2025-04-30') }), SERIES, FIXED).byMeasure['held']!.verdict).toBe('consistent');
  });
  it('settlements and other quantities are not comparable for area', () => {
    const c = claim({ quantity: 'settlements_held', unit: 'settlements', value: v('over', 100), period: at('2024-08-20') });
    const r = compareAreaClaim(c, SERIES);
    expect(r.byMeasure['held']!.verdict).toBe('not_comparable');
    expect(r.byMeasure['held_or_unknown']!.verdict).toBe('not_comparable');
    expect(r.byMeasure['held']!.reason).toContain('not an area');
  });
  it('a measure missing from a snapshot is not comparable for that measure', () => {
    const s: AreaSeriesPoint[] = [{ dateIso: '2024-08-01', areaKm2ByMeasure: { held: 5 } }];
    const r = compareAreaClaim(claim({ value: v('exact', 5), period: at('2024-08-01') }), s, { measures: ['held', 'other'] });
    expect(r.byMeasure['held']!.verdict).toBe('consistent');
    expect(r.byMeasure['other']!.verdict).toBe('not_comparable');
  });
  it('empty series: not comparable', () => {
    expect(compareAreaClaim(claim({ value: v('exact', 5), period: at('2024-08-02') }), [], { measures: ['held'] }).byMeasure['held']!.verdict).toBe('not_comparable');
  });
  it('snapshotIndexInForce', () => {
    expect(snapshotIndexInForce(SERIES, '2024-07-31')).toBe(-1);
    expect(snapshotIndexInForce(SERIES, '2024-08-01')).toBe(0);
    expect(snapshotIndexInForce(SERIES, '2024-08-19')).toBe(1);
    expect(snapshotIndexInForce(SERIES, '2030-01-01')).toBe(5);
  });
});
