import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPlaceIndex, foldLatin, romanize, searchPlaces, termKeys, type SearchablePlace } from './place-search';

const gazetteer = JSON.parse(readFileSync('geodata/kursk/places.geojson', 'utf8')) as {
  features: { id: string; properties: Record<string, string | number | null> }[];
};
const places: SearchablePlace[] = gazetteer.features.map((f) => ({
  id: f.id,
  en: (f.properties['name:en'] as string | null) ?? null,
  uk: (f.properties['name:uk'] as string | null) ?? null,
  ru: (f.properties['name:ru'] as string | null) ?? null,
  population: (f.properties.population as number | null) ?? null,
}));
const index = createPlaceIndex(places);
const first = (q: string) => searchPlaces(index, q)[0]?.id;

const SUDZHA = 'geonames:486816';
const MALAYA_LOKNYA = 'basemap:malaya-loknya';

describe('romanize', () => {
  it('follows BGN/PCGN for Russian, with ye at the start of a word and after a vowel', () => {
    expect(romanize('Суджа', 'ru')).toBe('sudzha');
    expect(romanize('Черкасское Поречное', 'ru')).toBe('cherkasskoye porechnoye');
    expect(romanize('Ёлкино', 'ru')).toBe('yolkino');
    expect(romanize('Толстый Луг', 'ru')).toBe('tolstyy lug');
    expect(romanize('Щигры', 'ru')).toBe('shchigry');
  });
  it('follows resolution 55 for Ukrainian, with initial ye/yi/yu/ya and zgh', () => {
    expect(romanize('Мала Локня', 'uk')).toBe('mala loknia');
    expect(romanize('Глухів', 'uk')).toBe('hlukhiv');
    expect(romanize('Їжаківка', 'uk')).toBe('yizhakivka');
    expect(romanize('Згурівка', 'uk')).toBe('zghurivka');
    expect(romanize('Знам’янка', 'uk')).toBe('znamianka');
  });
});

describe('foldLatin', () => {
  it('reads the common transliterations of one name as one key', () => {
    expect(new Set(['Sudzha', 'Suja', 'Sudža', 'SUDZHA'].map(foldLatin)).size).toBe(1);
    expect(foldLatin('Malaya')).toBe(foldLatin('Mala'));
    expect(foldLatin('Cherkasskoye')).toBe(foldLatin('Cherkaskoe'));
    expect(foldLatin('Tolstyi')).toBe(foldLatin('Tolstyy'));
    expect(foldLatin('Glushkovo')).toBe(foldLatin('Hlushkovo'));
  });
  it('keys a Cyrillic word by the tables of the languages it could be', () => {
    expect(termKeys('Суджа')).toEqual([foldLatin('Sudzha'), 'sudzha']);
    expect(termKeys('Глухів')).toEqual([foldLatin('Hlukhiv'), 'hlukhiv']); // і is Ukrainian only
  });
});

describe('searchPlaces on the Kursk gazetteer', () => {
  it('finds Sudzha in Latin, Cyrillic, with diacritics and in another transliteration', () => {
    for (const q of ['Sudzha', 'sudzha', 'Suja', 'Суджа', 'суджа', 'Sudža', 'SUDZHA']) expect(first(q), q).toBe(SUDZHA);
  });
  it('finds Sudzha with a typo and while the name is still being typed', () => {
    for (const q of ['Sudhza', 'Sudzah', 'Sudzja', 'Sudz']) expect(first(q), q).toBe(SUDZHA);
  });
  it('finds Malaya Loknya by its Russian and Ukrainian names in both scripts', () => {
    for (const q of ['Malaya Loknya', 'Мала Локня', 'Малая Локня', 'Mala Loknia', 'malaya loknja']) expect(first(q), q).toBe(MALAYA_LOKNYA);
  });
  it('finds a postal village by a spelling the gazetteer does not use', () => {
    const id = 'geonames-postal:RU:307832'; // Черкасское Поречное, "Cherkasskoye Porechnoye"
    for (const q of ['Cherkasskoye Porechnoye', 'Cherkaskoe Porechnoe', 'Черкасское Поречное', 'cherkasskoe']) expect(first(q), q).toBe(id);
  });
  it('finds a Ukrainian place by its Russian name', () => {
    // Глухів (uk) / Глухов (ru) / Hlukhiv (en)
    const id = places.find((p) => p.en === 'Hlukhiv')!.id;
    for (const q of ['Hlukhiv', 'Глухів', 'Глухов', 'Glukhov']) expect(first(q), q).toBe(id);
  });
  it('requires every word to match, and returns nothing for nonsense or an empty query', () => {
    expect(searchPlaces(index, 'Sudzha Loknya')).toEqual([]);
    expect(searchPlaces(index, 'Xylophone')).toEqual([]);
    expect(searchPlaces(index, '  ')).toEqual([]);
  });
  it('ranks an exact name above places that only start with it', () => {
    const hits = searchPlaces(index, 'Sumy');
    expect(places.find((p) => p.id === hits[0]!.id)!.en).toBe('Sumy');
  });
});
