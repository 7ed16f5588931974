// A content hash of polygon coordinates: the validator's validity memo and compare mode's memo of clipped pieces
// key on it (equal hashes: the same rings, vertex for vertex, to the last bit).
import type { Position } from 'geojson';

/**
 * Two independent 32-bit hashes (FNV-1a and a multiply-xorshift) over the exact float bits and ring
 * structure: a collision needs both to agree, about 1 in 2^64 per pair, far below any dataset's size.
 */
export function hashPolygons(polys: readonly (readonly (readonly Position[])[])[]): string {
  const f = new Float64Array(1);
  const w = new Uint32Array(f.buffer);
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  const mix = (x: number) => {
    h1 = Math.imul(h1 ^ x, 0x01000193);
    h2 = Math.imul(h2 ^ x, 0x85ebca6b);
    h2 ^= h2 >>> 13;
  };
  for (const rings of polys) {
    mix(0xfffffff1);
    for (const ring of rings) {
      mix(0xfffffff2 ^ ring.length);
      for (const p of ring) {
        f[0] = p[0] ?? 0;
        mix(w[0] as number);
        mix(w[1] as number);
        f[0] = p[1] ?? 0;
        mix(w[0] as number);
        mix(w[1] as number);
      }
    }
  }
  return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}
