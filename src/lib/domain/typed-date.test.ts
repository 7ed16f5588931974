import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './typed-date';
import { formatDateLong, formatDateShort } from './format';

const ok = (dateIso: string) => ({ ok: true, dateIso });

describe('parseTypedDate', () => {
  it('reads ISO dates, with or without leading zeros', () => {
    expect(parseTypedDate('2025-04-29')).toEqual(ok('2025-04-29'));
    expect(parseTypedDate(' 2024-8-6 ')).toEqual(ok('2024-08-06'));
  });

  it('reads numeric dates day first, as both UI languages write them', () => {
    expect(parseTypedDate('29.04.2025')).toEqual(ok('2025-04-29'));
    expect(parseTypedDate('6/8/2024')).toEqual(ok('2024-08-06'));
    expect(parseTypedDate('06.08.2024 р.')).toEqual(ok('2024-08-06'));
  });

  it('refuses a month-first date instead of guessing it', () => {
    expect(parseTypedDate('04/29/2025')).toEqual({ ok: false, reason: 'impossible' });
  });

  it('reads English and Ukrainian month names in any UI language, long, short and genitive', () => {
    expect(parseTypedDate('29 April 2025')).toEqual(ok('2025-04-29'));
    expect(parseTypedDate('29 apr 2025')).toEqual(ok('2025-04-29'));
    expect(parseTypedDate('3 Sept 2024')).toEqual(ok('2024-09-03'));
    expect(parseTypedDate('3 Sep. 2024')).toEqual(ok('2024-09-03'));
    expect(parseTypedDate('April 29, 2025')).toEqual(ok('2025-04-29'));
    expect(parseTypedDate('29 квітня 2025 р.')).toEqual(ok('2025-04-29'));
    expect(parseTypedDate('29 КВІТ. 2025')).toEqual(ok('2025-04-29'));
    expect(parseTypedDate('29 квітень 2025')).toEqual(ok('2025-04-29'));
  });

  it('reads back every date the page writes, in both languages', () => {
    for (const dateIso of ['2024-01-31', '2024-02-29', '2024-05-01', '2024-09-03', '2024-11-30', '2025-12-25'])
      for (const locale of ['en', 'uk'] as const) {
        expect(parseTypedDate(formatDateLong(dateIso, locale))).toEqual(ok(dateIso));
        expect(parseTypedDate(formatDateShort(dateIso, locale))).toEqual(ok(dateIso));
      }
  });

  it('tells an impossible date from unreadable text and from nothing', () => {
    expect(parseTypedDate('30 February 2025')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseTypedDate('2025-02-30')).toEqual({ ok: false, reason: 'impossible' });
    expect(parseTypedDate('yesterday')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseTypedDate('29 Foo 2025')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseTypedDate('2025')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseTypedDate('   ')).toEqual({ ok: false, reason: 'empty' });
  });

  it('does not read a name of an object prototype as a month', () => {
    expect(parseTypedDate('1 constructor 2025')).toEqual({ ok: false, reason: 'unreadable' });
    expect(parseTypedDate('1 __proto__ 2025')).toEqual({ ok: false, reason: 'unreadable' });
  });
});
