// The export context of what the app shows now: view, sources with their snapshots in force, credits, permalink.
import type { AppState } from './app-state.svelte';
import type { ExportContext, ExportLayer, ExportView } from '../domain/export';
import { viewDatesIso } from '../domain/export';
import { snapshotIndexOn } from '../domain/timeline';
import { appPageUrl } from '../domain/permalink';
import { AREA_METHOD } from '../domain/area';
import { BASEMAP_CREDIT_TEXT } from '../map/basemap-style';
import { APP_NAME, APP_VERSION } from '../app-info';
import type { DatasetSource } from '../domain/types';
import type { Source } from '../domain/dataset';

/** The view on screen. Several sources on one date carry their layout; compare mode compares the primary's dates. */
export function currentView(app: AppState): ExportView {
  if (app.compare) return { kind: 'compare', fromIso: app.compare.fromIso, toIso: app.compare.toIso, layout: app.compareView };
  return app.shown.length > 1 ? { kind: 'date', dateIso: app.dateIso, layout: app.compareView } : { kind: 'date', dateIso: app.dateIso };
}

/** The sources whose polygons the view draws: every shown one on a date, the primary alone in compare mode. */
export function sourcesInView(app: AppState): Source[] {
  return app.compare ? app.shown.slice(0, 1) : app.shown;
}

/**
 * The source a dataset's polygons are credited to: its manifest's first source (every built-in manifest lists
 * the mapper first, then places and clip regions); a dataset without sources is credited by its title, with its
 * licence status unknown.
 */
function polygonSource(source: Source): DatasetSource {
  const m = source.dataset.manifest;
  return m.sources[0] ?? { name: m.title, licenceStatus: 'not stated by the dataset', attribution: m.title };
}

/** The context every export of the current view shares, or null before a dataset is loaded. */
export function exportContextOf(app: AppState, pageHref: string, now: Date = new Date()): ExportContext | null {
  const shown = sourcesInView(app);
  const primary = shown[0];
  if (!primary || !app.dateIso) return null;
  const view = currentView(app);
  const layers: ExportLayer[] = shown.map((s) => {
    const dates = s.dataset.store.datesIso;
    return { source: polygonSource(s), snapshots: viewDatesIso(view).map((askedIso) => ({ askedIso, snapshotIso: dates[snapshotIndexOn(dates, askedIso)] ?? null })) };
  });
  // Every credit of every source shown, once each.
  const credits = new Map<string, DatasetSource>();
  for (const s of shown) for (const c of s.dataset.manifest.sources.length > 0 ? s.dataset.manifest.sources : [polygonSource(s)]) credits.set(`${c.name}\u0000${c.attribution}`, c);
  const methods = [...new Set(shown.map((s) => s.dataset.tiles?.areaMethod ?? AREA_METHOD))];
  return {
    app: { name: APP_NAME, version: APP_VERSION },
    dataset: {
      id: shown.map((s) => s.dataset.manifest.id).join('+'),
      title: shown.map((s) => s.dataset.manifest.title).join(' · '),
    },
    view,
    layers,
    sources: [...credits.values()],
    basemapCredit: BASEMAP_CREDIT_TEXT,
    areaMethod: methods.join('; '),
    permalink: appPageUrl(pageHref, '', app.link()),
    accessedIso: now.toISOString().slice(0, 10),
  };
}
