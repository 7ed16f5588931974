// The claims ledger (geodata/<dataset>/claims.json): its zod schema, its types, and a parser that keeps good claims and names each bad one.
import './zod-config'; // before any schema is built: no eval probe under the CSP
import { z } from 'zod';
import type { Issue, Result } from './types';
import { formatCount, MAX_SNAPSHOTS, MAX_TEXT_CHARS, SUPPORTED_DATES } from './limits';
import { hasIsoDateShape, isIsoDate } from './timeline';
import { parseLenient, WHOLE_REASON } from './zod-wording';

const isoDate = z.string().check((ctx) => {
  if (!hasIsoDateShape(ctx.value)) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: 'ISO date' });
  } else if (!isIsoDate(ctx.value)) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `impossible date ${JSON.stringify(ctx.value)}`, params: WHOLE_REASON });
  } else if (ctx.value < SUPPORTED_DATES.firstIso || ctx.value > SUPPORTED_DATES.lastIso) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `date ${ctx.value} outside the supported range ${SUPPORTED_DATES.firstIso} … ${SUPPORTED_DATES.lastIso}`, params: WHOLE_REASON });
  }
});

// A claim's text is a short passage, not a document: past MAX_TEXT_CHARS it is refused (limits.ts).
const text = z.string().trim().min(1).check((ctx) => {
  if (ctx.value.length > MAX_TEXT_CHARS)
    ctx.issues.push({ code: 'custom', input: ctx.value, message: `${formatCount(ctx.value.length)} characters, over the limit of ${formatCount(MAX_TEXT_CHARS)}`, params: WHOLE_REASON });
});

/**
 * What a figure counts. Area and settlements are about ground; the rest are about people and kit.
 * `personnel_losses` is a total as the source words it (killed + wounded, sometimes + captured: see the claim's
 * quote); `casualties` is used when the source gives no breakdown at all.
 */
export const QUANTITIES = [
  'area_held',
  'area_share_lost',
  'settlements_held',
  'personnel_losses',
  'casualties',
  'killed',
  'wounded',
  'killed_or_wounded',
  'captured',
  'troops_deployed',
  'reinforcements_planned',
  'equipment_destroyed',
  'formations_destroyed',
  'force_share_lost',
] as const;
export const quantitySchema = z.enum(QUANTITIES);

export const UNITS = ['km2', 'settlements', 'personnel', 'units', 'brigades', 'percent'] as const;
export const unitSchema = z.enum(UNITS);

/**
 * How a single figure was qualified, normalised from the source's words (which `stated` keeps):
 * around → about, roughly → approximately, more than / surpassed → over, almost → nearly, less than → under.
 * `exact` means no qualifier was written, not that the figure is precise. Semantics: src/lib/domain/claim-interval.ts.
 */
export const POINT_QUALIFIERS = ['exact', 'approximately', 'about', 'at_least', 'over', 'nearly', 'up_to', 'under'] as const;

/** Area units a figure may be stated in besides km², converted at reading (see `KM2_PER_UNIT`). */
export const CONVERTED_AREA_UNITS = ['mi2', 'ha'] as const;

const pointValue = z.strictObject({
  qualifier: z.enum(POINT_QUALIFIERS),
  /** The figure in `unit` (for a converted figure: `convertedFrom.amount × convertedFrom.km2PerUnit`). */
  amount: z.number().finite().nonnegative(),
  /** The figure in the source's own words, e.g. "approximately 1,300 square kilometers". */
  stated: text,
  /**
   * The figure as stated in another area unit, when `amount` is its conversion to km². Kept because the
   * rounding a figure shows is in the unit it was written in: "500 mi²" is rounded to the hundred square miles,
   * which its 1,294.99 km² no longer shows.
   */
  convertedFrom: z
    .strictObject({ unit: z.enum(CONVERTED_AREA_UNITS), amount: z.number().finite().nonnegative(), km2PerUnit: z.number().finite().positive() })
    .optional(),
});

