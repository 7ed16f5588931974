// What every stage of the geometry check shares: where the coordinates are, the issue list, the error cap.
import type { LocalIssue } from '../issues';
import { jsonPath } from '../issues';

/** Beyond this many position errors in one feature, say how many more rather than listing them all. */
export const MAX_POSITION_ERRORS = 3;

/** One geometry being checked: its type, the JSON path of its coordinates, and the issues found so far. */
export interface StageContext {
  type: 'Polygon' | 'MultiPolygon';
  /** JSON path of the geometry, e.g. `features[3].geometry`. */
  path: string;
  /** JSON path of its coordinates. */
  coordsPath: string;
  issues: LocalIssue[];
}

/** Record an error at `path`; the reason starts with the path. */
export function addError(ctx: Pick<StageContext, 'issues'>, path: string, reason: string): void {
  ctx.issues.push({ path, reason: `${path}: ${reason}`, severity: 'error' });
}

/** JSON path of polygon `pi`: the coordinates themselves for a Polygon, `coordinates[pi]` for a MultiPolygon. */
export function polygonPath(ctx: StageContext, pi: number): string {
  return ctx.type === 'Polygon' ? ctx.coordsPath : jsonPath(ctx.coordsPath, pi);
}
