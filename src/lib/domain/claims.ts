// Claims beside polygons: what a hedged figure ("approximately 1,300 km²") allows, and whether the snapshots agree.
//
// Pure: no Svelte, MapLibre or fetch. The ledger format and the same rules in plain words: docs/claims.md.
import { emptyRecord, own } from './own';
import type { Claim, ClaimPeriod, ClaimSource, ClaimUnit, ClaimValue, ConvertedAreaUnit, Qualifier, Quantity } from './claim-schema';
import { snapshotIndexOn } from './timeline';

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

// -----------------------------------------------------------------------------------------------------------
// Dates

/** First and last day a claim's period covers (equal for instant and by). */
export function claimSpan(claim: Pick<Claim, 'period'>): { startIso: string; endIso: string } {
  const p = claim.period;
  return p.kind === 'instant' || p.kind === 'by' ? { startIso: p.dateIso, endIso: p.dateIso } : { startIso: p.startIso, endIso: p.endIso };
}

/**
 * The date a chart puts the claim at: the day for instant/by, the end for period and peak (the latest day the
 * statement speaks for). Draw peak and period claims as a band over `claimSpan` as well; a peak plotted as a
 * point at its end date would look like a claim about that day.
 */
export function claimRefDate(claim: Pick<Claim, 'period'>): string {
  return claimSpan(claim).endIso;
}

/**
 * Claims that speak for `dateIso`. A period or peak claim is in force on every day of its span. An instant or
 * by claim is in force from its date until a later instant/by claim of the same quantity, side and claimant
 * (the claimant's newer figure replaces the older one); claims of different claimants stand side by side.
 * Sorted by reference date, then id.
 */
export function claimsInForceOn(claims: readonly Claim[], dateIso: string, opts: { quantities?: readonly Quantity[] } = {}): Claim[] {
  const pool = opts.quantities ? filterClaimsByQuantity(claims, opts.quantities) : claims;
  const latestPoint = new Map<string, Claim>();
  const out: Claim[] = [];
  for (const c of pool) {
    const p = c.period;
    if (p.kind === 'period' || p.kind === 'peak') {
      if (p.startIso <= dateIso && dateIso <= p.endIso) out.push(c);
      continue;
    }
    if (p.dateIso > dateIso) continue;
    const key = `${c.quantity}\u0000${c.subject.side}\u0000${c.claimant.id}`;
    const held = latestPoint.get(key);
    if (!held || claimRefDate(held) < p.dateIso) latestPoint.set(key, c);
  }
  out.push(...latestPoint.values());
  return out.sort((a, b) => claimRefDate(a).localeCompare(claimRefDate(b)) || a.id.localeCompare(b.id));
}

/** Claims of the given quantities, in their original order. */
export function filterClaimsByQuantity(claims: readonly Claim[], quantities: readonly Quantity[]): Claim[] {
  const wanted = new Set<string>(quantities);
  return claims.filter((c) => wanted.has(c.quantity));
}

// -----------------------------------------------------------------------------------------------------------
// Text for the UI

const UNIT_TEXT: Record<ClaimUnit, { one: string; many: string }> = {
  km2: { one: 'km²', many: 'km²' },
  settlements: { one: 'settlement', many: 'settlements' },
  personnel: { one: 'person', many: 'personnel' },
  units: { one: 'unit', many: 'units' },
  brigades: { one: 'brigade', many: 'brigades' },
  percent: { one: '%', many: '%' },
};

const QUALIFIER_TEXT: Record<Exclude<Qualifier, 'range'>, string> = {
  exact: '',
  approximately: 'approximately ',
  about: 'about ',
  at_least: 'at least ',
  over: 'over ',
  nearly: 'nearly ',
  up_to: 'up to ',
  under: 'under ',
};

/** How a converted unit is written: `mi²`, `ha`. */
const CONVERTED_UNIT_TEXT: Record<ConvertedAreaUnit, string> = { mi2: 'mi²', ha: 'ha' };

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `1,300` (thousands separated, up to two decimals). */
export function formatAmount(n: number): string {
  return numberFormat.format(n);
}

function withUnit(amountText: string, unit: ClaimUnit, plural: boolean): string {
  if (unit === 'percent') return `${amountText}%`;
  return `${amountText} ${plural ? UNIT_TEXT[unit].many : UNIT_TEXT[unit].one}`;
}

/**
 * The claimed figure in words: "approximately 1,300 km²", "50,000–55,000 personnel", "over 100 settlements"; a
 * figure stated in another unit as written, then converted: "about 500 mi² (≈ 1,295 km²)".
 */
