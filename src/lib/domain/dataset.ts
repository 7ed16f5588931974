// The one dataset model: a dataset as the app holds it once loaded and checked, and a source (one mapper's
// dataset) on the shared clock. Imported by data/, state/, map/ and workers/ alike.
import type { Claim } from './claim-schema';
import type { PlaceClaim } from './place-assertion';
import type { Gazetteer } from './gazetteer';
import type { RunTable } from './run-table';
import type { SnapshotStore } from './snapshot-store';
import type { AreaGeometry, DatasetManifest } from './types';

/** What a data build (`npm run build:data`) adds: polygons in vector tiles, areas per class from its index. */
export interface TiledData {
  /** Absolute URL of index.json (the base for the other files). */
  indexUrl: string;
  /** Absolute URL of claims.pmtiles: MapLibre's workers resolve relative URLs against their own location. */
  pmtilesUrl: string;
  /** Source layer of the tiles (`claims`). */
  layer: string;
  runs: RunTable;
  /** Class ids in the order of `runs.classIndex`. */
  classIds: string[];
  /** km² per class per snapshot index (null: the build's union failed). */
  areasKm2: Record<string, (number | null)[]>;
  /** How the build measured areas, in words. */
  areaMethod: string;
  /** West, south, east, north of every polygon. */
  bounds: [number, number, number, number];
  /** Absolute URL of features.geojson, when the build wrote it (compare mode needs whole polygons). */
  geojsonUrl?: string;
}

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
  /** Its named places (the places file), for search, place histories and settlement counts. */
  gazetteer?: Gazetteer;
  /** Claims about named places (the place claims file). */
  placeClaims?: PlaceClaim[];
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

/**
 * One mapper's dataset on the shared clock. `id` is what permalinks name (`deepstate`, `isw`, `nzz` for the
 * built-in Kursk sources; `own-1`, … for a user's).
 */
export interface Source {
  id: string;
  dataset: LoadedDataset;
}
