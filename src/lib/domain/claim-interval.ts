// What a hedged figure ("approximately 1,300 km²") allows: the interval of values a claim's qualifier admits, and
// the tolerances the verdict rule widens it by. Pure. The same rules in plain words: docs/claims.md.
import type { ClaimValue } from './claim-schema';

// -----------------------------------------------------------------------------------------------------------
// Qualifier semantics
//
// A claimed figure is read as an interval of values the claimant could honestly have meant, then widened by a
// measurement tolerance for the polygons; a computed area inside the widened interval is "consistent".
//
// Rounding step. A figure's trailing zeros say how it was rounded: 1,300 → to the hundred, 909 → to the unit.
// A last non-zero digit of 5 reads as rounding to the half step (1,250 → to the fifty), the usual reading of
// "1,250" in prose. So step(1,300) = 100, step(1,250) = 50, step(800) = 100, step(909) = 1. The rounding
// half-width is step/2, capped at 10 % of the figure: "10,000" has one significant figure, but nobody writing
// it means "anything from 5,000 to 15,000", so it reads as 9,000–11,000.
//
// - exact (no qualifier written): the figure is still rounded, so  v ± rounding half-width.
//   "800 km²" → 750–850. Reason: an unhedged round number in a news story is a rounded number, not a survey.
// - approximately / about: ± max(rounding half-width, 5 % of v). "approximately 1,300" → 1,235–1,365.
//   Reason: the hedge says the source itself rounded, possibly loosely; 5 % is about the half-step of
//   two-significant-figure rounding of figures 1,000–2,000 (±50 on 1,300 is 3.8 %) plus a little slack, and
//   never narrower than the rounding the figure shows.
// - at_least / over: a lower bound only, [v, ∞). "over" is strictly more than v, but that difference is far
//   inside the tolerance below, so both read the same. Consistent if computed ≥ v − tolerance.
// - nearly: just under v, [0.9 v, v]. "nearly 21,000" → 18,900–21,000. Reason: "nearly" promises closeness
//   from below; 10 % is a generous reading of "close".
// - up_to / under: an upper bound, [0, v]. "under" ("less than") is strictly below v; as with "over", the
//   difference is far inside the tolerance.
// - a figure stated in another unit (mi², ha; `value.convertedFrom`): the interval is worked out in the unit it
//   was written in, where its rounding shows, then converted: "500 mi²" → 450–550 mi² → 1,165.5–1,424.5 km².
// - range: [low, high] as stated; an "approximately"/"estimated" range widens each end by the approximately rule.
//
// Verdict rule. The polygons are uncertain too: DeepState's lines are generalised (its blue polygons overlap
// Ukraine's border by 0.6–2.5 km² before clipping, see scripts/import-kursk.ts), Turf's spherical area reads
// ~0.36 % below the geodesic area at 51° N (`npm run bench -- area`), and a snapshot is the last published that day, not the
// moment the claimant spoke. So the interval is widened by tolerance = max(5 km², 2 % of the computed area),
// and: computed ∈ [low − tolerance, high + tolerance] ⇒ consistent (boundaries included); outside ⇒ inconsistent.
// Verdicts are per measure (held; held or unknown), because whether a source's figure counts the grey zone is
// exactly what the reader should see.
// -----------------------------------------------------------------------------------------------------------

/** Default comparison tolerances; see the verdict rule above for the reasons. */
export const CLAIM_TOLERANCE = {
  /** Floor of the measurement tolerance, km². */
  absoluteKm2: 5,
  /** Measurement tolerance as a share of the computed area. */
  relative: 0.02,
  /** Half-width of "approximately"/"about", as a share of the figure (never below half the rounding step). */
  approximateRelative: 0.05,
  /** Depth of "nearly" below the figure, as a share of the figure. */
  nearlyRelative: 0.1,
  /** Cap on the rounding half-width, as a share of the figure ("10,000" → ±1,000, not ±5,000). */
  roundingCapRelative: 0.1,
} as const;

/** The rounding step a figure's digits imply: 1,300 → 100; 1,250 → 50; 909 → 1; 2.5 → 0.5; 0 → 1. */
export function roundingStep(amount: number): number {
  if (!Number.isFinite(amount) || amount === 0) return 1;
  const a = Math.abs(amount);
  if (!Number.isInteger(a)) {
    const decimals = (String(a).split('.')[1] ?? '').length;
    const last = Number(String(a).slice(-1));
    return (last === 5 ? 5 : 1) * 10 ** -decimals;
  }
  let zeros = 0;
  let n = a;
  while (n % 10 === 0) {
    n /= 10;
    zeros++;
  }
  return (n % 10 === 5 && zeros > 0 ? 5 : 1) * 10 ** zeros;
}

/** Interval of values a claim allows, before measurement tolerance. `highest` is Infinity for lower bounds. */
export interface ClaimInterval {
  lowest: number;
  highest: number;
}

/** Half the rounding step, capped at 10 % of the figure: 800 → 50; 909 → 0.5; 10,000 → 1,000 (not 5,000). */
export function roundingHalfWidth(amount: number): number {
  return Math.min(roundingStep(amount) / 2, CLAIM_TOLERANCE.roundingCapRelative * Math.abs(amount));
}

function approximateHalfWidth(amount: number): number {
  return Math.max(roundingHalfWidth(amount), CLAIM_TOLERANCE.approximateRelative * amount);
}

/** The values a stated figure allows (see the qualifier rules at the top of this module). */
export function claimInterval(value: ClaimValue): ClaimInterval {
  if (value.qualifier !== 'range' && value.convertedFrom) {
    const { amount, km2PerUnit } = value.convertedFrom;
    const asStated = claimInterval({ qualifier: value.qualifier, amount, stated: value.stated });
    return { lowest: asStated.lowest * km2PerUnit, highest: asStated.highest * km2PerUnit };
  }
  if (value.qualifier === 'range') {
    if (!value.approximate) return { lowest: value.low, highest: value.high };
    return { lowest: Math.max(0, value.low - approximateHalfWidth(value.low)), highest: value.high + approximateHalfWidth(value.high) };
  }
  const v = value.amount;
  switch (value.qualifier) {
    case 'exact': {
      const half = roundingHalfWidth(v);
      return { lowest: Math.max(0, v - half), highest: v + half };
    }
    case 'approximately':
    case 'about': {
      const half = approximateHalfWidth(v);
      return { lowest: Math.max(0, v - half), highest: v + half };
    }
    case 'at_least':
    case 'over':
      return { lowest: v, highest: Infinity };
    case 'nearly':
      return { lowest: v * (1 - CLAIM_TOLERANCE.nearlyRelative), highest: v };
    case 'up_to':
    case 'under':
      return { lowest: 0, highest: v };
  }
}

/** One number standing for the claim, for differences: the figure, or a range's midpoint. */
export function claimReferenceAmount(value: ClaimValue): number {
  return value.qualifier === 'range' ? (value.low + value.high) / 2 : value.amount;
}
