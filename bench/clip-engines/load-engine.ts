// The overlay engines bench/diff.bench.ts ranks: the shipped one and its rivals, each loaded by id. The rivals live
// here, not in src/, so the app's build carries no engine it never loads (GEOS alone is 2.5 MB of JS + wasm).
import { shippedEngine, type ClipEngine } from '../../src/lib/domain/clip-engine';

export type BenchEngineId = 'clipper2' | 'polygon-clipping' | 'turf' | 'geos';

export const ENGINE_IDS: readonly BenchEngineId[] = ['clipper2', 'polygon-clipping', 'turf', 'geos'];

/**
 * Load an engine by id. `geos` needs an async WebAssembly start-up and is bounded by `timeoutMs` because, under a
 * CSP without `'wasm-unsafe-eval'`, its initialisation hangs silently instead of failing (seen in Chromium,
 * December 2026).
 */
export async function loadEngine(id: BenchEngineId, timeoutMs = 10_000): Promise<ClipEngine> {
  switch (id) {
    case 'clipper2':
      return shippedEngine;
    case 'polygon-clipping':
      return (await import('./polygon-clipping')).polygonClippingEngine;
    case 'turf':
      return (await import('./turf')).turfEngine;
    case 'geos': {
      const { createGeosEngine } = await import('./geos');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`geos engine did not initialise within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return await Promise.race([createGeosEngine(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    }
    default:
      throw new Error(`unknown clip engine "${String(id)}"; expected one of ${ENGINE_IDS.join(', ')}`);
  }
}
