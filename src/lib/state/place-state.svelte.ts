// State of places: the dataset's gazetteer and place claims, every place's history (from the places worker), the
// chosen place, and search. Kept apart from AppState, which it reads only through the arguments it is given.
import { createContext } from 'svelte';
import type { LoadedDataset } from '../domain/dataset';
import type { PlaceClaim } from '../data/place-claims';
import { requestPlaceHistories } from '../data/places-client';
import { toPlacePoints, toSearchable, type Gazetteer, type GazetteerPlace } from '../domain/gazetteer';
import { heldByOf, placeChanges, readingOf, type ControlChange, type ControlRun, type SourcePlaceHistory } from '../domain/place-history';
import { checkPlaceClaim, type PlaceClaimVerdict } from '../domain/place-claim-check';
import { createPlaceIndex, searchPlaces, type PlaceIndex } from '../domain/place-search';
import type { Camera } from '../domain/types';

/** Zoom the map goes to for a chosen place (villages are a few hundred metres across). */
export const PLACE_ZOOM = 12;

export class PlaceState {
  /** The dataset the histories are for. */
  dataset = $state.raw<LoadedDataset | null>(null);
  gazetteer: Gazetteer | null = $derived(this.dataset?.gazetteer ?? null);
  placeClaims: PlaceClaim[] = $derived(this.dataset?.placeClaims ?? []);
  /** Every place's runs and the counts, once the worker has answered (null while computing or without places). */
  history = $state.raw<SourcePlaceHistory | null>(null);
  pending = $state(false);
  error = $state<string | null>(null);
  /** How long the worker took, ms (shown in the data panel's details, and read by the browser tests). */
  workerMs = $state<number | null>(null);
  selectedId = $state<string | null>(null);
  private index: PlaceIndex | null = null;

  selectedIndex: number = $derived(this.selectedId !== null && this.gazetteer ? (this.gazetteer.byId.get(this.selectedId) ?? -1) : -1);
  selected: GazetteerPlace | null = $derived(this.selectedIndex >= 0 ? this.gazetteer!.places[this.selectedIndex]! : null);
  runs: ControlRun[] | null = $derived(this.history && this.selectedIndex >= 0 ? (this.history.runsByPlace[this.selectedIndex] ?? null) : null);
  changes: ControlChange[] = $derived(this.runs ? placeChanges(this.runs) : []);
  heldBy: Map<string, string> = $derived(heldByOf(this.dataset?.manifest.classes ?? []));
  /** Whose control each run of the chosen place shows. */
  readings: (string | null)[] = $derived((this.runs ?? []).map((r) => readingOf(r.classes, this.heldBy, this.selected?.country ?? null)));
  /** Claims about the chosen place, each set against this source's history of it. */
  claimsAboutSelected: { claim: PlaceClaim; verdict: PlaceClaimVerdict | null }[] = $derived(
    this.selected
      ? this.placeClaims
          .filter((c) => c.placeId === this.selectedId)
          .map((claim) => ({
            claim,
            verdict: this.runs && this.dataset ? checkPlaceClaim(claim, this.runs, this.dataset.store.datesIso, this.heldBy, this.selected!.country) : null,
          }))
      : [],
  );
  /** Claims naming a place the gazetteer lacks (listed, not dropped). */
  claimsWithoutPlace: PlaceClaim[] = $derived(this.placeClaims.filter((c) => !c.isCount && c.placeId === null));

  /**
   * Put a dataset in place: its gazetteer, and the worker computing every place's history. A tiled dataset's
   * store has no polygons, so it gets no histories (said in `error`).
   */
  setDataset(dataset: LoadedDataset): void {
    this.dataset = dataset;
    this.index = null;
    this.history = null;
    this.error = null;
    this.workerMs = null;
    if (this.selectedId !== null && !dataset.gazetteer?.byId.has(this.selectedId)) this.selectedId = null;
    void this.compute(dataset);
  }

  private async compute(dataset: LoadedDataset): Promise<void> {
    const g = dataset.gazetteer;
    if (!g) return;
    if (dataset.tiles) {
      this.error = 'Place histories need whole polygons; this tiled build has none loaded.';
      return;
    }
    this.pending = true;
    try {
      const m = dataset.manifest;
      const answer = await requestPlaceHistories(m.id, dataset.store, toPlacePoints(g), m.classes.map((c) => c.id), m.measures, dataset.clipRegions);
      if (answer.stale || this.dataset !== dataset) return;
      this.history = answer.history;
      this.workerMs = answer.ms;
    } catch (err) {
      if (this.dataset === dataset) this.error = (err as Error).message;
    } finally {
      if (this.dataset === dataset) this.pending = false;
    }
  }

  /** Places matching a query, best first (the index is built on the first search). */
  search(query: string, limit = 8): GazetteerPlace[] {
    const g = this.gazetteer;
    if (!g) return [];
    this.index ??= createPlaceIndex(toSearchable(g));
    return searchPlaces(this.index, query, limit).map((h) => g.places[g.byId.get(h.id)!]!);
  }

  /** Choose a place (or none); returns the camera that shows it. */
  select(id: string | null, current: Camera): Camera | null {
    this.selectedId = id;
    const p = this.selected;
    return p ? { lon: p.lon, lat: p.lat, zoom: Math.max(current.zoom, PLACE_ZOOM) } : null;
  }

  /**
   * Follow a link's `place=` (already parsed): choose it when the gazetteer has it, else say why not. Returns
   * the notice, or null.
   */
  applyLinkPlace(placeId: string | undefined): string | null {
    if (placeId === undefined) {
      this.selectedId = null;
      return null;
    }
    if (!this.gazetteer?.byId.has(placeId)) {
      this.selectedId = null;
      return `The link's place "${placeId}" is not in this dataset's gazetteer; no place is shown.`;
    }
    this.selectedId = placeId;
    return null;
  }
}

export const [getPlaceState, setPlaceState] = createContext<PlaceState>();