export function claimValueText(claim: Pick<Claim, 'value' | 'unit'>): string {
  const v = claim.value;
  if (v.qualifier === 'range') {
    return `${v.approximate ? 'approximately ' : ''}${withUnit(`${formatAmount(v.low)}–${formatAmount(v.high)}`, claim.unit, true)}`;
  }
  if (v.convertedFrom) {
    const km2 = v.amount >= 100 ? Math.round(v.amount) : v.amount;
    return `${QUALIFIER_TEXT[v.qualifier]}${formatAmount(v.convertedFrom.amount)} ${CONVERTED_UNIT_TEXT[v.convertedFrom.unit]} (≈ ${withUnit(formatAmount(km2), claim.unit, true)})`;
  }
  return `${QUALIFIER_TEXT[v.qualifier]}${withUnit(formatAmount(v.amount), claim.unit, v.amount !== 1)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2024-12-16` → `16 December 2024` (no locale dependence). */
export function formatDateIso(dateIso: string): string {
  const [y, m, d] = dateIso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? '?'} ${y}`;
}

function spanText(startIso: string, endIso: string): string {
  if (startIso === endIso) return formatDateIso(startIso);
  const [ys, ms, ds] = startIso.split('-');
  const [ye, me] = endIso.split('-');
  if (ys === ye && ms === me) return `${Number(ds)}–${formatDateIso(endIso)}`;
  if (ys === ye) return `${Number(ds)} ${MONTHS[Number(ms) - 1] ?? '?'} – ${formatDateIso(endIso)}`;
  return `${formatDateIso(startIso)} – ${formatDateIso(endIso)}`;
}

/** When the figure applies, in words: "as of 16 December 2024", "by 30 November 2024", "peak, 6 August 2024 – 6 January 2025". */
export function claimDateText(claim: Pick<Claim, 'period'>): string {
  const p: ClaimPeriod = claim.period;
  switch (p.kind) {
    case 'instant':
      return `as of ${formatDateIso(p.dateIso)}`;
    case 'by':
      return `by ${formatDateIso(p.dateIso)}`;
    case 'period':
      return spanText(p.startIso, p.endIso);
    case 'peak':
      return `peak, ${spanText(p.startIso, p.endIso)}`;
  }
}

// -----------------------------------------------------------------------------------------------------------
// Comparing an area claim with the snapshots

/** One snapshot's areas, km² by measure id (e.g. `held`, `held_or_unknown`). */
export interface AreaSeriesPoint {
  dateIso: string;
  areaKm2ByMeasure: Record<string, number>;
}

export type Verdict = 'consistent' | 'inconsistent' | 'not_comparable';

/** A claim against one measure. Numbers are present only when the comparison could be made. */
export interface MeasureComparison {
  measure: string;
  verdict: Verdict;
  /** Why, in a sentence a reader can check. */
  reason: string;
  /** The snapshot whose area is compared (for peak: the date of the maximum). */
  snapshotDateIso?: string;
  /** Every snapshot date looked at, in order (one for instant/by/period; all in force over a peak's span). */
  snapshotDatesIso: string[];
  computedKm2?: number;
  /** The claimed figure (a range's midpoint). */
  claimedKm2?: number;
  /** The interval the claim allows (before tolerance); `highestKm2` is Infinity for lower bounds. */
  allowedKm2?: { lowestKm2: number; highestKm2: number };
  toleranceKm2?: number;
  /** computed − claimed, km². */
  differenceKm2?: number;
  /** (computed − claimed) / claimed × 100; absent when claimed is 0. */
  differencePct?: number;
}

export interface AreaClaimComparison {
  claimId: string;
  /** Comparisons in the order of `opts.measures` (default: the measures of the first series point). */
  byMeasure: Record<string, MeasureComparison>;
}

export interface CompareAreaOptions {
  /** Measures to compare against; default: every measure in the first series point. */
  measures?: readonly string[];
  /** Last day the series speaks for; default: the last snapshot's date. Later dates are not comparable. */
  coverageEndIso?: string;
  absoluteToleranceKm2?: number;
  relativeTolerance?: number;
}

/** Index of the snapshot in force on `dateIso` (the last with dateIso ≤ date), or -1. Series sorted by date. */
export function snapshotIndexInForce(series: readonly AreaSeriesPoint[], dateIso: string): number {
  return snapshotIndexOn(series.map((p) => p.dateIso), dateIso);
}

function fmtKm2(n: number): string {
  return `${formatAmount(Math.round(n * 10) / 10)} km²`;
}

function allowedText(a: ClaimInterval): string {
  if (a.highest === Infinity) return `≥ ${fmtKm2(a.lowest)}`;
  return `${formatAmount(Math.round(a.lowest * 10) / 10)}–${fmtKm2(a.highest)}`;
}

/**
 * Compares an area claim with the snapshot areas, measure by measure. The snapshot used: for `instant` and `by`
 * the one in force on the date; for `period` the one in force at the end of the period; for `peak` the largest
 * area among the snapshots in force during the period (the one in force at its start and every later one up to
 * its end), with that snapshot's date. A date before the first snapshot or after the coverage end is
 * not_comparable, as is a peak whose period is not wholly covered (the missing part could hold the peak).
 * Quantities other than `area_held` (and units other than km²) are not_comparable.
 */
export function compareAreaClaim(claim: Claim, series: readonly AreaSeriesPoint[], opts: CompareAreaOptions = {}): AreaClaimComparison {
  const measures = opts.measures ?? Object.keys(series[0]?.areaKm2ByMeasure ?? {});
  const absTol = opts.absoluteToleranceKm2 ?? CLAIM_TOLERANCE.absoluteKm2;
  const relTol = opts.relativeTolerance ?? CLAIM_TOLERANCE.relative;
  const byMeasure = emptyRecord<MeasureComparison>();
  const notComparable = (reason: string): void => {
    for (const m of measures) byMeasure[m] = { measure: m, verdict: 'not_comparable', reason, snapshotDatesIso: [] };
  };

  if (claim.quantity !== 'area_held' || claim.unit !== 'km2') {
    notComparable(`a ${claim.quantity.replace(/_/g, ' ')} claim (${claim.unit}) is not an area: only area held in km² is compared with the polygons`);
    return { claimId: claim.id, byMeasure };
  }
  if (series.length === 0) {
    notComparable('no snapshots');
    return { claimId: claim.id, byMeasure };
  }
  const firstIso = series[0]!.dateIso;
  const lastIso = opts.coverageEndIso ?? series[series.length - 1]!.dateIso;
  const { startIso, endIso } = claimSpan(claim);
  const p = claim.period;

  // The dates that must be covered: the end for instant/by/period, both ends for peak.
  const mustCover = p.kind === 'peak' ? [startIso, endIso] : [endIso];
  for (const d of mustCover) {
    if (d < firstIso) {
      notComparable(`no snapshot on or before ${d} (the first is ${firstIso})`);
      return { claimId: claim.id, byMeasure };
    }
    if (d > lastIso) {
      notComparable(`${d} is after the last snapshot (${lastIso}); the polygons say nothing about it`);
      return { claimId: claim.id, byMeasure };
    }
  }

  // Snapshot indices to look at.
  const endIndex = snapshotIndexInForce(series, endIso);
  const startIndex = p.kind === 'peak' ? snapshotIndexInForce(series, startIso) : endIndex;
  const interval = claimInterval(claim.value);
  const claimed = claimReferenceAmount(claim.value);

  for (const m of measures) {
    const used = series.slice(startIndex, endIndex + 1);
    const datesIso = used.map((s) => s.dateIso);
    let best: AreaSeriesPoint | undefined;
    for (const s of used) {
      const a = own(s.areaKm2ByMeasure, m);
      if (a === undefined || !Number.isFinite(a)) {
        best = undefined;
        byMeasure[m] = { measure: m, verdict: 'not_comparable', reason: `no "${m}" area for the snapshot of ${s.dateIso}`, snapshotDatesIso: datesIso };
        break;
      }
      if (!best || a > best.areaKm2ByMeasure[m]!) best = s;
    }
    if (!best) continue;
    const computed = best.areaKm2ByMeasure[m]!;
    const tolerance = Math.max(absTol, relTol * computed);
    const consistent = computed >= interval.lowest - tolerance && computed <= interval.highest + tolerance;
    const difference = computed - claimed;
    const where = p.kind === 'peak' ? `peak ${fmtKm2(computed)} on ${best.dateIso} (of ${used.length} snapshots, ${startIso} – ${endIso})` : `${fmtKm2(computed)} on ${best.dateIso}`;
    const reason = consistent
      ? `${where} is within ${allowedText(interval)} (${claimValueText(claim)}) ± ${fmtKm2(tolerance)} tolerance`
      : `${where} is ${computed < interval.lowest ? 'below' : 'above'} ${allowedText(interval)} (${claimValueText(claim)}) by more than the ${fmtKm2(tolerance)} tolerance`;
    byMeasure[m] = {
      measure: m,
      verdict: consistent ? 'consistent' : 'inconsistent',
      reason,
      snapshotDateIso: best.dateIso,
      snapshotDatesIso: datesIso,
      computedKm2: computed,
      claimedKm2: claimed,
      allowedKm2: { lowestKm2: interval.lowest, highestKm2: interval.highest },
      toleranceKm2: tolerance,
      differenceKm2: difference,
      ...(claimed === 0 ? {} : { differencePct: (difference / claimed) * 100 }),
    };
  }
  return { claimId: claim.id, byMeasure };
}

/**
 * The article a claim comes from, as a reader can find it: `“<headline>”, <outlet>`, or `“<headline>” (outlet
 * not named)`; an article without a headline is named by its first words. Never an internal id or file name.
 */
export function articleText(source: Pick<ClaimSource, 'title' | 'opening' | 'outlet'>): string {
  const title = source.title ? `“${source.title}”` : source.opening ? `untitled article beginning “${source.opening}…”` : 'untitled article';
  return source.outlet ? `${title}, ${source.outlet}` : `${title} (outlet not named)`;
}
