// One-off import of the second and third Kursk sources (ISW/CTP weekly, NZZ daily captures) from the team's
// shared data folder into geodata/kursk-isw/ and geodata/kursk-nzz/, and of the Kursk Oblast polygon used by the
// "in Kursk Oblast" measures of every Kursk source. Kept so their provenance is reproducible:
// `tsx scripts/import-kursk-sources.ts ../shared/data` (after scripts/import-kursk.ts).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import buffer from '@turf/buffer';
import difference from '@turf/difference';
import intersect from '@turf/intersect';
import { featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaMeasure, DatasetManifest, DatasetSource } from '../src/lib/domain/types';
import { withUkrainian } from './lib/uk-texts';

const shared = process.argv[2] ?? '../shared/data';

/** How far DCW's coarse Kursk Oblast polygon is widened before it is cut back to the borders we trust, km. */
const KURSK_WIDEN_KM = 5;

/**
 * Kursk Oblast, for the "in Kursk Oblast" measures: DCW's polygon (via Debian gmt-common 6.4.0, LGPL-3+) widened
 * by 5 km, then cut to OpenStreetMap's land of Russia (the international border) and cut away from DCW's Belgorod
 * and Bryansk Oblasts (the oblast borders). DCW's own line runs up to a few km inside Russia along the border with
 * Ukraine: clipped to it alone, DeepState's held area of 2024-12-11 would lose 22.3 km² (of 520.2 km² in Russia)
 * that lies in neither DCW oblast. The widening reaches only the border gap; the oblast borders come from DCW.
 */
export function writeKurskOblast(dir: string): void {
  const dcw = JSON.parse(readFileSync(join(shared, 'basemap/oblasts_ru_dcw.geojson'), 'utf8'));
  const byName = (name: string) => dcw.features.find((f: { properties: { name: string } }) => f.properties.name === name) as Feature<Polygon>;
  const kursk = byName('Kursk Oblast');
  const russia = JSON.parse(readFileSync('geodata/kursk/russia-land.geojson', 'utf8')).features[0] as Feature<Polygon | MultiPolygon>;
  const widened = buffer(kursk, KURSK_WIDEN_KM, { units: 'kilometers' })!;
  let region = intersect(featureCollection([widened, russia]))!;
  for (const neighbour of ['Belgorod Oblast', 'Bryansk Oblast']) region = difference(featureCollection([region, byName(neighbour)]))!;
  writeFileSync(
    join(dir, 'kursk-oblast.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{
        type: 'Feature',
        properties: {
          name: 'Kursk Oblast',
          source: `${kursk.properties!['source']}, widened by ${KURSK_WIDEN_KM} km and cut to OpenStreetMap's land of Russia (ODbL) and away from DCW's Belgorod and Bryansk Oblasts`,
        },
        geometry: roundCoordinates(region.geometry),
      }],
    }) + '\n',
  );
}

/** Six decimals (about 0.1 m), as the snapshots. */
function roundCoordinates<G extends Polygon | MultiPolygon>(g: G): G {
  const r = (ring: number[][]) => ring.map(([x, y]) => [Math.round(x! * 1e6) / 1e6, Math.round(y! * 1e6) / 1e6]);
  return (g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(r) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(r)) }) as G;
}

const CLIP_REGIONS = {
  russia: { label: 'Russia', file: 'russia-land.geojson' },
  kursk_oblast: { label: 'Kursk Oblast', file: 'kursk-oblast.geojson' },
};

const CLIP_CREDITS: DatasetSource[] = [
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
];

