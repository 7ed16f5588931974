// Stage 6 of the geometry check: winding (RFC 7946 §3.1.6), exterior counter-clockwise, holes clockwise. Parsers
// should not reject the other order, so rings are rewound and a warning says so.
import type { Position } from 'geojson';
import { ringSignedArea2 } from '../../domain/geometry-measures';
import type { StageContext } from './context';

/** Rewind (in place) every ring wound the wrong way. */
export function rewindRings(ctx: StageContext, cleaned: Position[][][]): void {
  let rewound = 0;
  for (const rings of cleaned)
    rings.forEach((ring, ri) => {
      const ccw = ringSignedArea2(ring) > 0;
      if ((ri === 0 && !ccw) || (ri > 0 && ccw)) {
        ring.reverse();
        rewound++;
      }
    });
  if (rewound > 0)
    ctx.issues.push({
      path: ctx.coordsPath,
      reason: `${ctx.coordsPath}: ${rewound} ring${rewound === 1 ? '' : 's'} wound the wrong way (exterior must be counter-clockwise, holes clockwise); rewound (RFC 7946 §3.1.6)`,
      severity: 'warning',
    });
}
