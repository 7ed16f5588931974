// Places end to end on the built app: the header's combobox finds Sudzha typed in Cyrillic, with the keyboard
// only; Enter flies to it, rings it on the map and opens its history (list, strip under the slider, claims);
// `#place=` reopens it; settlement counts with the gazetteer's coverage; nothing leaves localhost.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectFlownToPlace, openApp, projectToPage, saveScreenshot, useBrowser, waitForIdle } from './browser';

const { newPage } = useBrowser();
const SUDZHA = { id: 'geonames:486816', lon: 35.2726, lat: 51.1976 };

/** Tab from the start of the page until the place search has focus (keyboard only, as a reader would). */
async function tabToSearch(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'place-search-input')) return;
  }
  throw new Error('the place search is not reachable with Tab');
}

const combobox = (page: Page) => page.locator('#place-search-input');
const expanded = (page: Page) => combobox(page).getAttribute('aria-expanded');

async function waitForHistory(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __places: { history: unknown } }).__places.history !== null, undefined, { timeout: 60_000 });
}

describe('place search and history (1440 × 900)', () => {
  it('finds "Суджа" with the keyboard only; Enter flies to Sudzha, rings it and shows its history', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, '#date=2024-08-20&map=9/51.30/35.20');
    await waitForHistory(w.page);
    const { page } = w;

    const workerMs = await page.evaluate(() => (window as unknown as { __places: { workerMs: number | null } }).__places.workerMs);
    console.log(`places worker, Kursk (889 places × 94 snapshots): ${workerMs?.toFixed(0)} ms`);
    expect(workerMs).toBeGreaterThan(0);

    await tabToSearch(page);
    expect(await combobox(page).getAttribute('role')).toBe('combobox');
    await page.keyboard.type('Суджа');
    await page.waitForSelector('#place-search-list li[role="option"]');
    expect(await expanded(page)).toBe('true');
    const options = await page.locator('#place-search-list [role="option"]').allTextContents();
    expect(options[0]).toMatch(/^Sudzha/);

    // ↓ moves the active option (aria-activedescendant), ↑ wraps back; Escape closes; ↓ reopens.
    await page.keyboard.press('ArrowDown');
    expect(await combobox(page).getAttribute('aria-activedescendant')).toBe('place-search-option-0');
    expect(await page.locator('#place-search-option-0').getAttribute('aria-selected')).toBe('true');
    if (options.length > 1) {
      await page.keyboard.press('ArrowDown');
      expect(await combobox(page).getAttribute('aria-activedescendant')).toBe('place-search-option-1');
      await page.keyboard.press('ArrowUp');
    }
    expect(await combobox(page).getAttribute('aria-activedescendant')).toBe('place-search-option-0');
    await page.keyboard.press('Escape');
    expect(await expanded(page)).toBe('false');
    expect(await combobox(page).inputValue()).toBe('Суджа');
    await page.keyboard.press('ArrowDown');
    expect(await expanded(page)).toBe('true');
    await page.keyboard.press('Enter');
    expect(await expanded(page)).toBe('false');

    // The history panel, with the runs worked out in the unit tests from the snapshots.
    const panel = page.getByTestId('place-panel');
    await panel.waitFor();
    expect(await panel.getAttribute('data-place-id')).toBe(SUDZHA.id);
    const runs = await page.locator('[data-testid="place-runs"] li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')} ${e.getAttribute('data-to')} ${e.getAttribute('data-classes')}`));
    expect(runs).toEqual(['2024-08-01 2024-08-13 ', '2024-08-14 2025-03-11 ukraine_held_in_russia', '2025-03-12 2025-04-29 ']);
    expect(await page.getByTestId('place-changes').textContent()).toMatch(/between 13 Aug 2024 and 14 Aug 2024/);
    expect(await page.getByTestId('place-claims').textContent()).toMatch(/the map showed it already, since 12 Mar 2025/);

    // The strip under the slider: three runs, the middle one in the held colour.
    const strip = page.getByTestId('place-strip');
    await strip.waitFor();
    expect(await strip.locator('.run').count()).toBe(3);
    expect(await strip.locator('.run[data-classes="ukraine_held_in_russia"]').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(21, 101, 192)');

    // The map flew there and rings the place: the rendered ring feature is at Sudzha's point.
    await expectFlownToPlace(page, SUDZHA);
    await saveScreenshot(page, 'places-sudzha-1440');

    // The permalink carries the place.
    await page.waitForFunction((id) => location.hash.includes(`place=${id}`), SUDZHA.id);
  });

  it('reopens the place from a #place= link, and shows the counts with the gazetteer coverage', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, `#date=2024-08-20&place=${SUDZHA.id}&map=12/51.1976/35.2726`);
    await waitForHistory(w.page);
    const { page } = w;
    expect(await page.getByTestId('place-panel').getAttribute('data-place-id')).toBe(SUDZHA.id);
    await page.getByTestId('place-strip').waitFor();
    expect(await page.getByTestId('count-held').textContent()).toBe('15');
    expect(await page.getByTestId('count-class-unknown_status').textContent()).toBe('6');
    expect(await page.getByTestId('gazetteer-coverage').textContent()).toMatch(/lower bound.*889 places/i);
    expect(await page.getByTestId('settlement-claims').textContent()).toMatch(/92 settlements/);
    // Closing the place takes it out of the link.
    await page.getByRole('button', { name: 'Close the place' }).click();
    await page.waitForFunction(() => !location.hash.includes('place='));
  });

  it('reads Sudzha in DeepState, ISW and NZZ side by side from a link naming the three sources', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, `#date=2024-08-20&sources=deepstate,isw,nzz&place=${SUDZHA.id}&map=12/51.1976/35.2726`);
    const { page } = w;
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="place-strip"] .row').length === 3, undefined, { timeout: 90_000 });
    const runsOf = (testId: string) => page.locator(`[data-testid="${testId}"] li`).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')} ${e.getAttribute('data-to')} ${e.getAttribute('data-classes')}`));
    // The same runs as `npm run places -- geodata/kursk geodata/kursk-isw geodata/kursk-nzz Sudzha`.
    expect(await runsOf('place-runs-isw')).toEqual(['2024-08-11 2025-03-09 ukraine_advance_in_russia', '2025-03-16 2025-03-16 ', '2025-03-23 2025-04-27 russian_advance_in_russia']);
    expect(await runsOf('place-runs-nzz')).toEqual(['2024-08-02 2024-08-11 ', '2024-08-13 2025-03-11 ukraine_advance_in_russia', '2025-03-12 2025-04-30 ']);
    // Each claim about Sudzha is set against each source.
    expect(await page.locator('[data-testid="place-claims"] li').first().locator('.verdict').count()).toBe(3);
    // The settlement counts are given for each source on its own snapshot in force, as
    // `npm run places -- geodata/kursk geodata/kursk-isw geodata/kursk-nzz --count 2024-08-20` prints them.
    const countOf = (testId: string) => page.getByTestId(testId).textContent();
    await page.waitForFunction(() => ['deepstate', 'isw', 'nzz'].every((id) => /^\d+$/.test(document.querySelector(`[data-testid="count-${id}-held"]`)?.textContent ?? '')), undefined, { timeout: 90_000 });
    expect([await countOf('count-deepstate-held'), await countOf('count-isw-held'), await countOf('count-nzz-held')]).toEqual(['15', '19', '20']);
    expect(await page.getByTestId('settlement-counts-by-source').textContent()).toMatch(/ISW\/CTP\s*snapshot of 18 Aug 2024/);
    await saveScreenshot(page, 'places-sudzha-three-sources');
  });

  it('says so when a link names a place the gazetteer lacks, and shows the rest of the link', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, '#date=2024-08-20&place=geonames:1&map=10/51.20/35.27');
    const notices = await w.page.evaluate(() => {
      const app = (window as unknown as { __app: { notices: string[]; dateIso: string } }).__app;
      return { notices: [...app.notices], dateIso: app.dateIso };
    });
    expect(notices.notices).toContain('The link\'s place "geonames:1" is not in this dataset\'s gazetteer; no place is shown.');
    expect(notices.dateIso).toBe('2024-08-20');
    expect(await w.page.getByTestId('place-panel').count()).toBe(0);
  });
});

