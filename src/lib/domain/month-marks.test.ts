import { describe, expect, it } from 'vitest';
import { monthMarks } from './month-marks';

describe('monthMarks', () => {
  it('marks every month start of a short span, January by its year', () => {
    expect(monthMarks('2024-08-01', '2025-01-20')).toEqual([
      { dateIso: '2024-08-01', label: 'Aug' }, { dateIso: '2024-09-01', label: 'Sep' }, { dateIso: '2024-10-01', label: 'Oct' },
      { dateIso: '2024-11-01', label: 'Nov' }, { dateIso: '2024-12-01', label: 'Dec' }, { dateIso: '2025-01-01', label: '2025' },
    ]);
    expect(monthMarks('2024-08-02', '2024-09-30').map((m) => m.dateIso)).toEqual(['2024-09-01']);
    expect(monthMarks('2024-08-02', '2024-08-30')).toEqual([]);
  });

  it('thins out long spans to at most maxMarks, on the same months each year', () => {
    const marks = monthMarks('2022-04-03', '2025-08-03', 12);
    expect(marks.map((m) => m.dateIso)).toEqual(['2022-07-01', '2023-01-01', '2023-07-01', '2024-01-01', '2024-07-01', '2025-01-01', '2025-07-01']);
    expect(marks.map((m) => m.label)).toEqual(['Jul', '2023', 'Jul', '2024', 'Jul', '2025', 'Jul']);
  });

  it('ends for any dates, the far ends of the calendar included', () => {
    expect(monthMarks('9999-12-31', '9999-12-31')).toEqual([]);
    expect(monthMarks('9999-11-15', '9999-12-31')).toEqual([{ dateIso: '9999-12-01', label: 'Dec' }]);
    const all = monthMarks('0001-01-01', '9999-12-31', 24);
    expect(all.length).toBeLessThanOrEqual(24);
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((m) => m.dateIso.endsWith('-01-01'))).toBe(true);
    expect(monthMarks('2025-01-01', '2024-01-01')).toEqual([]);
    expect(monthMarks('garbage', '2024-01-01')).toEqual([]);
  });
});
