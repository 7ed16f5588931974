// When a claim speaks: the days its period covers, the date a chart puts it at, and which claims are in force on a
// day (a claimant's newer figure replaces the older one). Pure.
import type { Claim, Quantity } from './claim-schema';

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
