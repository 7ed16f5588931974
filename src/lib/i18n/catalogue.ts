// The message catalogue's types and the one function that turns a message into text: `{name}` placeholders and
// plural forms chosen by Intl.PluralRules (Ukrainian has one/few/many/other, English one/other).
import { en, type En } from './en';
import { INTL_TAG, UI_LOCALES, type UiLocale } from '../domain/format';

export { INTL_TAG, UI_LOCALES, type UiLocale };

/** Plural forms by CLDR category; `other` is required, each language gives the categories its rules use. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type MessageValue = string | PluralMessage;

/** Every key of the English catalogue, which is the reference: the other languages must have each. */
export type MessageKey = keyof En;

/** A catalogue for one language: every key, a string where English has one, plural forms where English has them. */
export type Catalogue = { [K in MessageKey]: En[K] extends string ? string : PluralMessage };

type PlaceholderNames<S> = S extends `${string}{${infer P}}${infer R}` ? P | PlaceholderNames<R> : never;
type PlaceholdersOf<V> = V extends string ? PlaceholderNames<V> : V extends PluralMessage ? 'count' | PlaceholderNames<V[keyof V] & string> : never;

/** The parameters a message takes, by name (plurals take `count`). */
export type MessageParams<K extends MessageKey> = Record<PlaceholdersOf<En[K]>, string | number>;

const pluralRules = new Map<UiLocale, Intl.PluralRules>();
const numberFormats = new Map<UiLocale, Intl.NumberFormat>();

function rulesFor(locale: UiLocale): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(INTL_TAG[locale])));
  return r;
}

function numbersFor(locale: UiLocale): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: 0 })));
  return f;
}

/** The plural form of a message for a count, by the language's rules (falling back to `other`). */
export function pluralForm(message: PluralMessage, count: number, locale: UiLocale): string {
  const category = rulesFor(locale).select(count) as keyof PluralMessage;
  return message[category] ?? message.other;
}

/** Placeholder names in a message (all its plural forms), for the completeness check. */
export function placeholdersOf(message: MessageValue): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message).filter((v): v is string => typeof v === 'string');
  const names = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/\{([a-zA-Z0-9_]+)\}/g)) names.add(m[1]!);
  if (typeof message !== 'string') names.add('count');
  return [...names].sort();
}

/**
 * A message as text: the plural form for `params.count`, then each `{name}` replaced by its parameter (numbers in
 * the language's digits and separators). A missing parameter stays as `{name}`, visible rather than silently empty.
 */
export function formatMessage(message: MessageValue, params: Readonly<Record<string, string | number>> | undefined, locale: UiLocale): string {
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = params?.count;
    text = pluralForm(message, typeof count === 'number' ? count : Number(count ?? 0), locale);
  }
  if (!params) return text;
  return text.replace(/\{([a-zA-Z0-9_]+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const v = params[name]!;
    return typeof v === 'number' ? numbersFor(locale).format(v) : v;
  });
}

/** `t()`'s signature: code that words messages for the UI takes one, and words English without it. */
export type Translate = <K extends MessageKey>(key: K, params?: MessageParams<K>) => string;

/** English messages, for code that runs outside the page (the command line, unit tests) or before a language is chosen. */
export const translateEn: Translate = (key, params) => formatMessage(en[key], params, 'en');

/** A locale from text (a link or storage): one of ours, or undefined. */
export function parseUiLocale(value: string | null | undefined): UiLocale | undefined {
  return UI_LOCALES.find((l) => l === value);
}
