// One-off import of the Kursk dataset from the team's shared data folder into geodata/kursk/.
// Kept so the dataset's provenance is reproducible: `tsx scripts/import-kursk.ts ../shared/data`.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetManifest } from '../src/lib/domain/types';
import { writeKurskOblast } from './import-kursk-sources';
import { withUkrainian } from './lib/uk-texts';

const shared = process.argv[2] ?? '../shared/data';
const out = 'geodata/kursk';
mkdirSync(join(out, 'snapshots'), { recursive: true });

const daily = join(shared, 'deepstate-kursk-daily');
const files = readdirSync(daily).filter((f) => /^\d{4}-\d{2}-\d{2}\.geojson$/.test(f)).sort();
for (const f of files) copyFileSync(join(daily, f), join(out, 'snapshots', f));
copyFileSync(join(daily, 'index.csv'), join(out, 'deepstate-index.csv'));
// places.geojson and place-claims.csv come from the gazetteer: scripts/import-places.ts.

// The clip region for "held in Russia": Russia's land polygon within the region (DeepState's blue
// polygons overlap Ukraine's border by 0.6–2.5 km², measured on the
// daily files this script copies, so the area "held in Russia" must be clipped).
const earth = JSON.parse(readFileSync(join(shared, 'basemap/earth.geojson'), 'utf8'));
const russia = earth.features.find((f: { properties: { iso: string } }) => f.properties.iso === 'RUS');
// The source ring is clockwise; RFC 7946 §3.1.6 wants exterior rings counter-clockwise (holes clockwise).
type Ring = [number, number][];
const signedArea = (ring: Ring) => ring.reduce((sum, [x0, y0], i) => {
  const [x1, y1] = ring[(i + 1) % ring.length]!;
  return sum + (x0 * y1 - x1 * y0);
}, 0) / 2;
const rewind = (rings: Ring[]) => rings.map((r, i) => ((signedArea(r) > 0) === (i === 0) ? r : [...r].reverse()));
russia.geometry.coordinates = russia.geometry.type === 'Polygon'
  ? rewind(russia.geometry.coordinates)
  : russia.geometry.coordinates.map(rewind);
writeFileSync(
  join(out, 'russia-land.geojson'),
  JSON.stringify({
    type: 'FeatureCollection',
    features: [{
      type: 'Feature',
      properties: { name: 'Russia (land within the region)', iso: 'RUS', source: '@geo-maps/countries-land-100m@0.6.0, © OpenStreetMap contributors (ODbL)' },
      geometry: russia.geometry,
    }],
  }) + '\n',
);

writeKurskOblast(out);

/**
 * The days DeepState published without a change to this area: rows of index.csv
 * (`date,deepstate_published_utc,source_path,features,changed_since_previous_day`) whose last column is False. Those
 * days have no snapshot file; the app says the snapshot before was confirmed then ("unchanged", not "not published").
 */
function publishedUnchanged(indexCsv: string): string[] {
  return indexCsv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols[4]?.trim() === 'False' && /^\d{4}-\d{2}-\d{2}$/.test(cols[0] ?? ''))
    .map((cols) => cols[0]!);
}

