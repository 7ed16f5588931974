// Number and date formatting for figures a reader may quote: fixed locale, explicit units.

const km2Format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const intFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `1,234.5 km²`; a missing figure is an en dash, never 0. */
export function formatKm2(areaKm2: number | undefined | null): string {
  if (areaKm2 === undefined || areaKm2 === null || !Number.isFinite(areaKm2)) return '–';
  return `${km2Format.format(areaKm2)} km²`;
}

/** Signed: `+12.3 km²`, `−4.0 km²` (a true minus sign). */
export function formatSignedKm2(areaKm2: number): string {
  const s = km2Format.format(Math.abs(areaKm2));
  return `${areaKm2 > 0 ? '+' : areaKm2 < 0 ? '−' : '±'}${s} km²`;
}

const shareFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** `18.04 %` of a reference area; a missing figure is an en dash. */
export function formatShare(areaKm2: number | undefined, ofKm2: number): string {
  if (areaKm2 === undefined || !Number.isFinite(areaKm2) || !(ofKm2 > 0)) return '–';
  return `${shareFormat.format((100 * areaKm2) / ofKm2)} %`;
}

export function formatInt(n: number): string {
  return intFormat.format(n);
}

/** `20 August 2024`. */
export function formatDateLong(dateIso: string): string {
  return longDate.format(new Date(`${dateIso}T00:00:00Z`));
}

/** `20 Aug 2024`. */
export function formatDateShort(dateIso: string): string {
  return shortDate.format(new Date(`${dateIso}T00:00:00Z`));
}

/** `today`, `1 day old`, `12 days old`. */
export function formatAge(days: number): string {
  if (days === 0) return 'published that day';
  return days === 1 ? '1 day old' : `${days} days old`;
}
