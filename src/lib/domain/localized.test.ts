import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipRegionLabel, localized, manifestText } from './localized';
import { labelOn } from './sources';
import type { DatasetManifest } from './types';
import { parseManifestJson } from '../data/manifest';

const manifest = (dir: string): DatasetManifest => JSON.parse(readFileSync(`geodata/${dir}/dataset.json`, 'utf8'));

describe('manifest text in the UI language', () => {
  it('takes the Ukrainian translation when there is one, else the item’s own text', () => {
    const item = { label: 'Held', translations: { uk: { label: 'Утримується' } } };
    expect(localized(item, 'label', 'uk')).toBe('Утримується');
    expect(localized(item, 'label', 'en')).toBe('Held');
    expect(localized({ label: 'Held' }, 'label', 'uk')).toBe('Held');
    expect(localized({ label: 'Held', translations: { uk: {} } }, 'label', 'uk')).toBe('Held');
  });
  it('translates a dated label and its note (ISW’s “claimed limit” until 2024-12-01)', () => {
    const isw = manifest('kursk-isw');
    const held = isw.measures.find((m) => m.id === 'held')!;
    expect(labelOn(held, '2024-11-01', 'uk').label).toBe('Заявлена межа українського просування (ISW), у Росії');
    expect(labelOn(held, '2024-11-01', 'uk').note).toMatch(/^До 2024-12-01 ISW/);
    expect(labelOn(held, '2025-01-01', 'uk').label).toBe('Українське просування (ISW), у Росії');
    expect(labelOn(held, '2024-11-01').label).toBe('Claimed limit of Ukrainian advance (ISW), in Russia');
  });
  it.each(['kursk', 'kursk-isw', 'kursk-nzz'])('the built-in %s manifest says every label in Ukrainian', (dir) => {
    const m = manifest(dir);
    expect(manifestText(m, 'title', 'uk')).not.toBe(m.title);
    for (const item of [...m.classes, ...m.measures, ...[...m.classes, ...m.measures].flatMap((x) => x.labelPeriods ?? [])])
      expect(item.translations?.uk?.label, item.label).toMatch(/[а-яіїєґ]/i);
    for (const c of m.classes) expect(c.translations?.uk?.description, c.id).toMatch(/[а-яіїєґ]/i);
    for (const id of Object.keys(m.clipRegions ?? {})) expect(clipRegionLabel(m, id, 'uk')).toMatch(/[а-яіїєґ]/i);
    expect(clipRegionLabel(m, 'no-such-region', 'uk')).toBe('no-such-region');
  });
  it.each(['kursk', 'kursk-isw', 'kursk-nzz'])('loading the %s manifest keeps its translations, without warnings', (dir) => {
    const r = parseManifestJson('dataset.json', JSON.parse(readFileSync(`geodata/${dir}/dataset.json`, 'utf8')));
    expect(r.ok && r.issues).toEqual([]);
    if (!r.ok) return;
    expect(manifestText(r.value, 'title', 'uk')).toMatch(/^Курська операція/);
    expect(localized(r.value.classes[0]!, 'label', 'uk')).toMatch(/[а-яіїєґ]/i);
    expect(clipRegionLabel(r.value, 'russia', 'uk')).toBe('Росія');
  });
});