describe('a place label on the map', () => {
  it('opens the history of the gazetteer place it names when clicked', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, '#date=2024-08-20&map=11/51.1976/35.2726');
    await waitForHistory(w.page);
    const { x, y } = await projectToPage(w.page, SUDZHA.lon, SUDZHA.lat);
    await w.page.mouse.click(x, y);
    await w.page.locator('.maplibregl-popup-content').waitFor();
    expect(await w.page.locator('.maplibregl-popup-content').textContent()).toMatch(/Sudzha/);
    await w.page.getByTestId('place-panel').waitFor();
    expect(await w.page.getByTestId('place-panel').getAttribute('data-place-id')).toBe(SUDZHA.id);
  });
});

describe('place search on a phone (390 × 844)', () => {
  it('finds Sudzha typed as "Suja" and shows its history', async () => {
    const w = await newPage({ width: 390, height: 844 });
    await openApp(w, '#date=2024-09-06');
    await waitForHistory(w.page);
    const { page } = w;
    // On a phone the header's tools, the place search among them, fold behind the menu button (issue 14).
    await page.getByTestId('menu-toggle').click();
    await combobox(page).focus();
    await page.keyboard.type('Suja');
    await page.waitForSelector('#place-search-option-0');
    expect(await page.locator('#place-search-option-0 .name').textContent()).toBe('Sudzha');
    await page.keyboard.press('Enter');
    await page.getByTestId('place-panel').waitFor();
    await page.getByTestId('place-strip').waitFor();
    await waitForIdle(page);
    await saveScreenshot(page, 'places-sudzha-390');
    expect(await page.getByTestId('place-panel').getAttribute('data-place-id')).toBe(SUDZHA.id);
  });
});
