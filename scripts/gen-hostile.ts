// Writes the hostile datasets of scripts/lib/hostile-datasets.ts into a folder, one sub-folder each, for measuring
// the validator and the app on them: `npx tsx scripts/gen-hostile.ts <out-dir> [name...]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HOSTILE_DATASETS } from './lib/hostile-datasets';

const [out, ...names] = process.argv.slice(2);
if (!out) {
  console.log(`usage: npx tsx scripts/gen-hostile.ts <out-dir> [${Object.keys(HOSTILE_DATASETS).join('|')}...]`);
  process.exit(1);
}
for (const [name, make] of Object.entries(HOSTILE_DATASETS)) {
  if (names.length > 0 && !names.includes(name)) continue;
  for (const f of make()) {
    const p = join(out, name, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.bytes);
  }
  console.log(`${join(out, name)}`);
}
