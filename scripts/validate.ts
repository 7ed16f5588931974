// Command line: validate a dataset folder with the same loader the app uses; one line per problem, exit 1 on errors.
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Issue } from '../src/lib/domain/types';
import { loadAnyDataset } from '../src/lib/data/load-any';
import { readDatasetFolder, type FolderRead } from './lib/read-folder';
import { printable } from './lib/printable';

export { readDatasetFolder } from './lib/read-folder';

/**
 * One problem as a line: `<file>: feature <i>: <reason>`, warnings prefixed `warning:`. Everything from data is
 * escaped (an ANSI sequence in a manifest entry once cleared the screen and printed a fake "0 errors").
 */
export function formatIssue(i: Issue): string {
  const feature = i.featureIndex !== undefined ? `feature ${i.featureIndex}${i.featureId !== undefined ? ` (id ${JSON.stringify(i.featureId)})` : ''}: ` : '';
  return printable(`${i.severity === 'warning' ? 'warning: ' : ''}${i.file}: ${feature}${i.reason}`);
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
  const shownDir = printable(dir);
  let read: FolderRead;
  try {
    if (!statSync(abs).isDirectory()) {
      out(`${shownDir}: not a folder`);
      return 1;
    }
    read = readDatasetFolder(abs);
  } catch (e) {
    out(`${shownDir}: cannot read: ${printable(e instanceof Error ? e.message : String(e))}`);
    return 1;
  }
  const started = performance.now();
  const r = await loadAnyDataset(read.files, { name: basename(abs) });
  const ms = performance.now() - started;
  // Entries refused while reading come first: the loader never saw them.
  const issues = [...read.issues, ...r.issues];
  for (const i of issues) out(formatIssue(i));
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const loaded = r.ok
    ? `${r.value.snapshots.length} snapshot${r.value.snapshots.length === 1 ? '' : 's'}, ${r.value.snapshots.reduce((n, s) => n + s.features.length, 0)} features loaded` +
      (r.value.manifestInferred ? ' (no usable dataset.json: manifest inferred)' : '')
    : 'nothing usable loaded';
  out(`${shownDir}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}; ${loaded} in ${Math.round(ms)} ms`);
  return errors > 0 ? 1 : 0;
}

// Run only when executed (tsx scripts/validate.ts), not when imported by the test.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
