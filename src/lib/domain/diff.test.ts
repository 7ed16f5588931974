// diffSnapshots: hand-made cases with closed-form areas, degenerate input, engine failures, every Kursk pair.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { earthRadius } from '@turf/helpers';
import { shippedEngine } from './clip-engine';
import type { ClipEngine } from './clip-engine';
import { diffSnapshots, identityToleranceKm2 } from './diff';
import type { SnapshotDiff } from './diff';
import { snapshotIndexOn } from './timeline';
import type { AreaGeometry, AreaMeasure, ControlFeature, Snapshot } from './types';
import { readClipRegions } from '../../test-support/geodata';

const here = dirname(fileURLToPath(import.meta.url));
const KURSK = join(here, '../../../geodata/kursk');

/**
 * Closed-form Turf area of a lon/lat box, km²: on a sphere of radius R the box between longitudes w, e and
 * latitudes s, n has area R²·Δλ·(sin n − sin s). Turf's ring formula gives exactly this for axis-aligned
 * boxes, so these expectations do not lean on the code under test.
 */
function boxKm2(w: number, s: number, e: number, n: number): number {
  const rad = Math.PI / 180;
  return (earthRadius ** 2 * (e - w) * rad * (Math.sin(n * rad) - Math.sin(s * rad))) / 1e6;
}

function box(w: number, s: number, e: number, n: number): Position[] {
  return [[w, s], [e, s], [e, n], [w, n], [w, s]];
}

function feature(rings: Position[][], cls = 'held'): ControlFeature {
  return { type: 'Feature', properties: { class: cls }, geometry: { type: 'Polygon', coordinates: rings } };
}

function snap(dateIso: string, features: ControlFeature[]): Snapshot {
  return { dateIso, file: `${dateIso}.geojson`, features };
}

const HELD: AreaMeasure = { id: 'held', label: 'Held', classes: ['held'] };

function diffOne(from: ControlFeature[], to: ControlFeature[], measure: AreaMeasure = HELD, regions: Record<string, AreaGeometry> = {}, engine?: ClipEngine): SnapshotDiff {
  return diffSnapshots(snap('2024-08-13', from), snap('2024-09-03', to), [measure], regions, engine ? { engine } : {});
}

/** Tolerance for hand cases, km²: the 1e-7° grid of the shipped engine moves nothing here (all on-grid). */
const EXACT = 1e-9;

