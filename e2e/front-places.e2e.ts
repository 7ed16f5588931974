// Places on the whole front (geodata/front) end to end on the built app: its gazetteer arrives only after the first
// frame with polygons; "Бахмут" and "Bakhmut" find Bakhmut, Enter flies to it, rings it and shows its history with
// the change of hands; `#dataset=front&place=` reopens it (and names a place the gazetteer lacks); the settlement
// counts with the gazetteer's coverage; at 1440 × 900 and 390 × 844; nothing leaves localhost.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectFlownToPlace, openFront, saveScreenshot, useBrowser } from './browser';

const { newPage } = useBrowser();
const BAKHMUT = { id: 'geonames:713174', lon: 37.99983, lat: 48.59441 };
// Bakhmut's runs, as `npm run places -- geodata/front Bakhmut` prints them and place-history-front.test.ts works
// them out from the published files: no polygon, grey from 19 March 2023, occupied from 9 April 2023.
const BAKHMUT_RUNS = ['2022-04-03 2023-03-12 ', '2023-03-19 2023-04-02 unknown_status', '2023-04-09 2025-08-03 russian_occupied'];
const LINK = '#dataset=front&date=2024-11-20&map=6/48.50/35.50';

const combobox = (page: Page) => page.locator('#place-search-input');

/** The front's place histories are worked out (its places came after the first frame). */
async function waitForHistory(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __places: { history: unknown } }).__places.history !== null, undefined, { timeout: 300_000 });
}

async function runsOf(page: Page): Promise<string[]> {
  return page.locator('[data-testid="place-runs"] li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')} ${e.getAttribute('data-to')} ${e.getAttribute('data-classes')}`));
}

/** Choose the first option for a query typed into the place search, and wait for the place's history. */
async function findAndChoose(page: Page, query: string): Promise<void> {
  await combobox(page).focus();
  await page.keyboard.type(query);
  await page.waitForSelector('#place-search-option-0');
  expect(await page.locator('#place-search-option-0 .name').textContent()).toBe('Bakhmut');
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('place-panel');
  await panel.waitFor();
  expect(await panel.getAttribute('data-place-id')).toBe(BAKHMUT.id);
  await page.locator('[data-testid="place-runs"]').waitFor({ timeout: 120_000 });
}

describe('places on the whole front (1440 × 900)', () => {
  it('fetches the gazetteer after the first frame; "Бахмут" finds Bakhmut, Enter flies there and shows its change of hands', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    const { page } = w;
    // The places file is asked for only once the map has drawn the polygons (load-client.ts: laterFilesOf).
    const drawnWhenAsked: boolean[] = [];
    // The build names it by content hash: assets/places-<hash>.geojson.
    await page.route(/\/places-[^/]*\.geojson$/, async (route) => {
      drawnWhenAsked.push(await page.evaluate(() => (window as unknown as { __app: { mapDrawn: boolean } }).__app.mapDrawn));
      await route.fallback();
    });
    await openFront(w, LINK);
    await waitForHistory(page);
    expect(drawnWhenAsked).toEqual([true]);
    const workerMs = await page.evaluate(() => (window as unknown as { __places: { workerMs: number | null } }).__places.workerMs);
    console.log(`places worker, whole front (2,053 places × 175 snapshots): ${workerMs?.toFixed(0)} ms`);
    expect(workerMs).toBeGreaterThan(0);

    // Settlement counts on the slider's date (snapshot of 2024-11-17), as `npm run places -- geodata/front --count
    // 2024-11-20` prints them, with the gazetteer's coverage.
    expect(await page.getByTestId('count-occupied').textContent()).toBe('222');
    expect(await page.getByTestId('count-held_in_russia').textContent()).toBe('12');
    expect(await page.getByTestId('count-class-unknown_status').textContent()).toBe('3');
    expect(await page.getByTestId('gazetteer-coverage').textContent()).toMatch(/lower bound.*2,?053 places.*Vuhledar/is);

    await findAndChoose(page, 'Бахмут');
    expect(await runsOf(page)).toEqual(BAKHMUT_RUNS);
    expect(await page.getByTestId('place-changes').textContent()).toMatch(/between 12 Mar 2023 and 19 Mar 2023.*between 2 Apr 2023 and 9 Apr 2023/s);
    // Whose control each run shows, by the classes' heldBy: Ukraine's (the country it lies in), contested, Russia's.
    expect(await page.locator('[data-testid="place-runs"] li .held').allTextContents()).toEqual(['\u00a0(held by UA)', '\u00a0(contested)', '\u00a0(held by RU)']);

    // The strip under the slider: three runs, the last in the occupied colour.
    const strip = page.getByTestId('place-strip');
    await strip.waitFor();
    expect(await strip.locator('.run').count()).toBe(3);
    expect(await strip.locator('.run[data-classes="russian_occupied"]').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(198, 40, 40)');

    // The map flew there and rings the place.
    await expectFlownToPlace(page, BAKHMUT);
    await page.waitForFunction((id) => location.hash.includes('dataset=front') && location.hash.includes(`place=${id}`), BAKHMUT.id);
    await saveScreenshot(page, 'front-places-bakhmut-1440');
  }, 900_000);

  it('reopens Bakhmut from a #dataset=front&place= link once the places arrive, and names a place it lacks', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    const { page } = w;
    await openFront(w, `#dataset=front&date=2023-06-04&place=${BAKHMUT.id}&map=11/${BAKHMUT.lat}/${BAKHMUT.lon}`);
    await page.getByTestId('place-panel').waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('place-panel').getAttribute('data-place-id')).toBe(BAKHMUT.id);
    await page.locator('[data-testid="place-runs"]').waitFor({ timeout: 120_000 });
    expect(await runsOf(page)).toEqual(BAKHMUT_RUNS);
    expect(await page.evaluate(() => location.hash)).toMatch(/place=geonames:713174/);

    // A place the gazetteer lacks: said once the places are in, and the rest of the link holds.
    await openFront(w, '#dataset=front&date=2023-06-04&place=geonames:1&map=8/48.60/38.00');
    await waitForHistory(page);
    await page.waitForFunction(() => (window as unknown as { __app: { notices: string[] } }).__app.notices.some((n) => n.includes('geonames:1')), undefined, { timeout: 60_000 });
    const state = await page.evaluate(() => {
      const app = (window as unknown as { __app: { notices: string[]; dateIso: string } }).__app;
      return { notices: [...app.notices], dateIso: app.dateIso };
    });
    expect(state.notices).toContain('The link\'s place "geonames:1" is not in this dataset\'s gazetteer; no place is shown.');
    expect(state.dateIso).toBe('2023-06-04');
    expect(await page.getByTestId('place-panel').count()).toBe(0);
  }, 900_000);
});

describe('places on the whole front on a phone (390 × 844)', () => {
  it('finds Bakhmut typed in Latin letters and shows its history', async () => {
    const w = await newPage({ width: 390, height: 844 });
    const { page } = w;
    await openFront(w, '#dataset=front&date=2023-06-04');
    await waitForHistory(page);
    // On a phone the header's tools, the place search among them, fold behind the menu button.
    await page.getByTestId('menu-toggle').click();
    await findAndChoose(page, 'Bakhmut');
    expect(await runsOf(page)).toEqual(BAKHMUT_RUNS);
    await page.getByTestId('place-strip').waitFor();
    // The menu stays open after a choice; folded, the map shows the ringed place.
    await page.getByTestId('menu-toggle').click();
    await expectFlownToPlace(page, BAKHMUT);
    await saveScreenshot(page, 'front-places-bakhmut-390');
  }, 900_000);
});
