import { describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../scripts/validate';
import { loadDataset } from '../data/load-dataset';
import type { PlaceFeature } from '../data/schema';
import { buildGazetteer, gazetteerSizeText, otherNames, placeName, toPlacePoints } from './gazetteer';
import { historyFileName, historyToCsv, runLine } from './place-export';

const pt = (id: string | undefined, props: Record<string, unknown>): PlaceFeature => ({
  type: 'Feature', ...(id !== undefined ? { id } : {}), geometry: { type: 'Point', coordinates: [35, 51] }, properties: { name: 'x', ...props } as PlaceFeature['properties'],
});

describe('the Kursk dataset with its gazetteer and place claims', () => {
  const r = loadDataset(readDatasetFolder('geodata/kursk').files);
  it('loads 889 places with their coverage statement and 46 place claims, with no issue about either', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.issues.filter((i) => /place/.test(i.file))).toEqual([]);
    const g = buildGazetteer(r.value.places!, r.value.placesCoverage ?? null);
    expect(g.places).toHaveLength(889);
    expect(g.coverage).toMatch(/lower bounds/);
    expect(gazetteerSizeText(g)).toBe('889 places (in RU 246, in UA 643)');
    const sudzha = g.places[g.byId.get('geonames:486816')!]!;
    expect([sudzha.en, sudzha.ru, sudzha.country]).toEqual(['Sudzha', 'Суджа', 'RU']);
    expect(r.value.placeClaims).toHaveLength(46);
  });
});

describe('buildGazetteer', () => {
  it('gives places without an id one from their position, and keeps repeated ids apart', () => {
    const g = buildGazetteer([pt(undefined, {}), pt('a', {}), pt('a', {})]);
    expect(g.places.map((p) => p.id)).toEqual(['place-1', 'a', 'a-2']);
    expect(toPlacePoints(g)[1]).toEqual({ id: 'a', lon: 35, lat: 51, country: null });
  });
  it('accepts only ISO country codes, and falls back from the asked language to English to the name', () => {
    const g = buildGazetteer([pt('a', { country: 'Russia', 'name:en': 'Sudzha', 'name:ru': 'Суджа' }), pt('b', { country: 'UA' })]);
    expect(g.places.map((p) => p.country)).toEqual([null, 'UA']);
    expect(placeName(g.places[0]!, 'uk')).toBe('Sudzha');
    expect(placeName(g.places[1]!, 'ru')).toBe('x');
    expect(otherNames(g.places[0]!, 'en')).toEqual(['Суджа']);
  });
});

describe('place history export', () => {
  const runs = [
    { firstIndex: 0, lastIndex: 4, fromIso: '2024-08-01', toIso: '2024-08-13', untilIso: '2024-08-14', classes: [] },
    { firstIndex: 5, lastIndex: 9, fromIso: '2024-08-14', toIso: '2025-03-11', untilIso: null, classes: ['held'] },
  ];
  it('writes one line a run for the command line', () => {
    expect(runs.map(runLine)).toEqual(['2024-08-01 .. 2024-08-13 none', '2024-08-14 .. 2025-03-11 held']);
  });
  it('writes a CSV row per run with its credits, quoting fields that hold commas', () => {
    const csv = historyToCsv({ id: 'geonames:486816', name: 'Sudzha' }, [{ name: 'DeepState', attribution: ['© DeepStateMap', '=cmd'], runs, classLabels: new Map([['held', 'Held, by Ukraine']]), readings: ['RU', 'UA'] }], 'GeoNames (CC BY 4.0)');
    expect(csv.split('\r\n')).toEqual([
      'place_id,place_name,source,from_snapshot,to_snapshot,next_snapshot,classes,class_labels,held_by,attribution,gazetteer_credit',
      'geonames:486816,Sudzha,DeepState,2024-08-01,2024-08-13,2024-08-14,none,no polygon,RU,© DeepStateMap; =cmd,GeoNames (CC BY 4.0)',
      'geonames:486816,Sudzha,DeepState,2024-08-14,2025-03-11,,held,"Held, by Ukraine",UA,© DeepStateMap; =cmd,GeoNames (CC BY 4.0)',
      '',
    ]);
    expect(historyFileName('kursk-2024', 'geonames-postal:RU:307431')).toBe('kursk-2024_place_geonames-postal-RU-307431_history.csv');
  });
});
