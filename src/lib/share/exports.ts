// Each download of the share dialog, built from the app's state: the picture, the snapshots, the figures, the area
// series, the comparison. Formats, names and credits come from domain/export.ts.
import type { AppState } from '../state/app-state.svelte';
import {
  areaReportToCsv, areaSeriesToCsv, diffToCsv, diffToGeoJson, exportFileName, pngTextFields, snapshotsToGeoJson, viewDatesIso,
  type ExportContext, type ExportKind, type SourceSeries,
} from '../domain/export';
import { compareFigures, dateFigures, imageCaption, type FigureLine, type LegendKey } from '../domain/image-caption';
import { CHANGE_COLORS } from '../domain/change-colors';
import { areaSeriesFromBuild } from '../domain/build-areas';
import { labelOn } from '../domain/sources';
import { requestAreaSeries } from '../data/areas-client';
import { sourcesInView } from '../state/export-context';
import { canvasToPng, composeImage } from './compose-image';
import { addPngText } from '../domain/png-text';
import { t } from '../i18n/i18n.svelte';

/** A file ready to save. */
export interface ExportFile {
  name: string;
  type: string;
  data: string | Blob;
}

const name = (ctx: ExportContext, kind: ExportKind, ext: string) => exportFileName(ctx.dataset.id, ctx.view, kind, ext);
const measureLabels = (app: AppState) => new Map((app.dataset?.manifest.measures ?? []).map((m) => [m.id, m.label]));

/** The legend as on screen (Legend.svelte): change colours, a key per source, the disagreement, or the classes. */
export function legendKeys(app: AppState): LegendKey[] {
  const several = !app.compare && app.onDate.length > 1;
  if (app.compare && app.compareView === 'overlay') {
    return [
      { color: CHANGE_COLORS.gained, label: 'Gained' },
      { color: CHANGE_COLORS.lost, label: 'Lost' },
      { color: CHANGE_COLORS.unchanged, label: 'Held on both dates' },
    ];
  }
  if (several && app.compareView !== 'overlay') {
    return app.onDate.flatMap((s) => [
      { kind: 'head' as const, label: s.name },
      ...s.source.dataset.manifest.classes.map((c) => ({ color: c.color, label: labelOn(c, s.inForce.snapshotDateIso ?? app.dateIso).label })),
    ]);
  }
  if (several && app.showDisagreement && app.disagreement) {
    return [
      { color: CHANGE_COLORS.lost, label: `Only ${app.onDate[0]?.name ?? ''}` },
      { color: CHANGE_COLORS.gained, label: `Only ${app.onDate.find((s) => s.source === app.disagreeWith)?.name ?? ''}` },
      { color: CHANGE_COLORS.unchanged, label: 'Both' },
    ];
  }
  const date = app.snapshotDateIso ?? app.dateIso;
  return [
    ...(several ? [{ kind: 'head' as const, label: `${app.onDate[0]?.name ?? ''} (filled)` }] : []),
    ...(app.dataset?.manifest.classes ?? []).map((c) => ({ color: c.color, label: labelOn(c, date).label })),
    ...(several ? app.onDate.slice(1).map((s) => ({ kind: 'outline' as const, color: s.color, label: `${s.name} (outline)` })) : []),
  ];
}

/** Why the figures on screen cannot be exported yet, or null when they can. */
export function figuresNotReady(app: AppState): string | null {
  if (app.compare) return app.diff ? null : app.diffError ? t('share.notReady.compareFailed', { reason: app.diffError }) : t('share.notReady.comparing');
  const waiting = app.onDate.filter((s) => s.inForce.index >= 0 && !s.report);
  return waiting.length === 0 ? null : t('share.notReady.areas', { names: waiting.map((s) => s.name).join(', ') });
}

/** The figures on screen, the sentence saying how they were computed, and what the map draws if not all of them. */
function figuresAndMethod(app: AppState, ctx: ExportContext): { figures: FigureLine[]; method: string; mapNote?: string } {
  if (app.compare && app.diff) {
    const shown = app.compareMeasureId || app.diff.measures[0]?.measureId || '';
    return {
      figures: compareFigures(app.diff, measureLabels(app)),
      method: `Areas by ${app.diff.areaMethod}; gained and lost by overlay (${app.diff.engine}); each measure clipped as it is defined.`,
      ...(app.compareView === 'overlay' ? { mapNote: `The map shows gained and lost ground for: ${measureLabels(app).get(shown) ?? shown}` } : {}),
    };
  }
  const several = app.onDate.length > 1;
  const figures = app.onDate.flatMap((s) =>
    s.report ? dateFigures(s.report).map((f) => (several ? { ...f, label: `${s.name}, ${f.label}` } : f)) : several ? [{ label: s.name, value: 'no snapshot yet' }] : [],
  );
  return { figures, method: `Areas computed from the polygons with ${ctx.areaMethod}; overlapping polygons counted once; each measure clipped as it is defined.` };
}

