// A date a reader types, read the way the page writes dates: "29 April 2025", "29 квітня 2025 р.", "29 Apr 2025",
// "29.04.2025", "29/04/2025" or "2025-04-29". The page shows dates by the UI language (format.ts), so the date field
// shows and reads them that way too, instead of the browser's own date-input format (which follows the browser's
// locale: "04/29/2025" on an en-US browser beside a page that says "29 April 2025").
//
// Numeric dates are read day first (29.04.2025, 29/04/2025), as both UI languages write them; a month-first date is
// refused when the day is over 12 rather than guessed. Month names are taken from Intl in both languages
// whatever the UI language is, so a date copied from an English article works on the Ukrainian page.
import { INTL_TAG, UI_LOCALES } from './format';
import { isIsoDate } from './timeline';

export type TypedDate = { ok: true; dateIso: string } | { ok: false; reason: 'empty' | 'unreadable' | 'impossible' };

/** Lower-cased month names and abbreviations (nominative and genitive, with or without a dot) → month 1–12. */
function monthNames(): Map<string, number> {
  const names = new Map<string, number>();
  const add = (name: string, month: number) => {
    const key = name.toLocaleLowerCase().replace(/\.$/, '');
    if (key !== '' && !names.has(key)) names.set(key, month);
  };
  for (const locale of UI_LOCALES) {
    const tag = INTL_TAG[locale];
    const inDate = (month: 'long' | 'short') => new Intl.DateTimeFormat(tag, { day: 'numeric', month, timeZone: 'UTC' });
    const alone = (month: 'long' | 'short') => new Intl.DateTimeFormat(tag, { month, timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) {
      const d = new Date(Date.UTC(2024, m - 1, 15));
      for (const f of [inDate('long'), inDate('short')])
        for (const part of f.formatToParts(d)) if (part.type === 'month') add(part.value, m);
      for (const f of [alone('long'), alone('short')]) add(f.format(d), m);
    }
  }
  // English's four-letter "Sept" (en-GB's short form since CLDR 38 on some engines, "Sep" on others).
  add('sept', 9);
  add('sep', 9);
  return names;
}

let months: Map<string, number> | undefined;

function isoOf(year: number, month: number, day: number): TypedDate {
  const dateIso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(dateIso) ? { ok: true, dateIso } : { ok: false, reason: 'impossible' };
}

/** Read a typed date; `impossible` is a well-formed date that does not exist (30 February). */
export function parseTypedDate(text: string): TypedDate {
  const s = text.trim().toLocaleLowerCase().replace(/\s+/g, ' ');
  if (s === '') return { ok: false, reason: 'empty' };

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})(?: ?р\.?)?$/.exec(s);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));

  // "29 april 2025", "29 квітня 2025 р.", "29 apr. 2025", "april 29, 2025"
  m = /^(\d{1,2}) ([\p{L}]+)\.?,? (\d{4})(?: ?р\.?)?$/u.exec(s) ?? null;
  let day: number | undefined;
  let name: string | undefined;
  let year: number | undefined;
  if (m) [day, name, year] = [Number(m[1]), m[2], Number(m[3])];
  else {
    m = /^([\p{L}]+)\.? (\d{1,2}),? (\d{4})$/u.exec(s);
    if (m) [name, day, year] = [m[1], Number(m[2]), Number(m[3])];
  }
  if (name === undefined || day === undefined || year === undefined) return { ok: false, reason: 'unreadable' };
  months ??= monthNames();
  const month = months.get(name);
  return month === undefined ? { ok: false, reason: 'unreadable' } : isoOf(year, month, day);
}
