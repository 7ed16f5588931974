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
