// MapLibre style for the embedded offline basemap (public/basemap/, built by scripts/build-basemap.ts).
//
// Muted on purpose: the app draws coloured control areas on top, so land is near-white, water pale and
// lines thin; only the international border and the place labels are strong. Labels sit above the
// control areas (see BASEMAP_FIRST_LABEL_LAYER) so that town names stay readable over any fill.
import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FontFacesSpecification,
  StyleSpecification,
} from 'maplibre-gl';

/** Languages the place labels come in; each maps to a `name:<lang>` property in the `places` layer. */
export type BasemapLanguage = 'en' | 'uk' | 'ru';

/** Options for {@link basemapStyle}. */
export interface BasemapStyleOptions {
  /**
   * URL of basemap.pmtiles, without the `pmtiles://` prefix: absolute, or relative to the page (the
   * pmtiles protocol fetches it from the main thread; both forms were checked in the harness).
   */
  pmtilesUrl: string;
  /** URL of the folder holding the Noto Sans woff2 files (public/basemap/fonts), absolute or relative to the page; a trailing slash is optional. */
  fontBaseUrl: string;
  /** Label language; places without a name in it fall back to English, then to the local `name`. */
  language: BasemapLanguage;
}

/** Id of the single vector source the style declares. */
export const BASEMAP_SOURCE_ID = 'basemap';

/** Layer ids, bottom to top. Fixed so that the app can insert its own layers between them. */
export const BASEMAP_LAYER_IDS = {
  background: 'basemap-background',
  earth: 'basemap-earth',
  lakes: 'basemap-lakes',
  rivers: 'basemap-rivers',
  regionBoundaries: 'basemap-boundaries-region',
  countryBoundaryCasing: 'basemap-boundaries-country-casing',
  countryBoundary: 'basemap-boundaries-country',
  placeDots: 'basemap-place-dots',
  placeLabels: 'basemap-place-labels',
} as const;

/**
 * First layer of the label group (place dots, then names). Pass it as `beforeId` to `map.addLayer`
 * so that control-area fills and outlines go under the labels but over land, water and borders.
 */
export const BASEMAP_FIRST_LABEL_LAYER = BASEMAP_LAYER_IDS.placeDots;

/** Attribution for the basemap's data and fonts; show it in the map's attribution control. */
export const BASEMAP_ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a>, ' +
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a>, ' +
  '<a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0); fonts: Noto Sans (OFL)';

/** The same credit as plain text, for exports (images, files, citations). */
export const BASEMAP_CREDIT_TEXT = '© OpenStreetMap contributors, Natural Earth, GeoNames (CC BY 4.0); fonts: Noto Sans (OFL)';

/** Font names used in `text-font`; each is declared in the style's `font-faces`. */
export const BASEMAP_FONTS = { regular: 'Noto Sans Regular', bold: 'Noto Sans Bold' } as const;

/**
 * Unicode ranges of the two @fontsource/noto-sans subsets shipped (from its unicode.json), so that
 * MapLibre fetches the Cyrillic file only when a Cyrillic label is drawn.
 */
const LATIN_RANGE = [
  'U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308',
  'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD',
];
const CYRILLIC_RANGE = ['U+0301', 'U+0400-045F', 'U+0490-0491', 'U+04B0-04B1', 'U+2116'];

/** Palette: light, low-saturation land so red/blue/grey control polygons stand out. */
const COLORS = {
  background: '#e6e6e3', // outside the two countries' land (the archive covers only Russia and Ukraine)
  landRussia: '#f2efe9', // warm off-white
  landUkraine: '#eef1ea', // cool off-white: the two differ just enough to read the border without it
  water: '#b8d2e6',
  river: '#9fc2de',
  region: '#9a8da6',
  country: '#6d5f78',
  countryCasing: '#ffffff',
  placeText: '#2e2e33',
  villageText: '#4a4a52',
  halo: '#ffffff',
  dot: '#5a5a63',
} as const;

function fontFaces(fontBaseUrl: string): FontFacesSpecification {
  const base = fontBaseUrl.replace(/\/+$/, '');
  const faces = (weight: 400 | 700) => [
    { url: `${base}/noto-sans-latin-${weight}-normal.woff2`, 'unicode-range': LATIN_RANGE },
    { url: `${base}/noto-sans-cyrillic-${weight}-normal.woff2`, 'unicode-range': CYRILLIC_RANGE },
  ];
  return { [BASEMAP_FONTS.regular]: faces(400), [BASEMAP_FONTS.bold]: faces(700) };
}

/** Label text: the requested language, else English, else the local name (all 74 places have both). */
export function placeLabelExpression(language: BasemapLanguage): ExpressionSpecification {
  return ['coalesce', ['get', `name:${language}`], ['get', 'name:en'], ['get', 'name']];
}

/** `population` with 0 for a missing value, so the step expressions below never see null. */
const population: ExpressionSpecification = ['to-number', ['get', 'population'], 0];

/** Label size in px: by zoom, and by town size within a zoom (cities > towns > villages). */
const textSize: DataDrivenPropertyValueSpecification<number> = [
  'interpolate', ['linear'], ['zoom'],
  5, ['step', population, 9, 5_000, 10, 15_000, 11, 100_000, 13],
  8, ['step', population, 11, 5_000, 12, 15_000, 13, 100_000, 16],
  12, ['step', population, 13, 5_000, 14, 15_000, 16, 100_000, 19],
];