/** The picture of the view at `scale` (1: screen size, 2: print). */
export async function imageFile(app: AppState, ctx: ExportContext, scale: 1 | 2): Promise<ExportFile & { widthPx: number; heightPx: number }> {
  if (!app.captureMap) throw new Error('the map is not ready yet');
  const notReady = figuresNotReady(app);
  if (notReady) throw new Error(notReady);
  const maps = await app.captureMap(scale);
  const { figures, method, mapNote } = figuresAndMethod(app, ctx);
  const caption = imageCaption(ctx, figures, method, mapNote);
  const canvas = composeImage(maps, legendKeys(app), caption, scale);
  // The credits also go in the file's text chunks, for tools that read them rather than the pixels.
  const png = new Uint8Array(await (await canvasToPng(canvas)).arrayBuffer());
  const blob = new Blob([addPngText(png, pngTextFields(ctx, `${caption.title}: ${caption.dates[0]}`))], { type: 'image/png' });
  return { name: name(ctx, scale === 2 ? 'map@2x' : 'map', 'png'), type: 'image/png', data: blob, widthPx: canvas.width, heightPx: canvas.height };
}

/** Why the snapshots cannot be exported as GeoJSON, or null. */
export function snapshotsUnavailable(app: AppState): string | null {
  return sourcesInView(app).some((s) => s.dataset.tiles) ? t('share.notReady.tiled') : null;
}

/** The snapshot(s) in force, as GeoJSON: each source's on a date, the primary's from and to snapshots in compare mode. */
export function snapshotsFile(app: AppState, ctx: ExportContext): ExportFile {
  const snapshots = sourcesInView(app).flatMap((s, i) =>
    viewDatesIso(ctx.view).map((askedIso) => ({ askedIso, source: ctx.layers[i]?.source.name ?? s.id, snapshot: app.snapshotOn(askedIso, s.dataset.store) })),
  );
  return { name: name(ctx, 'snapshot', 'geojson'), type: 'application/geo+json', data: snapshotsToGeoJson(snapshots, ctx) };
}

/** The figures on screen as CSV: each source's area table for a date, the comparison's figures for compare mode. */
export function figuresFile(app: AppState, ctx: ExportContext): ExportFile {
  if (app.compare) {
    if (!app.diff) throw new Error(figuresNotReady(app) ?? 'no comparison');
    return { name: name(ctx, 'diff', 'csv'), type: 'text/csv', data: diffToCsv(app.diff, ctx, measureLabels(app)) };
  }
  const notReady = figuresNotReady(app);
  if (notReady) throw new Error(notReady);
  const rows = app.onDate.map((s) => ({
    datasetId: s.source.dataset.manifest.id, askedIso: app.dateIso, snapshotIso: s.inForce.snapshotDateIso, report: s.report, classes: s.source.dataset.manifest.classes,
  }));
  return { name: name(ctx, 'figures', 'csv'), type: 'text/csv', data: areaReportToCsv(rows, ctx) };
}

/** The comparison's polygons (gained, lost, held on both dates) as GeoJSON. */
export function diffGeoJsonFile(app: AppState, ctx: ExportContext): ExportFile {
  if (!app.diff) throw new Error(figuresNotReady(app) ?? 'no comparison');
  return { name: name(ctx, 'diff', 'geojson'), type: 'application/geo+json', data: diffToGeoJson(app.diff, ctx, measureLabels(app)) };
}

/**
 * Every measure's area for every snapshot of every source in view, as CSV: computed in a worker per source (a few
 * seconds for the Kursk data), or read from a tiled build's index (measures it cannot answer are empty).
 */
export async function seriesFile(app: AppState, ctx: ExportContext): Promise<ExportFile> {
  const sources = sourcesInView(app);
  if (sources.length === 0) throw new Error('no dataset');
  const series: SourceSeries[] = await Promise.all(sources.map(async (s) => {
    const ds = s.dataset;
    const measures = ds.manifest.measures;
    if (ds.tiles) return { datasetId: ds.manifest.id, points: areaSeriesFromBuild(ds.tiles.areasKm2, measures, ds.store.datesIso), measures };
    const answer = await requestAreaSeries(ds.store, measures, ds.clipRegions, `export:${s.id}`);
    if (answer.stale) throw new Error('a newer request replaced this one');
    return { datasetId: ds.manifest.id, points: answer.series.points, measures };
  }));
  const all = sources.flatMap((s) => s.dataset.store.datesIso).sort();
  const span = { firstIso: all[0]!, lastIso: all[all.length - 1]! };
  return { name: exportFileName(ctx.dataset.id, ctx.view, 'series', 'csv', span), type: 'text/csv', data: areaSeriesToCsv(series, ctx) };
}
