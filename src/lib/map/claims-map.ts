// The one adapter that owns a MapLibre map: control areas by date, compare overlays, camera, popups.
// Nothing else in the app imports maplibre-gl (STYLE.md); components call these few verbs.
import { AttributionControl, Map as MlMap, NavigationControl, Popup, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import type { ExpressionSpecification, FeatureIdentifier, GeoJSONSource, MapGeoJSONFeature, StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { SnapshotStore } from '../domain/snapshot-store';
import { switchSet } from '../domain/snapshot-store';
import type { Camera, ControlClass } from '../domain/types';
import { CHANGE_COLORS } from '../domain/change-colors';
import { BASEMAP_ATTRIBUTION, BASEMAP_FIRST_LABEL_LAYER, BASEMAP_LAYER_IDS, BASEMAP_SOURCE_ID, basemapStyle, placeLabelExpression, type BasemapLanguage } from './basemap-style';
import { PMTILES_SCHEME, registerPmtilesProtocol } from './pmtiles-protocol';
import { CONTROL_FILL_LAYER, CONTROL_SOURCE, controlSlotIds, DIFF_FILL_LAYER, DIFF_LINE_LAYER, DIFF_SOURCE, PLACE_LAYER, PLACE_SOURCE } from './layer-ids';
import type { MapTestVerbs } from './test-handle';

// Without this the worker file (maplibre-gl/dist/maplibre-gl-worker.mjs) is not emitted by a Vite build: the page
// shows the background and no GeoJSON, with only "Worker failed to load" and a 404 in the console. The `?url`
// import emits it; e2e/viewer.e2e.ts checks polygon pixels, which catches its absence.
setWorkerUrl(workerUrl);

/** What a click on a control area reports: plain data, turned into text by the caller. */
export interface ControlFeatureHit {
  /** The control slot hit (0: the primary). */
  slot: number;
  uid: number;
  classId: string;
  name?: string;
  /** First and last snapshot index of the polygon's run, when the map's features carry them (vector tiles). */
  first?: number;
  last?: number;
  lngLat: { lng: number; lat: number };
}

/** Control areas read from a data build's vector tiles (see `ClaimsMap.setTiledStore`). */
export interface TiledStoreSpec {
  /** Absolute URL of the .pmtiles archive (MapLibre's workers resolve relative URLs against their own location). */
  pmtilesUrl: string;
  /** Source layer holding the polygons (`claims`); features carry uid, class, first, last. */
  layer: string;
  /**
   * The uids in force per snapshot index: the dataset's store, whose lists a tiled build derives from its run
   * table once (run-table.ts), so the adapter and the state share them.
   */
  uids: Pick<SnapshotStore, 'uidsBySnapshot'>;
  /** Colours and labels of the classes (as `setClasses`). */
  classes: ControlClass[];
}

/** What the control source holds: every distinct polygon as GeoJSON, or a build's vector tiles. */
type ControlData =
  | { kind: 'geojson'; store: SnapshotStore }
  | { kind: 'tiled'; spec: TiledStoreSpec };

export interface ClaimsMapOptions {
  container: HTMLElement;
  basemap: StyleSpecification;
  language: BasemapLanguage;
  /** Control layers go below this basemap layer (the first label layer), so place names stay readable. */
  beforeLayerId?: string;
  camera: Camera;
  /** Dataset credits (plain text). */
  attribution: string[];
  /** The basemap's credit: trusted HTML written by us, never from data. */
  basemapAttributionHtml?: string;
  /** Show navigation and scale controls (off for the secondary map of side-by-side). */
  controls?: boolean;
  /** MapLibre's own UI strings (zoom buttons, attribution toggle, canvas label) in the page's language. */
  uiStrings?: Record<string, string>;
}

/**
 * Where the attribution starts folded: a phone-sized screen (the same breakpoint as the page's CSS), where the
 * credits open over a quarter of the map. A media query, not a measured element.
 */
export const SMALL_SCREEN_QUERY = '(max-width: 760px)';

/** Prefix of the class labels in the colour expression (see classColor). */
const CLASS_LABEL_PREFIX = 'class:';
const HIDDEN_OPACITY = 0;
const OUTLINE_FILL_OPACITY = 0.08;

/** Owns one MapLibre map; queues what it is asked to show until the style has loaded. */
export class ClaimsMap {
  /** The map is the adapter's own: components call the verbs below, tests the typed verbs of `testVerbs()`. */
  private readonly map: MlMap;
  private loaded = false;
  /** The control sources drawn, by slot: the primary in slot 0, others as outlines. */
  private slots: ControlSlot[] = [newSlot()];
  private diff: FeatureCollection | null = null;
  private diffShown: FeatureCollection | null = null;
  private controlOpacity = 0.55;
  private moveListeners: ((camera: Camera) => void)[] = [];
  private clickListeners: ((hit: ControlFeatureHit, popup: (content: Node) => void) => void)[] = [];
  private placeListeners: ((place: Record<string, unknown>, popup: (content: Node) => void) => void)[] = [];
  private popup: Popup | undefined;
  private syncing = false;
  private language: BasemapLanguage;
  private attributionControl: AttributionControl;
  private attribution: string[] = [];
  private place: { lon: number; lat: number; id: string } | null = null;

  constructor(private readonly options: ClaimsMapOptions) {
    this.map = new MlMap({
      container: options.container,
      style: options.basemap,
      center: [options.camera.lon, options.camera.lat],
      zoom: options.camera.zoom,
      attributionControl: false,
      fadeDuration: 0,
      // The permalink holds the view; MapLibre's own hash handling would fight with it.
      hash: false,
      dragRotate: false,
      pitchWithRotate: false,
      ...(options.uiStrings ? { locale: options.uiStrings } : {}),
    });
    this.map.touchZoomRotate.disableRotation();
    this.language = options.language;
    this.attribution = options.attribution;
    this.attributionControl = this.newAttributionControl();
    this.addAttribution();
    if (options.controls !== false) {
      this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    }
    this.map.on('load', () => {
      this.addLayers();
      this.loaded = true;
      this.apply();
    });
    this.map.on('moveend', () => {
      if (this.syncing) return;
      const camera = this.getCamera();
      for (const l of this.moveListeners) l(camera);
    });
    this.map.on('click', (e) => {
      // A place (dot or label) takes the click before the area under it: it is the smaller target.
      const placeLayers = [BASEMAP_LAYER_IDS.placeDots, BASEMAP_LAYER_IDS.placeLabels].filter((id) => this.map.getLayer(id));
      const pad = 4;
      const place = placeLayers.length > 0
        ? this.map.queryRenderedFeatures([[e.point.x - pad, e.point.y - pad], [e.point.x + pad, e.point.y + pad]], { layers: placeLayers })[0]
        : undefined;
      if (place) {
        for (const l of this.placeListeners) l({ ...place.properties }, (content) => this.openPopup(e.lngLat, content));
        return;
      }
      // The primary first, then the outlined sources: a popup tells of the filled polygon under the pointer.
      let hit: MapGeoJSONFeature | undefined;
      let slot = -1;
      for (let k = 0; k < this.slots.length && !hit; k++) {
        const fill = controlSlotIds(k).fill;
        if (!this.map.getLayer(fill)) continue;
        hit = this.visibleControlFeatures(k, this.map.queryRenderedFeatures(e.point, { layers: [fill] }))[0];
        slot = k;
      }
      if (!hit) return;
      const p = hit.properties;
      const data: ControlFeatureHit = {
        slot,
        uid: Number(hit.id),
        classId: String(p['class'] ?? ''),
        name: typeof p['name'] === 'string' ? p['name'] : undefined,
        ...(typeof p['first'] === 'number' && typeof p['last'] === 'number' ? { first: p['first'], last: p['last'] } : {}),
        lngLat: { lng: e.lngLat.lng, lat: e.lngLat.lat },
      };
      for (const l of this.clickListeners) l(data, (content) => this.openPopup(e.lngLat, content));
    });
    this.map.on('mouseenter', CONTROL_FILL_LAYER, () => { this.map.getCanvas().style.cursor = 'pointer'; });
    this.map.on('mouseleave', CONTROL_FILL_LAYER, () => { this.map.getCanvas().style.cursor = ''; });
  }

  /** Ring the chosen place (or none). */
  showPlace(place: { lon: number; lat: number; id: string } | null): void {
    this.place = place;
    if (this.loaded) this.applyPlace();
  }

  private applyPlace(): void {
    const p = this.place;
    this.map.getSource<GeoJSONSource>(PLACE_SOURCE)?.setData({
      type: 'FeatureCollection',
      features: p ? [{ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } }] : [],
    });
  }

  /**
   * How many control slots are drawn: slot 0 (the primary, filled) and slots 1 … n−1 (outlined). Slots past the
   * count are taken off the map.
   */
  setSlotCount(count: number): void {
    const n = Math.max(1, count);
    while (this.slots.length > n) {
      const k = this.slots.length - 1;
      if (this.loaded) this.removeSlotLayers(k);
      this.slots.pop();
    }
    while (this.slots.length < n) {
      this.slots.push(newSlot());
      if (this.loaded) this.addSlot(this.slots.length - 1);
    }
  }

  /** The colour of a slot's outline (slots > 0; slot 0 is filled by class colour). */
  setOutlineColor(slot: number, color: string): void {
    const s = this.slots[slot];
    if (!s || s.outlineColor === color) return;
    s.outlineColor = color;
    if (this.loaded && slot > 0) this.applyClassColors(slot);
  }

  /** Colours and labels of the classes. */
  setClasses(classes: ControlClass[], slot = 0): void {
    const s = this.slots[slot];
    if (!s) return;
    s.classes = classes;
    if (this.loaded) this.applyClassColors(slot);
  }

  /** All distinct polygons of a dataset go into one source once; dates then switch by feature state. */
  setStore(store: SnapshotStore, slot = 0): void {
    const s = this.slots[slot];
    if (!s || (s.data?.kind === 'geojson' && s.data.store === store)) return;
    s.data = { kind: 'geojson', store };
    s.shownIndex = -1;
    if (this.loaded) this.applyStore(slot);
  }

  /**
   * The control areas of a data build: a vector source read through the PMTiles protocol (`promoteId: 'uid'`),
   * drawn by the same layers, switched by the same feature state. The per-snapshot uid lists are derived from
   * the run table once, on the first switch. Feature state on tiles is kept per source layer and applied to
   * tiles as they arrive, so a switch made before a tile loads still holds.
   */
  setTiledStore(spec: TiledStoreSpec, slot = 0): void {
    const s = this.slots[slot];
    if (!s) return;
    const d = s.data;
    if (d?.kind === 'tiled' && d.spec.pmtilesUrl === spec.pmtilesUrl && d.spec.layer === spec.layer && d.spec.uids === spec.uids) {
      this.setClasses(spec.classes, slot);
      return;
    }
    if (!/^https?:\/\//.test(spec.pmtilesUrl)) throw new Error(`setTiledStore: absolute http(s) URL of a .pmtiles file expected, "${spec.pmtilesUrl}" given`);
    registerPmtilesProtocol();
    s.data = { kind: 'tiled', spec };
    s.classes = spec.classes;
    s.shownIndex = -1;
    if (this.loaded) {
      this.applyClassColors(slot);
      this.applyStore(slot);
    }
  }

  /** Show the snapshot at this index of the slot's store (-1: none). */
  showSnapshot(index: number, slot = 0): void {
    const s = this.slots[slot];
    if (!s) return;
    s.wantedIndex = index;
    if (this.loaded) this.applySnapshot(slot);
  }

  /** Show compare-mode polygons (features with `change`: gained/lost/unchanged), or null to clear. */
  showDiff(diff: FeatureCollection | null): void {
    this.diff = diff;
    if (this.loaded) this.applyDiff();
  }

  /** Fade the primary's control areas (e.g. under a compare overlay). */
  setControlOpacity(opacity: number): void {
    if (opacity === this.controlOpacity) return;
    this.controlOpacity = opacity;
    if (this.loaded) this.map.setPaintProperty(CONTROL_FILL_LAYER, 'fill-opacity', this.fillOpacity(0));
  }

  /** Dataset credits shown beside the basemap's. Text from data: escaped, the control renders HTML. */
  setAttribution(attribution: string[]): void {
    if (attribution.join('\n') === this.attribution.join('\n')) return;
    this.attribution = attribution;
    this.map.removeControl(this.attributionControl);
    this.attributionControl = this.newAttributionControl();
    this.addAttribution();
  }

  /** Add the attribution control; on a small screen fold it (the ⓘ button opens it), as MapLibre does after a drag. */
  private addAttribution(): void {
    this.map.addControl(this.attributionControl);
    if (typeof matchMedia === 'function' && matchMedia(SMALL_SCREEN_QUERY).matches)
      this.map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
  }

  private newAttributionControl(): AttributionControl {
    // The basemap credit is ours (trusted HTML with links); dataset credits are text from data, escaped.
    // The datasets' credits are in their manifests' language (English), marked so on a page in another (WCAG 3.1.2).
    const custom = [...this.attribution.map((a) => `<span lang="en">${escapeHtml(a)}</span>`), ...(this.options.basemapAttributionHtml ? [this.options.basemapAttributionHtml] : [])];
    return new AttributionControl({ compact: true, customAttribution: custom });
  }

  /** Place-label language. */
  setLanguage(language: BasemapLanguage): void {
    if (language === this.language) return;
    this.language = language;
    if (this.loaded) this.map.setLayoutProperty(BASEMAP_LAYER_IDS.placeLabels, 'text-field', placeLabelExpression(language));
  }

  /** Resolves once the map has drawn everything it was given so far (style, tiles, data). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      if (this.loaded && this.map.loaded() && this.map.areTilesLoaded()) resolve();
      else this.map.once('idle', () => resolve());
    });
  }

  /**
   * The map as drawn now, copied into a new 2D canvas at `pixelRatio` device pixels per CSS pixel (2 for print).
   * Render-then-read: the WebGL buffer is copied inside the `render` event of a frame drawn after everything has
   * loaded, before the browser composites and clears it, so the map needs no `preserveDrawingBuffer` (which
   * costs every frame a copy). The map's own ratio is restored afterwards. MapLibre may clamp the ratio to its
   * maximum canvas size (4096 px a side): the canvas returned has the size actually drawn.
   */
  async captureImage(pixelRatio: number): Promise<HTMLCanvasElement> {
    const before = this.map.getPixelRatio();
    if (pixelRatio !== before) this.map.setPixelRatio(pixelRatio);
    try {
      await new Promise<void>((resolve) => {
        this.map.once('idle', () => resolve());
        this.map.triggerRepaint();
      });
      return await new Promise<HTMLCanvasElement>((resolve) => {
        this.map.once('render', () => {
          const gl = this.map.getCanvas();
          const out = document.createElement('canvas');
          out.width = gl.width;
          out.height = gl.height;
          out.getContext('2d')!.drawImage(gl, 0, 0);
          resolve(out);
        });
        this.map.triggerRepaint();
      });
    } finally {
      if (pixelRatio !== before) this.map.setPixelRatio(before);
    }
  }

  getCamera(): Camera {
    const c = this.map.getCenter();
    return { zoom: this.map.getZoom(), lat: c.lat, lon: c.lng };
  }

  /** Move the camera without telling move listeners (used to follow a link or another map). */
  jumpTo(camera: Camera): void {
    const now = this.getCamera();
    if (Math.abs(now.zoom - camera.zoom) < 1e-6 && Math.abs(now.lat - camera.lat) < 1e-7 && Math.abs(now.lon - camera.lon) < 1e-7) return;
    this.syncing = true;
    this.map.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
    this.syncing = false;
  }

  /** Keep another map's camera in step with this one while it moves (side by side, swipe). */
  syncTo(other: ClaimsMap): () => void {
    const follow = () => {
      if (this.syncing) return;
      other.syncing = true;
      other.map.jumpTo({ center: this.map.getCenter(), zoom: this.map.getZoom() });
      other.syncing = false;
    };
    this.map.on('move', follow);
    return () => this.map.off('move', follow);
  }

  onMove(listener: (camera: Camera) => void): void {
    this.moveListeners.push(listener);
  }

  onControlClick(listener: (hit: ControlFeatureHit, popup: (content: Node) => void) => void): void {
    this.clickListeners.push(listener);
  }

  onPlaceClick(listener: (place: Record<string, unknown>, popup: (content: Node) => void) => void): void {
    this.placeListeners.push(listener);
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.popup?.remove();
    this.map.remove();
  }

  private openPopup(lngLat: { lng: number; lat: number }, content: Node): void {
    this.popup?.remove();
    // setDOMContent, never setHTML: strings from data must not become markup (an `<img onerror>` in a name would run).
    this.popup = new Popup({ maxWidth: '320px' }).setLngLat(lngLat).setDOMContent(content).addTo(this.map);
  }

  private visibleControlFeatures(slot: number, features: MapGeoJSONFeature[]): MapGeoJSONFeature[] {
    // Hidden dates are drawn with opacity 0 and are still hit by queries; keep only the visible ones.
    return features.filter((f) => f.id !== undefined && this.map.getFeatureState(this.stateTarget(slot, f.id))['visible'] === true);
  }

  /** The feature-state address of a control polygon: vector tiles need their source layer. */
  private stateTarget(slot: number, id: number | string): FeatureIdentifier {
    const on = this.slots[slot]!.sourceOnMap;
    const source = controlSlotIds(slot).source;
    return on.kind === 'tiled' ? { source, sourceLayer: on.layer, id } : { source, id };
  }

  private fillOpacity(slot: number): ExpressionSpecification {
    // An outlined source keeps a faint fill: it can be clicked, and its ground reads as ground.
    const shown = slot === 0 ? this.controlOpacity : OUTLINE_FILL_OPACITY;
    return ['case', ['boolean', ['feature-state', 'visible'], false], shown, HIDDEN_OPACITY];
  }

  private classColor(slot: number): ExpressionSpecification | string {
    const s = this.slots[slot]!;
    if (slot > 0) return s.outlineColor;
    if (s.classes.length === 0) return '#555555';
    // A MapLibre `match` needs distinct labels: a class id repeated in the manifest is drawn once. It also keeps
    // its labels in a plain object, so a class "constructor" or "toString" reads as a duplicate label and the whole
    // expression fails (every polygon grey): match on the id behind a prefix no such name has.
    const seen = new Set<string>();
    const pairs = s.classes.filter((c) => !seen.has(c.id) && seen.add(c.id)).flatMap((c) => [`${CLASS_LABEL_PREFIX}${c.id}`, c.color]);
    return ['match', ['concat', CLASS_LABEL_PREFIX, ['to-string', ['get', 'class']]], ...pairs, '#555555'] as unknown as ExpressionSpecification;
  }

  private addLayers(): void {
    for (let k = 0; k < this.slots.length; k++) this.slots[k]!.sourceOnMap = { kind: 'geojson' };
    this.map.addSource(CONTROL_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.addControlLayers(0, this.beforeLayer());
    this.map.addSource(DIFF_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const changeColor: ExpressionSpecification = ['match', ['get', 'change'],
      'gained', CHANGE_COLORS.gained, 'lost', CHANGE_COLORS.lost, CHANGE_COLORS.unchanged];
    this.map.addLayer({
      id: DIFF_FILL_LAYER, type: 'fill', source: DIFF_SOURCE,
      paint: { 'fill-color': changeColor, 'fill-opacity': ['match', ['get', 'change'], 'unchanged', 0.35, 0.7] },
    }, this.beforeLayer());
    this.map.addLayer({
      id: DIFF_LINE_LAYER, type: 'line', source: DIFF_SOURCE,
      paint: { 'line-color': changeColor, 'line-width': 1 },
    }, this.beforeLayer());
    for (let k = 1; k < this.slots.length; k++) this.addSlot(k);
    this.map.addSource(PLACE_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.map.addLayer({
      id: PLACE_LAYER, type: 'circle', source: PLACE_SOURCE,
      paint: { 'circle-radius': 11, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#ff6f00', 'circle-stroke-width': 3 },
    });
  }

  private beforeLayer(): string | undefined {
    return this.options.beforeLayerId && this.map.getLayer(this.options.beforeLayerId) ? this.options.beforeLayerId : undefined;
  }

  /** A new slot's empty GeoJSON source and its layers, above the primary and under the compare overlay. */
  private addSlot(slot: number): void {
    const ids = controlSlotIds(slot);
    if (this.map.getSource(ids.source)) return;
    this.map.addSource(ids.source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.slots[slot]!.sourceOnMap = { kind: 'geojson' };
    this.addControlLayers(slot, this.map.getLayer(DIFF_FILL_LAYER) ? DIFF_FILL_LAYER : undefined);
    this.applyStore(slot);
  }

  private removeSlotLayers(slot: number): void {
    const ids = controlSlotIds(slot);
    if (this.map.getLayer(ids.line)) this.map.removeLayer(ids.line);
    if (this.map.getLayer(ids.fill)) this.map.removeLayer(ids.fill);
    if (this.map.getSource(ids.source)) this.map.removeSource(ids.source);
  }

  /** The fill and line layers of a slot's control areas, on whichever control source is on the map. */
  private addControlLayers(slot: number, before: string | undefined): void {
    const ids = controlSlotIds(slot);
    const on = this.slots[slot]!.sourceOnMap;
    const layer = on.kind === 'tiled' ? { 'source-layer': on.layer } : {};
    this.map.addLayer({
      id: ids.fill, type: 'fill', source: ids.source, ...layer,
      paint: { 'fill-color': this.classColor(slot), 'fill-opacity': this.fillOpacity(slot) },
    }, before);
    this.map.addLayer({
      id: ids.line, type: 'line', source: ids.source, ...layer,
      paint: {
        'line-color': this.classColor(slot),
        'line-width': slot === 0 ? ['interpolate', ['linear'], ['zoom'], 6, 0.5, 12, 1.5] : ['interpolate', ['linear'], ['zoom'], 6, 1.5, 12, 3],
        'line-opacity': ['case', ['boolean', ['feature-state', 'visible'], false], slot === 0 ? 0.9 : 1, 0],
        ...(slot > 0 ? { 'line-dasharray': slot === 1 ? [3, 1.5] : [1, 1] } : {}),
      },
    }, before);
  }

  /**
   * Swap a slot's control source for one of another kind (GeoJSON ↔ vector tiles, or another archive): the layers
   * go with it and come back in the same place, under the compare overlay.
   */
  private replaceControlSource(slot: number, next: SourceOnMap): void {
    const ids = controlSlotIds(slot);
    this.map.removeLayer(ids.line);
    this.map.removeLayer(ids.fill);
    this.map.removeSource(ids.source);
    if (next.kind === 'tiled')
      this.map.addSource(ids.source, { type: 'vector', url: `${PMTILES_SCHEME}://${next.url}`, promoteId: 'uid' });
    else this.map.addSource(ids.source, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.slots[slot]!.sourceOnMap = next;
    const above = slot + 1 < this.slots.length && this.map.getLayer(controlSlotIds(slot + 1).fill) ? controlSlotIds(slot + 1).fill : undefined;
    this.addControlLayers(slot, above ?? (this.map.getLayer(DIFF_FILL_LAYER) ? DIFF_FILL_LAYER : undefined));
  }

  private applyClassColors(slot: number): void {
    const ids = controlSlotIds(slot);
    if (!this.map.getLayer(ids.fill)) return;
    this.map.setPaintProperty(ids.fill, 'fill-color', this.classColor(slot));
    this.map.setPaintProperty(ids.line, 'line-color', this.classColor(slot));
    // Classes marked `hidden` in the manifest are not drawn (nor clickable). Set only when it changes: a new
    // filter makes MapLibre re-parse the source's tiles.
    const hidden = this.slots[slot]!.classes.filter((c) => c.hidden).map((c) => c.id);
    const filter: ExpressionSpecification | null = hidden.length === 0 ? null : ['!', ['in', ['get', 'class'], ['literal', hidden]]];
    if (JSON.stringify(filter) !== JSON.stringify(this.map.getFilter(ids.fill) ?? null)) {
      this.map.setFilter(ids.fill, filter);
      this.map.setFilter(ids.line, filter);
    }
  }

  private apply(): void {
    for (let k = 0; k < this.slots.length; k++) {
      this.applyClassColors(k);
      this.applyStore(k);
    }
    this.applyDiff();
    this.applyPlace();
  }

  private applyStore(slot: number): void {
    const ids = controlSlotIds(slot);
    const s = this.slots[slot]!;
    if (!this.map.getSource(ids.source)) return;
    s.shownIndex = -1;
    const data = s.data;
    if (data?.kind === 'tiled') {
      const on = s.sourceOnMap;
      if (on.kind !== 'tiled' || on.url !== data.spec.pmtilesUrl || on.layer !== data.spec.layer)
        this.replaceControlSource(slot, { kind: 'tiled', url: data.spec.pmtilesUrl, layer: data.spec.layer });
      else this.map.removeFeatureState({ source: ids.source, sourceLayer: data.spec.layer });
      this.applySnapshot(slot);
      return;
    }
    if (s.sourceOnMap.kind !== 'geojson') this.replaceControlSource(slot, { kind: 'geojson' });
    const source = this.map.getSource<GeoJSONSource>(ids.source);
    if (!source) return;
    this.map.removeFeatureState({ source: ids.source });
    const features = (data?.store.features ?? []).map((f) => ({
      type: 'Feature' as const, id: f.uid, geometry: f.geometry,
      // Only what styling and popups need: the map's worker copies every property.
      properties: { class: f.classId, ...(typeof f.properties.name === 'string' ? { name: f.properties.name } : {}) },
    }));
    source.setData({ type: 'FeatureCollection', features });
    this.applySnapshot(slot);
  }

  private applySnapshot(slot: number): void {
    const s = this.slots[slot]!;
    const data = s.data;
    if (!data || s.wantedIndex === s.shownIndex) return;
    const { hide, show } = switchSet(data.kind === 'tiled' ? data.spec.uids : data.store, s.shownIndex, s.wantedIndex);
    for (const id of hide) this.map.setFeatureState(this.stateTarget(slot, id), { visible: false });
    for (const id of show) this.map.setFeatureState(this.stateTarget(slot, id), { visible: true });
    s.shownIndex = s.wantedIndex;
  }

  private applyDiff(): void {
    if (this.diff === this.diffShown) return;
    const source = this.map.getSource<GeoJSONSource>(DIFF_SOURCE);
    source?.setData(this.diff ?? { type: 'FeatureCollection', features: [] });
    this.diffShown = this.diff;
  }

  /** Query verbs for browser tests and benchmarks; map/test-handle.ts puts them on `window.__test` in test builds. */
  testVerbs(): MapTestVerbs {
    const m = this.map;
    const point = (lng: number, lat: number): [number, number] => {
      const p = m.project([lng, lat]);
      return [p.x, p.y];
    };
    return {
      ready: () => this.loaded && m.loaded() && m.areTilesLoaded(),
      idle: () => new Promise<void>((resolve) => {
        m.once('idle', () => resolve());
        m.triggerRepaint();
      }),
      project: (lng, lat) => {
        const [x, y] = point(lng, lat);
        return { x, y };
      },
      projectToPage: (lng, lat) => {
        const [x, y] = point(lng, lat);
        const r = m.getContainer().getBoundingClientRect();
        return { x: r.left + x, y: r.top + y };
      },
      containerSize: () => {
        const r = m.getContainer().getBoundingClientRect();
        return { width: r.width, height: r.height };
      },
      controlClassesAt: (lng, lat, { slot = 0, visibleOnly = true } = {}) => {
        const { fill } = controlSlotIds(slot);
        if (!m.getLayer(fill)) return [];
        const hits = m.queryRenderedFeatures(point(lng, lat), { layers: [fill] });
        return (visibleOnly ? this.visibleControlFeatures(slot, hits) : hits).map((f) => String(f.properties.class));
      },
      controlClassesInView: (slot = 0) => {
        const { fill } = controlSlotIds(slot);
        if (!m.getLayer(fill)) return [];
        return this.visibleControlFeatures(slot, m.queryRenderedFeatures({ layers: [fill] })).map((f) => String(f.properties.class));
      },
      anyControlVisible: () => !!m.getLayer(CONTROL_FILL_LAYER) && this.visibleControlFeatures(0, m.queryRenderedFeatures({ layers: [CONTROL_FILL_LAYER] })).length > 0,
      placeIdsNear: (lng, lat, radiusPx) => {
        if (!m.getLayer(PLACE_LAYER)) return [];
        const [x, y] = point(lng, lat);
        return m.queryRenderedFeatures([[x - radiusPx, y - radiusPx], [x + radiusPx, y + radiusPx]], { layers: [PLACE_LAYER] }).map((f) => f.properties.id as unknown);
      },
      controlSourceType: (slot = 0) => m.getSource(controlSlotIds(slot).source)?.type,
      basemapLayersDrawn: () => [...new Set(m.queryRenderedFeatures().filter((f) => f.source === BASEMAP_SOURCE_ID).map((f) => f.sourceLayer ?? ''))].sort(),
      canvasPng: async () => (await this.captureImage(1)).toDataURL('image/png'),
      pixelRatio: () => m.getPixelRatio(),
      moveTo: (camera) => {
        m.jumpTo({ center: [camera.lon, camera.lat], zoom: camera.zoom });
      },
      mapForRivalBenchmark: () => m,
    };
  }
}

type SourceOnMap = { kind: 'geojson' } | { kind: 'tiled'; url: string; layer: string };

/** One control source on the map: its data, what is on the map for it, and the snapshot shown. */
interface ControlSlot {
  data: ControlData | undefined;
  /** What the slot's source on the map was built for: its kind, and the archive URL for tiles. */
  sourceOnMap: SourceOnMap;
  classes: ControlClass[];
  /** Outline colour (slots > 0). */
  outlineColor: string;
  shownIndex: number;
  wantedIndex: number;
}

function newSlot(): ControlSlot {
  return { data: undefined, sourceOnMap: { kind: 'geojson' }, classes: [], outlineColor: '#263238', shownIndex: -1, wantedIndex: -1 };
}

/** Text for the attribution control, which renders HTML: data must stay text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A map on the embedded offline basemap (PMTiles + shipped fonts under `basemap/`), ready for control areas. */
export function createClaimsMap(opts: {
  container: HTMLElement;
  camera: Camera;
  language: BasemapLanguage;
  attribution: string[];
  controls?: boolean;
  uiStrings?: Record<string, string>;
}): ClaimsMap {
  registerPmtilesProtocol();
  // Absolute URLs: MapLibre's workers resolve relative URLs against their own location, not the page's.
  const base = new URL('basemap/', document.baseURI).href;
  const map = new ClaimsMap({
    container: opts.container,
    basemap: basemapStyle({ pmtilesUrl: `${base}basemap.pmtiles`, fontBaseUrl: `${base}fonts`, language: opts.language }),
    language: opts.language,
    beforeLayerId: BASEMAP_FIRST_LABEL_LAYER,
    camera: opts.camera,
    attribution: opts.attribution,
    basemapAttributionHtml: BASEMAP_ATTRIBUTION,
    controls: opts.controls ?? true,
    ...(opts.uiStrings ? { uiStrings: opts.uiStrings } : {}),
  });
  return map;
}
