// Qualifier semantics: the interval each qualifier allows, and the rounding step a figure's digits imply.
import { describe, expect, it } from 'vitest';
import { claimInterval, roundingStep } from './claim-interval';
import { v } from './fixtures/claims';

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
