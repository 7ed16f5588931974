// Test support: a built-in dataset folder's clip regions, read as the manifest names them (Node only).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AreaGeometry, DatasetManifest } from '../lib/domain/types';

/** Every clip region of the dataset in `dir`, by id, as the manifest lists them. */
export function readClipRegions(dir: string): Record<string, AreaGeometry> {
  const manifest = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8')) as DatasetManifest;
  const regions: Record<string, AreaGeometry> = {};
  for (const [id, r] of Object.entries(manifest.clipRegions ?? {})) {
    const fc = JSON.parse(readFileSync(join(dir, r.file), 'utf8')) as { features: { geometry: AreaGeometry }[] };
    regions[id] = fc.features[0]!.geometry;
  }
  return regions;
}
