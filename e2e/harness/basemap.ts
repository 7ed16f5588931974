// E2E harness: shows the offline basemap (centred on the Kursk–Sumy border by default) and exposes the map as window.__map.
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { basemapStyle, type BasemapLanguage } from '../../src/lib/map/basemap-style';
import { registerPmtilesProtocol } from '../../src/lib/map/pmtiles-protocol';

declare global {
  interface Window {
    __map?: Map;
  }
}

// Must come before `new Map`: without the worker nothing but the background renders (see NOTES.md).
setWorkerUrl(workerUrl);
registerPmtilesProtocol();

const params = new URLSearchParams(location.search);
const lang = params.get('lang');
const language: BasemapLanguage = lang === 'uk' || lang === 'ru' ? lang : 'en';
const num = (key: string, fallback: number): number => {
  const value = Number(params.get(key) ?? NaN);
  return Number.isFinite(value) ? value : fallback;
};

// public/ is served at the site root in dev and copied to dist/ in a build; the harness sits two levels down.
const pmtilesUrl = new URL('../../basemap/basemap.pmtiles', location.href).href;
const fontBaseUrl = new URL('../../basemap/fonts/', location.href).href;

window.__map = new Map({
  container: 'map',
  style: basemapStyle({ pmtilesUrl, fontBaseUrl, language }),
  center: [num('lon', 35.2), num('lat', 51.3)],
  zoom: num('z', 8),
  fadeDuration: 0,
});
