import { describe, expect, it } from 'vitest';
import { deepstateClass, parseDeepstateName } from './deepstate-class';

// Real (fill, deepstate_name) pairs from geodata/front, with the first date each appears.
describe('deepstateClass on DeepState’s own properties', () => {
  const cases: [string, string, string, string][] = [
    // 2022: Ukrainian-only labels, black for Crimea and ORDLO, blue for retaken ground.
    ['2022-04-03', '#a52714', 'Окуповано', 'russian_occupied'],
    ['2022-04-03', '#000000', 'Крим', 'occupied_before_2022'],
    ['2022-04-03', '#000000', 'ОРДЛО', 'occupied_before_2022'],
    ['2022-04-17', '#000000', 'Острів Тузла', 'occupied_before_2022'],
    ['2022-04-03', '#880e4f', 'Придністров\'я', 'occupied_outside_ukraine'],
    ['2022-05-15', '#880e4f', 'Придністров\'я /// Transnistria', 'occupied_outside_ukraine'],
    ['2022-04-03', '#0288d1', 'Звільнено 26.03', 'liberated'],
    ['2022-04-10', '#0f9d58', 'Звільнено 25.03', 'liberated'],
    ['2022-04-03', '#bcaaa4', 'Під питанням', 'unknown_status'],
    ['2022-04-03', '#a52714', 'Зміїний', 'russian_occupied'],
    ['2022-05-29', '#880e4f', 'Окупований Крим /// Occupied Crimea', 'occupied_before_2022'],
    ['2022-05-29', '#880e4f', 'ОРДЛО /// CADR and CALR', 'occupied_before_2022'],
    ['2022-06-05', '#0f9d58', 'Звільнено 05.04 /// Taken back 05.04', 'liberated'],
    ['2022-05-15', '#0288d1', 'Звільнено 10.05 /// Liberated 10.05', 'liberated'],
    ['2022-05-15', '#000000', 'ОРДЛО /// CADR and CALR', 'occupied_before_2022'],
    ['2022-05-29', '#ff5252', 'Придністров\'я /// Transnistria', 'occupied_outside_ukraine'],
    ['2022-08-20', '#757575', 'Під питанням /// Contensed', 'unknown_status'],
    // 2022 autumn on: DeepState's layer of territories outside Ukraine.
    ['2022-11-06', '#ff5252', 'Окупована область Петсамо /// Occupied Petsamo', 'occupied_outside_ukraine'],
    ['2022-12-04', '#ff5252', 'Окупована Абхазія. /// Occupied Abkhazia.', 'occupied_outside_ukraine'],
    ['2022-12-04', '#ff5252', 'Окуповані Південні Курильські острови. /// Occupied Southern Kuril islands.', 'occupied_outside_ukraine'],
    // 2023–2025.
    ['2022-05-15', '#a52714', 'Окуповано /// Occupied', 'russian_occupied'],
    ['2022-09-18', '#bcaaa4', 'Статус невідомий /// Unknown status', 'unknown_status'],
    ['2024-03-24', '#bcaaa4', 'Статус невідомий /// Unknown status /// geoJSON.status.unknown', 'unknown_status'],
    ['2024-03-24', '#ff5252', "Придністров'я/// Transnistria /// geoJSON.territories.transnistria", 'occupied_outside_ukraine'],
    ['2024-03-24', '#880e4f', 'ОРДЛО /// CADR and CALR /// geoJSON.territories.ordlo', 'occupied_before_2022'],
    ['2024-03-24', '#880e4f', 'Окупований Крим /// Occupied Crimea /// geoJSON.territories.crimea', 'occupied_before_2022'],
    ['2024-08-11', '#01579b', 'Звільнено /// Liberated /// geoJSON.status.dismissed', 'ukraine_held_in_russia'],
    ['2024-10-06', '#bcaaa4', 'Звільнено /// Liberated /// geoJSON.status.dismissed', 'unknown_status'],
    ['2025-03-30', '#a52714', 'Багатокутник 21', 'russian_occupied'],
    ['2024-08-11', '#bdbdbd', 'Статус невідомий /// Unknown status /// geoJSON.status.unknown', 'unknown_status'],
  ];
  it.each(cases)('%s %s %s → %s', (_date, fill, name, cls) => {
    expect(deepstateClass(fill, name)).toBe(cls);
  });

  it('reads upper-case fills and leaves unknown ones unclassified', () => {
    expect(deepstateClass('#A52714', 'Окуповано')).toBe('russian_occupied');
    expect(deepstateClass('#123456', 'Окуповано')).toBe('unclassified');
    expect(deepstateClass(undefined, undefined)).toBe('unclassified');
  });

  it('splits the label into its Ukrainian, English and key parts', () => {
    expect(parseDeepstateName('Окупований Крим /// Occupied Crimea /// crimea')).toEqual({ uk: 'Окупований Крим', en: 'Occupied Crimea', key: 'crimea' });
    expect(parseDeepstateName('Окуповано')).toEqual({ uk: 'Окуповано', en: '', key: '' });
  });
});
