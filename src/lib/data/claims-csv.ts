// A user's own claims from a spreadsheet (CSV): one claim per row, read into the ledger's `Claim`s so they are
// compared with the polygons exactly as the built-in ones are. Bad rows are named by line and column; good rows
// are kept. Columns and rules: docs/claims.md, "Your own claims (CSV)".
import Papa from 'papaparse';
import { claimSchema, isCalendarDate, type Claim, type ClaimPeriod, type ConvertedAreaUnit, type PointQualifier } from '../domain/claim-schema';
import { describeValue } from './issues';
import type { Issue, Result } from '../domain/types';

/** Limits that keep a wrong file (a whole export, a binary) from freezing the tab; each is reported when hit. */
export const CLAIMS_CSV_LIMITS = {
  /** Claim rows read (below the header); the rest of the file is left out with one issue. */
  maxRows: 10_000,
  /** Characters in one field; a longer field makes its row bad (a quote is a short passage). */
  maxFieldChars: 2_000,
};

/**
 * km² in one unit, exact by definition: the international mile is 1,609.344 m (1959), so 1 mi² =
 * 1,609.344² m² = 2.589988110336 km²; a hectare is 100 m × 100 m = 0.01 km².
 */
export const KM2_PER_UNIT: Readonly<Record<ConvertedAreaUnit, number>> = { mi2: 2.589988110336, ha: 0.01 };

/** Columns, in the order a template would list them. The first four are required. */
export const CLAIMS_CSV_COLUMNS = ['date', 'claimant', 'value', 'unit', 'qualifier', 'quote', 'url', 'reported_by', 'published'] as const;
type Column = (typeof CLAIMS_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['date', 'claimant', 'value', 'unit'];

/** The `unit` column's words (lower case): `km²` and `mi²` as typed with the superscript are accepted too. */
const UNITS = new Map<string, 'km2' | ConvertedAreaUnit | 'settlements'>([
  ['km2', 'km2'],
  ['km²', 'km2'],
  ['mi2', 'mi2'],
  ['mi²', 'mi2'],
  ['ha', 'ha'],
  ['settlements', 'settlements'],
]);
const UNIT_WORDS = ['km2', 'mi2', 'ha', 'settlements'];

/**
 * The `qualifier` column's words → the ledger's qualifiers, normalised as the ledger does (docs/claims.md):
 * around → about, more than → over, less than → under. Empty means none was written (`exact`).
 */
const QUALIFIERS = new Map<string, PointQualifier>([
  ['about', 'about'],
  ['approximately', 'approximately'],
  ['around', 'about'],
  ['at least', 'at_least'],
  ['over', 'over'],
  ['more than', 'over'],
  ['nearly', 'nearly'],
  ['up to', 'up_to'],
  ['under', 'under'],
  ['less than', 'under'],
]);

/** `1250`, `1250.5`, `1,250` (thousands grouped by commas, as a spreadsheet may write them in a quoted field). */
const NUMBER = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

/** Header cell → column name: trimmed, lower case, spaces and hyphens as underscores (`Reported by` → `reported_by`). */
function columnName(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** A readable, kebab-case part of an id from a file name: `My claims.csv` → `my-claims-csv`. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'csv'
  );
}

interface Row {
  /** 1-based line of the file where the row starts. */
  line: number;
  fields: string[];
  /** What the CSV reader itself found wrong with the row (a quote not closed, a stray quote). */
  readProblem?: string;
}

/**
 * Splits the text into rows with the line each starts on (a quoted field may span lines), via Papa Parse
 * (RFC 4180: quoted fields with the delimiter, doubled quotes and line breaks inside; CRLF, LF or CR). A BOM is
 * dropped. Stops after `maxRows` non-blank rows below the header.
 */
function readRows(text: string, maxRows: number): { rows: Row[]; cutAtLine?: number } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: Row[] = [];
  let start = 0;
  let line = 1;
  let cutAtLine: number | undefined;
  // Line breaks as an editor counts them: CRLF, LF or a lone CR, each one (also inside quoted fields).
  const linesIn = (from: number, to: number): number => body.slice(from, to).match(/\r\n|\r|\n/g)?.length ?? 0;
  Papa.parse<string[]>(body, {
    delimitersToGuess: [',', ';', '\t'],
    step(result, parser) {
      const end = result.meta.cursor;
      const fields = result.data;
      const blank = fields.every((f) => f.trim() === '');
      if (!blank && rows.length > maxRows) {
        cutAtLine = line;
        parser.abort();
        return;
      }
      // An unclosed quote swallows the rest of the file: say that rather than the stray quote that caused it.
      const quoteProblem = result.errors.find((e) => e.code === 'MissingQuotes') ?? result.errors.find((e) => e.type === 'Quotes');
      if (!blank || quoteProblem) {
        rows.push({
          line,
          fields,
          ...(quoteProblem
            ? {
                readProblem:
                  quoteProblem.code !== 'MissingQuotes'
                    ? 'a double quote inside a quoted field must be doubled ("")'
                    : result.errors.some((e) => e.code === 'InvalidQuotes')
                      ? 'a quoted field has a double quote inside it that is not doubled (""), so it never closes: the rest of the file was read into it and left out'
                      : 'a quoted field is not closed (a missing double quote), so the rest of the file was read into it and left out',
              }
            : {}),
        });
      }
      line += linesIn(start, end);
      start = end;
    },
  });
  return { rows, ...(cutAtLine === undefined ? {} : { cutAtLine }) };
}

