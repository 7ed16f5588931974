// Several mappers on one clock: the shared date axis, each source's snapshot in force, the measures two sources
// share, dated labels, and the relabelling that lets the date-to-date overlay compare two sources on one date.
import type { LoadedDataset } from './dataset';
import { daysBetween, snapshotIndexOn } from './timeline';
import type { AreaMeasure, ControlFeature, DatasetManifest, LabelPeriod, Snapshot, Translations } from './types';
import type { UiLocale } from './format';
import { localized } from './localized';

/** The dates of every source together, sorted, each once: the stops of the shared slider. */
export function clockDates(datesBySource: readonly (readonly string[])[]): string[] {
  const all = new Set<string>();
  for (const dates of datesBySource) for (const d of dates) all.add(d);
  return [...all].sort();
}

/** Which snapshot of a source is in force on a date, and how old it is then. */
export interface InForce {
  /** Index into the source's dates; -1 before its first snapshot. */
  index: number;
  /** The snapshot's date, or null before the first. */
  snapshotDateIso: string | null;
  /** Days from the snapshot's date to the asked date (0: published that day); null before the first. */
  ageDays: number | null;
  /**
   * The last day after the snapshot, on or before the asked date, on which the source published the area without a
   * change (the manifest's `publishedUnchanged`): the snapshot was still its word then. Null when there is none.
   */
  confirmedIso: string | null;
}

/**
 * The snapshot in force on `dateIso` among `datesIso` (sorted), and the last day `unchangedIso` (sorted) says the
 * source confirmed it: "unchanged since 19 January 2025, confirmed 4 February 2025", not "16 days old".
 */
export function inForceOn(datesIso: readonly string[], dateIso: string, unchangedIso: readonly string[] = []): InForce {
  const index = snapshotIndexOn(datesIso, dateIso);
  const snapshotDateIso = index >= 0 ? datesIso[index]! : null;
  const k = snapshotDateIso ? snapshotIndexOn(unchangedIso, dateIso) : -1;
  const confirmedIso = k >= 0 && unchangedIso[k]! > snapshotDateIso! ? unchangedIso[k]! : null;
  return { index, snapshotDateIso, ageDays: snapshotDateIso ? daysBetween(snapshotDateIso, dateIso) : null, confirmedIso };
}

/** A source's name where several are shown: its short name, else its title. */
export function sourceName(manifest: Pick<DatasetManifest, 'shortName' | 'title'>): string {
  return manifest.shortName ?? manifest.title;
}

/** Fallback colours of sources without their own (`color` in the manifest), by position. */
const SOURCE_PALETTE = ['#0277bd', '#e65100', '#6a1b9a', '#2e7d32', '#ad1457'];

export function sourceColor(manifest: Pick<DatasetManifest, 'color'>, position: number): string {
  return manifest.color ?? SOURCE_PALETTE[position % SOURCE_PALETTE.length]!;
}

/** The label of a class or measure on a date, with the note that explains a dated label. */
export function labelOn(
  item: { label: string; labelPeriods?: readonly LabelPeriod[]; translations?: Translations<'label'> },
  dateIso: string,
  locale: UiLocale = 'en',
): { label: string; note?: string } {
  const p = item.labelPeriods?.find((q) => (q.fromIso === undefined || q.fromIso <= dateIso) && (q.untilIso === undefined || dateIso <= q.untilIso));
  if (!p) return { label: localized(item, 'label', locale) ?? item.label };
  const label = localized(p, 'label', locale) ?? p.label;
  const note = localized(p, 'note', locale);
  return note === undefined ? { label } : { label, note };
}

/** A measure two sources both define: the same id, clipped to a region of the same id (or neither clipped). */
export interface SharedMeasure {
  id: string;
  a: AreaMeasure;
  b: AreaMeasure;
}

export function sharedMeasures(a: readonly AreaMeasure[], b: readonly AreaMeasure[]): SharedMeasure[] {
  const out: SharedMeasure[] = [];
  for (const ma of a) {
    const mb = b.find((m) => m.id === ma.id);
    if (mb && mb.clipTo === ma.clipTo) out.push({ id: ma.id, a: ma, b: mb });
  }
  return out;
}

/**
 * Two sources' snapshots on one date, relabelled so that the date-to-date overlay (diffSnapshots) compares them:
 * for each shared measure, every feature of A in A's classes for it, and of B in B's, gets the class
 * `measure:<id>`, and the measure becomes `{ classes: ['measure:<id>'] }`. "Lost" then reads *only in A*,
 * "gained" *only in B*, "unchanged" *in both*. A feature in several measures is repeated, once per measure.
 */
export function alignSourcesForDiff(
  a: Snapshot,
  b: Snapshot,
  shared: readonly SharedMeasure[],
): { from: Snapshot; to: Snapshot; measures: AreaMeasure[] } {
  const relabel = (s: Snapshot, pick: (m: SharedMeasure) => AreaMeasure): Snapshot => {
    const features: ControlFeature[] = [];
    for (const m of shared) {
      const classes = new Set(pick(m).classes);
      for (const f of s.features)
        if (classes.has(f.properties.class)) features.push({ ...f, properties: { ...f.properties, class: measureClass(m.id) } });
    }
    return { ...s, features };
  };
  return {
    from: relabel(a, (m) => m.a),
    to: relabel(b, (m) => m.b),
    measures: shared.map((m) => ({
      id: m.id,
      label: m.a.label,
      classes: [measureClass(m.id)],
      ...(m.a.clipTo === undefined ? {} : { clipTo: m.a.clipTo }),
    })),
  };
}

const measureClass = (id: string) => `measure:${id}`;

/** Intersection over union, 0…1; null when both are empty. */
export function agreementShare(onlyAKm2: number, onlyBKm2: number, bothKm2: number): number | null {
  const union = onlyAKm2 + onlyBKm2 + bothKm2;
  return union > 0 ? bothKm2 / union : null;
}

/** The datasets' dates, for the clock. */
export function datesOf(datasets: readonly LoadedDataset[]): string[][] {
  return datasets.map((d) => d.store.datesIso);
}
