// `npm run figures -- <dataset-dir> <date|from..to> ...`: the figures the app shows, on the command line, so a
// maintainer or a reporter can check or cite them without a browser. Same code paths as the app.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDatasetFolder, formatIssue } from './validate';
import { escapeForTerminal } from './lib/terminal';
import { loadDataset } from '../src/lib/data/load-dataset';
import { snapshotAreaReport } from '../src/lib/domain/area';
import { diffSnapshots } from '../src/lib/domain/diff';
import { snapshotIndexOn } from '../src/lib/domain/timeline';
import { formatKm2, formatSignedKm2 } from '../src/lib/domain/format';
import type { AreaGeometry, Snapshot } from '../src/lib/domain/types';

export function main(args: readonly string[], print: (line: string) => void = (l) => console.log(l)): number {
  // Labels and names come from data: escaped like every line the command-line tools print.
  const out = (line: string) => print(escapeForTerminal(line));
  const [dir, ...queries] = args;
  if (!dir || queries.length === 0) {
    out('usage: npm run figures -- <dataset-dir> <YYYY-MM-DD | YYYY-MM-DD..YYYY-MM-DD> ...');
    return 2;
  }
  const read = readDatasetFolder(dir);
  for (const i of read.issues) out(formatIssue(i));
  const loaded = loadDataset(read.files);
  if (!loaded.ok) {
    for (const i of loaded.issues) out(formatIssue(i));
    return 1;
  }
  const { manifest, snapshots } = loaded.value;
  const clipRegions: Record<string, AreaGeometry> = Object.fromEntries(
    Object.entries(loaded.value.clipRegions).map(([k, f]) => [k, f.geometry]),
  );
  const dates = snapshots.map((s) => s.dateIso);
  const inForce = (dateIso: string): Snapshot => {
    const i = snapshotIndexOn(dates, dateIso);
    return i < 0 ? { dateIso, file: '(none)', features: [] } : snapshots[i]!;
  };
  const label = (id: string) => manifest.measures.find((m) => m.id === id)?.label ?? id;
  for (const q of queries) {
    const [from, to] = q.split('..');
    if (from && to) {
      const a = inForce(from);
      const b = inForce(to);
      const d = diffSnapshots(a, b, manifest.measures, clipRegions);
      out(`${from} → ${to} (snapshots ${a.dateIso} → ${b.dateIso}):`);
      for (const m of d.measures) {
        out(`  ${label(m.measureId)}: gained ${formatKm2(m.gainedKm2)}, lost ${formatKm2(m.lostKm2)}, net ${formatSignedKm2(m.netKm2)} (${formatKm2(m.fromKm2)} → ${formatKm2(m.toKm2)}; identity residual ${m.identityErrorKm2.toExponential(1)} km²)`);
      }
      for (const i of d.issues) out(`  ${formatIssue(i)}`);
    } else {
      const s = inForce(q);
      const r = snapshotAreaReport(s.file, s.features, manifest.measures, manifest.classes.map((c) => c.id), clipRegions);
      out(`${q} (snapshot ${s.dateIso}):`);
      for (const m of r.measures) out(`  ${m.label}: ${formatKm2(m.areaKm2)}`);
      for (const c of r.classes) out(`  class ${c.id} (unclipped): ${formatKm2(c.areaKm2)}`);
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
