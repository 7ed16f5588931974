// Render checks: three map views against pixel goldens in e2e/expected/ (golden.ts states the tolerance). Only the
// map's canvas is compared: the controls, attribution and panels over it follow the UI language and layout.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { onMap, openApp, useBrowser, waitForIdle } from './browser';
import { cropCentre, matchGolden } from './golden';

const { newPage } = useBrowser();

/**
 * The map canvas alone (no controls, attribution or panels over it), `width` × `height` px around its centre, as PNG
 * bytes: the same ground however tall the layout leaves the map.
 */
async function mapShot(page: Page, width: number, height: number): Promise<Buffer> {
  const dataUrl = await onMap(page, 'canvasPng');
  return cropCentre(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'), width, height);
}

describe('map views match their pixel goldens', () => {
  it('Sudzha on 2024-08-20, 1440 × 900: the held area over the basemap', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, '#date=2024-08-20&map=9.5/51.2/35.25');
    // The features first (Sudzha is held on that day), then the pixels.
    expect(await onMap(w.page, 'controlClassesAt', 35.2726, 51.165)).toEqual(['ukraine_held_in_russia']);
    const r = matchGolden('sudzha-2024-08-20-1440', await mapShot(w.page, 960, 560));
    console.log(`${r.name}: ${r.written ? 'golden written' : `${r.diffPixels} of ${r.totalPixels} pixels differ`}`);
  });

  it('the same day on a phone, 390 × 844', async () => {
    const w = await newPage({ width: 390, height: 844 });
    await openApp(w, '#date=2024-08-20&map=9/51.2/35.25');
    const r = matchGolden('sudzha-2024-08-20-390', await mapShot(w.page, 330, 300));
    console.log(`${r.name}: ${r.written ? 'golden written' : `${r.diffPixels} of ${r.totalPixels} pixels differ`}`);
  });

  it('compare 2024-09-03 → 2025-02-04, 1440 × 900: gained and lost ground in the change colours', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, '#compare=2024-09-03..2025-02-04&map=10/51.20/35.27');
    await w.page.getByTestId('compare-table').waitFor({ timeout: 60_000 });
    await waitForIdle(w.page);
    const r = matchGolden('compare-2024-09-03-2025-02-04-1440', await mapShot(w.page, 960, 560));
    console.log(`${r.name}: ${r.written ? 'golden written' : `${r.diffPixels} of ${r.totalPixels} pixels differ`}`);
  });
});
