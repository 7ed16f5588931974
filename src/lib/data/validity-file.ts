// The name of a dataset folder's validity record (validity-record.ts), apart from it: the main thread needs the
// name only, not the record's schema (zod, whose eval probe the app's CSP refuses).
export const VALIDITY_FILE = 'validity.json';
