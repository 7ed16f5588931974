// A claim in English words for the CLIs and exports: the figure with its qualifier and unit, when it applies, and the
// article it comes from. Pure. The UI words claims in the reader's language through i18n/i18n.svelte.ts.
import type { Claim, ClaimPeriod, ClaimSource, ClaimUnit, ConvertedAreaUnit, Qualifier } from './claim-schema';
import { formatAmount } from './format';

const UNIT_TEXT: Record<ClaimUnit, { one: string; many: string }> = {
  km2: { one: 'km²', many: 'km²' },
  settlements: { one: 'settlement', many: 'settlements' },
  personnel: { one: 'person', many: 'personnel' },
  units: { one: 'unit', many: 'units' },
  brigades: { one: 'brigade', many: 'brigades' },
  percent: { one: '%', many: '%' },
};

const QUALIFIER_TEXT: Record<Exclude<Qualifier, 'range'>, string> = {
  exact: '',
  approximately: 'approximately ',
  about: 'about ',
  at_least: 'at least ',
  over: 'over ',
  nearly: 'nearly ',
  up_to: 'up to ',
  under: 'under ',
};

/** How a converted unit is written: `mi²`, `ha`. */
const CONVERTED_UNIT_TEXT: Record<ConvertedAreaUnit, string> = { mi2: 'mi²', ha: 'ha' };

function withUnit(amountText: string, unit: ClaimUnit, plural: boolean): string {
  if (unit === 'percent') return `${amountText}%`;
  return `${amountText} ${plural ? UNIT_TEXT[unit].many : UNIT_TEXT[unit].one}`;
}

/**
 * The claimed figure in words: "approximately 1,300 km²", "50,000–55,000 personnel", "over 100 settlements"; a
 * figure stated in another unit as written, then converted: "about 500 mi² (≈ 1,295 km²)".
 */
export function claimValueText(claim: Pick<Claim, 'value' | 'unit'>): string {
  const v = claim.value;
  if (v.qualifier === 'range') {
    return `${v.approximate ? 'approximately ' : ''}${withUnit(`${formatAmount(v.low)}–${formatAmount(v.high)}`, claim.unit, true)}`;
  }
  if (v.convertedFrom) {
    const km2 = v.amount >= 100 ? Math.round(v.amount) : v.amount;
    return `${QUALIFIER_TEXT[v.qualifier]}${formatAmount(v.convertedFrom.amount)} ${CONVERTED_UNIT_TEXT[v.convertedFrom.unit]} (≈ ${withUnit(formatAmount(km2), claim.unit, true)})`;
  }
  return `${QUALIFIER_TEXT[v.qualifier]}${withUnit(formatAmount(v.amount), claim.unit, v.amount !== 1)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2024-12-16` → `16 December 2024` (no locale dependence). */
export function formatDateIso(dateIso: string): string {
  const [y, m, d] = dateIso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1] ?? '?'} ${y}`;
}

function spanText(startIso: string, endIso: string): string {
  if (startIso === endIso) return formatDateIso(startIso);
  const [ys, ms, ds] = startIso.split('-');
  const [ye, me] = endIso.split('-');
  if (ys === ye && ms === me) return `${Number(ds)}–${formatDateIso(endIso)}`;
  if (ys === ye) return `${Number(ds)} ${MONTHS[Number(ms) - 1] ?? '?'} – ${formatDateIso(endIso)}`;
  return `${formatDateIso(startIso)} – ${formatDateIso(endIso)}`;
}

/** When the figure applies, in words: "as of 16 December 2024", "by 30 November 2024", "peak, 6 August 2024 – 6 January 2025". */
export function claimDateText(claim: Pick<Claim, 'period'>): string {
  const p: ClaimPeriod = claim.period;
  switch (p.kind) {
    case 'instant':
      return `as of ${formatDateIso(p.dateIso)}`;
    case 'by':
      return `by ${formatDateIso(p.dateIso)}`;
    case 'period':
      return spanText(p.startIso, p.endIso);
    case 'peak':
      return `peak, ${spanText(p.startIso, p.endIso)}`;
  }
}

/**
 * The article a claim comes from, as a reader can find it: `“<headline>”, <outlet>`, or `“<headline>” (outlet
 * not named)`; an article without a headline is named by its first words. Never an internal id or file name.
 */
export function articleText(source: Pick<ClaimSource, 'title' | 'opening' | 'outlet'>): string {
  const title = source.title ? `“${source.title}”` : source.opening ? `untitled article beginning “${source.opening}…”` : 'untitled article';
  return source.outlet ? `${title}, ${source.outlet}` : `${title} (outlet not named)`;
}
