// The map's own source and layer ids, said once: the adapter draws with them, browser tests and benchmarks import them.
// No MapLibre here, so Node-side code (e2e, bench) can import it.

export const CONTROL_SOURCE = 'cg-control';
export const CONTROL_FILL_LAYER = 'cg-control-fill';
export const CONTROL_LINE_LAYER = 'cg-control-line';

/**
 * The map ids of a control slot. Slot 0 holds the primary source (drawn filled, ids as above); slot k > 0 holds
 * another source drawn as an outline in its own colour (`cg-control-k`, `cg-control-fill-k`, `cg-control-line-k`).
 */
export function controlSlotIds(slot: number): { source: string; fill: string; line: string } {
  return slot === 0
    ? { source: CONTROL_SOURCE, fill: CONTROL_FILL_LAYER, line: CONTROL_LINE_LAYER }
    : { source: `${CONTROL_SOURCE}-${slot}`, fill: `${CONTROL_FILL_LAYER}-${slot}`, line: `${CONTROL_LINE_LAYER}-${slot}` };
}

export const DIFF_SOURCE = 'cg-diff';
export const DIFF_FILL_LAYER = 'cg-diff-fill';
export const DIFF_LINE_LAYER = 'cg-diff-line';
/** The chosen place (search, `#place=`): a ring above everything else. */
export const PLACE_SOURCE = 'cg-place';
export const PLACE_LAYER = 'cg-place-ring';
