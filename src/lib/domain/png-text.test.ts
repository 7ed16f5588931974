// png-text.ts: iTXt chunks that PNG readers accept (CRC checked by pngjs) and that hold the text, UTF-8 intact.
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { addPngText, crc32 } from './png-text';
import { pngTextFields } from './export';
import { testContext } from './fixtures/export-context';

/** Every chunk of a PNG: type and data. */
function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const out: { type: string; data: Uint8Array }[] = [];
  const view = new DataView(png.buffer, png.byteOffset);
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    out.push({ type: String.fromCharCode(...png.subarray(at + 4, at + 8)), data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

const tiny = (): Uint8Array => {
  const p = new PNG({ width: 2, height: 2 });
  p.data.fill(200);
  return new Uint8Array(PNG.sync.write(p));
};

describe('addPngText', () => {
  it('computes the CRC-32 of the standard check string', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('adds iTXt chunks after IHDR that a PNG reader accepts, with UTF-8 text intact', () => {
    const out = addPngText(tiny(), [['Title', 'Kursk — 15 December 2024'], ['Copyright', 'Control areas © DeepStateMap\nPlaces: GeoNames']]);
    const read = PNG.sync.read(Buffer.from(out));
    expect([read.width, read.height]).toEqual([2, 2]);
    const list = chunks(out);
    expect(list.map((c) => c.type).slice(0, 3)).toEqual(['IHDR', 'iTXt', 'iTXt']);
    const text = new TextDecoder().decode(list[2]!.data);
    expect(text).toBe('Copyright\0\0\0\0\0Control areas © DeepStateMap\nPlaces: GeoNames');
  });

  it('refuses what is not a PNG and a bad keyword', () => {
    expect(() => addPngText(new Uint8Array(40), [])).toThrow('not a PNG');
    expect(() => addPngText(tiny(), [[' Title', 'x']])).toThrow('" Title"');
  });

  it('carries the credits, the link and the dates of the view', () => {
    const ctx = testContext({ kind: 'date', dateIso: '2024-12-15' });
    const fields = new Map(pngTextFields(ctx, 'Kursk, 15 December 2024'));
    expect(fields.get('Author')).toBe('DeepStateMap');
    expect(fields.get('Copyright')).toContain('Control areas © DeepStateMap. Licence: No licence published');
    expect(fields.get('Source')).toBe(ctx.permalink);
    expect(fields.get('Comment')).toContain('snapshots used (DeepStateMap): 2024-12-15 → 2024-12-14');
    expect(fields.get('Comment')).toContain('licence status: CC BY 4.0');
  });
});
