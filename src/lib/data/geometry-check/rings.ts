// Stage 3 of the geometry check: rings closed, then consecutive repeated positions removed (a repair), then at
// least four positions each (RFC 7946 §3.1.6).
import type { Position } from 'geojson';
import { jsonPath } from '../issues';
import { addError, polygonPath, type StageContext } from './context';

/** The rings with repeats removed, or undefined when a ring is open or too short (each such ring is named). */
export function cleanRings(ctx: StageContext, parsed: readonly Position[][][]): Position[][][] | undefined {
  let removed = 0;
  let ringErrors = 0;
  const cleaned: Position[][][] = parsed.map((rings, pi) =>
    rings.map((ring, ri) => {
      const ringPath = jsonPath(polygonPath(ctx, pi), ri);
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length > 0 && first && last && (first[0] !== last[0] || first[1] !== last[1])) {
        ringErrors++;
        addError(ctx, ringPath, `ring not closed: first position [${fmt(first)}] and last [${fmt(last)}] differ (RFC 7946 §3.1.6)`);
        return ring;
      }
      const out: Position[] = [];
      for (const p of ring) {
        const prev = out[out.length - 1];
        if (prev && prev[0] === p[0] && prev[1] === p[1]) removed++;
        else out.push(p);
      }
      if (out.length < 4) {
        ringErrors++;
        const what = ri === 0 ? 'exterior ring' : 'hole';
        addError(
          ctx,
          ringPath,
          `${what} has ${out.length} distinct position${out.length === 1 ? '' : 's'}${out.length !== ring.length ? ` (${ring.length} with repeats)` : ''}; a closed ring needs at least 4 (RFC 7946 §3.1.6)`,
        );
      }
      return out;
    }),
  );
  if (ringErrors > 0) return undefined;
  if (removed > 0)
    ctx.issues.push({ path: ctx.coordsPath, reason: `${ctx.coordsPath}: removed ${removed} consecutive repeated position${removed === 1 ? '' : 's'}`, severity: 'warning' });
  return cleaned;
}

function fmt(p: Position): string {
  return `${p[0]}, ${p[1]}`;
}
