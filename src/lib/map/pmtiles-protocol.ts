// Registers the `pmtiles://` URL scheme with MapLibre once, so styles can read PMTiles archives by HTTP range requests.
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

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
  addProtocol(PMTILES_SCHEME, protocol.tile);
  registered = protocol;
  return protocol;
}
