// Bytes to a JSON value, with a size limit checked first and encoding/syntax errors located for the user.
import type { Issue, Result } from '../domain/types';
import { MAX_FILE_BYTES, MAX_JSON_DEPTH, overSizeLimit } from '../domain/limits';

/** Default largest file accepted, in bytes (50 MB): bigger files are rejected before decoding. */
export const DEFAULT_MAX_BYTES = MAX_FILE_BYTES;

/** One input file: raw bytes (preferred, so encoding can be checked) or already-decoded text. */
export interface FileInput {
  file: string;
  bytes?: Uint8Array;
  text?: string;
}

/** Decode a file to a JSON value. Never throws; every failure is an Issue naming the file. */
export function decodeJsonFile(input: FileInput, maxBytes: number = DEFAULT_MAX_BYTES): Result<unknown> {
  const text = decodeText(input, maxBytes);
  if (!text.ok) return text;
  const parsed = parseJson(input.file, text.value);
  return parsed.ok ? { ok: true, value: parsed.value, issues: [...text.issues, ...parsed.issues] } : { ok: false, issues: [...text.issues, ...parsed.issues] };
}

/** Check size and UTF-8, strip a byte-order mark (with a warning). */
export function decodeText(input: FileInput, maxBytes: number = DEFAULT_MAX_BYTES): Result<string> {
  const { file } = input;
  const err = (reason: string): Result<string> => ({ ok: false, issues: [{ file, reason, severity: 'error' }] });
  const size = input.bytes ? input.bytes.byteLength : input.text !== undefined ? utf8Length(input.text, maxBytes) : 0;
  if (size > maxBytes)
    return err(overSizeLimit(size, maxBytes));
  let text: string;
  if (input.bytes) {
    const b = input.bytes;
    const sniff = sniffBinary(b);
    if (sniff) return err(`not UTF-8 text: ${sniff}`);
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(b);
    } catch {
      const at = firstInvalidUtf8(b);
      return err(
        `not UTF-8: invalid byte 0x${(b[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at}` +
          ` (line ${lineOfByte(b, at)}); save the file as UTF-8`,
      );
    }
  } else if (input.text !== undefined) {
    text = input.text;
  } else {
    return err('no content given (neither bytes nor text)');
  }
  const issues: Issue[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    issues.push({ file, reason: 'starts with a byte-order mark (not allowed in JSON, RFC 8259 §8.1); ignored', severity: 'warning' });
  }
  return { ok: true, value: text, issues };
}

/** Parse JSON text; on failure give line and column. Text nested deeper than MAX_JSON_DEPTH is refused unparsed. */
export function parseJson(file: string, text: string): Result<unknown> {
  if (text.trim() === '') return { ok: false, issues: [{ file, reason: 'not JSON: the file is empty', severity: 'error' }] };
  if (looksLikeHtml(text)) return { ok: false, issues: [{ file, reason: 'not JSON: an HTML page (a web page saved or served in place of the file?)', severity: 'error' }] };
  const deep = tooDeepAt(text, MAX_JSON_DEPTH);
  if (deep !== undefined) {
    const { line, col } = lineAndColumn(text, deep);
    return {
      ok: false,
      issues: [{ file, reason: `nested more than ${MAX_JSON_DEPTH} levels deep (at line ${line}, column ${col}); no dataset file needs that many, so it is not read`, severity: 'error' }],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, issues: [] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, issues: [{ file, reason: `not JSON: ${describeJsonError(text, msg)}`, severity: 'error' }] };
  }
}

/**
 * Engines word JSON errors differently and some give no position (V8 now quotes the text instead), so
 * find the first error ourselves; fall back to the engine's words if our scan finds none.
 */
function describeJsonError(text: string, msg: string): string {
  const at = locateJsonError(text);
  if (!at) return msg;
  const { line, col } = lineAndColumn(text, at.offset);
  const found = at.offset >= text.length ? 'end of the file' : JSON.stringify(String.fromCodePoint(text.codePointAt(at.offset) ?? 0));
  return `unexpected ${found} at line ${line}, column ${col}${at.hint ? ` (${at.hint})` : ''}`;
}

