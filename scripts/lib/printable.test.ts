import { describe, expect, it } from 'vitest';
import { printable } from './printable';

describe('printable', () => {
  it('escapes control characters and bidi overrides, keeps other text', () => {
    expect(printable('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(printable('\u001b[2J clear')).toBe('\\u001b[2J clear');
    expect(printable('x\u0085y\u007f')).toBe('x\\u0085y\\u007f');
    expect(printable('evil\u202egnp.exe')).toBe('evil\\u202egnp.exe');
    expect(printable('Зеленський, 1,300 km² — “about”')).toBe('Зеленський, 1,300 km² — “about”');
  });
});
