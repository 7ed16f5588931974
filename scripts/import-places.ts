// Import of the Kursk dataset's gazetteer and place claims from the team's shared data folder into geodata/kursk/.
// Kept so their provenance is reproducible: `tsx scripts/import-places.ts ../shared/data`.
//
// places.geojson = gazetteer-kursk/places.geojson (852 places in lon 34.0–36.5, lat 50.7–52.0) plus the places of
// basemap/places.geojson outside that box (the box's 37 are already in the gazetteer), each with a stable `id`
// (scripts/lib/kursk-gazetteer.ts, which the whole front's gazetteer starts from too).
// place-claims.csv = gazetteer-kursk/claimed-settlements.csv with three columns added: `place_id`, `place_match`
// and `asserts` (what the claim says of the place's control, read by the rules below), and `count` for totals.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { str, writePlacesFile } from './lib/gazetteer-import';
import { KURSK_COVERAGE, kurskGazetteer } from './lib/kursk-gazetteer';

const shared = process.argv[2] ?? '../shared/data';
const out = 'geodata/kursk';

const { features, ids, gazetteerCount } = kurskGazetteer(shared);
writePlacesFile(join(out, 'places.geojson'), KURSK_COVERAGE, features);

// ---------------------------------------------------------------------------------------------------------
// Place claims

const csvText = readFileSync(join(shared, 'gazetteer-kursk/claimed-settlements.csv'), 'utf8');
const parsed = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
if (parsed.errors.length > 0) throw new Error(`claimed-settlements.csv: ${parsed.errors[0]!.message}`);

/**
 * What a claim says of the place, from its `claim` text. The order matters: "captured by Ukraine (disputed …)" is
 * a capture claim, "disputed: …" alone is contested.
 * - held:RU: recaptured / restored control / "from Ukraine" (Russia's MoD says "liberated" for its recaptures, but
 *   Zelensky's "liberation completed" of Sudzha is a Ukrainian capture, so the word alone decides nothing);
 * - held:UA: controlled / captured / under Ukrainian control;
 * - entered:UA: troops entered or advanced in/to the place (presence, not control);
 * - contested: clashes, disputed.
 */
const ASSERT_RULES: [RegExp, string][] = [
  [/recaptur|restored control|from Ukraine/i, 'held:RU'],
  [/captured|controlled by|under Ukrainian control/i, 'held:UA'],
  [/entered|advanced/i, 'entered:UA'],
  [/contested|disputed|clashes/i, 'contested'],
];
function assertsOf(claim: string): string {
  for (const [re, asserts] of ASSERT_RULES) if (re.test(claim)) return asserts;
  throw new Error(`no rule reads the claim "${claim}"`);
}

// Places the gazetteer file did not match: the Russian name, on the Russian side within 30 km of Sudzha, and only
// when exactly one place has it (Николаевка, Орловка, Богдановка are common names elsewhere).
const SUDZHA = [35.2727, 51.1929] as const;
const kmFromSudzha = ([lon, lat]: [number, number]) => Math.hypot((lon - SUDZHA[0]) * 111.32 * Math.cos((51.19 * Math.PI) / 180), (lat - SUDZHA[1]) * 110.57);
function matchByName(nameRu: string): string | null {
  const hits = features.filter((f) => f.properties['name:ru'] === nameRu && f.properties.country === 'RU' && kmFromSudzha(f.geometry.coordinates) <= 30);
  return hits.length === 1 ? hits[0]!.id : null;
}

const rows: Record<string, string>[] = parsed.data.map((r: Record<string, string>) => {
  const countMatch = /^\(count\)\s+(\d+)\b/.exec(r.settlement ?? '');
  const isCount = (r.settlement ?? '').startsWith('(count)');
  const fromFile = str(r.gazetteer_source_id);
  const byName = !isCount && !fromFile && r.settlement_ru ? matchByName(r.settlement_ru) : null;
  const placeId = fromFile ?? byName ?? '';
  if (placeId && !ids.has(placeId)) throw new Error(`${r.settlement}: place id ${placeId} is not in places.geojson`);
  return {
    ...r,
    place_id: placeId,
    place_match: fromFile ? 'gazetteer' : byName ? 'name:ru within 30 km of Sudzha' : '',
    asserts: assertsOf(r.claim ?? ''),
    count: countMatch ? countMatch[1]! : '',
  };
});
writeFileSync(join(out, 'place-claims.csv'), Papa.unparse(rows, { newline: '\n' }) + '\n');

console.log(`places.geojson: ${features.length} places (${gazetteerCount} from the gazetteer, ${features.length - gazetteerCount} from the basemap)`);
console.log(`place-claims.csv: ${rows.length} claims, ${rows.filter((r) => r.place_id).length} with a place in the gazetteer`);
for (const r of rows) console.log(`  ${r.date} ${String(r.settlement).padEnd(28)} ${String(r.asserts).padEnd(10)} ${r.place_id}`);
