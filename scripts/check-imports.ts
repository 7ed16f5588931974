// `npm run lint:imports`: fails (exit 1) on any cycle of run-time imports among src/ modules (.ts and .svelte <script> blocks)
// (type-only imports included) and on any import from src/lib/domain/ of a module outside it (tests may); prints what it
// checked either way.
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
// Every cycle fails, run-time or closed only by a type import: a type cycle is erased at build time but still ties
// two modules so that neither can be read, moved or tested without the other.
const cycles = importCycles(edges);
// Tests beside domain modules may load real data through the loader and test support; modules may not.
const domainOut = layerViolations(edges, 'src/lib/domain').filter((e) => !e.from.endsWith('.test.ts'));
for (const c of cycles) console.error(`import cycle: ${c.join(' ⇄ ')}`);
for (const e of domainOut) console.error(`domain/ imports outside domain/: ${e.from} → ${e.to}`);
console.log(`check-imports: ${files.length} modules, ${edges.length} imports; ${cycles.length} import cycles (type-only imports included); ${domainOut.length} imports from domain/ to outside`);
process.exit(cycles.length + domainOut.length > 0 ? 1 : 0);
