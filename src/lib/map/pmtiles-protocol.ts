// Registers the `pmtiles://` URL scheme with MapLibre once, so styles can read PMTiles archives by HTTP range requests,
// or whole on hosts that serve no ranges (pmtiles-source.ts).
import { addProtocol, type RequestParameters } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { RangeOrWholeSource } from './pmtiles-source';

/** URL scheme the style uses for PMTiles sources: `pmtiles://<url of the .pmtiles file>`. */
export const PMTILES_SCHEME = 'pmtiles';

let registered: Protocol | null = null;

/**
 * Registers the PMTiles protocol with MapLibre's global `addProtocol`. Idempotent: MapLibre keeps one
 * handler per scheme for the whole page, and a second `Protocol` would drop the first one's cache of
 * archive headers and directories, so later calls return the instance registered first.
 * Call it before creating a map whose style has a `pmtiles://` source.
 * @returns the shared `Protocol` (e.g. to `add()` a PMTiles instance over a local `File`).
 */
export function registerPmtilesProtocol(): Protocol {
  if (registered) return registered;
  const protocol = new Protocol();
  // Every archive a style names is read through RangeOrWholeSource: the Protocol would otherwise make its own
  // FetchSource, which fails on hosts without byte serving (python3 -m http.server).
  addProtocol(PMTILES_SCHEME, (params: RequestParameters, abort: AbortController) => {
    const url = archiveUrl(params.url);
    if (url !== undefined && !protocol.get(url)) protocol.add(new PMTiles(new RangeOrWholeSource(url)));
    return protocol.tile(params, abort);
  });
  registered = protocol;
  return protocol;
}

/** The archive's URL in a `pmtiles://` request: the TileJSON request names it alone, a tile request adds /z/x/y. */
function archiveUrl(requestUrl: string): string | undefined {
  const rest = requestUrl.startsWith(`${PMTILES_SCHEME}://`) ? requestUrl.slice(PMTILES_SCHEME.length + 3) : undefined;
  if (rest === undefined) return undefined;
  const tile = /^(.+)\/\d+\/\d+\/\d+$/.exec(rest);
  return tile ? tile[1] : rest;
}