const rangeValue = z.strictObject({
  qualifier: z.literal('range'),
  low: z.number().finite().nonnegative(),
  high: z.number().finite().nonnegative(),
  /** True when the range itself is hedged ("approximately 10,000 to 12,000", "an estimated …"). */
  approximate: z.boolean().optional(),
  stated: text,
});

export const claimValueSchema = z.discriminatedUnion('qualifier', [pointValue, rangeValue]);

export const subjectSchema = z.strictObject({
  /** Whose troops / ground: 'Ukraine', 'Russia', 'North Korea'. */
  side: text,
  place: text.optional(),
});

const explanation = text;
/**
 * The date or period a figure refers to (often not the publication date), with how it was read:
 * - instant: true on that day ("currently", "as of");
 * - by: cumulative, reached by that day ("by November 2024", "have been killed");
 * - period: over the period ("over the past six months"); compared at its end;
 * - peak: the largest value during the period ("at its peak", "initially seized").
 */
export const claimPeriodSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('instant'), dateIso: isoDate, explanation }),
  z.strictObject({ kind: z.literal('by'), dateIso: isoDate, explanation }),
  z.strictObject({ kind: z.literal('period'), startIso: isoDate, endIso: isoDate, explanation }),
  z.strictObject({ kind: z.literal('peak'), startIso: isoDate, endIso: isoDate, explanation }),
]);

export const claimantSchema = z.strictObject({
  /** Stable id shared by every claim from the same claimant (e.g. 'zelensky'), across outlets. */
  id: text,
  /** `unspecified`: the record gives only a name (a user's claims CSV has no column for the kind). */
  kind: z.enum(['person', 'body', 'unnamed', 'outlet', 'unspecified']),
  /** 'Volodymyr Zelensky', "General Staff of the Armed Forces of Ukraine", 'the outlet itself'. */
  name: text,
  /** 'President of Ukraine', 'South Korean MP', 'unattributed statement by Euromaidan Press'. */
  role: text,
  /** Who relayed it, when the outlet had it second-hand from someone other than the claimant. */
  via: text.optional(),
});

export const claimSourceSchema = z.strictObject({
  /** Outlet name, or null when the article text does not name it (never guessed). */
  outlet: text.nullable(),
  outletDerivation: text.optional(),
  /** The article's headline as printed, or null when the text has none (then `opening` identifies it). */
  title: text.nullable().optional(),
  /** The article's first words, for an article without a headline. */
  opening: text.optional(),
  author: text.nullable(),
  /** Publication date; see `publishedPrecision`. */
  publishedIso: isoDate,
  /** stated: printed in the article; derived: worked out from the text; not_before: only a lower bound is known. */
  publishedPrecision: z.enum(['stated', 'derived', 'not_before']),
  publishedDerivation: text.optional(),
  /** Only a link the article text itself gives; otherwise null. */
  url: z.url({ protocol: /^https?$/, error: 'http(s) URL' }).nullable(),
  /** File the claim was read from: a seed article (`000_979723b9ecb291e0.txt`), or a user's claims CSV. */
  seedFile: text,
  /** Whom the outlet cites for the figure, in its words. */
  citedSource: text.optional(),
});

export const claimSchema = z.strictObject({
  /** Stable, readable id: `<seed>-<side>-<what>-<figure>`, e.g. `s000-ua-area-peak-1300`. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'lower-case kebab-case id' }),
  quantity: quantitySchema,
  value: claimValueSchema,
  unit: unitSchema,
  subject: subjectSchema,
  period: claimPeriodSchema,
  claimant: claimantSchema,
  source: claimSourceSchema,
  /** The exact short passage the figure comes from (required in the ledger; a user's CSV may have none). */
  quote: text.optional(),
  note: text.optional(),
});

export const claimsFileSchema = z.strictObject({
  version: z.literal(1),
  datasetId: text,
  description: text.optional(),
  notes: z.array(text).optional(),
  claims: z.array(z.unknown()),
});