describe('diffSnapshots: hand-made cases', () => {
  const A = boxKm2(35, 51, 35.1, 51.1);

  it('a square that grows: gained is the new strip, nothing lost', () => {
    const d = diffOne([feature([box(35, 51, 35.1, 51.1)])], [feature([box(35, 51, 35.2, 51.1)])]);
    const m = d.measures[0]!;
    expect(m.gainedKm2).toBeCloseTo(boxKm2(35.1, 51, 35.2, 51.1), 9);
    expect(m.lostKm2).toBeLessThan(EXACT);
    expect(m.unchangedKm2).toBeCloseTo(A, 9);
    expect(m.netKm2).toBeCloseTo(boxKm2(35, 51, 35.2, 51.1) - A, 9);
    expect(Math.abs(m.identityErrorKm2)).toBeLessThan(EXACT);
    expect(d.issues).toEqual([]);
  });

  it('a square that shrinks: lost is the strip given up', () => {
    const m = diffOne([feature([box(35, 51, 35.2, 51.1)])], [feature([box(35, 51, 35.1, 51.1)])]).measures[0]!;
    expect(m.lostKm2).toBeCloseTo(boxKm2(35.1, 51, 35.2, 51.1), 9);
    expect(m.gainedKm2).toBeLessThan(EXACT);
    expect(m.netKm2).toBeCloseTo(-boxKm2(35.1, 51, 35.2, 51.1), 9);
  });

  it('a square that splits in two: the middle is lost, the two ends unchanged', () => {
    const d = diffOne([feature([box(35, 51, 35.3, 51.1)])], [feature([box(35, 51, 35.1, 51.1)]), feature([box(35.2, 51, 35.3, 51.1)])]);
    const m = d.measures[0]!;
    expect(m.lostKm2).toBeCloseTo(boxKm2(35.1, 51, 35.2, 51.1), 9);
    expect(m.unchangedKm2).toBeCloseTo(2 * A, 9);
    expect(d.features.features.filter((f) => f.properties.change === 'unchanged')).toHaveLength(2);
    expect(d.features.features.filter((f) => f.properties.change === 'lost')).toHaveLength(1);
  });

  it('a square that vanishes (empty snapshot after): all lost', () => {
    const m = diffOne([feature([box(35, 51, 35.1, 51.1)])], []).measures[0]!;
    expect(m).toMatchObject({ toKm2: 0, gainedKm2: 0, unchangedKm2: 0 });
    expect(m.lostKm2).toBeCloseTo(A, 9);
  });

  it('a square that appears (empty snapshot before): all gained', () => {
    const m = diffOne([], [feature([box(35, 51, 35.1, 51.1)])]).measures[0]!;
    expect(m).toMatchObject({ fromKm2: 0, lostKm2: 0, unchangedKm2: 0 });
    expect(m.gainedKm2).toBeCloseTo(A, 9);
  });

  it('two empty snapshots: all zero, no features, no issues', () => {
    const d = diffOne([], []);
    expect(d.measures[0]).toMatchObject({ fromKm2: 0, toKm2: 0, gainedKm2: 0, lostKm2: 0, netKm2: 0, unchangedKm2: 0, identityErrorKm2: 0 });
    expect(d.features.features).toEqual([]);
    expect(d.issues).toEqual([]);
  });

  it('touching rings: two boxes sharing an edge are the same ground as one box', () => {
    const m = diffOne([feature([box(35, 51, 35.2, 51.1)])], [feature([box(35, 51, 35.1, 51.1)]), feature([box(35.1, 51, 35.2, 51.1)])]).measures[0]!;
    expect(m.gainedKm2).toBeLessThan(EXACT);
    expect(m.lostKm2).toBeLessThan(EXACT);
    expect(m.toKm2).toBeCloseTo(boxKm2(35, 51, 35.2, 51.1), 9);
  });

  it('a hole touching its outer ring at a vertex, and boxes touching at a corner', () => {
    const hole: Position[] = [[35, 51], [35.05, 51.02], [35.02, 51.05], [35, 51]].reverse();
    const from = [feature([box(35, 51, 35.1, 51.1), hole])];
    const to = [feature([box(35, 51, 35.1, 51.1)]), feature([box(35.1, 51.1, 35.2, 51.2)])];
    const d = diffOne(from, to);
    const m = d.measures[0]!;
    expect(m.gainedKm2).toBeGreaterThan(boxKm2(35.1, 51.1, 35.2, 51.2));
    expect(m.lostKm2).toBeLessThan(EXACT);
    expect(Math.abs(m.identityErrorKm2)).toBeLessThan(1e-6);
  });

  it('repeated points change nothing', () => {
    const doubled = box(35, 51, 35.1, 51.1).flatMap((p) => [p, [p[0]!, p[1]!]]);
    const m = diffOne([feature([doubled])], [feature([box(35, 51, 35.2, 51.1)])]).measures[0]!;
    expect(m.fromKm2).toBeCloseTo(A, 9);
    expect(m.gainedKm2).toBeCloseTo(boxKm2(35.1, 51, 35.2, 51.1), 9);
  });

  it('overlapping features of one class count once', () => {
    const m = diffOne([], [feature([box(35, 51, 35.2, 51.1)]), feature([box(35.1, 51, 35.3, 51.1)])]).measures[0]!;
    expect(m.toKm2).toBeCloseTo(boxKm2(35, 51, 35.3, 51.1), 9);
  });

  it('a sliver (one vertex moved 1e-6°) and a nearly identical polygon give near-zero change, no throw', () => {
    const moved = box(35, 51, 35.1, 51.1);
    moved.splice(2, 1, [35.100001, 51.1]);
    const d = diffOne([feature([box(35, 51, 35.1, 51.1)])], [feature([moved])]);
    const m = d.measures[0]!;
    expect(m.gainedKm2).toBeGreaterThan(0);
    expect(m.gainedKm2).toBeLessThan(1e-3); // ½ · 1e-6° · 0.1° ≈ 3.5e-4 km² at 51° N
    expect(m.lostKm2).toBeLessThan(EXACT);
    expect(Math.abs(m.identityErrorKm2)).toBeLessThan(1e-6);
  });

  it('a zero-width spike and a self-touching figure eight do not throw', () => {
    const spiked: Position[] = [[35, 51], [35.1, 51], [35.2, 51.05], [35.1, 51], [35.1, 51.1], [35, 51.1], [35, 51]];
    const eight: Position[] = [[35, 51], [35.1, 51], [35.1, 51.1], [35.2, 51.1], [35.2, 51.2], [35.1, 51.2], [35.1, 51.1], [35, 51.1], [35, 51]];
    const d = diffOne([feature([spiked])], [feature([eight])]);
    const m = d.measures[0]!;
    expect(m.fromKm2).toBeCloseTo(A, 6);
    expect(m.toKm2).toBeCloseTo(A + boxKm2(35.1, 51.1, 35.2, 51.2), 6);
    expect(m.gainedKm2).toBeCloseTo(boxKm2(35.1, 51.1, 35.2, 51.2), 6);
  });

  it('unions the measure classes and clips to the region', () => {
    const measure: AreaMeasure = { id: 'both', label: 'Both', classes: ['held', 'grey'], clipTo: 'r' };
    const region: AreaGeometry = { type: 'Polygon', coordinates: [box(35, 51, 35.15, 51.1)] };
    const d = diffOne([feature([box(35, 51, 35.1, 51.1)])], [feature([box(35, 51, 35.1, 51.1)]), feature([box(35.1, 51, 35.3, 51.1)], 'grey'), feature([box(36, 51, 36.1, 51.1)], 'other')], measure, { r: region });
    const m = d.measures[0]!;
    expect(m.toKm2).toBeCloseTo(boxKm2(35, 51, 35.15, 51.1), 9);
    expect(m.gainedKm2).toBeCloseTo(boxKm2(35.1, 51, 35.15, 51.1), 9);
  });

  it('each polygon carries change, measure, classes, dates and its own area', () => {
    const d = diffOne([feature([box(35, 51, 35.1, 51.1)])], [feature([box(35.05, 51, 35.15, 51.1)])]);
    const byChange = Object.fromEntries(d.features.features.map((f) => [f.properties.change, f.properties]));
    expect(byChange['gained']).toEqual({ change: 'gained', measure: 'held', classes: 'held', fromDate: '2024-08-13', toDate: '2024-09-03', areaKm2: expect.closeTo(boxKm2(35.1, 51, 35.15, 51.1), 9) });
    expect(byChange['lost']?.areaKm2).toBeCloseTo(boxKm2(35, 51, 35.05, 51.1), 9);
    expect(byChange['unchanged']?.areaKm2).toBeCloseTo(boxKm2(35.05, 51, 35.1, 51.1), 9);
    expect(d).toMatchObject({ fromDateIso: '2024-08-13', toDateIso: '2024-09-03', engine: shippedEngine.id });
  });

  it('a missing clip region leaves that measure out with an error, and keeps the others', () => {
    const d = diffSnapshots(snap('2024-08-13', []), snap('2024-09-03', [feature([box(35, 51, 35.1, 51.1)])]), [{ ...HELD, id: 'clipped', clipTo: 'nowhere' }, HELD], {});
    expect(d.measures.map((m) => m.measureId)).toEqual(['held']);
    expect(d.issues).toEqual([expect.objectContaining({ severity: 'error', reason: expect.stringContaining('clip region "nowhere" is not loaded') })]);
  });
});

