import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diff';
import { agreementShare, alignSourcesForDiff, clockDates, inForceOn, labelOn, sharedMeasures } from './sources';
import type { AreaMeasure, ControlFeature, DatasetManifest, Snapshot } from './types';
import { readClipRegions } from '../../test-support/geodata';
import { snapshotIndexOn } from './timeline';

describe('one clock', () => {
  const daily = ['2024-08-12', '2024-08-13', '2024-08-14', '2024-08-15'];
  const weekly = ['2024-08-11', '2024-08-18'];
  const irregular = ['2024-08-07', '2024-08-14'];

  it('puts every source’s dates on one sorted axis, each once', () => {
    expect(clockDates([daily, weekly, irregular])).toEqual(['2024-08-07', '2024-08-11', '2024-08-12', '2024-08-13', '2024-08-14', '2024-08-15', '2024-08-18']);
  });

  it('finds each source’s snapshot in force on a shared date, with its age', () => {
    expect(inForceOn(daily, '2024-08-14')).toEqual({ index: 2, snapshotDateIso: '2024-08-14', ageDays: 0, confirmedIso: null });
    expect(inForceOn(weekly, '2024-08-14')).toEqual({ index: 0, snapshotDateIso: '2024-08-11', ageDays: 3, confirmedIso: null });
    expect(inForceOn(irregular, '2024-08-13')).toEqual({ index: 0, snapshotDateIso: '2024-08-07', ageDays: 6, confirmedIso: null });
    expect(inForceOn(weekly, '2024-08-10')).toEqual({ index: -1, snapshotDateIso: null, ageDays: null, confirmedIso: null });
    expect(inForceOn(daily, '2025-01-01')).toEqual({ index: 3, snapshotDateIso: '2024-08-15', ageDays: 139, confirmedIso: null });
  });
  it('says when a source confirmed its snapshot by publishing without a change: unchanged is not unpublished', () => {
    // Shaped like DeepState's Kursk index: a change on 19 January 2025, then publications without one, and days with
    // no publication at all (here 30–31 January; DeepState has ten such days, e.g. 22 December 2024).
    const changed = ['2025-01-10', '2025-01-19', '2025-02-07'];
    const unchanged = ['2025-01-11', '2025-01-18', '2025-01-20', '2025-01-29', '2025-02-01', '2025-02-04', '2025-02-06'];
    expect(inForceOn(changed, '2025-02-04', unchanged)).toEqual({ index: 1, snapshotDateIso: '2025-01-19', ageDays: 16, confirmedIso: '2025-02-04' });
    // A day the source said nothing: the last confirmation before it, not the day itself.
    expect(inForceOn(changed, '2025-01-31', unchanged).confirmedIso).toBe('2025-01-29');
    expect(inForceOn(changed, '2025-02-05', unchanged).confirmedIso).toBe('2025-02-04');
    // On the snapshot's own day, and when the last publication without a change is older than the snapshot: none.
    expect(inForceOn(changed, '2025-01-19', unchanged).confirmedIso).toBeNull();
    expect(inForceOn(['2025-01-10', '2025-01-19'], '2025-01-19', ['2025-01-18']).confirmedIso).toBeNull();
    expect(inForceOn(changed, '2025-01-09', unchanged)).toEqual({ index: -1, snapshotDateIso: null, ageDays: null, confirmedIso: null });
  });
});

describe('dated labels', () => {
  const cls = { label: 'Ukrainian advance', labelPeriods: [{ untilIso: '2024-12-01', label: 'Claimed limit of advance', note: 'named so by ISW' }] };
  it('uses the period’s label on and before its last day, the plain label after', () => {
    expect(labelOn(cls, '2024-12-01')).toEqual({ label: 'Claimed limit of advance', note: 'named so by ISW' });
    expect(labelOn(cls, '2024-12-02')).toEqual({ label: 'Ukrainian advance' });
  });
});

