// Number and date formatting for figures a reader may quote, in the reader's language (Intl), with explicit units.

/** The UI languages. */
export type UiLocale = 'en' | 'uk';
export const UI_LOCALES: readonly UiLocale[] = ['en', 'uk'];

/** BCP 47 tags used for Intl: en-GB writes "20 August 2024" and "1,234.5", uk-UA "20 серпня 2024 р." and "1 234,5". */
export const INTL_TAG: Record<UiLocale, string> = { en: 'en-GB', uk: 'uk-UA' };

/** The unit as each language writes it. */
const KM2: Record<UiLocale, string> = { en: 'km²', uk: 'км²' };

interface Formats {
  km2: Intl.NumberFormat;
  int: Intl.NumberFormat;
  longDate: Intl.DateTimeFormat;
  shortDate: Intl.DateTimeFormat;
  month: Intl.DateTimeFormat;
  amount: Intl.NumberFormat;
  coordinate: Intl.NumberFormat;
}

const cache = new Map<UiLocale, Formats>();

function formats(locale: UiLocale): Formats {
  let f = cache.get(locale);
  if (f) return f;
  const tag = INTL_TAG[locale];
  f = {
    km2: new Intl.NumberFormat(tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
    int: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
    longDate: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    shortDate: new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' }),
    amount: new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }),
    coordinate: new Intl.NumberFormat(tag, { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false }),
  };
  cache.set(locale, f);
  return f;
}

const utc = (dateIso: string) => new Date(`${dateIso}T00:00:00Z`);

/** `1,234.5 km²` (uk: `1 234,5 км²`); a missing figure is an en dash, never 0. */
export function formatKm2(areaKm2: number | undefined | null, locale: UiLocale = 'en'): string {
  if (areaKm2 === undefined || areaKm2 === null || !Number.isFinite(areaKm2)) return '–';
  return `${formats(locale).km2.format(areaKm2)} ${KM2[locale]}`;
}

/** Signed: `+12.3 km²`, `−4.0 km²` (a true minus sign). */
export function formatSignedKm2(areaKm2: number, locale: UiLocale = 'en'): string {
  const s = formats(locale).km2.format(Math.abs(areaKm2));
  return `${areaKm2 > 0 ? '+' : areaKm2 < 0 ? '−' : '±'}${s} ${KM2[locale]}`;
}

const shareFormats = new Map<UiLocale, Intl.NumberFormat>();

/** `18.04 %` of a reference area (uk: `18,04 %`); a missing figure is an en dash. */
export function formatShare(areaKm2: number | undefined, ofKm2: number, locale: UiLocale = 'en'): string {
  if (areaKm2 === undefined || !Number.isFinite(areaKm2) || !(ofKm2 > 0)) return '–';
  let f = shareFormats.get(locale);
  if (!f) shareFormats.set(locale, (f = new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 2, minimumFractionDigits: 2 })));
  return `${f.format((100 * areaKm2) / ofKm2)} %`;
}

export function formatInt(n: number, locale: UiLocale = 'en'): string {
  return formats(locale).int.format(n);
}

/** A number with one decimal: `12.3` (uk: `12,3`), for sizes and other measured figures. */
export function formatOneDecimal(n: number, locale: UiLocale = 'en'): string {
  return formats(locale).km2.format(n);
}

/** A claimed amount: `1,300`, `2.5` (up to two decimals; uk: `1 300`, `2,5`). */
export function formatAmount(n: number, locale: UiLocale = 'en'): string {
  return formats(locale).amount.format(n);
}

/** A share 0…1 as a percentage with one decimal, spaced as both languages' style guides write it: `42.5 %` (uk: `42,5 %`); null is an en dash. */
export function formatPercent(share: number | null, locale: UiLocale = 'en'): string {
  return share === null || !Number.isFinite(share) ? '–' : `${formats(locale).km2.format(share * 100)} %`;
}

/** A latitude or longitude in degrees with four decimals (about 10 m): `51.2345` (uk: `51,2345`). */
export function formatCoordinate(degrees: number, locale: UiLocale = 'en'): string {
  return formats(locale).coordinate.format(degrees);
}

/** `20 August 2024` (uk: `20 серпня 2024 р.`). */
export function formatDateLong(dateIso: string, locale: UiLocale = 'en'): string {
  return formats(locale).longDate.format(utc(dateIso));
}

/** `20 Aug 2024` (uk: `20 серп. 2024 р.`). */
export function formatDateShort(dateIso: string, locale: UiLocale = 'en'): string {
  return formats(locale).shortDate.format(utc(dateIso));
}

/** The month's short name: `Aug` (uk: `серп.`). */
export function formatMonthShort(dateIso: string, locale: UiLocale = 'en'): string {
  return formats(locale).month.format(utc(dateIso));
}

/** `published that day`, `1 day old`, `12 days old` (English only: the UI words ages through its catalogue). */
export function formatAge(days: number): string {
  if (days === 0) return 'published that day';
  return days === 1 ? '1 day old' : `${days} days old`;
}
