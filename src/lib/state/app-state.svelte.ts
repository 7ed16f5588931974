// The root application state: dataset, date, comparison, camera, playback. Figures are derived from domain/.
import { createContext } from 'svelte';
import type { AreaReport } from '../domain/area';
import { SvelteMap } from 'svelte/reactivity';
import { requestAreaReport, setAreaDataset } from '../data/area-report-client';
import { featuresAt, type SnapshotStore } from '../domain/snapshot-store';
import { clampDate, daysBetween, snapshotIndexOn, stepSnapshot } from '../domain/timeline';
import type { AreaGeometry, Camera, DatasetManifest, Issue, Snapshot } from '../domain/types';
import { formatLink, parseLink, type LinkState } from '../domain/permalink';
import type { Claim } from '../data/claims-schema';
import type { FeatureCollection } from 'geojson';
import type { SnapshotDiff } from '../domain/diff';
import { requestDiff } from '../data/diff-client';
import type { TiledData } from '../data/load-build';
import { areaReportFromBuild } from '../domain/build-areas';

/** A dataset as the app holds it once loaded and checked. */
export interface LoadedDataset {
  manifest: DatasetManifest;
  /**
   * The snapshots, as a store: each distinct polygon once, with the run of snapshots it stands in. For a tiled
   * dataset (`tiles` set) it has dates, files and uid lists but no polygons (`features` is empty).
   */
  store: SnapshotStore;
  clipRegions: Record<string, AreaGeometry>;
  /** Claims of the dataset's claims file (empty when it has none). */
  claims: Claim[];
  /** True for a bare folder of snapshots: classes, labels and colours are defaults. */
  manifestInferred: boolean;
  /** Where it came from, for the data panel: "built-in", "dropped files", a URL. */
  origin: string;
  /**
   * Set for the output of `npm run build:data` (load-build.ts): polygons are read from vector tiles, areas per
   * class from the build's index; whole polygons (for compare mode) only if the build wrote features.geojson.
   */
  tiles?: TiledData;
}

export type CompareView = 'overlay' | 'side' | 'swipe';
export type Language = 'en' | 'uk' | 'ru';

/** Playback speeds, in snapshots per second. */
export const PLAY_SPEEDS = [1, 2, 4, 8] as const;

const FALLBACK_CAMERA: Camera = { zoom: 9, lat: 51.3, lon: 35.2 };

export class AppState {
  dataset = $state.raw<LoadedDataset | null>(null);
  /** Problems found while loading, shown in the issues panel. */
  issues = $state.raw<Issue[]>([]);
  /** Things the user should know that are not data problems (a bad link, a fallback). */
  notices = $state<string[]>([]);
  loading = $state<string | null>('Loading the dataset…');
  /** True once the map has drawn the first dataset: what is below the fold loads after that. */
  mapDrawn = $state(false);

  dateIso = $state('');
  compare = $state<{ fromIso: string; toIso: string } | null>(null);
  compareView = $state<CompareView>('overlay');
  camera = $state.raw<Camera>(FALLBACK_CAMERA);
  playing = $state(false);
  speed = $state<number>(2);
  language = $state<Language>('en');
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

  store: SnapshotStore | null = $derived(this.dataset?.store ?? null);
  /** The tiles of a tiled dataset (null for a dataset of GeoJSON snapshots). */
  tiles: TiledData | null = $derived(this.dataset?.tiles ?? null);
  /** Whole polygons of a tiled dataset, once features.geojson is fetched (compare mode asks for it). */
  private tiledGeometry = $state.raw<{ dataset: LoadedDataset; store: Promise<SnapshotStore> } | null>(null);
  /** Why compare mode cannot be used with this dataset, or null when it can. */
  compareUnavailable: string | null = $derived(
    this.tiles && !this.tiles.geojsonUrl
      ? 'Compare is not available for this dataset: it is a tiled build without features.geojson (built with --no-geojson), and tiles are simplified per zoom, so they cannot be compared exactly.'
      : null,
  );
  datesIso: string[] = $derived(this.store?.datesIso ?? []);
  firstDateIso = $derived(this.datesIso[0] ?? '');
  lastDateIso = $derived(this.datesIso[this.datesIso.length - 1] ?? '');
  snapshotIndex = $derived(snapshotIndexOn(this.datesIso, this.dateIso));
  /** The date of the snapshot in force, and how many days old it is on the chosen date. */
  snapshotDateIso = $derived(this.datesIso[this.snapshotIndex] ?? null);
  snapshotAgeDays = $derived(this.snapshotDateIso ? daysBetween(this.snapshotDateIso, this.dateIso) : null);
  /** Area figures per snapshot index of the current dataset, as the area worker answers them. */
  private reports = new SvelteMap<number, AreaReport>();
  areaReport: AreaReport | null = $derived(this.reports.get(this.snapshotIndex) ?? null);
  /** The last report received, shown dimmed while the one for the slider's snapshot is computed. */
  lastAreaReport = $state.raw<{ index: number; report: AreaReport } | null>(null);
  areaReportError = $state<string | null>(null);

