// The root application state: the sources on one clock, the date, the comparison, camera, playback. Figures are
// derived from domain/.
import { createContext } from 'svelte';
import type { AreaReport } from '../domain/area';
import { SvelteMap } from 'svelte/reactivity';
import { dropAreaDataset, requestAreaReport, setAreaDataset } from '../data/area-report-client';
import { featuresAt, type SnapshotStore } from '../domain/snapshot-store';
import { clampDate, snapshotIndexOn, stepSnapshot } from '../domain/timeline';
import type { Camera, Issue, Snapshot } from '../domain/types';
import { formatLink, parseLink, type LinkState, type MapLayout } from '../domain/permalink';
import { DEFAULT_COLLECTION } from '../data/builtin-datasets';
import type { Claim } from '../domain/claim-schema';
import { mergeOwnClaims, mergeOwnClaimsIssues, type OwnClaimsRead } from '../data/own-claims';
import type { FeatureCollection } from 'geojson';
import type { SnapshotDiff } from '../domain/diff';
import { createDiffClient, requestDiff } from '../data/diff-client';
import type { LoadedDataset, Source, TiledData } from '../domain/dataset';
import { areaReportFromBuild } from '../domain/build-areas';
import type { MapImages } from '../share/compose-image';
import { alignSourcesForDiff, clockDates, inForceOn, sharedMeasures, sourceColor, sourceName, type InForce } from '../domain/sources';
import { i18n, t } from '../i18n/i18n.svelte';

export type { LoadedDataset } from '../domain/dataset';

/** What the UI shows of one source on the clock's date. */
export interface SourceOnDate {
  source: Source;
  name: string;
  color: string;
  /** Its snapshot in force on the date, and how old it is. */
  inForce: InForce;
  /** Its area figures for that snapshot, once computed (null while computing or before its first snapshot). */
  report: AreaReport | null;
}

/** Ground two sources draw on one date: only in A, only in B, in both, per shared measure. */
export interface SourceDisagreement {
  aId: string;
  bId: string;
  dateIso: string;
  aSnapshotIso: string | null;
  bSnapshotIso: string | null;
  diff: SnapshotDiff;
}

export type CompareView = MapLayout;
export type Language = 'en' | 'uk' | 'ru';

/** Playback speeds, in snapshots per second. */
export const PLAY_SPEEDS = [1, 2, 4, 8] as const;

const FALLBACK_CAMERA: Camera = { zoom: 9, lat: 51.3, lon: 35.2 };

export class AppState {
  /**
   * Every source loaded for the clock (the built-in collection's, and any a user opened), in the order they are
   * offered. Which are shown, and which is the primary, is `shownIds`.
   */
  sources = $state.raw<Source[]>([]);
  /** Ids of the sources shown, the primary first. */
  shownIds = $state.raw<string[]>([]);
  /** Sources a link or the user asked for that are still loading, by id. */
  pendingSourceIds = $state.raw<string[]>([]);
  /** Problems found while loading, shown in the issues panel. */
  issues = $state.raw<Issue[]>([]);
  /** Claims the user opened from CSVs (own-claims.ts): kept when the dataset changes, checked against what is shown. */
  ownClaims = $state.raw<Claim[]>([]);
  /** Things the user should know that are not data problems (a bad link, a fallback). */
  notices = $state<string[]>([]);
  loading = $state<string | null>(t('app.loadingDataset'));
  /** True once the map has drawn the first dataset: what is below the fold loads after that. */
  mapDrawn = $state(false);

