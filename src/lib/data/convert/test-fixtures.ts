// Test helpers shared by the converter tests: read a fixture, sum the area of a converted collection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { geometryAreaKm2 } from '../../domain/area';
import type { AreaGeometry } from '../../domain/types';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
/** The same data as GeoJSON, with classes: the project's ISW and NZZ datasets the fixtures were made from. */
const GEODATA = join(import.meta.dirname, '../../../../geodata');

export function fixture(path: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, path)));
}

export function fixtureJson(path: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, path), 'utf8'));
}

/** A snapshot of geodata/kursk-isw or geodata/kursk-nzz, the GeoJSON a fixture was made from. */
export function reference(set: 'isw' | 'nzz', dateIso: string): FeatureCollection {
  return JSON.parse(readFileSync(join(GEODATA, `kursk-${set}`, 'snapshots', `${dateIso}.geojson`), 'utf8')) as FeatureCollection;
}

/** Summed area of the features (km²), optionally only those matching `keep`. */
export function sumAreaKm2(fc: FeatureCollection | undefined, keep: (p: Record<string, unknown>) => boolean = () => true): number {
  let a = 0;
  for (const f of fc?.features ?? []) if (keep((f.properties ?? {}) as Record<string, unknown>)) a += geometryAreaKm2(f.geometry as AreaGeometry);
  return a;
}
