import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withUkrainian } from './uk-texts';
import type { DatasetManifest } from '../../src/lib/domain/types';

const FOLDERS = ['kursk', 'kursk-isw', 'kursk-nzz', 'front'];
const read = (folder: string): DatasetManifest => JSON.parse(readFileSync(`geodata/${folder}/dataset.json`, 'utf8'));

/** The manifest as an import script builds it from the source data: English only. */
function english(m: DatasetManifest): DatasetManifest {
  const strip = <T extends { translations?: unknown; labelPeriods?: { translations?: unknown }[] }>(x: T): T => {
    const { translations: _t, ...rest } = x;
    void _t;
    return (x.labelPeriods ? { ...rest, labelPeriods: x.labelPeriods.map((p) => strip(p)) } : rest) as T;
  };
  const { translations: _t, ...rest } = m;
  void _t;
  return {
    ...rest,
    classes: m.classes.map(strip),
    measures: m.measures.map(strip),
    ...(m.clipRegions ? { clipRegions: Object.fromEntries(Object.entries(m.clipRegions).map(([k, r]) => [k, strip(r)])) } : {}),
  };
}

describe('the built-in manifests in Ukrainian', () => {
  it.each(FOLDERS)('geodata/%s/dataset.json holds exactly the texts the import writes', (folder) => {
    const shipped = read(folder);
    expect(withUkrainian(english(shipped))).toEqual(shipped);
  });

  it.each(FOLDERS)('geodata/%s: every class, measure, clip region and the title have a Ukrainian label', (folder) => {
    const m = read(folder);
    expect(m.translations?.uk?.title, 'title').toBeTruthy();
    expect(m.translations?.uk?.description, 'description').toBeTruthy();
    for (const c of m.classes) expect(c.translations?.uk?.label, `class ${c.id}`).toBeTruthy();
    for (const c of m.classes) expect(c.translations?.uk?.description, `class ${c.id} description`).toBeTruthy();
    for (const x of m.measures) expect(x.translations?.uk?.label, `measure ${x.id}`).toBeTruthy();
    for (const x of [...m.classes, ...m.measures]) for (const p of x.labelPeriods ?? []) expect(p.translations?.uk?.label, `${x.id} period ${p.fromIso ?? p.untilIso}`).toBeTruthy();
    for (const [id, r] of Object.entries(m.clipRegions ?? {})) expect(r.translations?.uk?.label, `clip region ${id}`).toBeTruthy();
  });

  it('leaves a manifest it has no texts for as it is', () => {
    const m = { ...english(read('kursk')), id: 'someone-elses' };
    expect(withUkrainian(m)).toBe(m);
  });
});
