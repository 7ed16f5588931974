// A PMTiles source that works on any static host: it asks for byte ranges, and when the host answers a range request
// with the whole file (200 instead of 206: `python3 -m http.server`, some CDNs and object stores) it keeps that
// file and answers every later range from memory, with no error. pmtiles' own FetchSource throws on such hosts
// ("Server returned no content-length header or content-length exceeding request") and the map stays blank.
import type { RangeResponse, Source } from 'pmtiles';
import { MAX_FILE_BYTES } from '../domain/limits';

/** How the host served the archive so far: not yet known, by ranges, or whole (kept in memory). */
export type ServingMode = 'unknown' | 'ranges' | 'whole';

export class RangeOrWholeSource implements Source {
  private whole: Promise<ArrayBuffer> | undefined;
  private modeSeen: ServingMode = 'unknown';

  /**
   * @param url the archive's URL (absolute, or relative to the page)
   * @param maxWholeBytes largest archive read whole when the host serves no ranges (default: the data file limit)
   */
  constructor(private readonly url: string, private readonly maxWholeBytes: number = MAX_FILE_BYTES) {}

  getKey(): string {
    return this.url;
  }

  /** How the host has served this archive (for tests and the README's claim). */
  get mode(): ServingMode {
    return this.modeSeen;
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    if (this.whole) return { data: slice(await this.whole, offset, length) };
    const res = await fetch(this.url, { headers: { range: `bytes=${offset}-${offset + length - 1}` }, ...(signal ? { signal } : {}) });
    if (res.status === 206) {
      this.modeSeen = 'ranges';
      const etag = res.headers.get('etag');
      return {
        data: await res.arrayBuffer(),
        ...(etag && !etag.startsWith('W/') ? { etag } : {}),
        ...(res.headers.get('cache-control') ? { cacheControl: res.headers.get('cache-control')! } : {}),
        ...(res.headers.get('expires') ? { expires: res.headers.get('expires')! } : {}),
      };
    }
    if (res.status === 200) {
      // The host ignored the range: this response carries the whole archive. Keep it, within the limit.
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > this.maxWholeBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`${this.url}: the host does not serve byte ranges, and the archive (${declared} bytes) is over the ${this.maxWholeBytes}-byte limit for reading it whole`);
      }
      this.modeSeen = 'whole';
      const whole = res.arrayBuffer();
      this.whole = whole;
      // An aborted first read (a tile no longer wanted) must not leave every later read failing: forget it.
      whole.catch(() => { if (this.whole === whole) this.whole = undefined; });
      const data = await whole;
      if (data.byteLength > this.maxWholeBytes) {
        this.whole = Promise.reject(new Error(`${this.url}: the archive is over the ${this.maxWholeBytes}-byte limit for reading it whole`));
        this.whole.catch(() => undefined);
        throw new Error(`${this.url}: the host does not serve byte ranges, and the archive is over the limit for reading it whole`);
      }
      return { data: slice(data, offset, length) };
    }
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`${this.url}: HTTP ${res.status} ${res.statusText}`.trim());
  }
}

function slice(buf: ArrayBuffer, offset: number, length: number): ArrayBuffer {
  return buf.slice(offset, Math.min(buf.byteLength, offset + length));
}
