// Calendar-date checks for snapshot dates: ISO `YYYY-MM-DD`, real days only (no 2024-02-30), in the supported range.
import { SUPPORTED_DATES } from '../domain/limits';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True if `s` is `YYYY-MM-DD` and names a real calendar day (proleptic Gregorian, UTC). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Whether `s` has the `YYYY-MM-DD` shape, whatever the numbers (to tell "malformed" from "impossible"). */
export function hasIsoDateShape(s: unknown): s is string {
  return typeof s === 'string' && ISO_DATE.test(s);
}

function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(mo) ? 30 : 31;
}

/**
 * Check a date value and say what is wrong with it, or return undefined if it is a real ISO date.
 * @param path JSON path or label to start the reason with (e.g. `features[3].properties.date`).
 */
export function dateProblem(path: string, value: unknown): string | undefined {
  if (isIsoDate(value)) return outsideSupportedRange(path, value);
  const found = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'nothing' : String(value);
  if (hasIsoDateShape(value)) return `${path}: ${found} is not a calendar date`;
  // A full timestamp is common in exports; say so rather than just "malformed".
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value))
    return `${path}: ISO date (YYYY-MM-DD) expected, timestamp ${found} found`;
  return `${path}: ISO date (YYYY-MM-DD) expected, ${found} found`;
}

/** The `YYYY-MM-DD` part of a file name (last one if several), real or not; undefined if none. */
export function dateInFileName(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const all = base.match(/\d{4}-\d{2}-\d{2}/g);
  return all ? all[all.length - 1] : undefined;
}

/**
 * Why a real calendar date cannot be a snapshot date, or undefined: outside SUPPORTED_DATES (limits.ts), which the
 * slider, the chart and every date loop are made for. A far date is almost always a typo (2204 for 2024).
 */
export function outsideSupportedRange(path: string, dateIso: string): string | undefined {
  if (dateIso >= SUPPORTED_DATES.firstIso && dateIso <= SUPPORTED_DATES.lastIso) return undefined;
  return `${path}: ${dateIso} is outside the supported range ${SUPPORTED_DATES.firstIso} … ${SUPPORTED_DATES.lastIso}`;
}
