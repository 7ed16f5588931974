// Claims beside polygons end to end on the Kursk data: claim marks at their dates, click to jump, the comparison table's figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, useBrowser } from './browser';
import { areaSeriesFromStore, claimMeasures } from '../src/lib/domain/area-series';
import { buildSnapshotStore } from '../src/lib/domain/snapshot-store';
import { compareAreaClaim } from '../src/lib/domain/claim-compare';
import { claimRefDate } from '../src/lib/domain/claim-in-force';
import { formatKm2 } from '../src/lib/domain/format';
import type { AreaGeometry, AreaMeasure, ControlFeature, Snapshot } from '../src/lib/domain/types';
import type { Claim } from '../src/lib/domain/claim-schema';
import { mkdirSync } from 'node:fs';

// The expectations come from the data files and the domain functions, not from the app.
const DIR = 'geodata/kursk';
const manifest = JSON.parse(readFileSync(`${DIR}/dataset.json`, 'utf8')) as { measures: AreaMeasure[]; snapshots: { dateIso: string; file: string }[] };
const claims = (JSON.parse(readFileSync(`${DIR}/claims.json`, 'utf8')) as { claims: Claim[] }).claims;
const CLAIM_800 = claims.find((c) => c.id === 's004-ua-area-800')!;
const PEAK_1300 = claims.find((c) => c.id === 's000-ua-area-peak-1300')!;

function expectedComparison(claim: Claim) {
  const russia = JSON.parse(readFileSync(`${DIR}/russia-land.geojson`, 'utf8')).features[0].geometry as AreaGeometry;
  const snapshots: Snapshot[] = manifest.snapshots.map((s) => ({ dateIso: s.dateIso, file: s.file, features: JSON.parse(readFileSync(`${DIR}/${s.file}`, 'utf8')).features as ControlFeature[] }));
  const series = areaSeriesFromStore(buildSnapshotStore(snapshots), claimMeasures(manifest.measures), { russia });
  return compareAreaClaim(claim, series.points, { measures: ['held', 'held_or_unknown'] });
}

// The charts must live under the app's Content-Security-Policy too (no inline <style>): useBrowser checks it.
const { newPage } = useBrowser();
async function openAt(hash: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const w = await newPage(viewport);
  await openApp(w, hash);
  // The series arrives from the worker after the map: wait for the claim marks.
  await w.page.getByTestId(`claims-chart-claim-${CLAIM_800.id}`).waitFor({ timeout: 30_000 });
  return w.page;
}

/** Centre x (page px) of an element. */
async function centreX(page: Page, testId: string): Promise<number> {
  const box = await page.getByTestId(testId).boundingBox();
  if (!box) throw new Error(`${testId} has no box`);
  return box.x + box.width / 2;
}

/** x (page px) of the current-date rule's line. */
async function ruleX(page: Page, chart = 'claims-chart'): Promise<number> {
  const box = await page.locator(`[data-testid="${chart}-rule"] line`).boundingBox();
  return box!.x + box!.width / 2;
}

/** The x axis's month ticks as Plot drew them: [date of the month start, page x], in order. */
async function xTicks(page: Page): Promise<[string, number][]> {
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="claims-chart"] g[aria-label="x-axis tick label"] text')].map((t) => {
      const r = t.getBoundingClientRect();
      return [(t.querySelector('tspan')?.textContent ?? t.textContent ?? '').trim(), r.left + r.width / 2] as [string, number];
    }));
  // The Kursk snapshots run August 2024 – April 2025: August to December are 2024, January to April 2025.
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return labels.map(([label, x]) => {
    const m = MONTHS.indexOf(label);
    if (m < 0) throw new Error(`unexpected tick label ${label}`);
    return [`${m >= 7 ? 2024 : 2025}-${String(m + 1).padStart(2, '0')}-01`, x];
  });
}

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

async function shot(page: Page, testId: string, name: string): Promise<void> {
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.getByTestId(testId).screenshot({ path: `e2e/screenshots/${name}.png` });
}


