// How a data build's index.json says what it is (scripts/lib/data-build.ts `DataIndex.format`). Its own module so
// the Open data dialog can recognise a build without loading the build loader itself.
import { isRecord } from './issues';

/** The `format` of a build's index.json. */
export const BUILD_FORMAT = 'claimed-ground/data-build';

/** True for parsed JSON that says it is a build's index. */
export function isBuildIndex(json: unknown): boolean {
  return isRecord(json) && json.format === BUILD_FORMAT;
}
