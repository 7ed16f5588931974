// `npm run lint:imports`: fails (exit 1) on any import cycle among src/ modules (.ts and .svelte <script> blocks)
// and on any import from src/lib/domain/ of a module outside it (tests may read src/test-support/); prints what it checked either way.
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
const cycles = importCycles(edges);
// Tests beside domain modules may use the shared test fixtures readers (src/test-support/); modules may not.
const domainOut = layerViolations(edges, 'src/lib/domain').filter((e) => !(e.from.endsWith('.test.ts') && e.to.startsWith('src/test-support/')));
for (const c of cycles) console.error(`import cycle: ${c.join(' ⇄ ')}`);
for (const e of domainOut) console.error(`domain/ imports outside domain/: ${e.from} → ${e.to}`);
console.log(`check-imports: ${files.length} modules, ${edges.length} imports; ${cycles.length} cycles; ${domainOut.length} imports from domain/ to outside`);
process.exit(cycles.length + domainOut.length > 0 ? 1 : 0);
