// The area-series CSV the app exports holds, for every snapshot and every measure, the figure `npm run figures`
// prints for that date: same code path, checked end to end on the shipped Kursk dataset.
import { describe, expect, it } from 'vitest';
import { main } from './figures';
import { readDatasetFolder } from './validate';
import { loadDataset } from '../src/lib/data/load-dataset';
import { buildSnapshotStore } from '../src/lib/domain/snapshot-store';
import { areaSeriesFromStore } from '../src/lib/domain/area-series';
import { areaSeriesToCsv } from '../src/lib/domain/export';
import { formatKm2 } from '../src/lib/domain/format';
import { testContext } from '../src/lib/domain/fixtures/export-context';

describe('area series CSV against the figures CLI', () => {
  it('has every snapshot and every measure, each figure as the CLI prints it', async () => {
    const loaded = loadDataset(readDatasetFolder('geodata/kursk').files);
    if (!loaded.ok) throw new Error(loaded.issues[0]?.reason);
    const { manifest, snapshots } = loaded.value;
    const clip = Object.fromEntries(Object.entries(loaded.value.clipRegions).map(([k, f]) => [k, f.geometry]));
    const series = areaSeriesFromStore(buildSnapshotStore(snapshots), manifest.measures, clip);
    const csv = areaSeriesToCsv([{ datasetId: manifest.id, points: series.points, measures: manifest.measures }], testContext({ kind: 'date', dateIso: '2024-12-15' }));
    const [header, ...rows] = csv.split('\r\n').filter((l) => l !== '' && !l.startsWith('#'));
    expect(header).toBe(`dataset,snapshot_date,${manifest.measures.map((m) => `${m.id}_km2`).join(',')}`);
    expect(rows.map((r) => r.split(',')[1])).toEqual(snapshots.map((s) => s.dateIso));

    const lines: string[] = [];
    expect(await main(['geodata/kursk', ...snapshots.map((s) => s.dateIso)], (l) => lines.push(l))).toBe(0);
    let compared = 0;
    for (const row of rows) {
      const [, dateIso, ...cells] = row.split(',');
      const at = lines.indexOf(`${dateIso} (snapshot ${dateIso}):`);
      expect(at, dateIso).toBeGreaterThanOrEqual(0);
      manifest.measures.forEach((m, k) => {
        expect(lines[at + 1 + k], `${dateIso} ${m.id}`).toBe(`  ${m.label}: ${formatKm2(Number(cells[k]))}`);
        compared++;
      });
    }
    expect(compared).toBe(snapshots.length * manifest.measures.length);
  });
});
