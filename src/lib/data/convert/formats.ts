// Which file formats a dataset may hold, told apart by name and (for .json) by content: one place for the rule.
import { isRecord } from '../issues';

/** A format the loader reads: GeoJSON as is, the others through a converter in this folder. */
export type SourceFormat = 'geojson' | 'topojson' | 'kml' | 'kmz' | 'zip' | 'esri-json';

/** File names the loader reads: GeoJSON and JSON, TopoJSON, KML, KMZ, zipped Shapefiles. */
export const DATA_FILE_PATTERN = /\.(geojson|json|topojson|kml|kmz|zip)$/i;

/** File names that need a converter whatever their content. */
const CONVERTED_BY_NAME: readonly [RegExp, SourceFormat][] = [
  [/\.topojson$/i, 'topojson'],
  [/\.kml$/i, 'kml'],
  [/\.kmz$/i, 'kmz'],
  [/\.zip$/i, 'zip'],
];

/** True for a path the loader can use. */
export function isDataFileName(path: string): boolean {
  return DATA_FILE_PATTERN.test(path);
}

/**
 * The format a file's name says, or `json` when only its content can tell (a `.json` may be GeoJSON, TopoJSON
 * or an ArcGIS query result), or undefined for a file the loader does not read. `.geojson` is GeoJSON.
 */
export function formatByName(path: string): SourceFormat | 'json' | undefined {
  for (const [re, f] of CONVERTED_BY_NAME) if (re.test(path)) return f;
  if (/\.geojson$/i.test(path)) return 'geojson';
  if (/\.json$/i.test(path)) return 'json';
  return undefined;
}

/**
 * What a parsed JSON value is: a TopoJSON Topology (`type: "Topology"`), an Esri JSON feature set (features
 * with `attributes`, or a `geometryType` of `esriGeometry…`: what an ArcGIS query with `f=json` returns), else
 * GeoJSON (the validator says what is wrong with it, if anything).
 */
export function formatOfJson(json: unknown): 'topojson' | 'esri-json' | 'geojson' {
  if (!isRecord(json)) return 'geojson';
  if (json.type === 'Topology') return 'topojson';
  if (typeof json.geometryType === 'string' && json.geometryType.startsWith('esriGeometry')) return 'esri-json';
  if (json.type === undefined && Array.isArray(json.features) && json.features.some((f) => isRecord(f) && 'attributes' in f)) return 'esri-json';
  return 'geojson';
}

/** How each format is named in messages and popups. */
export const FORMAT_LABEL: Readonly<Record<SourceFormat, string>> = {
  geojson: 'GeoJSON',
  topojson: 'TopoJSON',
  kml: 'KML',
  kmz: 'KMZ',
  zip: 'zip',
  'esri-json': 'Esri JSON',
};