/**
 * Show a place from its `min_zoom` (set by the build from population: ≥100k from z4, ≥15k z6,
 * ≥5k z8, ≥2k z9, smaller z10). Filters see integer zooms only, which is what we want here.
 */
const placeFilter: ExpressionSpecification = ['>=', ['zoom'], ['to-number', ['get', 'min_zoom'], 0]];

/**
 * Builds the offline basemap style.
 * @returns a complete MapLibre style (version 8) with one vector source `basemap` read through the
 *   `pmtiles://` protocol (register it first with `registerPmtilesProtocol`) and fonts from `font-faces`.
 */
export function basemapStyle({ pmtilesUrl, fontBaseUrl, language }: BasemapStyleOptions): StyleSpecification {
  const label = placeLabelExpression(language);
  const isCapital: ExpressionSpecification = ['==', ['get', 'capital'], true];
  return {
    version: 8,
    name: `Claimed Ground offline basemap (${language})`,
    'font-faces': fontFaces(fontBaseUrl),
    sources: {
      [BASEMAP_SOURCE_ID]: {
        type: 'vector',
        url: `pmtiles://${pmtilesUrl}`,
        attribution: BASEMAP_ATTRIBUTION,
      },
    },
    layers: [
      {
        id: BASEMAP_LAYER_IDS.background,
        type: 'background',
        paint: { 'background-color': COLORS.background },
      },
      {
        id: BASEMAP_LAYER_IDS.earth,
        type: 'fill',
        source: BASEMAP_SOURCE_ID,
        'source-layer': 'earth',
        paint: {
          'fill-color': ['match', ['get', 'iso'], 'RUS', COLORS.landRussia, 'UKR', COLORS.landUkraine, COLORS.landRussia],
          // Edges are the clip box and the border; no outline so the border layer alone draws it.
          'fill-antialias': false,
        },
      },
      {
        id: BASEMAP_LAYER_IDS.lakes,
        type: 'fill',
        source: BASEMAP_SOURCE_ID,
        'source-layer': 'water',
        filter: ['==', ['get', 'kind'], 'lake'],
        paint: { 'fill-color': COLORS.water },
      },
      {
        // Every zoom: Protomaps' own river layer starts at z9, too late for a regional view.
        id: BASEMAP_LAYER_IDS.rivers,
        type: 'line',
        source: BASEMAP_SOURCE_ID,
        'source-layer': 'water',
        filter: ['==', ['get', 'kind'], 'river'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': COLORS.river,
          'line-width': ['interpolate', ['exponential', 1.4], ['zoom'], 4, 0.5, 8, 1.2, 12, 3],
        },
      },
      {
        id: BASEMAP_LAYER_IDS.regionBoundaries,
        type: 'line',
        source: BASEMAP_SOURCE_ID,
        'source-layer': 'boundaries',
        filter: ['==', ['get', 'kind'], 'region'],
        minzoom: 5,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': COLORS.region,
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 12, 1.6],
          'line-dasharray': [5, 3],
        },
      },
      {
        // A soft white band under the border keeps it legible where it crosses rivers or dashes.
        id: BASEMAP_LAYER_IDS.countryBoundaryCasing,
        type: 'line',
        source: BASEMAP_SOURCE_ID,
        'source-layer': 'boundaries',
        filter: ['==', ['get', 'kind'], 'country'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': COLORS.countryCasing,
          'line-opacity': 0.8,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 3, 8, 5, 12, 9],
        },
      },
      {
        id: BASEMAP_LAYER_IDS.countryBoundary,
        type: 'line',
        source: BASEMAP_SOURCE_ID,
        'source-layer': 'boundaries',
        filter: ['==', ['get', 'kind'], 'country'],
        layout: { 'line-join': 'round', 'line-cap': 'round' },
        paint: {
          'line-color': COLORS.country,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 8, 2, 12, 3.5],
        },
      },
      {
        id: BASEMAP_LAYER_IDS.placeDots,
        type: 'circle',
        source: BASEMAP_SOURCE_ID,
        'source-layer': 'places',
        filter: placeFilter,
        paint: {
          'circle-color': COLORS.dot,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, ['case', isCapital, 3, 1.8], 12, ['case', isCapital, 5, 3.5]],
          'circle-stroke-color': COLORS.halo,
          'circle-stroke-width': 1,
        },
      },
      {
        id: BASEMAP_LAYER_IDS.placeLabels,
        type: 'symbol',
        source: BASEMAP_SOURCE_ID,
        'source-layer': 'places',
        filter: placeFilter,
        layout: {
          'text-field': label,
          'text-font': ['case', isCapital, ['literal', [BASEMAP_FONTS.bold]], ['literal', [BASEMAP_FONTS.regular]]],
          'text-size': textSize,
          // rank 1 = most populous: bigger places win label collisions.
          'symbol-sort-key': ['to-number', ['get', 'rank'], 999],
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.5,
          'text-justify': 'auto',
          'text-max-width': 8,
          'text-padding': 3,
        },
        paint: {
          'text-color': ['step', population, COLORS.villageText, 15_000, COLORS.placeText],
          'text-halo-color': COLORS.halo,
          'text-halo-width': 1.6,
          'text-halo-blur': 0.4,
        },
      },
    ],
  };
}
