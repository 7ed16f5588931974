// Records keyed by names from data (class, measure and clip-region ids) without Object.prototype showing through: a
// class "constructor" or "__proto__" is an ordinary id (issue 15: such ids drew every polygon grey or lost their area).

/** An empty record with no prototype: `r["__proto__"] = x` stores x, and absent keys read as undefined. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * `record[key]` when the record itself has that key, else undefined: never a value inherited from Object.prototype
 * (records that crossed a postMessage have a prototype again).
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
