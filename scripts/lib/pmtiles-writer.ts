// Writes a PMTiles v3 archive in memory (the `pmtiles` npm package only reads them); used by the build scripts.
//
// Layout follows the spec (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
// 127-byte header | root directory | JSON metadata | leaf directories | tile data.
// Tile data is written in Hilbert tile-id order (a "clustered" archive), identical tiles are stored once,
// and runs of consecutive identical tiles share one directory entry (run length), as go-pmtiles does.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

/** One tile to store: Web Mercator XYZ address (y down, as in slippy maps) and its uncompressed bytes. */
export interface PmtilesTile {
  z: number;
  x: number;
  y: number;
  /** Uncompressed tile bytes (e.g. an MVT protobuf). Empty tiles (length 0) are left out of the archive. */
  data: Uint8Array;
}

/** Tile formats PMTiles v3 names in its header; the number is the spec's code. */
export const PMTILES_TILE_TYPE = { unknown: 0, mvt: 1, png: 2, jpeg: 3, webp: 4, avif: 5 } as const;
/** Compressions PMTiles v3 names in its header; the writer itself only produces `none` and `gzip`. */
export const PMTILES_COMPRESSION = { unknown: 0, none: 1, gzip: 2, brotli: 3, zstd: 4 } as const;

/** Options for {@link writePmtiles}. */
export interface WritePmtilesOptions {
  /** Tiles in any order. Each z/x/y may appear once; empty `data` means "no tile". */
  tiles: Iterable<PmtilesTile>;
  /** Lowest zoom level the archive claims to cover (header field; tiles below it are rejected). */
  minZoom: number;
  /** Highest zoom level the archive claims to cover; clients overzoom beyond it. */
  maxZoom: number;
  /** Extent of the data in degrees, WGS84: [west, south, east, north]. */
  bounds: [number, number, number, number];
  /** Default view: [longitude °, latitude °, zoom]. */
  center: [number, number, number];
  /**
   * JSON metadata stored in the archive. For vector tiles put `vector_layers` here
   * (TileJSON-style: `[{ id, fields, minzoom, maxzoom }]`), plus `attribution`, `name`, …
   */
  metadata: Record<string, unknown>;
  /** Tile format; default `'mvt'`. */
  tileType?: keyof typeof PMTILES_TILE_TYPE;
  /** How the writer compresses each tile's bytes; default `'gzip'` (what MapLibre expects for MVT). */
  tileCompression?: 'gzip' | 'none';
  /**
   * Directory tuning, mainly so tests can force leaf directories on small archives.
   * `maxRootBytes`: the root directory must fit beside the header in the first 16 KiB clients fetch
   * (default 16384 − 127 bytes). `leafSize`: entries per leaf directory to start with (default 4096).
   */
  directory?: { maxRootBytes?: number; leafSize?: number };
}

/** A directory entry as in the spec: `runLength` 0 marks a pointer to a leaf directory. */
interface DirEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

const HEADER_BYTES = 127;
/** Clients fetch the first 16 KiB in one request; header + root directory must fit in it (spec §3). */
const FIRST_FETCH_BYTES = 16_384;

/**
 * Builds a complete PMTiles v3 archive.
 * @returns the archive bytes, ready to write to a `.pmtiles` file.
 * @throws on programmer errors: a tile address out of range or repeated, bad zoom range or bounds.
 */
