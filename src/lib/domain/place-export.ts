// A place's control history as text: the command line's `<from> .. <to> <class>` lines and the CSV download.
import { csvField } from './export';
import type { ControlRun } from './place-history';

/** One source's history of the place, with what is needed to word and credit it. */
export interface SourceHistory {
  /** Short name (`DeepState`). */
  name: string;
  /** Credit lines of the source's data (the manifest's `sources[].attribution`). */
  attribution: string[];
  runs: readonly ControlRun[];
  /** Label per class id; an id without one is written as it is. */
  classLabels: ReadonlyMap<string, string>;
  /** Whose control each run shows (`UA`, `RU`, `contested`, or null), in the order of `runs`. */
  readings: readonly (string | null)[];
}

/** Classes of a run in words: "ukraine_held_in_russia", or "none" when no polygon covers the place. */
export function runClassText(run: Pick<ControlRun, 'classes'>): string {
  return run.classes.length === 0 ? 'none' : run.classes.join('+');
}

/** `2024-08-14 .. 2025-03-11 ukraine_held_in_russia`: the command line's line per run. */
export function runLine(run: ControlRun): string {
  return `${run.fromIso} .. ${run.toIso} ${runClassText(run)}`;
}

export const HISTORY_CSV_COLUMNS = [
  'place_id', 'place_name', 'source', 'from_snapshot', 'to_snapshot', 'next_snapshot', 'classes', 'class_labels', 'held_by',
  'attribution', 'gazetteer_credit',
] as const;

/**
 * The history as CSV (RFC 4180, CRLF, header row): one row per run per source. `from_snapshot`/`to_snapshot` are
 * the first and last snapshot showing the run; `next_snapshot` the first showing something else (blank at the
 * end): the change happened between `to_snapshot` and `next_snapshot`. Every row carries its credits.
 */
export function historyToCsv(place: { id: string; name: string }, sources: readonly SourceHistory[], gazetteerCredit: string): string {
  const rows: string[] = [];
  for (const s of sources) {
    s.runs.forEach((r, i) => {
      const labels = r.classes.map((c) => s.classLabels.get(c) ?? c).join(' + ');
      rows.push(
        [place.id, place.name, s.name, r.fromIso, r.toIso, r.untilIso ?? '', runClassText(r), labels || 'no polygon', s.readings[i] ?? '', s.attribution.join('; '), gazetteerCredit]
          .map(csvField)
          .join(','),
      );
    });
  }
  return [HISTORY_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/** Download name: `kursk-2024_place_geonames-486816_history.csv` (id characters outside [a-z0-9-] become "-"). */
export function historyFileName(datasetId: string, placeId: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'place';
  return `${safe(datasetId)}_place_${safe(placeId)}_history.csv`;
}
