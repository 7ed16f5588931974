// The gazetteer of a dataset: its named places (from the places file), each with an id, a point, names in three
// languages and the country it lies in, and what the gazetteer says of its own coverage.
import type { PlaceFeature } from './place-schema';
import type { PlacePoint } from './place-history';
import type { SearchablePlace } from './place-search';

export interface GazetteerPlace {
  /** The feature's id (`geonames:486816`), or `place-<n>` (its position) for a places file without ids. */
  id: string;
  lon: number;
  lat: number;
  en: string | null;
  uk: string | null;
  ru: string | null;
  /** The local (or only) name, always present. */
  name: string;
  population: number | null;
  /** ISO code of the country the point lies in, when the file says. */
  country: string | null;
  /** Raion / oblast as the source gives them. */
  admin: string | null;
}

export interface Gazetteer {
  places: GazetteerPlace[];
  /** Place index by id. */
  byId: Map<string, number>;
  /** The places file's own statement of its coverage (`coverage` member), or null. */
  coverage: string | null;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Build the gazetteer from validated place features. A repeated id keeps its first place (later ones get `-2`, …). */
export function buildGazetteer(features: readonly PlaceFeature[], coverage: string | null = null): Gazetteer {
  const byId = new Map<string, number>();
  const places = features.map((f, i): GazetteerPlace => {
    const p = f.properties as Record<string, unknown>;
    let id = f.id !== undefined ? String(f.id) : `place-${i + 1}`;
    for (let n = 2; byId.has(id); n++) id = `${f.id ?? `place-${i + 1}`}-${n}`;
    byId.set(id, i);
    const [lon, lat] = f.geometry.coordinates as [number, number];
    const country = text(p.country);
    return {
      id,
      lon,
      lat,
      en: text(p['name:en']),
      uk: text(p['name:uk']),
      ru: text(p['name:ru']),
      name: String(f.properties.name),
      population: typeof p.population === 'number' ? p.population : null,
      country: country && /^[A-Z]{2}$/.test(country) ? country : null,
      admin: text(p.admin),
    };
  });
  return { places, byId, coverage };
}

export type NameLanguage = 'en' | 'uk' | 'ru';

/** The place's name in a language, else English, else its local name. */
export function placeName(place: Pick<GazetteerPlace, NameLanguage | 'name'>, lang: NameLanguage): string {
  return place[lang] ?? place.en ?? place.name;
}

/** The place's other names, for a search hit or a heading: "Суджа · Суджа" under "Sudzha". */
export function otherNames(place: Pick<GazetteerPlace, NameLanguage | 'name'>, lang: NameLanguage): string[] {
  const shown = placeName(place, lang);
  return [...new Set([place.en, place.uk, place.ru].filter((n): n is string => n !== null && n !== shown))];
}

export function toPlacePoints(g: Gazetteer): PlacePoint[] {
  return g.places.map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, country: p.country }));
}

export function toSearchable(g: Gazetteer): SearchablePlace[] {
  return g.places.map((p) => ({ id: p.id, en: p.en ?? p.name, uk: p.uk, ru: p.ru, population: p.population }));
}

/** How many places the gazetteer knows in each country (null: country unknown), by country code. */
export function placesByCountry(g: Gazetteer): [country: string | null, places: number][] {
  const byCountry = new Map<string, number>();
  for (const p of g.places) byCountry.set(p.country ?? '?', (byCountry.get(p.country ?? '?') ?? 0) + 1);
  return [...byCountry].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => [c === '?' ? null : c, n]);
}

/** How many places the gazetteer knows, by country, in words: "889 places (RU 254, UA 635)". */
export function gazetteerSizeText(g: Gazetteer): string {
  const parts = placesByCountry(g).map(([c, n]) => `${c === null ? 'country unknown' : `in ${c}`} ${n}`);
  return `${g.places.length} place${g.places.length === 1 ? '' : 's'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
