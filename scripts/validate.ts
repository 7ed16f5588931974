// Command line: validate a dataset folder with the same loader the app uses; one line per problem, exit 1 on errors.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Issue } from '../src/lib/domain/types';
import type { DatasetFile } from '../src/lib/data/load-dataset';
import { loadAnyDataset } from '../src/lib/data/load-any';
import { isDataFileName } from '../src/lib/data/convert/formats';

/** Folders never read as data. */
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** Read every file under `dir` (hidden files and SKIP_DIRS left out), with paths relative to `dir`. */
export function readDatasetFolder(dir: string): DatasetFile[] {
  const files: DatasetFile[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      // Only data files (GeoJSON, and the formats the converters read): the loader looks at nothing else, and a
      // folder may hold large unrelated files.
      else if (isDataFileName(name)) files.push({ path: relative(dir, p).split('\\').join('/'), bytes: readFileSync(p) });
    }
  };
  walk(dir);
  // The one non-JSON file a manifest may name: its place claims (CSV).
  const manifest = files.find((f) => f.path === 'dataset.json');
  if (manifest) {
    let listed: unknown;
    try {
      listed = (JSON.parse(new TextDecoder().decode(manifest.bytes)) as { placeClaimsFile?: unknown }).placeClaimsFile;
    } catch {
      listed = undefined; // the loader reports the unreadable manifest
    }
    const p = typeof listed === 'string' ? join(dir, listed) : undefined;
    if (p && resolve(p).startsWith(resolve(dir)) && statSync(p, { throwIfNoEntry: false })?.isFile()) files.push({ path: relative(dir, p).split('\\').join('/'), bytes: readFileSync(p) });
  }
  return files;
}

/** One problem as a line: `<file>: feature <i>: <reason>`, warnings prefixed `warning:`. */
export function formatIssue(i: Issue): string {
  const feature = i.featureIndex !== undefined ? `feature ${i.featureIndex}${i.featureId !== undefined ? ` (id ${JSON.stringify(i.featureId)})` : ''}: ` : '';
  return `${i.severity === 'warning' ? 'warning: ' : ''}${i.file}: ${feature}${i.reason}`;
}

/**
 * Run the validator on `args[0]` (a dataset folder); write lines through `out`. Returns the exit code:
 * 1 if any error (or bad usage), 0 otherwise (warnings do not fail).
 */
export async function main(args: readonly string[], out: (line: string) => void = (l) => console.log(l)): Promise<number> {
  const dir = args[0];
  if (dir === undefined || args.length > 1) {
    out('usage: npm run validate -- <dataset-dir>');
    return 1;
  }
  const abs = resolve(dir);
  let files: DatasetFile[];
  try {
    if (!statSync(abs).isDirectory()) {
      out(`${dir}: not a folder`);
      return 1;
    }
    files = readDatasetFolder(abs);
  } catch (e) {
    out(`${dir}: cannot read: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
  const started = performance.now();
  const r = await loadAnyDataset(files, { name: basename(abs) });
  const ms = performance.now() - started;
  for (const i of r.issues) out(formatIssue(i));
  const errors = r.issues.filter((i) => i.severity === 'error').length;
  const warnings = r.issues.length - errors;
  const loaded = r.ok
    ? `${r.value.snapshots.length} snapshot${r.value.snapshots.length === 1 ? '' : 's'}, ${r.value.snapshots.reduce((n, s) => n + s.features.length, 0)} features loaded` +
      (r.value.manifestInferred ? ' (no usable dataset.json: manifest inferred)' : '')
    : 'nothing usable loaded';
  out(`${dir}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ${loaded} in ${Math.round(ms)} ms`);
  return errors > 0 ? 1 : 0;
}

// Run only when executed (tsx scripts/validate.ts), not when imported by the test.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
