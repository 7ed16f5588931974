// Browser side of the scrub benchmark (bundled by esbuild into bench/out/harness/, maplibre-gl left external and
// loaded from node_modules' built files through an import map). One map per page load; the node side drives it
// through window.__bench. What is timed: from the slider's `input` event (dispatched here) to the map's `idle`
// (main thread) and to the end of a GPU sync after it (the frame showing the new snapshot has been rasterised).
import { Map as MlMap, addProtocol, setWorkerUrl, type ExpressionSpecification, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { switchSet, type SnapshotStore } from '../../src/lib/domain/snapshot-store';

setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
addProtocol('pmtiles', new Protocol().tile);

export type Approach = 'repaint' | 'setData' | 'filter' | 'featureState' | 'pmtilesState';

export interface SetupOptions {
  approach: Approach;
  /** Data folder on the bench server: store.json, uids.json, snapshot-<i>.json, claims.pmtiles. */
  base: string;
  bounds: [number, number, number, number];
  classes: string[];
}

const PALETTE = ['#c62828', '#1565c0', '#8d8d8d', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#5d4037', '#455a64', '#ad1457'];
const SOURCE = 'claims';
const LAYER = 'claims'; // the vector layer in the PMTiles archive

let map: MlMap;
let approach: Approach;
let slider: HTMLInputElement;
let apply: (i: number) => void = () => {};
let snapshots: unknown[] = [];
let snapshotBase = '';

function classColor(classes: string[]): ExpressionSpecification {
  return ['match', ['get', 'class'], ...classes.flatMap((c, i) => [c, PALETTE[i % PALETTE.length]!]), '#555555'] as unknown as ExpressionSpecification;
}

async function json<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

function nextIdle(): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

async function setup(o: SetupOptions): Promise<{ features: number }> {
  approach = o.approach;
  slider = document.querySelector('input[type=range]')!;
  const style: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f1ea' } }] };
  map = new MlMap({ container: 'map', style, bounds: o.bounds, fitBoundsOptions: { padding: 20 }, fadeDuration: 0, attributionControl: false });
  await new Promise<void>((r) => map.once('load', () => r()));

  const visible: ExpressionSpecification = ['boolean', ['feature-state', 'visible'], false];
  const stateful = approach === 'featureState' || approach === 'pmtilesState' || approach === 'repaint';
  let features = 0;
  let store: Pick<SnapshotStore, 'uidsBySnapshot'> | undefined;
  let shown = -1;
  if (approach === 'pmtilesState') {
    map.addSource(SOURCE, { type: 'vector', url: `pmtiles://${location.origin}${o.base}claims.pmtiles`, promoteId: 'uid' });
  } else if (approach === 'setData') {
    snapshotBase = o.base;
    map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  } else {
    const fc = await json<{ features: unknown[] }>(`${o.base}store.json`);
    features = fc.features.length;
    map.addSource(SOURCE, { type: 'geojson', data: fc as never, promoteId: 'uid' });
  }
  if (stateful) store = { uidsBySnapshot: await json<number[][]>(`${o.base}uids.json`) };
  const sourceLayer = approach === 'pmtilesState' ? { 'source-layer': LAYER } : {};
  const initialFilter: ExpressionSpecification | undefined = approach === 'filter' ? ['all', ['<=', ['get', 'first'], -1], ['>=', ['get', 'last'], -1]] : undefined;
  map.addLayer({
    id: 'fill', type: 'fill', source: SOURCE, ...sourceLayer, ...(initialFilter ? { filter: initialFilter } : {}),
    paint: { 'fill-color': classColor(o.classes), 'fill-opacity': stateful ? ['case', visible, 0.55, 0] : 0.55 },
  } as never);
  map.addLayer({
    id: 'line', type: 'line', source: SOURCE, ...sourceLayer, ...(initialFilter ? { filter: initialFilter } : {}),
    paint: { 'line-color': classColor(o.classes), 'line-width': 1, 'line-opacity': stateful ? ['case', visible, 0.9, 0] : 0.9 },
  } as never);

  if (approach === 'setData') {
    apply = (i) => { map.getSource<GeoJSONSource>(SOURCE)!.setData(snapshots[i] as never); };
  } else if (approach === 'repaint') {
    // Calibration: the feature-state map, but a step changes nothing and only repaints (the floor of one frame).
    apply = () => {};
    const { show } = switchSet(store as SnapshotStore, -1, 0);
    for (const id of show) map.setFeatureState({ source: SOURCE, id }, { visible: true });
  } else if (approach === 'filter') {
    apply = (i) => {
      const f: ExpressionSpecification = ['all', ['<=', ['get', 'first'], i], ['>=', ['get', 'last'], i]];
      map.setFilter('fill', f);
      map.setFilter('line', f);
    };
  } else {
    // What the app ships (ClaimsMap.applySnapshot): switchSet, then feature state for the changed uids only.
    const target = approach === 'pmtilesState' ? { source: SOURCE, sourceLayer: LAYER } : { source: SOURCE };
    apply = (i) => {
      const { hide, show } = switchSet(store as SnapshotStore, shown, i);
      for (const id of hide) map.setFeatureState({ ...target, id }, { visible: false });
      for (const id of show) map.setFeatureState({ ...target, id }, { visible: true });
      shown = i;
    };
  }
  slider.addEventListener('input', () => apply(Number(slider.value)));
  await nextIdle();
  return { features };
}

/** For setData: fetch and parse snapshots [from, from + count) ahead of the timed steps (the app holds them parsed). */
async function preload(from: number, count: number): Promise<void> {
  snapshots = [];
  const list = await json<unknown[]>(`${snapshotBase}snapshots.json?from=${from}&count=${count}`);
  list.forEach((s, k) => { snapshots[from + k] = s; });
}

/** Blocks until the GPU has executed every command issued so far (a 1-pixel readPixels cannot return earlier). */
function gpuSync(): void {
  const gl = map.getCanvas().getContext('webgl2') ?? map.getCanvas().getContext('webgl');
  gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}

const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/**
 * One slider move: dispatch `input` with value i; `mainMs` = to the map's `idle` (main thread only: GL commands
 * issued, not executed); `frameMs` = to the end of a GPU sync right after that idle, i.e. until the frame showing
 * snapshot i has actually been rasterised. Starts from a quiet GPU (previous work synced, two frames passed), so
 * steps do not overlap.
 */
async function step(i: number): Promise<{ frameMs: number; mainMs: number; workMs: number; renders: number }> {
  gpuSync();
  await nextFrame();
  await nextFrame();
  return new Promise((resolve) => {
    let renders = 0;
    const onRender = (): void => { renders += 1; };
    map.on('render', onRender);
    // Registered before the switch, so it runs first in the next frame: when that frame starts. workMs = from
    // there to idle, i.e. main-thread time without the wait for the next vsync (which alone can be ~16 ms).
    let frameStart = 0;
    requestAnimationFrame(() => { frameStart = performance.now(); });
    const t0 = performance.now();
    map.once('idle', () => {
      map.off('render', onRender);
      const idleAt = performance.now();
      gpuSync();
      resolve({ frameMs: performance.now() - t0, mainMs: idleAt - t0, workMs: idleAt - (frameStart || t0), renders });
    });
    slider.max = String(Math.max(Number(slider.max), i));
    slider.value = String(i);
    slider.dispatchEvent(new Event('input'));
    // If the switch requested no repaint (e.g. nothing changed), make sure an idle still comes.
    map.triggerRepaint();
  });
}

/**
 * Scrub from..to (inclusive) one step at a time inside the page (no round trip to node between steps), stopping
 * once budgetMs of steps have run. Returns the per-step times.
 */
async function scrub(from: number, to: number, budgetMs: number): Promise<{ frameMs: number[]; mainMs: number[]; workMs: number[] }> {
  const frameMs: number[] = [];
  const mainMs: number[] = [];
  const workMs: number[] = [];
  const started = performance.now();
  for (let i = from; i <= to; i++) {
    const r = await step(i);
    frameMs.push(r.frameMs);
    mainMs.push(r.mainMs);
    workMs.push(r.workMs);
    if (performance.now() - started > budgetMs) break;
  }
  return { frameMs, mainMs, workMs };
}

/** A cheap check that the map shows something: the number of rendered fill features whose state (if any) is visible. */
function visibleCount(): number {
  const feats = map.queryRenderedFeatures({ layers: ['fill'] });
  if (approach === 'featureState' || approach === 'pmtilesState') return new Set(feats.filter((f) => f.state['visible'] === true).map((f) => f.id)).size;
  return feats.length;
}

(window as unknown as { __bench: unknown }).__bench = { setup, preload, step, scrub, visibleCount };
