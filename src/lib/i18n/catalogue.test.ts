import { describe, expect, it } from 'vitest';
import { en } from './en';
import { uk } from './uk';
import { formatMessage, placeholdersOf, pluralForm, type Catalogue, type MessageValue, type PluralMessage } from './catalogue';

const catalogues: Record<string, Record<string, MessageValue>> = { en, uk };
const categories = (tag: string) => new Intl.PluralRules(tag).resolvedOptions().pluralCategories;

describe('message catalogues', () => {
  it('have the same keys in English and Ukrainian', () => {
    const enKeys = Object.keys(en).sort();
    for (const [name, cat] of Object.entries(catalogues)) {
      expect(Object.keys(cat).sort(), `${name}: keys`).toEqual(enKeys);
    }
  });
  it('give every message a non-empty text with the same parameters as English', () => {
    for (const [name, cat] of Object.entries(catalogues))
      for (const key of Object.keys(en) as (keyof Catalogue)[]) {
        const m = cat[key]!;
        const texts = typeof m === 'string' ? [m] : Object.values(m);
        for (const text of texts) expect(String(text).trim(), `${name}: ${key}`).not.toBe('');
        expect(placeholdersOf(m), `${name}: ${key} parameters`).toEqual(placeholdersOf(en[key]));
        expect(typeof m, `${name}: ${key} plural or not`).toBe(typeof en[key]);
      }
  });
  it('give every plural the categories the language uses', () => {
    const need = { en: categories('en-GB'), uk: categories('uk-UA') };
    expect(need.uk).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
    for (const [name, cat] of Object.entries(catalogues))
      for (const [key, m] of Object.entries(cat))
        if (typeof m !== 'string') for (const c of need[name as 'en' | 'uk']) expect(m[c as keyof PluralMessage], `${name}: ${key}.${c}`).toBeTypeOf('string');
  });
  it('translate every message that is words (Ukrainian text differs from English where English has letters)', () => {
    const same = Object.keys(en).filter((k) => {
      const e = en[k as keyof typeof en];
      const u = uk[k as keyof Catalogue];
      return JSON.stringify(e) === JSON.stringify(u) && /[a-z]{3}/i.test(JSON.stringify(e).replace(/\{[a-z]+\}/gi, ''));
    });
    expect(same).toEqual([]);
  });
});

describe('plural forms', () => {
  const days = uk['age.days'] as PluralMessage;
  it('Ukrainian: 1, 21 → one; 2–4, 22 → few; 5–20, 0, 11 → many; fractions → other', () => {
    expect(formatMessage(days, { count: 1 }, 'uk')).toBe('1 день тому');
    expect(formatMessage(days, { count: 21 }, 'uk')).toBe('21 день тому');
    expect(formatMessage(days, { count: 3 }, 'uk')).toBe('3 дні тому');
    expect(formatMessage(days, { count: 22 }, 'uk')).toBe('22 дні тому');
    expect(formatMessage(days, { count: 5 }, 'uk')).toBe('5 днів тому');
    expect(formatMessage(days, { count: 11 }, 'uk')).toBe('11 днів тому');
    expect(formatMessage(days, { count: 0 }, 'uk')).toBe('0 днів тому');
    expect(pluralForm(days, 1.5, 'uk')).toBe('{count} дня тому');
  });
  it('English: 1 → one, everything else → other', () => {
    expect(formatMessage(en['age.days'], { count: 1 }, 'en')).toBe('1 day old');
    expect(formatMessage(en['age.days'], { count: 0 }, 'en')).toBe('0 days old');
    expect(formatMessage(en['age.days'], { count: 16 }, 'en')).toBe('16 days old');
  });
  it('writes numbers in the language’s digits and keeps an unknown placeholder visible', () => {
    expect(formatMessage(en['data.span'], { count: 1234, first: 'a', last: 'b', origin: 'c' }, 'en')).toBe('1,234 snapshots, a to b. Loaded from c.');
    expect(formatMessage(uk['data.span'], { count: 94, first: 'a', last: 'b', origin: 'c' }, 'uk')).toBe('94 знімки, від a до b. Завантажено з: c.');
    expect(formatMessage('{x} and {y}', { x: 'one' }, 'en')).toBe('one and {y}');
  });
});
