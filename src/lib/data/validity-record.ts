// The build's record of which polygons of a dataset folder pass the OGC validity step (the costly JTS step of
// validate-geojson.ts), each file bound to its sha256. The app trusts it only for the datasets it ships
// (load-client.ts asks for it): the whole front's 3,653 distinct polygons and its land polygons cost ~8 s of JTS in
// Node and 40–150 s in a loaded browser on every visit, for files that never change between builds. Every other
// check still runs, and the polygons the record names as failing go through the full check (and its repair) as
// always, so a trusted load gives the same snapshots and the same issues as a full one (validity-record.test.ts).
import '../domain/zod-config'; // before any schema is built: no eval probe under the CSP
import { gunzipSync } from 'fflate';
import * as z from 'zod';
import type { Issue } from '../domain/types';
import { SNAPSHOT_STORE_PATTERN } from './convert/formats';
import { decodeJsonFile } from './decode';
import { isRecord } from './issues';
import { decodeStoreBytes } from './store-file';
import { checkAreaGeometry, OGC_CHECK } from './validate-geojson';
import { VALIDITY_FILE } from './validity-file';

export const VALIDITY_FORMAT = 'claimed-ground/validity';
export { VALIDITY_FILE };

const RecordSchema = z.object({
  format: z.literal(VALIDITY_FORMAT),
  /** The check the verdicts come from ({@link OGC_CHECK}); a record of another check is not used. */
  check: z.string(),
  files: z.array(
    z.object({
      path: z.string().min(1),
      /** sha256 (hex) of the file's content: a gzip file's after gunzip (hosts may undo the gzip in transit). */
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** Geometries in the file: a snapshot store's distinct features, else the features in file order. */
      geometries: z.int().nonnegative(),
      /** Indices of the geometries the OGC step does not pass (checked, and repaired, on every load). */
      failing: z.array(z.int().nonnegative()),
    }),
  ),
});

export type ValidityRecord = z.infer<typeof RecordSchema>;

/** Per file path, the verdicts a loader may rely on: how many geometries, and which of them fail. */
export type TrustedValidity = Map<string, { geometries: number; failing: ReadonlySet<number> }>;

/** A file of a folder as the loader takes it (dataset-files.ts DatasetFile, named here without importing it). */
interface DatasetFile {
  path: string;
  bytes: Uint8Array;
}

/** sha256 of some bytes, as lower-case hex (Web Crypto: the same in Node and the browser). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file's content as its record hashes it: gunzipped when it is gzip (magic bytes 1f 8b), else as it is. */
function contentOf(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return gunzipSync(bytes);
  } catch {
    return bytes;
  }
}

/** The geometry objects of a parsed GeoJSON file, by feature index (a lone Feature is one). */
export function geometriesOfJson(json: unknown): unknown[] {
  if (isRecord(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) return json.features.map((f) => (isRecord(f) ? f.geometry : undefined));
  if (isRecord(json) && json.type === 'Feature') return [json.geometry];
  return [];
}

/** The geometry objects of a file as a record counts them (a store's distinct features, else its features). */
function geometriesOfFile(file: DatasetFile): unknown[] | undefined {
  if (SNAPSHOT_STORE_PATTERN.test(file.path)) {
    const r = decodeStoreBytes(file.path, file.bytes);
    return r.ok ? r.value.features.map((f) => f.geometry) : undefined;
  }
  const d = decodeJsonFile({ file: file.path, bytes: file.bytes }, Number.MAX_SAFE_INTEGER);
  return d.ok ? geometriesOfJson(d.value) : undefined;
}

/**
 * Make the record for some files of a folder (the build's step, scripts/import-front.ts): a geometry fails when
 * skipping the OGC step would change what the check says of it (its issues or its repaired geometry).
 */
export async function recordValidity(files: readonly DatasetFile[]): Promise<ValidityRecord> {
  const out: ValidityRecord = { format: VALIDITY_FORMAT, check: OGC_CHECK, files: [] };
  for (const file of files) {
    const geoms = geometriesOfFile(file);
    if (!geoms) throw new Error(`${file.path}: not readable, no validity recorded`);
    const failing: number[] = [];
    geoms.forEach((g, i) => {
      const full = checkAreaGeometry(g, 'g');
      const skipped = checkAreaGeometry(g, 'g', isRecord(g) ? { ogcValid: new WeakSet([g]) } : {});
      if (JSON.stringify(full) !== JSON.stringify(skipped)) failing.push(i);
    });
    out.files.push({ path: file.path, sha256: await sha256Hex(contentOf(file.bytes)), geometries: geoms.length, failing });
  }
  return out;
}

/**
 * The verdicts of a folder's validity record that hold for the files at hand: only those whose sha256 is the
 * recorded one, from a record of today's check. A record that does not fit is said as a warning (its files are
 * then checked in full); no record, nothing trusted and nothing said. Never throws.
 */
export async function trustedValidity(files: readonly DatasetFile[]): Promise<{ trusted: TrustedValidity; issues: Issue[] }> {
  const trusted: TrustedValidity = new Map();
  const issues: Issue[] = [];
  const recordFile = files.find((f) => f.path === VALIDITY_FILE);
  if (!recordFile) return { trusted, issues };
  const warn = (reason: string) => issues.push({ file: VALIDITY_FILE, reason, severity: 'warning' });
  const d = decodeJsonFile({ file: VALIDITY_FILE, bytes: recordFile.bytes }, Number.MAX_SAFE_INTEGER);
  const parsed = d.ok ? RecordSchema.safeParse(d.value) : undefined;
  if (!parsed?.success) {
    warn('not a validity record; every polygon checked in full');
    return { trusted, issues };
  }
  if (parsed.data.check !== OGC_CHECK) {
    warn(`made by another check ("${parsed.data.check}"); every polygon checked in full`);
    return { trusted, issues };
  }
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const e of parsed.data.files) {
    const f = byPath.get(e.path);
    if (!f) continue;
    if ((await sha256Hex(contentOf(f.bytes))) !== e.sha256) warn(`${e.path} is not the file the record was made for (sha256 differs); its polygons checked in full`);
    else trusted.set(e.path, { geometries: e.geometries, failing: new Set(e.failing) });
  }
  return { trusted, issues };
}

/**
 * Add to `into` the geometry objects of `path` the record vouches for: all but the failing ones, and only when the
 * file holds as many geometries as recorded.
 */
export function vouchFor(into: WeakSet<object> | undefined, trusted: TrustedValidity | undefined, path: string, geoms: readonly unknown[]): void {
  const t = trusted?.get(path);
  if (!into || !t || t.geometries !== geoms.length) return;
  geoms.forEach((g, i) => {
    if (!t.failing.has(i) && isRecord(g)) into.add(g);
  });
}
