import { describe, expect, it } from 'vitest';
import { combineSourceSeries } from './source-series';

describe('several sources on one chart', () => {
  const held = { id: 'held', label: 'Held', classes: ['a'] };
  it('gives each source’s figure in force on every clock date, and none outside its coverage', () => {
    const c = combineSourceSeries(
      [
        { id: 'deepstate', name: 'DeepState', color: '#00f', measures: [held], points: [{ dateIso: '2024-08-12', areaKm2ByMeasure: { held: 100 } }, { dateIso: '2024-08-14', areaKm2ByMeasure: { held: 150 } }] },
        { id: 'isw', name: 'ISW', color: '#f80', measures: [held], points: [{ dateIso: '2024-08-13', areaKm2ByMeasure: { held: 400 } }] },
      ],
      ['2024-08-12', '2024-08-13', '2024-08-14'],
    );
    expect(c.measures.map((m) => [m.id, m.label])).toEqual([['deepstate/held', 'DeepState: Held'], ['isw/held', 'ISW: Held']]);
    expect(c.points).toEqual([
      { dateIso: '2024-08-12', areaKm2ByMeasure: { 'deepstate/held': 100 } },
      { dateIso: '2024-08-13', areaKm2ByMeasure: { 'deepstate/held': 100, 'isw/held': 400 } },
      // ISW's coverage ends with its last snapshot: no figure is carried past it.
      { dateIso: '2024-08-14', areaKm2ByMeasure: { 'deepstate/held': 150 } },
    ]);
    expect(c.colors.get('isw/held')).toBe('#f80');
  });
});
