// Import of the whole front's gazetteer (geodata/front/places.geojson) from the team's shared data folder, and the
// manifest that names it (geodata/front/dataset.json, through scripts/lib/front-manifest.ts). Kept so its provenance
// is reproducible: `tsx scripts/import-front-places.ts ../shared/data`; a rerun rewrites both files byte for byte.
//
// places.geojson = the Kursk gazetteer (scripts/lib/kursk-gazetteer.ts, as in geodata/kursk/places.geojson: 889
// places) plus basemap-ukraine/places.geojson (GeoNames cities500: 1,227 places of lon 21.5–41.5, lat 43.5–53.5),
// less the basemap places that are already in the Kursk gazetteer. A basemap place is the same as a Kursk one when
//   1. they carry the same GeoNames id (the Kursk set's Who's On First records name theirs), or else
//   2. they have the same name (English, Ukrainian or Russian, compared without case, diacritics or apostrophes)
//      and lie within 2 km of each other (a GeoNames point and a Who's On First point of one village differ by
//      a few hundred metres; two villages of one name are further apart than that).
// The Kursk record is kept (its id is what Kursk links use, its names were checked by hand); what it lacks
// (population, a Ukrainian or Russian name) is taken from the GeoNames record. `country` is the country the point
// lies in by the front's own land polygons (ukraine-land.geojson, russia-land.geojson: the polygons its clipped
// measures use), else, outside both, the source's country code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { geonamesPlace, kmBetween, readFeatures, roundedPoint, str, writePlacesFile, type InFeature, type PlaceOut } from './lib/gazetteer-import';
import { kurskGazetteer } from './lib/kursk-gazetteer';
import { frontManifestText } from './lib/front-manifest';
import { pointInGeometry } from '../src/lib/domain/place-history';
import type { AreaGeometry } from '../src/lib/domain/types';

const shared = process.argv[2] ?? '../shared/data';
const out = 'geodata/front';

/** Places the basemap's README lists as missing from GeoNames cities500; checked below, so the coverage text holds. */
const STATED_MISSING = ['Vuhledar', 'Robotyne', 'Krynky', 'Klishchiivka', 'Urozhaine', 'Staromaiorske', 'Novomykhailivka', 'Niu-York', 'Ocheretyne', 'Lyptsi', 'Kozacha Lopan', 'Synkivka', 'Tabaivka', 'Torske'];

const COVERAGE =
  'Towns, not villages: GeoNames’ cities500 (2023) gives every settlement of 10,000 people or more in lon 21.5–41.5, lat 43.5–53.5 and every one of 1,000 or more in Donetsk, Luhansk, Zaporizhzhia, Kherson, Kharkiv, Sumy, Kursk and Belgorod oblasts; the Kursk gazetteer adds every village of the Sumy border area and about a quarter of western Kursk Oblast’s. Most villages under 1,000 people are missing, and some front-line places above it (Vuhledar, Robotyne, Krynky, Klishchiivka, Ocheretyne, Urozhaine, Staromaiorske, Lyptsi, Kozacha Lopan, …). Counts of places inside polygons are lower bounds.';

// ---------------------------------------------------------------------------------------------------------
// Where each point lies

const landOf = (file: string): AreaGeometry => (JSON.parse(readFileSync(join(out, file), 'utf8')) as { features: { geometry: AreaGeometry }[] }).features[0]!.geometry;
const LAND: [country: string, geometry: AreaGeometry][] = [
  ['UA', landOf('ukraine-land.geojson')],
  ['RU', landOf('russia-land.geojson')],
];
/** The country whose land polygon holds the point, or null outside both (another country, the sea, a lake). */
const countryByLand = ([lon, lat]: readonly [number, number]): string | null => LAND.find(([, g]) => pointInGeometry(lon, lat, g))?.[0] ?? null;

// Oblast names for `admin`, from the ISO 3166-2 code GeoNames gives (via Natural Earth's gn_a1_code): Ukraine's from
// the front's own regions.geojson, Russia's six border regions from basemap-ukraine/oblasts_ru_ne.geojson.
const regionNames = new Map<string, string>();
for (const f of [...readFeatures(out, 'regions.geojson'), ...readFeatures(shared, 'basemap-ukraine/oblasts_ru_ne.geojson')]) {
  const code = String(f.properties.iso_3166_2);
  const name = String(f.properties['name:en']);
  // Kyiv city, Sevastopol, Crimea and Krasnodar Krai are not oblasts; "Kyiv Oblast" already says it.
  const full = code === 'UA-30' ? 'Kyiv City' : /^(UA-40|UA-43|RU-KDA)$/.test(code) || / Oblast$/.test(name) ? name : `${name} Oblast`;
  regionNames.set(code, full);
}
const adminOf = (p: Record<string, unknown>): string | null => {
  const code = str(p.region);
  return code === null ? null : (regionNames.get(code) ?? null);
};

// ---------------------------------------------------------------------------------------------------------
// Merge

