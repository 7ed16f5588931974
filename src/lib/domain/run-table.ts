// The run table of a data build (scripts/lib/data-build.ts): per uid, its class and the first and last snapshot
// index it is in force for. Enough to switch dates on a map whose geometry lives in vector tiles.
import type { SnapshotStore } from './snapshot-store';

/** One entry per uid (uid = position): class (index into the class ids), first and last snapshot index, inclusive. */
export interface RunTable {
  classIndex: readonly number[];
  first: readonly number[];
  last: readonly number[];
}

/**
 * Every snapshot's uid list (ascending) from the run table, in one pass: O(uids + total run length), e.g.
 * 130,301 entries for the 1,400-day synthetic archive. Snapshot `i` shows exactly the uids with
 * `first <= i <= last`. Runs outside `0 … snapshots-1` are cut to that range.
 */
export function uidsBySnapshotFromRuns(runs: RunTable, snapshots: number): number[][] {
  const out: number[][] = Array.from({ length: snapshots }, () => []);
  for (let uid = 0; uid < runs.first.length; uid++) {
    const from = Math.max(0, runs.first[uid]!);
    const to = Math.min(snapshots - 1, runs.last[uid]!);
    for (let i = from; i <= to; i++) out[i]!.push(uid);
  }
  return out;
}

/**
 * A store without geometry, for a tiled dataset: dates, files and per-snapshot uid lists (derived from the run
 * table on first use, then kept). `features` is empty: the polygons are in the tiles. What reads only dates
 * and `uidsBySnapshot` (the slider, `switchSet`) works on it; what needs polygons must not be given it.
 */
export function runTableStore(datesIso: string[], files: string[], runs: RunTable, stats: SnapshotStore['stats']): SnapshotStore {
  let lists: number[][] | undefined;
  return {
    datesIso,
    files,
    features: [],
    get uidsBySnapshot(): number[][] {
      lists ??= uidsBySnapshotFromRuns(runs, datesIso.length);
      return lists;
    },
    stats,
  };
}