describe('two sources on one date, on the real Kursk data', () => {
  const load = (dir: string) => {
    const manifest = JSON.parse(readFileSync(join('geodata', dir, 'dataset.json'), 'utf8')) as DatasetManifest;
    const snapshots: Snapshot[] = manifest.snapshots.map((s) => ({
      dateIso: s.dateIso,
      file: s.file,
      features: (JSON.parse(readFileSync(join('geodata', dir, s.file), 'utf8')) as { features: ControlFeature[] }).features,
    }));
    const on = (d: string) => snapshots[snapshotIndexOn(snapshots.map((s) => s.dateIso), d)]!;
    return { manifest, on, regions: readClipRegions(join('geodata', dir)) };
  };
  const deepstate = load('kursk');
  const isw = load('kursk-isw');
  const nzz = load('kursk-nzz');

  it('shares the held measures (in Russia and in Kursk Oblast) and nothing that means something else', () => {
    expect(sharedMeasures(deepstate.manifest.measures, isw.manifest.measures).map((m) => m.id)).toEqual(['held', 'held_kursk']);
    expect(sharedMeasures(deepstate.manifest.measures, nzz.manifest.measures).map((m) => m.id)).toEqual(['held', 'held_kursk']);
  });

  const cases: [string, typeof isw][] = [['ISW', isw], ['NZZ', nzz]];
  for (const [name, other] of cases)
    for (const dateIso of ['2024-08-25', '2024-10-13', '2024-12-15', '2025-03-16']) {
      it(`DeepState vs ${name} on ${dateIso}: only A + both = area(A), only B + both = area(B), within 0.05 km²`, () => {
        const shared = sharedMeasures(deepstate.manifest.measures, other.manifest.measures);
        const aligned = alignSourcesForDiff(deepstate.on(dateIso), other.on(dateIso), shared);
        const d = diffSnapshots(aligned.from, aligned.to, aligned.measures, deepstate.regions);
        expect(d.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(d.measures.map((m) => m.measureId)).toEqual(['held', 'held_kursk']);
        for (const m of d.measures) {
          expect(Math.abs(m.lostKm2 + m.unchangedKm2 - m.fromKm2)).toBeLessThan(0.05);
          expect(Math.abs(m.gainedKm2 + m.unchangedKm2 - m.toKm2)).toBeLessThan(0.05);
          const iou = agreementShare(m.lostKm2, m.gainedKm2, m.unchangedKm2)!;
          expect(iou).toBeGreaterThan(0.2);
          expect(iou).toBeLessThan(1);
        }
      });
    }

  it('reads the same areas as each source alone (DeepState 520.2 km², ISW 483.2 km² in Russia on 2024-12-15)', () => {
    const shared = sharedMeasures(deepstate.manifest.measures, isw.manifest.measures);
    const aligned = alignSourcesForDiff(deepstate.on('2024-12-15'), isw.on('2024-12-15'), shared);
    const held = diffSnapshots(aligned.from, aligned.to, aligned.measures, deepstate.regions).measures[0]!;
    expect(held.fromKm2).toBeCloseTo(520.2, 1);
    expect(held.toKm2).toBeCloseTo(483.2, 1);
  });

  it('repeats a feature once per measure it belongs to, and drops classes no shared measure names', () => {
    const measures: AreaMeasure[] = [
      { id: 'held', label: 'h', classes: ['blue'] },
      { id: 'wide', label: 'w', classes: ['blue', 'grey'] },
    ];
    const f = (cls: string): ControlFeature => ({ type: 'Feature', properties: { class: cls }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } });
    const snap: Snapshot = { dateIso: '2024-01-01', file: 'a', features: [f('blue'), f('grey'), f('red')] };
    const aligned = alignSourcesForDiff(snap, snap, sharedMeasures(measures, measures));
    expect(aligned.from.features.map((x) => x.properties.class)).toEqual(['measure:held', 'measure:wide', 'measure:wide']);
  });
});
