// The place claims file (`placeClaimsFile`, CSV): dated claims about named places ("Russia recaptured Snagost").
// Parsed with Papa Parse; every bad row is named by its line and column and left out, the good ones kept.
//
// Columns (header row, any order; extra columns are ignored with a warning):
//   date        YYYY-MM-DD of the statement
//   settlement  the place as the source names it ("(count) 82 settlements" for a total)
//   claimant    who said it; claim: what was said, in short; quote: the words; source: http(s) URL of the page
//   asserts     what the claim says of the place's control: held:<ISO country> | entered:<ISO country> | contested
//   settlement_ru, place_id, place_match, count (optional): Russian name, gazetteer id (blank if the gazetteer
//               lacks the place), how the id was matched, and the number of a total
import Papa from 'papaparse';
import type { Issue, Result } from '../domain/types';
import { DEFAULT_MAX_BYTES, decodeText, type FileInput } from './decode';
import { isCalendarDate } from '../domain/claim-schema';
import { describeValue } from './issues';
import { parseAssertion, type PlaceClaim } from '../domain/place-assertion';

export { formatAssertion, parseAssertion, type PlaceAssertion, type PlaceClaim } from '../domain/place-assertion';


const REQUIRED = ['date', 'settlement', 'claimant', 'claim', 'source', 'quote', 'asserts'] as const;
const OPTIONAL = ['settlement_ru', 'place_id', 'place_match', 'count', 'gazetteer_source_id'] as const;
const KNOWN = new Set<string>([...REQUIRED, ...OPTIONAL]);

function slug(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'place';
}

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Parse a place claims CSV. `knownPlaceIds`, when given, checks each `place_id`: an unknown one is a warning and
 * the claim is kept as about a place the gazetteer lacks. Fails only when the file is unreadable, lacks a
 * required column, or no row survives while some were bad.
 */
