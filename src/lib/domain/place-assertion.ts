// What a claim about a place asserts (`held:UA`, `entered:UA`, `contested`): the type and its two spellings.
// Kept apart from the CSV parser so the main thread can word a claim without loading the parser.

/** What a claim says of a place: held by a country, troops of a country there (not control), or fighting. */
export type PlaceAssertion = { kind: 'held' | 'entered'; country: string } | { kind: 'contested' };

/** `held:UA` → { kind: 'held', country: 'UA' }; undefined when not of the three forms. */
export function parseAssertion(text: string): PlaceAssertion | undefined {
  if (text === 'contested') return { kind: 'contested' };
  const m = /^(held|entered):([A-Z]{2})$/.exec(text);
  return m ? { kind: m[1] as 'held' | 'entered', country: m[2]! } : undefined;
}

/** The assertion as written in the file. */
export function formatAssertion(a: PlaceAssertion): string {
  return a.kind === 'contested' ? 'contested' : `${a.kind}:${a.country}`;
}

/** One row of a place-claims file (`place-claims.csv`, parsed by src/lib/data/place-claims.ts). */
export interface PlaceClaim {
  /** `<date>-<settlement slug>`, made unique with a suffix: stable while the file is only appended to. */
  id: string;
  /** Line of the row in the file (1 = the header), for error reports and citations. */
  line: number;
  dateIso: string;
  settlement: string;
  settlementRu: string | null;
  /** Gazetteer id, or null when the gazetteer lacks the place (or the row is a total). */
  placeId: string | null;
  placeMatch: string | null;
  claimant: string;
  claim: string;
  asserts: PlaceAssertion;
  /** True for a total ("(count) …"), which names no place. */
  isCount: boolean;
  /** The number of a total, when it gives one. */
  count: number | null;
  sourceUrl: string;
  quote: string;
}
