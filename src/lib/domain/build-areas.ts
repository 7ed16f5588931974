// Area figures of a tiled dataset, read from the data build's index (areasKm2 per class per snapshot) instead of
// being computed from polygons: the build already took the union per class (scripts/lib/class-areas.ts).
import { emptyRecord, own } from './own';
import type { AreaReport } from './area';
import type { AreaSeriesPoint } from './claim-compare';
import type { AreaMeasure } from './types';

/** km² per class id per snapshot index, as the build wrote them (null: that union failed; see the build's issues). */
export type BuildAreasKm2 = Readonly<Record<string, readonly (number | null)[]>>;

/**
 * True when a measure's figure can be read from per-class areas: one class, not clipped. A measure that unions
 * several classes (overlaps count once) or clips to a region needs the polygons, which a tiled build does not
 * hand to the app.
 */
export function measureFromClassAreas(measure: AreaMeasure): string | undefined {
  return measure.classes.length === 1 && measure.clipTo === undefined ? measure.classes[0] : undefined;
}

/** The measures a tiled build cannot answer (see `measureFromClassAreas`). */
export function measuresNeedingPolygons(measures: readonly AreaMeasure[]): AreaMeasure[] {
  return measures.filter((m) => measureFromClassAreas(m) === undefined);
}

const figure = (areas: BuildAreasKm2, classId: string, index: number): number | undefined => {
  const v = own(areas, classId)?.[index];
  return typeof v === 'number' ? v : undefined;
};

/**
 * The area report of snapshot `index` from the build's figures: a row per class, and a row per measure that is
 * one unclipped class. Measures needing polygons are left out (the UI says so); a failed union is an en dash.
 */
export function areaReportFromBuild(areas: BuildAreasKm2, measures: readonly AreaMeasure[], classIds: readonly string[], index: number): AreaReport {
  const rows: AreaReport['measures'] = [];
  for (const m of measures) {
    const cls = measureFromClassAreas(m);
    if (cls !== undefined) rows.push({ id: m.id, label: m.label, areaKm2: figure(areas, cls, index) });
  }
  // AreaReport.classes holds numbers; a missing figure becomes NaN, which formatKm2 shows as "–", never 0.
  return { measures: rows, classes: classIds.map((id) => ({ id, areaKm2: figure(areas, id, index) ?? Number.NaN })), issues: [] };
}

/** Each answerable measure's km² for every snapshot (for the claims chart), from the build's figures. */
export function areaSeriesFromBuild(areas: BuildAreasKm2, measures: readonly AreaMeasure[], datesIso: readonly string[]): AreaSeriesPoint[] {
  const answerable = measures.map((m) => [m.id, measureFromClassAreas(m)] as const).filter((p): p is readonly [string, string] => p[1] !== undefined);
  return datesIso.map((dateIso, i) => {
    const areaKm2ByMeasure = emptyRecord<number>();
    for (const [id, cls] of answerable) {
      const v = figure(areas, cls, i);
      if (v !== undefined) areaKm2ByMeasure[id] = v;
    }
    return { dateIso, areaKm2ByMeasure };
  });
}
