// The claims CLI on the fixture CSV (the five seed area claims, converted and other rows, bad rows) against the
// real Kursk dataset: the lines a user sees, the issues in the app's words, the exit codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './claims';

const FIXTURE = 'src/lib/data/fixtures/claims-csv/kursk-claims.csv';
const run = (...args: string[]) => {
  const lines: string[] = [];
  const code = main(args, (l) => lines.push(l));
  return { code, lines };
};
const tmp = mkdtempSync(join(tmpdir(), 'claims-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('claims CLI', () => {
  const { code, lines } = run(FIXTURE, 'geodata/kursk');

  it('prints the bad rows as the app words them, then one line per claim and measure', () => {
    expect(code).toBe(0);
    expect(lines.slice(0, 6)).toEqual([
      'kursk-claims.csv: line 12, column "value": number expected, "12O" found',
      'kursk-claims.csv: line 13, column "date": impossible date "2025-02-30"',
      'kursk-claims.csv: line 14, column "unit": one of "km2", "mi2", "ha", "settlements" expected, "acres" found',
      'kursk-claims.csv: line 14, column "qualifier": one of "about", "approximately", "around", "at least", "over", "more than", "nearly", "up to", "under", "less than" (or empty) expected, "roughly" found',
      'kursk-claims.csv: line 14, column "url": http(s) URL expected, "ftp://example.org/x" found',
      'kursk-claims.csv: line 15: 11 fields, but the header has 9 (a comma in a field that is not in double quotes?); row left out',
    ]);
    expect(lines.slice(6)).toHaveLength(8 * 4);
  });

  it('gives the five seed area claims the verdicts of docs/claims.md, in Russia and in Kursk Oblast', () => {
    const russia = lines.filter((l) => /kursk:held(_or_unknown)? /.test(l)).slice(0, 10);
    expect(russia).toEqual([
      '2024-08-06..2025-01-06 | the outlet itself (seed 000) | approximately 1,300 km² | kursk:held 902.9 km² inconsistent',
      '2024-08-06..2025-01-06 | the outlet itself (seed 000) | approximately 1,300 km² | kursk:held_or_unknown 1,251.4 km² consistent',
      '2024-08-06..2025-02-06 | the outlet itself (seed 001) | about 1,300 km² | kursk:held 902.9 km² inconsistent',
      '2024-08-06..2025-02-06 | the outlet itself (seed 001) | about 1,300 km² | kursk:held_or_unknown 1,251.4 km² consistent',
      '2024-08-06..2025-02-01 | Euromaidan Press | about 1,250 km² | kursk:held 902.9 km² inconsistent',
      '2024-08-06..2025-02-01 | Euromaidan Press | about 1,250 km² | kursk:held_or_unknown 1,251.4 km² consistent',
      '2024-12-16 | a Ukrainian military source | 800 km² | kursk:held 503.7 km² inconsistent',
      '2024-12-16 | a Ukrainian military source | 800 km² | kursk:held_or_unknown 660.9 km² inconsistent',
      '2024-08-06..2024-12-16 | earlier claims | 1,400 km² | kursk:held 902.9 km² inconsistent',
      '2024-08-06..2024-12-16 | earlier claims | 1,400 km² | kursk:held_or_unknown 1,251.4 km² inconsistent',
    ]);
    // DeepState's Ukrainian-held ground in Russia was all in Kursk Oblast on these dates
    expect(lines.slice(6, 10)).toEqual([
      '2024-08-06..2025-01-06 | the outlet itself (seed 000) | approximately 1,300 km² | kursk:held 902.9 km² inconsistent',
      '2024-08-06..2025-01-06 | the outlet itself (seed 000) | approximately 1,300 km² | kursk:held_or_unknown 1,251.4 km² consistent',
      '2024-08-06..2025-01-06 | the outlet itself (seed 000) | approximately 1,300 km² | kursk:held_kursk 902.9 km² inconsistent',
      '2024-08-06..2025-01-06 | the outlet itself (seed 000) | approximately 1,300 km² | kursk:held_or_unknown_kursk 1,251.4 km² consistent',
    ]);
  });

  it('against the three Kursk sources (--summary): ISW/CTP starts after 6 August, so the peaks are not comparable there', () => {
    const r = run('--summary', FIXTURE, 'geodata/kursk', 'geodata/kursk-isw', 'geodata/kursk-nzz');
    expect(r.code).toBe(0);
    expect(r.lines.slice(6, 11)).toEqual([
      'approximately 1,300 km², the outlet itself (seed 000): DeepState held + grey consistent, held inconsistent; ISW/CTP not comparable; NZZ consistent',
      'about 1,300 km², the outlet itself (seed 001): DeepState held + grey consistent, held inconsistent; ISW/CTP not comparable; NZZ consistent',
      'about 1,250 km², Euromaidan Press: DeepState held + grey consistent, held inconsistent; ISW/CTP not comparable; NZZ consistent',
      '800 km², a Ukrainian military source: DeepState inconsistent; ISW/CTP inconsistent; NZZ inconsistent',
      '1,400 km², earlier claims: DeepState inconsistent; ISW/CTP not comparable; NZZ inconsistent',
    ]);
  });

  it('converted figures and settlements', () => {
    expect(lines).toContain('2024-08-06..2025-02-06 | the outlet itself (seed 001) | about 500 mi² (≈ 1,295 km²) | kursk:held_or_unknown 1,251.4 km² consistent');
    expect(lines).toContain('2025-03-16 | a test row in hectares | under 12,000 ha (≈ 120 km²) | kursk:held 120.5 km² consistent');
    expect(lines).toContain('2025-01-06 | the outlet itself (seed 000) | over 100 settlements | kursk:held – not comparable');
  });

  it('several datasets: each claim against each; a folder that cannot be read is named and skipped', () => {
    const csv = join(tmp, 'one.csv');
    writeFileSync(csv, 'date,claimant,value,unit\n2024-12-16,x,800,km2\n');
    const r = run(csv, 'geodata/kursk', join(tmp, 'no-such-dir'), 'e2e/fixtures/byod/with-manifest');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/no-such-dir: could not be read: /);
    expect(r.lines.slice(1, 3)).toEqual([
      '2024-12-16 | x | 800 km² | kursk:held 503.7 km² inconsistent',
      '2024-12-16 | x | 800 km² | kursk:held_or_unknown 660.9 km² inconsistent',
    ]);
    // the tiny fixture dataset covers October 2024 only: a December claim is after its last snapshot
    expect(r.lines.slice(5).every((l) => l.startsWith('2024-12-16 | x | 800 km² | with-manifest:') && l.endsWith('– not comparable'))).toBe(true);
    expect(r.lines.length).toBeGreaterThan(5);
  });

  it('--summary: one line per claim', () => {
    const r = run('--summary', FIXTURE, 'geodata/kursk');
    expect(r.lines).toContain('about 1,250 km², Euromaidan Press: DeepState held + grey consistent, held inconsistent');
  });

  it('control characters from the file are escaped', () => {
    const csv = join(tmp, 'evil.csv');
    writeFileSync(csv, 'date,claimant,value,unit\n2024-12-16,"\u001b[2Jx\ny\u202e",800,km2\n');
    const r = run(csv, 'geodata/kursk');
    expect(r.lines[0]).toBe('2024-12-16 | \\u001b[2Jx\\ny\\u202e | 800 km² | kursk:held 503.7 km² inconsistent');
  });

  it('exit 1 when nothing is usable, 2 on bad usage', () => {
    const csv = join(tmp, 'bad.csv');
    writeFileSync(csv, 'date,claimant,value,unit\n2024-12-16,x,12O,km2\n');
    const bad = run(csv, 'geodata/kursk');
    expect(bad).toEqual({ code: 1, lines: ['bad.csv: line 2, column "value": number expected, "12O" found'] });
    expect(run(join(tmp, 'missing.csv'), 'geodata/kursk').code).toBe(1);
    expect(run(FIXTURE, join(tmp, 'no-such-dir')).code).toBe(1);
    expect(run(FIXTURE).code).toBe(2);
  });
});
