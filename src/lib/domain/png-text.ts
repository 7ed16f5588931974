// Text chunks in a PNG (PNG 3rd edition §11.3.3.4, iTXt): the picture's credits, dates and link, readable by
// image tools (exiftool, ImageMagick `identify -verbose`) as well as in the pixels.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let crcTable: Uint32Array | undefined;

/** CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320), over the chunk type and data. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * One iTXt chunk: keyword (Latin-1, 1–79 characters, no NUL), uncompressed UTF-8 text, no language tag. Throws on
 * a bad keyword (a programmer error: keywords are ours, e.g. `Title`, `Source`).
 */
function itxtChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword) || keyword !== keyword.trim()) throw new Error(`png-text: keyword must be 1–79 printable ASCII characters, got ${JSON.stringify(keyword)}`);
  const enc = new TextEncoder();
  // keyword, NUL, compression flag 0, method 0, empty language tag + NUL, empty translated keyword + NUL, text.
  const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(text.replace(/\0/g, ''))]);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set([0x69, 0x54, 0x58, 0x74], 4); // "iTXt"
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

/**
 * The PNG with iTXt chunks added right after its IHDR chunk (text before the image data, so readers that stop
 * early still see it). Throws when the bytes are not a PNG that starts with IHDR.
 */
export function addPngText(png: Uint8Array, entries: readonly (readonly [string, string])[]): Uint8Array<ArrayBuffer> {
  if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('addPngText: not a PNG');
  const ihdrLength = new DataView(png.buffer, png.byteOffset).getUint32(8);
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('addPngText: PNG does not start with IHDR');
  const afterIhdr = 8 + 12 + ihdrLength;
  const chunks = entries.map(([k, v]) => itxtChunk(k, v));
  const out = new Uint8Array(png.length + chunks.reduce((n, c) => n + c.length, 0));
  out.set(png.subarray(0, afterIhdr), 0);
  let at = afterIhdr;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(afterIhdr), at);
  return out;
}
