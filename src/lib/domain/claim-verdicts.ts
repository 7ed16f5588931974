// Verdicts of area claims against several sources at once (DeepStateMap, ISW/CTP, NZZ, a user's dataset): each
// source's series compared measure by measure with compareAreaClaim, and one line a reader can quote.
import type { Claim } from './claim-schema';
import { claimValueText } from './claim-text';
import { compareAreaClaim, type AreaSeriesPoint, type CompareAreaOptions, type MeasureComparison, type Verdict } from './claim-compare';

/**
 * One source's area series. Measures that answer the same question share ids across sources: `held` (the main
 * Ukrainian-held / advance class, clipped to Russia), `held_kursk` (the same clipped to Kursk Oblast), and for
 * DeepStateMap also `held_or_unknown` and `held_or_unknown_kursk` (with its grey zone).
 */
export interface SourceAreaSeries {
  /** `deepstate`, `isw`, `nzz`, or a user's dataset id. */
  id: string;
  /** Name a reader knows the source by: `DeepState`, `ISW`, `NZZ`. */
  label: string;
  /** Measures to compare with, in display order. */
  measures: readonly { id: string; label: string }[];
  /** One point per snapshot, by date. */
  points: readonly AreaSeriesPoint[];
  /** Last day the source speaks for (default: its last snapshot). */
  coverageEndIso?: string;
}

export interface SourceVerdicts {
  sourceId: string;
  label: string;
  /** One comparison per measure of the source, in its order. */
  byMeasure: MeasureComparison[];
}

export interface ClaimVerdicts {
  claimId: string;
  bySource: SourceVerdicts[];
  /** `about 1,250 km², Euromaidan Press: DeepState held + grey consistent, held inconsistent; ISW inconsistent`. */
  summary: string;
}

/** Short names of the shared measure ids, for the summary line; other measures go by their label. */
export const MEASURE_SUMMARY_LABEL: Readonly<Record<string, string>> = {
  held: 'held',
  held_or_unknown: 'held + grey',
  held_kursk: 'held in Kursk Oblast',
  held_or_unknown_kursk: 'held + grey in Kursk Oblast',
};

/**
 * The measures an area claim gets a verdict on, where a source defines them, in this order: the ids shared across
 * sources (see `SourceAreaSeries`). A claim's place is often loose ("of the Kursk region", "of Russian territory"),
 * so both clips are judged.
 */
export const VERDICT_MEASURES: readonly string[] = ['held', 'held_or_unknown', 'held_kursk', 'held_or_unknown_kursk'];

/** A dataset's measures that claims get verdicts on (`VERDICT_MEASURES`, in that order); empty when it has none. */
export function verdictMeasures<M extends { id: string }>(measures: readonly M[]): M[] {
  return VERDICT_MEASURES.map((id) => measures.find((m) => m.id === id)).filter((m): m is M => m !== undefined);
}

/** The measures the summary line speaks of: in Russia (`held`, `held_or_unknown`) when a source has them. */
export const SUMMARY_MEASURES: readonly string[] = ['held', 'held_or_unknown'];

export const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  consistent: 'consistent',
  inconsistent: 'inconsistent',
  not_comparable: 'not comparable',
};

function summaryLabel(measure: { id: string; label: string }): string {
  return Object.hasOwn(MEASURE_SUMMARY_LABEL, measure.id) ? MEASURE_SUMMARY_LABEL[measure.id]! : measure.label;
}

/** Who said it, as a reader would cite it: the outlet when the outlet itself said it, else the claimant. */
export function claimWhoText(claim: Pick<Claim, 'claimant' | 'source'>): string {
  return claim.claimant.kind === 'outlet' && claim.source.outlet ? claim.source.outlet : claim.claimant.name;
}

/**
 * One source's part of the summary: `ISW inconsistent` when every measure agrees, else the measures grouped by
 * verdict, consistent first: `DeepState held + grey consistent, held inconsistent`.
 */
function sourcePhrase(source: SourceAreaSeries, verdicts: SourceVerdicts): string {
  const wanted = verdicts.byMeasure.filter((c) => SUMMARY_MEASURES.includes(c.measure));
  const shown = wanted.length > 0 ? wanted : verdicts.byMeasure;
  if (shown.length === 0) return `${source.label} no measure`;
  const groups = new Map<Verdict, string[]>();
  for (const c of shown) {
    const m = source.measures.find((x) => x.id === c.measure) ?? { id: c.measure, label: c.measure };
    groups.set(c.verdict, [...(groups.get(c.verdict) ?? []), summaryLabel(m)]);
  }
  if (groups.size === 1) {
    const [verdict] = groups.keys();
    return `${source.label} ${VERDICT_WORDS[verdict!]}`;
  }
  const order: Verdict[] = ['consistent', 'inconsistent', 'not_comparable'];
  const parts = order.filter((v) => groups.has(v)).map((v) => `${groups.get(v)!.join(', ')} ${VERDICT_WORDS[v]}`);
  return `${source.label} ${parts.join(', ')}`;
}

/**
 * Each claim against each source, per measure (compareAreaClaim with the source's measures and coverage), with a
 * summary line. A claim that is not an area in km² is `not_comparable` everywhere, as compareAreaClaim says.
 */
export function claimVerdictsAcrossSources(
  claims: readonly Claim[],
  sources: readonly SourceAreaSeries[],
  opts: Pick<CompareAreaOptions, 'absoluteToleranceKm2' | 'relativeTolerance'> = {},
): ClaimVerdicts[] {
  return claims.map((claim) => {
    const bySource = sources.map((s): SourceVerdicts => {
      const ids = s.measures.map((m) => m.id);
      const cmp = compareAreaClaim(claim, s.points, { ...opts, measures: ids, ...(s.coverageEndIso ? { coverageEndIso: s.coverageEndIso } : {}) });
      return { sourceId: s.id, label: s.label, byMeasure: ids.map((id) => cmp.byMeasure[id]!) };
    });
    const phrases = sources.map((s, i) => sourcePhrase(s, bySource[i]!));
    return { claimId: claim.id, bySource, summary: `${claimValueText(claim)}, ${claimWhoText(claim)}: ${phrases.join('; ')}` };
  });
}
