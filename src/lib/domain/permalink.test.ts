import { describe, expect, it } from 'vitest';
import { formatLink, parseCamera, parseLink, type ParsedLink } from './permalink';
import { en } from '../i18n/en';
import { formatMessage } from '../i18n/catalogue';

/** The link's notices as the English UI words them. */
const words = (l: ParsedLink): string[] => l.notices.map((n) => formatMessage(en[n.key], n.params, 'en'));

describe('parseLink', () => {
  it('reads the dataset, and writes it first', () => {
    const link = parseLink('#dataset=front&date=2024-11-20&map=6/48.50/35.50');
    expect(link).toEqual({ datasetId: 'front', dateIso: '2024-11-20', camera: { zoom: 6, lat: 48.5, lon: 35.5 }, notices: [] });
    expect(formatLink(link)).toBe('#dataset=front&date=2024-11-20&map=6/48.50/35.50');
    expect(parseLink('#dataset=<b>&date=2024-11-20').notices[0]).toEqual({ key: 'link.badDataset', params: { dataset: '<b>' } });
  });
  it('reads date and view', () => {
    expect(parseLink('#date=2024-08-20&map=10/51.20/35.27')).toEqual({
      dateIso: '2024-08-20',
      camera: { zoom: 10, lat: 51.2, lon: 35.27 },
      notices: [],
    });
  });
  it('reads a comparison and orders its dates', () => {
    expect(parseLink('#compare=2025-02-04..2024-09-03').compare).toEqual({ fromIso: '2024-09-03', toIso: '2025-02-04' });
  });
  it('drops an impossible date with a notice and keeps the view', () => {
    const link = parseLink('#date=2024-02-30&map=9/51.3/35.2');
    expect(link.dateIso).toBeUndefined();
    expect(link.camera).toEqual({ zoom: 9, lat: 51.3, lon: 35.2 });
    expect(words(link)[0]).toMatch(/"2024-02-30" is not a valid/);
  });
  it.each(['10/51.2', '10/x/35', '30/51/35', '10/95/35', '10/51/200', '//', '10/51.2/35.2/1'])('rejects the view %s', (v) => {
    const link = parseLink(`#map=${v}`);
    expect(link.camera).toBeUndefined();
    expect(link.notices).toHaveLength(1);
  });
  it('rejects a malformed comparison', () => {
    for (const c of ['2024-09-03', '2024-09-03..', '2024-09-03..2025-13-01', 'a..b..c']) {
      const link = parseLink(`#compare=${c}`);
      expect(link.compare).toBeUndefined();
      expect(words(link)[0]).toMatch(/compare mode is off/);
    }
  });
  it('ignores an empty hash', () => {
    expect(parseLink('')).toEqual({ notices: [] });
  });
});

describe('formatLink', () => {
  it('writes the OpenStreetMap form and round-trips', () => {
    const hash = formatLink({ dateIso: '2024-08-20', camera: { zoom: 10, lat: 51.2, lon: 35.27 } });
    expect(hash).toBe('#date=2024-08-20&map=10/51.2000/35.2700');
    expect(parseLink(hash).camera).toEqual({ zoom: 10, lat: 51.2, lon: 35.27 });
  });
  it('writes a comparison instead of a date', () => {
    expect(formatLink({ dateIso: '2024-08-20', compare: { fromIso: '2024-09-03', toIso: '2025-02-04' } })).toBe(
      '#compare=2024-09-03..2025-02-04',
    );
  });
  it('uses fewer decimals at low zoom', () => {
    expect(formatLink({ camera: { zoom: 3.456, lat: 51.123456, lon: 35.123456 } })).toBe('#map=3.46/51.12/35.12');
  });
  it('parseCamera accepts fractional zoom', () => {
    expect(parseCamera('9.5/51.3/35.2')).toEqual({ zoom: 9.5, lat: 51.3, lon: 35.2 });
  });
  it('writes the chosen place before the view, and reads it back', () => {
    const hash = formatLink({ dateIso: '2024-08-20', placeId: 'geonames-postal:RU:307431', camera: { zoom: 12, lat: 51.2, lon: 35.27 } });
    expect(hash).toBe('#date=2024-08-20&place=geonames-postal:RU:307431&map=12/51.2000/35.2700');
    expect(parseLink(hash).placeId).toBe('geonames-postal:RU:307431');
  });
  it('drops a place that is not an id, with a notice', () => {
    const link = parseLink('#place=%3Cimg%20src%3Dx%3E');
    expect(link.placeId).toBeUndefined();
    expect(words(link)).toEqual(['The link\'s place "<img src=x>" is not a place id; no place is shown.']);
  });
});

describe('sources and layout in the link', () => {
  it('reads the sources in order (the primary first) and the layout', () => {
    const l = parseLink('#date=2024-12-15&sources=deepstate,isw&view=side&map=10/51.20/35.27');
    expect(l.sources).toEqual(['deepstate', 'isw']);
    expect(l.view).toBe('side');
    expect(l.notices).toEqual([]);
  });
  it('keeps the good source ids of a list with bad ones, with a notice, and drops repeats', () => {
    const l = parseLink('#sources=isw,<b>,isw,nzz');
    expect(l.sources).toEqual(['isw', 'nzz']);
    expect(l.notices).toHaveLength(1);
  });
  it('refuses an unknown layout with a notice', () => {
    const l = parseLink('#view=3d');
    expect(l.view).toBeUndefined();
    expect(words(l)[0]).toMatch(/overlay, side, swipe/);
  });
  it('round-trips, writing the overlay layout as the default it is', () => {
    const hash = formatLink({ dateIso: '2024-12-15', sources: ['deepstate', 'isw'], view: 'swipe', camera: { zoom: 6, lat: 51.2, lon: 35.27 } });
    expect(hash).toBe('#date=2024-12-15&sources=deepstate,isw&view=swipe&map=6/51.20/35.27');
    expect(parseLink(hash)).toMatchObject({ dateIso: '2024-12-15', sources: ['deepstate', 'isw'], view: 'swipe' });
    expect(formatLink({ dateIso: '2024-12-15', sources: ['deepstate', 'isw'], view: 'overlay' })).toBe('#date=2024-12-15&sources=deepstate,isw');
  });
});

describe('language in the link', () => {
  it('reads lang=uk and lang=en, and writes it after the map only when it is not English', () => {
    expect(parseLink('#date=2024-12-15&lang=uk').lang).toBe('uk');
    expect(parseLink('#lang=en').lang).toBe('en');
    const hash = formatLink({ dateIso: '2024-12-15', camera: { zoom: 6, lat: 51.2, lon: 35.27 }, lang: 'uk' });
    expect(hash).toBe('#date=2024-12-15&map=6/51.20/35.27&lang=uk');
    expect(parseLink(hash)).toMatchObject({ dateIso: '2024-12-15', lang: 'uk', notices: [] });
    expect(formatLink({ dateIso: '2024-12-15', lang: 'en' })).toBe('#date=2024-12-15');
  });
  it('refuses an unknown language with a notice and keeps the rest', () => {
    const l = parseLink('#date=2024-12-15&lang=de');
    expect(l.lang).toBeUndefined();
    expect(l.dateIso).toBe('2024-12-15');
    expect(words(l)[0]).toMatch(/"de".*en, uk/);
  });
});
