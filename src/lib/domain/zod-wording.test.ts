import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseLenient, WHOLE_REASON, zodIssuesToLocal } from './zod-wording';

const reasons = (schema: z.ZodType, value: unknown, base = '', opts = {}) => {
  const r = schema.safeParse(value);
  return r.success ? [] : zodIssuesToLocal(r.error.issues, value, base, opts).map((l) => `${l.severity}: ${l.reason}`);
};

describe('zodIssuesToLocal: one wording for every schema', () => {
  it('wrong type, missing field, unknown key (a warning), each named by its path', () => {
    const schema = z.strictObject({ name: z.string(), n: z.number() });
    expect(reasons(schema, { name: 3, extra: 1 }, 'classes[1]')).toEqual([
      'error: classes[1].name: text expected, 3 found',
      'error: classes[1].n: missing (number expected)',
      'warning: classes[1].extra: unknown field, ignored',
    ]);
  });

  it('enums and literals list what they accept; our own messages say what is expected', () => {
    expect(reasons(z.object({ v: z.literal(1) }), { v: 2 })).toEqual(['error: v: one of 1 expected, 2 found']);
    expect(reasons(z.object({ c: z.enum(['held', 'grey']) }), { c: 'x' })).toEqual(['error: c: one of "held", "grey" expected, "x" found']);
    expect(reasons(z.object({ color: z.string().regex(/^#[0-9a-f]{6}$/, { error: '#rrggbb colour' }) }), { color: 'blue' })).toEqual(['error: color: #rrggbb colour expected, "blue" found']);
  });

  it('empty text, short arrays, and the root without a path', () => {
    expect(reasons(z.object({ q: z.string().min(1) }), { q: '' })).toEqual(['error: q: non-empty text expected, "" found']);
    expect(reasons(z.object({ a: z.array(z.number()).min(2) }), { a: [1] })).toEqual(['error: a: at least 2 item(s) expected, an array of 1 found']);
    expect(reasons(z.object({}), null)).toEqual(['error: object expected, null found']);
  });

  it('a discriminated union names the values it accepts when told them', () => {
    const schema = z.object({ p: z.discriminatedUnion('kind', [z.object({ kind: z.literal('a') }), z.object({ kind: z.literal('b') })]) });
    expect(reasons(schema, { p: { kind: 'c' } }, '', { discriminatorValues: { kind: ['a', 'b'] } })).toEqual(['error: p.kind: one of "a", "b" expected, "c" found']);
  });

  it('a custom check either says what it expects or gives the whole reason', () => {
    const schema = z.object({
      d: z.string().check((ctx) => { ctx.issues.push({ code: 'custom', input: ctx.value, message: 'ISO date' }); }),
      e: z.string().check((ctx) => { ctx.issues.push({ code: 'custom', input: ctx.value, message: `impossible date "${ctx.value}"`, params: WHOLE_REASON }); }),
    });
    expect(reasons(schema, { d: '3/4/22', e: '2024-02-30' })).toEqual(['error: d: ISO date expected, "3/4/22" found', 'error: e: impossible date "2024-02-30"']);
  });
});

describe('parseLenient', () => {
  it('drops unknown keys with a warning and keeps the rest', () => {
    const r = parseLenient(z.strictObject({ a: z.number() }), { a: 1, b: 2 }, '');
    expect(r).toEqual({ value: { a: 1 }, issues: [{ path: 'b', reason: 'b: unknown field, ignored', severity: 'warning' }] });
  });

  it('reports every issue and keeps nothing when a known field is wrong', () => {
    const r = parseLenient(z.strictObject({ a: z.number() }), { a: 'x', b: 2 }, 'm');
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => i.reason)).toEqual(['m.a: number expected, "x" found', 'm.b: unknown field, ignored']);
  });
});