/**
 * Parses a claims CSV into claims. The header names the columns (any order, case ignored): `date`, `claimant`,
 * `value`, `unit` required; `qualifier`, `quote`, `url`, `reported_by`, `published` optional. Each bad row is an
 * error naming the line and column (`line 4, column "value": number expected, "12O" found`) and is left out;
 * the others are kept. Areas in mi² or ha are converted to km² (factors: `KM2_PER_UNIT`), keeping the figure as
 * written. Fails only when the header is unusable or no row is good.
 */
export function parseClaimsCsv(fileName: string, text: string, limits = CLAIMS_CSV_LIMITS): Result<Claim[]> {
  const issues: Issue[] = [];
  const error = (reason: string): Issue => ({ file: fileName, reason, severity: 'error' });
  const { rows, cutAtLine } = readRows(text, limits.maxRows);
  const header = rows.shift();
  if (!header) return { ok: false, issues: [error(`empty file: a header row (${REQUIRED.join(', ')}, …) and one row per claim expected`)] };
  if (header.readProblem) return { ok: false, issues: [error(`line ${header.line} (the header): ${header.readProblem}`)] };

  // Which field holds which column.
  const indexOf = new Map<Column, number>();
  const known = new Set<string>(CLAIMS_CSV_COLUMNS);
  const unknown: string[] = [];
  header.fields.forEach((raw, i) => {
    const name = columnName(raw);
    if (name === '') return;
    if (!known.has(name)) {
      unknown.push(raw.trim());
      return;
    }
    const col = name as Column;
    if (indexOf.has(col)) issues.push(error(`line ${header.line}: column "${col}" appears twice; the first is read`));
    else indexOf.set(col, i);
  });
  const missing = REQUIRED.filter((c) => !indexOf.has(c));
  if (missing.length > 0) {
    const found = header.fields.map((f) => JSON.stringify(f.trim().slice(0, 40))).join(', ');
    issues.push(error(`line ${header.line} (the header): column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} missing; the header has ${found || 'nothing'} (columns: ${CLAIMS_CSV_COLUMNS.join(', ')})`));
    return { ok: false, issues };
  }
  if (unknown.length > 0) {
    issues.push({ file: fileName, reason: `line ${header.line}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(', ')} ignored (columns: ${CLAIMS_CSV_COLUMNS.join(', ')})`, severity: 'warning' });
  }

  const claims: Claim[] = [];
  const idBase = slug(fileName.split('/').pop() ?? fileName);
  for (const row of rows) {
    const r = readClaimRow(fileName, idBase, row, header.fields.length, indexOf, limits.maxFieldChars);
    issues.push(...r.issues);
    if (r.claim) claims.push(r.claim);
  }
  if (cutAtLine !== undefined) {
    issues.push(error(`more than ${limits.maxRows.toLocaleString('en-US')} rows: the first ${limits.maxRows.toLocaleString('en-US')} were read, the rest (from line ${cutAtLine}) was left out`));
  }
  if (rows.length === 0) return { ok: false, issues: [...issues, error('no rows below the header: one row per claim expected')] };
  if (claims.length === 0) return { ok: false, issues };
  return { ok: true, value: claims, issues };
}

