// A dataset file as the loader takes it, wherever it came from (the built-in bundle, a drop, a URL).

export interface FetchedFile {
  /** Path inside the dataset folder, `/`-separated, as a manifest names it. */
  path: string;
  bytes: Uint8Array;
}
