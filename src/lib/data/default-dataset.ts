// The built-in dataset (geodata/kursk/): Vite emits each file as an asset, so the app ships its data and
// needs no server of its own; the files are fetched and checked like any dataset a user brings.
const urls = import.meta.glob('/geodata/kursk/**/*.{json,geojson}', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const PREFIX = '/geodata/kursk/';

/** Path inside the dataset folder (as the manifest names it) → URL of the emitted file. */
export const DEFAULT_DATASET_FILES: { path: string; url: string }[] = Object.entries(urls)
  .map(([key, url]) => ({ path: key.slice(PREFIX.length), url }))
  .sort((a, b) => a.path.localeCompare(b.path));
