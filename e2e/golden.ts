// Pixel goldens for map views: a screenshot compared with e2e/expected/<name>.png by pixelmatch. A missing golden, or
// any under `UPDATE=1`, is written from what was drawn; on a mismatch `<name>-actual.png` and `<name>-diff.png` are
// written beside it (git-ignored) so the difference can be looked at.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

export const GOLDEN_DIR = join(import.meta.dirname, 'expected');

/**
 * How close a view must be. `threshold` is pixelmatch's per-pixel colour distance (0…1, YIQ) under which a pixel
 * counts as equal, anti-aliased edge pixels aside; `maxDiffRatio` the share of pixels that may still differ.
 * Chromium's software WebGL draws the same frame to the bit run after run on one machine; the margin covers
 * glyph and edge jitter across Chromium and driver versions, not a moved border (a polygon edge shifted by one
 * pixel along a 1,000 px front changes about 0.1 % of a 1440 × 900 view, so 0.5 % would let that pass: the
 * tests beside each golden check features and colours at points as well).
 */
export const GOLDEN_TOLERANCE = { threshold: 0.1, maxDiffRatio: 0.005 };

export interface GoldenResult {
  name: string;
  /** Written from this run (no golden yet, or UPDATE=1). */
  written: boolean;
  diffPixels: number;
  totalPixels: number;
}

/**
 * The `width` × `height` px around the centre of a PNG. The camera's centre is the canvas's centre, so a centred crop
 * of a fixed size shows the same ground whatever height the page's layout leaves the map.
 */
export function cropCentre(png: Buffer, width: number, height: number): Buffer {
  const src = PNG.sync.read(png);
  if (src.width < width || src.height < height) throw new Error(`a ${width}×${height} crop asked of a ${src.width}×${src.height} image`);
  const out = new PNG({ width, height });
  PNG.bitblt(src, out, Math.floor((src.width - width) / 2), Math.floor((src.height - height) / 2), width, height, 0, 0);
  return PNG.sync.write(out);
}

/** Compare a PNG screenshot with its golden (or write the golden); throws with the figures on a mismatch. */
export function matchGolden(name: string, screenshot: Buffer, tolerance = GOLDEN_TOLERANCE): GoldenResult {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  const expectedPath = join(GOLDEN_DIR, `${name}.png`);
  const actualPath = join(GOLDEN_DIR, `${name}-actual.png`);
  const diffPath = join(GOLDEN_DIR, `${name}-diff.png`);
  const actual = PNG.sync.read(screenshot);
  const totalPixels = actual.width * actual.height;
  if (process.env.UPDATE === '1' || !existsSync(expectedPath)) {
    writeFileSync(expectedPath, PNG.sync.write(actual));
    rmSync(actualPath, { force: true });
    rmSync(diffPath, { force: true });
    return { name, written: true, diffPixels: 0, totalPixels };
  }
  const expected = PNG.sync.read(readFileSync(expectedPath));
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(actualPath, PNG.sync.write(actual));
    throw new Error(`${name}: ${actual.width}×${actual.height} drawn, the golden is ${expected.width}×${expected.height} (see ${actualPath})`);
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const diffPixels = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: tolerance.threshold });
  if (diffPixels > tolerance.maxDiffRatio * totalPixels) {
    writeFileSync(actualPath, PNG.sync.write(actual));
    writeFileSync(diffPath, PNG.sync.write(diff));
    throw new Error(
      `${name}: ${diffPixels} of ${totalPixels} pixels differ (${((100 * diffPixels) / totalPixels).toFixed(2)} %, at most ${(100 * tolerance.maxDiffRatio).toFixed(2)} % allowed); see ${actualPath} and ${diffPath}, or rerun with UPDATE=1 if the change is meant`,
    );
  }
  rmSync(actualPath, { force: true });
  rmSync(diffPath, { force: true });
  return { name, written: false, diffPixels, totalPixels };
}
