// Load a dataset whatever formats its files are in: the conversion step (convert/), then the one loader.
// The load worker and every command that reads a dataset (validate, figures, build:data) come through here.
import type { Issue, Result } from '../domain/types';
import { convertDatasetFiles } from './convert/convert-files';
import { loadDataset, type LoadDatasetOptions, type LoadedDataset } from './load-dataset';
import type { DatasetFile } from './dataset-files';

/**
 * Convert the files that are not GeoJSON (each converter loaded only if a file needs it), then validate and
 * load everything as {@link loadDataset} does. Conversion issues come first, in file order. Never throws.
 */
export async function loadAnyDataset(files: readonly DatasetFile[], opts: LoadDatasetOptions = {}): Promise<Result<LoadedDataset>> {
  const converted = await convertDatasetFiles(files, opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {});
  const r = loadDataset(converted.files, opts);
  const issues: Issue[] = [...converted.issues, ...r.issues];
  return r.ok ? { ok: true, value: r.value, issues } : { ok: false, issues };
}
