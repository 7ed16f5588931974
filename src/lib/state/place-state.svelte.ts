// State of places: the gazetteer and place claims, every place's history in each source (from the places worker),
// the chosen place, and search. Kept apart from AppState, which it reads only through the arguments it is given.
//
// Sources: one dataset is the home of the places (its places file is the gazetteer, its place claims the claims);
// every source shown gets the history of the same places worked out, so a Kursk place can be read in DeepState,
// ISW and NZZ side by side (`setSources`).
import { createContext } from 'svelte';
import { SvelteMap } from 'svelte/reactivity';
import type { LoadedDataset, Source } from '../domain/dataset';
import type { PlaceClaim } from '../data/place-claims';
import { requestPlaceHistories } from '../data/places-client';
import { toPlacePoints, toSearchable, type Gazetteer, type GazetteerPlace } from '../domain/gazetteer';
import { heldByOf, placeChanges, readingOf, type ControlChange, type ControlRun, type PlaceCounts, type SourcePlaceHistory } from '../domain/place-history';
import { checkPlaceClaim, type PlaceClaimVerdict } from '../domain/place-claim-check';
import { createPlaceIndex, searchPlaces, type PlaceIndex } from '../domain/place-search';
import { sourceName } from '../domain/sources';
import type { Camera } from '../domain/types';
import { t } from '../i18n/i18n.svelte';

/** Zoom the map goes to for a chosen place (villages are a few hundred metres across). */
export const PLACE_ZOOM = 12;

/** The chosen place in one source. */
export interface PlaceInSource {
  sourceId: string;
  name: string;
  dataset: LoadedDataset;
  /** Null while the worker computes (or when the source has no polygons to test). */
  runs: ControlRun[] | null;
  changes: ControlChange[];
  /** Whose control each run shows. */
  readings: (string | null)[];
}

export class PlaceState {
  /**
   * @param notify shows a notice to the reader (a link's place the gazetteer lacks), when it is known: at once, or
   *   when a shipped folder's places arrive after its first frame.
   */
  constructor(private readonly notify: (text: string) => void = () => {}) {}

  /** The sources whose histories are shown, the primary first. */
  sources = $state.raw<Source[]>([]);
  /** The dataset of the gazetteer and the place claims. */
  dataset = $state.raw<LoadedDataset | null>(null);
  gazetteer: Gazetteer | null = $derived(this.dataset?.gazetteer ?? null);
  placeClaims: PlaceClaim[] = $derived(this.dataset?.placeClaims ?? []);
  /** Every place's runs and counts per source id, as the workers answer. */
  private histories = new SvelteMap<string, SourcePlaceHistory>();
  private errors = new SvelteMap<string, string>();
  private workerTimes = new SvelteMap<string, number>();
  /** The primary source's histories (null while computing or without places). */
  history: SourcePlaceHistory | null = $derived(this.sources[0] ? (this.histories.get(this.sources[0].id) ?? null) : null);
  error: string | null = $derived(this.sources[0] ? (this.errors.get(this.sources[0].id) ?? null) : null);
  /** How long the primary source's worker took, ms (read by the browser tests). */
  workerMs: number | null = $derived(this.sources[0] ? (this.workerTimes.get(this.sources[0].id) ?? null) : null);
  /** Every shown source's place counts (null while its worker computes), in the order of `sources`. */
  countsBySource: { sourceId: string; name: string; dataset: LoadedDataset; counts: PlaceCounts | null; error: string | null }[] = $derived(
    this.sources.map((s) => ({
      sourceId: s.id,
      name: sourceName(s.dataset.manifest),
      dataset: s.dataset,
      counts: this.histories.get(s.id)?.counts ?? null,
      error: this.errors.get(s.id) ?? null,
    })),
  );
  selectedId = $state<string | null>(null);
  private index: PlaceIndex | null = null;
  /** A link's `place=` asked for while the sources' places were still on their way (`pending`). */
  private awaitedLinkId: string | null = null;

  selectedIndex: number = $derived(this.selectedId !== null && this.gazetteer ? (this.gazetteer.byId.get(this.selectedId) ?? -1) : -1);
  selected: GazetteerPlace | null = $derived(this.selectedIndex >= 0 ? this.gazetteer!.places[this.selectedIndex]! : null);

  /** The chosen place in every source, in the order of `sources`. */
  inSources: PlaceInSource[] = $derived(
    this.selected
      ? this.sources.map((s) => {
          const runs = this.histories.get(s.id)?.runsByPlace[this.selectedIndex] ?? null;
          const heldBy = heldByOf(s.dataset.manifest.classes);
          return {
            sourceId: s.id,
            name: sourceName(s.dataset.manifest),
            dataset: s.dataset,
            runs,
            changes: runs ? placeChanges(runs) : [],
            readings: (runs ?? []).map((r) => readingOf(r.classes, heldBy, this.selected!.country)),
          };
        })
      : [],
  );
  /** The primary source's view of the chosen place. */
  runs: ControlRun[] | null = $derived(this.inSources[0]?.runs ?? null);
  changes: ControlChange[] = $derived(this.inSources[0]?.changes ?? []);
  readings: (string | null)[] = $derived(this.inSources[0]?.readings ?? []);

