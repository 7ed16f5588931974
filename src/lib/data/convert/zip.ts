// Zip archives (fflate), for KMZ (a zipped KML) and zipped Shapefiles. The entries are listed and size-checked
// before anything is inflated, so a truncated archive or a zip bomb is an issue, not a frozen tab.
import { unzipSync } from 'fflate';
import type { Issue } from '../../domain/types';
import { DEFAULT_MAX_BYTES } from '../decode';
import { formatBytes } from '../../domain/limits';

export interface ZipOptions {
  /** Largest total size of the inflated entries, in bytes (default 50 MB, like a single file). */
  maxBytes?: number;
}

/** The entries of a zip, inflated, or the reason it cannot be read. Hidden files and macOS forks are skipped. */
export function readZip(file: string, bytes: Uint8Array, opts: ZipOptions = {}): { ok: true; entries: Map<string, Uint8Array> } | { ok: false; issue: Issue } {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let total = 0;
  let tooBig: string | undefined;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter: (f) => {
        if (skipEntry(f.name)) return false;
        total += f.originalSize;
        if (total > maxBytes) tooBig ??= f.name;
        return tooBig === undefined;
      },
    });
  } catch (err) {
    return { ok: false, issue: { file, reason: `not a readable zip archive (${(err as Error).message}); is it complete? A download that stopped early leaves a truncated zip`, severity: 'error' } };
  }
  if (tooBig !== undefined)
    return { ok: false, issue: { file, reason: `archive inflates to more than ${formatBytes(maxBytes)} (at ${tooBig}); not read`, severity: 'error' } };
  const entries = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(raw)) if (!name.endsWith('/')) entries.set(name, data);
  return { ok: true, entries };
}

function skipEntry(name: string): boolean {
  return name.endsWith('/') || name.includes('__MACOSX/') || (name.split('/').pop() ?? '').startsWith('.');
}

export function describeEntries(entries: Map<string, Uint8Array>): string {
  const names = [...entries.keys()];
  if (names.length === 0) return 'no files';
  return names.slice(0, 6).join(', ') + (names.length > 6 ? `, … (${names.length} files)` : '');
}
