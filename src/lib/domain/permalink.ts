// Permalinks: the URL hash holds the date (or compared dates) and the view, `#date=2024-08-20&map=10/51.20/35.27`.
import { isIsoDate } from './timeline';
import type { Camera } from './types';

export interface LinkState {
  dateIso?: string;
  compare?: { fromIso: string; toIso: string };
  camera?: Camera;
}

export interface ParsedLink extends LinkState {
  /** What in the link could not be used, in words, so the UI can say why it fell back to defaults. */
  notices: string[];
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
  const date = params.get('date');
  if (date !== null) {
    if (isIsoDate(date)) out.dateIso = date;
    else out.notices.push(`The link's date "${date}" is not a valid YYYY-MM-DD date; showing the default date.`);
  }
  const compare = params.get('compare');
  if (compare !== null) {
    const [fromIso, toIso, extra] = compare.split('..');
    if (fromIso && toIso && extra === undefined && isIsoDate(fromIso) && isIsoDate(toIso)) {
      out.compare = fromIso <= toIso ? { fromIso, toIso } : { fromIso: toIso, toIso: fromIso };
    } else {
      out.notices.push(`The link's comparison "${compare}" is not of the form YYYY-MM-DD..YYYY-MM-DD; compare mode is off.`);
    }
  }
  const map = params.get('map');
  if (map !== null) {
    const camera = parseCamera(map);
    if (camera) out.camera = camera;
    else out.notices.push(`The link's view "${map}" is not zoom/latitude/longitude within range; showing the default view.`);
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
  if (state.compare) parts.push(`compare=${state.compare.fromIso}..${state.compare.toIso}`);
  else if (state.dateIso) parts.push(`date=${state.dateIso}`);
  if (state.camera) {
    const { zoom, lat, lon } = state.camera;
    const d = coordinateDecimals(zoom);
    parts.push(`map=${Math.round(zoom * 100) / 100}/${lat.toFixed(d)}/${lon.toFixed(d)}`);
  }
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