export type Quantity = z.infer<typeof quantitySchema>;
export type ClaimUnit = z.infer<typeof unitSchema>;
export type PointQualifier = (typeof POINT_QUALIFIERS)[number];
export type ConvertedAreaUnit = (typeof CONVERTED_AREA_UNITS)[number];
export type Qualifier = PointQualifier | 'range';
export type ClaimValue = z.infer<typeof claimValueSchema>;
export type ClaimPeriod = z.infer<typeof claimPeriodSchema>;
export type Claimant = z.infer<typeof claimantSchema>;
export type ClaimSource = z.infer<typeof claimSourceSchema>;
export type Claim = z.infer<typeof claimSchema>;

// ---------------------------------------------------------------------------------------------------------
// Issue wording

/** Values of each union's discriminator, for messages (zod's issue does not carry them). */
const DISCRIMINATOR_VALUES: Record<string, readonly string[]> = {
  kind: ['instant', 'by', 'period', 'peak'],
  qualifier: [...POINT_QUALIFIERS, 'range'],
};

/**
 * Parse one part of the file (the envelope at `[]`, a claim at `['claims', i]`) in zod-wording.ts's words: unknown
 * keys are warnings and dropped, as in every other file the app reads. A root issue reads `top level: …`.
 */
function parseAt<T>(schema: z.ZodType<T>, file: string, basePath: readonly ['claims', number] | readonly [], value: unknown, claimId?: string): { value?: T; issues: Issue[] } {
  const base = basePath.length === 0 ? '' : `claims[${basePath[1]}]`;
  const r = parseLenient(schema, value, base, { discriminatorValues: DISCRIMINATOR_VALUES });
  const issues = r.issues.map((l): Issue => ({
    file,
    ...(claimId === undefined ? {} : { featureId: claimId }),
    ...(basePath.length === 2 ? { featureIndex: basePath[1] } : {}),
    path: l.path ?? base,
    reason: (l.path ?? base) === '' ? `top level: ${l.reason}` : l.reason,
    severity: l.severity,
  }));
  return r.value === undefined ? { issues } : { value: r.value, issues };
}

// ---------------------------------------------------------------------------------------------------------
// Checks zod cannot express per field

function claimDates(period: ClaimPeriod): string[] {
  return period.kind === 'instant' || period.kind === 'by' ? [period.dateIso] : [period.startIso, period.endIso];
}

/** Cross-field checks on one claim that parsed: low ≤ high, start ≤ end, not after publication, derivations given. */
function semanticIssues(file: string, index: number, claim: Claim, snapshotDates: readonly string[] | undefined): Issue[] {
  const out: Issue[] = [];
  const at = (path: string, reason: string, severity: Issue['severity'] = 'error'): void => {
    const p = `claims[${index}].${path}`;
    out.push({ file, featureIndex: index, featureId: claim.id, path: p, reason: `${p}: ${reason}`, severity });
  };
  if (claim.value.qualifier === 'range' && claim.value.low > claim.value.high) {
    at('value', `low ${claim.value.low} is greater than high ${claim.value.high}`);
  }
  if (claim.unit === 'percent') {
    const top = claim.value.qualifier === 'range' ? claim.value.high : claim.value.amount;
    if (top > 100) at('value', `a percentage above 100 (${top})`);
  }
  const p = claim.period;
  if ((p.kind === 'period' || p.kind === 'peak') && p.startIso > p.endIso) {
    at('period', `period starts (${p.startIso}) after it ends (${p.endIso})`);
  }
  // A figure cannot refer to a day after the article was written, unless only a lower bound of that day is known.
  if (claim.source.publishedPrecision !== 'not_before') {
    for (const d of claimDates(p)) {
      if (d > claim.source.publishedIso) at('period', `date ${d} is after the article's publication (${claim.source.publishedIso})`);
    }
  }
  if (claim.source.publishedPrecision !== 'stated' && !claim.source.publishedDerivation) {
    at('source.publishedDerivation', `required when publishedPrecision is "${claim.source.publishedPrecision}"`);
  }
  if (claim.source.outlet === null && !claim.source.outletDerivation) {
    at('source.outletDerivation', 'required when outlet is null (say what the text gives instead)');
  }
  // The ledger quotes every figure; only a user's CSV (claims-csv.ts) may leave the quote out.
  if (claim.quote === undefined) at('quote', 'required in a claims file (the exact passage the figure comes from)');
  if (snapshotDates && snapshotDates.length > 0) {
    const first = snapshotDates[0]!;
    const last = snapshotDates[snapshotDates.length - 1]!;
    for (const d of claimDates(p)) {
      if (d < first) at('period', `date ${d} is before the first snapshot (${first})`, 'warning');
      else if (d > last) at('period', `date ${d} is after the last snapshot (${last})`, 'warning');
    }
  }
  return out;
}