function lineAndColumn(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/** True for text that starts like an HTML document (what a web server's fallback page or a saved page is). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|!--)/i.test(text.slice(0, 512));
}

/**
 * Offset of the first bracket that opens level `max + 1` of nesting, outside strings; undefined when the text
 * never nests that deep. One linear pass with no recursion and no allocation, so it is safe on any input.
 */
export function tooDeepAt(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/**
 * Scan JSON text (RFC 8259) without building values and return where the first error is, with a hint for
 * the common hand-editing mistakes. Iterative, so deeply nested input cannot overflow the stack.
 */
export function locateJsonError(s: string): { offset: number; hint?: string } | undefined {
  let i = 0;
  const stack: string[] = [];
  let mode: 'value' | 'key' | 'after' = 'value';
  const ws = () => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  };
  const fail = (hint?: string) => (hint ? { offset: i, hint } : { offset: i });
  const prevNonWs = () => {
    let k = i - 1;
    while (k >= 0 && /\s/.test(s[k] ?? '')) k--;
    return s[k];
  };
  const hintFor = (c: string | undefined): string | undefined => {
    if (c === undefined) return 'truncated?';
    if (c === "'") return 'JSON strings use double quotes';
    if (c === '/') return 'JSON has no comments';
    if (c === 'N' || c === 'I') return 'NaN and Infinity are not JSON numbers';
    if ((c === ']' || c === '}') && prevNonWs() === ',') return 'a trailing comma?';
    return undefined;
  };
  const string = (): boolean => {
    i++; // opening quote
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return true;
      }
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = s[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) return (i += 1), false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return (i += 1), false;
      } else i++;
    }
    return false;
  };
  while (true) {
    ws();
    const c = s[i];
    if (mode === 'value') {
      if (c === '{') {
        stack.push('{');
        i++;
        ws();
        if (s[i] === '}') {
          stack.pop();
          i++;
          mode = 'after';
        } else mode = 'key';
      } else if (c === '[') {
        stack.push('[');
        i++;
        ws();
        if (s[i] === ']') {
          stack.pop();
          i++;
        } else continue;
        mode = 'after';
      } else if (c === '"') {
        if (!string()) return fail(i >= s.length ? 'truncated?' : 'raw control character or bad escape in a string');
        mode = 'after';
      } else if (c !== undefined && /[-0-9]/.test(c)) {
        const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
        if (!m || m[0] === '-') return s[i + 1] === 'I' ? ((i += 1), fail(hintFor('I'))) : fail();
        i += m[0].length;
        mode = 'after';
      } else if (s.startsWith('true', i) || s.startsWith('null', i)) {
        i += 4;
        mode = 'after';
      } else if (s.startsWith('false', i)) {
        i += 5;
        mode = 'after';
      } else return fail(hintFor(c));
    } else if (mode === 'key') {
      if (c !== '"') return fail(c !== undefined && /[A-Za-z_]/.test(c) ? 'property names need double quotes' : hintFor(c));
      if (!string()) return fail(i >= s.length ? 'truncated?' : undefined);
      ws();
      if (s[i] !== ':') return fail(hintFor(s[i]));
      i++;
      mode = 'value';
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i < s.length ? fail('more text after the JSON value') : undefined;
      if (c === ',') {
        i++;
        mode = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
      } else return fail(c === undefined ? 'truncated?' : `"," or "${top === '{' ? '}' : ']'}" expected`);
    }
  }
}

function utf8Length(s: string, cap: number): number {
  // Cheap bound first: a UTF-16 code unit is at most 3 UTF-8 bytes.
  if (s.length * 3 <= cap) return s.length;
  return new TextEncoder().encode(s).byteLength;
}

/** Recognise common non-text files and UTF-16, so the message says what the file is. */
function sniffBinary(b: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = [b[0], b[1], b[2], b[3]];
  if (b0 === 0x1f && b1 === 0x8b) return 'this is a gzip file; decompress it first';
  if (b0 === 0x50 && b1 === 0x4b && b2 === 0x03 && b3 === 0x04) return 'this is a zip file; unzip it first';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 (little-endian) found; save the file as UTF-8';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 (big-endian) found; save the file as UTF-8';
  // UTF-16 without a BOM: JSON starts with an ASCII character, so every other byte is 0.
  if (b.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'looks like UTF-16 (little-endian); save the file as UTF-8';
  if (b.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'looks like UTF-16 (big-endian); save the file as UTF-8';
  const nul = b.subarray(0, 1024).indexOf(0);
  if (nul >= 0) return `NUL byte at byte ${nul}: binary data, not text`;
  return undefined;
}

/** Offset of the first byte that breaks UTF-8 (only called after the decoder said one does). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    let n = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return Math.max(0, b.length - 1);
}

function lineOfByte(b: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (b[i] === 0x0a) line++;
  return line;
}