export function writePmtiles(options: WritePmtilesOptions): Uint8Array {
  const { minZoom, maxZoom, bounds, center, metadata } = options;
  const tileType = options.tileType ?? 'mvt';
  const tileCompression = options.tileCompression ?? 'gzip';
  checkArguments(minZoom, maxZoom, bounds, center);

  // Collect non-empty tiles with their Hilbert id, then sort: clustered archives store data in id order.
  const byId = new Map<number, PmtilesTile>();
  for (const tile of options.tiles) {
    const { z, x, y } = tile;
    if (!Number.isInteger(z) || z < minZoom || z > maxZoom) {
      throw new Error(`writePmtiles: tile z=${z} outside minZoom..maxZoom ${minZoom}..${maxZoom}`);
    }
    const n = 2 ** z;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n) {
      throw new Error(`writePmtiles: tile ${z}/${x}/${y} is outside the ${n}×${n} grid of zoom ${z}`);
    }
    if (tile.data.length === 0) continue;
    const id = zxyToTileId(z, x, y);
    if (byId.has(id)) throw new Error(`writePmtiles: tile ${z}/${x}/${y} given twice`);
    byId.set(id, tile);
  }
  const ids = [...byId.keys()].sort((a, b) => a - b);

  // Tile data section: each distinct content once (keyed by a hash of the uncompressed bytes, so that
  // deduplication does not depend on the compressor), in order of first appearance.
  const chunks: Uint8Array[] = [];
  const offsetByHash = new Map<string, { offset: number; length: number }>();
  let dataLength = 0;
  const entries: DirEntry[] = [];
  for (const id of ids) {
    const tile = byId.get(id)!;
    const hash = createHash('sha256').update(tile.data).digest('hex');
    let stored = offsetByHash.get(hash);
    if (!stored) {
      const bytes = tileCompression === 'gzip' ? gzip(tile.data) : tile.data;
      stored = { offset: dataLength, length: bytes.length };
      offsetByHash.set(hash, stored);
      chunks.push(bytes);
      dataLength += bytes.length;
    }
    const last = entries[entries.length - 1];
    // Run-length: a tile that continues the previous entry's id run with the same content.
    if (last && last.offset === stored.offset && last.tileId + last.runLength === id) {
      last.runLength += 1;
    } else {
      entries.push({ tileId: id, offset: stored.offset, length: stored.length, runLength: 1 });
    }
  }

  const maxRootBytes = options.directory?.maxRootBytes ?? FIRST_FETCH_BYTES - HEADER_BYTES;
  const { root, leaves } = buildDirectories(entries, maxRootBytes, options.directory?.leafSize ?? 4096);
  const metadataBytes = gzip(new TextEncoder().encode(JSON.stringify(metadata)));

  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const leafOffset = metadataOffset + metadataBytes.length;
  const tileDataOffset = leafOffset + leaves.length;
  const total = tileDataOffset + dataLength;

  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode('PMTiles'), 0);
  view.setUint8(7, 3);
  const u64 = (at: number, value: number): void => view.setBigUint64(at, BigInt(value), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadataBytes.length);
  u64(40, leafOffset);
  u64(48, leaves.length);
  u64(56, tileDataOffset);
  u64(64, dataLength);
  u64(72, entries.reduce((sum, e) => sum + e.runLength, 0)); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, offsetByHash.size); // tile contents
  view.setUint8(96, 1); // clustered
  view.setUint8(97, PMTILES_COMPRESSION.gzip); // internal compression (directories, metadata)
  view.setUint8(98, PMTILES_COMPRESSION[tileCompression]);
  view.setUint8(99, PMTILES_TILE_TYPE[tileType]);
  view.setUint8(100, minZoom);
  view.setUint8(101, maxZoom);
  const e7 = (at: number, degrees: number): void => view.setInt32(at, Math.round(degrees * 1e7), true);
  e7(102, bounds[0]);
  e7(106, bounds[1]);
  e7(110, bounds[2]);
  e7(114, bounds[3]);
  view.setUint8(118, Math.round(center[2]));
  e7(119, center[0]);
  e7(123, center[1]);

  out.set(root, rootOffset);
  out.set(metadataBytes, metadataOffset);
  out.set(leaves, leafOffset);
  let at = tileDataOffset;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function checkArguments(
  minZoom: number,
  maxZoom: number,
  bounds: readonly number[],
  center: readonly number[],
): void {
  // Zooms are single bytes in the header; PMTiles' Hilbert ids are exact up to z26 (2^53).
  if (!Number.isInteger(minZoom) || !Number.isInteger(maxZoom) || minZoom < 0 || maxZoom > 26 || minZoom > maxZoom) {
    throw new Error(`writePmtiles: zoom range ${minZoom}..${maxZoom} must be integers with 0 ≤ min ≤ max ≤ 26`);
  }
  const [w, s, e, n] = bounds;
  if (bounds.length !== 4 || !bounds.every(Number.isFinite) || w! > e! || s! > n! || s! < -90 || n! > 90) {
    throw new Error(`writePmtiles: bounds [${bounds.join(', ')}] must be [west, south, east, north] in degrees`);
  }
  if (center.length !== 3 || !center.every(Number.isFinite)) {
    throw new Error(`writePmtiles: center [${center.join(', ')}] must be [lon, lat, zoom]`);
  }
}

/**
 * Puts all entries in the root directory when it fits in `maxRootBytes` (compressed); otherwise splits
 * them into leaf directories of `leafSize` entries, growing the leaves until the root of pointers fits.
 */
function buildDirectories(
  entries: DirEntry[],
  maxRootBytes: number,
  leafSize: number,
): { root: Uint8Array; leaves: Uint8Array } {
  const single = gzip(serializeDirectory(entries));
  if (single.length <= maxRootBytes) return { root: single, leaves: new Uint8Array(0) };

  let size = Math.max(1, Math.floor(leafSize));
  for (;;) {
    const rootEntries: DirEntry[] = [];
    const leafChunks: Uint8Array[] = [];
    let leafLength = 0;
    for (let i = 0; i < entries.length; i += size) {
      const slice = entries.slice(i, i + size);
      const bytes = gzip(serializeDirectory(slice));
      rootEntries.push({ tileId: slice[0]!.tileId, offset: leafLength, length: bytes.length, runLength: 0 });
      leafChunks.push(bytes);
      leafLength += bytes.length;
    }
    const root = gzip(serializeDirectory(rootEntries));
    if (root.length <= maxRootBytes || rootEntries.length === 1) {
      if (root.length > maxRootBytes) {
        throw new Error(`writePmtiles: root directory of one leaf pointer (${root.length} B) exceeds ${maxRootBytes} B`);
      }
      return { root, leaves: concat(leafChunks, leafLength) };
    }
    size = Math.ceil(size * 1.2);
  }
}

/** Spec §4: count, then columns of tile-id deltas, run lengths, lengths, offsets (0 = "right after previous", else offset + 1). */
function serializeDirectory(entries: readonly DirEntry[]): Uint8Array {
  const bytes: number[] = [];
  writeVarint(bytes, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(bytes, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(bytes, e.runLength);
  for (const e of entries) writeVarint(bytes, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (prev && e.offset === prev.offset + prev.length) writeVarint(bytes, 0);
    else writeVarint(bytes, e.offset + 1);
  });
  return Uint8Array.from(bytes);
}

/** Unsigned LEB128; uses arithmetic rather than bit operators because tile ids exceed 32 bits past z15. */
function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** gzip with Node's zlib: deterministic output (mtime 0), so rebuilding unchanged data gives identical bytes. */
function gzip(data: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(data, { level: 9 }));
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
