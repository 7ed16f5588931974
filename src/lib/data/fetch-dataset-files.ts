// Fetches the files of a dataset folder served over HTTP, saying "not found" for a missing file also when the host
// answers it with a page (many static hosts and single-page setups serve index.html, status 200, for any path).
import type { Issue } from '../domain/types';
import type { FetchedFile } from './fetch-files';

/**
 * Why a response is not the file asked for, or undefined when it is. A data file is never HTML: a body starting
 * with `<` (after whitespace) or a text/html type on a .json/.geojson/.gz path is the host's "not found" page.
 */
export function notTheFile(status: number, contentType: string | null, firstBytes: Uint8Array): string | undefined {
  if (status === 404 || status === 410) return `not found (HTTP ${status})`;
  if (status < 200 || status >= 300) return `could not be fetched (HTTP ${status})`;
  let i = 0;
  while (i < firstBytes.length && (firstBytes[i] === 0x20 || firstBytes[i] === 0x0a || firstBytes[i] === 0x0d || firstBytes[i] === 0x09)) i++;
  const html = /\btext\/html\b/i.test(contentType ?? '') || firstBytes[i] === 0x3c; // '<'
  return html ? 'not found (the host answered with an HTML page instead of the file)' : undefined;
}

/** Fetch every file; a file that cannot be had is an issue naming it, never a throw. */
export async function fetchDatasetFiles(files: readonly { path: string; url: string }[]): Promise<{ files: FetchedFile[]; issues: Issue[] }> {
  const issues: Issue[] = [];
  const got = await Promise.all(files.map(async (f): Promise<FetchedFile | undefined> => {
    try {
      const res = await fetch(f.url);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const why = notTheFile(res.status, res.headers.get('content-type'), bytes.subarray(0, 64));
      if (why) {
        issues.push({ file: f.path, reason: why, severity: 'error' });
        return undefined;
      }
      return { path: f.path, bytes };
    } catch (err) {
      issues.push({ file: f.path, reason: `could not be fetched from ${f.url}: ${(err as Error).message}`, severity: 'error' });
      return undefined;
    }
  }));
  return { files: got.filter((f): f is FetchedFile => f !== undefined), issues };
}
