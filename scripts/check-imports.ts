// `npm run lint:imports`: fails (exit 1) on any cycle of run-time imports among src/ modules (.ts and .svelte <script> blocks)
// and on any import from src/lib/domain/ of a module outside it (tests may; one named exception below); prints what it checked either way.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCycles, importEdges, layerViolations, type SourceFile } from './lib/import-graph';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ts|svelte)$/.test(d.name))
    .map((d) => {
      const abs = join(d.parentPath, d.name);
      return { path: relative(root, abs).split('\\').join('/'), text: readFileSync(abs, 'utf8') };
    });
}

const files = sourceFiles(join(root, 'src'));
const edges = importEdges(files);
// Cycles of run-time imports fail; a cycle that needs a type-only import to close is named but does not fail
// (erased at build time; untangling it is a follow-up).
const cycles = importCycles(edges.filter((e) => !e.typeOnly));
const typeCycles = importCycles(edges).filter((c) => !cycles.some((r) => r.join() === c.join()));
// Tests beside domain modules may load real data through the loader and test support; modules may not.
// Known, named exception: gazetteer.ts takes the PlaceFeature type, which is z.infer of data/schema.ts's place
// schema (moving the place schema into domain/, as claim-schema.ts was, is the follow-up).
const ALLOWED = new Set(['src/lib/domain/gazetteer.ts → src/lib/data/schema.ts']);
const domainOut = layerViolations(edges, 'src/lib/domain').filter((e) => !e.from.endsWith('.test.ts') && !ALLOWED.has(`${e.from} → ${e.to}`));
for (const c of cycles) console.error(`import cycle: ${c.join(' ⇄ ')}`);
for (const c of typeCycles) console.log(`type-only import cycle (allowed, a follow-up): ${c.join(' ⇄ ')}`);
for (const e of domainOut) console.error(`domain/ imports outside domain/: ${e.from} → ${e.to}`);
console.log(`check-imports: ${files.length} modules, ${edges.length} imports; ${cycles.length} cycles of run-time imports, ${typeCycles.length} closed only by type imports; ${domainOut.length} imports from domain/ to outside (allowed: ${[...ALLOWED].join(', ')})`);
process.exit(cycles.length + domainOut.length > 0 ? 1 : 0);