describe('diffSnapshots: engine failures are retried and reported, never thrown', () => {
  const offGrid = (p: readonly Position[][][]): boolean => p.some((poly) => poly.some((ring) => ring.some(([x]) => Math.abs(x! * 1e7 - Math.round(x! * 1e7)) > 1e-6)));

  it('an engine that chokes on off-grid coordinates succeeds on the snapped grid, with a warning', () => {
    // Its union passes the (non-overlapping) parts through, so the difference sees the coordinates as given;
    // Clipper2's own union would already have put them on its 1e-7° grid.
    const picky: ClipEngine = {
      ...shippedEngine,
      union: (parts) => parts.flat(),
      difference: (a, b) => {
        if (offGrid(a) || offGrid(b)) throw new Error('Unable to complete output ring');
        return shippedEngine.difference(a, b);
      },
    };
    const d = diffOne([feature([box(35, 51, 35.1, 51.1)])], [feature([box(35, 51, 35.200000004, 51.1)])], HELD, {}, picky);
    const m = d.measures[0]!;
    expect(m.retried).toBe(true);
    expect(m.gainedKm2).toBeCloseTo(boxKm2(35.1, 51, 35.2, 51.1), 6);
    expect(d.issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(d.issues[0]?.reason).toMatch(/gained .* failed \(Unable to complete output ring\); succeeded on a 1e-7° grid/);
  });

  it('a feature that cannot be merged is left out and named, with its date; the rest is returned', () => {
    const poison = 35.55;
    const fussy: ClipEngine = {
      ...shippedEngine,
      union: (parts) => {
        if (parts.some((p) => p.some((poly) => poly[0]!.some(([x]) => Math.abs(x! - poison) < 1e-3)))) throw new Error('boom');
        return shippedEngine.union(parts);
      },
    };
    const to = [feature([box(35, 51, 35.1, 51.1)]), feature([box(35.5, 51, poison, 51.1)]), feature([box(35.2, 51, 35.3, 51.1)])];
    const d = diffOne([], to, HELD, {}, fussy);
    const m = d.measures[0]!;
    expect(m.toKm2).toBeCloseTo(2 * boxKm2(35, 51, 35.1, 51.1), 9);
    const errors = d.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ file: '2024-09-03.geojson', featureIndex: 1, path: 'features[1].geometry' })]);
    expect(errors[0]?.reason).toContain('2024-09-03');
  });

  it('an overlay that always fails for one polygon drops that polygon only and says where', () => {
    const hopeless: ClipEngine = {
      ...shippedEngine,
      difference: (a, b) => {
        if (a.some((poly) => poly[0]!.some(([x]) => x! > 35.9))) throw new Error('no');
        return shippedEngine.difference(a, b);
      },
    };
    const d = diffOne([], [feature([box(35, 51, 35.1, 51.1)]), feature([box(36, 51, 36.1, 51.1)])], HELD, {}, hopeless);
    const m = d.measures[0]!;
    expect(m.gainedKm2).toBeCloseTo(boxKm2(35, 51, 35.1, 51.1), 9);
    expect(d.issues.some((i) => i.severity === 'error' && /polygon 1 .*near 36\.05000 E, 51\.05000 N/.test(i.reason))).toBe(true);
    // The dropped polygon breaks the identity, and that is reported too.
    expect(d.issues.some((i) => /area identity off/.test(i.reason))).toBe(true);
  });
});

