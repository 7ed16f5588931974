// The built-in dataset (geodata/kursk/), shipped by the build as one bundle of its files
// (scripts/lib/vite-default-dataset.ts), unpacked here into files for the same loader as any other dataset.
import bundleUrl from 'virtual:default-dataset';
import type { Issue } from '../domain/types';
import type { FetchedFile } from './fetch-files';

export const DEFAULT_DATASET_URL: string = bundleUrl;

/** Fetch the bundle and return its files as bytes; a failure is an issue, never a throw. */
export async function fetchDefaultDataset(): Promise<{ files: FetchedFile[]; issues: Issue[] }> {
  const file = 'the built-in dataset bundle';
  try {
    const res = await fetch(DEFAULT_DATASET_URL);
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    const bundle = (await res.json()) as { format?: string; files?: { path: string; text: string }[] };
    if (bundle.format !== 'claimed-ground/files' || !Array.isArray(bundle.files)) {
      return { files: [], issues: [{ file, severity: 'error', reason: 'not a Claimed Ground file bundle' }] };
    }
    const encoder = new TextEncoder();
    return { files: bundle.files.map((f) => ({ path: f.path, bytes: encoder.encode(f.text) })), issues: [] };
  } catch (err) {
    return { files: [], issues: [{ file, severity: 'error', reason: `could not be fetched from ${DEFAULT_DATASET_URL}: ${(err as Error).message}` }] };
  }
}
