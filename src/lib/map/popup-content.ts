// Popup content for a clicked control area, built from DOM text nodes: strings from data never become HTML.
import type { StoredFeature } from '../domain/snapshot-store';
import type { ControlClass, DatasetSource } from '../domain/types';
import { formatDateLong, formatInt, type UiLocale } from '../domain/format';
import { localized } from '../domain/localized';
import { translateEn, type Translate } from '../i18n/catalogue';
import { describeProvenance, provenanceOf } from '../data/convert/provenance';

/** A link from data is only followed when it is http(s); anything else (javascript:, data:) is shown as text. */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

export interface PopupInput {
  /**
   * The polygon: a stored feature, or what a vector tile carries (class and run, no file: `file`/`featureIndex`
   * absent), for a tiled dataset.
   */
  feature: Pick<StoredFeature, 'classId' | 'properties' | 'firstIndex' | 'lastIndex'> & Partial<Pick<StoredFeature, 'file' | 'featureIndex'>>;
  cls: ControlClass | undefined;
  datesIso: readonly string[];
  sources: readonly DatasetSource[];
  /** The UI language's messages and locale (English when absent). */
  t?: Translate;
  locale?: UiLocale;
}

/** What a reader needs to cite a polygon: its class, since when it stood unchanged, where it is from. */
export function buildControlPopup({ feature, cls, datesIso, sources, t = translateEn, locale = 'en' }: PopupInput): HTMLElement {
  const root = el('div', undefined, 'cg-popup');
  const title = el('strong', (cls && localized(cls, 'label', locale)) ?? feature.classId);
  if (cls) {
    const swatch = el('span', undefined, 'cg-swatch');
    swatch.style.background = cls.color;
    root.append(swatch);
  }
  root.append(title);
  const name = feature.properties.name;
  if (typeof name === 'string' && name.trim() !== '') root.append(el('div', name, 'cg-popup-name'));
  const nameUk = feature.properties['name:uk'];
  if (typeof nameUk === 'string' && nameUk.trim() !== '' && nameUk !== name) root.append(el('div', nameUk, 'cg-popup-name'));
  const first = datesIso[feature.firstIndex];
  const last = datesIso[feature.lastIndex];
  if (first && last) {
    root.append(el('div', first === last
      ? t('popup.onlyIn', { date: formatDateLong(first, locale) })
      : t('popup.unchanged', { first: formatDateLong(first, locale), last: formatDateLong(last, locale) })));
  }
  if (feature.file !== undefined) root.append(el('div', t('popup.file', { file: feature.file, index: String(feature.featureIndex) }), 'cg-popup-file'));
  // A feature converted from TopoJSON, KML, a Shapefile or Esri JSON says where in its file it came from.
  const provenance = provenanceOf(feature.properties);
  if (provenance) {
    // The provenance is worded as the command line words it (English), so it is marked as English.
    const line = el('div', t('popup.converted'), 'cg-popup-provenance');
    const what = el('span', ` ${describeProvenance(provenance)}.`);
    what.lang = 'en';
    line.append(what);
    root.append(line);
  }
  for (const s of sources.slice(0, 1)) {
    const line = el('div', t('popup.source'), 'cg-popup-source');
    const href = safeHttpUrl(s.url);
    if (href) {
      const a = el('a', s.name);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      line.append(a);
    } else {
      line.append(document.createTextNode(s.name));
    }
    root.append(line);
  }
  return root;
}

/** A settlement's names in the three languages the basemap carries, and its population, as text. */
export function buildPlacePopup(props: Record<string, unknown>, t: Translate = translateEn, locale: UiLocale = 'en'): HTMLElement {
  const text = (k: string) => (typeof props[k] === 'string' && (props[k] as string).trim() !== '' ? (props[k] as string) : undefined);
  const root = el('div', undefined, 'cg-popup');
  root.append(el('strong', text('name:en') ?? text('name') ?? t('popup.unnamed')));
  const names = [[t('popup.ukrainian'), text('name:uk')], [t('popup.russian'), text('name:ru')]] as const;
  for (const [lang, name] of names) if (name) root.append(el('div', `${lang}: ${name}`));
  const population = Number(props['population']);
  if (Number.isFinite(population) && population > 0) root.append(el('div', t('popup.population', { population: formatInt(population, locale) })));
  const country = text('country');
  if (country) root.append(el('div', t('popup.country', { country: country === 'RU' ? t('country.RU') : country === 'UA' ? t('country.UA') : country }), 'cg-popup-file'));
  return root;
}