function importSource(opts: {
  from: string;
  to: string;
  manifest: (dates: string[]) => DatasetManifest;
  extraFiles: string[];
}): void {
  const src = join(shared, opts.from);
  const out = join('geodata', opts.to);
  mkdirSync(join(out, 'snapshots'), { recursive: true });
  const files = readdirSync(src).filter((f) => /^\d{4}-\d{2}-\d{2}\.geojson$/.test(f)).sort();
  for (const f of files) copyFileSync(join(src, f), join(out, 'snapshots', f));
  for (const f of opts.extraFiles) copyFileSync(join(src, f), join(out, f === 'README.md' ? 'SOURCE-README.md' : f));
  copyFileSync('geodata/kursk/russia-land.geojson', join(out, 'russia-land.geojson'));
  writeKurskOblast(out);
  const manifest = opts.manifest(files.map((f) => f.slice(0, 10)));
  writeFileSync(join(out, 'dataset.json'), JSON.stringify(withUkrainian(manifest), null, 2) + '\n');
  console.log(`imported ${files.length} snapshots into ${out}`);
}

/** "held" and "held in Kursk Oblast" of one class: the ids every Kursk source shares, so sources compare. */
function heldMeasures(classId: string, what: string, labelPeriods?: AreaMeasure['labelPeriods']): AreaMeasure[] {
  const periods = (where: string) => labelPeriods?.map((p) => ({ ...p, label: `${p.label}, ${where}` }));
  return [
    { id: 'held', label: `${what}, in Russia`, classes: [classId], clipTo: 'russia', ...(labelPeriods ? { labelPeriods: periods('in Russia') } : {}) },
    { id: 'held_kursk', label: `${what}, in Kursk Oblast`, classes: [classId], clipTo: 'kursk_oblast', ...(labelPeriods ? { labelPeriods: periods('in Kursk Oblast') } : {}) },
  ];
}

const ISW_CLAIMED_LIMIT = {
  untilIso: '2024-12-01',
  label: 'Claimed limit of Ukrainian advance (ISW)',
  note: 'Until 2024-12-01 ISW named this layer "Claimed Limit of Ukrainian Advance": the limit Ukraine claimed to have reached, not ground ISW assessed as held.',
};

