// Text for a terminal: names and strings from data are printed with their control characters escaped, so a file
// name or a manifest entry cannot move the cursor, clear the screen, recolour the output or print a fake summary.

// C0 controls (newline included: a reason must stay one line), DEL, C1 controls, and the Unicode format characters
// that reorder or hide text (bidirectional overrides and isolates, zero-width marks, the BOM).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** `s` with every control or reordering character written as an escape (`\x1b`, `\u202e`), everything else as is. */
export function escapeForTerminal(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
