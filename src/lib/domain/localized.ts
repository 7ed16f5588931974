// Manifest text in the UI language: an item's `translations.uk.label` when the UI is in Ukrainian and the dataset
// gives one, else its own (English) field.
import type { UiLocale } from './format';
import type { DatasetManifest, Translations } from './types';
import { own } from './own';

/** A field of a manifest item in `locale`, falling back to the item's own text. */
export function localized<F extends string>(item: Partial<Record<F, string>> & { translations?: Translations<F> }, field: F, locale: UiLocale): string | undefined {
  if (locale !== 'en') {
    const forLocale = item.translations?.[locale];
    const text = forLocale && Object.hasOwn(forLocale, field) ? forLocale[field] : undefined;
    if (text) return text;
  }
  return item[field];
}

/** The dataset's title, description or region in `locale` ('' when absent). */
export function manifestText(manifest: DatasetManifest, field: 'title' | 'description' | 'region', locale: UiLocale): string {
  return localized(manifest, field, locale) ?? '';
}

/** A clip region's label in `locale`, or its id when the manifest has no such region. */
export function clipRegionLabel(manifest: DatasetManifest | undefined, id: string, locale: UiLocale): string {
  const r = own(manifest?.clipRegions, id);
  return r ? (localized(r, 'label', locale) ?? id) : id;
}
