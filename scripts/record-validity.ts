// Command line: write a dataset folder's validity record (src/lib/data/validity-record.ts), the OGC verdicts of
// its snapshot store and its clip and region files, each bound to the file's sha256. The app trusts the record
// only for the datasets it ships. `npx tsx scripts/record-validity.ts geodata/front` (import-front runs it too).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseManifestJson } from '../src/lib/data/manifest';
import { recordValidity, VALIDITY_FILE } from '../src/lib/data/validity-record';

/** The files whose geometries a record covers: the store, the clip regions, the regions of the breakdown. */
export function recordedFiles(dir: string): string[] {
  const m = parseManifestJson('dataset.json', JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')));
  if (!m.ok) throw new Error(`${dir}/dataset.json: ${m.issues.map((i) => i.reason).join('; ')}`);
  const v = m.value;
  return [...(v.snapshotStore ? [v.snapshotStore] : []), ...Object.values(v.clipRegions ?? {}).map((r) => r.file), ...(v.regions ? [v.regions.file] : [])];
}

export async function writeValidityRecord(dir: string): Promise<string> {
  const files = recordedFiles(dir).map((path) => ({ path, bytes: new Uint8Array(readFileSync(join(dir, path))) }));
  const record = await recordValidity(files);
  // One line per file entry's list of failing indices, so a diff shows what changed.
  writeFileSync(join(dir, VALIDITY_FILE), JSON.stringify(record, null, 1).replace(/\[\n([\d,\n ]*)\n\s*\]/g, (_, xs: string) => `[${xs.replace(/\s+/g, '')}]`) + '\n');
  return record.files.map((f) => `${f.path}: ${f.geometries} geometries, ${f.failing.length} failing the OGC step`).join('; ');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2] ?? 'geodata/front';
  console.log(`${dir}/${VALIDITY_FILE}: ${await writeValidityRecord(dir)}`);
}
