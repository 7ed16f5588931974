// Test support: every file below a folder as the loader takes them (paths relative to it, forward slashes, sorted).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DatasetFile } from '../lib/data/dataset-files';

export function readFolder(dir: string): DatasetFile[] {
  const out: DatasetFile[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: relative(dir, p).split('\\').join('/'), bytes: readFileSync(p) });
    }
  };
  walk(dir);
  return out;
}
