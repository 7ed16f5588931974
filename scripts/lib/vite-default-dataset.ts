// Vite plugin: ships each built-in dataset (geodata/kursk/, geodata/kursk-isw/, …) as ONE file of all its JSON
// files, so a source costs one request instead of ~100, and the host's gzip sees consecutive snapshots (near-duplicates) in one
// stream: 287 KB gzipped as separate files, far less as one (docs/performance.md). The app still checks every
// file with the same loader as a dataset a user brings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';

export const DEFAULT_DATASET_MODULE = 'virtual:default-dataset';
const RESOLVED = `\0${DEFAULT_DATASET_MODULE}`;
const DEV_URL = '/__claimed-ground/default-dataset.json';

/** The bundle's format: every data file of the folder, by its path inside the folder. */
export interface DatasetBundle {
  format: 'claimed-ground/files';
  version: 1;
  files: { path: string; text: string }[];
}

function listDataFiles(dir: string): string[] {
  const out: string[] = [];
  // Besides the JSON files, the CSV files the manifest names (its place claims); other CSVs are notes for people.
  let listed = new Set<string>();
  try {
    const m = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as { placeClaimsFile?: unknown };
    if (typeof m.placeClaimsFile === 'string') listed = new Set([join(dir, m.placeClaimsFile)]);
  } catch {
    // No readable manifest: the loader reports that; the bundle just carries the JSON files.
  }
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(geo)?json$/i.test(name) || listed.has(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function buildDatasetBundle(dir: string): string {
  const bundle: DatasetBundle = {
    format: 'claimed-ground/files',
    version: 1,
    files: listDataFiles(dir).map((p) => ({ path: relative(dir, p).split(sep).join('/'), text: readFileSync(p, 'utf8') })),
  };
  return JSON.stringify(bundle);
}

/**
 * `import urls from 'virtual:default-dataset'` gives the URL of each folder's bundle, by folder name (the last
 * part of its path): `{ kursk: '/assets/kursk-….json', 'kursk-isw': … }`. Each is fetched only when its source
 * is shown.
 */
export function defaultDataset(dirs: readonly string[]): Plugin {
  let isBuild = false;
  const nameOf = (dir: string) => dir.split(/[\\/]/).filter(Boolean).pop()!;
  return {
    name: 'claimed-ground:default-dataset',
    configResolved(config) {
      isBuild = config.command === 'build';
    },
    resolveId(id) {
      return id === DEFAULT_DATASET_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      if (!isBuild) return `export default ${JSON.stringify(Object.fromEntries(dirs.map((d) => [nameOf(d), `${DEV_URL}/${nameOf(d)}`])))};`;
      const entries = dirs.map((d) => {
        const ref = this.emitFile({ type: 'asset', name: `${nameOf(d)}.json`, source: buildDatasetBundle(d) });
        return `${JSON.stringify(nameOf(d))}: import.meta.ROLLUP_FILE_URL_${ref}`;
      });
      return `export default { ${entries.join(', ')} };`;
    },
    configureServer(server) {
      // In development a bundle is made on each request, so an edited snapshot shows on reload.
      for (const d of dirs)
        server.middlewares.use(`${DEV_URL}/${nameOf(d)}`, (_req, res) => {
          res.setHeader('Content-Type', 'application/json');
          res.end(buildDatasetBundle(d));
        });
    },
  };
}