const manifest: DatasetManifest = {
  id: 'kursk-2024',
  title: 'Kursk incursion, 2024–25 (DeepStateMap)',
  shortName: 'DeepState',
  color: '#0277bd',
  region: 'Kursk Oblast (Russia) and the Sumy border area (Ukraine)',
  description:
    'DeepStateMap polygons in and around the area of Ukraine’s incursion into Russia’s Kursk Oblast: one snapshot per day on which DeepState published a change to this area (the last publication of that day, UTC), 2024-08-01 to 2025-04-30. Whole polygons, not clipped; the class is our reading of DeepState’s fill colour.',
  classes: [
    { id: 'ukraine_held_in_russia', label: 'Held by Ukraine (in Russia)', color: '#1565c0', description: 'Ground in Russia held by Ukrainian forces. DeepState fill #01579b, labelled “Liberated”.', heldBy: 'UA' },
    { id: 'unknown_status', label: 'Unknown status (grey zone)', color: '#8d8d8d', description: 'Control unclear. DeepState fill #bdbdbd or #bcaaa4, labelled “Unknown status”.', heldBy: 'contested' },
    { id: 'russian_occupied', label: 'Occupied by Russia (in Ukraine)', color: '#c62828', description: 'Russian-held ground on the Ukrainian side of the border. DeepState fill #a52714, labelled “Occupied”.', heldBy: 'RU' },
  ],
  measures: [
    { id: 'held', label: 'Held by Ukraine, in Russia', classes: ['ukraine_held_in_russia'], clipTo: 'russia' },
    { id: 'held_kursk', label: 'Held by Ukraine, in Kursk Oblast', classes: ['ukraine_held_in_russia'], clipTo: 'kursk_oblast' },
    { id: 'held_or_unknown', label: 'Held by Ukraine or unknown status, in Russia', classes: ['ukraine_held_in_russia', 'unknown_status'], clipTo: 'russia' },
    { id: 'held_or_unknown_kursk', label: 'Held by Ukraine or unknown status, in Kursk Oblast', classes: ['ukraine_held_in_russia', 'unknown_status'], clipTo: 'kursk_oblast' },
    { id: 'occupied', label: 'Occupied by Russia (this area)', classes: ['russian_occupied'] },
  ],
  clipRegions: {
    russia: { label: 'Russia', file: 'russia-land.geojson' },
    kursk_oblast: { label: 'Kursk Oblast', file: 'kursk-oblast.geojson' },
  },
  defaultView: { zoom: 9, lat: 51.3, lon: 35.2 },
  sources: [
    {
      name: 'DeepStateMap (deepstatemap.live)',
      url: 'https://deepstatemap.live/',
      licenceStatus:
        'No licence published. Taken from the public archive DanielRose2310/deepstatemaps-history (commit df633a17), which has no licence file and states educational and non-commercial use; DeepStateMap’s own terms of reuse could not be checked.',
      attribution: 'Control areas © DeepStateMap (deepstatemap.live)',
    },
    { name: 'GeoNames', url: 'https://www.geonames.org/', licenceStatus: 'CC BY 4.0', attribution: 'Places: GeoNames (CC BY 4.0)' },
    {
      name: 'Who’s On First',
      url: 'https://whosonfirst.org/docs/licenses/',
      licenceStatus: 'Mapzen’s own work CC0; GeoNames-derived properties CC BY; Quattroshapes-derived properties CC BY. Crediting is recommended and linking back to the licence is required.',
      attribution: 'Places in Ukraine: Data from Who’s On First (whosonfirst.org/docs/licenses)',
    },
    {
      name: 'GeoNames postal codes (RU dump of 2016-06-29)',
      url: 'https://download.geonames.org/export/zip/',
      licenceStatus: 'CC BY 3.0 (the dump’s readme.txt); taken from GitHub Yoshuwa/Geo-Cities-Databases-By-Geonames @ 4001a37d, which has no licence file of its own',
      attribution: 'Villages in Russia: GeoNames postal codes (CC BY 3.0)',
    },
    {
      name: 'OpenStreetMap contributors',
      url: 'https://www.openstreetmap.org/copyright',
      licenceStatus: 'ODbL 1.0',
      attribution: 'Russia land polygon (clipping): © OpenStreetMap contributors, via @geo-maps/countries-land-100m',
    },
    {
      name: 'Digital Chart of the World (DCW), via GMT',
      licenceStatus: 'LGPL-3+ (as packaged in Debian gmt-common 6.4.0)',
      attribution: 'Kursk Oblast polygon (clipping): DCW via GMT (LGPL-3+)',
    },
  ],
  snapshots: files.map((f) => ({ dateIso: f.slice(0, 10), file: `snapshots/${f}` })),
  publishedUnchanged: publishedUnchanged(readFileSync(join(daily, 'index.csv'), 'utf8')),
  claimsFile: 'claims.json',
  placesFile: 'places.geojson',
  placeClaimsFile: 'place-claims.csv',
};
writeFileSync(join(out, 'dataset.json'), JSON.stringify(withUkrainian(manifest), null, 2) + '\n');
console.log(`imported ${files.length} snapshots into ${out}`);