describe('claims beside polygons', () => {
  it('draws the 800 km² claim at 16 December 2024: on the slider rule, and where the x axis puts that day', async () => {
    expect(claimRefDate(CLAIM_800)).toBe('2024-12-16');
    const page = await openAt('#date=2024-12-16&map=9/51.3/35.2', { width: 1280, height: 2000 });
    const markX = await centreX(page, `claims-chart-claim-${CLAIM_800.id}`);
    expect(Math.abs(markX - (await ruleX(page)))).toBeLessThan(1);

    // Against Plot's own axis (a linear time scale): interpolate the day between the first and last month ticks.
    const ticks = await xTicks(page);
    expect(ticks.length, JSON.stringify(ticks)).toBeGreaterThanOrEqual(3);
    const [[d0, x0], [d1, x1]] = [ticks[0]!, ticks[ticks.length - 1]!];
    const expectedX = x0 + ((x1 - x0) * (dayOf('2024-12-16') - dayOf(d0))) / (dayOf(d1) - dayOf(d0));
    expect(Math.abs(markX - expectedX), JSON.stringify(ticks)).toBeLessThan(1.5);

    // The 800 claim is in force on its date: highlighted in the chart and the table.
    await expect.poll(() => page.getByTestId(`claim-row-${CLAIM_800.id}`).getAttribute('data-in-force')).toBe('true');
    await shot(page, 'claims-chart', 'claims-chart-2024-12-16');
    await shot(page, 'claim-comparison', 'claims-table-2024-12-16');

    // Slider steps move the rule only: the plot's SVG is the same element afterwards.
    const before = await ruleX(page);
    await page.evaluate(() => {
      (document.querySelector('[data-testid="claims-chart"] svg[aria-hidden="true"]') as SVGSVGElement & { __seen?: boolean }).__seen = true;
      const app = (window as unknown as { __app: { step(d: number): void } }).__app;
      for (let i = 0; i < 5; i++) app.step(1);
    });
    await expect.poll(() => ruleX(page)).toBeGreaterThan(before);
    expect(await page.evaluate(() => (document.querySelector('[data-testid="claims-chart"] svg[aria-hidden="true"]') as SVGSVGElement & { __seen?: boolean }).__seen)).toBe(true);
  });

  it('shows a claim’s source on hover, as text', async () => {
    const page = await openAt('#date=2025-03-01&map=9/51.3/35.2');
    await page.getByTestId(`claims-chart-claim-${CLAIM_800.id}`).hover();
    const tip = page.getByTestId('claims-chart-tip');
    await tip.waitFor();
    const text = await tip.innerText();
    expect(text).toContain('800 km²');
    expect(text).toContain(CLAIM_800.claimant.name);
    expect(text).toContain(CLAIM_800.quote);
    expect(text).toContain('outlet not named');
    await shot(page, 'claims-chart', 'claims-chart-tooltip');
    await page.screenshot({ path: 'e2e/screenshots/claims-app-2025-03-01.png' });
  });

  it('clicking a claim mark moves the slider, the rule and the URL to the claim’s date', async () => {
    const page = await openAt('#date=2025-03-01&map=9/51.3/35.2');
    await page.getByTestId(`claims-chart-claim-${CLAIM_800.id}`).click();
    await page.waitForFunction((d) => location.hash.startsWith(`#date=${d}`), '2024-12-16', { timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { __app: { dateIso: string } }).__app.dateIso)).toBe('2024-12-16');
    expect(Math.abs((await centreX(page, `claims-chart-claim-${CLAIM_800.id}`)) - (await ruleX(page)))).toBeLessThan(1);

    // The same from the keyboard, through the table's button of a peak claim (its end date).
    await page.getByTestId(`claim-row-${PEAK_1300.id}`).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((d) => location.hash.startsWith(`#date=${d}`), claimRefDate(PEAK_1300), { timeout: 5_000 });
  });

  it('the comparison table gives the 800 km² claim’s figures under both measures, with verdicts', async () => {
    const expected = expectedComparison(CLAIM_800);
    const page = await openAt('#date=2024-12-16&map=9/51.3/35.2');
    const row = page.getByTestId(`claim-row-${CLAIM_800.id}`);
    expect(await row.getByTestId('claimed').innerText()).toContain('800 km²');
    for (const m of ['held', 'held_or_unknown']) {
      const e = expected.byMeasure[m]!;
      const tr = row.locator(`tr[data-measure="${m}"]`);
      expect(await tr.getByTestId('computed').innerText()).toContain(formatKm2(e.computedKm2));
      expect(await tr.getByTestId('computed').innerText()).toContain('16 Dec 2024');
      expect(await tr.getByTestId('difference').innerText()).toContain(`${e.differencePct! < 0 ? '−' : '+'}${Math.abs(e.differencePct!).toFixed(1)} %`);
      expect(await tr.getByTestId('verdict').getAttribute('data-verdict')).toBe(e.verdict);
      expect(await tr.getByTestId('verdict').innerText()).toMatch(/^✗ inconsistent$/);
    }
    // From docs/claims.md: 504 and 661 km², both inconsistent with 800.
    expect(Math.round(expected.byMeasure.held!.computedKm2!)).toBe(504);
    expect(Math.round(expected.byMeasure.held_or_unknown!.computedKm2!)).toBe(661);
    expect(expected.byMeasure.held_or_unknown!.verdict).toBe('inconsistent');
  });

  it('filters the other claims by quantity and emphasises those said by the slider date', async () => {
    const page = await openAt('#date=2024-12-16&map=9/51.3/35.2', { width: 1280, height: 2000 });
    await page.getByTestId('claims-quantity').selectOption('captured');
    const items = page.locator('[data-testid^="claim-item-"]');
    const captured = claims.filter((c) => c.quantity === 'captured').map((c) => `claim-item-${c.id}`).sort();
    const shownIds = (await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))).sort();
    expect(shownIds).toEqual(captured);
    await page.getByTestId('claims-quantity').selectOption('all');
    // by 30 November 2024: before the slider date, so emphasised; 6 February 2025: after, so not.
    expect(await page.getByTestId('claim-item-s000-ru-captured-700').getAttribute('class')).toContain('past');
    expect(await page.getByTestId('claim-item-s001-ru-captured-909').getAttribute('class')).not.toContain('past');
    await page.getByTestId('claims-quantity').selectOption('killed');
    await shot(page, 'claims-list', 'claims-list-killed-2024-12-16');
  });

  it('expands the chart into a wide view whose marks also sit at their dates', async () => {
    const page = await openAt('#date=2024-12-16&map=9/51.3/35.2');
    await page.getByTestId('claims-chart-expand').click();
    await page.getByTestId(`claims-chart-wide-claim-${CLAIM_800.id}`).waitFor();
    expect(Math.abs((await centreX(page, `claims-chart-wide-claim-${CLAIM_800.id}`)) - (await ruleX(page, 'claims-chart-wide')))).toBeLessThan(1);
    await page.getByTestId(`claims-chart-wide-claim-${PEAK_1300.id}`).hover();
    await page.getByTestId('claims-chart-wide-tip').waitFor();
    await shot(page, 'claims-chart-dialog', 'claims-chart-wide');
  });
});
