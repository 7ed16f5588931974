import { describe, expect, it } from 'vitest';
import { formatAge, formatDateLong, formatDateShort, formatKm2, formatMonthShort, formatPercent, formatSignedKm2 } from './format';

describe('format', () => {
  it('formats km² with one decimal and thousands separators', () => {
    expect(formatKm2(1234.56)).toBe('1,234.6 km²');
    expect(formatKm2(undefined)).toBe('–');
    expect(formatKm2(Number.NaN)).toBe('–');
  });
  it('signs changes with a true minus', () => {
    expect(formatSignedKm2(12.34)).toBe('+12.3 km²');
    expect(formatSignedKm2(-4)).toBe('−4.0 km²');
    expect(formatSignedKm2(0)).toBe('±0.0 km²');
  });
  it('formats dates in UTC and ages', () => {
    expect(formatDateLong('2024-08-20')).toBe('20 August 2024');
    expect(formatAge(0)).toBe('published that day');
    expect(formatAge(3)).toBe('3 days old');
  });
  it('formats in Ukrainian: space-grouped digits, decimal comma, км², genitive month names', () => {
    // Intl writes a no-break space (U+00A0) between digit groups in uk-UA.
    expect(formatKm2(1234.56, 'uk').replace(/\s/g, ' ')).toBe('1 234,6 км²');
    expect(formatSignedKm2(-4, 'uk')).toBe('−4,0 км²');
    expect(formatDateLong('2024-08-20', 'uk')).toBe('20 серпня 2024 р.');
    expect(formatDateShort('2024-08-20', 'uk')).toBe('20 серп. 2024 р.');
    expect(formatMonthShort('2024-08-01', 'uk')).toBe('серп.');
    expect(formatPercent(0.425, 'uk')).toBe('42,5 %');
    expect(formatPercent(0.425)).toBe('42.5 %');
    expect(formatPercent(null)).toBe('–');
  });
});