describe('diffSnapshots on the real Kursk snapshots', () => {
  const manifest = JSON.parse(readFileSync(join(KURSK, 'dataset.json'), 'utf8')) as { measures: AreaMeasure[] };
  const regions = readClipRegions(KURSK);
  const snapshots: Snapshot[] = readdirSync(join(KURSK, 'snapshots'))
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => ({ dateIso: f.slice(0, 10), file: f, features: (JSON.parse(readFileSync(join(KURSK, 'snapshots', f), 'utf8')) as { features: ControlFeature[] }).features }));
  const dates = snapshots.map((s) => s.dateIso);
  /** The snapshot in force on a date: 2024-09-03 and 2025-02-04 have no publication of their own. */
  const on = (dateIso: string): Snapshot => snapshots[snapshotIndexOn(dates, dateIso)]!;

  const check = (d: SnapshotDiff): void => {
    expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(d.measures).toHaveLength(manifest.measures.length);
    for (const m of d.measures) {
      expect(Math.abs(m.identityErrorKm2), `${d.fromDateIso}→${d.toDateIso} ${m.measureId}`).toBeLessThanOrEqual(identityToleranceKm2(m.fromKm2, m.toKm2));
      expect(Math.abs(m.unchangedKm2 + m.lostKm2 - m.fromKm2)).toBeLessThanOrEqual(identityToleranceKm2(m.fromKm2, m.toKm2));
      expect(Math.abs(m.unchangedKm2 + m.gainedKm2 - m.toKm2)).toBeLessThanOrEqual(identityToleranceKm2(m.fromKm2, m.toKm2));
    }
  };

  it('holds the area identity on every consecutive pair, and no pair throws', () => {
    expect(snapshots).toHaveLength(94);
    for (let i = 1; i < snapshots.length; i++) check(diffSnapshots(snapshots[i - 1]!, snapshots[i]!, manifest.measures, regions));
  });

  it.each([
    ['2024-08-13', '2024-09-03'],
    ['2024-09-03', '2025-02-04'],
    ['2025-02-04', '2025-03-25'],
    ['2024-08-01', '2025-04-29'],
  ])('holds the identity from %s to %s', (fromIso, toIso) => {
    const d = diffSnapshots(on(fromIso), on(toIso), manifest.measures, regions);
    check(d);
    // Figures as of this commit (Turf spherical km², clipped to Russia); a change here is a change in the data or engine.
    if (process.env['PRINT_FIGURES']) console.log(fromIso, toIso, d.measures.map((m) => `${m.measureId}: +${m.gainedKm2.toFixed(2)} −${m.lostKm2.toFixed(2)} net ${m.netKm2.toFixed(2)}`).join('; '));
  });

  it('matches the figures of the incursion’s first three weeks', () => {
    const d = diffSnapshots(on('2024-08-13'), on('2024-09-03'), manifest.measures, regions);
    const held = d.measures.find((m) => m.measureId === 'held')!;
    expect(held.fromKm2).toBeCloseTo(311.64, 1);
    expect(held.toKm2).toBeCloseTo(902.82, 1);
    expect(held.gainedKm2).toBeCloseTo(593.82, 1);
    expect(held.lostKm2).toBeCloseTo(2.64, 1);
  });
});

