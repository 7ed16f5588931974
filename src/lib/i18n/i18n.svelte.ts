// The UI language at run time: the current locale and its catalogue (English built in, Ukrainian loaded the first
// time it is chosen), `t()` for messages, and the domain formatters bound to the locale. Components read through
// this object, so a change of language re-renders what they show without remounting the map.
import { en } from './en';
import { formatMessage, parseUiLocale, type Catalogue, type MessageKey, type MessageParams, type UiLocale } from './catalogue';
import { formatAmount, formatCoordinate, formatOneDecimal, formatDateLong, formatDateShort, formatInt, formatKm2, formatMonthShort, formatPercent, formatShare, formatSignedKm2 } from '../domain/format';
import type { Claim, ClaimSource } from '../domain/claim-schema';
import type { PlaceAssertion } from '../domain/place-assertion';
import type { InForce } from '../domain/sources';
import type { LinkNotice } from '../domain/permalink';
import type { PlaceClaimVerdict } from '../domain/place-claim-check';

/** Where the reader's own choice is remembered. */
export const LOCALE_STORAGE_KEY = 'claimed-ground.lang';

/** Catalogue loaders: the language not in use is a separate chunk, fetched only when chosen. */
const LOADERS: Record<UiLocale, () => Promise<Catalogue>> = {
  en: () => Promise.resolve(en),
  uk: () => import('./uk').then((m) => m.uk),
};

class I18n {
  locale = $state<UiLocale>('en');
  private messages = $state.raw<Catalogue>(en);

  /** Show the UI in `locale`, loading its catalogue first; `remember` keeps the choice for the next visit. */
  async setLocale(locale: UiLocale, remember = false): Promise<void> {
    if (remember) {
      try {
        localStorage.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // Storage can be off (private mode, a policy); the choice then lasts for this visit.
      }
    }
    if (locale === this.locale) return;
    const messages = await LOADERS[locale]();
    this.messages = messages;
    this.locale = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }

  /** A problem with a link (domain/permalink.ts names it by message key) in the current language. */
  linkNotice = (n: LinkNotice): string => formatMessage(this.messages[n.key], n.params, this.locale);

  /** A message in the current language. */
  t = <K extends MessageKey>(key: K, params?: MessageParams<K>): string => formatMessage(this.messages[key], params, this.locale);

  km2 = (areaKm2: number | undefined | null): string => formatKm2(areaKm2, this.locale);
  signedKm2 = (areaKm2: number): string => formatSignedKm2(areaKm2, this.locale);
  int = (n: number): string => formatInt(n, this.locale);
  percent = (share: number | null): string => formatPercent(share, this.locale);
  share = (areaKm2: number | undefined, ofKm2: number): string => formatShare(areaKm2, ofKm2, this.locale);
  dateLong = (dateIso: string): string => formatDateLong(dateIso, this.locale);
  dateShort = (dateIso: string): string => formatDateShort(dateIso, this.locale);
  monthShort = (dateIso: string): string => formatMonthShort(dateIso, this.locale);
  coordinate = (degrees: number): string => formatCoordinate(degrees, this.locale);
  oneDecimal = (n: number): string => formatOneDecimal(n, this.locale);
  /** A file size in KB with one decimal: "12.3 KB" (uk "12,3 КБ"). */
  kilobytes = (bytes: number): string => this.t('unit.kilobytes', { size: formatOneDecimal(bytes / 1024, this.locale) });
  /** A file size as data/issues.ts formatBytes writes it ("1.5 MB", "312 bytes"), in the UI language. */
  bytes = (n: number): string => {
    const one = (v: number) => formatAmount(Math.round(v * 10) / 10, this.locale);
    if (n >= 1024 ** 3) return this.t('unit.GB', { amount: one(n / 1024 ** 3) });
    if (n >= 1024 ** 2) return this.t('unit.MB', { amount: one(n / 1024 ** 2) });
    if (n >= 1024) return this.t('unit.kB', { amount: one(n / 1024) });
    return this.t('unit.bytes', { amount: formatInt(n, this.locale), count: n });
  };
  /** How old a snapshot is on a date: "published that day", "3 days old". */
  age = (days: number): string => (days === 0 ? this.t('age.sameDay') : this.t('age.days', { count: days }));
  /**
   * A snapshot's standing on a date: "unchanged since 19 January 2025, confirmed 4 February 2025" where the source
   * published the area again without a change, else its age ("16 days old"). Empty on the snapshot's own day.
   */
  standing = (f: Pick<InForce, 'snapshotDateIso' | 'ageDays' | 'confirmedIso'>): string => {
    if (!f.snapshotDateIso || !f.ageDays) return '';
    if (f.confirmedIso) return this.t('age.confirmed', { since: this.dateLong(f.snapshotDateIso), confirmed: this.dateLong(f.confirmedIso) });
    return this.age(f.ageDays);
  };

