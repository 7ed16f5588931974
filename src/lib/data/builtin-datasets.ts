// The datasets that ship with the app: collections of sources (one mapper's dataset each) on one clock.
// Permalinks name a collection by `dataset=` and its sources by `sources=` (the first listed is the primary).
import type { MessageKey } from '../i18n/catalogue';

export interface BuiltinSource {
  /** The id permalinks use (`sources=deepstate,isw`). */
  id: string;
  /** Folder under geodata/ (and name of its bundle). */
  folder: string;
  /** Name and colour for the source picker before the dataset is loaded (the manifest's, repeated). */
  name: string;
  color: string;
}

export interface BuiltinCollection {
  id: string;
  title: string;
  /** Its name in the UI language (the picker's option). */
  titleKey: MessageKey;
  sources: readonly BuiltinSource[];
  /** Sources shown when a link names none. */
  defaultShown: readonly string[];
}

export const BUILTIN_COLLECTIONS: readonly BuiltinCollection[] = [
  {
    id: 'kursk',
    title: 'Kursk incursion',
    titleKey: 'dataset.kursk',
    sources: [
      { id: 'deepstate', folder: 'kursk', name: 'DeepState', color: '#0277bd' },
      { id: 'isw', folder: 'kursk-isw', name: 'ISW/CTP', color: '#e65100' },
      { id: 'nzz', folder: 'kursk-nzz', name: 'NZZ', color: '#6a1b9a' },
    ],
    defaultShown: ['deepstate'],
  },
  {
    id: 'front',
    title: 'Whole front',
    titleKey: 'dataset.front',
    sources: [{ id: 'deepstate', folder: 'front', name: 'DeepState', color: '#0277bd' }],
    defaultShown: ['deepstate'],
  },
];

export const DEFAULT_COLLECTION = BUILTIN_COLLECTIONS[0]!;

/** The built-in collection with this id, if any (a lookup by own value, never by object key). */
export function builtinCollection(id: string): BuiltinCollection | undefined {
  return BUILTIN_COLLECTIONS.find((c) => c.id === id);
}

/** The collection a link's `dataset=` names: the default when it names none or one that does not exist. */
export function collectionOfLink(datasetId: string | undefined): BuiltinCollection {
  return (datasetId === undefined ? undefined : builtinCollection(datasetId)) ?? DEFAULT_COLLECTION;
}
