// Settlement claims ("82 settlements under Ukrainian control") beside the count of named places the polygons cover
// on that date. The count is a lower bound wherever the gazetteer lacks villages, so this sets figures side by
// side and gives no verdict.
import type { Claim } from './claim-schema';
import type { PlaceClaim } from './place-assertion';
import { claimSpan } from './claim-in-force';
import { claimValueText } from './claim-text';
import type { PlaceCounts } from './place-history';
import { snapshotIndexOn } from './timeline';

export interface SettlementClaimRow {
  id: string;
  /** The day the count is read on: the claim's date, or for a peak claim the snapshot with the largest count. */
  dateIso: string;
  /** The figure in words: "over 100 settlements", "82 settlements under Ukrainian control". */
  figure: string;
  /** The claimed number (null for "+1" and the like). */
  claimed: number | null;
  claimant: string;
  /** Whose control the figure is about (ISO code), when known. */
  side: string | null;
  /** True when the figure counts places retaken, not held: not comparable with a count of places held. */
  recaptured: boolean;
  sourceUrl: string | null;
  /** Places covered on `dateIso` per measure id (null before the first snapshot). */
  countsByMeasure: Map<string, number | null>;
}

const SIDES: Record<string, string> = { Ukraine: 'UA', Russia: 'RU' };

function countsOn(counts: PlaceCounts, index: number): Map<string, number | null> {
  return new Map([...counts.byMeasure].map(([id, a]) => [id, index >= 0 ? a[index]! : null]));
}

/**
 * Every settlement claim — the ledger's `settlements_held` claims and the place claims file's totals — with the
 * counts of named places on its date, sorted by date. A peak claim is read at the snapshot, within its span, where
 * `peakMeasure` counts the most places.
 */
export function settlementClaimRows(ledger: readonly Claim[], placeClaims: readonly PlaceClaim[], counts: PlaceCounts, peakMeasure: string): SettlementClaimRow[] {
  const rows: SettlementClaimRow[] = [];
  for (const c of ledger) {
    if (c.quantity !== 'settlements_held') continue;
    const { startIso, endIso } = claimSpan(c);
    let index = snapshotIndexOn(counts.datesIso, endIso);
    if (c.period.kind === 'peak') {
      const series = counts.byMeasure.get(peakMeasure);
      const from = Math.max(0, snapshotIndexOn(counts.datesIso, startIso));
      const to = index;
      if (series) for (let i = from; i <= to; i++) if (index < 0 || series[i]! > series[index]!) index = i;
    }
    rows.push({
      id: c.id,
      dateIso: index >= 0 ? counts.datesIso[index]! : endIso,
      figure: claimValueText(c),
      claimed: c.value.qualifier === 'range' ? c.value.high : c.value.amount,
      claimant: c.claimant.name,
      side: SIDES[c.subject.side] ?? null,
      recaptured: false,
      sourceUrl: c.source.url,
      countsByMeasure: countsOn(counts, index),
    });
  }
  for (const c of placeClaims) {
    if (!c.isCount) continue;
    const side = c.asserts.kind === 'contested' ? null : c.asserts.country;
    rows.push({
      id: c.id,
      dateIso: c.dateIso,
      figure: c.claim,
      claimed: c.count,
      claimant: c.claimant,
      side,
      // A Russian total in this file counts villages retaken ("12 villages recaptured"), not held.
      recaptured: c.asserts.kind === 'held' && c.asserts.country === 'RU',
      sourceUrl: c.sourceUrl,
      countsByMeasure: countsOn(counts, snapshotIndexOn(counts.datesIso, c.dateIso)),
    });
  }
  return rows.sort((a, b) => a.dateIso.localeCompare(b.dateIso) || a.id.localeCompare(b.id));
}