if (process.argv[1]?.endsWith('import-kursk-sources.ts')) {
  importSource({
    from: 'isw-kursk',
    to: 'kursk-isw',
    extraFiles: ['index.csv', 'areas.csv', 'README.md'],
    manifest: (dates) => ({
      id: 'kursk-isw',
      title: 'Kursk incursion, 2024–25 (ISW/CTP)',
      shortName: 'ISW/CTP',
      color: '#e65100',
      region: 'Kursk Oblast (Russia), with a few polygons in Belgorod Oblast from 2025-03-23',
      description:
        'ISW/CTP’s Kursk layers, one state a week (the dates of Le Monde’s weekly mirror), 2024-08-11 to 2025-04-27. The geometry is heavily simplified by the mirror (16–55 vertices for a ~1,000 km² polygon; small polygons shrink or vanish), so do not read village-scale borders from it. Until 2024-12-01 the Ukrainian layer is a claimed limit of advance, not a held area. From 2025-03-23 some of it lies in Belgorod Oblast: “in Russia” is not “in Kursk Oblast”.',
      classes: [
        {
          id: 'ukraine_advance_in_russia',
          label: 'Ukrainian advance in Russia (ISW)',
          color: '#1565c0',
          description: 'ISW’s outline of where Ukrainian forces advanced inside Russia, as of the layer date, with the ground ISW assessed as retaken cut out. Named “Claimed Limit of Ukrainian Advance” until 2024-12-01, then “Ukrainian Advances in Russia”.',
          labelPeriods: [ISW_CLAIMED_LIMIT],
          heldBy: 'UA',
        },
        {
          id: 'russian_advance_in_russia',
          label: 'Russian advance in Russia (ISW: retaken)',
          color: '#b71c1c',
          description: 'Ground inside Russia that ISW assessed Russian forces had retaken; cumulative. From a different export (the latest change-point file on or before the date, up to 12 days earlier).',
          heldBy: 'RU',
        },
      ],
      measures: [
        ...heldMeasures('ukraine_advance_in_russia', 'Ukrainian advance (ISW)', [ISW_CLAIMED_LIMIT]),
        { id: 'retaken', label: 'Retaken by Russia (ISW), in Russia', classes: ['russian_advance_in_russia'], clipTo: 'russia' },
      ],
      clipRegions: CLIP_REGIONS,
      defaultView: { zoom: 9, lat: 51.3, lon: 35.2 },
      sources: [
        {
          name: 'ISW/CTP (understandingwar.org, criticalthreats.org)',
          url: 'https://understandingwar.org/',
          licenceStatus:
            'No licence published. The Ukrainian-advance layer comes from Le Monde’s weekly TopoJSON mirror as archived in amcaw/IranMaps (commit 7ff1e7c5, no licence file); the Russian-advance layer from sdspieg/war-datasets-dashboard (commit cc9e7eb5, no licence file). ISW/CTP’s and Le Monde’s terms of reuse were not checked.',
          attribution: 'Control areas: ISW/CTP (understandingwar.org, criticalthreats.org), via Le Monde and amcaw/IranMaps',
        },
        ...CLIP_CREDITS,
      ],
      snapshots: dates.map((d) => ({ dateIso: d, file: `snapshots/${d}.geojson` })),
    }),
  });

  importSource({
    from: 'nzz-kursk',
    to: 'kursk-nzz',
    extraFiles: ['index.csv', 'areas.csv', 'README.md'],
    manifest: (dates) => ({
      id: 'kursk-nzz',
      title: 'Kursk incursion, 2024–25 (NZZ)',
      shortName: 'NZZ',
      color: '#6a1b9a',
      region: 'Kursk Oblast (Russia) and the Sumy border area (Ukraine)',
      description:
        'The area layer of NZZ Visuals’ Ukraine map, captured daily at the time (2024-08-02 to 2025-04-30); a snapshot for each of the 61 NZZ data dates on which the geometry in the area changed. NZZ’s classes are written from Russia’s point of view.',
      classes: [
        {
          id: 'ukraine_advance_in_russia',
          label: 'Russia’s losses: Ukrainian advance (NZZ)',
          color: '#1565c0',
          description: 'NZZ type “losses”: ground Russia lost; in Kursk, the Ukrainian-held or advanced zone (the current extent). At its peak it includes what DeepState calls grey zone. That it is the current extent is our reading, from its size; NZZ does not document it.',
          heldBy: 'UA',
        },
        {
          id: 'russian_held',
          label: 'Held by Russia, unchanged (NZZ)',
          color: '#c62828',
          description: 'NZZ type “nochange”: Russian-controlled ground that did not change in NZZ’s window; here only on the Ukrainian side of the border, from 2025-03-12.',
          heldBy: 'RU',
        },
        {
          id: 'russian_gain_recent',
          label: 'Russian gains within NZZ’s window (change layer)',
          color: '#ff7043',
          description: 'NZZ type “gains”: ground Russia gained within NZZ’s rolling window (2–15 days) only. A change layer, not cumulative: it has no area measure, and must never be summed over dates.',
          heldBy: 'RU',
        },
      ],
      measures: heldMeasures('ukraine_advance_in_russia', 'Ukrainian advance (NZZ “losses”)'),
      clipRegions: CLIP_REGIONS,
      defaultView: { zoom: 9, lat: 51.3, lon: 35.2 },
      sources: [
        {
          name: 'NZZ (nzz.ch), via conflict-investigations/nzz-maps',
          url: 'https://www.nzz.ch/',
          licenceStatus:
            'No licence published. Captured daily by conflict-investigations/nzz-maps (commit bc88c4e9), which has no licence file; NZZ’s terms of reuse were not checked.',
          attribution: 'Control areas: NZZ (nzz.ch), via conflict-investigations/nzz-maps',
        },
        ...CLIP_CREDITS,
      ],
      snapshots: dates.map((d) => ({ dateIso: d, file: `snapshots/${d}.geojson` })),
    }),
  });
}
