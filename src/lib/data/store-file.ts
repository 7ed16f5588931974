// The snapshot-store file: a whole archive of dated snapshots in one compact, lossless file (gzip of JSON).
// Every distinct feature once; each ring as runs over one table of distinct vertices; each snapshot as the list
// of its features in file order, so every snapshot file is reproduced byte for byte (checked by sha256).
//
// Why this form: the whole-front archive is 52 MB of GeoJSON in 175 files, but only 3,653 distinct features and
// 58,226 distinct vertices. Consecutive versions of a polygon share most of their vertices in order, so a ring is
// a few runs of consecutive vertex ids. gzip (32 KB window) cannot see repeats across files; this can:
// 0.49 MB gzipped (docs/performance.md).
import '../domain/zod-config'; // before any schema is built: no eval probe under the CSP
import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import type { Position } from 'geojson';
import * as z from 'zod';
import type { Issue, Result } from '../domain/types';
import { decodeJsonFile } from './decode';
import { IsoDateSchema, RelativePathSchema } from './schema';
import { zodIssuesToLocal } from '../domain/zod-wording';
import { toIssues } from './issues';

export const STORE_FORMAT = 'claimed-ground/snapshot-store';

/** Coordinates are stored as integers of 10^-PRECISION degrees (DeepState's own 6 decimals, about 0.1 m). */
const SCALE = 1e6;

const Int = z.int({ error: 'whole number' });

const StoreFileSchema = z.object({
  format: z.literal(STORE_FORMAT, { error: `"${STORE_FORMAT}"` }),
  version: z.literal(1, { error: 'version 1' }),
  /** Distinct vertices, x then y, as integers of 1e-6°, each the difference from the previous vertex. */
  vertices: z.array(Int),
  features: z.array(z.object({
    /** Class id (our reading of the source's own properties), added to `properties` when loaded. */
    class: z.string().min(1),
    /** Other properties the import adds for the app (e.g. `name`, `name:uk` read from the source's label). */
    extra: z.record(z.string(), z.string()).optional(),
    /** The source's properties, as published. */
    properties: z.record(z.string(), z.unknown()),
    type: z.enum(['Polygon', 'MultiPolygon']),
    /** Polygons → rings → runs: pairs (start − previous run's end, signed length: negative = descending ids). */
    rings: z.array(z.array(z.array(Int))),
  })),
  snapshots: z.array(z.object({
    dateIso: IsoDateSchema,
    file: RelativePathSchema,
    /** Where the snapshot came from (the source archive's path). */
    source: z.string().optional(),
    /** sha256 (hex) and length of the original file's bytes, to prove the round trip. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: Int,
    /** Indices into `features`, in the file's order. */
    features: z.array(Int),
    /** The original file ended with a newline. */
    newline: z.boolean().optional(),
  })),
});

export type StoreFile = z.infer<typeof StoreFileSchema>;

/** One snapshot file to put into a store: its parsed FeatureCollection and the classes of its features. */
export interface StoreInput {
  dateIso: string;
  file: string;
  source?: string;
  /** The original bytes (for the checksum) and their parse. */
  text: string;
  json: { type: 'FeatureCollection'; features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown } }[] };
  classOf: (properties: Record<string, unknown>) => string;
  /** Properties to add when loaded (never part of the reproduced file). */
  extraOf?: (properties: Record<string, unknown>) => Record<string, string>;
}

/**
 * Encode snapshots into a store. Throws (a programmer error in an import) when a coordinate has more than six
 * decimals or a feature is not a plain Polygon/MultiPolygon, since the store could not reproduce it.
 * @param sha256 hex digest of a string's UTF-8 bytes (node:crypto in scripts).
 */
