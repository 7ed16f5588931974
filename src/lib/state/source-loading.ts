// Loading the built-in sources onto the clock: the primary first (the map draws as soon as it is in), then the
// other sources a link names, each added when it arrives; any other built-in source loads when the user shows it.
import { parseLink } from '../domain/permalink';
import { t } from '../i18n/i18n.svelte';
import type { BuiltinCollection } from '../data/builtin-datasets';
import { loadBuiltinFolder, type BuiltinLoad } from '../data/load-client';
import type { AppState } from './app-state.svelte';

/** Open a built-in collection as a link asks (`sources=`), or with its default sources. */
export async function openBuiltinCollection(app: AppState, collection: BuiltinCollection, hash: string): Promise<void> {
  const asked = (parseLink(hash).sources ?? []).filter((id) => collection.sources.some((s) => s.id === id));
  const ids = asked.length > 0 ? asked : [...collection.defaultShown];
  const [primaryId, ...others] = ids;
  const primary = collection.sources.find((s) => s.id === primaryId)!;
  app.pendingSourceIds = others;
  const first = await loadBuiltinFolder(primary.folder, (text) => (app.loading = text), t);
  const { dataset, issues } = first;
  if (!dataset) {
    app.issues = issues;
    app.loading = null;
    app.pendingSourceIds = [];
    app.notices = [t('app.builtinNotLoaded')];
    return;
  }
  app.setSources([{ id: primary.id, dataset }], [primary.id], issues, hash);
  completeLater(app, primary.id, first);
  // The other sources the link names join the clock as they arrive, in the link's order.
  const loaded = await Promise.all(others.map((id) => loadBuiltinFolder(collection.sources.find((s) => s.id === id)!.folder, () => {}, t)));
  others.forEach((id, i) => {
    const r = loaded[i]!;
    if (r.dataset) app.addSource({ id, dataset: r.dataset }, r.issues);
    else {
      app.pendingSourceIds = app.pendingSourceIds.filter((p) => p !== id);
      app.issues = [...app.issues, ...r.issues];
      app.notices = [...app.notices, t('app.sourceNotLoaded', { id })];
    }
  });
  // Re-apply the link's view and date now that every source it names is on the clock (the date may be one only a
  // later source covers).
  if (others.length > 0) app.applyLink(hash);
}

/** Show a built-in source, loading it first if it is not on the clock yet. */
export async function showBuiltinSource(app: AppState, collection: BuiltinCollection, id: string): Promise<void> {
  if (app.sources.some((s) => s.id === id)) {
    app.toggleSource(id, true);
    return;
  }
  const entry = collection.sources.find((s) => s.id === id);
  if (!entry || app.pendingSourceIds.includes(id)) return;
  app.pendingSourceIds = [...app.pendingSourceIds, id];
  const { dataset, issues } = await loadBuiltinFolder(entry.folder, () => {}, t);
  if (dataset) app.addSource({ id, dataset }, issues);
  else {
    app.pendingSourceIds = app.pendingSourceIds.filter((p) => p !== id);
    app.issues = [...app.issues, ...issues];
  }
}

/** Follow a link opened in this page (back, forward, an edited hash): built-in sources it names load first. */
export async function followLink(app: AppState, collection: BuiltinCollection, hash: string): Promise<void> {
  const missing = (parseLink(hash).sources ?? []).filter((id) => collection.sources.some((s) => s.id === id) && !app.sources.some((s) => s.id === id));
  if (missing.length > 0) {
    app.pendingSourceIds = [...new Set([...app.pendingSourceIds, ...missing])];
    const loaded = await Promise.all(missing.map((id) => loadBuiltinFolder(collection.sources.find((s) => s.id === id)!.folder, () => {}, t)));
    missing.forEach((id, i) => {
      const r = loaded[i]!;
      if (r.dataset) app.addSource({ id, dataset: r.dataset }, r.issues, false);
      else app.issues = [...app.issues, ...r.issues];
    });
    app.pendingSourceIds = app.pendingSourceIds.filter((id) => !missing.includes(id));
  }
  app.applyLink(hash);
}

/**
 * When a source's figures files arrive after its first frame (load-client.ts), put the complete dataset in its
 * place, if that source is still the one on the clock (the user may have switched datasets meanwhile).
 */
function completeLater(app: AppState, id: string, load: BuiltinLoad): void {
  const complete = load.complete;
  if (!complete) return;
  // After the first frame: its bytes come first (the whole front: 1.3 MB gzip before it, 0.37 MB of land after).
  void app.whenMapDrawn(FIGURES_FILES_AT_LATEST_MS).then(complete).then((c) => {
    if (app.sources.some((s) => s.id === id && s.dataset === load.dataset)) app.addSource({ id, dataset: c.dataset }, c.issues, false);
  });
}

/** A map that never draws (a hidden tab, no WebGL) must not keep the figures away for ever. */
const FIGURES_FILES_AT_LATEST_MS = 60_000;
