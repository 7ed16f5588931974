// Qualifier and period semantics, the verdict rule at its boundaries, and the UI helpers for claims.
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimPeriod, ClaimValue } from './claim-schema';
import {
  CLAIM_TOLERANCE,
  articleText,
  claimDateText,
  claimInterval,
  claimRefDate,
  claimsInForceOn,
  claimSpan,
  claimValueText,
  compareAreaClaim,
  filterClaimsByQuantity,
  roundingStep,
  snapshotIndexInForce,
  type AreaSeriesPoint,
} from './claims';

function claim(over: Partial<Claim> & { value: ClaimValue; period: ClaimPeriod }): Claim {
  return {
    id: 'test-claim',
    quantity: 'area_held',
    unit: 'km2',
    subject: { side: 'Ukraine', place: 'Kursk Oblast' },
    claimant: { id: 'tester', kind: 'person', name: 'Tester', role: 'test' },
    source: { outlet: 'Test Outlet', author: null, publishedIso: '2025-04-30', publishedPrecision: 'stated', url: null, seedFile: 'test.txt' },
    quote: 'q',
    ...over,
  };
}
const v = (qualifier: Exclude<ClaimValue['qualifier'], 'range'>, amount: number): ClaimValue => ({ qualifier, amount, stated: `${amount}` });
const at = (dateIso: string): ClaimPeriod => ({ kind: 'instant', dateIso, explanation: 'test' });

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

describe('roundingStep', () => {
  it.each([
    [1300, 100],
    [1250, 50],
    [800, 100],
    [909, 1],
    [12000, 1000],
    [30, 10],
    [0, 1],
    [2.5, 0.5],
    [1.25, 0.05],
  ])('%d → %d', (amount, step) => expect(roundingStep(amount)).toBeCloseTo(step, 10));
});

describe('claimInterval (qualifier semantics)', () => {
  it('exact: ± half the rounding step', () => {
    expect(claimInterval(v('exact', 800))).toEqual({ lowest: 750, highest: 850 });
    expect(claimInterval(v('exact', 909))).toEqual({ lowest: 908.5, highest: 909.5 });
  });
  it('approximately/about: ± max(5 %, half step)', () => {
    expect(claimInterval(v('approximately', 1300))).toEqual({ lowest: 1235, highest: 1365 });
    expect(claimInterval(v('about', 1300))).toEqual(claimInterval(v('approximately', 1300)));
    // the rounding wins when it is wider than 5 %: 800 → half step 50 > 5 % (40)
    expect(claimInterval(v('about', 800))).toEqual({ lowest: 750, highest: 850 });
    // a one-significant-figure number's rounding is capped at 10 %: 10,000 → ±1,000, not ±5,000
    expect(claimInterval(v('about', 10000))).toEqual({ lowest: 9000, highest: 11000 });
    expect(claimInterval(v('exact', 100))).toEqual({ lowest: 90, highest: 110 });
  });
  it('at_least / over: lower bound only', () => {
    expect(claimInterval(v('at_least', 100))).toEqual({ lowest: 100, highest: Infinity });
    expect(claimInterval(v('over', 100))).toEqual({ lowest: 100, highest: Infinity });
  });
  it('nearly: just under, by max(10 %, one step)', () => {
    expect(claimInterval(v('nearly', 21000))).toEqual({ lowest: 18900, highest: 21000 });
    expect(claimInterval(v('nearly', 40000))).toEqual({ lowest: 36000, highest: 40000 });
  });
  it('up_to / under: upper bound', () => {
    expect(claimInterval(v('up_to', 500))).toEqual({ lowest: 0, highest: 500 });
    expect(claimInterval(v('under', 500))).toEqual({ lowest: 0, highest: 500 });
  });
  it('a figure converted from mi² or ha keeps the rounding of the unit it was written in', () => {
    const MI2 = 2.589988110336;
    // "500 mi²" is rounded to the hundred square miles: 450–550 mi², not 1,294.99 ± 0.005 km²
    const exact500 = claimInterval({ qualifier: 'exact', amount: 500 * MI2, stated: '500 mi2', convertedFrom: { unit: 'mi2', amount: 500, km2PerUnit: MI2 } });
    expect(exact500.lowest).toBeCloseTo(450 * MI2, 9);
    expect(exact500.highest).toBeCloseTo(550 * MI2, 9);
    const about = claimInterval({ qualifier: 'about', amount: 125000 * 0.01, stated: 'about 125,000 ha', convertedFrom: { unit: 'ha', amount: 125000, km2PerUnit: 0.01 } });
    expect(about.lowest).toBeCloseTo(1187.5, 9);
    expect(about.highest).toBeCloseTo(1312.5, 9);
  });
  it('range: as stated; an approximate range widens each end', () => {
    expect(claimInterval({ qualifier: 'range', low: 50000, high: 55000, stated: '' })).toEqual({ lowest: 50000, highest: 55000 });
    expect(claimInterval({ qualifier: 'range', low: 10000, high: 12000, approximate: true, stated: '' })).toEqual({ lowest: 9000, highest: 12600 });
  });
});

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