export function encodeStore(inputs: readonly StoreInput[], sha256: (text: string) => string): StoreFile {
  const featureIds = new Map<string, number>();
  const features: StoreFile['features'] = [];
  const vertexIds = new Map<string, number>();
  const vx: number[] = [];
  const vy: number[] = [];
  const vertexId = (p: Position): number => {
    const x = Math.round(p[0]! * SCALE);
    const y = Math.round(p[1]! * SCALE);
    if (p.length !== 2 || x / SCALE !== p[0] || y / SCALE !== p[1]) throw new Error(`position ${JSON.stringify(p)} is not [lon, lat] with at most 6 decimals`);
    const k = `${x},${y}`;
    let id = vertexIds.get(k);
    if (id === undefined) {
      id = vx.length;
      vertexIds.set(k, id);
      vx.push(x);
      vy.push(y);
    }
    return id;
  };
  const encodeRing = (ring: Position[]): number[] => {
    const ids = ring.map(vertexId);
    const runs: number[] = [];
    let prevEnd = 0;
    let start = ids[0]!;
    let len = 1;
    let dir = 0;
    const flush = () => {
      runs.push(start - prevEnd, dir < 0 ? -len : len);
      prevEnd = start + (dir < 0 ? -(len - 1) : len - 1);
    };
    for (let i = 1; i < ids.length; i++) {
      const d = ids[i]! - ids[i - 1]!;
      if (len === 1 && (d === 1 || d === -1)) { dir = d; len = 2; }
      else if (dir !== 0 && d === dir) len++;
      else { flush(); start = ids[i]!; len = 1; dir = 0; }
    }
    if (ids.length > 0) flush();
    return runs;
  };
  const snapshots: StoreFile['snapshots'] = inputs.map((input) => {
    const ids = input.json.features.map((f) => {
      const key = JSON.stringify(f);
      let id = featureIds.get(key);
      if (id === undefined) {
        if (Object.keys(f).join() !== 'type,properties,geometry' || Object.keys(f.geometry).join() !== 'type,coordinates')
          throw new Error(`${input.file}: a feature with other members than type, properties, geometry cannot be stored`);
        const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Position[][][];
        id = features.length;
        featureIds.set(key, id);
        const extra = input.extraOf?.(f.properties);
        features.push({
          class: input.classOf(f.properties), ...(extra && Object.keys(extra).length > 0 ? { extra } : {}),
          properties: f.properties, type: f.geometry.type, rings: polys.map((p) => p.map(encodeRing)),
        });
      }
      return id;
    });
    const s: StoreFile['snapshots'][number] = {
      dateIso: input.dateIso, file: input.file, ...(input.source !== undefined ? { source: input.source } : {}),
      sha256: sha256(input.text), bytes: strToU8(input.text).length, features: ids,
    };
    if (input.text.endsWith('\n')) s.newline = true;
    return s;
  });
  const vertices: number[] = [];
  let px = 0;
  let py = 0;
  for (let i = 0; i < vx.length; i++) {
    vertices.push(vx[i]! - px, vy[i]! - py);
    px = vx[i]!;
    py = vy[i]!;
  }
  return { format: STORE_FORMAT, version: 1, vertices, features, snapshots };
}

/** The store as committed: gzip of its JSON (mtime 0, so the same input gives the same bytes). */
export function storeToBytes(store: StoreFile): Uint8Array {
  return gzipSync(strToU8(JSON.stringify(store)), { level: 9, mtime: 0 });
}

/** A snapshot as the source published it, rebuilt from the store (geometry shared between snapshots). */
export interface StoredFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: Position[][] | Position[][][] } }[];
}

/** A decoded store: per snapshot, its date, file and features as published, and each feature's class. */
export interface DecodedStore {
  store: StoreFile;
  /** The distinct features, rebuilt once (index = store feature index). */
  features: StoredFeatureCollection['features'];
}

/**
 * Read a store file's bytes (gzip, or the JSON itself when a host already undid the gzip). Never throws: a bad
 * file is an issue naming it, with the JSON path of the first problems.
 */
