// The export context of what the app shows now: view, sources with their snapshots in force, credits, permalink.
import type { AppState } from './app-state.svelte';
import type { ExportContext, ExportView } from '../domain/export';
import { viewDatesIso } from '../domain/export';
import { snapshotIndexOn } from '../domain/timeline';
import { appPageUrl } from '../domain/permalink';
import { AREA_METHOD } from '../domain/area';
import { BASEMAP_CREDIT_TEXT } from '../map/basemap-style';
import { APP_NAME, APP_VERSION } from '../app-info';
import type { DatasetSource } from '../domain/types';

/** The view on screen. */
export function currentView(app: AppState): ExportView {
  return app.compare
    ? { kind: 'compare', fromIso: app.compare.fromIso, toIso: app.compare.toIso, layout: app.compareView }
    : { kind: 'date', dateIso: app.dateIso };
}

/**
 * The context every export of the current view shares, or null before a dataset is loaded. The polygons'
 * source is the manifest's first source (the Kursk manifest lists DeepStateMap first; places and clip regions
 * after); a dataset without sources is credited by its title, with its licence status unknown.
 */
export function exportContextOf(app: AppState, pageHref: string, now: Date = new Date()): ExportContext | null {
  const ds = app.dataset;
  if (!ds || !app.dateIso) return null;
  const m = ds.manifest;
  const polygons: DatasetSource = m.sources[0] ?? { name: m.title, licenceStatus: 'not stated by the dataset', attribution: m.title };
  const view = currentView(app);
  const dates = app.datesIso;
  return {
    app: { name: APP_NAME, version: APP_VERSION },
    dataset: { id: m.id, title: m.title },
    view,
    layers: [{
      source: polygons,
      snapshots: viewDatesIso(view).map((askedIso) => ({ askedIso, snapshotIso: dates[snapshotIndexOn(dates, askedIso)] ?? null })),
    }],
    sources: m.sources.length > 0 ? [...m.sources] : [polygons],
    basemapCredit: BASEMAP_CREDIT_TEXT,
    areaMethod: ds.tiles ? ds.tiles.areaMethod : AREA_METHOD,
    permalink: appPageUrl(pageHref, '', app.link()),
    accessedIso: now.toISOString().slice(0, 10),
  };
}
