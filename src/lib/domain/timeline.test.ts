import { describe, expect, it } from 'vitest';
import { addDays, clampDate, daysBetween, isIsoDate, snapshotIndexOn, stepSnapshot } from './timeline';

const dates = ['2024-08-01', '2024-08-08', '2024-08-12', '2024-08-13'];

describe('isIsoDate', () => {
  it('accepts real dates and rejects impossible or malformed ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('0024-02-29')).toBe(true); // years 0–99 are not 1900–1999
    expect(isIsoDate(20240229)).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('3/4/22')).toBe(false);
    expect(isIsoDate('2024-8-1')).toBe(false);
  });
});

describe('snapshotIndexOn', () => {
  it('is the last snapshot on or before the date', () => {
    expect(snapshotIndexOn(dates, '2024-08-01')).toBe(0);
    expect(snapshotIndexOn(dates, '2024-08-10')).toBe(1);
    expect(snapshotIndexOn(dates, '2024-08-12')).toBe(2);
    expect(snapshotIndexOn(dates, '2025-01-01')).toBe(3);
  });
  it('is -1 before the first snapshot and for no snapshots', () => {
    expect(snapshotIndexOn(dates, '2024-07-31')).toBe(-1);
    expect(snapshotIndexOn([], '2024-07-31')).toBe(-1);
  });
  it('agrees with a linear scan on every day of a long range', () => {
    const many = Array.from({ length: 300 }, (_, i) => addDays('2022-01-01', i * 3 + (i % 2)));
    for (let d = -5; d < 1000; d++) {
      const day = addDays('2022-01-01', d);
      let expected = -1;
      many.forEach((s, i) => { if (s <= day) expected = i; });
      expect(snapshotIndexOn(many, day)).toBe(expected);
    }
  });
});

describe('stepSnapshot', () => {
  it('steps between snapshot dates and stops at the ends', () => {
    expect(stepSnapshot(dates, '2024-08-08', 1)).toBe('2024-08-12');
    expect(stepSnapshot(dates, '2024-08-08', -1)).toBe('2024-08-01');
    expect(stepSnapshot(dates, '2024-08-13', 1)).toBe('2024-08-13');
    expect(stepSnapshot(dates, '2024-08-01', -1)).toBe('2024-08-01');
  });
  it('from a day between snapshots, back goes to the snapshot in force', () => {
    expect(stepSnapshot(dates, '2024-08-10', -1)).toBe('2024-08-08');
    expect(stepSnapshot(dates, '2024-08-10', 1)).toBe('2024-08-12');
  });
  it('from before the first snapshot, forward goes to the first', () => {
    expect(stepSnapshot(dates, '2024-07-01', 1)).toBe('2024-08-01');
  });
});

describe('day arithmetic', () => {
  it('counts days across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(clampDate(dates, '2020-01-01')).toBe('2024-08-01');
    expect(clampDate(dates, '2030-01-01')).toBe('2024-08-13');
  });
});
