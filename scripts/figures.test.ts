import { describe, expect, it } from 'vitest';
import { main } from './figures';

describe('figures CLI', () => {
  it('prints the areas of the snapshot in force and the figures of a comparison', async () => {
    const lines: string[] = [];
    expect(await main(['geodata/kursk', '2024-09-03', '2024-08-13..2024-09-03'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('2024-09-03 (snapshot 2024-09-01):');
    expect(lines[1]).toMatch(/^ {2}Held by Ukraine, in Russia: 90\d\.\d km²$/);
    const held = lines.find((l) => l.startsWith('  Held by Ukraine, in Russia: gained'));
    expect(held).toMatch(/gained 59\d\.\d km², lost \d\.\d km², net \+59\d\.\d km²/);
  });
  it('explains its usage', async () => {
    const lines: string[] = [];
    expect(await main([], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/^usage/);
  });
});

describe('figures --against: where two sources disagree', () => {
  it('gives only A, only B, both and the agreement per shared measure, and the parts add up to each area', async () => {
    const lines: string[] = [];
    expect(await main(['geodata/kursk', '--against', 'geodata/kursk-isw', '2024-12-15'], (l) => lines.push(l))).toBe(0);
    const held = lines.find((l) => /^\s+Held by Ukraine, in Russia: only A/.test(l))!;
    const n = (re: RegExp) => Number(held.match(re)![1]!.replace(',', ''));
    const onlyA = n(/only A ([\d,.]+)/), onlyB = n(/only B ([\d,.]+)/), both = n(/both ([\d,.]+)/);
    expect(Math.abs(onlyA + both - 520.2)).toBeLessThan(0.15);
    expect(Math.abs(onlyB + both - 483.2)).toBeLessThan(0.15);
    expect(lines.some((l) => /against ISW\/CTP \(snapshot 2024-12-15\)/.test(l))).toBe(true);
  });
});
