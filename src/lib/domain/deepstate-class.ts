// DeepStateMap's fill colours and labels → our control classes. One reading of DeepState's map, used by the
// whole-front import (scripts/import-front.ts) and by the data build for files that carry no `class`.
//
// Measured over the 175 weekly files 2022-04-03 … 2025-08-03 (16,259 features; counts, where each lies and the
// labels per fill are in geodata/front/README.md). The fill alone is not enough: in April–May 2022 Transnistria
// carries the colour of Crimea and ORDLO (#880e4f), and in October 2024 two grey (#bcaaa4) polygons are labelled
// "Liberated". So the label decides the territories outside Ukraine, and the fill decides the rest.

/** Our class ids for DeepState's map. */
export type DeepstateClassId =
  | 'russian_occupied'
  | 'occupied_before_2022'
  | 'liberated'
  | 'unknown_status'
  | 'ukraine_held_in_russia'
  | 'occupied_outside_ukraine'
  | 'unclassified';

/** DeepState's `deepstate_name`, "Ukrainian /// English /// key", split (missing parts are empty strings). */
export interface DeepstateName {
  uk: string;
  en: string;
  key: string;
}

/** Splits DeepState's label. Early 2022 labels are Ukrainian only; some carry "// English" in the first part. */
export function parseDeepstateName(name: unknown): DeepstateName {
  const parts = typeof name === 'string' ? name.split('///').map((s) => s.trim()) : [];
  return { uk: parts[0] ?? '', en: parts[1] ?? '', key: parts[2] ?? '' };
}

/**
 * Labels of the territories outside Ukraine that DeepState marks as occupied: Transnistria (in its own red
 * #ff5252 from late May 2022, before that in Crimea's #880e4f), Abkhazia, Tskhinvali/South Ossetia, Petsamo,
 * Salla, Karelia, the Pechory district, parts of Estonia and Latvia, East Prussia, Ichkeria, the southern Kurils.
 */
const OUTSIDE_UKRAINE =
  /transnistri|придністров|abkhaz|абхаз|tskhinval|цхінвал|ossetia|осеті|осети|petsamo|печенг|салла|\bsalla\b|karelia|карел|pechor|печор|estonia|естон|latvia|латв|prussia|прусс|ichkeria|ічкер|kuril|курил/i;

/** Labels of ground held by Russia since before 24 February 2022: Crimea (with Tuzla island) and ORDLO. */
const BEFORE_2022 = /crimea|крим|tuzla|тузла|ордло|ordlo|cadr|calr/i;

/**
 * Fill colour (lower case) → class, for everything the labels do not decide. #880e4f and #000000 are the
 * fills of Crimea and ORDLO (black until mid-May 2022, then #880e4f); #0288d1 is the blue DeepState used for
 * retaken ground in 2022 (later green #0f9d58); #01579b is Ukrainian-held ground in Russia (Kursk, from
 * August 2024: all of it lies in Russia); #bcaaa4, #bdbdbd and #757575 are the grey zone ("Unknown status",
 * earlier "Contested", "In doubt", "Під питанням"); #ff5252 is DeepState's layer of territories outside
 * Ukraine it calls occupied.
 */
export const DEEPSTATE_FILL_CLASS: ReadonlyMap<string, DeepstateClassId> = new Map([
  ['#a52714', 'russian_occupied'],
  ['#880e4f', 'occupied_before_2022'],
  ['#000000', 'occupied_before_2022'],
  ['#0f9d58', 'liberated'],
  ['#0288d1', 'liberated'],
  ['#01579b', 'ukraine_held_in_russia'],
  ['#bcaaa4', 'unknown_status'],
  ['#bdbdbd', 'unknown_status'],
  ['#757575', 'unknown_status'],
  ['#ff5252', 'occupied_outside_ukraine'],
]);

/**
 * The class of one DeepState feature from its fill and label. Order matters: a label naming a territory
 * outside Ukraine wins over any fill (Transnistria in Crimea's colour); a label naming Crimea or ORDLO on an
 * occupied fill makes it "before 2022"; otherwise the fill decides. A grey fill stays grey whatever the label
 * says (the two grey "Liberated" polygons of October 2024 are 1.7 km² in the grey zone).
 */
export function deepstateClass(fill: unknown, name: unknown): DeepstateClassId {
  const f = typeof fill === 'string' ? fill.toLowerCase() : '';
  const { uk, en } = parseDeepstateName(name);
  const label = `${uk} ${en}`;
  const byFill = DEEPSTATE_FILL_CLASS.get(f);
  if (OUTSIDE_UKRAINE.test(label)) return 'occupied_outside_ukraine';
  if (byFill === 'occupied_outside_ukraine') return byFill;
  if ((byFill === 'occupied_before_2022' || byFill === 'russian_occupied') && BEFORE_2022.test(label)) return 'occupied_before_2022';
  return byFill ?? 'unclassified';
}
