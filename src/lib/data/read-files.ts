// Reading picked files into memory in this tab (nothing is uploaded): data files and claims CSVs only, a file over the
// size limit refused from its size before it is read, a few at a time, each failure named.
import type { Issue } from '../domain/types';
import { overSizeLimit } from '../domain/limits';
import { isDataFileName as isLoadableFileName, SNAPSHOT_STORE_PATTERN } from './convert/formats';
import type { FetchedFile } from './fetch-files';
import { errorText } from './fetch-file';
import { isClaimsCsvName } from './own-claims';
import type { PickedFile } from './drop-walk';
import { READ_LIMITS, type ReadProgress } from './read-limits';

/**
 * Read the data files (and claims CSVs: own-claims.ts) among those picked. Other files are skipped (hidden ones
 * silently); a file over the size limit is reported from its `size` without being read into memory; one that
 * fails to read is reported.
 */
export async function readPickedFiles(
  picked: readonly PickedFile[],
  onProgress?: (p: ReadProgress) => void,
  maxBytes: number = READ_LIMITS.maxBytes,
): Promise<{ files: FetchedFile[]; issues: Issue[]; bytes: number }> {
  const issues: Issue[] = [];
  const skipped: string[] = [];
  const toRead: PickedFile[] = [];
  for (const p of picked) {
    const name = p.path.split('/').pop() ?? p.path;
    if (name.startsWith('.')) continue; // .DS_Store and the like
    if (!isLoadableFileName(p.path) && !isClaimsCsvName(p.path) && !SNAPSHOT_STORE_PATTERN.test(p.path)) skipped.push(p.path);
    else if (p.file.size > maxBytes)
      issues.push({ file: p.path, reason: overSizeLimit(p.file.size, maxBytes), severity: 'error' });
    else toRead.push(p);
  }
  if (skipped.length > 0)
    issues.push({
      file: skipped.length === 1 ? (skipped[0] as string) : `${skipped.length} files`,
      reason: `not a data file (.geojson, .json, .topojson, .kml, .kmz, .zip) or a claims .csv; ignored${skipped.length > 1 ? ` (${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''})` : ''}`,
      severity: 'warning',
    });
  const files: FetchedFile[] = [];
  const progress: ReadProgress = { done: 0, total: toRead.length, bytesDone: 0 };
  onProgress?.({ ...progress });
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      const p = toRead[next++] as PickedFile;
      try {
        const bytes = new Uint8Array(await p.file.arrayBuffer());
        files.push({ path: p.path, bytes });
        progress.bytesDone += bytes.byteLength;
      } catch (err) {
        issues.push({ file: p.path, reason: `could not be read: ${errorText(err)}`, severity: 'error' });
      }
      progress.done++;
      onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_LIMITS.concurrency, toRead.length) }, worker));
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, issues, bytes: progress.bytesDone };
}
