// Round-trips archives from writePmtiles through the `pmtiles` package's reader, the one the app uses.
import { describe, expect, it } from 'vitest';
import { Compression, PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { writePmtiles, type PmtilesTile } from './pmtiles-writer';

/** A pmtiles Source over an in-memory archive, so the reader sees exactly the bytes we wrote. */
class BufferSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer };
  }
}

/** Deterministic pseudo-random bytes, so tile contents differ without depending on Math.random. */
function bytesFor(seed: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}

/** Every tile of zooms minZoom..maxZoom inside a small x/y window, with a few repeats and empties mixed in. */
function makeTiles(minZoom: number, maxZoom: number): PmtilesTile[] {
  const tiles: PmtilesTile[] = [];
  const shared = bytesFor(99, 300); // repeated content: must be stored once
  for (let z = minZoom; z <= maxZoom; z++) {
    const n = 2 ** z;
    const x0 = Math.floor(n * 0.59);
    const y0 = Math.floor(n * 0.33);
    for (let x = x0; x < Math.min(n, x0 + 6); x++) {
      for (let y = y0; y < Math.min(n, y0 + 6); y++) {
        const k = z * 1000 + x * 31 + y;
        const data = k % 7 === 0 ? new Uint8Array(0) : k % 5 === 0 ? shared : bytesFor(k, 50 + (k % 200));
        tiles.push({ z, x, y, data });
      }
    }
  }
  return tiles;
}

const base = {
  minZoom: 0,
  maxZoom: 8,
  bounds: [33, 49.8, 38, 52.8] as [number, number, number, number],
  center: [35.2, 51.3, 8] as [number, number, number],
  metadata: { name: 'test', vector_layers: [{ id: 'earth', fields: { iso: 'String' }, minzoom: 0, maxzoom: 8 }] },
};

async function roundTrip(tiles: PmtilesTile[], archive: Uint8Array): Promise<void> {
  const reader = new PMTiles(new BufferSource(archive));
  for (const t of tiles) {
    const got = await reader.getZxy(t.z, t.x, t.y);
    if (t.data.length === 0) {
      expect(got, `${t.z}/${t.x}/${t.y} should be absent`).toBeUndefined();
    } else {
      expect(got, `${t.z}/${t.x}/${t.y} should be present`).toBeDefined();
      expect(new Uint8Array(got!.data), `${t.z}/${t.x}/${t.y}`).toEqual(t.data);
    }
  }
}

describe('writePmtiles', () => {
  it('writes a header the pmtiles reader understands', async () => {
    const tiles = makeTiles(0, 8);
    const archive = writePmtiles({ ...base, tiles });
    const header = await new PMTiles(new BufferSource(archive)).getHeader();
    const nonEmpty = tiles.filter((t) => t.data.length > 0);
    expect(header.specVersion).toBe(3);
    expect(header.minZoom).toBe(0);
    expect(header.maxZoom).toBe(8);
    expect(header.tileType).toBe(TileType.Mvt);
    expect(header.tileCompression).toBe(Compression.Gzip);
    expect(header.internalCompression).toBe(Compression.Gzip);
    expect(header.clustered).toBe(true);
    expect(header.minLon).toBeCloseTo(33, 6);
    expect(header.minLat).toBeCloseTo(49.8, 6);
    expect(header.maxLon).toBeCloseTo(38, 6);
    expect(header.maxLat).toBeCloseTo(52.8, 6);
    expect(header.centerLon).toBeCloseTo(35.2, 6);
    expect(header.centerLat).toBeCloseTo(51.3, 6);
    expect(header.centerZoom).toBe(8);
    expect(header.numAddressedTiles).toBe(nonEmpty.length);
    // Repeated content is stored once.
    const distinct = new Set(nonEmpty.map((t) => Array.from(t.data).join(','))).size;
    expect(header.numTileContents).toBe(distinct);
    expect(header.numTileEntries).toBeLessThanOrEqual(nonEmpty.length);
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(header.tileDataOffset + (header.tileDataLength ?? 0)).toBe(archive.length);
  });

  it('returns every tile byte-identical and leaves empty tiles out', async () => {
    const tiles = makeTiles(0, 8);
    await roundTrip(tiles, writePmtiles({ ...base, tiles }));
    // A tile never given is absent too.
    const reader = new PMTiles(new BufferSource(writePmtiles({ ...base, tiles })));
    expect(await reader.getZxy(8, 0, 0)).toBeUndefined();
  });

  it('stores metadata as JSON', async () => {
    const archive = writePmtiles({ ...base, tiles: makeTiles(0, 3), maxZoom: 3 });
    expect(await new PMTiles(new BufferSource(archive)).getMetadata()).toEqual(base.metadata);
  });

  it('collapses runs of identical consecutive tiles into one entry', async () => {
    // The four z1 tiles are consecutive Hilbert ids 1..4.
    const same = bytesFor(7, 100);
    const tiles = [0, 1].flatMap((x) => [0, 1].map((y) => ({ z: 1, x, y, data: same })));
    const archive = writePmtiles({ ...base, minZoom: 1, maxZoom: 1, tiles });
    const header = await new PMTiles(new BufferSource(archive)).getHeader();
    expect(header.numAddressedTiles).toBe(4);
    expect(header.numTileEntries).toBe(1);
    expect(header.numTileContents).toBe(1);
    await roundTrip(tiles, archive);
  });

  it('uses leaf directories when the root would not fit', async () => {
    const tiles = makeTiles(0, 10);
    const archive = writePmtiles({ ...base, maxZoom: 10, tiles, directory: { maxRootBytes: 64, leafSize: 20 } });
    const header = await new PMTiles(new BufferSource(archive)).getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryLength).toBeLessThanOrEqual(64);
    await roundTrip(tiles, archive);
  });

  it('writes uncompressed tiles when asked', async () => {
    const tiles = makeTiles(2, 4);
    const archive = writePmtiles({ ...base, minZoom: 2, maxZoom: 4, tiles, tileCompression: 'none', tileType: 'png' });
    const header = await new PMTiles(new BufferSource(archive)).getHeader();
    expect(header.tileCompression).toBe(Compression.None);
    expect(header.tileType).toBe(TileType.Png);
    await roundTrip(tiles, archive);
  });

  it('handles an archive with no tiles', async () => {
    const archive = writePmtiles({ ...base, tiles: [] });
    const reader = new PMTiles(new BufferSource(archive));
    expect((await reader.getHeader()).numAddressedTiles).toBe(0);
    expect(await reader.getZxy(0, 0, 0)).toBeUndefined();
  });

  it('rejects bad arguments with the value in the message', () => {
    const one = (z: number, x: number, y: number): PmtilesTile[] => [{ z, x, y, data: new Uint8Array([1]) }];
    expect(() => writePmtiles({ ...base, tiles: one(9, 0, 0) })).toThrow(/z=9/);
    expect(() => writePmtiles({ ...base, tiles: one(2, 4, 0) })).toThrow(/2\/4\/0/);
    expect(() => writePmtiles({ ...base, tiles: [...one(2, 1, 1), ...one(2, 1, 1)] })).toThrow(/given twice/);
    expect(() => writePmtiles({ ...base, tiles: [], minZoom: 5, maxZoom: 4 })).toThrow(/5\.\.4/);
    expect(() => writePmtiles({ ...base, tiles: [], bounds: [38, 49, 33, 52] })).toThrow(/bounds/);
  });
});
