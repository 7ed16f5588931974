// The area series (each measure's km² for every snapshot) that area claims are compared with and charted against.
import { emptyRecord } from './own';
import { measureArea } from './area';
import { claimInterval, claimReferenceAmount } from './claim-interval';
import { claimRefDate, claimSpan } from './claim-in-force';
import type { AreaSeriesPoint } from './claim-compare';
import { featuresAt, type SnapshotStore } from './snapshot-store';
import type { AreaGeometry, AreaMeasure, Issue } from './types';
import type { Claim } from './claim-schema';

/**
 * The measures an area claim is compared with, in this order, with the short names a narrow table can hold.
 * Area claims in the ledger are about ground held by Ukraine in Russia; whether a source counted DeepState's
 * grey zone is exactly the question, so both readings are shown (docs/claims.md, "Per measure").
 */
export const CLAIM_MEASURES: readonly { id: string; shortLabel: string }[] = [
  { id: 'held', shortLabel: 'Held' },
  { id: 'held_or_unknown', shortLabel: 'Held or unknown' },
];

/**
 * The dataset's measures that area claims are compared with: those of `CLAIM_MEASURES` the manifest defines,
 * or, for a dataset without them, every measure (so another dataset still gets a chart).
 */
export function claimMeasures(measures: readonly AreaMeasure[]): AreaMeasure[] {
  const known = CLAIM_MEASURES.map((c) => measures.find((m) => m.id === c.id)).filter((m): m is AreaMeasure => m !== undefined);
  return known.length > 0 ? known : [...measures];
}

/** A measure's short name for tables ("Held"), or its manifest label. */
export function measureShortLabel(measure: Pick<AreaMeasure, 'id' | 'label'>): string {
  return CLAIM_MEASURES.find((c) => c.id === measure.id)?.shortLabel ?? measure.label;
}

export interface AreaSeries {
  /** One point per snapshot, in store order (by date). A measure whose area failed is absent from the point. */
  points: AreaSeriesPoint[];
  issues: Issue[];
}

/**
 * Each measure's area (union of its classes, clipped to its region, km²) for every snapshot of the store: the same
 * figures as `snapshotAreaReport`, without the per-class areas. A measure whose features are the same as in the
 * previous snapshot (the same stored polygons of its classes) reuses that snapshot's figure: most days change
 * nothing in most measures, so this skips most unions.
 */
export function areaSeriesFromStore(
  store: SnapshotStore,
  measures: readonly AreaMeasure[],
  clipRegions: Readonly<Record<string, AreaGeometry>>,
): AreaSeries {
  const points: AreaSeriesPoint[] = [];
  const issues: Issue[] = [];
  const previous = new Map<string, { key: string; areaKm2: number | undefined }>();
  store.datesIso.forEach((dateIso, i) => {
    const features = featuresAt(store, i);
    const areaKm2ByMeasure = emptyRecord<number>();
    for (const m of measures) {
      const classes = new Set(m.classes);
      const mine = features.filter((f) => classes.has(f.properties.class));
      const key = mine.map((f) => f.id).join(',');
      const before = previous.get(m.id);
      let areaKm2: number | undefined;
      if (before && before.key === key) areaKm2 = before.areaKm2;
      else {
        const r = measureArea(store.files[i] ?? '', mine, m, clipRegions);
        issues.push(...r.issues);
        areaKm2 = r.value?.areaKm2;
        previous.set(m.id, { key, areaKm2 });
      }
      if (areaKm2 !== undefined) areaKm2ByMeasure[m.id] = areaKm2;
    }
    points.push({ dateIso, areaKm2ByMeasure });
  });
  return { points, issues };
}

/** How a claim is drawn on the chart: its symbol follows what the wording allows. */
export type ClaimMarkShape = 'point' | 'lower_bound' | 'upper_bound' | 'range';

export interface ClaimMark {
  claimId: string;
  shape: ClaimMarkShape;
  /** Where the symbol goes: the claim's reference date and figure (a range's midpoint), km². */
  xIso: string;
  yKm2: number;
  /** The vertical bar of a range, km² (stated low–high, before any widening). */
  lowKm2?: number;
  highKm2?: number;
  /** The horizontal whisker of a peak or period claim: the days it speaks for. */
  span?: { startIso: string; endIso: string };
}

/**
 * A claim's mark on the area chart: a point for a plain or hedged figure ("800", "about 1,300", "nearly …"), an up
 * caret for a lower bound ("at least", "over"), a down caret for an upper bound ("up to", "under"), a vertical bar for a
 * range; peak and period claims also get a whisker over their span at the claimed figure, because a mark at the
 * end date alone would read as a claim about that day (see `claimRefDate`).
 */
export function claimMark(claim: Claim): ClaimMark {
  const v = claim.value;
  const shape: ClaimMarkShape =
    v.qualifier === 'range' ? 'range'
      : v.qualifier === 'at_least' || v.qualifier === 'over' ? 'lower_bound'
        : v.qualifier === 'up_to' || v.qualifier === 'under' ? 'upper_bound'
          : 'point';
  const mark: ClaimMark = { claimId: claim.id, shape, xIso: claimRefDate(claim), yKm2: claimReferenceAmount(v) };
  if (v.qualifier === 'range') {
    mark.lowKm2 = v.low;
    mark.highKm2 = v.high;
  }
  if (claim.period.kind === 'peak' || claim.period.kind === 'period') {
    const span = claimSpan(claim);
    if (span.startIso !== span.endIso) mark.span = span;
  }
  return mark;
}

/** The largest value a chart's y axis must show for these claims (a lower bound's figure, a range's top), km². */
export function claimsMaxKm2(claims: readonly Claim[]): number {
  let max = 0;
  for (const c of claims) {
    const i = claimInterval(c.value);
    max = Math.max(max, Number.isFinite(i.highest) ? i.highest : claimReferenceAmount(c.value));
  }
  return max;
}
