// `window.__test`: the one handle browser tests and benchmarks read the map through, typed, in test builds only
// (`vite build --mode test`, which `npm run test:e2e` runs). A production build never loads this module: MapView
// imports it behind `import.meta.env.MODE === 'test'`, which Vite replaces by `false` and drops.
import type { Camera } from '../domain/types';

/** The query verbs of the primary map (ClaimsMap.testVerbs). Positions are `[lng, lat]` degrees; pixels CSS px. */
export interface MapTestVerbs {
  /** Style loaded, every tile loaded, the adapter's layers added. */
  ready(): boolean;
  /** Resolves on the map's next `idle` (a repaint is asked for, so it comes even when nothing is pending). */
  idle(): Promise<void>;
  /** Where a position is drawn, relative to the map's container. */
  project(lng: number, lat: number): { x: number; y: number };
  /** Where a position is drawn on the page (the container's offset added). */
  projectToPage(lng: number, lat: number): { x: number; y: number };
  /** The map container's size. */
  containerSize(): { width: number; height: number };
  /**
   * Classes of the control polygons rendered under a position in a slot's fill layer (0: the primary); by default
   * only those whose feature state is visible (hidden dates are drawn transparent and are still hit by queries).
   */
  controlClassesAt(lng: number, lat: number, opts?: { slot?: number; visibleOnly?: boolean }): string[];
  /** Classes of the visible control polygons rendered anywhere in view, in a slot's fill layer (0: the primary). */
  controlClassesInView(slot?: number): string[];
  /** Whether any visible control polygon of the primary slot is rendered (the first frame with polygons). */
  anyControlVisible(): boolean;
  /** `id`s of the chosen-place rings rendered within `radiusPx` of a position. */
  placeIdsNear(lng: number, lat: number, radiusPx: number): unknown[];
  /** The type of a slot's control source on the map (`geojson`, `vector`), if it is there. */
  controlSourceType(slot?: number): string | undefined;
  /** The basemap's source layers with features rendered in the viewport, sorted. */
  basemapLayersDrawn(): string[];
  /**
   * The map's canvas alone as a PNG data URL, drawn at one device pixel per CSS pixel (through `captureImage`, as
   * "Save image" does): no DOM over it (controls, attribution, panels), for pixel goldens.
   */
  canvasPng(): Promise<string>;
  /** Device pixels per CSS pixel the map draws at. */
  pixelRatio(): number;
  /** Move the camera as a user would (move listeners are told, so the app's camera follows). */
  moveTo(camera: Camera): void;
  /**
   * The MapLibre map itself, for the rival of the scrub benchmark only (its own sources and layers, `setData` on
   * every step, against the app's feature state). Tests never use it: they ask the verbs above.
   */
  mapForRivalBenchmark(): unknown;
}

/** What `window.__test` holds. */
export interface TestHandle {
  map: MapTestVerbs;
}

/** Put the primary map's verbs on `window.__test` (test builds only; see the top of this file). */
export function exposeTestHandle(map: { testVerbs(): MapTestVerbs }): void {
  (window as unknown as { __test?: TestHandle }).__test = { map: map.testVerbs() };
}
