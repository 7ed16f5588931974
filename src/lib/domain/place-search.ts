// Place search: find a settlement by any of its names, typed in English, Ukrainian or Russian, with or without
// diacritics, in any common transliteration, and with a typo or two. Pure: the index is MiniSearch (fuzzy prefix
// search over a radix tree); what this module adds is the matching key every name and query is reduced to.
//
// How a name becomes a key:
// 1. Cyrillic is romanised by the table of its language: Russian by BGN/PCGN 1947 (the system GeoNames' ASCII
//    names and our gazetteer's Russian `name:en` use: US Board on Geographic Names / Permanent Committee on
//    Geographical Names, "Romanization of Russian", 1947, as in the BGN/PCGN 2017 compilation); Ukrainian by the
//    national system of 2010 (Cabinet of Ministers of Ukraine resolution no. 55 of 27 January 2010, the one
//    Ukrainian official names and Who's On First use). A query typed in Cyrillic is romanised by both (by one when
//    it has a letter only that language has: і ї є ґ are Ukrainian, ы э ъ ё Russian).
// 2. Latin text loses its diacritics, after the Czech-style letters of scholarly (ISO 9-like) romanisations are
//    spelled out as English digraphs (ž → zh, š → sh, č → ch), so "Sudža" reads as "Sudzha".
// 3. The spellings that romanisations disagree on are folded together (FOLDS below): дж as "dzh" or "j"
//    (Sudzha / Suja), ж as "zh" or "j", г as "g" or "h" (Russian Glushkovo / Ukrainian Hlushkove), х as "kh"/"h",
//    ц as "ts"/"c"/"tz", the glides є я ю ё as "ye"/"ie", "ya"/"ia", "yu"/"iu", "yo"/"io", and -ий/-ый/-ій endings
//    ("Tolstyi", "Tolstyy", "Tolsty"); doubled letters count once ("Cherkasskoye" / "Cherkaskoe").
// What is left of a misspelling is for the fuzzy match, against the folded key and against the plain one: an edit
// distance of 1 in words of 4–5 letters, 2 above.
import MiniSearch from 'minisearch';

/** A place as search needs it: an id and its names (null where unknown). */
export interface SearchablePlace {
  id: string;
  en: string | null;
  uk: string | null;
  ru: string | null;
  /** Breaks ties: of two "Mykolaivka", the bigger first. */
  population: number | null;
}

/** One hit, best first. */
export interface PlaceMatch {
  id: string;
  /** MiniSearch's relevance score (higher is better), after the population boost. */
  score: number;
}

// ------------------------------------------------------------------------------------------------------------
// Romanisation tables

/** Russian, BGN/PCGN 1947 (the ASCII form: no dots or apostrophes; ь and ъ dropped). */
const RU: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};
/** BGN/PCGN: е is "ye" and ё "yë" at the start of a word and after a vowel, й, ъ or ь. */
const RU_AFTER_VOWEL: Record<string, string> = { е: 'ye', ё: 'yo' };
const RU_VOWELS = new Set('аеёиоуыэюяйъь');

/** Ukrainian, Cabinet of Ministers resolution no. 55 (2010); "зг" is "zgh" to keep it apart from "ж". */
const UK: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": '', '’': '', 'ʼ': '',
};
/** Resolution 55: є ї й ю я at the start of a word are "ye yi y yu ya". */
const UK_INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

export type Script = 'ru' | 'uk';

/** Romanise Cyrillic text by the table of `lang`; other characters pass through (lower-cased). */
export function romanize(text: string, lang: Script): string {
  const s = text.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    const prev = i > 0 ? s[i - 1]! : '';
    const wordStart = i === 0 || !/[\p{L}'’ʼ]/u.test(prev);
    if (lang === 'ru') {
      if ((wordStart || RU_VOWELS.has(prev)) && ch in RU_AFTER_VOWEL) out += RU_AFTER_VOWEL[ch];
      else out += Object.hasOwn(RU, ch) ? RU[ch] : ch;
    } else {
      if (ch === 'г' && prev === 'з') out += 'gh';
      else if (wordStart && Object.hasOwn(UK_INITIAL, ch)) out += UK_INITIAL[ch];
      else out += Object.hasOwn(UK, ch) ? UK[ch] : ch;
    }
  }
  return out;
}

const CYRILLIC = /[\u0400-\u04ff]/;
const ONLY_UK = /[іїєґ]/i;
const ONLY_RU = /[ыэъё]/i;

// ------------------------------------------------------------------------------------------------------------
// Folding

/** Letters of scholarly romanisations spelled out before diacritics are dropped (else ž would become a bare z). */
const SPELLED: [RegExp, string][] = [
  [/[žź]/g, 'zh'], [/[šś]/g, 'sh'], [/[čć]/g, 'ch'], [/ł/g, 'l'], [/ë/g, 'yo'],
];

