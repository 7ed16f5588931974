// A claim in words: the figure, when it applies, and the article it comes from.
import { describe, expect, it } from 'vitest';
import type { Claim } from './claim-schema';
import { articleText, claimDateText, claimValueText } from './claim-text';
import { at, v } from './fixtures/claims';

describe('claimValueText / claimDateText', () => {
  it('claimValueText', () => {
    expect(claimValueText({ value: v('approximately', 1300), unit: 'km2' })).toBe('approximately 1,300 km²');
    expect(claimValueText({ value: { qualifier: 'range', low: 50000, high: 55000, stated: '' }, unit: 'personnel' })).toBe('50,000–55,000 personnel');
    expect(claimValueText({ value: { qualifier: 'range', low: 10000, high: 12000, approximate: true, stated: '' }, unit: 'personnel' })).toBe('approximately 10,000–12,000 personnel');
    expect(claimValueText({ value: v('over', 100), unit: 'settlements' })).toBe('over 100 settlements');
    expect(claimValueText({ value: v('at_least', 10000), unit: 'personnel' })).toBe('at least 10,000 personnel');
    expect(claimValueText({ value: v('exact', 1), unit: 'brigades' })).toBe('1 brigade');
    expect(claimValueText({ value: v('exact', 30), unit: 'percent' })).toBe('30%');
    expect(claimValueText({ value: v('nearly', 21000), unit: 'personnel' })).toBe('nearly 21,000 personnel');
    expect(claimValueText({ value: v('under', 900), unit: 'km2' })).toBe('under 900 km²');
    expect(claimValueText({ value: { qualifier: 'about', amount: 500 * 2.589988110336, stated: '', convertedFrom: { unit: 'mi2', amount: 500, km2PerUnit: 2.589988110336 } }, unit: 'km2' })).toBe('about 500 mi² (≈ 1,295 km²)');
  });
  it('claimDateText', () => {
    expect(claimDateText({ period: at('2024-12-16') })).toBe('as of 16 December 2024');
    expect(claimDateText({ period: { kind: 'by', dateIso: '2024-11-30', explanation: '' } })).toBe('by 30 November 2024');
    expect(claimDateText({ period: { kind: 'period', startIso: '2024-12-14', endIso: '2024-12-15', explanation: '' } })).toBe('14–15 December 2024');
    expect(claimDateText({ period: { kind: 'period', startIso: '2024-08-06', endIso: '2024-12-16', explanation: '' } })).toBe('6 August – 16 December 2024');
    expect(claimDateText({ period: { kind: 'peak', startIso: '2024-08-06', endIso: '2025-01-06', explanation: '' } })).toBe('peak, 6 August 2024 – 6 January 2025');
  });
});

describe('articleText', () => {
  it('names the article by headline and outlet, never by an internal id', () => {
    expect(articleText({ title: 'Over 3,000 North Korean troops killed', outlet: 'The Kyiv Independent' })).toBe('“Over 3,000 North Korean troops killed”, The Kyiv Independent');
    expect(articleText({ title: 'A headline', outlet: null })).toBe('“A headline” (outlet not named)');
    expect(articleText({ title: null, opening: 'Ukraine announced on Monday', outlet: null })).toBe('untitled article beginning “Ukraine announced on Monday…” (outlet not named)');
  });

  it('gives every claim of the Kursk ledger a readable source with no seed id in what a reader sees', async () => {
    const { readFileSync } = await import('node:fs');
    const ledger = JSON.parse(readFileSync('geodata/kursk/claims.json', 'utf8')) as { claims: Claim[] };
    for (const c of ledger.claims) {
      const shown = `${c.claimant.name} (${c.claimant.role}) ${articleText(c.source)}`;
      expect(shown, c.id).not.toMatch(/\bseed\b|\bs00\d\b|\.txt/);
      expect(c.source.title === undefined, `${c.id} has no title field`).toBe(false);
    }
  });
});
