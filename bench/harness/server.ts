// A tiny static server for the browser benchmarks, on 127.0.0.1 only: files from folders, in-memory bodies, HTTP
// Range (PMTiles), and gzip for text types like a real static host (Content-Encoding negotiated per request).
// It counts the bytes it puts on the wire (body after compression), per request, so cold-start can sum them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.csv': 'text/csv', '.svg': 'image/svg+xml',
  '.pmtiles': 'application/octet-stream', '.pbf': 'application/x-protobuf', '.png': 'image/png', '.woff2': 'font/woff2',
  '.md': 'text/markdown',
};
/** Types a static host compresses (binary formats that are already compressed are left alone). */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|javascript))|image\/svg/;

export interface Served { url: string; status: number; wireBytes: number; rawBytes: number; gzip: boolean; at: number }

export interface BenchServer {
  origin: string;
  log: Served[];
  /** In-memory bodies (path → bytes, or a function of the query string). */
  routes: Map<string, Uint8Array | string | ((query: URLSearchParams) => Uint8Array | string)>;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 at `port` (0: any free port). `mounts`: URL prefix → folder. */
export async function startServer(port: number, mounts: Record<string, string>, gzip = true): Promise<BenchServer> {
  const log: Served[] = [];
  const routes: BenchServer['routes'] = new Map();
  const gzCache = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(u.pathname);
    let body: Buffer | undefined;
    let key = path;
    const route = routes.get(path);
    if (route !== undefined) {
      const v = typeof route === 'function' ? route(u.searchParams) : route;
      body = Buffer.from(typeof v === 'string' ? Buffer.from(v) : v);
      key = `${path}?${u.searchParams.toString()}`;
    } else {
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (!path.startsWith(prefix)) continue;
        const rel = normalize(path.slice(prefix.length)).replace(/^([/\\])+/, '');
        if (rel.startsWith('..')) break;
        let file = join(dir, rel);
        try {
          if (statSync(file).isDirectory()) file = join(file, 'index.html');
          body = readFileSync(file);
        } catch {
          body = undefined;
        }
        if (body && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) body = undefined;
        break;
      }
    }
    if (!body) {
      res.writeHead(404).end();
      log.push({ url: path, status: 404, wireBytes: 0, rawBytes: 0, gzip: false, at: performance.now() });
      return;
    }
    const type = TYPES[extname(path.endsWith('/') ? 'index.html' : path)] ?? 'application/octet-stream';
    const headers: Record<string, string | number> = { 'Content-Type': type, 'Cache-Control': 'no-store', 'Accept-Ranges': 'bytes' };
    const range = req.headers.range ? /^bytes=(\d+)-(\d*)$/.exec(req.headers.range) : null;
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(body.length - 1, range[2] ? Number(range[2]) : body.length - 1);
      const slice = body.subarray(start, end + 1);
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Length': slice.length });
      res.end(slice);
      log.push({ url: path, status: 206, wireBytes: slice.length, rawBytes: slice.length, gzip: false, at: performance.now() });
      return;
    }
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip && accepts && COMPRESSIBLE.test(type)) {
      let gz = gzCache.get(key);
      if (!gz) {
        gz = gzipSync(body, { level: 6 }); // nginx/Apache defaults are 1–6; 6 is what most CDNs use for gzip
        gzCache.set(key, gz);
      }
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': gz.length, Vary: 'Accept-Encoding' });
      res.end(gz);
      log.push({ url: path, status: 200, wireBytes: gz.length, rawBytes: body.length, gzip: true, at: performance.now() });
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(body);
    log.push({ url: path, status: 200, wireBytes: body.length, rawBytes: body.length, gzip: false, at: performance.now() });
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin, log, routes,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