  /** Resolves once `mapDrawn` is true, or after `atMostMs` whatever the map does. */
  whenMapDrawn(atMostMs: number): Promise<void> {
    if (this.mapDrawn) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, atMostMs);
      const stop = $effect.root(() => {
        $effect(() => {
          if (this.mapDrawn) done();
        });
      });
      function done() {
        clearTimeout(timer);
        queueMicrotask(() => stop());
        resolve();
      }
    });
  }
  /** Draws the map(s) on screen into canvases at a pixel ratio, for the picture download; set by MapView. */
  captureMap: ((pixelRatio: number) => Promise<MapImages>) | null = null;

  dateIso = $state('');
  compare = $state<{ fromIso: string; toIso: string } | null>(null);
  /** How two maps are laid out: two dates in compare mode, or several sources. */
  compareView = $state<CompareView>('overlay');
  camera = $state.raw<Camera>(FALLBACK_CAMERA);
  playing = $state(false);
  speed = $state<number>(2);
  /** The place-label language the user picked; null: labels follow the UI language. */
  labelLanguageChoice = $state<Language | null>(null);
  /** The map's place-label language: the user's pick, else the UI language. */
  get language(): Language {
    return this.labelLanguageChoice ?? i18n.locale;
  }
  set language(language: Language) {
    this.labelLanguageChoice = language;
  }
  /** The comparison of the two compared dates, once computed (null while computing: never a stale pair). */
  diff = $state.raw<SnapshotDiff | null>(null);
  diffPending = $state(false);
  diffError = $state<string | null>(null);
  /** The measure whose gained/lost/unchanged polygons the overlay draws. */
  compareMeasureId = $state('');
  /** Compare-mode polygons of the chosen measure, for the map's overlay. */
  diffFeatures: FeatureCollection | null = $derived.by(() => {
    const d = this.diff;
    if (!d) return null;
    const id = this.compareMeasureId || d.measures[0]?.measureId;
    return { type: 'FeatureCollection', features: d.features.features.filter((f) => f.properties.measure === id) };
  });

  /** The sources shown, the primary first. */
  shown: Source[] = $derived(this.shownIds.map((id) => this.sources.find((s) => s.id === id)).filter((s): s is Source => s !== undefined));
  /** The primary source's dataset: the one drawn filled, compared by date, and whose claims are listed. */
  dataset: LoadedDataset | null = $derived(this.shown[0]?.dataset ?? null);
  primaryId: string | null = $derived(this.shown[0]?.id ?? null);
  store: SnapshotStore | null = $derived(this.dataset?.store ?? null);
  /** The tiles of a tiled dataset (null for a dataset of GeoJSON snapshots). */
  tiles: TiledData | null = $derived(this.dataset?.tiles ?? null);
  /** Whole polygons of a tiled dataset, once features.geojson is fetched (compare mode asks for it). */
  private tiledGeometry = $state.raw<{ dataset: LoadedDataset; store: Promise<SnapshotStore> } | null>(null);
  /** Why compare mode cannot be used with this dataset, or null when it can. */
  compareUnavailable: string | null = $derived(
    this.tiles && !this.tiles.geojsonUrl
      ? t('app.compareUnavailable')
      : null,
  );
  /**
   * The clock: every shown source's snapshot dates together (compare mode: the primary's only). The slider stops
   * at each; stepping moves to the next date on which any shown source published.
   */
  datesIso: string[] = $derived(this.compare ? (this.store?.datesIso ?? []) : clockDates(this.shown.map((s) => s.dataset.store.datesIso)));
  firstDateIso = $derived(this.datesIso[0] ?? '');
  lastDateIso = $derived(this.datesIso[this.datesIso.length - 1] ?? '');
  /** The primary source's snapshot in force on the date (an index into its own dates). */
  snapshotIndex = $derived(snapshotIndexOn(this.store?.datesIso ?? [], this.dateIso));
  /** The date of the primary's snapshot in force, and how many days old it is on the chosen date. */
  primaryInForce: InForce = $derived(inForceOn(this.store?.datesIso ?? [], this.dateIso, this.dataset?.manifest.publishedUnchanged));
  snapshotDateIso = $derived(this.primaryInForce.snapshotDateIso);
  snapshotAgeDays = $derived(this.primaryInForce.ageDays);
  /** Area figures per source, per snapshot index, as the area worker answers them (`id:index`). */
  private reports = new SvelteMap<string, AreaReport>();
  areaReport: AreaReport | null = $derived(this.primaryId ? (this.reports.get(`${this.primaryId}:${this.snapshotIndex}`) ?? null) : null);
  /** The primary's report for the snapshot before the one in force, once known (the change since it). */
  previousAreaReport: AreaReport | null = $derived(this.primaryId ? (this.reports.get(`${this.primaryId}:${this.snapshotIndex - 1}`) ?? null) : null);
  /** Id of the built-in collection shown (`kursk`, `front`): permalinks carry it as `dataset=` unless it is the default. */
  collectionId = $state(DEFAULT_COLLECTION.id);
  /** The last report received for the primary, shown dimmed while the one for the slider's snapshot is computed. */
  lastAreaReport = $state.raw<{ index: number; report: AreaReport } | null>(null);
  areaReportError = $state<string | null>(null);
  /** Each shown source on the date: snapshot in force, age, figures. */
  onDate: SourceOnDate[] = $derived(
    this.shown.map((source, position) => {
      const inForce = inForceOn(source.dataset.store.datesIso, this.dateIso, source.dataset.manifest.publishedUnchanged);
      return {
        source,
        name: sourceName(source.dataset.manifest),
        color: sourceColor(source.dataset.manifest, this.sources.indexOf(source) >= 0 ? this.sources.indexOf(source) : position),
        inForce,
        report: inForce.index >= 0 ? (this.reports.get(`${source.id}:${inForce.index}`) ?? null) : null,
      };
    }),
  );

  /** The other source whose disagreement with the primary is shown (the second shown, unless the user chose). */
  disagreeWithId = $state<string | null>(null);
  disagreeWith: Source | null = $derived(this.shown.find((s, i) => i > 0 && s.id === this.disagreeWithId) ?? this.shown[1] ?? null);
  disagreement = $state.raw<SourceDisagreement | null>(null);
  disagreementPending = $state(false);
  disagreementError = $state<string | null>(null);
  /** Draw the disagreement (only A / only B / both) on the map, over the sources. */
  showDisagreement = $state(false);
  /** Polygons of the disagreement for the chosen measure, for the map. */
  disagreementFeatures: FeatureCollection | null = $derived.by(() => {
    const d = this.disagreement?.diff;
    if (!d) return null;
    const id = d.measures.some((m) => m.measureId === this.compareMeasureId) ? this.compareMeasureId : d.measures[0]?.measureId;
    return { type: 'FeatureCollection', features: d.features.features.filter((f) => f.properties.measure === id) };
  });
  private disagreementClient = createDiffClient();

  /**
   * Ask the area worker for the figures of each shown source's snapshot on the slider, unless they are known.
   * Computed off the main thread: one union of large, jagged polygons can take seconds (measured with a 40 MB
   * dataset).
   */
  async requestAreaReport(): Promise<void> {
    await Promise.all(this.onDate.map((s) => this.requestSourceReport(s.source, s.inForce.index)));
  }

  private async requestSourceReport(source: Source, index: number): Promise<void> {
    const key = `${source.id}:${index}`;
    // No figures before the clip regions are in: the complete dataset takes this source's place, and asks again.
    if (index < 0 || this.reports.has(key) || source.dataset.pending) return;
    const isPrimary = source.id === this.primaryId;
    const tiles = source.dataset.tiles;
    if (tiles) {
      // A tiled build carries its area figures per class: nothing to compute.
      const report = areaReportFromBuild(tiles.areasKm2, source.dataset.manifest.measures, source.dataset.manifest.classes.map((c) => c.id), index);
      this.reports.set(key, report);
      if (isPrimary) this.lastAreaReport = { index, report };
      return;
    }
    try {
      const answer = await requestAreaReport(source.id, index);
      if (!answer.stale) {
        this.reports.set(`${source.id}:${answer.index}`, answer.report);
        if (source.id === this.primaryId) this.lastAreaReport = { index: answer.index, report: answer.report };
        // Then the primary's snapshot before it, for "change since the previous snapshot", unless the slider moved on.
        const prevKey = `${source.id}:${index - 1}`;
        if (isPrimary && index > 0 && !this.reports.has(prevKey) && this.snapshotIndex === index) {
          const prev = await requestAreaReport(source.id, index - 1);
          if (!prev.stale) this.reports.set(`${source.id}:${prev.index}`, prev.report);
        }
      }
    } catch (err) {
      this.areaReportError = (err as Error).message;
    }
  }

  /** Put one loaded dataset in place of every source (a user's own data, replacing what was shown). */
  setDataset(dataset: LoadedDataset, issues: Issue[], link: string, id = 'own'): void {
    this.setSources([{ id, dataset }], [id], issues, link);
  }

  /** Put the sources on the clock, show `shownIds` of them, and apply a link (or the defaults). */
  setSources(sources: Source[], shownIds: string[], issues: Issue[], link: string): void {
    for (const old of this.sources) if (!sources.some((s) => s.id === old.id)) dropAreaDataset(old.id);
    this.reports.clear();
    this.lastAreaReport = null;
    this.areaReportError = null;
    this.tiledGeometry = null;
    this.sources = [];
    for (const s of sources) this.registerSource(s);
    this.shownIds = shownIds.filter((id) => sources.some((s) => s.id === id));
    this.issues = issues;
    this.loading = null;
    this.applyLink(link, true);
  }

  /**
   * Add a source to the clock (a built-in one loaded on demand, or a user's dataset), keeping the others; show it
   * after the ones shown unless `show` is false. A source of the same id is replaced.
   */
  addSource(source: Source, issues: Issue[] = [], show = true): void {
    for (const k of [...this.reports.keys()]) if (k.startsWith(`${source.id}:`)) this.reports.delete(k);
    this.registerSource(source);
    this.pendingSourceIds = this.pendingSourceIds.filter((id) => id !== source.id);
    if (show && !this.shownIds.includes(source.id)) this.shownIds = [...this.shownIds, source.id];
    if (issues.length > 0) this.issues = [...this.issues, ...issues];
    this.loading = null;
    if (!this.dateIso) this.dateIso = this.defaultDate();
  }

  /** A user's dataset joins the clock and is shown alone, on its own last date and view; the others stay a tick away. */
  showOwnSource(source: Source, issues: Issue[]): void {
    this.addSource(source, [], false);
    this.shownIds = [source.id];
    this.issues = issues;
    this.compare = null;
    this.lastAreaReport = null;
    this.dateIso = this.defaultDate();
    this.camera = source.dataset.manifest.defaultView ?? this.camera;
    this.notices = [];
  }

  private registerSource(source: Source): void {
    const ds = source.dataset;
    const breakdown = ds.manifest.regions && ds.regions ? { measureId: ds.manifest.regions.measure, regions: ds.regions } : undefined;
    // A dataset whose clip regions are still on their way is handed over once complete (it takes this one's place).
    if (!ds.tiles && !ds.pending) setAreaDataset(source.id, ds.store, ds.manifest.measures, ds.manifest.classes.map((c) => c.id), ds.clipRegions, breakdown);
    const i = this.sources.findIndex((s) => s.id === source.id);
    this.sources = i >= 0 ? this.sources.map((s, j) => (j === i ? source : s)) : [...this.sources, source];
  }

  /** Show or hide a source; the primary cannot be hidden while it is the only one shown. */
  toggleSource(id: string, on: boolean): void {
    if (on && !this.shownIds.includes(id)) this.shownIds = [...this.shownIds, id];
    else if (!on && this.shownIds.length > 1) this.shownIds = this.shownIds.filter((s) => s !== id);
  }

  /** Make a shown (or available) source the primary: it goes first, the others keep their order. */
  setPrimary(id: string): void {
    if (!this.sources.some((s) => s.id === id)) return;
    this.shownIds = [id, ...this.shownIds.filter((s) => s !== id)];
    this.lastAreaReport = null;
  }

  /** Follow a permalink; anything unusable falls back to the defaults, with a notice. */
  applyLink(hash: string, initial = false): void {
    const link = parseLink(hash);
    const notices = link.notices.map((n) => i18n.linkNotice(n));
    if (link.sources) {
      const known = link.sources.filter((id) => this.sources.some((s) => s.id === id) || this.pendingSourceIds.includes(id));
      const unknown = link.sources.filter((id) => !known.includes(id));
      if (unknown.length > 0)
        notices.push(t(known.length > 0 ? 'link.unknownSourcesSome' : 'link.unknownSourcesNone', { count: unknown.length, ids: unknown.join(', ') }));
      const loaded = known.filter((id) => this.sources.some((s) => s.id === id));
      if (loaded.length > 0) this.shownIds = loaded;
    }
    if (link.view) this.compareView = link.view;
    else if (initial) this.compareView = 'overlay';
    const dates = this.datesIso;
    let date = link.dateIso;
    if (date && dates.length > 0 && (date < dates[0]! || date > dates[dates.length - 1]!)) {
      notices.push(t('link.dateOutside', { value: date, first: dates[0]!, last: dates[dates.length - 1]!, shown: clampDate(dates, date) }));
      date = clampDate(dates, date);
    }
    if (link.compare && this.compareUnavailable) {
      notices.push(this.compareUnavailable);
      this.compare = null;
      this.dateIso = clampDate(dates, link.compare.toIso);
    } else if (link.compare) {
      const own = this.store?.datesIso ?? dates;
      this.compare = { fromIso: clampDate(own, link.compare.fromIso), toIso: clampDate(own, link.compare.toIso) };
      this.dateIso = this.compare.toIso;
    } else {
      this.compare = null;
      this.dateIso = date ?? (initial || !this.dateIso ? this.defaultDate() : this.dateIso);
    }
    if (link.camera) this.camera = link.camera;
    else if (initial) this.camera = this.dataset?.manifest.defaultView ?? FALLBACK_CAMERA;
    // A link's language is followed but not remembered: only the reader's own pick is.
    if (link.lang) void i18n.setLocale(link.lang);
    if (initial || notices.length > 0) this.notices = notices;
  }

  /**
   * The link for the current state. Sources are written once several are shown or the primary is not the default.
   * `extra`: what other state classes add (the chosen place).
   */
  link(extra: Pick<LinkState, 'placeId'> = {}): string {
    const state: LinkState = { dateIso: this.dateIso, camera: this.camera, lang: i18n.locale, ...extra };
    if (this.collectionId !== DEFAULT_COLLECTION.id) state.datasetId = this.collectionId;
    if (this.compare) state.compare = this.compare;
    const ids = [...this.shownIds, ...this.pendingSourceIds.filter((id) => !this.shownIds.includes(id))];
    if (ids.length > 1 || (ids.length === 1 && ids[0] !== this.sources[0]?.id)) state.sources = ids;
    if ((this.compare || ids.length > 1) && this.compareView !== 'overlay') state.view = this.compareView;
    return formatLink(state);
  }

  /** The default date: the last snapshot, the state of things as last published. */
  defaultDate(): string {
    return this.lastDateIso;
  }

  /**
   * Go to a date. In compare mode the date moved is the "to" date (the "from" date follows if passed), so the
   * step buttons, playback, typed date and claims move what the maps show, and the footer says the same.
   */
  setDate(dateIso: string): void {
    if (this.datesIso.length === 0) return;
    const d = clampDate(this.datesIso, dateIso);
    if (this.compare) this.compare = { fromIso: d < this.compare.fromIso ? d : this.compare.fromIso, toIso: d };
    this.dateIso = d;
  }

  /** The date the step buttons and playback move: the slider's, or in compare mode the "to" date. */
  get movingDateIso(): string {
    return this.compare?.toIso ?? this.dateIso;
  }

  step(delta: number): void {
    this.setDate(stepSnapshot(this.datesIso, this.movingDateIso, delta));
  }

  first(): void {
    this.setDate(this.firstDateIso);
  }

  last(): void {
    this.setDate(this.lastDateIso);
  }

  /** Play from the chosen date (from the start when at the end). */
  togglePlay(): void {
    if (!this.playing && this.movingDateIso >= this.lastDateIso) this.setDate(this.compare ? this.compare.fromIso : this.firstDateIso);
    this.playing = !this.playing;
  }

  /** One playback tick: the next snapshot, stopping at the last. */
  tick(): void {
    if (this.movingDateIso >= this.lastDateIso) {
      this.playing = false;
      return;
    }
    this.step(1);
  }

  /** A slider thumb moved: the date, or one end of a comparison (thumbs do not cross: one stops at the other). */
  moveThumb(thumb: number, dateIso: string): void {
    if (!this.compare) {
      this.setDate(dateIso);
      return;
    }
    const from = thumb === 0 ? dateIso : this.compare.fromIso;
    const to = thumb === 1 ? dateIso : this.compare.toIso;
    if (thumb === 0) this.compare = { fromIso: from > to ? to : from, toIso: to };
    else this.compare = { fromIso: from, toIso: to < from ? from : to };
  }

  startCompare(fromIso: string, toIso: string): void {
    if (this.compareUnavailable) {
      if (!this.notices.includes(this.compareUnavailable)) this.notices.push(this.compareUnavailable);
      return;
    }
    const own = this.store?.datesIso ?? [];
    const [a, b] = fromIso <= toIso ? [fromIso, toIso] : [toIso, fromIso];
    this.compare = { fromIso: clampDate(own, a), toIso: clampDate(own, b) };
    this.playing = false;
  }

  stopCompare(): void {
    if (this.compare) this.dateIso = this.compare.toIso;
    this.compare = null;
  }

  /** The snapshot in force on a date, or an empty one before the first (nothing was mapped yet). */
  snapshotOn(dateIso: string, store: SnapshotStore | null = this.store): Snapshot {
    const i = store ? snapshotIndexOn(store.datesIso, dateIso) : -1;
    if (!store || i < 0) return { dateIso, file: `(no snapshot on or before ${dateIso})`, features: [] };
    // A tiled dataset's store has no polygons: its snapshots are empty until features.geojson is loaded.
    return { dateIso: store.datesIso[i]!, file: store.files[i]!, features: store.features.length > 0 ? featuresAt(store, i) : [] };
  }

  /**
   * Compute the comparison of the current pair in the diff worker. The previous result is dropped at once, so
   * the figures never show one pair's numbers under another pair's dates; a request overtaken by a newer pair
   * is answered `stale` and ignored.
   */
  async computeDiff(): Promise<void> {
    const ds = this.dataset;
    const pair = this.compare;
    this.diff = null;
    this.diffError = null;
    if (!ds || !pair) {
      this.diffPending = false;
      return;
    }
    if (this.compareUnavailable) {
      this.diffError = this.compareUnavailable;
      this.diffPending = false;
      return;
    }
    this.diffPending = true;
    // Clip regions still on their way (a shipped dataset's figures files): the compare runs once they are in.
    if (ds.pending) return;
    try {
      const store = ds.tiles ? await this.geometryOf(ds) : ds.store;
      // A newer pair or dataset started its own computation while features.geojson was fetched.
      if (this.dataset !== ds || this.compare !== pair) return;
      // A build loads no clip regions, so its clipped measures cannot be compared (the area table says so too).
      const measures = ds.tiles ? ds.manifest.measures.filter((m) => m.clipTo === undefined || Object.hasOwn(ds.clipRegions, m.clipTo)) : ds.manifest.measures;
      const answer = await requestDiff(this.snapshotOn(pair.fromIso, store), this.snapshotOn(pair.toIso, store), measures, ds.clipRegions);
      if (answer.stale) return;
      if (this.compare?.fromIso !== pair.fromIso || this.compare?.toIso !== pair.toIso || this.dataset !== ds) return;
      this.diff = answer.diff;
      if (!answer.diff.measures.some((m) => m.measureId === this.compareMeasureId)) {
        this.compareMeasureId = answer.diff.measures[0]?.measureId ?? '';
      }
    } catch (err) {
      this.diffError = (err as Error).message;
    }
    this.diffPending = false;
  }

  /**
   * Where the primary and another shown source disagree on the date: the overlay of their snapshots in force, per
   * measure they share, in the diff worker (its own client: newest request wins, independently of compare mode).
   */
  async computeDisagreement(): Promise<void> {
    const a = this.shown[0];
    const b = this.disagreeWith;
    const dateIso = this.dateIso;
    this.disagreementError = null;
    if (!a || !b || this.compare || !dateIso) {
      this.disagreement = null;
      this.disagreementPending = false;
      return;
    }
    if (this.disagreement && (this.disagreement.aId !== a.id || this.disagreement.bId !== b.id)) this.disagreement = null;
    const shared = sharedMeasures(a.dataset.manifest.measures, b.dataset.manifest.measures);
    if (shared.length === 0) {
      this.disagreement = null;
      this.disagreementError = t('disagree.noShared', { a: sourceName(a.dataset.manifest), b: sourceName(b.dataset.manifest) });
      return;
    }
    this.disagreementPending = true;
    try {
      const [storeA, storeB] = await Promise.all([a.dataset.tiles ? this.geometryOf(a.dataset) : a.dataset.store, b.dataset.tiles ? this.geometryOf(b.dataset) : b.dataset.store]);
      const aligned = alignSourcesForDiff(this.snapshotOn(dateIso, storeA), this.snapshotOn(dateIso, storeB), shared);
      const answer = await this.disagreementClient.requestDiff(aligned.from, aligned.to, aligned.measures, a.dataset.clipRegions);
      if (answer.stale) return;
      if (this.dateIso !== dateIso || this.shown[0] !== a || this.disagreeWith !== b) return;
      const inA = inForceOn(a.dataset.store.datesIso, dateIso);
      const inB = inForceOn(b.dataset.store.datesIso, dateIso);
      this.disagreement = { aId: a.id, bId: b.id, dateIso, aSnapshotIso: inA.snapshotDateIso, bSnapshotIso: inB.snapshotDateIso, diff: answer.diff };
    } catch (err) {
      this.disagreementError = (err as Error).message;
    }
    this.disagreementPending = false;
  }

  /**
   * The whole polygons of a tiled dataset: features.geojson, fetched on first use and kept for the dataset.
   * Loaded only when needed (28.7 MB for the 1,400-day synthetic archive, against 4.6 MB of tiles).
   */
  private geometryOf(ds: LoadedDataset): Promise<SnapshotStore> {
    if (this.tiledGeometry?.dataset === ds) return this.tiledGeometry.store;
    const tiles = ds.tiles!;
    const store = import('../data/load-build')
      .then(({ loadBuildGeometry }) => loadBuildGeometry(tiles, ds.store.datesIso, ds.store.files))
      .then((r) => {
        if (r.ok) return r.value;
        if (this.sources.some((s) => s.dataset === ds)) this.issues = [...this.issues, ...r.issues];
        throw new Error(`the build's features.geojson could not be used (${r.issues[0]?.reason ?? 'unknown problem'}); see the data problems`);
      });
    // A failure is kept too, for the dataset: asking again answers with it, never refetches. Retrying on each
    // ask made a loop (the failure adds issues, which asks again: hundreds of requests a second, issue 15).
    store.catch(() => undefined);
    this.tiledGeometry = { dataset: ds, store };
    return store;
  }

  /** Add (or, for a file read again, replace) the user's claims from CSVs, with their files' problems. */
  addOwnClaims(read: OwnClaimsRead): void {
    this.ownClaims = mergeOwnClaims(this.ownClaims, read);
    this.issues = mergeOwnClaimsIssues(this.issues, read);
  }

  dismissNotice(i: number): void {
    this.notices.splice(i, 1);
  }
}

export const [getAppState, setAppState] = createContext<AppState>();