export function decodeStoreBytes(file: string, bytes: Uint8Array): Result<DecodedStore> {
  let raw = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      raw = gunzipSync(bytes);
    } catch (err) {
      return { ok: false, issues: [{ file, reason: `not a readable gzip file: ${(err as Error).message}`, severity: 'error' }] };
    }
  }
  const decoded = decodeJsonFile({ file, bytes: raw }, Number.MAX_SAFE_INTEGER);
  if (!decoded.ok) return decoded;
  const parsed = StoreFileSchema.safeParse(decoded.value);
  if (!parsed.success) return { ok: false, issues: toIssues(file, zodIssuesToLocal(parsed.error.issues.slice(0, 12), decoded.value, '')) };
  const store = parsed.data;
  const issues: Issue[] = [];
  const nv = store.vertices.length / 2;
  const xs = new Float64Array(nv);
  const ys = new Float64Array(nv);
  let x = 0;
  let y = 0;
  for (let i = 0; i < nv; i++) {
    x += store.vertices[2 * i]!;
    y += store.vertices[2 * i + 1]!;
    xs[i] = x / SCALE;
    ys[i] = y / SCALE;
  }
  // One position array per vertex, shared by every ring that uses it (nothing downstream mutates positions).
  const positions: Position[] = Array.from({ length: nv }, (_, i) => [xs[i]!, ys[i]!]);
  const features: StoredFeatureCollection['features'] = [];
  for (const [fi, f] of store.features.entries()) {
    const polys: Position[][][] = [];
    let bad = false;
    for (const rings of f.rings) {
      const poly: Position[][] = [];
      for (const runs of rings) {
        const ring: Position[] = [];
        let prevEnd = 0;
        for (let r = 0; r + 1 < runs.length; r += 2) {
          const start = prevEnd + runs[r]!;
          const len = runs[r + 1]!;
          const step = len < 0 ? -1 : 1;
          for (let k = 0; k < Math.abs(len); k++) {
            const p = positions[start + k * step];
            if (p === undefined) bad = true;
            else ring.push(p);
          }
          prevEnd = start + (Math.abs(len) - 1) * step;
        }
        poly.push(ring);
      }
      polys.push(poly);
    }
    if (bad) issues.push({ file, path: `features[${fi}].rings`, reason: `features[${fi}].rings: a run points past the ${nv} stored vertices; the store is damaged`, severity: 'error' });
    features.push({ type: 'Feature', properties: f.properties, geometry: { type: f.type, coordinates: f.type === 'Polygon' ? polys[0] ?? [] : polys } });
  }
  if (issues.length > 0) return { ok: false, issues };
  for (const [si, s] of store.snapshots.entries())
    for (const id of s.features)
      if (id < 0 || id >= features.length) {
        issues.push({ file, path: `snapshots[${si}].features`, reason: `snapshots[${si}].features: feature ${id} is not in the store (${features.length} features); the store is damaged`, severity: 'error' });
        return { ok: false, issues };
      }
  return { ok: true, value: { store, features }, issues };
}

/** Snapshot `i` exactly as its source published it (properties as published, no class). */
export function storedSnapshot(decoded: DecodedStore, i: number): StoredFeatureCollection {
  const s = decoded.store.snapshots[i]!;
  return { type: 'FeatureCollection', features: s.features.map((id) => decoded.features[id]!) };
}

/** Snapshot `i` as the loader reads it: each feature's properties with its stored `class` (and `extra`) added. */
export function snapshotForLoading(decoded: DecodedStore, i: number, withClass: Map<number, StoredFeatureCollection['features'][number]>): StoredFeatureCollection {
  const s = decoded.store.snapshots[i]!;
  return {
    type: 'FeatureCollection',
    features: s.features.map((id) => {
      let f = withClass.get(id);
      if (!f) {
        const base = decoded.features[id]!;
        const stored = decoded.store.features[id]!;
        f = { type: 'Feature', properties: { ...base.properties, ...stored.extra, class: stored.class }, geometry: base.geometry };
        withClass.set(id, f);
      }
      return f;
    }),
  };
}

/** The original file's text of snapshot `i`, as reproduced from the store. */
export function storedSnapshotText(decoded: DecodedStore, i: number): string {
  return JSON.stringify(storedSnapshot(decoded, i)) + (decoded.store.snapshots[i]!.newline ? '\n' : '');
}

/** Decompressed JSON text of a store's bytes (for the import's report). */
export function storeJsonText(bytes: Uint8Array): string {
  return strFromU8(bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes);
}
