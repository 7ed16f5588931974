// Text from data made safe for a terminal: control characters (which could move the cursor, clear the screen or
// fake a line of output) and bidirectional overrides (which could reorder what is shown) are written as escapes.

/**
 * C0 and C1 controls, DEL, the bidi marks, embeddings, overrides and isolates (U+200E–U+200F, U+202A–U+202E,
 * U+2066–U+2069), and the invisible ones that hide or split text (zero-width U+200B–U+200D, U+2060–U+2065, the line
 * and paragraph separators U+2028–U+2029, the BOM U+FEFF).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are escaped for the terminal.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `a\nb` → `a\\nb`, ESC → `\\u001b`; everything else unchanged. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
