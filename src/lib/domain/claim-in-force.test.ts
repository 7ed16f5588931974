// When a claim speaks: its span, its reference date, and which claims are in force on a day.
import { describe, expect, it } from 'vitest';
import type { ClaimPeriod } from './claim-schema';
import { claimRefDate, claimSpan, claimsInForceOn, filterClaimsByQuantity } from './claim-in-force';
import { at, claim, v } from './fixtures/claims';

describe('claimRefDate / claimSpan', () => {
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
