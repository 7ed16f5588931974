// `npm run claims -- <claims.csv> <dataset-dir>...`: a user's claims (a spreadsheet saved as CSV) checked against
// the area series of one or more datasets, one line per claim and measure. Same reader, loader, series and
// verdict rule as the app (claims-csv.ts, load-dataset.ts, area-series.ts, claim-verdicts.ts).
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatIssue, readDatasetFolder } from './validate';
import { printable } from './lib/printable';
import { parseClaimsCsv } from '../src/lib/data/claims-csv';
import { DEFAULT_MAX_BYTES } from '../src/lib/data/decode';
import { formatBytes } from '../src/lib/domain/limits';
import { loadDataset } from '../src/lib/data/load-dataset';
import { areaSeriesFromStore, claimMeasures } from '../src/lib/domain/area-series';
import { claimVerdictsAcrossSources, verdictMeasures, VERDICT_WORDS, type SourceAreaSeries } from '../src/lib/domain/claim-verdicts';
import { claimSpan } from '../src/lib/domain/claim-in-force';
import { claimValueText } from '../src/lib/domain/claim-text';
import { formatKm2 } from '../src/lib/domain/format';
import { buildSnapshotStore } from '../src/lib/domain/snapshot-store';
import { sourceName } from '../src/lib/domain/sources';
import type { AreaGeometry } from '../src/lib/domain/types';

const USAGE = 'usage: npm run claims -- [--summary] <claims.csv> <dataset-dir>...';

/**
 * Reads one dataset folder and computes its series of the measures claims are compared with; null if unusable.
 * Its lines name it by its folder (`kursk-isw`), its summary by its short name (`ISW/CTP`).
 */
function sourceOf(dir: string, out: (line: string) => void): SourceAreaSeries | null {
  const name = basename(resolve(dir));
  let read;
  try {
    read = readDatasetFolder(dir);
  } catch (err) {
    out(printable(`${dir}: could not be read: ${(err as Error).message}`));
    return null;
  }
  // Entries refused while reading the folder (links out of it, pipes, oversized files) are named like the rest.
  for (const i of read.issues) if (i.severity === 'error') out(printable(`${dir}/${formatIssue(i)}`));
  const loaded = loadDataset(read.files, { name, places: false });
  // The dataset's own problems, named within it; warnings (a ledger claim outside the snapshots…) are not this run's.
  const errors = loaded.issues.filter((i) => i.severity === 'error');
  for (const i of errors) out(printable(`${dir}/${formatIssue(i)}`));
  if (!loaded.ok) return null;
  const { manifest, snapshots } = loaded.value;
  const clipRegions: Record<string, AreaGeometry> = Object.fromEntries(Object.entries(loaded.value.clipRegions).map(([k, f]) => [k, f.geometry]));
  // The measures shared across sources (held, held + grey; in Russia, in Kursk Oblast), else what the app charts.
  const shared = verdictMeasures(manifest.measures);
  const measures = shared.length > 0 ? shared : claimMeasures(manifest.measures);
  const series = areaSeriesFromStore(buildSnapshotStore(snapshots), measures, clipRegions);
  for (const i of series.issues) out(printable(`${dir}/${formatIssue(i)}`));
  return { id: name, label: sourceName(manifest), measures, points: series.points };
}

/**
 * Runs the check; writes lines through `out`. Returns 0 when some claim was checked against some dataset (bad rows
 * are reported, not fatal), 1 when nothing usable was left (no good row, no loadable dataset), 2 on bad usage.
 * With `--summary`, one line per claim (every dataset's verdicts) instead of one per claim and measure.
 */
export function main(args: readonly string[], out: (line: string) => void = (l) => console.log(l)): number {
  const summary = args.includes('--summary');
  const [csvPath, ...dirs] = args.filter((a) => a !== '--summary');
  if (!csvPath || dirs.length === 0) {
    out(USAGE);
    return 2;
  }
  const csvName = basename(csvPath);
  let text: string;
  try {
    const size = statSync(csvPath).size;
    if (size > DEFAULT_MAX_BYTES) {
      out(printable(`${csvName}: file is ${formatBytes(size)}, over the ${formatBytes(DEFAULT_MAX_BYTES)} limit; not read`));
      return 1;
    }
    text = readFileSync(csvPath, 'utf8');
  } catch (err) {
    out(printable(`${csvName}: could not be read: ${(err as Error).message}`));
    return 1;
  }
  const parsed = parseClaimsCsv(csvName, text);
  for (const i of parsed.issues) out(printable(formatIssue(i)));
  if (!parsed.ok) return 1;

  const sources = dirs.map((d) => sourceOf(d, out)).filter((s): s is SourceAreaSeries => s !== null);
  if (sources.length === 0) return 1;

  const verdicts = claimVerdictsAcrossSources(parsed.value, sources);
  parsed.value.forEach((claim, i) => {
    const v = verdicts[i]!;
    if (summary) {
      out(printable(v.summary));
      return;
    }
    const { startIso, endIso } = claimSpan(claim);
    const head = `${startIso === endIso ? startIso : `${startIso}..${endIso}`} | ${claim.claimant.name} | ${claimValueText(claim)}`;
    for (const s of v.bySource) {
      for (const m of s.byMeasure) out(printable(`${head} | ${s.sourceId}:${m.measure} ${formatKm2(m.computedKm2)} ${VERDICT_WORDS[m.verdict]}`));
    }
  });
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