/*
 * Turf-style goldens: fixtures/diff/in/<case>.geojson holds the `from` and `to` features (property `snapshot`),
 * fixtures/diff/out/<case>.geojson the diff, styled so it opens as a map. `REGEN=1` rewrites the goldens.
 */
describe('diffSnapshots goldens', () => {
  const dir = join(here, 'fixtures/diff');
  const STYLE = { gained: '#2e7d32', lost: '#c62828', unchanged: '#9e9e9e' } as const;
  const cases = existsSync(join(dir, 'in')) ? readdirSync(join(dir, 'in')).filter((f) => f.endsWith('.geojson')).sort() : [];

  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases)('%s', (name) => {
    const input = JSON.parse(readFileSync(join(dir, 'in', name), 'utf8')) as { features: (ControlFeature & { properties: { snapshot: 'from' | 'to' } })[] };
    const pick = (which: 'from' | 'to'): ControlFeature[] => input.features.filter((f) => f.properties.snapshot === which);
    const d = diffSnapshots(snap('2024-08-13', pick('from')), snap('2024-09-03', pick('to')), [HELD], {});
    const round = (x: number, k: number): number => Math.round(x * 10 ** k) / 10 ** k || 0; // || 0: no -0 in goldens
    const out = {
      type: 'FeatureCollection',
      measures: d.measures.map((m) => ({ ...m, identityErrorKm2: round(m.identityErrorKm2, 6), fromKm2: round(m.fromKm2, 6), toKm2: round(m.toKm2, 6), gainedKm2: round(m.gainedKm2, 6), lostKm2: round(m.lostKm2, 6), netKm2: round(m.netKm2, 6), unchangedKm2: round(m.unchangedKm2, 6) })),
      features: d.features.features.map((f) => ({
        ...f,
        properties: { ...f.properties, areaKm2: round(f.properties.areaKm2, 6), fill: STYLE[f.properties.change], stroke: STYLE[f.properties.change], 'fill-opacity': 0.5 },
        geometry: { ...f.geometry, coordinates: f.geometry.coordinates.map((r) => r.map(([x, y]) => [round(x!, 7), round(y!, 7)])) },
      })),
    };
    const goldenPath = join(dir, 'out', name);
    if (process.env['REGEN']) {
      mkdirSync(dirname(goldenPath), { recursive: true });
      writeFileSync(goldenPath, `${JSON.stringify(out, null, 1)}\n`);
    }
    expect(out).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
  });
});
