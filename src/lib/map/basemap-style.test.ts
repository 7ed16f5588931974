// Checks the offline basemap style against the MapLibre style spec and the archive's source layers.
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import {
  BASEMAP_FIRST_LABEL_LAYER,
  BASEMAP_LAYER_IDS,
  BASEMAP_SOURCE_ID,
  basemapStyle,
  type BasemapLanguage,
} from './basemap-style';

const options = {
  pmtilesUrl: 'http://127.0.0.1:5173/basemap/basemap.pmtiles',
  fontBaseUrl: 'http://127.0.0.1:5173/basemap/fonts/',
};
const languages: BasemapLanguage[] = ['en', 'uk', 'ru'];
/** Source layers written by scripts/build-basemap.ts. */
const SOURCE_LAYERS = ['earth', 'water', 'boundaries', 'places'];

describe('basemapStyle', () => {
  it.each(languages)('validates against the style spec (%s)', (language) => {
    const errors = validateStyleMin(basemapStyle({ ...options, language }));
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it.each(languages)('labels places in the requested language, then English, then the local name (%s)', (language) => {
    const style = basemapStyle({ ...options, language });
    const labels = style.layers.find((l) => l.id === BASEMAP_LAYER_IDS.placeLabels);
    expect(labels?.type).toBe('symbol');
    const field = labels?.type === 'symbol' ? labels.layout?.['text-field'] : undefined;
    expect(field).toEqual(['coalesce', ['get', `name:${language}`], ['get', 'name:en'], ['get', 'name']]);
  });

  it('references only sources and source layers that exist', () => {
    const style = basemapStyle({ ...options, language: 'en' });
    for (const layer of style.layers) {
      if (layer.type === 'background') continue;
      expect(Object.keys(style.sources), layer.id).toContain(layer.source);
      if ('source-layer' in layer) expect(SOURCE_LAYERS, layer.id).toContain(layer['source-layer']);
    }
    expect(style.sources[BASEMAP_SOURCE_ID]).toMatchObject({ type: 'vector', url: `pmtiles://${options.pmtilesUrl}` });
  });

  it('keeps every exported layer id, with labels last and the first label layer before them', () => {
    const ids = basemapStyle({ ...options, language: 'ru' }).layers.map((l) => l.id);
    expect(ids).toEqual(Object.values(BASEMAP_LAYER_IDS));
    expect(new Set(ids).size).toBe(ids.length);
    const first = ids.indexOf(BASEMAP_FIRST_LABEL_LAYER);
    expect(ids.slice(first).every((id) => id.startsWith('basemap-place'))).toBe(true);
    expect(ids.slice(0, first).some((id) => id.startsWith('basemap-place'))).toBe(false);
  });

  it('declares every text-font in font-faces, with Latin and Cyrillic woff2 files under fontBaseUrl', () => {
    const style = basemapStyle({ ...options, language: 'uk' });
    const faces = style['font-faces'] ?? {};
    const used = JSON.stringify(style.layers).match(/Noto Sans [A-Za-z]+/g) ?? [];
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(Object.keys(faces)).toContain(name);
    const urls = Object.values(faces).flatMap((f) => (typeof f === 'string' ? [f] : f.map((x) => x.url)));
    // The trailing slash of fontBaseUrl is not doubled.
    expect(urls).toContain('http://127.0.0.1:5173/basemap/fonts/noto-sans-cyrillic-400-normal.woff2');
    expect(urls).toContain('http://127.0.0.1:5173/basemap/fonts/noto-sans-latin-700-normal.woff2');
    // Offline: nothing but the fonts and the archive is fetched, so no glyphs or sprite URL.
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });
});
