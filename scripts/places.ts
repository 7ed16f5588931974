// `npm run places -- <dataset-dir> [<more source dirs>] <name>`: a place's history in each source, one run a line
// (`<from> .. <to> <class>`), its changes as spans, and the claims about it set against each source.
// `npm run places -- <dataset-dir> [<more source dirs>] --count <date>`: places per class and measure on a date.
// The first folder's places file is the gazetteer (and its place claims the claims); every folder is a source.
// Same code paths as the app (place-history.ts, place-search.ts, place-claim-check.ts).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatIssue, readDatasetFolder } from './validate';
import { loadDataset } from '../src/lib/data/load-dataset';
import type { PlaceClaim } from '../src/lib/data/place-claims';
import { formatAssertion } from '../src/lib/data/place-claims';
import { buildSnapshotStore } from '../src/lib/domain/snapshot-store';
import { buildGazetteer, gazetteerSizeText, otherNames, placeName, toPlacePoints, toSearchable, type Gazetteer } from '../src/lib/domain/gazetteer';
import { heldByOf, placeChanges, placeHistories, type SourcePlaceHistory } from '../src/lib/domain/place-history';
import { createPlaceIndex, searchPlaces } from '../src/lib/domain/place-search';
import { checkPlaceClaim, placeClaimVerdictText } from '../src/lib/domain/place-claim-check';
import { runClassText, runLine } from '../src/lib/domain/place-export';
import { isIsoDate, snapshotIndexOn } from '../src/lib/domain/timeline';
import type { AreaGeometry, DatasetManifest } from '../src/lib/domain/types';

interface LoadedSource {
  dir: string;
  name: string;
  manifest: DatasetManifest;
  datesIso: string[];
  history: SourcePlaceHistory;
}

const USAGE = 'usage: npm run places -- <dataset-dir> [<more source dirs>] <place name> | --count <YYYY-MM-DD>';

export function main(args: readonly string[], out: (line: string) => void = (l) => console.log(l)): number {
  const dirs: string[] = [];
  let i = 0;
  for (; i < args.length && existsSync(args[i]!) && statSync(args[i]!).isDirectory(); i++) dirs.push(args[i]!);
  const rest = args.slice(i);
  if (dirs.length === 0 || rest.length === 0) {
    out(USAGE);
    return 2;
  }
  const countDate = rest[0] === '--count' ? rest[1] : undefined;
  if (rest[0] === '--count' && (countDate === undefined || !isIsoDate(countDate) || rest.length > 2)) {
    out(USAGE);
    return 2;
  }

  let gazetteer: Gazetteer | undefined;
  let placeClaims: PlaceClaim[] = [];
  const sources: LoadedSource[] = [];
  for (const dir of dirs) {
    const loaded = loadDataset(readDatasetFolder(dir).files);
    for (const issue of loaded.issues) if (issue.severity === 'error') out(formatIssue(issue));
    if (!loaded.ok) return 1;
    const ds = loaded.value;
    if (!gazetteer && ds.places) {
      gazetteer = buildGazetteer(ds.places, ds.placesCoverage ?? null);
      placeClaims = ds.placeClaims ?? [];
    }
    if (!gazetteer) {
      out(`${dir}: no places file (placesFile in dataset.json); the first folder must have the gazetteer`);
      return 1;
    }
    const store = buildSnapshotStore(ds.snapshots);
    const clip: Record<string, AreaGeometry> = Object.fromEntries(Object.entries(ds.clipRegions).map(([k, f]) => [k, f.geometry]));
    const history = placeHistories(store, toPlacePoints(gazetteer), ds.manifest.classes.map((c) => c.id), ds.manifest.measures, clip);
    sources.push({ dir, name: ds.manifest.shortName ?? ds.manifest.title, manifest: ds.manifest, datesIso: store.datesIso, history });
  }
  const g = gazetteer!;

  if (countDate !== undefined) {
    out(`Named places covered on ${countDate}, of the gazetteer's ${gazetteerSizeText(g)}: a lower bound where it lacks villages.`);
    if (g.coverage) out(`Gazetteer coverage: ${g.coverage}`);
    for (const s of sources) {
      const k = snapshotIndexOn(s.datesIso, countDate);
      if (k < 0) {
        out(`${s.name}: no snapshot on or before ${countDate}`);
        continue;
      }
      out(`${s.name} (snapshot ${s.datesIso[k]}):`);
      for (const c of s.manifest.classes) out(`  class ${c.id}: ${s.history.counts.byClass.get(c.id)![k]}`);
      for (const m of s.manifest.measures) out(`  ${m.label}: ${s.history.counts.byMeasure.get(m.id)![k]}`);
    }
    return 0;
  }

  const query = rest.join(' ');
  const hits = searchPlaces(createPlaceIndex(toSearchable(g)), query, 5);
  if (hits.length === 0) {
    out(`no place in the gazetteer matches "${query}"`);
    return 1;
  }
  const placeIdx = g.byId.get(hits[0]!.id)!;
  const place = g.places[placeIdx]!;
  const names = otherNames(place, 'en');
  out(`${placeName(place, 'en')}${names.length > 0 ? ` (${names.join(', ')})` : ''}, ${place.id}, ${place.lat.toFixed(5)} N ${place.lon.toFixed(5)} E${place.country ? `, in ${place.country}` : ''}`);
  if (hits.length > 1) out(`  other matches: ${hits.slice(1).map((h) => { const p = g.places[g.byId.get(h.id)!]!; return `${placeName(p, 'en')} (${p.id})`; }).join(', ')}`);
  for (const s of sources) {
    const runs = s.history.runsByPlace[placeIdx]!;
    out(`${s.name} (${s.dir}, ${s.datesIso.length} snapshots):`);
    for (const r of runs) out(`  ${runLine(r)}`);
    for (const c of placeChanges(runs)) out(`  change: after ${c.lastBeforeIso}, by ${c.firstAfterIso} (${c.spanDays} day${c.spanDays === 1 ? '' : 's'}): ${runClassText({ classes: c.fromClasses })} → ${runClassText({ classes: c.toClasses })}`);
  }
  const about = placeClaims.filter((c) => c.placeId === place.id);
  if (about.length > 0) out('Claims about it:');
  for (const c of about) {
    out(`  ${c.dateIso} ${c.claimant}: ${c.claim} [${formatAssertion(c.asserts)}]`);
    for (const s of sources) {
      const v = checkPlaceClaim(c, s.history.runsByPlace[placeIdx], s.datesIso, heldByOf(s.manifest.classes), place.country);
      out(`    ${s.name}: ${placeClaimVerdictText(v)}`);
    }
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
