// What the gazetteer imports share (scripts/import-places.ts for Kursk, scripts/import-front-places.ts for the whole
// front): reading the team's prepared place files, the one property shape of a places file, stable ids, and
// writing the file. The shape is what src/lib/domain/place-schema.ts accepts and gazetteer.ts reads.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A Point feature as the prepared files have it. */
export interface InFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

/** One place of a places file: `name` is the English form; nulls where the source has nothing. */
export interface PlaceOut {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    name: string;
    'name:en': string;
    'name:uk': string | null;
    'name:ru': string | null;
    population: number | null;
    /** ISO code of the country the point lies in. */
    country: string | null;
    /** The source's class (GeoNames feature code), or null. */
    kind: string | null;
    /** Raion / oblast as the source gives them, or null. */
    admin: string | null;
    /** Short key of the source (PLACES.md says what each is, its licence and credit line). */
    source: string;
  };
}

export const readFeatures = (dir: string, path: string): InFeature[] => (JSON.parse(readFileSync(join(dir, path), 'utf8')) as { features: InFeature[] }).features;

export const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
export const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
/** GeoNames writes 0 for an unknown population. */
export const populationOf = (v: unknown): number | null => (typeof v === 'number' && v > 0 ? v : null);

/** Ids handed out so far: a place's id is its source's own, and must be unique in the file. */
export class PlaceIds {
  private readonly seen = new Set<string>();
  /** The source's id (`source_id`), else `geonames:<geonameid>`, else `basemap:<slug of the English name>`. */
  idFor(p: Record<string, unknown>): string {
    const id = str(p.source_id) ?? (typeof p.geonameid === 'number' ? `geonames:${p.geonameid}` : `basemap:${slug(String(p['name:en']))}`);
    if (this.seen.has(id)) throw new Error(`duplicate place id ${id}`);
    this.seen.add(id);
    return id;
  }
  has(id: string): boolean {
    return this.seen.has(id);
  }
}

/** A GeoNames cities500 record of a basemap's places file in the places file's shape. */
export function geonamesPlace(f: InFeature, id: string, source: string, country: string | null, admin: string | null): PlaceOut {
  const p = f.properties;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: roundedPoint(f.geometry.coordinates) },
    properties: {
      name: String(p['name:en']),
      'name:en': String(p['name:en']),
      'name:uk': str(p['name:uk']),
      'name:ru': str(p['name:ru']),
      population: populationOf(p.population),
      country,
      kind: str(p.feature_code),
      admin,
      source,
    },
  };
}

/** 5 decimals: about 1 m, finer than any gazetteer's point for a settlement. */
export function roundedPoint([lon, lat]: readonly [number, number]): [number, number] {
  return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
}

/** Distance in km between two points (equirectangular at their mean latitude: within 0.1 % at 2 km). */
export function kmBetween([lon1, lat1]: readonly [number, number], [lon2, lat2]: readonly [number, number]): number {
  const kx = 111.32 * Math.cos((((lat1 + lat2) / 2) * Math.PI) / 180);
  return Math.hypot((lon1 - lon2) * kx, (lat1 - lat2) * 110.57);
}

/**
 * Write a places file: one line, with the gazetteer's own statement of what it lacks (`coverage`, read by the app
 * and shown beside every settlement count). Returns its size in bytes.
 */
export function writePlacesFile(path: string, coverage: string, features: readonly PlaceOut[]): number {
  const text = JSON.stringify({ type: 'FeatureCollection', coverage, features }) + '\n';
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}
