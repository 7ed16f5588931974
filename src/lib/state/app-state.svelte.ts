// The root application state: dataset, date, comparison, camera, playback. Figures are derived from domain/.
import { createContext } from 'svelte';
import { snapshotAreaReport, type AreaReport } from '../domain/area';
import { buildSnapshotStore, featuresAt, type SnapshotStore } from '../domain/snapshot-store';
import { clampDate, daysBetween, snapshotIndexOn, stepSnapshot } from '../domain/timeline';
import type { AreaGeometry, Camera, DatasetManifest, Issue, Snapshot } from '../domain/types';
import { formatLink, parseLink, type LinkState } from '../domain/permalink';
import type { Claim } from '../data/claims-schema';
import type { FeatureCollection } from 'geojson';

/** A dataset as the app holds it once loaded and checked. */
export interface LoadedDataset {
  manifest: DatasetManifest;
  snapshots: Snapshot[];
  clipRegions: Record<string, AreaGeometry>;
  /** Claims of the dataset's claims file (empty when it has none). */
  claims: Claim[];
  /** True for a bare folder of snapshots: classes, labels and colours are defaults. */
  manifestInferred: boolean;
  /** Where it came from, for the data panel: "built-in", "dropped files", a URL. */
  origin: string;
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

  dateIso = $state('');
  compare = $state<{ fromIso: string; toIso: string } | null>(null);
  compareView = $state<CompareView>('overlay');
  camera = $state.raw<Camera>(FALLBACK_CAMERA);
  playing = $state(false);
  speed = $state<number>(2);
  language = $state<Language>('en');
  /** Compare-mode polygons (gained, lost, unchanged) for the map's overlay. */
  diffFeatures = $state.raw<FeatureCollection | null>(null);

  store: SnapshotStore | null = $derived(this.dataset ? buildSnapshotStore(this.dataset.snapshots) : null);
  datesIso: string[] = $derived(this.store?.datesIso ?? []);
  firstDateIso = $derived(this.datesIso[0] ?? '');
  lastDateIso = $derived(this.datesIso[this.datesIso.length - 1] ?? '');
  snapshotIndex = $derived(snapshotIndexOn(this.datesIso, this.dateIso));
  /** The date of the snapshot in force, and how many days old it is on the chosen date. */
  snapshotDateIso = $derived(this.datesIso[this.snapshotIndex] ?? null);
  snapshotAgeDays = $derived(this.snapshotDateIso ? daysBetween(this.snapshotDateIso, this.dateIso) : null);
  areaReport: AreaReport | null = $derived(this.reportAt(this.snapshotIndex));

  private reports = new Map<string, AreaReport>();

  /** Area figures of the snapshot at an index, computed once per dataset and snapshot. */
  reportAt(index: number): AreaReport | null {
    const ds = this.dataset;
    const store = this.store;
    if (!ds || !store || index < 0) return null;
    const key = `${ds.manifest.id}:${index}`;
    let report = this.reports.get(key);
    if (!report) {
      report = snapshotAreaReport(
        store.files[index] ?? '',
        featuresAt(store, index),
        ds.manifest.measures,
        ds.manifest.classes.map((c) => c.id),
        ds.clipRegions,
      );
      this.reports.set(key, report);
    }
    return report;
  }

  /** Put a loaded dataset in place and apply a link (or the defaults) to it. */
  setDataset(dataset: LoadedDataset, issues: Issue[], link: string): void {
    this.reports.clear();
    this.dataset = dataset;
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
    if (link.compare) {
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
    const [a, b] = fromIso <= toIso ? [fromIso, toIso] : [toIso, fromIso];
    this.compare = { fromIso: clampDate(this.datesIso, a), toIso: clampDate(this.datesIso, b) };
    this.playing = false;
  }

  stopCompare(): void {
    if (this.compare) this.dateIso = this.compare.toIso;
    this.compare = null;
  }

  dismissNotice(i: number): void {
    this.notices.splice(i, 1);
  }
}

export const [getAppState, setAppState] = createContext<AppState>();
