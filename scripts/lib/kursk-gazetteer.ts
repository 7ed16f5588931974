// The Kursk dataset's gazetteer, built from the team's prepared data: gazetteer-kursk/places.geojson (852 places in
// lon 34.0–36.5, lat 50.7–52.0) plus the places of basemap/places.geojson outside that box (the box's 37 are
// already in the gazetteer). Written to geodata/kursk/places.geojson by scripts/import-places.ts, and the base of
// the whole front's gazetteer (scripts/import-front-places.ts). geodata/kursk/PLACES.md says what each source is.
import { PlaceIds, geonamesPlace, readFeatures, str, type PlaceOut } from './gazetteer-import';

/** Short keys for the gazetteer's sources. */
function sourceKey(source: string): string {
  if (source.startsWith('whosonfirst-data-admin-ua')) return 'wof-ua';
  if (source.startsWith('GeoNames postal codes RU')) return 'geonames-postal-ru';
  return 'basemap';
}

const inBox = ([lon, lat]: [number, number]) => lon >= 34.0 && lon <= 36.5 && lat >= 50.7 && lat <= 52.0;

export const KURSK_COVERAGE =
  'Complete for the Ukrainian side (Sumy Oblast, from Who’s On First); far from complete for Russia: about a quarter of the villages of western Kursk Oblast (post-office villages of GeoNames’ postal file plus the basemap’s towns). Counts of places inside polygons are lower bounds.';

/** The Kursk gazetteer, with the GeoNames id of each place where its source gives one (for merging). */
export function kurskGazetteer(shared: string): { features: PlaceOut[]; geonameIds: (number | null)[]; ids: PlaceIds; gazetteerCount: number } {
  const gazetteer = readFeatures(shared, 'gazetteer-kursk/places.geojson');
  const basemap = readFeatures(shared, 'basemap/places.geojson').filter((f) => !inBox(f.geometry.coordinates));
  const ids = new PlaceIds();
  const features: PlaceOut[] = [
    ...gazetteer.map((f): PlaceOut => {
      const p = f.properties;
      return {
        type: 'Feature',
        id: ids.idFor(p),
        geometry: f.geometry,
        properties: {
          name: String(p['name:en']),
          'name:en': String(p['name:en']),
          'name:uk': str(p['name:uk']),
          'name:ru': str(p['name:ru']),
          population: typeof p.population === 'number' ? p.population : null,
          // Where the point lies (Russia/Ukraine polygons of the basemap), not the source's country code, which is
          // wrong for three border villages (gazetteer README, "Known gaps").
          country: str(p.country_by_point),
          kind: str(p.kind),
          admin: str(p.admin),
          source: sourceKey(String(p.source)),
        },
      };
    }),
    ...basemap.map((f) => geonamesPlace(f, ids.idFor(f.properties), 'basemap', str(f.properties.country), null)),
  ];
  const geonameIds = [...gazetteer, ...basemap].map((f) => (typeof f.properties.geonameid === 'number' ? f.properties.geonameid : null));
  return { features, geonameIds, ids, gazetteerCount: gazetteer.length };
}
