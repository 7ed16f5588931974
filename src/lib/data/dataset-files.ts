// The files of a dataset folder as the loader reads them: the conventional names, paths made relative to the folder
// (a folder dropped in a browser arrives as `kursk/...`), and each file's JSON decoded once, with its issues.
import type { Issue } from '../domain/types';
import { DEFAULT_MAX_BYTES, decodeJsonFile } from './decode';
import { pushAll } from './issues';

/** One file of a dataset folder: its path (relative to the folder, or with one common top folder) and bytes. */
export interface DatasetFile {
  path: string;
  bytes: Uint8Array;
  /**
   * Set by the conversion step (convert/convert-files.ts) for a file that was not GeoJSON, or a .json decoded
   * to tell its format: the GeoJSON it became (`bytes` is then ignored), or undefined when conversion failed
   * (its issues are already reported).
   */
  converted?: { json: unknown };
}

/** Name of the manifest file in a dataset folder. */
export const MANIFEST_FILE = 'dataset.json';
/** The places file a folder without a manifest is read with, when it has one. */
export const PLACES_FILE = 'places.geojson';
/** The claims ledger a folder without a manifest is read with, when it has one. */
export const CLAIMS_FILE = 'claims.json';

/** A folder's files by their path relative to the folder. */
export interface IndexedFiles {
  byPath: Map<string, Uint8Array>;
  convertedByPath: Map<string, { json: unknown }>;
  /** The folder's own name, when the paths came with one (`kursk/dataset.json` → `kursk`). */
  rootName?: string;
}

/** Normalise paths and drop the common top folder (a folder dropped in a browser arrives as `kursk/...`). */
export function indexFiles(files: readonly DatasetFile[], issues: Issue[]): IndexedFiles {
  const norm = files.map((f) => ({ path: f.path.replace(/\\/g, '/').replace(/^(\.\/|\/)+/, ''), bytes: f.bytes, converted: f.converted }));
  // If a dataset.json sits in a folder, that folder is the root.
  const manifests = norm.filter((f) => f.path === MANIFEST_FILE || f.path.endsWith(`/${MANIFEST_FILE}`));
  manifests.sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  let root = '';
  const top = manifests[0];
  if (top) root = top.path.slice(0, top.path.length - MANIFEST_FILE.length);
  else {
    const firstSeg = norm[0]?.path.split('/')[0];
    if (firstSeg !== undefined && norm.length > 0 && norm.every((f) => f.path.startsWith(`${firstSeg}/`))) root = `${firstSeg}/`;
  }
  const byPath = new Map<string, Uint8Array>();
  const convertedByPath = new Map<string, { json: unknown }>();
  for (const f of norm) {
    if (!f.path.startsWith(root)) continue;
    const rel = f.path.slice(root.length);
    if (byPath.has(rel)) issues.push({ file: rel, reason: 'given twice; the first copy is used', severity: 'warning' });
    else {
      byPath.set(rel, f.bytes);
      if (f.converted) convertedByPath.set(rel, f.converted);
    }
  }
  const rootName = root === '' ? undefined : root.replace(/\/$/, '').split('/').pop();
  return rootName !== undefined ? { byPath, convertedByPath, rootName } : { byPath, convertedByPath };
}

/** The JSON of a folder's file, decoded at most once; undefined when it is absent or unreadable (its issues recorded). */
export type DecodeOnce = (path: string) => unknown;

/** Options for {@link jsonDecoder}. */
export interface JsonDecoderOptions {
  /** What the conversion step already turned into GeoJSON, by path: used instead of the bytes. */
  convertedByPath?: ReadonlyMap<string, { json: unknown }>;
  /** Largest file accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /** Called once per file after it is decoded (progress reports). */
  onFileDecoded?: (path: string) => void;
}

/**
 * A decoder over a folder's files that reads each file once and records its issues into `issues`; `cache` holds
 * what it decoded, and may be filled ahead (the snapshots inside a snapshot store).
 */
export function jsonDecoder(byPath: ReadonlyMap<string, Uint8Array>, issues: Issue[], opts: JsonDecoderOptions = {}): { decodeOnce: DecodeOnce; cache: Map<string, unknown> } {
  const cache = new Map<string, unknown>();
  const decodeOnce = (path: string): unknown => {
    if (cache.has(path)) return cache.get(path);
    const bytes = byPath.get(path);
    let value: unknown;
    const converted = opts.convertedByPath?.get(path);
    if (converted) {
      value = converted.json;
      opts.onFileDecoded?.(path);
    } else if (bytes) {
      const d = decodeJsonFile({ file: path, bytes }, opts.maxBytes ?? DEFAULT_MAX_BYTES);
      opts.onFileDecoded?.(path);
      pushAll(issues, d.issues);
      value = d.ok ? d.value : undefined;
    }
    cache.set(path, value);
    return value;
  };
  return { decodeOnce, cache };
}
