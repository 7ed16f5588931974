// zod issues in our words, said once for every schema (dataset files, manifests, builds, places, the claims ledger):
// `classes[1].color: #rrggbb colour expected, "blue" found`. Unknown keys are warnings and are ignored everywhere.
import type { z } from 'zod';
import { describeValue, jsonPath, type LocalIssue } from './issue-words';

/** Options for {@link zodIssuesToLocal}. */
export interface ZodWordingOptions {
  /**
   * The values each discriminated union accepts, by discriminator key: zod's issue names the key but not the
   * values, and a reader needs them (`one of "instant", "by" expected, "when" found`).
   */
  discriminatorValues?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A custom check words its issue as what it expects (`{ message: 'ISO date' }` → `ISO date expected, "3/4/22"
 * found`), or, when the message is a whole reason already, says so with `params: { wholeReason: true }`.
 */
export const WHOLE_REASON = { wholeReason: true } as const;

/**
 * Put zod issues into words. Each reason starts with the JSON path (`base` is the path of `value` inside its file,
 * '' for the root) and reads `what expected, value found` (`missing (what expected)` for a field left out); unknown keys become warnings (strict schemas, lenient
 * loading: see {@link parseLenient}), everything else an error.
 */
export function zodIssuesToLocal(issues: readonly z.core.$ZodIssue[], value: unknown, base: string, opts: ZodWordingOptions = {}): LocalIssue[] {
  const out: LocalIssue[] = [];
  for (const iss of issues) {
    const segs = iss.path.filter((s): s is string | number => typeof s !== 'symbol');
    const path = jsonPath(base, ...segs);
    const found = getAt(value, segs);
    const at = path === '' ? '' : `${path}: `;
    const own = isDefault(iss.message) ? undefined : iss.message;
    // A field left out reads `missing (what expected)`; a wrong one `what expected, value found`.
    const expectedFound = (what: string): LocalIssue => ({
      path,
      reason: found === undefined ? `${at}missing (${what} expected)` : `${at}${what} expected, ${describeValue(found)} found`,
      severity: 'error',
    });
    switch (iss.code) {
      case 'unrecognized_keys':
        for (const k of iss.keys) out.push({ path: jsonPath(path, k), reason: `${jsonPath(path, k)}: unknown field, ignored`, severity: 'warning' });
        break;
      case 'invalid_type':
        out.push(expectedFound(own ?? typeWord(iss.expected)));
        break;
      case 'invalid_value':
        out.push(expectedFound(own ?? `one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`));
        break;
      case 'too_small':
        out.push(expectedFound(own ?? (iss.origin === 'string' && Number(iss.minimum) === 1 ? 'non-empty text' : iss.origin === 'array' ? `at least ${String(iss.minimum)} item(s)` : `at least ${String(iss.minimum)}`)));
        break;
      case 'invalid_union': {
        const known = iss.discriminator !== undefined ? opts.discriminatorValues?.[iss.discriminator] : undefined;
        // A union of tuples fails deep inside; report the union's own wording on the whole value.
        out.push(expectedFound(own ?? (known ? `one of ${known.map((v) => JSON.stringify(v)).join(', ')}` : iss.discriminator !== undefined ? `a known ${iss.discriminator}` : 'a different value')));
        break;
      }
      case 'custom':
        if (iss.params?.wholeReason === true) out.push({ path, reason: `${at}${iss.message}`, severity: 'error' });
        else out.push(expectedFound(own ?? 'a different value'));
        break;
      default:
        out.push(own !== undefined ? expectedFound(own) : { path, reason: `${at}${iss.message.replace(/^Invalid input: /, '')}`, severity: 'error' });
    }
  }
  return out;
}

/**
 * Parse with a strict schema but treat unknown keys as warnings: the keys are dropped and the rest
 * is parsed again, so an extra field never costs the user their data.
 */
export function parseLenient<T>(schema: z.ZodType<T>, value: unknown, base: string, opts: ZodWordingOptions = {}): { value?: T; issues: LocalIssue[] } {
  const first = schema.safeParse(value);
  if (first.success) return { value: first.data, issues: [] };
  const issues = zodIssuesToLocal(first.error.issues, value, base, opts);
  const unknown = first.error.issues.filter((i) => i.code === 'unrecognized_keys');
  if (unknown.length !== first.error.issues.length) return { issues };
  const stripped = structuredClone(value);
  for (const u of unknown) {
    const holder = getAt(stripped, u.path.filter((s): s is string | number => typeof s !== 'symbol'));
    if (isPlainObject(holder) && u.code === 'unrecognized_keys') for (const k of u.keys) delete holder[k];
  }
  const second = schema.safeParse(stripped);
  return second.success ? { value: second.data, issues } : { issues: [...issues, ...zodIssuesToLocal(second.error.issues, stripped, base, opts)] };
}

function isDefault(message: string): boolean {
  // zod's own messages start like this; ours are short "what is expected" phrases.
  return /^(Invalid|Too (small|big)|Unrecognized)/.test(message);
}

function typeWord(t: string): string {
  return t === 'string' ? 'text' : t;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function getAt(v: unknown, segs: readonly (string | number)[]): unknown {
  let cur = v;
  for (const s of segs) {
    if (Array.isArray(cur) && typeof s === 'number') cur = cur[s];
    else if (isPlainObject(cur) && typeof s === 'string' && Object.hasOwn(cur, s)) cur = cur[s];
    else return undefined;
  }
  return cur;
}
