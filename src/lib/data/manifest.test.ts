// The manifest's days published without a change: how they are read, and the built-in DeepState manifest's list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifestJson } from './manifest';
import type { DatasetManifest } from '../domain/types';

const manifest = (dir: string): DatasetManifest => JSON.parse(readFileSync(`geodata/${dir}/dataset.json`, 'utf8'));

describe('days published without a change (publishedUnchanged)', () => {
  const base = { id: 'x', title: 'x', region: 'r', classes: [{ id: 'a', label: 'A', color: '#112233' }], measures: [], sources: [], snapshots: [{ dateIso: '2025-01-19', file: 'a.geojson' }] };
  it('are read sorted, each once; a day that has a snapshot is dropped with a warning naming it', () => {
    const r = parseManifestJson('dataset.json', { ...base, publishedUnchanged: ['2025-02-04', '2025-01-20', '2025-01-20', '2025-01-19'] });
    expect(r.ok && r.value.publishedUnchanged).toEqual(['2025-01-20', '2025-02-04']);
    expect(r.issues.filter((i) => i.reason.startsWith('publishedUnchanged')).map((i) => i.reason)).toEqual(['publishedUnchanged[3]: 2025-01-19 has a snapshot (a.geojson), so it is not a day without a change; dropped']);
  });
  it('name a bad date and keep the good ones', () => {
    const r = parseManifestJson('dataset.json', { ...base, publishedUnchanged: ['2025-02-04', '4 Feb 2025'] });
    expect(r.ok && r.value.publishedUnchanged).toEqual(['2025-02-04']);
    expect(r.issues.filter((i) => i.reason.startsWith('publishedUnchanged')).map((i) => i.path ?? i.reason)).toHaveLength(1);
    expect(r.issues.find((i) => i.reason.startsWith('publishedUnchanged'))!.reason).toMatch(/^publishedUnchanged\[1\]/);
  });
  it('DeepState’s Kursk manifest lists its 169 days without a change, none of them a snapshot day', () => {
    const m = manifest('kursk');
    expect(m.publishedUnchanged).toHaveLength(169);
    const snapshotDays = new Set(m.snapshots.map((s) => s.dateIso));
    expect(m.publishedUnchanged!.filter((d) => snapshotDays.has(d))).toEqual([]);
    expect(m.publishedUnchanged).toContain('2025-02-04');
  });
});
