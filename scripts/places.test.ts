import { describe, expect, it } from 'vitest';
import { main } from './places';

describe('places CLI', () => {
  it('prints the history of a place found by its Cyrillic name, one run a line, with the claims about it', () => {
    const lines: string[] = [];
    expect(main(['geodata/kursk', 'Суджа'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^Sudzha \(Суджа\), geonames:486816/);
    const at = lines.findIndex((l) => l.startsWith('DeepState'));
    expect(lines.slice(at + 1, at + 4)).toEqual([
      '  2024-08-01 .. 2024-08-13 none',
      '  2024-08-14 .. 2025-03-11 ukraine_held_in_russia',
      '  2025-03-12 .. 2025-04-29 none',
    ]);
    expect(lines).toContain('    DeepState: the map showed it already, since 2025-03-12: 1 day before the claim');
  });
  it('prints the counts per class and measure on a date, each source from its own folder', () => {
    const lines: string[] = [];
    expect(main(['geodata/kursk', 'geodata/kursk-isw', '--count', '2024-08-20'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(/^Named places covered on 2024-08-20, of the gazetteer's 889 places .*lower bound/);
    expect(lines).toContain('  class ukraine_held_in_russia: 15');
    expect(lines).toContain('  class unknown_status: 6');
    expect(lines).toContain('ISW/CTP (snapshot 2024-08-18):');
  });
  it('explains its usage and says when nothing matches', () => {
    const lines: string[] = [];
    expect(main(['geodata/kursk'], (l) => lines.push(l))).toBe(2);
    expect(main(['geodata/kursk', '--count', '20-08-2024'], (l) => lines.push(l))).toBe(2);
    expect(main(['geodata/kursk', 'Xylophone'], (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toBe('no place in the gazetteer matches "Xylophone"');
  });
});
