// Compare-mode downloads: the gained/lost/unchanged polygons as GeoJSON, the figures as CSV, and their file names.
import type { SnapshotDiff } from './diff';
import { isIsoDate } from './timeline';

/**
 * Coordinates are written to 7 decimals (about 1 cm): the shipped engine's own grid, and finer than the
 * snapshots' 6 decimals, so nothing is lost while files stay a third smaller than full doubles.
 */
const COORD_DECIMALS = 7;

/** Area figures in km² to 4 decimals (100 m²): finer than any source's precision, coarse enough to read. */
const KM2_DECIMALS = 4;

/**
 * The diff's polygons as a GeoJSON FeatureCollection string (RFC 7946). Every feature keeps `change`, `measure`,
 * `classes`, `fromDate`, `toDate` and `areaKm2`, and gains `dataset` and `measureLabel`, so a feature copied
 * out of the file still says what it is. `areaMethod` and `engine` go in a foreign member (RFC 7946 §6.1).
 */
export function diffToGeoJson(diff: SnapshotDiff, datasetId: string, measureLabels: Readonly<Record<string, string>> = {}): string {
  const p = 10 ** COORD_DECIMALS;
  const round = (x: number): number => Math.round(x * p) / p;
  const features = diff.features.features.map((f) => ({
    type: 'Feature' as const,
    properties: {
      dataset: datasetId,
      ...f.properties,
      measureLabel: measureLabels[f.properties.measure] ?? f.properties.measure,
      areaKm2: Number(f.properties.areaKm2.toFixed(KM2_DECIMALS)),
    },
    geometry: { type: 'Polygon' as const, coordinates: f.geometry.coordinates.map((ring) => ring.map(([x, y]) => [round(x!), round(y!)])) },
  }));
  return JSON.stringify({
    type: 'FeatureCollection',
    claimedGround: { dataset: datasetId, fromDate: diff.fromDateIso, toDate: diff.toDateIso, areaMethod: diff.areaMethod, engine: diff.engine },
    features,
  });
}

/**
 * One CSV field, RFC 4180: quoted when it holds a comma, quote, CR or LF, with quotes doubled. Text that a
 * spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab, CR) gets a leading `'` (OWASP CSV
 * injection advice); numbers are never text here, so negative figures are untouched.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = [
  'dataset', 'measure', 'measure_label', 'from_date', 'to_date', 'from_km2', 'to_km2', 'gained_km2', 'lost_km2',
  'net_km2', 'unchanged_km2', 'identity_error_km2', 'area_method', 'engine',
] as const;

/**
 * The figures as CSV (RFC 4180: CRLF line ends, header row), one row per measure. km² to 4 decimals; the
 * identity error (to − from − (gained − lost)) in full, since it is a diagnostic of a few 1e-4 km² at most.
 */
export function diffToCsv(diff: SnapshotDiff, datasetId: string, measureLabels: Readonly<Record<string, string>> = {}): string {
  const km2 = (x: number): number => Number(x.toFixed(KM2_DECIMALS)) || 0;
  const rows = diff.measures.map((m) =>
    [
      datasetId, m.measureId, measureLabels[m.measureId] ?? m.measureId, diff.fromDateIso, diff.toDateIso,
      km2(m.fromKm2), km2(m.toKm2), km2(m.gainedKm2), km2(m.lostKm2), km2(m.netKm2), km2(m.unchangedKm2),
      Number(m.identityErrorKm2.toPrecision(3)), diff.areaMethod, diff.engine,
    ].map(csvField).join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/**
 * Download name for a diff: `kursk-2024_2024-09-03_2025-02-04_diff.geojson`. Throws on a dataset id that is not
 * a safe file-name part or on a date that is not `YYYY-MM-DD` (programmer errors: both come from the manifest).
 */
export function exportFileName(datasetId: string, fromIso: string, toIso: string, ext: 'geojson' | 'csv' | (string & {})): string {
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(datasetId)) throw new Error(`exportFileName: dataset id must be letters, digits and "-", got ${JSON.stringify(datasetId)}`);
  for (const d of [fromIso, toIso]) if (!isIsoDate(d)) throw new Error(`exportFileName: YYYY-MM-DD date expected, got ${JSON.stringify(d)}`);
  if (!/^[a-z0-9]+$/i.test(ext)) throw new Error(`exportFileName: extension must be letters and digits, got ${JSON.stringify(ext)}`);
  return `${datasetId}_${fromIso}_${toIso}_diff.${ext}`;
}
