// A claim about a place set against one source's history of it: did the map already show it, show it later (and
// how long after), or never? Pure; the runs come from place-history.ts, the claims from data/place-claims.ts.
import type { PlaceAssertion, PlaceClaim } from './place-assertion';
import { readingOf, type ControlRun, type Reading } from './place-history';
import { daysBetween, snapshotIndexOn } from './timeline';

export type PlaceClaimVerdict =
  /** The gazetteer lacks the place (or the claim is a total): nothing to look up. */
  | { kind: 'no_place' }
  /** The snapshot in force on the claim's date already shows it, as do all since `sinceIso`. */
  | { kind: 'already'; sinceIso: string; leadDays: number; sinceFirstSnapshot: boolean }
  /**
   * First shown by the snapshot of `firstShownIso`, after the claim; `lastNotShownIso` is the snapshot before it
   * (the map changed in between). Lag = days from the claim to `firstShownIso`: an upper bound of the map's delay.
   */
  | { kind: 'later'; firstShownIso: string; lastNotShownIso: string | null; lagDays: number }
  /** No snapshot from the claim's date on shows it. */
  | { kind: 'never'; lastSnapshotIso: string }
  /** The source has no snapshot at all. */
  | { kind: 'no_snapshots' };

/**
 * Whether a reading agrees with a claim: `held:X` needs X; `entered:X` (troops there, not control) is borne out
 * by X or contested ground; `contested` by contested ground or by the place held by a country not its own.
 */
export function readingAgrees(asserts: PlaceAssertion, reading: Reading | null, country: string | null): boolean {
  if (reading === null) return false;
  if (asserts.kind === 'held') return reading === asserts.country;
  if (asserts.kind === 'entered') return reading === asserts.country || reading === 'contested';
  return reading === 'contested' || (country !== null && reading !== country);
}

/** A claim against the runs of its place in one source (`datesIso` = the source's snapshot dates). */
export function checkPlaceClaim(
  claim: Pick<PlaceClaim, 'dateIso' | 'asserts' | 'placeId'>,
  runs: readonly ControlRun[] | undefined,
  datesIso: readonly string[],
  heldByClass: ReadonlyMap<string, string>,
  country: string | null,
): PlaceClaimVerdict {
  if (claim.placeId === null || !runs) return { kind: 'no_place' };
  if (datesIso.length === 0 || runs.length === 0) return { kind: 'no_snapshots' };
  const agrees = (r: ControlRun) => readingAgrees(claim.asserts, readingOf(r.classes, heldByClass, country), country);
  const k = snapshotIndexOn(datesIso, claim.dateIso);
  const current = k >= 0 ? runs.find((r) => r.firstIndex <= k && k <= r.lastIndex) : undefined;
  if (current && agrees(current)) {
    return { kind: 'already', sinceIso: current.fromIso, leadDays: daysBetween(current.fromIso, claim.dateIso), sinceFirstSnapshot: current.firstIndex === 0 };
  }
  const next = runs.find((r) => r.firstIndex > k && agrees(r));
  if (!next) return { kind: 'never', lastSnapshotIso: datesIso[datesIso.length - 1]! };
  return {
    kind: 'later',
    firstShownIso: next.fromIso,
    lastNotShownIso: next.firstIndex > 0 ? datesIso[next.firstIndex - 1]! : null,
    lagDays: daysBetween(claim.dateIso, next.fromIso),
  };
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** The verdict in one sentence, for the UI, the CSV and the command line. */
export function placeClaimVerdictText(v: PlaceClaimVerdict): string {
  switch (v.kind) {
    case 'no_place':
      return 'not in the gazetteer: the maps cannot be read for this place';
    case 'no_snapshots':
      return 'no snapshot in this source';
    case 'already':
      return v.leadDays === 0
        ? `the map showed it the same day (snapshot of ${v.sinceIso})`
        : v.sinceFirstSnapshot
          ? `the map showed it so on every snapshot up to the claim, from the first (${v.sinceIso}): never otherwise before`
          : `the map showed it already, since ${v.sinceIso}: ${days(v.leadDays)} before the claim`;
    case 'later':
      return `the map first showed it on ${v.firstShownIso}, ${days(v.lagDays)} after the claim${v.lastNotShownIso ? ` (not yet on ${v.lastNotShownIso})` : ' (its first snapshot)'}`;
    case 'never':
      return `the map never showed it (to the last snapshot, ${v.lastSnapshotIso})`;
  }
}
