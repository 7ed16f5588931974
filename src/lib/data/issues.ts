// Small helpers for building Issues that name the place (JSON path, value found) in plain words.
import type { Issue } from '../domain/types';
import { describeValue, type LocalIssue } from '../domain/issue-words';

// The path, value and local-issue words live in domain/ (the claim schema words its issues with them too).
export { describeValue, jsonPath, type LocalIssue } from '../domain/issue-words';

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

/**
 * Append `items` to `target` one by one. `target.push(...items)` passes every item as an argument, and past about
 * 100,000 (a file with that many bad features) the engine throws a RangeError: the app then reported "internal error".
 */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
