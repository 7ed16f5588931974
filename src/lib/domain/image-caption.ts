// What the downloaded picture says beside the map: title, dates and snapshots, legend, figures, method, credits,
// permalink. Pure text; share/compose-image.ts draws it.
import type { AreaReport } from './area';
import type { SnapshotDiff } from './diff';
import { creditLines, type ExportContext } from './export';
import { formatDateLong, formatKm2, formatSignedKm2 } from './format';
import { daysBetween } from './timeline';

/** One row of the legend: a filled swatch, an outline (a source drawn as outlines), or a heading (a source's name). */
export interface LegendKey {
  label: string;
  color?: string;
  kind?: 'swatch' | 'outline' | 'head';
}

/** One figure as the screen shows it: `Held by Ukraine, in Russia` → `420.1 km²`. */
export interface FigureLine {
  label: string;
  value: string;
}

export interface ImageCaption {
  title: string;
  /** The dates and the snapshot in force, per source. */
  dates: string[];
  figures: FigureLine[];
  method: string;
  credits: string[];
  permalink: string;
  madeWith: string;
}

/** The figures of the one-date view: each measure's area (a measure that failed reads "–"). */
export function dateFigures(report: AreaReport): FigureLine[] {
  return report.measures.map((m) => ({ label: m.label, value: formatKm2(m.areaKm2) }));
}

/** The figures of a comparison: gained, lost and net per measure. */
export function compareFigures(diff: SnapshotDiff, measureLabels: ReadonlyMap<string, string>): FigureLine[] {
  return diff.measures.map((m) => ({
    label: measureLabels.get(m.measureId) ?? m.measureId,
    value: `gained ${formatKm2(m.gainedKm2)}, lost ${formatKm2(m.lostKm2)}, net ${formatSignedKm2(m.netKm2)}`,
  }));
}

function ageText(askedIso: string, snapshotIso: string): string {
  const days = daysBetween(snapshotIso, askedIso);
  return days === 0 ? 'published that day' : `${days} day${days === 1 ? '' : 's'} before`;
}

/**
 * The lines of text the picture carries. `method` is the view's method sentence (areas, and the overlay for
 * compare); `mapNote` says what the map draws when the figures cover more (the overlay shows one measure).
 */
export function imageCaption(ctx: ExportContext, figures: readonly FigureLine[], method: string, mapNote?: string): ImageCaption {
  const v = ctx.view;
  const head = v.kind === 'date'
    ? formatDateLong(v.dateIso)
    : `${formatDateLong(v.fromIso)} → ${formatDateLong(v.toIso)}${v.layout === 'overlay' ? '' : v.layout === 'side' ? ' (side by side: from left, to right)' : ' (swipe: from left of the line, to right)'}`;
  const dates = [
    head,
    ...ctx.layers.map((l) => `Snapshot in force, ${l.source.name}: ${l.snapshots
      .map((s) => (s.snapshotIso ? `${formatDateLong(s.snapshotIso)} (${ageText(s.askedIso, s.snapshotIso)})` : 'none yet'))
      .join(' → ')}`),
    ...(mapNote ? [mapNote] : []),
  ];
  return {
    title: ctx.dataset.title,
    dates,
    figures: [...figures],
    method,
    credits: creditLines(ctx),
    permalink: ctx.permalink,
    madeWith: `${ctx.app.name} ${ctx.app.version} · accessed ${formatDateLong(ctx.accessedIso)}`,
  };
}
