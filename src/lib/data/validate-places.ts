// Turns a places file (Point features with names) into place labels, skipping bad ones with a reason each.
import type { Issue, Result } from '../domain/types';
import { DEFAULT_MAX_BYTES, decodeJsonFile, type FileInput } from './decode';
import { describeValue, isRecord, pushAll, jsonPath, toIssues } from './issues';
import { PlaceFeatureSchema, zodIssuesToLocal, type PlaceFeature } from './schema';
import { crsWarning } from './validate-geojson';

/** Parse and validate a places file. Never throws; fails only if the file is unreadable or no place is usable. */
export function parsePlacesFile(input: FileInput, opts: { maxBytes?: number } = {}): Result<PlaceFeature[]> {
  const decoded = decodeJsonFile(input, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) return decoded;
  const r = validatePlacesJson(input.file, decoded.value);
  return { ...r, issues: [...decoded.issues, ...r.issues] };
}

/** Validate an already-parsed places value (see {@link parsePlacesFile}). */
export function validatePlacesJson(file: string, json: unknown): Result<PlaceFeature[]> {
  const issues: Issue[] = [];
  if (!isRecord(json) || json.type !== 'FeatureCollection')
    return { ok: false, issues: [{ file, reason: `not GeoJSON: FeatureCollection expected, ${isRecord(json) ? `type ${describeValue(json.type)}` : describeValue(json)} found`, severity: 'error' }] };
  if (!Array.isArray(json.features))
    return { ok: false, issues: [{ file, path: 'features', reason: `not GeoJSON: features: array expected, ${describeValue(json.features)} found`, severity: 'error' }] };
  if ('crs' in json) pushAll(issues, toIssues(file, [crsWarning('crs')]));
  const places: PlaceFeature[] = [];
  json.features.forEach((f, index) => {
    const base = jsonPath('features', index);
    const r = PlaceFeatureSchema.safeParse(f);
    const id = isRecord(f) && (typeof f.id === 'string' || typeof f.id === 'number') ? f.id : undefined;
    const where = id !== undefined ? { index, id } : { index };
    if (r.success) {
      places.push({ type: 'Feature', geometry: { type: 'Point', coordinates: r.data.geometry.coordinates.slice(0, 2) }, properties: r.data.properties, ...(id !== undefined ? { id } : {}) });
    } else pushAll(issues, toIssues(file, zodIssuesToLocal(r.error.issues, f, base), where));
  });
  if (json.features.length > 0 && places.length === 0)
    return { ok: false, issues: [...issues, { file, reason: 'no usable place left', severity: 'error' }] };
  return { ok: true, value: places, issues };
}