  /**
   * Ask the area worker for the figures of the snapshot on the slider, unless they are known. Computed off the
   * main thread: one union of large, jagged polygons can take seconds (measured with a 40 MB dataset).
   */
  async requestAreaReport(): Promise<void> {
    const index = this.snapshotIndex;
    if (!this.dataset || index < 0 || this.reports.has(index)) return;
    const tiles = this.dataset.tiles;
    if (tiles) {
      // A tiled build carries its area figures per class: nothing to compute.
      const report = areaReportFromBuild(tiles.areasKm2, this.dataset.manifest.measures, this.dataset.manifest.classes.map((c) => c.id), index);
      this.reports.set(index, report);
      this.lastAreaReport = { index, report };
      return;
    }
    try {
      const answer = await requestAreaReport(index);
      if (!answer.stale) {
        this.reports.set(answer.index, answer.report);
        this.lastAreaReport = { index: answer.index, report: answer.report };
      }
    } catch (err) {
      this.areaReportError = (err as Error).message;
    }
  }

  /** Put a loaded dataset in place and apply a link (or the defaults) to it. */
  setDataset(dataset: LoadedDataset, issues: Issue[], link: string): void {
    this.reports.clear();
    this.lastAreaReport = null;
    this.areaReportError = null;
    this.dataset = dataset;
    this.tiledGeometry = null;
    const store = this.store;
    if (store && !dataset.tiles) setAreaDataset(store, dataset.manifest.measures, dataset.manifest.classes.map((c) => c.id), dataset.clipRegions);
    this.issues = issues;
    this.loading = null;
    this.applyLink(link, true);
  }

  /** Follow a permalink; anything unusable falls back to the defaults, with a notice. */
  applyLink(hash: string, initial = false): void {
    const link = parseLink(hash);
    const notices = [...link.notices];
    const dates = this.datesIso;
    let date = link.dateIso;
    if (date && dates.length > 0 && (date < dates[0]! || date > dates[dates.length - 1]!)) {
      notices.push(`The link's date ${date} is outside this dataset (${dates[0]} to ${dates[dates.length - 1]}); showing ${clampDate(dates, date)}.`);
      date = clampDate(dates, date);
    }
    if (link.compare && this.compareUnavailable) {
      notices.push(this.compareUnavailable);
      this.compare = null;
      this.dateIso = clampDate(dates, link.compare.toIso);
    } else if (link.compare) {
      this.compare = { fromIso: clampDate(dates, link.compare.fromIso), toIso: clampDate(dates, link.compare.toIso) };
      this.dateIso = this.compare.toIso;
    } else {
      this.compare = null;
      this.dateIso = date ?? (initial || !this.dateIso ? this.defaultDate() : this.dateIso);
    }
    if (link.camera) this.camera = link.camera;
    else if (initial) this.camera = this.dataset?.manifest.defaultView ?? FALLBACK_CAMERA;
    if (initial || notices.length > 0) this.notices = notices;
  }

  /** The link for the current state. */
  link(): string {
    const state: LinkState = { dateIso: this.dateIso, camera: this.camera };
    if (this.compare) state.compare = this.compare;
    return formatLink(state);
  }

  /** The default date: the last snapshot, the state of things as last published. */
  defaultDate(): string {
    return this.lastDateIso;
  }

  setDate(dateIso: string): void {
    if (this.datesIso.length === 0) return;
    this.dateIso = clampDate(this.datesIso, dateIso);
  }

  step(delta: number): void {
    this.setDate(stepSnapshot(this.datesIso, this.dateIso, delta));
  }

  first(): void {
    this.setDate(this.firstDateIso);
  }

  last(): void {
    this.setDate(this.lastDateIso);
  }

  /** Play from the chosen date (from the start when at the end). */
  togglePlay(): void {
    if (!this.playing && this.dateIso >= this.lastDateIso) this.first();
    this.playing = !this.playing;
  }

  /** One playback tick: the next snapshot, stopping at the last. */
  tick(): void {
    if (this.dateIso >= this.lastDateIso) {
      this.playing = false;
      return;
    }
    this.step(1);
  }

  startCompare(fromIso: string, toIso: string): void {
    if (this.compareUnavailable) {
      if (!this.notices.includes(this.compareUnavailable)) this.notices.push(this.compareUnavailable);
      return;
    }
    const [a, b] = fromIso <= toIso ? [fromIso, toIso] : [toIso, fromIso];
    this.compare = { fromIso: clampDate(this.datesIso, a), toIso: clampDate(this.datesIso, b) };
    this.playing = false;
  }

  stopCompare(): void {
    if (this.compare) this.dateIso = this.compare.toIso;
    this.compare = null;
  }

  /** The snapshot in force on a date, or an empty one before the first (nothing was mapped yet). */
  snapshotOn(dateIso: string, store: SnapshotStore | null = this.store): Snapshot {
    const i = snapshotIndexOn(this.datesIso, dateIso);
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
        if (this.dataset === ds) this.issues = [...this.issues, ...r.issues];
        throw new Error(`the build's features.geojson could not be used (${r.issues[0]?.reason ?? 'unknown problem'}); see the data problems`);
      });
    // A failure is kept too, for the dataset: asking again answers with it, never refetches. Retrying on each
    // ask made a loop (the failure adds issues, which asks again: hundreds of requests a second, issue 15).
    store.catch(() => undefined);
    this.tiledGeometry = { dataset: ds, store };
    return store;
  }

  dismissNotice(i: number): void {
    this.notices.splice(i, 1);
  }
}

export const [getAppState, setAppState] = createContext<AppState>();