describe('text and date helpers', () => {
  it('claimValueText', () => {
    expect(claimValueText({ value: v('approximately', 1300), unit: 'km2' })).toBe('approximately 1,300 km²');
    expect(claimValueText({ value: { qualifier: 'range', low: 50000, high: 55000, stated: '' }, unit: 'personnel' })).toBe('50,000–55,000 personnel');
    expect(claimValueText({ value: { qualifier: 'range', low: 10000, high: 12000, approximate: true, stated: '' }, unit: 'personnel' })).toBe('approximately 10,000–12,000 personnel');
    expect(claimValueText({ value: v('over', 100), unit: 'settlements' })).toBe('over 100 settlements');
    expect(claimValueText({ value: v('at_least', 10000), unit: 'personnel' })).toBe('at least 10,000 personnel');
    expect(claimValueText({ value: v('exact', 1), unit: 'brigades' })).toBe('1 brigade');
    expect(claimValueText({ value: v('exact', 30), unit: 'percent' })).toBe('30%');
    expect(claimValueText({ value: v('nearly', 21000), unit: 'personnel' })).toBe('nearly 21,000 personnel');
    expect(claimValueText({ value: v('under', 900), unit: 'km2' })).toBe('under 900 km²');
    expect(claimValueText({ value: { qualifier: 'about', amount: 500 * 2.589988110336, stated: '', convertedFrom: { unit: 'mi2', amount: 500, km2PerUnit: 2.589988110336 } }, unit: 'km2' })).toBe('about 500 mi² (≈ 1,295 km²)');
  });
  it('claimDateText', () => {
    expect(claimDateText({ period: at('2024-12-16') })).toBe('as of 16 December 2024');
    expect(claimDateText({ period: { kind: 'by', dateIso: '2024-11-30', explanation: '' } })).toBe('by 30 November 2024');
    expect(claimDateText({ period: { kind: 'period', startIso: '2024-12-14', endIso: '2024-12-15', explanation: '' } })).toBe('14–15 December 2024');
    expect(claimDateText({ period: { kind: 'period', startIso: '2024-08-06', endIso: '2024-12-16', explanation: '' } })).toBe('6 August – 16 December 2024');
    expect(claimDateText({ period: { kind: 'peak', startIso: '2024-08-06', endIso: '2025-01-06', explanation: '' } })).toBe('peak, 6 August 2024 – 6 January 2025');
  });
  it('claimRefDate and claimSpan', () => {
    const peak: ClaimPeriod = { kind: 'peak', startIso: '2024-08-06', endIso: '2025-01-06', explanation: '' };
    expect(claimRefDate({ period: peak })).toBe('2025-01-06');
    expect(claimSpan({ period: peak })).toEqual({ startIso: '2024-08-06', endIso: '2025-01-06' });
    expect(claimRefDate({ period: at('2024-12-16') })).toBe('2024-12-16');
  });
});

describe('claimsInForceOn / filterClaimsByQuantity', () => {
  const zel = { id: 'zelensky', kind: 'person' as const, name: 'Z', role: 'President' };
  const mp = { id: 'mp', kind: 'person' as const, name: 'M', role: 'MP' };
  const kp = { side: 'North Korea' };
  const a = claim({ id: 'a', quantity: 'killed_or_wounded', unit: 'personnel', subject: kp, claimant: zel, value: v('over', 3000), period: { kind: 'by', dateIso: '2024-12-23', explanation: '' } });
  const b = claim({ id: 'b', quantity: 'killed_or_wounded', unit: 'personnel', subject: kp, claimant: zel, value: v('about', 3800), period: { kind: 'by', dateIso: '2025-01-06', explanation: '' } });
  const c = claim({ id: 'c', quantity: 'killed', unit: 'personnel', subject: kp, claimant: mp, value: v('at_least', 100), period: { kind: 'by', dateIso: '2024-12-19', explanation: '' } });
  const p = claim({ id: 'p', value: v('approximately', 1300), period: { kind: 'peak', startIso: '2024-08-06', endIso: '2025-01-06', explanation: '' } });
  const all = [a, b, c, p];
  it('a newer figure from the same claimant replaces the older one', () => {
    expect(claimsInForceOn(all, '2024-12-30').map((x) => x.id)).toEqual(['c', 'a', 'p']);
    expect(claimsInForceOn(all, '2025-01-06').map((x) => x.id)).toEqual(['c', 'b', 'p']);
  });
  it('period claims only within their span; point claims only from their date', () => {
    expect(claimsInForceOn(all, '2024-08-01').map((x) => x.id)).toEqual([]);
    expect(claimsInForceOn(all, '2025-02-01').map((x) => x.id)).toEqual(['c', 'b']);
  });
  it('filters by quantity', () => {
    expect(claimsInForceOn(all, '2025-01-06', { quantities: ['area_held'] }).map((x) => x.id)).toEqual(['p']);
    expect(filterClaimsByQuantity(all, ['killed', 'killed_or_wounded']).map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('articleText', () => {
  it('names the article by headline and outlet, never by an internal id', () => {
    expect(articleText({ title: 'Over 3,000 North Korean troops killed', outlet: 'The Kyiv Independent' })).toBe('“Over 3,000 North Korean troops killed”, The Kyiv Independent');
    expect(articleText({ title: 'A headline', outlet: null })).toBe('“A headline” (outlet not named)');
    expect(articleText({ title: null, opening: 'Ukraine announced on Monday', outlet: null })).toBe('untitled article beginning “Ukraine announced on Monday…” (outlet not named)');
  });

  it('gives every claim of the Kursk ledger a readable source with no seed id in what a reader sees', async () => {
    const { readFileSync } = await import('node:fs');
    const ledger = JSON.parse(readFileSync('geodata/kursk/claims.json', 'utf8')) as { claims: Claim[] };
    for (const c of ledger.claims) {
      const shown = `${c.claimant.name} (${c.claimant.role}) ${articleText(c.source)}`;
      expect(shown, c.id).not.toMatch(/\bseed\b|\bs00\d\b|\.txt/);
      expect(c.source.title === undefined, `${c.id} has no title field`).toBe(false);
    }
  });
});
