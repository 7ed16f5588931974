// The words every issue is built from: a JSON path to the place, the value found there, an issue not yet tied to a file.

/** An issue not yet tied to a file: what the per-feature and per-field checks produce. */
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