const kursk = kurskGazetteer(shared);
const ukraine = readFeatures(shared, 'basemap-ukraine/places.geojson');

const MERGE_KM = 2;
const nameKey = (s: string | null) => (s === null ? null : s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['’ʼ`]/g, '').replace(/[\s-]+/g, ' ').trim());
const sameName = (a: PlaceOut, b: InFeature) =>
  (['name:en', 'name:uk', 'name:ru'] as const).some((k) => {
    const x = nameKey(a.properties[k]);
    return x !== null && x === nameKey(str(b.properties[k]));
  });

const kurskByGeonameId = new Map<number, number>();
kursk.geonameIds.forEach((g, i) => {
  if (g !== null && !kurskByGeonameId.has(g)) kurskByGeonameId.set(g, i);
});

const features: PlaceOut[] = kursk.features.map((f) => ({ ...f, properties: { ...f.properties } }));
const merged = { geonameid: 0, name: 0, filled: 0 };
const mergedByName: string[] = [];
for (const f of ukraine) {
  const p = f.properties;
  const gid = typeof p.geonameid === 'number' ? p.geonameid : null;
  let k = gid !== null ? kurskByGeonameId.get(gid) : undefined;
  if (k !== undefined) merged.geonameid++;
  else {
    const near = features
      .slice(0, kursk.features.length)
      .map((q, i) => ({ i, km: kmBetween(q.geometry.coordinates, f.geometry.coordinates), q }))
      .filter((c) => c.km <= MERGE_KM && sameName(c.q, f))
      .sort((a, b) => a.km - b.km)[0];
    if (near) {
      k = near.i;
      merged.name++;
      mergedByName.push(`${String(p['name:en'])} (${gid === null ? 'no GeoNames id' : `geonames:${gid}`}) = ${near.q.id}, ${near.km.toFixed(2)} km`);
    }
  }
  if (k !== undefined) {
    const kept = features[k]!.properties;
    const from = geonamesPlace(f, '', '', null, null).properties;
    for (const key of ['population', 'name:uk', 'name:ru'] as const)
      if (kept[key] === null && from[key] !== null) {
        (kept as Record<string, unknown>)[key] = from[key];
        merged.filled++;
      }
    continue;
  }
  features.push(geonamesPlace(f, kursk.ids.idFor(p), 'basemap-ukraine', str(p.country), adminOf(p)));
}

// Countries by the front's land polygons; the source's code where the point is on neither.
const disagreements: string[] = [];
let byLand = 0;
for (const f of features) {
  const land = countryByLand(f.geometry.coordinates);
  if (land === null) continue;
  byLand++;
  if (f.properties.country !== land) disagreements.push(`${f.properties.name} (${f.id}): ${f.properties.country ?? 'none'} → ${land}`);
  f.properties.country = land;
}
for (const f of features) f.geometry = { type: 'Point', coordinates: roundedPoint(f.geometry.coordinates) };

const present = STATED_MISSING.filter((n) => features.some((f) => nameKey(f.properties['name:en']) === nameKey(n)));
if (present.length > 0) throw new Error(`the coverage text calls missing what the gazetteer has: ${present.join(', ')}`);

const bytes = writePlacesFile(join(out, 'places.geojson'), COVERAGE, features);
const gzBytes = gzipSync(readFileSync(join(out, 'places.geojson')), { level: 9 }).length;

// The manifest names the places file: rewritten from front-manifest.ts with the snapshot list it has.
const manifest = JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')) as { snapshots: { dateIso: string; file: string }[] };
writeFileSync(join(out, 'dataset.json'), frontManifestText(manifest.snapshots));

const count = (pred: (f: PlaceOut) => boolean) => features.filter(pred).length;
const byCountry = new Map<string, number>();
for (const f of features) byCountry.set(f.properties.country ?? '?', (byCountry.get(f.properties.country ?? '?') ?? 0) + 1);
console.log(`places.geojson: ${features.length} places, ${bytes} bytes (${gzBytes} gzip)`);
console.log(`  ${kursk.features.length} from the Kursk gazetteer, ${features.length - kursk.features.length} from basemap-ukraine (of ${ukraine.length}: ${merged.geonameid} merged by GeoNames id, ${merged.name} by name within ${MERGE_KM} km; ${merged.filled} missing values of Kursk records filled from them)`);
for (const m of mergedByName) console.log(`    by name: ${m}`);
console.log(`  by country: ${[...byCountry].sort().map(([c, n]) => `${c} ${n}`).join(', ')}`);
console.log(`  names: uk ${count((f) => f.properties['name:uk'] !== null)}, ru ${count((f) => f.properties['name:ru'] !== null)}; population known for ${count((f) => f.properties.population !== null)}`);
console.log(`  country from the land polygons for ${byLand}, from the source's code for ${features.length - byLand}; ${disagreements.length} differ from the source's code:`);
for (const d of disagreements) console.log(`    ${d}`);
console.log(`dataset.json: placesFile ${JSON.stringify('places.geojson')}, ${manifest.snapshots.length} snapshots`);
