import { afterEach, describe, expect, it } from 'vitest';
import { i18n, initialLocale } from './i18n.svelte';
import type { Claim } from '../domain/claim-schema';

const area = (value: Claim['value']): Pick<Claim, 'value' | 'unit'> => ({ value, unit: 'km2' });

describe('the UI language at run time', () => {
  afterEach(() => i18n.setLocale('en'));

  it('starts from the link, then the remembered choice, then the browser, then English', () => {
    expect(initialLocale('#date=2024-12-15&lang=uk', 'en', ['en-GB'])).toBe('uk');
    expect(initialLocale('#lang=xx', 'uk', ['en-GB'])).toBe('uk');
    expect(initialLocale('', null, ['de-DE', 'uk-UA', 'en'])).toBe('uk');
    expect(initialLocale('', 'garbage', ['de-DE'])).toBe('en');
  });

  it('loads the Ukrainian catalogue on demand and words messages, ages and claims in it', async () => {
    expect(i18n.t('area.heading', { date: 'x' })).toBe('Area on x');
    await i18n.setLocale('uk');
    expect(i18n.locale).toBe('uk');
    expect(i18n.t('area.heading', { date: i18n.dateLong('2024-08-20') })).toBe('Площа на 20 серпня 2024 р.');
    expect(i18n.age(0)).toBe('опубліковано того ж дня');
    expect(i18n.age(16)).toBe('16 днів тому');
    expect(i18n.claimValue(area({ qualifier: 'approximately', amount: 1300, stated: '' })).replace(/\s/g, ' ')).toBe('приблизно 1 300 км²');
    expect(i18n.claimValue({ unit: 'settlements', value: { qualifier: 'over', amount: 22, stated: '' } })).toBe('понад 22 населені пункти');
    expect(i18n.claimValue({ unit: 'personnel', value: { qualifier: 'range', low: 10000, high: 12000, approximate: true, stated: '' } }).replace(/\s/g, ' ')).toBe('приблизно 10 000–12 000 осіб');
    expect(i18n.claimDate({ period: { kind: 'instant', dateIso: '2024-12-16' } } as Pick<Claim, 'period'>)).toBe('станом на 16 грудня 2024 р.');
  });

  it('says "unchanged since …, confirmed …" where the source confirmed its snapshot, else the age', async () => {
    const f = { snapshotDateIso: '2025-01-19', ageDays: 16, confirmedIso: '2025-02-04' };
    expect(i18n.standing(f)).toBe('unchanged since 19 January 2025, confirmed 4 February 2025');
    expect(i18n.standing({ ...f, confirmedIso: null })).toBe('16 days old');
    expect(i18n.standing({ ...f, ageDays: 0, confirmedIso: null })).toBe('');
    await i18n.setLocale('uk');
    expect(i18n.standing(f)).toBe('без змін з 19 січня 2025 р., підтверджено 4 лютого 2025 р.');
  });

  it('words a place claim’s verdict, an assertion, an article and a file size in either language', async () => {
    expect(i18n.placeVerdict({ kind: 'later', firstShownIso: '2024-08-20', lastNotShownIso: '2024-08-19', lagDays: 3 })).toBe('the map first showed it on 20 Aug 2024, 3 days after the claim (not yet on 19 Aug 2024)');
    expect(i18n.placeAssertion({ kind: 'held', country: 'UA' })).toBe('held by UA');
    expect(i18n.article({ title: 'Kursk', outlet: 'BBC' })).toBe('“Kursk”, BBC');
    expect(i18n.bytes(1536)).toBe('1.5 kB');
    expect(i18n.bytes(1)).toBe('1 byte');
    await i18n.setLocale('uk');
    expect(i18n.placeVerdict({ kind: 'later', firstShownIso: '2024-08-20', lastNotShownIso: null, lagDays: 2 })).toBe('карта вперше показала це 20 серп. 2024 р., через 2 дні після заяви (її перший знімок)');
    expect(i18n.placeVerdict({ kind: 'already', sinceIso: '2024-08-10', leadDays: 5, sinceFirstSnapshot: false })).toBe('карта вже показувала це з 10 серп. 2024 р.: за 5 днів до заяви');
    expect(i18n.article({ outlet: 'BBC' })).toBe('стаття без заголовка, BBC');
    expect(i18n.bytes(3)).toBe('3 байти');
  });

  it('words claims in English as the domain does for the CLI', async () => {
    const { claimValueText, claimDateText } = await import('../domain/claim-text');
    const claims: Pick<Claim, 'value' | 'unit' | 'period'>[] = [
      { unit: 'km2', value: { qualifier: 'approximately', amount: 1300, stated: '' }, period: { kind: 'instant', dateIso: '2024-12-16' } },
      { unit: 'settlements', value: { qualifier: 'over', amount: 1, stated: '' }, period: { kind: 'by', dateIso: '2024-11-30' } },
      { unit: 'personnel', value: { qualifier: 'range', low: 10000, high: 12000, stated: '' }, period: { kind: 'peak', startIso: '2024-08-06', endIso: '2025-01-06' } },
    ] as Pick<Claim, 'value' | 'unit' | 'period'>[];
    for (const c of claims) {
      expect(i18n.claimValue(c)).toBe(claimValueText(c));
      expect(i18n.claimDate(c)).toBe(claimDateText(c));
    }
  });
});
