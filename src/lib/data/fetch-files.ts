// Fetching dataset files by URL (the built-in dataset, or a manifest URL a user typed), with progress.
import type { Issue } from '../domain/types';

export interface FetchedFile {
  path: string;
  bytes: Uint8Array;
}

/** Fetch files a few at a time; a file that fails becomes an issue, the others still load. */
export async function fetchFiles(
  files: { path: string; url: string }[],
  onProgress?: (done: number, total: number) => void,
  concurrency = 6,
): Promise<{ files: FetchedFile[]; issues: Issue[] }> {
  const out: FetchedFile[] = [];
  const issues: Issue[] = [];
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < files.length) {
      const f = files[next++]!;
      try {
        const res = await fetch(f.url);
        if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
        out.push({ path: f.path, bytes: new Uint8Array(await res.arrayBuffer()) });
      } catch (err) {
        issues.push({ file: f.path, severity: 'error', reason: `could not be fetched from ${f.url}: ${(err as Error).message}` });
      }
      done++;
      onProgress?.(done, files.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  out.sort((a, b) => a.path.localeCompare(b.path));
  return { files: out, issues };
}
