// The labelled marks under the date slider: month starts (or every few months, or years) inside a dataset's span,
// never more than a track can show. Counted in whole months, so the loop ends for any dates (issue 15: stepping by
// 32 days through date strings never ended once a date passed 9999-12-01).

/** One mark: the first day of a month, and its label ("Mar", or the year in January). */
export interface MonthMark {
  dateIso: string;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// Steps in months, smallest first: a step divides the year so that labelled months line up year after year.
const STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];

/**
 * Month starts from `firstIso` to `lastIso` (both `YYYY-MM-DD`, first ≤ last), at the smallest step that gives at
 * most `maxMarks` marks; January marks carry the year. Empty when the dates are malformed or reversed.
 */
export function monthMarks(firstIso: string, lastIso: string, maxMarks = 24): MonthMark[] {
  const a = /^(\d{4})-(\d{2})-(\d{2})$/.exec(firstIso);
  const b = /^(\d{4})-(\d{2})-(\d{2})$/.exec(lastIso);
  if (!a || !b || firstIso > lastIso) return [];
  // Month index (years × 12 + month − 1) of the first month start on or after firstIso, and of lastIso's month.
  const first = Number(a[1]) * 12 + Number(a[2]) - 1 + (a[3] === '01' ? 0 : 1);
  const last = Number(b[1]) * 12 + Number(b[2]) - 1;
  if (first > last) return [];
  const span = last - first + 1;
  const step = STEPS.find((s) => Math.ceil(span / s) <= maxMarks) ?? Math.ceil(span / Math.max(1, maxMarks) / 12) * 12;
  const out: MonthMark[] = [];
  // Start on a multiple of the step (counted from January of year 0), so marks fall on the same months every year.
  for (let m = Math.ceil(first / step) * step; m <= last; m += step) {
    const year = Math.floor(m / 12);
    const month = m % 12;
    out.push({ dateIso: `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-01`, label: month === 0 ? String(year) : MONTHS[month]! });
  }
  return out;
}