/**
 * Spellings that romanisations disagree on, folded to one letter each (upper-case placeholders while folding, so
 * a later rule does not read them again). In order: longest first.
 */
const FOLDS: [RegExp, string][] = [
  [/w/g, 'v'], [/q/g, 'k'], [/x/g, 'ks'], [/ph/g, 'f'],
  [/shch|sch/g, 'W'], [/tch|ch/g, 'C'], [/sh/g, 'W'],
  [/dzh|dz(?=h)|zh|j/g, 'J'],
  [/kh|h|g/g, 'H'],
  [/ts|tz|c/g, 'Q'],
  [/[yi]e/g, 'e'], [/[yi]o/g, 'o'], [/[yi]u/g, 'u'], [/[yi]a/g, 'a'],
  [/[iy]+/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** The matching key of one word of Latin text: "Sudzha", "Suja" and "Sudža" all give "suja". */
export function foldLatin(word: string): string {
  let s = word.toLowerCase();
  for (const [re, to] of SPELLED) s = s.replace(re, to);
  s = s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]/g, '');
  for (const [re, to] of FOLDS) s = s.replace(re, to);
  return s.toLowerCase();
}

/** The words of a name or query: split on spaces, hyphens and punctuation ("10-y Oktyabr" → 10, y, oktyabr). */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}'’ʼ]+/u).filter((t) => t !== '');
}

/** One word as plain ASCII (diacritics dropped, nothing folded): the key a typo is measured against. */
export function plainLatin(word: string): string {
  let s = word.toLowerCase();
  for (const [re, to] of SPELLED) s = s.replace(re, to);
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]/g, '');
}

/**
 * The keys of one word: its folded key, and its plain form (a typo such as "Sudhza" is two letters from "sudzha"
 * but further from the folded "suja"). A Cyrillic word is romanised first, by the table of its language when known
 * (`lang`), else by each plausible one.
 */
export function termKeys(word: string, lang?: Script): string[] {
  const latin = !CYRILLIC.test(word)
    ? [word]
    : lang
      ? [romanize(word, lang)]
      : (ONLY_UK.test(word) ? (['uk'] as const) : ONLY_RU.test(word) ? (['ru'] as const) : (['ru', 'uk'] as const)).map((l) => romanize(word, l));
  const keys = new Set<string>();
  for (const w of latin) {
    keys.add(foldLatin(w));
    keys.add(plainLatin(w));
  }
  keys.delete('');
  return [...keys];
}

// ------------------------------------------------------------------------------------------------------------
// Index and search

export type PlaceIndex = MiniSearch<SearchablePlace>;

/** Edit distance allowed for a query key: none up to 3 letters, 1 up to 5, 2 above (a swap of two letters is 2). */
function fuzziness(term: string): number {
  return term.length <= 3 ? 0 : term.length <= 5 ? 1 : 2;
}

/** Index places by their English, Ukrainian and Russian names. */
export function createPlaceIndex(places: readonly SearchablePlace[]): PlaceIndex {
  const index = new MiniSearch<SearchablePlace>({
    fields: ['en', 'uk', 'ru'],
    storeFields: ['population'],
    tokenize,
    processTerm: (term, fieldName) => {
      const lang = fieldName === 'uk' ? 'uk' : fieldName === 'ru' ? 'ru' : undefined;
      const keys = termKeys(term, lang);
      return keys.length > 0 ? keys : null;
    },
    searchOptions: {
      prefix: true,
      fuzzy: fuzziness,
      combineWith: 'AND',
      // The same name in three fields must not outrank a better match in one.
      boost: { en: 1, uk: 1, ru: 1 },
    },
  });
  // MiniSearch needs every field present; a missing name indexes as empty text.
  index.addAll(places.map((p) => ({ ...p, en: p.en ?? '', uk: p.uk ?? '', ru: p.ru ?? '' })));
  return index;
}

/**
 * Places matching `query`, best first: every word of the query must match a word of one of the place's names
 * (as a prefix while typing, or within the edit distance above). Ties go to the bigger place.
 */
export function searchPlaces(index: PlaceIndex, query: string, limit = 8): PlaceMatch[] {
  // Each word is one sub-query: its keys (two for a Cyrillic word of unknown language) joined by OR, and the words
  // joined by AND. The keys are final, so the search must not fold them again.
  const words = tokenize(query).map((w) => termKeys(w)).filter((keys) => keys.length > 0);
  if (words.length === 0) return [];
  const hits = index.search(
    { combineWith: 'AND', queries: words.map((keys) => ({ combineWith: 'OR', queries: keys })) },
    {
      processTerm: (term) => term,
      boostDocument: (_id, _term, stored) => 1 + Math.log10(1 + Number((stored as { population?: number | null } | undefined)?.population ?? 0)) / 20,
    },
  );
  return hits.slice(0, limit).map((h) => ({ id: String(h.id), score: h.score }));
}