  /** A claimed figure in words: "approximately 1,300 km²", uk "приблизно 1 300 км²" (domain/claim-text.ts words it for the CLI). */
  claimValue = (claim: Pick<Claim, 'value' | 'unit'>): string => {
    const v = claim.value;
    const amount = v.qualifier === 'range' ? this.t('claim.range', { low: formatAmount(v.low, this.locale), high: formatAmount(v.high, this.locale) }) : formatAmount(v.amount, this.locale);
    const count = v.qualifier === 'range' ? v.high : v.amount;
    const u = claim.unit;
    const withUnit = u === 'km2' || u === 'percent' ? this.t(`claim.unit.${u}`, { amount }) : this.t(`claim.unit.${u}`, { amount, count });
    if (v.qualifier === 'range') return v.approximate ? this.t('claim.approximately', { value: withUnit }) : withUnit;
    return this.t(`claim.${v.qualifier}`, { value: withUnit });
  };

  /** The article a claim comes from: "“Title”, Outlet", or "untitled article beginning “…”" (domain/claim-text.ts articleText for the CLI). */
  article = (source: Pick<ClaimSource, 'title' | 'opening' | 'outlet'>): string => {
    const title = source.title ? this.t('article.title', { title: source.title }) : source.opening ? this.t('article.untitledOpening', { opening: source.opening }) : this.t('article.untitled');
    return source.outlet ? this.t('article.withOutlet', { title, outlet: source.outlet }) : this.t('article.outletUnnamed', { title });
  };

  /** What a claim about a place asserts: "held by UA", "troops of UA there", "contested" (the file writes `held:UA`). */
  placeAssertion = (a: PlaceAssertion): string => (a.kind === 'contested' ? this.t('place.assert.contested') : this.t(`place.assert.${a.kind}`, { country: a.country }));

  /** A place claim's verdict against one source, in one sentence (domain/place-claim-check.ts words it for the CLI and the CSV). */
  placeVerdict = (v: PlaceClaimVerdict): string => {
    switch (v.kind) {
      case 'no_place':
        return this.t('place.verdict.noPlace');
      case 'no_snapshots':
        return this.t('place.verdict.noSnapshots');
      case 'already':
        if (v.leadDays === 0) return this.t('place.verdict.sameDay', { date: this.dateShort(v.sinceIso) });
        return v.sinceFirstSnapshot
          ? this.t('place.verdict.fromFirst', { date: this.dateShort(v.sinceIso) })
          : this.t('place.verdict.already', { date: this.dateShort(v.sinceIso), count: v.leadDays });
      case 'later':
        return this.t('place.verdict.later', {
          date: this.dateShort(v.firstShownIso),
          count: v.lagDays,
          note: v.lastNotShownIso ? this.t('place.verdict.notYet', { date: this.dateShort(v.lastNotShownIso) }) : this.t('place.verdict.firstSnapshot'),
        });
      case 'never':
        return this.t('place.verdict.never', { date: this.dateShort(v.lastSnapshotIso) });
    }
  };

  /** When a claimed figure applies: "as of 16 December 2024", "peak, 6 August 2024 – 6 January 2025". */
  claimDate = (claim: Pick<Claim, 'period'>): string => {
    const p = claim.period;
    const span = (a: string, b: string) => (a === b ? this.dateLong(a) : this.t('claim.span', { start: this.dateLong(a), end: this.dateLong(b) }));
    switch (p.kind) {
      case 'instant':
        return this.t('claim.asOf', { date: this.dateLong(p.dateIso) });
      case 'by':
        return this.t('claim.by', { date: this.dateLong(p.dateIso) });
      case 'period':
        return span(p.startIso, p.endIso);
      case 'peak':
        return this.t('claim.peak', { span: span(p.startIso, p.endIso) });
    }
  };
}

export const i18n = new I18n();
export const t = i18n.t;

/**
 * The language to start in: the link's `lang=`, else the reader's remembered choice, else the browser's
 * preference (Ukrainian if listed before English), else English.
 */
export function initialLocale(hash: string, stored: string | null, preferred: readonly string[]): UiLocale {
  const fromLink = parseUiLocale(new URLSearchParams(hash.replace(/^#/, '')).get('lang'));
  if (fromLink) return fromLink;
  const fromStorage = parseUiLocale(stored);
  if (fromStorage) return fromStorage;
  for (const tag of preferred) {
    const l = parseUiLocale(tag.toLowerCase().split('-')[0]);
    if (l) return l;
  }
  return 'en';
}

/** The remembered choice, or null (storage may be unavailable). */
export function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}
