// TopoJSON → GeoJSON (topojson-client): every object of the topology, or those chosen; arcs are checked first,
// so one geometry pointing past the arcs costs only itself instead of throwing for the whole file.
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import type { Issue } from '../../domain/types';
import { describeValue, isRecord, jsonPath } from '../issues';
import { finishConversion, type Converted, type ReadFeature } from './finish';

export interface TopojsonOptions {
  /** Names of the objects to read; default every object. */
  objects?: readonly string[];
}

/** Convert a parsed TopoJSON Topology. Never throws; a bad object or geometry is skipped with an issue. */
export function convertTopojson(file: string, json: unknown, opts: TopojsonOptions = {}): Converted {
  const issues: Issue[] = [];
  const fail = (reason: string): Converted => ({ json: undefined, issues: [...issues, { file, reason, severity: 'error' }] });
  if (!isRecord(json) || json.type !== 'Topology') return fail(`not TopoJSON: type "Topology" expected, ${isRecord(json) ? describeValue(json.type) : describeValue(json)} found`);
  if (!isRecord(json.objects)) return fail(`objects: object of named objects expected, ${describeValue(json.objects)} found`);
  if (!Array.isArray(json.arcs)) return fail(`arcs: array expected, ${describeValue(json.arcs)} found`);
  const arcCount = json.arcs.length;
  if (json.transform !== undefined && !validTransform(json.transform))
    return fail('transform: { scale: [x, y], translate: [x, y] } of finite numbers expected');

  const names = Object.keys(json.objects);
  const wanted = opts.objects ?? names;
  for (const n of wanted) if (!names.includes(n)) issues.push({ file, reason: `object "${n}" asked for but not in the file (it has ${names.map((x) => `"${x}"`).join(', ')})`, severity: 'error' });

  const read: ReadFeature[] = [];
  let index = 0;
  for (const name of names) {
    if (!wanted.includes(name)) continue;
    const obj = json.objects[name];
    const base = jsonPath('objects', name);
    const geometries: { g: unknown; path: string }[] =
      isRecord(obj) && obj.type === 'GeometryCollection' && Array.isArray(obj.geometries)
        ? obj.geometries.map((g, i) => ({ g, path: jsonPath(base, 'geometries', i) }))
        : [{ g: obj, path: base }];
    for (const { g, path } of geometries) {
      const at = index++;
      const problem = geometryProblem(g, arcCount);
      if (problem) {
        issues.push({ file, featureIndex: at, path, reason: `${path}: ${problem}; left out`, severity: 'error' });
        continue;
      }
      const geo = g as GeometryObject & { id?: unknown; properties?: unknown };
      let converted;
      try {
        converted = feature(json as unknown as Topology, geo);
      } catch (err) {
        issues.push({ file, featureIndex: at, path, reason: `${path}: could not be read (${(err as Error).message}); left out`, severity: 'error' });
        continue;
      }
      const f = converted.type === 'Feature' ? converted : undefined;
      if (!f) continue; // a nested GeometryCollection is refused by geometryProblem
      const id = typeof geo.id === 'string' || (typeof geo.id === 'number' && Number.isFinite(geo.id)) ? geo.id : undefined;
      read.push({
        geometry: f.geometry,
        properties: isRecord(geo.properties) ? { ...geo.properties } : {},
        provenance: { format: 'TopoJSON', layer: name, ...(id !== undefined ? { originalId: id } : {}) },
        where: path,
        index: at,
      });
    }
  }
  return finishConversion(file, 'geometry', read, issues);
}

function validTransform(t: unknown): boolean {
  const pair = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  return isRecord(t) && pair(t.scale) && pair(t.translate);
}

/** What makes a geometry object unreadable, or undefined: an unknown type, or an arc index out of range. */
function geometryProblem(g: unknown, arcCount: number): string | undefined {
  if (!isRecord(g)) return `geometry object expected, ${describeValue(g)} found`;
  const depth: Record<string, number> = { LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };
  if (g.type === null || g.type === 'Point' || g.type === 'MultiPoint') return undefined;
  if (g.type === 'GeometryCollection') return 'a GeometryCollection inside an object is not supported';
  const d = typeof g.type === 'string' ? depth[g.type] : undefined;
  if (d === undefined) return `type: TopoJSON geometry type expected, ${describeValue(g.type)} found`;
  // Arc indices: i ≥ 0 is arc i, a negative i is arc ~i reversed (TopoJSON spec §2.2.2).
  const bad = (v: unknown, level: number): string | undefined => {
    if (!Array.isArray(v)) return `arcs: array expected, ${describeValue(v)} found`;
    if (level === 0) {
      for (const a of v) {
        if (!Number.isInteger(a)) return `arcs: arc index expected, ${describeValue(a)} found`;
        const i = (a as number) < 0 ? ~(a as number) : (a as number);
        if (i >= arcCount) return `arcs: arc index ${a as number} out of range (the file has ${arcCount} arc${arcCount === 1 ? '' : 's'})`;
      }
      return undefined;
    }
    for (const x of v) {
      const p = bad(x, level - 1);
      if (p) return p;
    }
    return undefined;
  };
  return bad(g.arcs, d - 1);
}
