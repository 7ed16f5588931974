// Permalinks: the URL hash holds the built-in dataset, the date (or compared dates), the sources shown and the view,
// `#dataset=front&date=2024-11-20&map=6/48.50/35.50`, `#date=2024-12-15&sources=deepstate,isw&view=side&map=10/51.20/35.27`
// (no `dataset=`: the default, Kursk, so older links still work), and the UI language, `&lang=uk`.
import { isIsoDate } from './timeline';
import { UI_LOCALES, type UiLocale } from './format';
import type { Camera } from './types';

/** How several maps are laid out: one map with overlays, maps side by side, or two maps with a swipe divider. */
export type MapLayout = 'overlay' | 'side' | 'swipe';
export const MAP_LAYOUTS: readonly MapLayout[] = ['overlay', 'side', 'swipe'];

export interface LinkState {
  /** Id of a built-in dataset (collection of sources: `kursk`, `front`); absent for the default. */
  datasetId?: string;
  dateIso?: string;
  compare?: { fromIso: string; toIso: string };
  /** Source ids in order, the primary first (`deepstate,isw`). */
  sources?: string[];
  view?: MapLayout;
  camera?: Camera;
  /** The UI language; written only when it is not English, the default. */
  lang?: UiLocale;
  /** Id of the chosen place in the dataset's gazetteer (`place=geonames:486816`). */
  placeId?: string;
}

/** A problem with a link: the key of its message in the UI catalogue (src/lib/i18n/en.ts) and the message's parameters. */
export interface LinkNotice {
  key: 'link.badDate' | 'link.badCompare' | 'link.badSourcesSome' | 'link.badSourcesNone' | 'link.badView' | 'link.badPlace' | 'link.badMap' | 'link.badLang' | 'link.badDataset';
  params: Record<string, string>;
}

export interface ParsedLink extends LinkState {
  /** What in the link could not be used, in words, so the UI can say why it fell back to defaults. */
  /** What was wrong with the link, as message keys of the UI catalogue with their parameters (worded by the UI). */
  notices: LinkNotice[];
}

const MAX_ZOOM = 22;

/** Parse `map=zoom/lat/lon` as OpenStreetMap writes it. */
export function parseCamera(value: string): Camera | undefined {
  const parts = value.split('/');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return undefined;
  const [zoom, lat, lon] = parts.map(Number) as [number, number, number];
  if (![zoom, lat, lon].every(Number.isFinite)) return undefined;
  if (zoom < 0 || zoom > MAX_ZOOM || lat < -85.06 || lat > 85.06 || lon < -180 || lon > 180) return undefined;
  return { zoom, lat, lon };
}

/**
 * Read a URL hash. Bad parts are dropped with a notice; good parts are kept, so a link with a bad view
 * still opens on its date.
 */
export function parseLink(hash: string): ParsedLink {
  const out: ParsedLink = { notices: [] };
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const dataset = params.get('dataset');
  if (dataset !== null) {
    if (/^[a-z0-9_-]{1,40}$/.test(dataset)) out.datasetId = dataset;
    else out.notices.push({ key: 'link.badDataset', params: { dataset: dataset.slice(0, 40) } });
  }
  const date = params.get('date');
  if (date !== null) {
    if (isIsoDate(date)) out.dateIso = date;
    else out.notices.push({ key: 'link.badDate', params: { value: date } });
  }
  const compare = params.get('compare');
  if (compare !== null) {
    const [fromIso, toIso, extra] = compare.split('..');
    if (fromIso && toIso && extra === undefined && isIsoDate(fromIso) && isIsoDate(toIso)) {
      out.compare = fromIso <= toIso ? { fromIso, toIso } : { fromIso: toIso, toIso: fromIso };
    } else {
      out.notices.push({ key: 'link.badCompare', params: { value: compare } });
    }
  }
  const sources = params.get('sources');
  if (sources !== null) {
    const ids = sources.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const good = ids.filter((id) => /^[a-z0-9][a-z0-9-]{0,39}$/.test(id));
    if (good.length < ids.length || good.length === 0)
      out.notices.push({ key: good.length > 0 ? 'link.badSourcesSome' : 'link.badSourcesNone', params: { value: sources } });
    if (good.length > 0) out.sources = [...new Set(good)];
  }
  const view = params.get('view');
  if (view !== null) {
    const layout = MAP_LAYOUTS.find((l) => l === view);
    if (layout) out.view = layout;
    else out.notices.push({ key: 'link.badView', params: { value: view, layouts: MAP_LAYOUTS.join(', ') } });
  }
  const place = params.get('place');
  if (place !== null) {
    // Ids are the gazetteer's (`wof:…`, `geonames-postal:RU:…`): printable, short, no spaces.
    if (/^[\w.:-]{1,80}$/.test(place)) out.placeId = place;
    else out.notices.push({ key: 'link.badPlace', params: { value: place.slice(0, 80) } });
  }
  const map = params.get('map');
  if (map !== null) {
    const camera = parseCamera(map);
    if (camera) out.camera = camera;
    else out.notices.push({ key: 'link.badMap', params: { value: map } });
  }
  const lang = params.get('lang');
  if (lang !== null) {
    const l = UI_LOCALES.find((k) => k === lang);
    if (l) out.lang = l;
    else out.notices.push({ key: 'link.badLang', params: { value: lang, locales: UI_LOCALES.join(', ') } });
  }
  return out;
}

/**
 * Decimal places for coordinates at a zoom, as OpenStreetMap does: enough that the link reopens the view
 * to about a pixel, no more.
 */
function coordinateDecimals(zoom: number): number {
  return Math.max(2, Math.ceil((zoom * Math.LN2 + Math.log(256 / 360 / 0.5)) / Math.LN10));
}

/** Write a URL hash (with the leading `#`). */
export function formatLink(state: LinkState): string {
  const parts: string[] = [];
  if (state.datasetId) parts.push(`dataset=${state.datasetId}`);
  if (state.compare) parts.push(`compare=${state.compare.fromIso}..${state.compare.toIso}`);
  else if (state.dateIso) parts.push(`date=${state.dateIso}`);
  if (state.sources && state.sources.length > 0) parts.push(`sources=${state.sources.join(',')}`);
  if (state.view && state.view !== 'overlay') parts.push(`view=${state.view}`);
  // Before the camera: App.svelte treats everything before `&map=` as what a history entry is for.
  if (state.placeId) parts.push(`place=${encodeURIComponent(state.placeId).replace(/%3A/g, ':')}`);
  if (state.camera) {
    const { zoom, lat, lon } = state.camera;
    const d = coordinateDecimals(zoom);
    parts.push(`map=${Math.round(zoom * 100) / 100}/${lat.toFixed(d)}/${lon.toFixed(d)}`);
  }
  // After the map, so App's history (a new entry per date, not per camera or language move) splits at `&map=`.
  if (state.lang && state.lang !== 'en') parts.push(`lang=${state.lang}`);
  return `#${parts.join('&')}`;
}

/**
 * The absolute URL of one of the app's pages, beside the page at `pageHref`, opened at `hash`: the full app
 * (`''`) or the embeddable map (`'embed.html'`). From the embed page, the full app's permalink is its sibling.
 */
export function appPageUrl(pageHref: string, page: '' | 'embed.html', hash: string): string {
  const url = new URL(`./${page}`, pageHref);
  url.hash = hash.replace(/^#/, '');
  return url.href;
}
