// Each download of the share dialog, built from the app's state: the picture, the snapshots, the figures, the area
// series, the comparison, the citation. Formats, names and credits come from domain/export.ts.
import type { AppState } from '../state/app-state.svelte';
import {
  areaReportToCsv, areaSeriesToCsv, diffToCsv, diffToGeoJson, exportFileName, pngTextFields, snapshotsToGeoJson, viewDatesIso,
  type ExportContext, type ExportKind,
} from '../domain/export';
import { compareFigures, dateFigures, imageCaption, type FigureLine, type LegendKey } from '../domain/image-caption';
import { CHANGE_COLORS } from '../domain/change-colors';
import { areaSeriesFromBuild } from '../domain/build-areas';
import { requestAreaSeries } from '../data/areas-client';
import { canvasToPng, composeImage } from './compose-image';
import { addPngText } from '../domain/png-text';

/** A file ready to save. */
export interface ExportFile {
  name: string;
  type: string;
  data: string | Blob;
}

const name = (ctx: ExportContext, kind: ExportKind, ext: string) => exportFileName(ctx.dataset.id, ctx.view, kind, ext);
const measureLabels = (app: AppState) => new Map((app.dataset?.manifest.measures ?? []).map((m) => [m.id, m.label]));

/** The legend as on screen: change colours under the compare overlay, class colours otherwise. */
export function legendKeys(app: AppState): LegendKey[] {
  if (app.compare && app.compareView === 'overlay') {
    return [
      { color: CHANGE_COLORS.gained, label: 'Gained' },
      { color: CHANGE_COLORS.lost, label: 'Lost' },
      { color: CHANGE_COLORS.unchanged, label: 'Held on both dates' },
    ];
  }
  return (app.dataset?.manifest.classes ?? []).map((c) => ({ color: c.color, label: c.label }));
}

/** Why the figures on screen cannot be exported yet, or null when they can. */
export function figuresNotReady(app: AppState): string | null {
  if (app.compare) return app.diff ? null : app.diffError ? `the comparison failed: ${app.diffError}` : 'the comparison is still being computed';
  if (app.snapshotIndex < 0) return null;
  return app.areaReport ? null : 'the areas are still being computed';
}

/** The figures on screen, and the sentence saying how they were computed. */
function figuresAndMethod(app: AppState, ctx: ExportContext): { figures: FigureLine[]; method: string; mapNote?: string } {
  if (app.compare && app.diff) {
    const shown = app.compareMeasureId || app.diff.measures[0]?.measureId || '';
    return {
      figures: compareFigures(app.diff, measureLabels(app)),
      method: `Areas by ${app.diff.areaMethod}; gained and lost by overlay (${app.diff.engine}); each measure clipped as it is defined.`,
      ...(app.compareView === 'overlay' ? { mapNote: `The map shows gained and lost ground for: ${measureLabels(app).get(shown) ?? shown}` } : {}),
    };
  }
  const figures = app.areaReport ? dateFigures(app.areaReport) : [];
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
  return app.tiles ? 'a tiled build holds its polygons as simplified vector tiles, not as whole polygons' : null;
}

/** The snapshot(s) in force, as GeoJSON: one for a date, the from and to snapshots of a comparison. */
export function snapshotsFile(app: AppState, ctx: ExportContext): ExportFile {
  const source = ctx.layers[0]?.source.name ?? ctx.dataset.title;
  const snapshots = viewDatesIso(ctx.view).map((askedIso) => ({ askedIso, source, snapshot: app.snapshotOn(askedIso) }));
  return { name: name(ctx, 'snapshot', 'geojson'), type: 'application/geo+json', data: snapshotsToGeoJson(snapshots, ctx) };
}

/** The figures on screen as CSV: the area table for a date, the comparison's figures for compare mode. */
export function figuresFile(app: AppState, ctx: ExportContext): ExportFile {
  if (app.compare) {
    if (!app.diff) throw new Error(figuresNotReady(app) ?? 'no comparison');
    return { name: name(ctx, 'diff', 'csv'), type: 'text/csv', data: diffToCsv(app.diff, ctx, measureLabels(app)) };
  }
  const report = app.areaReport;
  const ds = app.dataset;
  if (!report || !ds || !app.snapshotDateIso) throw new Error(figuresNotReady(app) ?? 'no snapshot in force on this date');
  return { name: name(ctx, 'figures', 'csv'), type: 'text/csv', data: areaReportToCsv(report, app.dateIso, app.snapshotDateIso, ds.manifest.classes, ctx) };
}

/** The comparison's polygons (gained, lost, held on both dates) as GeoJSON. */
export function diffGeoJsonFile(app: AppState, ctx: ExportContext): ExportFile {
  if (!app.diff) throw new Error(figuresNotReady(app) ?? 'no comparison');
  return { name: name(ctx, 'diff', 'geojson'), type: 'application/geo+json', data: diffToGeoJson(app.diff, ctx, measureLabels(app)) };
}

/**
 * Every measure's area for every snapshot, as CSV: computed in a worker of its own (a few seconds for the
 * Kursk data), or read from a tiled build's index (measures it cannot answer are empty).
 */
export async function seriesFile(app: AppState, ctx: ExportContext): Promise<ExportFile> {
  const ds = app.dataset;
  const store = app.store;
  if (!ds || !store) throw new Error('no dataset');
  const measures = ds.manifest.measures;
  let points;
  if (ds.tiles) points = areaSeriesFromBuild(ds.tiles.areasKm2, measures, store.datesIso);
  else {
    const answer = await requestAreaSeries(store, measures, ds.clipRegions, 'export');
    if (answer.stale) throw new Error('a newer request replaced this one');
    points = answer.series.points;
  }
  const span = { firstIso: store.datesIso[0]!, lastIso: store.datesIso[store.datesIso.length - 1]! };
  return { name: exportFileName(ds.manifest.id, ctx.view, 'series', 'csv', span), type: 'text/csv', data: areaSeriesToCsv(points, measures, ctx) };
}
