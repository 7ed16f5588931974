// The timeline of a dataset: which snapshot is in force on a date, stepping between snapshots, day arithmetic.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * True for a real calendar day written `YYYY-MM-DD` (proleptic Gregorian: 2024-02-29 yes, 2024-02-30 no). The one
 * date check of the app, the loader, the claims and the CLI. Day arithmetic, not `Date.UTC`, which reads years
 * 0–99 as 1900–1999 and so would call 0024-02-29 impossible.
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Whether `value` has the `YYYY-MM-DD` shape, whatever the numbers (to tell "malformed" from "impossible"). */
export function hasIsoDateShape(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value);
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(mo) ? 30 : 31;
}

/** Days since 1970-01-01 (UTC) of an ISO date. */
export function isoToDay(dateIso: string): number {
  return Math.round(Date.parse(`${dateIso}T00:00:00Z`) / MS_PER_DAY);
}

export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(dateIso: string, days: number): string {
  return dayToIso(isoToDay(dateIso) + days);
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return isoToDay(toIso) - isoToDay(fromIso);
}

/**
 * Index of the snapshot in force on `dateIso`: the last one published on or before it, or -1 before the
 * first. `datesIso` must be sorted ascending and unique. Binary search: the full archive has ~1,400 dates.
 */
export function snapshotIndexOn(datesIso: readonly string[], dateIso: string): number {
  let lo = 0;
  let hi = datesIso.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (datesIso[mid]! <= dateIso) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The date reached by stepping `delta` snapshots from `dateIso`: one step back from a day between two
 * snapshots goes to the snapshot in force (not the one before it), as a reader expects from "previous".
 */
export function stepSnapshot(datesIso: readonly string[], dateIso: string, delta: number): string {
  if (datesIso.length === 0) return dateIso;
  const i = snapshotIndexOn(datesIso, dateIso);
  let target: number;
  if (delta < 0 && i >= 0 && datesIso[i] !== dateIso) target = i + delta + 1;
  else target = i + delta;
  target = Math.max(0, Math.min(datesIso.length - 1, target));
  return datesIso[target]!;
}

/** Clamp a date into the dataset's span. */
export function clampDate(datesIso: readonly string[], dateIso: string): string {
  const first = datesIso[0];
  const last = datesIso[datesIso.length - 1];
  if (first === undefined || last === undefined) return dateIso;
  if (dateIso < first) return first;
  if (dateIso > last) return last;
  return dateIso;
}
