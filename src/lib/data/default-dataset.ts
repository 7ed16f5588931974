// The built-in datasets (geodata/kursk/, geodata/kursk-isw/, …), shipped by the build as one bundle of files each
// (scripts/lib/vite-default-dataset.ts), unpacked here into files for the same loader as any other dataset.
import bundleUrls from 'virtual:default-dataset';
import folders from 'virtual:dataset-folders';
import { fetchDatasetFiles } from './fetch-dataset-files';
import type { Issue } from '../domain/types';
import type { FetchedFile } from './fetch-files';

/** The URL of a built-in folder's bundle, or undefined for a folder the build did not ship. */
export function builtinBundleUrl(folder: string): string | undefined {
  return Object.hasOwn(bundleUrls, folder) ? bundleUrls[folder] : undefined;
}

/** The files of a built-in folder shipped file by file (the whole front), or undefined for a bundled one. */
export function shippedFolderFiles(folder: string): readonly { path: string; url: string }[] | undefined {
  return Object.hasOwn(folders, folder) ? folders[folder] : undefined;
}

/** Fetch a built-in folder's bundle and return its files as bytes; a failure is an issue, never a throw. */
export async function fetchBuiltinFolder(folder: string): Promise<{ files: FetchedFile[]; issues: Issue[] }> {
  // A folder shipped file by file (the whole front: its snapshot store is already compressed) is fetched as such.
  const shipped = Object.hasOwn(folders, folder) ? folders[folder] : undefined;
  if (shipped) return fetchDatasetFiles(shipped);
  const file = `the built-in dataset bundle "${folder}"`;
  const url = builtinBundleUrl(folder);
  if (!url) return { files: [], issues: [{ file, severity: 'error', reason: 'not part of this build' }] };
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    const bundle = (await res.json()) as { format?: string; files?: { path: string; text: string }[] };
    if (bundle.format !== 'claimed-ground/files' || !Array.isArray(bundle.files)) {
      return { files: [], issues: [{ file, severity: 'error', reason: 'not a Claimed Ground file bundle' }] };
    }
    const encoder = new TextEncoder();
    return { files: bundle.files.map((f) => ({ path: f.path, bytes: encoder.encode(f.text) })), issues: [] };
  } catch (err) {
    return { files: [], issues: [{ file, severity: 'error', reason: `could not be fetched from ${url}: ${(err as Error).message}` }] };
  }
}
