// Compare by the store's runs against the whole-snapshot overlay on the whole front (geodata/front): the same
// figures for every measure, on neighbouring weeks and on pairs years apart.
import { describe, expect, it } from 'vitest';
import { readDatasetFolder } from '../../../scripts/lib/read-folder';
import { loadDataset } from '../data/load-dataset';
import { trustedValidity } from '../data/validity-record';
import { diffSnapshots } from './diff';
import type { AreaGeometry, Snapshot } from './types';

const FRONT = new URL('../../../geodata/front', import.meta.url).pathname;
const PAIRS: [string, string][] = [
  ['2022-04-03', '2022-04-10'], ['2023-12-24', '2023-12-31'], ['2024-11-10', '2024-11-17'],
  ['2023-12-31', '2024-12-29'], ['2022-04-03', '2025-08-03'],
];
const FIGURES = ['fromKm2', 'toKm2', 'gainedKm2', 'lostKm2', 'unchangedKm2', 'netKm2'] as const;

describe('compare by runs on the whole front', () => {
  it('gives the figures of the whole-snapshot overlay for every measure (within 0.001 km²), the same issues, and the same ground', async () => {
    const files = readDatasetFolder(FRONT).files;
    const r = loadDataset(files, { trustedValidity: (await trustedValidity(files)).trusted });
    if (!r.ok) throw new Error('the front did not load');
    const { manifest } = r.value;
    const clip: Record<string, AreaGeometry> = Object.fromEntries(Object.entries(r.value.clipRegions).map(([k, f]) => [k, f.geometry]));
    const at = new Map<string, Snapshot>(r.value.snapshots.map((s) => [s.dateIso, s]));
    for (const [a, b] of PAIRS) {
      const whole = diffSnapshots(at.get(a)!, at.get(b)!, manifest.measures, clip, { method: 'whole' });
      // Twice: the second finds every group's clipped union in the memo, and must still say the same.
      for (const pass of [1, 2]) {
        const runs = diffSnapshots(at.get(a)!, at.get(b)!, manifest.measures, clip);
        expect(runs.measures.map((m) => m.measureId)).toEqual(manifest.measures.map((m) => m.id));
        runs.measures.forEach((m, i) => {
          for (const k of FIGURES) expect(Math.abs(m[k] - whole.measures[i]![k]), `${a} → ${b} ${m.measureId} ${k} (pass ${pass})`).toBeLessThan(1e-3);
        });
        expect(runs.issues).toEqual(whole.issues);
        // The polygons drawn: per measure and change, the same total area.
        const total = (d: typeof runs, change: string, measure: string) => d.features.features.filter((f) => f.properties.change === change && f.properties.measure === measure).reduce((t, f) => t + f.properties.areaKm2, 0);
        for (const m of manifest.measures)
          for (const change of ['gained', 'lost', 'unchanged']) expect(Math.abs(total(runs, change, m.id) - total(whole, change, m.id)), `${a} → ${b} ${m.id} ${change}`).toBeLessThan(1e-3);
      }
    }
  }, 600_000);
});