/**
 * Parses a claims ledger. Every claim is checked on its own: a bad one is reported (file, index, id, JSON path,
 * reason such as `claims[3].period.dateIso: ISO date expected, "3/4/22" found`) and left out; good ones are kept.
 * Duplicate ids are errors (the first keeps its place). With `snapshotDates` (sorted), dates outside the snapshot
 * range are reported as warnings. Fails only when the file itself is malformed or no claim survives while some
 * were bad.
 */
export function parseClaimsFile(fileName: string, json: unknown, opts: { snapshotDates?: string[] } = {}): Result<Claim[]> {
  const issues: Issue[] = [];
  const envelope = parseAt(claimsFileSchema, fileName, [], json);
  issues.push(...envelope.issues);
  if (envelope.value === undefined) {
    if (issues.every((i) => i.severity !== 'error')) issues.push({ file: fileName, reason: 'not a claims file', severity: 'error' });
    return { ok: false, issues };
  }
  const claims: Claim[] = [];
  // As many claims as snapshots at most (limits.ts): each becomes a mark on the slider and a row of the table.
  if (envelope.value.claims.length > MAX_SNAPSHOTS) {
    issues.push({ file: fileName, path: 'claims', reason: `claims: ${formatCount(envelope.value.claims.length)} entries, over the limit of ${formatCount(MAX_SNAPSHOTS)}; only the first ${formatCount(MAX_SNAPSHOTS)} are read`, severity: 'error' });
    envelope.value.claims.length = MAX_SNAPSHOTS;
  }
  const firstIndexById = new Map<string, number>();
  const claimantById = new Map<string, { name: string; index: number }>();
  envelope.value.claims.forEach((raw, index) => {
    const rawId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    const parsed = parseAt(claimSchema, fileName, ['claims', index], raw, rawId);
    issues.push(...parsed.issues);
    if (parsed.value === undefined) return;
    const claim = parsed.value;
    const earlier = firstIndexById.get(claim.id);
    if (earlier !== undefined) {
      const p = `claims[${index}].id`;
      issues.push({ file: fileName, featureIndex: index, featureId: claim.id, path: p, reason: `${p}: duplicate id "${claim.id}" (first used by claims[${earlier}])`, severity: 'error' });
      return;
    }
    const semantic = semanticIssues(fileName, index, claim, opts.snapshotDates);
    issues.push(...semantic);
    if (semantic.some((i) => i.severity === 'error')) return;
    firstIndexById.set(claim.id, index);
    const known = claimantById.get(claim.claimant.id);
    if (known && known.name !== claim.claimant.name) {
      const p = `claims[${index}].claimant.name`;
      issues.push({ file: fileName, featureIndex: index, featureId: claim.id, path: p, reason: `${p}: claimant "${claim.claimant.id}" is named "${known.name}" in claims[${known.index}] but "${claim.claimant.name}" here`, severity: 'warning' });
    } else if (!known) {
      claimantById.set(claim.claimant.id, { name: claim.claimant.name, index });
    }
    claims.push(claim);
  });
  const anyError = issues.some((i) => i.severity === 'error');
  if (claims.length === 0 && anyError) return { ok: false, issues };
  return { ok: true, value: claims, issues };
}