  /** Claims about the chosen place, each set against every source's history of it. */
  claimsAboutSelected: { claim: PlaceClaim; verdicts: { sourceId: string; source: string; verdict: PlaceClaimVerdict | null }[] }[] = $derived(
    this.selected
      ? this.placeClaims
          .filter((c) => c.placeId === this.selectedId)
          .map((claim) => ({
            claim,
            verdicts: this.inSources.map((s) => ({
              sourceId: s.sourceId,
              source: s.name,
              verdict: s.runs ? checkPlaceClaim(claim, s.runs, s.dataset.store.datesIso, heldByOf(s.dataset.manifest.classes), this.selected!.country) : null,
            })),
          }))
      : [],
  );
  /** Claims naming a place the gazetteer lacks (listed, not dropped). */
  claimsWithoutPlace: PlaceClaim[] = $derived(this.placeClaims.filter((c) => !c.isCount && c.placeId === null));

  /** One dataset as the only source and the home of the places. */
  setDataset(dataset: LoadedDataset): void {
    this.setSources([{ id: dataset.manifest.id, dataset }], dataset);
  }

  /**
   * Put the sources in place (the primary first) with the dataset whose gazetteer they are read for (`home`; by
   * default the first source with one), and start a worker for each source not already worked out. A tiled
   * dataset's store has no polygons, so it gets no history (said in its error).
   */
  setSources(sources: Source[], home: LoadedDataset | null = sources.find((s) => s.dataset.gazetteer)?.dataset ?? null): void {
    const sameHome = home === this.dataset;
    const known = new Map(this.sources.map((s) => [s.id, s.dataset]));
    if (!sameHome) {
      this.dataset = home;
      this.index = null;
    }
    for (const id of [...this.histories.keys(), ...this.errors.keys()])
      if (!sameHome || known.get(id) !== sources.find((s) => s.id === id)?.dataset) {
        this.histories.delete(id);
        this.errors.delete(id);
        this.workerTimes.delete(id);
      }
    const fresh = sources.filter((s) => !sameHome || known.get(s.id) !== s.dataset);
    this.sources = sources;
    const g = home?.gazetteer;
    if (this.selectedId !== null && !g?.byId.has(this.selectedId)) this.selectedId = null;
    if (!g) return;
    if (this.awaitedLinkId !== null) {
      const id = this.awaitedLinkId;
      this.awaitedLinkId = null;
      this.chooseLinkPlace(id);
    }
    for (const s of fresh) void this.compute(s, g);
  }

  private async compute(source: Source, g: Gazetteer): Promise<void> {
    const ds = source.dataset;
    if (ds.tiles) {
      this.errors.set(source.id, t('place.noWholePolygons'));
      return;
    }
    const live = () => this.sources.some((s) => s.id === source.id && s.dataset === ds) && this.gazetteer === g;
    if (!live()) return;
    try {
      const m = ds.manifest;
      const answer = await requestPlaceHistories(source.id, ds.store, toPlacePoints(g), m.classes.map((c) => c.id), m.measures, ds.clipRegions);
      if (answer.stale || !live()) return;
      this.histories.set(source.id, answer.history);
      this.workerTimes.set(source.id, answer.ms);
    } catch (err) {
      if (live()) this.errors.set(source.id, (err as Error).message);
    }
  }

  /** Places matching a query, best first (the index is built on the first search). */
  search(query: string, limit = 8): GazetteerPlace[] {
    const g = this.gazetteer;
    if (!g) return [];
    this.index ??= createPlaceIndex(toSearchable(g));
    return searchPlaces(this.index, query, limit).map((h) => g.places[g.byId.get(h.id)!]!);
  }

  /** The gazetteer's id for a basemap label (its `name:en` and `name:ru`), when exactly one place has those names. */
  matchLabel(props: Record<string, unknown>): string | null {
    const en = typeof props['name:en'] === 'string' ? props['name:en'] : null;
    const ru = typeof props['name:ru'] === 'string' ? props['name:ru'] : null;
    const hits = (this.gazetteer?.places ?? []).filter((p) => (en !== null && p.en === en) && (ru === null || p.ru === null || p.ru === ru));
    return hits.length === 1 ? hits[0]!.id : null;
  }

  /** Choose a place (or none); returns the camera that shows it. */
  select(id: string | null, current: Camera): Camera | null {
    this.selectedId = id;
    const p = this.selected;
    return p ? { lon: p.lon, lat: p.lat, zoom: Math.max(current.zoom, PLACE_ZOOM) } : null;
  }

  /**
   * Follow a link's `place=` (already parsed): choose it when the gazetteer has it, else say why not (`notify`).
   * While a shown source's places are still on their way, the place is chosen (or the notice given) when they come.
   */
  applyLinkPlace(placeId: string | undefined): void {
    this.awaitedLinkId = null;
    this.selectedId = null;
    if (placeId === undefined) return;
    const coming = this.sources.some((s) => s.dataset.manifest.placesFile !== undefined && s.dataset.pending?.includes(s.dataset.manifest.placesFile));
    if (!this.gazetteer && coming) this.awaitedLinkId = placeId;
    else this.chooseLinkPlace(placeId);
  }

  private chooseLinkPlace(placeId: string): void {
    if (this.gazetteer?.byId.has(placeId)) this.selectedId = placeId;
    else this.notify(t('place.linkUnknown', { id: placeId }));
  }
}

export const [getPlaceState, setPlaceState] = createContext<PlaceState>();
