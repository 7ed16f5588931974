// The datasets that ship with the app, by the id a permalink names them with (`#dataset=front`).
import folders from 'virtual:dataset-folders';
import type { Issue } from '../domain/types';
import { fetchDefaultDataset } from './default-dataset';
import { fetchDatasetFiles } from './fetch-dataset-files';
import type { FetchedFile } from './fetch-files';

export interface BuiltinDataset {
  id: string;
  /** Name in the dataset picker. */
  label: string;
  /** Where its files come from, for the data panel and error messages. */
  origin: string;
}

/** Id of the dataset a link without `dataset=` opens (every link made before there were several). */
export const DEFAULT_DATASET_ID = 'kursk';

export const BUILTIN_DATASETS: readonly BuiltinDataset[] = [
  { id: 'kursk', label: 'Kursk incursion', origin: 'the built-in dataset (geodata/kursk)' },
  { id: 'front', label: 'Whole front', origin: 'the built-in dataset (geodata/front)' },
];

/** The built-in dataset with this id, if there is one (ids come from URLs: compared, never used as keys). */
export function builtinDataset(id: string): BuiltinDataset | undefined {
  return BUILTIN_DATASETS.find((d) => d.id === id);
}

/**
 * Fetch a built-in dataset's files. Kursk comes as one bundle of its small JSON files; the whole front as its
 * few files (manifest, compressed snapshot store, clip regions, oblasts), each fetched as it is.
 */
export async function fetchBuiltinDataset(id: string): Promise<{ files: FetchedFile[]; issues: Issue[] }> {
  if (id === DEFAULT_DATASET_ID) return fetchDefaultDataset();
  const files = Object.hasOwn(folders, id) ? folders[id] : undefined;
  if (!files) return { files: [], issues: [{ file: `dataset "${id}"`, reason: 'not a built-in dataset', severity: 'error' }] };
  return fetchDatasetFiles(files);
}
