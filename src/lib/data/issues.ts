// Small helpers for building Issues that name the place (JSON path, value found) in plain words.
import type { Issue } from '../domain/types';

/** An issue not yet tied to a file: what the per-feature checks produce. */
export interface LocalIssue {
  path?: string;
  reason: string;
  severity: 'error' | 'warning';
}

/** Build a JSON path like `features[3].properties["name:en"]` from segments. */
export function jsonPath(base: string, ...segments: (string | number)[]): string {
  let out = base;
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Describe a value the way a reason quotes it: strings quoted and shortened, numbers as written,
 * containers by kind (a whole array in a message would drown the point).
 */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') {
    const s = v.length > 40 ? `${v.slice(0, 37)}…` : v;
    return JSON.stringify(s);
  }
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty array' : `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** `what expected, X found`, prefixed by the path when there is one. */
export function expected(path: string | undefined, what: string, found: unknown): string {
  const body = `${what} expected, ${describeValue(found)} found`;
  return path ? `${path}: ${body}` : body;
}

/** Turn local issues into Issues for one file (and optionally one feature). */
export function toIssues(
  file: string,
  local: LocalIssue[],
  feature?: { index: number; id?: string | number },
): Issue[] {
  return local.map((l) => {
    const issue: Issue = { file, reason: l.reason, severity: l.severity };
    if (feature) {
      issue.featureIndex = feature.index;
      if (feature.id !== undefined) issue.featureId = feature.id;
    }
    if (l.path !== undefined) issue.path = l.path;
    return issue;
  });
}

/** True if a plain (non-array) object. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Count errors in a list of issues. */
export function countErrors(issues: readonly Issue[]): number {
  let n = 0;
  for (const i of issues) if (i.severity === 'error') n++;
  return n;
}

/**
 * Append `items` to `target` one by one. `target.push(...items)` passes every item as an argument, and past about
 * 100,000 (a file with that many bad features) the engine throws a RangeError: the app then reported "internal error".
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
