// The polygons a manifest names besides its snapshots: clip regions (what a measure is clipped to) and the regions of a
// breakdown (figures by oblast). Read from decoded files; a bad feature is skipped with an issue, never thrown.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaMeasure, DatasetManifest, Issue } from '../domain/types';
import type { LoadedRegion } from '../domain/dataset';
import { MANIFEST_FILE, type DecodeOnce } from './dataset-files';
import { describeValue, isRecord, jsonPath, pushAll, toIssues } from './issues';
import { checkAreaGeometry } from './validate-geojson';
import { geometriesOfJson } from './validity-record';

/** How the region files are read: decoded once, issues recorded, OGC verdicts a trusted record vouches for. */
export interface RegionReading {
  decodeOnce: DecodeOnce;
  issues: Issue[];
  /** Marks the geometries of a file that its trusted validity record vouches for (validity-record.ts vouchFor). */
  vouch: (path: string, geoms: readonly unknown[]) => void;
  ogcValid: WeakSet<object> | undefined;
}

/** A clip region: one (Multi)Polygon feature. */
export type ClipRegion = Feature<Polygon | MultiPolygon>;

/**
 * The manifest's clip regions, by id. `skip`: files not read now (nothing is said of them); `exists`: whether a
 * file is in the folder (one that is not is an error). A Map: a region id is data ("constructor" is a fine id),
 * never a lookup on a plain object.
 */
export function readClipRegions(
  manifest: Pick<DatasetManifest, 'clipRegions'>,
  reading: RegionReading,
  files: { skip: (file: string) => boolean; exists: (file: string) => boolean },
): { loaded: Map<string, ClipRegion>; failed: Set<string>; skipped: Set<string> } {
  const loaded = new Map<string, ClipRegion>();
  const failed = new Set<string>();
  const skipped = new Set<string>();
  for (const [id, region] of Object.entries(manifest.clipRegions ?? {})) {
    if (files.skip(region.file)) {
      skipped.add(id);
      continue;
    }
    const f = loadClipRegion(region.file, files.exists(region.file), reading);
    if (f) loaded.set(id, f);
    else failed.add(id);
  }
  return { loaded, failed, skipped };
}

/**
 * The measures whose clip region is there: a measure clipped to a region that did not load would answer a
 * different question, so it is dropped, with an error naming it.
 */
export function measuresWithClipRegions(measures: readonly AreaMeasure[], regionMissing: (regionId: string) => boolean, issues: Issue[]): { kept: AreaMeasure[]; dropped: string[] } {
  const kept: AreaMeasure[] = [];
  const dropped: string[] = [];
  for (const m of measures) {
    if (m.clipTo === undefined || !regionMissing(m.clipTo)) kept.push(m);
    else {
      dropped.push(m.id);
      issues.push({ file: MANIFEST_FILE, reason: `measure "${m.id}" dropped: its clip region "${m.clipTo}" did not load`, severity: 'error' });
    }
  }
  return { kept, dropped };
}

/** Read a breakdown's regions: named (Multi)Polygon features; a bad feature is skipped with an issue. */
export function loadRegions(file: string, exists: boolean, { decodeOnce, issues, vouch, ogcValid }: RegionReading): LoadedRegion[] | undefined {
  if (!exists) {
    issues.push({ file, reason: `regions listed in ${MANIFEST_FILE} but not found; no figures by region`, severity: 'warning' });
    return undefined;
  }
  const json = decodeOnce(file);
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    if (json !== undefined) issues.push({ file, reason: `FeatureCollection of named polygons expected, ${describeValue(isRecord(json) ? json.type : json)} found; no figures by region`, severity: 'error' });
    return undefined;
  }
  vouch(file, geometriesOfJson(json));
  const out: LoadedRegion[] = [];
  json.features.forEach((f, index) => {
    const g = checkAreaGeometry(isRecord(f) ? f.geometry : undefined, jsonPath('features', index, 'geometry'), ogcValid ? { ogcValid } : {});
    issues.push(...toIssues(file, g.issues, { index }));
    const p = isRecord(f) && isRecord(f.properties) ? f.properties : {};
    const text = (k: string) => (typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : undefined);
    const name = text('name:en') ?? text('name');
    if (!g.geometry) return;
    if (name === undefined) {
      issues.push({ file, featureIndex: index, reason: `features[${index}].properties.name: region name expected; region left out`, severity: 'error' });
      return;
    }
    const nameUk = text('name:uk');
    out.push({ name, ...(nameUk !== undefined ? { nameUk } : {}), geometry: g.geometry });
  });
  return out.length > 0 ? out : undefined;
}

/** Read a clip region file: one (Multi)Polygon feature, or several merged into one MultiPolygon. */
export function loadClipRegion(file: string, exists: boolean, { decodeOnce, issues, vouch, ogcValid }: RegionReading): ClipRegion | undefined {
  if (!exists) {
    issues.push({ file, reason: `clip region listed in ${MANIFEST_FILE} but not found`, severity: 'error' });
    return undefined;
  }
  const json = decodeOnce(file);
  if (json === undefined) return undefined;
  let feats: unknown[];
  if (isRecord(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) feats = json.features;
  else if (isRecord(json) && json.type === 'Feature') feats = [json];
  else if (isRecord(json) && (json.type === 'Polygon' || json.type === 'MultiPolygon')) feats = [{ type: 'Feature', properties: {}, geometry: json }];
  else {
    issues.push({ file, reason: `not GeoJSON: FeatureCollection, Feature or (Multi)Polygon expected, ${isRecord(json) ? `type ${describeValue(json.type)}` : describeValue(json)} found`, severity: 'error' });
    return undefined;
  }
  vouch(file, geometriesOfJson(json));
  const polys: Polygon['coordinates'][] = [];
  let props: Record<string, unknown> = {};
  feats.forEach((f, index) => {
    const g = checkAreaGeometry(isRecord(f) ? f.geometry : undefined, jsonPath('features', index, 'geometry'), ogcValid ? { ogcValid } : {});
    pushAll(issues, toIssues(file, g.issues, { index }));
    if (!g.geometry) return;
    if (polys.length === 0 && isRecord(f) && isRecord(f.properties)) props = f.properties;
    if (g.geometry.type === 'Polygon') polys.push(g.geometry.coordinates);
    else pushAll(polys, g.geometry.coordinates);
  });
  if (polys.length === 0) {
    issues.push({ file, reason: 'clip region has no usable polygon', severity: 'error' });
    return undefined;
  }
  const geometry: Polygon | MultiPolygon = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] as Polygon['coordinates'] } : { type: 'MultiPolygon', coordinates: polys };
  return { type: 'Feature', properties: props, geometry };
}
