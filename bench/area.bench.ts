// Area methods side by side on the Kursk measure geometry: Turf's sphere, WGS84 geodesic, Turf on authalic latitudes.
//
// Reference: geographiclib-geodesic PolygonArea on WGS84 (Karney 2013, accurate to round-off). Turf uses a sphere of
// R = 6,371,008.8 m on geodetic latitudes; the authalic variant maps each latitude to the authalic latitude β
// (Snyder 1987, eqs. 3-11, 3-12) and uses the authalic radius R_q, which makes the sphere equal-area to WGS84.
// Results on this machine: see `npx tsx bench/run.ts area` (ratios are the result; absolute times drift).
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import turfArea from '@turf/area';
import geographiclib from 'geographiclib-geodesic';
import type { Position } from 'geojson';
import { shippedEngine } from '../src/lib/domain/clip-engine';
import type { Polygons } from '../src/lib/domain/clip-engine';
import { countVertices } from '../src/lib/domain/geometry-measures';
import type { AreaGeometry, AreaMeasure, ControlFeature } from '../src/lib/domain/types';

const here = dirname(fileURLToPath(import.meta.url));
const KURSK = join(here, '../geodata/kursk');

// geographiclib-geodesic is a CommonJS bundle: its named exports are only reachable through the default import.
const { Geodesic } = geographiclib;

const WGS84_A = 6_378_137;
const WGS84_F = 1 / 298.257223563;
const E2 = WGS84_F * (2 - WGS84_F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;

/** Snyder's q(φ) for the authalic latitude. */
function q(sinPhi: number): number {
  const es = E * sinPhi;
  return (1 - E2) * (sinPhi / (1 - es * es) - (1 / (2 * E)) * Math.log((1 - es) / (1 + es)));
}
const Q_POLE = q(1);
/** Authalic radius, m: a sphere of this radius has the ellipsoid's surface area (6,371,007.18 m for WGS84). */
const R_AUTHALIC = WGS84_A * Math.sqrt(Q_POLE / 2);

/** Turf's ring formula (the same terms as @turf/area), on a caller's latitudes and radius; m². */
function ringAreaM2(ring: readonly Position[], radius: number, latToSin: (latDeg: number) => number): number {
  const n = ring.length - 1;
  if (n <= 2) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const lower = ring[i]!;
    const middle = ring[i + 1 === n ? 0 : i + 1]!;
    const upper = ring[i + 2 >= n ? (i + 2) % n : i + 2]!;
    total += (upper[0]! - lower[0]!) * RAD * latToSin(middle[1]!);
  }
  return (total * radius * radius) / 2;
}

/** sin β for geodetic latitude φ: q(φ)/q_p. */
const sinAuthalic = (latDeg: number): number => q(Math.sin(latDeg * RAD)) / Q_POLE;

function authalicAreaKm2(p: Polygons): number {
  let m2 = 0;
  for (const polygon of p) polygon.forEach((ring, i) => { const a = Math.abs(ringAreaM2(ring, R_AUTHALIC, sinAuthalic)); m2 += i === 0 ? a : -a; });
  return m2 / 1e6;
}

function geodesicAreaKm2(p: Polygons): number {
  let m2 = 0;
  for (const polygon of p) {
    polygon.forEach((ring, i) => {
      const poly = Geodesic.WGS84.Polygon(false);
      for (let k = 0; k < ring.length - 1; k++) poly.AddPoint(ring[k]![1]!, ring[k]![0]!);
      const a = Math.abs(poly.Compute(false, true).area ?? 0);
      m2 += i === 0 ? a : -a;
    });
  }
  return m2 / 1e6;
}

const turfKm2 = (p: Polygons): number => turfArea({ type: 'MultiPolygon', coordinates: p }) / 1e6;

function timeNs(fn: () => void, repeats: number): number {
  fn(); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < repeats; i++) fn();
  return Number(process.hrtime.bigint() - t0) / repeats;
}

export async function run(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(KURSK, 'dataset.json'), 'utf8')) as { measures: AreaMeasure[] };
  const region = (JSON.parse(readFileSync(join(KURSK, 'russia-land.geojson'), 'utf8')) as { features: { geometry: AreaGeometry }[] }).features[0]!.geometry;
  const regionPolygons: Polygons = region.type === 'Polygon' ? [region.coordinates] : region.coordinates;
  const measure = manifest.measures.find((m) => m.id === 'held_or_unknown')!;
  const items = readdirSync(join(KURSK, 'snapshots'))
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => {
      const features = (JSON.parse(readFileSync(join(KURSK, 'snapshots', f), 'utf8')) as { features: ControlFeature[] }).features.filter((x) => measure.classes.includes(x.properties.class));
      const union = shippedEngine.union(features.map((x) => (x.geometry.type === 'Polygon' ? [x.geometry.coordinates] : x.geometry.coordinates)));
      return { date: f.slice(0, 10), polygons: shippedEngine.intersection(union, regionPolygons) };
    })
    .filter((x) => x.polygons.length > 0);

  console.log(`Area of "${measure.id}" (clipped to Russia) per snapshot, km²; % = (method − geodesic) / geodesic:`);
  console.log('| date | vertices | geodesic WGS84 | Turf sphere | Turf % | authalic | authalic % |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  let sum = { geo: 0, turf: 0, auth: 0 };
  let worst = { turf: 0, auth: 0 };
  let vertices = 0;
  for (const { date, polygons } of items) {
    const geo = geodesicAreaKm2(polygons);
    const turf = turfKm2(polygons);
    const auth = authalicAreaKm2(polygons);
    const v = countVertices(polygons);
    vertices += v;
    sum = { geo: sum.geo + geo, turf: sum.turf + turf, auth: sum.auth + auth };
    const pt = ((turf - geo) / geo) * 100;
    const pa = ((auth - geo) / geo) * 100;
    worst = { turf: Math.max(worst.turf, Math.abs(pt)), auth: Math.max(worst.auth, Math.abs(pa)) };
    console.log(`| ${date} | ${v} | ${geo.toFixed(3)} | ${turf.toFixed(3)} | ${pt.toFixed(4)} | ${auth.toFixed(3)} | ${pa.toFixed(5)} |`);
  }
  const all = items.map((x) => x.polygons);
  const tTurf = timeNs(() => all.forEach(turfKm2), 50);
  const tAuth = timeNs(() => all.forEach(authalicAreaKm2), 50);
  const tGeo = timeNs(() => all.forEach(geodesicAreaKm2), 5);
  console.log(`\nWhole dataset (${items.length} non-empty snapshots, ${vertices} vertices), sums in km²:`);
  console.log('| method | Σ km² | Σ vs geodesic | worst snapshot | ns/vertex | × Turf time |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const row = (name: string, s: number, w: number | null, t: number): void =>
    console.log(`| ${name} | ${s.toFixed(2)} | ${(s - sum.geo).toFixed(3)} km² (${(((s - sum.geo) / sum.geo) * 100).toFixed(4)} %) | ${w === null ? '—' : `${w.toFixed(4)} %`} | ${(t / vertices).toFixed(1)} | ${(t / tTurf).toFixed(2)} |`);
  row('geodesic WGS84 (geographiclib)', sum.geo, null, tGeo);
  row('Turf sphere R = 6,371,008.8 m', sum.turf, worst.turf, tTurf);
  row(`Turf formula, authalic β, R = ${R_AUTHALIC.toFixed(1)} m`, sum.auth, worst.auth, tAuth);
}
