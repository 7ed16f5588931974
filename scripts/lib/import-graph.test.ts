// The import checker finds cycles (also through .svelte <script> blocks and type-only imports) and layer breaks.
import { describe, expect, it } from 'vitest';
import { importCycles, importEdges, layerViolations } from './import-graph';

describe('importEdges', () => {
  it('resolves relative imports of .ts and .svelte files, static, dynamic, type-only and re-exports', () => {
    const edges = importEdges([
      { path: 'src/a.ts', text: "import { b } from './b';\nimport type { T } from './lib/t';\nexport * from './c';\nconst d = () => import('./d');" },
      { path: 'src/b.ts', text: "import maplibre from 'maplibre-gl';\nimport url from './worker.ts?url';" },
      { path: 'src/c.ts', text: '' },
      { path: 'src/d.ts', text: '' },
      { path: 'src/worker.ts', text: '' },
      { path: 'src/lib/t.ts', text: '' },
      { path: 'src/V.svelte', text: "<script lang=\"ts\">\n  import { a } from './a';\n</script>\n<p>import x from './nope'</p>" },
    ]);
    expect(edges).toEqual([
      { from: 'src/a.ts', to: 'src/b.ts' },
      { from: 'src/a.ts', to: 'src/lib/t.ts', typeOnly: true },
      { from: 'src/a.ts', to: 'src/c.ts' },
      { from: 'src/a.ts', to: 'src/d.ts' },
      { from: 'src/b.ts', to: 'src/worker.ts' },
      { from: 'src/V.svelte', to: 'src/a.ts' },
    ]);
  });
});

describe('importCycles', () => {
  it('finds none in a tree', () => {
    expect(importCycles([{ from: 'a', to: 'b' }, { from: 'a', to: 'c' }, { from: 'b', to: 'c' }])).toEqual([]);
  });

  it('finds a two-module cycle and a longer one, each once', () => {
    const cycles = importCycles([
      { from: 'a', to: 'b' }, { from: 'b', to: 'a' },
      { from: 'c', to: 'd' }, { from: 'd', to: 'e' }, { from: 'e', to: 'c' }, { from: 'e', to: 'f' },
    ]);
    expect(cycles).toEqual([['a', 'b'], ['c', 'd', 'e']]);
  });

  it('sees a cycle that runs through a .svelte component', () => {
    const edges = importEdges([
      { path: 'src/state.ts', text: "import type { P } from './Panel.svelte';" },
      { path: 'src/Panel.svelte', text: "<script module lang=\"ts\">\n  export type P = 1;\n</script>\n<script lang=\"ts\">\n  import { s } from './state';\n</script>" },
    ]);
    expect(importCycles(edges)).toEqual([['src/Panel.svelte', 'src/state.ts']]);
    expect(importCycles(edges.filter((e) => !e.typeOnly))).toEqual([]);
  });

  it('marks type-only imports: `import type`, all-type named imports, `export type … from`', () => {
    const edges = importEdges([
      { path: 'a.ts', text: "import type { X } from './t1';\nimport { type Y } from './t2';\nimport { type Z, w } from './v';\nexport type { Q } from './t3';" },
      { path: 't1.ts', text: '' }, { path: 't2.ts', text: '' }, { path: 't3.ts', text: '' }, { path: 'v.ts', text: '' },
    ]);
    expect(edges.map((e) => [e.to, e.typeOnly === true])).toEqual([['t1.ts', true], ['t2.ts', true], ['v.ts', false], ['t3.ts', true]]);
  });
});

describe('layerViolations', () => {
  it('names each import from inside the layer to outside it, and only those', () => {
    const edges = [
      { from: 'src/lib/domain/a.ts', to: 'src/lib/domain/b.ts' },
      { from: 'src/lib/domain/a.ts', to: 'src/lib/data/schema.ts' },
      { from: 'src/lib/data/load.ts', to: 'src/lib/domain/a.ts' },
      { from: 'src/lib/domainish/x.ts', to: 'src/lib/data/y.ts' },
    ];
    expect(layerViolations(edges, 'src/lib/domain')).toEqual([{ from: 'src/lib/domain/a.ts', to: 'src/lib/data/schema.ts' }]);
  });
});
