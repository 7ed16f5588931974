// The shared vocabulary of Claimed Ground: datasets, snapshots, issues. Pure types, no runtime code.
import type { MultiPolygon, Polygon, Feature } from 'geojson';

/** A problem found while loading or computing, named precisely enough for a user to fix it. */
export interface Issue {
  /** File name (or URL) the problem is in. */
  file: string;
  /** Index of the feature in its file's `features` array, when the problem is about one feature. */
  featureIndex?: number;
  /** The feature's `id` (or `properties.id`) when it has one. */
  featureId?: string | number;
  /** JSON path inside the file, e.g. `features[3].geometry.coordinates[0][5]`. */
  path?: string;
  /** What is wrong, in words: `ISO date expected, "3/4/22" found`. */
  reason: string;
  severity: 'error' | 'warning';
}

/** Errors as values: loading goes on past a bad part and fails only when nothing usable is left. */
export type Result<T> = { ok: true; value: T; issues: Issue[] } | { ok: false; issues: Issue[] };

export type AreaGeometry = Polygon | MultiPolygon;

/** Properties every control-area feature carries once loaded. */
export interface ControlProps {
  /** Class id from the manifest, e.g. `ukraine_held_in_russia`. */
  class: string;
  /** Optional display name (plain text: never rendered as HTML). */
  name?: string;
  [key: string]: unknown;
}

export type ControlFeature = Feature<AreaGeometry, ControlProps>;

/** One dated snapshot: the control areas as published for that day. */
export interface Snapshot {
  /** Calendar date the snapshot is for, `YYYY-MM-DD` (UTC). */
  dateIso: string;
  /** File the snapshot came from. */
  file: string;
  features: ControlFeature[];
}

/**
 * Text of a manifest item in other UI languages, by field: `{ "uk": { "label": "…" } }`. English is the item's own
 * field; a missing translation falls back to it.
 */
export type Translations<F extends string> = { uk?: Partial<Record<F, string>> };

/**
 * A label that holds only for some dates (inclusive bounds), because the source's own name for the layer
 * changed: ISW called its Kursk layer a "claimed limit of advance" until 2024-12-01.
 */
export interface LabelPeriod {
  fromIso?: string;
  untilIso?: string;
  label: string;
  /** Why the label differs on these dates, in a sentence. */
  note?: string;
  translations?: Translations<'label' | 'note'>;
}

/** A class of control area: how it is labelled and drawn. */
export interface ControlClass {
  id: string;
  label: string;
  /** CSS hex colour, `#rrggbb`. */
  color: string;
  description?: string;
  /** Not drawn unless the user shows it (e.g. ground outside the region the dataset is about). */
  hidden?: boolean;
  /**
   * Whose control the class marks, for place histories and place claims: an ISO 3166-1 alpha-2 code (`UA`) or
   * `contested`. A place outside every class with it is read as held by the country it lies in.
   */
  heldBy?: string;
  labelPeriods?: LabelPeriod[];
  translations?: Translations<'label' | 'description'>;
}

/**
 * A named area measure, e.g. "held by Ukraine in Russia": the union of some classes, optionally
 * clipped to a region, so that the figure answers exactly one question.
 */
export interface AreaMeasure {
  id: string;
  label: string;
  classes: string[];
  /** Id of a clip region in the manifest (`clipRegions`), or absent for no clipping. */
  clipTo?: string;
  /** Also give the figure as a share of the manifest's `referenceArea`. */
  shareOfReference?: boolean;
  labelPeriods?: LabelPeriod[];
  translations?: Translations<'label'>;
}

/** The area a share is taken of (e.g. a country's official area), with where the figure comes from. */
export interface ReferenceArea {
  label: string;
  areaKm2: number;
  source: string;
}

/** Regions to break one measure down by (e.g. oblasts): a GeoJSON file of named polygons. */
export interface RegionBreakdown {
  file: string;
  /** What a region is called, e.g. "Oblast". */
  label: string;
  /** Id of the measure broken down. */
  measure: string;
}

export interface DatasetSource {
  name: string;
  url?: string;
  /** What is known of the licence, said plainly (e.g. "no licence published; non-commercial use stated"). */
  licenceStatus: string;
  attribution: string;
}

export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
}

/** What a dataset is: everything but the snapshots' geometry. */
export interface DatasetManifest {
  id: string;
  title: string;
  /** A short name for tables and legends with several sources ("ISW/CTP"). */
  shortName?: string;
  /** The source's own colour (`#rrggbb`): its marks on the time track and its outlines on a shared map. */
  color?: string;
  region: string;
  description?: string;
  classes: ControlClass[];
  measures: AreaMeasure[];
  /** Clip regions by id: file names of GeoJSON polygons (e.g. Russia's land within the region). */
  clipRegions?: Record<string, { label: string; file: string; translations?: Translations<'label'> }>;
  defaultView?: Camera;
  sources: DatasetSource[];
  /** Snapshot files, by date. */
  snapshots: { dateIso: string; file: string }[];
  /**
   * Days the source published this area without a change, sorted (DeepState: `changed_since_previous_day` False in
   * deepstate-index.csv). Such a day has no snapshot of its own; it confirms the one in force. "Unchanged" is not
   * "not published": a day in neither list is one the source said nothing about.
   */
  publishedUnchanged?: string[];
  claimsFile?: string;
  placesFile?: string;
  /**
   * One compact file holding every snapshot (src/lib/data/store-file.ts); the `file` of each entry in
   * `snapshots` is then a path inside it.
   */
  snapshotStore?: string;
  referenceArea?: ReferenceArea;
  regions?: RegionBreakdown;
  translations?: Translations<'title' | 'description' | 'region'>;
  /** CSV of dated claims about named places (src/lib/data/place-claims.ts). */
  placeClaimsFile?: string;
  /** How features without a `class` get one (files from mappers who do not use our schema). */
  classMapping?: ClassMapping;
}

/**
 * Classes for features that carry none, from one of their values: a property, the fill colour of their original
 * style (KML), or their layer (KML folder, TopoJSON object, Shapefile layer). Each value names a class, or null
 * to leave its features out; features with a value not listed are left out and reported.
 */
export interface ClassMapping {
  from: 'property' | 'style-fill' | 'layer';
  /** The property, when `from` is `property`. */
  property?: string;
  values: { value: string; class: string | null }[];
}
