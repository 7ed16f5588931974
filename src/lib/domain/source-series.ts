// Several sources' area series on one chart: each source's measures under composite ids (`isw/held`), with the
// value in force on every date of the shared clock, so one line per source and measure can be drawn and read at
// any date. The figures are the sources' own: nothing is interpolated.
import type { AreaSeriesPoint } from './claim-compare';
import type { AreaMeasure } from './types';
import { snapshotIndexOn } from './timeline';
import { emptyRecord, own } from './own';

export interface SourceSeries {
  id: string;
  name: string;
  color: string;
  points: readonly AreaSeriesPoint[];
  /** The measures to chart, in order. */
  measures: readonly AreaMeasure[];
}

/** The composite measure id of a source's measure. */
export const sourceMeasureId = (sourceId: string, measureId: string): string => `${sourceId}/${measureId}`;

export interface CombinedSeries {
  points: AreaSeriesPoint[];
  measures: AreaMeasure[];
  /** Line colour per composite measure id: the source's colour. */
  colors: Map<string, string>;
}

/**
 * One series over the clock: at each date, each source's figure in force (its last snapshot on or before the date);
 * a source has no figure before its first snapshot or after its last (its coverage ends there).
 */
export function combineSourceSeries(sources: readonly SourceSeries[], clockDatesIso: readonly string[]): CombinedSeries {
  const measures: AreaMeasure[] = [];
  const colors = new Map<string, string>();
  for (const s of sources)
    for (const m of s.measures) {
      const id = sourceMeasureId(s.id, m.id);
      measures.push({ ...m, id, label: `${s.name}: ${m.label}` });
      colors.set(id, s.color);
    }
  const points = clockDatesIso.map((dateIso) => {
    const areaKm2ByMeasure = emptyRecord<number>();
    for (const s of sources) {
      const dates = s.points.map((p) => p.dateIso);
      const i = snapshotIndexOn(dates, dateIso);
      if (i < 0 || dateIso > dates[dates.length - 1]!) continue;
      for (const m of s.measures) {
        const v = own(s.points[i]!.areaKm2ByMeasure, m.id);
        if (v !== undefined) areaKm2ByMeasure[sourceMeasureId(s.id, m.id)] = v;
      }
    }
    return { dateIso, areaKm2ByMeasure };
  });
  return { points, measures, colors };
}
