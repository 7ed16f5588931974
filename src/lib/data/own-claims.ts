// A user's claims CSVs among the files they open: taken apart from the dataset's files, decoded and read (the
// CSV reader and its library are loaded only when a CSV is opened), and merged with the claims already added.
import type { FetchedFile } from './fetch-files';
import { translateEn, type Translate } from '../i18n/catalogue';
import type { Claim } from '../domain/claim-schema';
import type { Issue } from '../domain/types';

/** True for a file name the claims reader takes (`.csv`). */
export function isClaimsCsvName(path: string): boolean {
  return /\.csv$/i.test(path);
}

/**
 * The claims CSVs among the files read, and the rest (for the dataset loader). A CSV that a `dataset.json` among
 * them names as its `placeClaimsFile` is part of that dataset (its claims about places), not a claims sheet.
 */
export function splitClaimsFiles<F extends { path: string; bytes?: Uint8Array }>(files: readonly F[]): { csv: F[]; data: F[] } {
  const listed = new Set<string>();
  for (const f of files) {
    const m = /(^|\/)dataset\.json$/i.exec(f.path);
    if (!m || !f.bytes) continue;
    try {
      const name = (JSON.parse(new TextDecoder().decode(f.bytes)) as { placeClaimsFile?: unknown }).placeClaimsFile;
      if (typeof name === 'string') listed.add(f.path.slice(0, f.path.length - 'dataset.json'.length) + name.replace(/^\.\//, ''));
    } catch {
      // An unreadable manifest is the loader's to report.
    }
  }
  const csv: F[] = [];
  const data: F[] = [];
  for (const f of files) (isClaimsCsvName(f.path) && !listed.has(f.path) ? csv : data).push(f);
  return { csv, data };
}

/** What the claims CSVs gave: their claims (in file order), the problems found, and the files read. */
export interface OwnClaimsRead {
  claims: Claim[];
  issues: Issue[];
  /** The file names as the claims and issues name them. */
  files: string[];
}

/**
 * Reads claims CSVs (UTF-8; a BOM is dropped). A file that is not UTF-8 is reported with how to fix it; each
 * file's bad rows are issues naming line and column. Never throws for bad data.
 */
export async function readClaimsFiles(csv: readonly FetchedFile[]): Promise<OwnClaimsRead> {
  const out: OwnClaimsRead = { claims: [], issues: [], files: [] };
  if (csv.length === 0) return out;
  const { parseClaimsCsv } = await import('./claims-csv');
  for (const f of csv) {
    out.files.push(f.path);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(f.bytes);
    } catch {
      out.issues.push({ file: f.path, reason: 'not UTF-8 text: save the spreadsheet as “CSV UTF-8” and open it again', severity: 'error' });
      continue;
    }
    const r = parseClaimsCsv(f.path, text);
    out.issues.push(...r.issues);
    if (r.ok) out.claims.push(...r.value);
  }
  return out;
}

/**
 * The user's claims after reading some files again: claims from those files are replaced (opening a corrected
 * sheet does not add its rows twice), the others kept, in the order they were added.
 */
export function mergeOwnClaims(existing: readonly Claim[], read: OwnClaimsRead): Claim[] {
  const files = new Set(read.files);
  return [...existing.filter((c) => !files.has(c.source.seedFile)), ...read.claims];
}

/** The issues after reading some claims files again: those files' earlier issues are dropped, the new added. */
export function mergeOwnClaimsIssues(existing: readonly Issue[], read: OwnClaimsRead): Issue[] {
  const files = new Set(read.files);
  return [...existing.filter((i) => !files.has(i.file)), ...read.issues];
}

/** A notice for the user: what was added, and where the problems are listed. */
export function ownClaimsNotice(read: OwnClaimsRead, t: Translate = translateEn): string {
  const n = read.claims.length;
  const errors = read.issues.filter((i) => i.severity === 'error').length;
  const names = read.files.map((f) => t('open.origin.file', { name: f })).join(', ');
  const head = n > 0 ? t('open.notice.claimsAdded', { count: n, names }) : t('open.notice.noClaims', { names });
  return errors > 0 ? `${head} ${t('open.notice.claimProblems', { count: errors })}` : head;
}
