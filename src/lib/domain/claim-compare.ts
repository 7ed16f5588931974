// Comparing an area claim with the snapshots, measure by measure: which snapshot speaks for the claim's date,
// and whether its area lies within what the claim allows (claim-interval.ts) give or take the measurement tolerance.
// Pure. The verdict rule with its reasons: claim-interval.ts and docs/claims.md.
import { emptyRecord, own } from './own';
import type { Claim } from './claim-schema';
import { CLAIM_TOLERANCE, claimInterval, claimReferenceAmount, type ClaimInterval } from './claim-interval';
import { claimSpan } from './claim-in-force';
import { claimValueText } from './claim-text';
import { formatAmount } from './format';
import { snapshotIndexOn } from './timeline';

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
