// Text from data made safe for a terminal: control characters (which could move the cursor, clear the screen or
// fake a line of output) and bidirectional overrides (which could reorder what is shown) are written as escapes.

/** C0 and C1 controls, DEL, and the bidi embedding/override/isolate marks (U+202A–U+202E, U+2066–U+2069). */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `a\nb` → `a\\nb`, ESC → `\\u001b`; everything else unchanged. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
