// `npm run figures -- <dataset-dir> [--against <dataset-dir>] <date|from..to> ...`: the figures the app shows, on
// the command line, so a maintainer or a reporter can check or cite them without a browser. Same code paths as the
// app. With `--against`, each date also gives where the two sources disagree (the app's disagreement panel).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readDatasetFolder, formatIssue } from './validate';
import { printable } from './lib/printable';
import { loadAnyDataset } from '../src/lib/data/load-any';
import { snapshotAreaReport } from '../src/lib/domain/area';
import { diffSnapshots } from '../src/lib/domain/diff';
import { snapshotIndexOn } from '../src/lib/domain/timeline';
import { formatKm2, formatSignedKm2 } from '../src/lib/domain/format';
import type { AreaGeometry, Snapshot } from '../src/lib/domain/types';
import { agreementShare, alignSourcesForDiff, sharedMeasures, sourceName } from '../src/lib/domain/sources';

/** A dataset folder loaded for the figures: its manifest, clip regions and the snapshot in force on a date. */
async function openForFigures(dir: string, out: (line: string) => void) {
  const read = readDatasetFolder(dir);
  for (const i of read.issues) out(formatIssue(i));
  const loaded = await loadAnyDataset(read.files);
  if (!loaded.ok) {
    for (const i of loaded.issues) out(formatIssue(i));
    return null;
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
  return { manifest, clipRegions, inForce };
}

export async function main(args: readonly string[], print: (line: string) => void = (l) => console.log(l)): Promise<number> {
  // Labels and names come from data: escaped like every line the command-line tools print.
  const out = (line: string) => print(printable(line));
  const rest = [...args];
  const at = rest.indexOf('--against');
  const againstDir = at >= 0 ? rest.splice(at, 2)[1] : undefined;
  const [dir, ...queries] = rest;
  if (!dir || queries.length === 0 || (at >= 0 && !againstDir)) {
    out('usage: npm run figures -- <dataset-dir> [--against <dataset-dir>] <YYYY-MM-DD | YYYY-MM-DD..YYYY-MM-DD> ...');
    return 2;
  }
  const opened = await openForFigures(dir, out);
  const other = againstDir ? await openForFigures(againstDir, out) : undefined;
  if (!opened || other === null) return 1;
  const { manifest, clipRegions, inForce } = opened;
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
      if (other) {
        const b = other.inForce(q);
        const aligned = alignSourcesForDiff(s, b, sharedMeasures(manifest.measures, other.manifest.measures));
        const d = diffSnapshots(aligned.from, aligned.to, aligned.measures, clipRegions);
        const [nameA, nameB] = [sourceName(manifest), sourceName(other.manifest)];
        out(`  against ${nameB} (snapshot ${b.dateIso}): A = ${nameA}, B = ${nameB}`);
        for (const m of d.measures) {
          const iou = agreementShare(m.lostKm2, m.gainedKm2, m.unchangedKm2);
          out(`    ${label(m.measureId)}: only A ${formatKm2(m.lostKm2)}, only B ${formatKm2(m.gainedKm2)}, both ${formatKm2(m.unchangedKm2)}, agreement ${iou === null ? '–' : `${(iou * 100).toFixed(1)} %`} (A ${formatKm2(m.fromKm2)}, B ${formatKm2(m.toKm2)})`);
        }
        for (const i of d.issues) out(`    ${formatIssue(i)}`);
      }
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