/** One row → a claim, or the issues that keep it out (every bad column is named, not only the first). */
function readClaimRow(
  file: string,
  idBase: string,
  row: Row,
  headerWidth: number,
  indexOf: ReadonlyMap<Column, number>,
  maxFieldChars: number,
): { claim?: Claim; issues: Issue[] } {
  const issues: Issue[] = [];
  const at = (column: Column | null, reason: string): void => {
    issues.push({ file, reason: `line ${row.line}${column ? `, column "${column}"` : ''}: ${reason}`, severity: 'error' });
  };
  if (row.readProblem) {
    at(null, row.readProblem);
    return { issues };
  }
  if (row.fields.length > headerWidth) {
    at(null, `${row.fields.length} fields, but the header has ${headerWidth} (a comma in a field that is not in double quotes?); row left out`);
    return { issues };
  }
  const get = (c: Column): string => {
    const i = indexOf.get(c);
    return i === undefined ? '' : (row.fields[i] ?? '').trim();
  };
  for (const c of CLAIMS_CSV_COLUMNS) {
    const v = get(c);
    if (v.length > maxFieldChars) at(c, `text of ${v.length.toLocaleString('en-US')} characters, over the ${maxFieldChars.toLocaleString('en-US')} limit`);
  }
  if (issues.length > 0) return { issues };

  const where = `${file}, line ${row.line}`;
  // date: a day, or a period read as "at its peak" over it.
  const dateText = get('date');
  let period: ClaimPeriod | undefined;
  const span = /^(\S+)\s*\.\.\s*(\S+)$/.exec(dateText);
  const days = span ? [span[1]!, span[2]!] : [dateText];
  if (dateText === '') at('date', 'a date (YYYY-MM-DD, or YYYY-MM-DD..YYYY-MM-DD for a peak over a period) expected, nothing found');
  else if (!days.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) at('date', `date expected as YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, ${describeValue(dateText)} found`);
  else if (!days.every(isCalendarDate)) at('date', `impossible date ${describeValue(days.find((d) => !isCalendarDate(d)))}`);
  else if (span && days[0]! > days[1]!) at('date', `period starts (${days[0]}) after it ends (${days[1]})`);
  else if (span) period = { kind: 'peak', startIso: days[0]!, endIso: days[1]!, explanation: `a period in the "date" column (${where}): read as the largest value over it ("at its peak")` };
  else period = { kind: 'instant', dateIso: days[0]!, explanation: `the "date" column (${where}): the figure as of that day` };

  const claimant = get('claimant');
  if (claimant === '') at('claimant', 'who made the claim expected, nothing found');

  const valueText = get('value');
  const amountStated = NUMBER.test(valueText) ? Number(valueText.replace(/,/g, '')) : NaN;
  if (valueText === '') at('value', 'number expected, nothing found');
  else if (valueText.startsWith('-') && NUMBER.test(valueText.slice(1))) at('value', `a figure of 0 or more expected, ${describeValue(valueText)} found`);
  else if (!Number.isFinite(amountStated)) at('value', `number expected, ${describeValue(valueText)} found`);

  const unitText = get('unit');
  const unit = UNITS.get(unitText.toLowerCase());
  if (!unit) at('unit', `one of ${UNIT_WORDS.map((u) => `"${u}"`).join(', ')} expected, ${describeValue(unitText)} found`);

  const qualifierText = get('qualifier');
  const qualifierKey = qualifierText.toLowerCase().replace(/[\s_]+/g, ' ');
  const qualifier: PointQualifier | undefined = qualifierKey === '' ? 'exact' : QUALIFIERS.get(qualifierKey);
  if (!qualifier) at('qualifier', `one of ${[...QUALIFIERS.keys()].map((q) => `"${q}"`).join(', ')} (or empty) expected, ${describeValue(qualifierText)} found`);

  const url = get('url');
  if (url !== '') {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) at('url', `http(s) URL expected, ${describeValue(url)} found`);
  }

  const published = get('published');
  if (published !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(published)) at('published', `date expected as YYYY-MM-DD, ${describeValue(published)} found`);
    else if (!isCalendarDate(published)) at('published', `impossible date ${describeValue(published)}`);
    else if (period) {
      const last = period.kind === 'instant' || period.kind === 'by' ? period.dateIso : period.endIso;
      if (last > published) at('date', `${last} is after the publication date ${published} (column "published"): a figure cannot speak for a later day`);
    }
  }
  if (issues.length > 0 || !period || !qualifier || !unit) return { issues };

  const reportedBy = get('reported_by');
  const endIso = period.kind === 'peak' || period.kind === 'period' ? period.endIso : period.dateIso;
  const converted = unit === 'mi2' || unit === 'ha';
  const raw: Claim = {
    id: `${idBase}-line-${row.line}`,
    quantity: unit === 'settlements' ? 'settlements_held' : 'area_held',
    value: {
      qualifier,
      amount: converted ? amountStated * KM2_PER_UNIT[unit] : amountStated,
      stated: [qualifierText, valueText, unitText].filter((s) => s !== '').join(' '),
      ...(converted ? { convertedFrom: { unit, amount: amountStated, km2PerUnit: KM2_PER_UNIT[unit] } } : {}),
    },
    unit: unit === 'settlements' ? 'settlements' : 'km2',
    // The CSV has no column for whose ground: the figure is compared with each dataset's measures as they are.
    subject: { side: 'not stated' },
    period,
    claimant: {
      id: `csv:${claimant.toLowerCase()}`,
      kind: reportedBy !== '' && reportedBy.toLowerCase() === claimant.toLowerCase() ? 'outlet' : 'unspecified',
      name: claimant,
      role: where,
    },
    source: {
      outlet: reportedBy === '' ? null : reportedBy,
      ...(reportedBy === '' ? { outletDerivation: `no "reported_by" given (${where})` } : {}),
      author: null,
      publishedIso: published === '' ? endIso : published,
      publishedPrecision: published === '' ? 'not_before' : 'stated',
      ...(published === '' ? { publishedDerivation: `no "published" given (${where}): taken as not before the date the figure speaks for` } : {}),
      url: url === '' ? null : url,
      seedFile: file,
    },
    ...(get('quote') === '' ? {} : { quote: get('quote') }),
  };
  // The ledger's own schema, as a last check (a row that passed the column checks should always pass it).
  const checked = claimSchema.safeParse(raw);
  if (!checked.success) {
    for (const i of checked.error.issues) at(null, `${i.path.join('.')}: ${i.message}`);
    return { issues };
  }
  return { claim: checked.data, issues };
}
