// Where a dataset lies, roughly: the median of its features' first positions, robust to junk. The reference that
// exposes swapped coordinates (validate-snapshot.ts), for one file or a whole dataset (load-dataset.ts).
import { isRecord } from './issues';
import { readPosition } from './geometry-check/positions';
import { centre } from './geometry-check/swapped-axes';

/**
 * A rough centre of a parsed snapshot (median of its features' first positions), robust to junk.
 * Needs three features at least, so one odd feature cannot set the reference.
 */
export function medianCentre(features: unknown[]): [number, number] | undefined {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const f of features) {
    const c = roughFeatureCentre(f);
    if (c) {
      xs.push(c[0]);
      ys.push(c[1]);
    }
  }
  if (xs.length < 3) return undefined;
  return [median(xs), median(ys)];
}

/** Centre of a raw feature's first polygon, or undefined if it has no readable positions. */
export function roughFeatureCentre(f: unknown): [number, number] | undefined {
  if (!isRecord(f) || !isRecord(f.geometry)) return undefined;
  let rings: unknown = f.geometry.coordinates;
  if (f.geometry.type === 'MultiPolygon' && Array.isArray(rings)) rings = rings[0];
  if (!Array.isArray(rings) || !Array.isArray(rings[0])) return undefined;
  const pts = [];
  for (const p of rings[0] as unknown[]) {
    const r = readPosition(p, '');
    if (typeof r !== 'string' && Math.abs(r[0] ?? 999) <= 180 && Math.abs(r[1] ?? 999) <= 180) pts.push(r);
  }
  return pts.length === 0 ? undefined : centre([[pts]]);
}

/** Median of a non-empty list. */
export function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/**
 * Median of the features' rough centres over all snapshots of a dataset, sampled (a few features per file are
 * enough for a median, and keep this pass cheap on big datasets), or undefined with too little data.
 */
export function datasetCentre(jsons: readonly unknown[]): [number, number] | undefined {
  const sample: unknown[] = [];
  for (const j of jsons) if (isRecord(j) && Array.isArray(j.features)) for (const f of j.features.slice(0, 20)) sample.push(f);
  return medianCentre(sample);
}
