// The limits every reader of a dataset applies (the app, `npm run validate`, `build:data`), in one place, so that a
// file over one gets the same one issue everywhere. Each is far above what real data needs and far below what
// freezes a tab: the hostile-input review (issue 15) froze the tab with a 1 MB title and 100,000 copies of one
// polygon, and crashed the CLI with 5,000 levels of nesting.

/** Largest file read, in bytes (50 MB): checked from the size before reading. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Most files taken from one folder, drop or file choice (data files and others counted alike). */
export const MAX_FOLDER_FILES = 5_000;

/** Deepest folder nesting followed in a folder, a drop or on the command line. */
export const MAX_FOLDER_DEPTH = 12;

/**
 * Deepest nesting of arrays and objects in any JSON file. A MultiPolygon feature in a FeatureCollection is 7 levels
 * deep and a claim 5; past 64 the file is refused before it is parsed, so no recursive step (structuredClone,
 * postMessage, a schema, a serialiser) ever sees it and nothing can overflow the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Most snapshot entries in a manifest or dates in a data build: 20,000 is 54 years of daily snapshots. */
export const MAX_SNAPSHOTS = 20_000;

/** Most features read from one snapshot file (DeepState's whole front has about 600). */
export const MAX_FEATURES_PER_FILE = 100_000;

/** Most entries in one list of a manifest other than `snapshots` (classes, measures, sources, clip regions). */
export const MAX_LIST_ENTRIES = 1_000;

/** Longest id (class, measure, clip region), in characters. */
export const MAX_ID_CHARS = 64;

/** Longest short text shown on one line (title, labels, names, source names), in characters; longer is cut. */
export const MAX_LINE_CHARS = 300;

/** Longest running text (descriptions, attributions, licence statuses, quotes), in characters; longer is cut. */
export const MAX_TEXT_CHARS = 5_000;

/** The snapshot dates the app supports (inclusive): the slider, the chart and every date loop are made for these. */
export const SUPPORTED_DATES = { firstIso: '1800-01-01', lastIso: '2199-12-31' } as const;

/** A number with thousands separators, for the limits' issues: `100,000`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

/**
 * Text cut to `max` characters (never inside a surrogate pair) with an ellipsis, or unchanged when short enough.
 * @returns the text to show and whether it was cut.
 */
export function cutText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let end = max - 1;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return { text: `${text.slice(0, end)}…`, cut: true };
}

/** A file over the size limit, in the same words wherever it is found (folder, drop, URL, command line). */
export function overSizeLimit(sizeBytes: number, maxBytes: number): string {
  return `file is ${formatBytes(sizeBytes)}, over the ${formatBytes(maxBytes)} limit; not read (split it into smaller files)`;
}

/** Bytes in words, base 1024: `3 GB`, `50 MB`, `1.5 kB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} kB`;
  return `${n} bytes`;
}
