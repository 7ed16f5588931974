// The one way the app fetches a file a dataset names, and the one URL policy for it: every file a manifest or a data
// build lists (snapshots, clip regions, places, claims, tiles, features.geojson) must resolve inside the folder of
// the file that lists it, on the same site; a missing file is "not found", also when the host answers with an HTML
// page (a single-page-app fallback); a response is capped at a size while it streams.
import { overSizeLimit } from '../domain/limits';

/** A fetched file's bytes, or why there are none (`missing`: 404, or an HTML page in place of the file). */
export type FetchedBytes = { ok: true; bytes: Uint8Array } | { ok: false; missing: boolean; reason: string };

/** A path a dataset names, as RelativePathSchema (schema.ts) also checks it: the reason it is refused, or undefined. */
export function relativePathProblem(path: string): string | undefined {
  // The URL parser drops tabs and newlines anywhere and trims spaces and control characters at the ends, so
  // "\t//other.host/x" would become a URL of another host: no control character or edge space at all.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(path)) return 'control character in the path';
  if (path.trim() !== path || path === '') return 'empty, or space at the start or end';
  if (path.includes('\\')) return 'backslash in the path (use forward slashes)';
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(path)) return 'a URL or drive letter, not a relative path';
  if (path.startsWith('/')) return 'an absolute path, not a relative one';
  // The URL parser reads %2e as "." in path segments, so %2e%2e climbs like "..".
  if (/(^|\/)\.\.(\/|$)/.test(path) || /%2e/i.test(path)) return '".." (or an encoded dot) in the path';
  return undefined;
}

/**
 * Resolve a file a dataset names against the URL of the file that names it (a manifest, an index.json). Refused,
 * with the reason, when the path is not a plain relative path or the result leaves that file's folder or site.
 */
export function resolveDatasetFile(path: string, listedIn: URL): { ok: true; url: URL } | { ok: false; reason: string } {
  const problem = relativePathProblem(path);
  if (problem) return { ok: false, reason: `not a usable relative path (${problem}); not fetched` };
  const folder = new URL('./', listedIn);
  let url: URL;
  try {
    url = new URL(path, folder);
  } catch {
    return { ok: false, reason: 'not a usable relative path; not fetched' };
  }
  if (url.origin !== folder.origin || !url.pathname.startsWith(folder.pathname))
    return { ok: false, reason: `resolves outside the dataset's folder (${url.href}); not fetched` };
  return { ok: true, url };
}

/** Fetch a URL into memory, refusing (from Content-Length, else while streaming) anything over `maxBytes`. */
export async function fetchFile(url: URL, maxBytes: number): Promise<FetchedBytes> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', redirect: 'follow' });
  } catch (err) {
    return {
      ok: false,
      missing: false,
      reason: `could not be fetched from ${url.href}: ${errorText(err)} (offline, blocked, or the server does not allow cross-origin requests: CORS)`,
    };
  }
  if (res.redirected && res.url && new URL(res.url).origin !== url.origin) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, missing: false, reason: `${url.href} redirects to another site (${new URL(res.url).origin}); not read` };
  }
  if (res.status === 404 || res.status === 410) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, missing: true, reason: `not found at ${url.href}` };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { ok: false, missing: false, reason: `could not be fetched from ${url.href}: HTTP ${res.status} ${res.statusText}`.trim() };
  }
  // A host that answers every unknown path with its index.html (a single-page-app fallback) says 200: a data
  // file is never HTML, so this is a missing file, not a broken one.
  const htmlPage: FetchedBytes = { ok: false, missing: true, reason: `not found at ${url.href} (the server returned an HTML page)` };
  if (/^\s*text\/html/i.test(res.headers.get('content-type') ?? '')) {
    await res.body?.cancel().catch(() => undefined);
    return htmlPage;
  }
  const declared = Number(res.headers.get('content-length'));
  const tooBig = (n: number): FetchedBytes => ({ ok: false, missing: false, reason: overSizeLimit(n, maxBytes) });
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return tooBig(declared);
  }
  let bytes: Uint8Array;
  if (!res.body) bytes = new Uint8Array(await res.arrayBuffer());
  else {
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > maxBytes) {
          await reader.cancel();
          return tooBig(total);
        }
        chunks.push(value);
      }
    } catch (err) {
      return { ok: false, missing: false, reason: `download from ${url.href} failed: ${errorText(err)}` };
    }
    bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
  }
  if (startsLikeHtml(bytes)) return htmlPage;
  return { ok: true, bytes };
}

/** The first bytes (after spaces) open an HTML document: `<!doctype html`, `<html`, `<head`, `<body` or a comment. */
function startsLikeHtml(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length && i < 256 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09 || bytes[i] === 0xef || bytes[i] === 0xbb || bytes[i] === 0xbf)) i++;
  if (bytes[i] !== 0x3c) return false;
  const head = new TextDecoder().decode(bytes.subarray(i, i + 16)).toLowerCase();
  return /^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|!--)/.test(head);
}

/** A thrown fetch or read error in words. */
export function errorText(err: unknown): string {
  if (typeof DOMException !== 'undefined' && err instanceof DOMException) return `${err.name}${err.message ? `: ${err.message}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}