export function parsePlaceClaimsCsv(input: FileInput, opts: { knownPlaceIds?: ReadonlySet<string>; maxBytes?: number } = {}): Result<PlaceClaim[]> {
  const file = input.file;
  const decoded = decodeText(input, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  if (!decoded.ok) return decoded;
  // A byte-order mark is usual in CSV from spreadsheets (decodeText's warning is about JSON): dropped silently.
  const issues: Issue[] = decoded.issues.filter((i) => !i.reason.startsWith('starts with a byte-order mark'));
  const text = decoded.value;
  if (text.trim() === '') return { ok: false, issues: [...issues, { file, reason: 'empty: a header row and at least one claim expected', severity: 'error' }] };

  // Rows with the offset where each starts, so an error can name its line (a quoted field may hold line breaks).
  const rows: { fields: string[]; line: number }[] = [];
  let lineAt = 1;
  let counted = 0;
  const lineOf = (offset: number): number => {
    for (; counted < offset && counted < text.length; counted++) if (text.charCodeAt(counted) === 10) lineAt++;
    return lineAt;
  };
  let rowStart = 0;
  const parseErrors: { line: number; message: string }[] = [];
  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (r) => {
      const line = lineOf(rowStart);
      rowStart = r.meta.cursor;
      // Skip the newline that ends the row, so the next row's start is its first character.
      while (rowStart < text.length && (text[rowStart] === '\n' || text[rowStart] === '\r')) {
        if (text[rowStart] === '\n') { rowStart++; break; }
        rowStart++;
      }
      for (const e of r.errors) parseErrors.push({ line, message: e.message });
      const fields = r.data;
      if (fields.length === 1 && fields[0] === '') return; // blank line
      rows.push({ fields, line });
    },
  });
  for (const e of parseErrors) issues.push({ file, path: `line ${e.line}`, reason: `line ${e.line}: ${e.message}`, severity: 'error' });

  const header = rows.shift();
  if (!header) return { ok: false, issues: [...issues, { file, reason: 'no header row', severity: 'error' }] };
  const columns = header.fields.map((h) => h.trim());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length > 0)
    return { ok: false, issues: [...issues, { file, path: 'line 1', reason: `line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => JSON.stringify(c)).join(', ')} (the header has ${columns.map((c) => JSON.stringify(c)).join(', ')})`, severity: 'error' }] };
  const unknown = columns.filter((c) => c !== '' && !KNOWN.has(c));
  if (unknown.length > 0) issues.push({ file, path: 'line 1', reason: `line 1: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => JSON.stringify(c)).join(', ')}; ignored`, severity: 'warning' });
  const col = new Map(columns.map((c, i) => [c, i]));

  const claims: PlaceClaim[] = [];
  const usedIds = new Map<string, number>();
  let bad = 0;
  for (const { fields, line } of rows) {
    const rowIssues: Issue[] = [];
    const at = (name: string, reason: string, severity: Issue['severity'] = 'error') => {
      const where = `line ${line}, column ${(col.get(name) ?? 0) + 1} (${name})`;
      rowIssues.push({ file, path: where, reason: `${where}: ${reason}`, severity });
    };
    if (fields.length !== columns.length) {
      const where = `line ${line}`;
      rowIssues.push({ file, path: where, reason: `${where}: ${fields.length} fields, ${columns.length} expected (a comma inside a field needs quotes)`, severity: 'error' });
    }
    const get = (name: string): string => (fields[col.get(name) ?? -1] ?? '').trim();
    const required = (name: string): string => {
      const v = get(name);
      if (v === '') at(name, 'empty; text expected');
      return v;
    };
    const dateIso = required('date');
    if (dateIso !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(dateIso)) at('date', `ISO date (YYYY-MM-DD) expected, ${describeValue(dateIso)} found`);
    else if (dateIso !== '' && !isCalendarDate(dateIso)) at('date', `impossible date ${describeValue(dateIso)}`);
    const settlement = required('settlement');
    const claimant = required('claimant');
    const claim = required('claim');
    const quote = required('quote');
    const sourceUrl = required('source');
    if (sourceUrl !== '' && !isHttpUrl(sourceUrl)) at('source', `http(s) URL expected, ${describeValue(sourceUrl)} found`);
    const assertsText = required('asserts');
    const asserts = parseAssertion(assertsText);
    if (assertsText !== '' && !asserts) at('asserts', `held:<country code>, entered:<country code> or contested expected, ${describeValue(assertsText)} found`);
    const countText = get('count');
    const count = countText === '' ? null : Number(countText);
    if (count !== null && !(Number.isInteger(count) && count >= 0)) at('count', `whole number ≥ 0 expected, ${describeValue(countText)} found`);
    const isCount = settlement.startsWith('(count)');
    let placeId: string | null = get('place_id') || null;
    if (placeId && isCount) at('place_id', `a total names no place; place_id ${describeValue(placeId)} ignored`, 'warning');
    if (placeId && opts.knownPlaceIds && !opts.knownPlaceIds.has(placeId)) {
      at('place_id', `${describeValue(placeId)} is not in the places file; the claim is listed as about a place the gazetteer lacks`, 'warning');
      placeId = null;
    }
    issues.push(...rowIssues);
    if (rowIssues.some((i) => i.severity === 'error') || !asserts) {
      bad++;
      continue;
    }
    const base = `${dateIso}-${slug(settlement)}`;
    const n = (usedIds.get(base) ?? 0) + 1;
    usedIds.set(base, n);
    claims.push({
      id: n === 1 ? base : `${base}-${n}`,
      line,
      dateIso,
      settlement,
      settlementRu: get('settlement_ru') || null,
      placeId: isCount ? null : placeId,
      placeMatch: get('place_match') || null,
      claimant,
      claim,
      asserts,
      isCount,
      count: count !== null && Number.isInteger(count) && count >= 0 ? count : null,
      sourceUrl,
      quote,
    });
  }
  if (claims.length === 0 && (bad > 0 || rows.length === 0))
    return { ok: false, issues: [...issues, { file, reason: rows.length === 0 ? 'no claim rows after the header' : 'no usable claim left', severity: 'error' }] };
  return { ok: true, value: claims, issues };
}
