// What reading a user's data shares, whichever way it comes (a drop, a pick, a URL): the limits and the progress counts.
import { DEFAULT_MAX_BYTES } from './decode';
import { MAX_FOLDER_DEPTH, MAX_FOLDER_FILES } from '../domain/limits';

/** Counts for the progress line while reading or fetching, in files and bytes. */
export interface ReadProgress {
  done: number;
  total: number;
  bytesDone: number;
}

/** Limits on what a drop may contain, so a drop of a home folder cannot walk a whole disk. */
export const READ_LIMITS = {
  /** Largest file read, in bytes: the validator's own limit, checked from File.size before reading. */
  maxBytes: DEFAULT_MAX_BYTES,
  /** Most files taken from one drop or folder (data files and others counted alike). */
  maxFiles: MAX_FOLDER_FILES,
  /** Deepest folder nesting followed. */
  maxDepth: MAX_FOLDER_DEPTH,
  /** Files read or fetched at once. */
  concurrency: 4,
};
