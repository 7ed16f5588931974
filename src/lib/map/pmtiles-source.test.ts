// RangeOrWholeSource against real HTTP servers: one that serves byte ranges (206) and one that ignores them (200 with
// the whole file, as python3 -m http.server does). The same tiles come out of both; the second is fetched once.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PMTiles } from 'pmtiles';
import { RangeOrWholeSource } from './pmtiles-source';

const archive = readFileSync(join(import.meta.dirname, '../../../public/basemap/basemap.pmtiles'));
let server: Server;
let base = '';
const requests: { path: string; range: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', range: req.headers.range });
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (req.url === '/ranges/basemap.pmtiles' && m) {
      const [from, to] = [Number(m[1]), Math.min(Number(m[2]), archive.length - 1)];
      res.writeHead(206, { 'content-length': to - from + 1, 'content-range': `bytes ${from}-${to}/${archive.length}` });
      res.end(archive.subarray(from, to + 1));
    } else if (req.url === '/whole/basemap.pmtiles') {
      res.writeHead(200, { 'content-length': archive.length });
      res.end(archive);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function readSome(url: string): Promise<{ source: RangeOrWholeSource; tiles: (number | undefined)[] }> {
  const source = new RangeOrWholeSource(url);
  const p = new PMTiles(source);
  const h = await p.getHeader();
  const z = h.minZoom + 1;
  // The tiles under the archive's centre at two zooms.
  const tiles = [];
  for (const zoom of [h.minZoom, z]) {
    const n = 2 ** zoom;
    const x = Math.floor(((h.centerLon + 180) / 360) * n);
    const lat = (h.centerLat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
    tiles.push((await p.getZxy(zoom, x, y))?.data.byteLength);
  }
  return { source, tiles };
}

describe('RangeOrWholeSource', () => {
  it('reads by ranges where the host serves them', async () => {
    requests.length = 0;
    const { source, tiles } = await readSome(`${base}/ranges/basemap.pmtiles`);
    expect(source.mode).toBe('ranges');
    expect(tiles.every((t) => t !== undefined && t > 0)).toBe(true);
    expect(requests.every((r) => r.range !== undefined)).toBe(true);
  });

  it('reads the whole archive once where the host ignores ranges, and gives the same tiles', async () => {
    const ranged = await readSome(`${base}/ranges/basemap.pmtiles`);
    requests.length = 0;
    const { source, tiles } = await readSome(`${base}/whole/basemap.pmtiles`);
    expect(source.mode).toBe('whole');
    expect(tiles).toEqual(ranged.tiles);
    expect(requests.length).toBe(1);
  });

  it('refuses, with the reason, an archive over the limit on a host without ranges; a 404 is an error too', async () => {
    await expect(new RangeOrWholeSource(`${base}/whole/basemap.pmtiles`, 1000).getBytes(0, 16384)).rejects.toThrow(/does not serve byte ranges.*over the 1000-byte limit/);
    await expect(new RangeOrWholeSource(`${base}/missing.pmtiles`).getBytes(0, 16384)).rejects.toThrow(/HTTP 404/);
  });
});
