// Where the whole-front weekly GeoJSON files (DeepStateMap, one per ISO week, 175 files, ~52 MB) are, if anywhere:
// they are not in the repository, so the benchmarks that use them run those parts only when FRONT_WEEKLY_DIR
// names the folder (`FRONT_WEEKLY_DIR=<folder> npm run bench -- diff`) and otherwise say why they skip them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The folder of weekly `YYYY-MM-DD.geojson` files, or the reason there is none. */
export function frontWeeklyDir(): { dir: string } | { skipped: string } {
  const dir = process.env.FRONT_WEEKLY_DIR;
  if (dir === undefined || dir === '') return { skipped: 'FRONT_WEEKLY_DIR is not set (the whole-front weekly files are not in the repository)' };
  if (!existsSync(dir)) return { skipped: `FRONT_WEEKLY_DIR=${dir} does not exist` };
  return { dir: resolve(dir) };
}
