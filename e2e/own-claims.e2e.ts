// A user's claims from a spreadsheet, end to end in the built app: a claims CSV opened with the dialog's file input
// (alone, and together with dated snapshots) adds its claims to the claims panel with verdicts, names its bad rows
// by line and column, keeps text from the file as text, and sends nothing anywhere (useBrowser checks requests).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickHeaderTool, openApp, saveScreenshot, useBrowser } from './browser';

const CSV = resolve('src/lib/data/fixtures/claims-csv/kursk-claims.csv');
const MIXED = resolve('e2e/fixtures/byod/mixed');
const { newPage } = useBrowser();

type AppHandle = { __app: { ownClaims: unknown[]; dataset: { manifest: { title: string } } | null; loading: string | null } };

async function openFiles(page: Page, files: Parameters<Page['setInputFiles']>[1]): Promise<void> {
  await clickHeaderTool(page, 'open-data-button');
  await page.getByTestId('open-data-dialog').waitFor();
  await page.getByTestId('open-data-files').setInputFiles(files);
}

/** The verdicts of one claim's rows in the comparison table, by measure id. */
async function verdicts(page: Page, claimId: string): Promise<Record<string, string>> {
  const row = page.getByTestId(`claim-row-${claimId}`);
  await row.locator('[data-verdict]').first().waitFor({ timeout: 60_000 });
  return row.evaluate((el) => Object.fromEntries([...el.querySelectorAll('tr.measure')].map((tr) => [tr.getAttribute('data-measure'), tr.querySelector('[data-verdict]')?.getAttribute('data-verdict') ?? ''])));
}

describe('claims from a CSV', () => {
  it('alone: its claims join the panel with verdicts against the data shown; bad rows are named by line and column', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w);
    expect(await w.page.getByTestId('open-data-claims-help').innerText()).toContain('reported_by');
    await openFiles(w.page, CSV);
    await w.page.waitForFunction(() => (window as unknown as AppHandle).__app.ownClaims.length === 8, undefined, { timeout: 30_000 });

    const notice = await w.page.getByTestId('notices').innerText();
    expect(notice).toContain('Added 8 claims from “kursk-claims.csv” to the claims panel');
    expect(notice).toContain('6 problems');
    // The dataset on screen stays.
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.dataset?.manifest.title)).toMatch(/DeepStateMap/);

    const issues = await w.page.getByTestId('issues-panel').innerText();
    expect(issues).toContain('kursk-claims.csv: line 12, column "value": number expected, "12O" found');
    expect(issues).toContain('kursk-claims.csv: line 13, column "date": impossible date "2025-02-30"');
    expect(issues).toContain('line 15: 11 fields, but the header has 9');

    // The seed claims read from the sheet get the ledger's verdicts (docs/claims.md).
    expect(await verdicts(w.page, 'kursk-claims-csv-line-4')).toMatchObject({ held: 'inconsistent', held_or_unknown: 'consistent' });
    expect(await verdicts(w.page, 'kursk-claims-csv-line-5')).toMatchObject({ held: 'inconsistent', held_or_unknown: 'inconsistent' });
    expect(await verdicts(w.page, 'kursk-claims-csv-line-8')).toMatchObject({ held: 'inconsistent', held_or_unknown: 'consistent' });
    const row = await w.page.getByTestId('claim-row-kursk-claims-csv-line-4').innerText();
    expect(row).toContain('Claimed: about 1,250 km²');
    expect(row).toContain('1,251.4 km²');
    expect(row).toContain('Euromaidan Press (kursk-claims.csv, line 4)');
    expect(await w.page.getByTestId('claim-row-kursk-claims-csv-line-8').innerText()).toContain('about 500 mi² (≈ 1,295 km²)');
    // Its marks are on the chart beside the ledger's; the settlements claim is in the list of other figures.
    await w.page.getByTestId('claims-chart-claim-kursk-claims-csv-line-5').waitFor();
    expect(await w.page.getByTestId('claim-item-kursk-claims-csv-line-11').innerText()).toContain('over 100 settlements');
    await w.page.getByTestId('claim-row-kursk-claims-csv-line-4').scrollIntoViewIfNeeded();
    await saveScreenshot(w.page, 'own-claims-desktop');

    // Opening the same sheet again replaces its claims and problems rather than adding them twice.
    await openFiles(w.page, CSV);
    await w.page.waitForFunction(() => (window as unknown as AppHandle).__app.loading === null);
    await w.page.getByTestId('notices').getByText('Added 8 claims').waitFor();
    expect(await w.page.evaluate(() => (window as unknown as AppHandle).__app.ownClaims.length)).toBe(8);
    expect((await w.page.getByTestId('issues-panel').innerText()).match(/line 12, column "value"/g)).toHaveLength(1);
  });

  it('with three sources shown, each claim from the sheet gets its verdicts against every one', async () => {
    const w = await newPage({ width: 1440, height: 900 });
    await openApp(w, '#date=2024-12-16&sources=deepstate,isw,nzz&map=9/51.20/35.27');
    await openFiles(w.page, CSV);
    await w.page.waitForFunction(() => (window as unknown as AppHandle).__app.ownClaims.length === 8, undefined, { timeout: 30_000 });
    const summary = w.page.getByTestId('claim-row-kursk-claims-csv-line-4').getByTestId('claim-summary');
    await summary.waitFor({ timeout: 90_000 });
    expect(await summary.innerText()).toBe('about 1,250 km², Euromaidan Press: DeepState held + grey consistent, held inconsistent; ISW/CTP not comparable; NZZ consistent');
    expect(await w.page.getByTestId('claim-row-kursk-claims-csv-line-5').getByTestId('claim-summary').innerText()).toBe(
      '800 km², a Ukrainian military source: DeepState inconsistent; ISW/CTP inconsistent; NZZ inconsistent',
    );
    // The ledger's own claim reads the same as the sheet's copy of it.
    expect(await w.page.getByTestId('claim-row-s002-ua-area-1250').getByTestId('claim-summary').innerText()).toBe(await summary.innerText());
    await w.page.getByTestId('claim-row-kursk-claims-csv-line-4').scrollIntoViewIfNeeded();
    await saveScreenshot(w.page, 'own-claims-three-sources');
  });

  it('with a dataset, on a phone: both are read; text from the file stays text', async () => {
    const w = await newPage({ width: 390, height: 844 });
    await openApp(w);
    const csv = 'date,claimant,value,unit,quote\n2024-08-26,"<img src=x onerror=alert(1)>",50,km2,"<b>bold?</b>"\n2024-08-26,someone,12O,km2,\n';
    await openFiles(w.page, [
      { name: '2024-08-25.geojson', mimeType: 'application/geo+json', buffer: readFileSync(resolve(MIXED, '2024-08-25.geojson')) },
      { name: '2024-09-01.geojson', mimeType: 'application/geo+json', buffer: readFileSync(resolve(MIXED, '2024-09-01.geojson')) },
      { name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
    ]);
    await w.page.waitForFunction(() => (window as unknown as AppHandle).__app.dataset?.manifest.title !== undefined && !/DeepStateMap/.test((window as unknown as AppHandle).__app.dataset!.manifest.title) && (window as unknown as AppHandle).__app.ownClaims.length === 1, undefined, { timeout: 60_000 });
    const notices = await w.page.getByTestId('notices').innerText();
    expect(notices).toContain('Showing your data');
    expect(notices).toContain('Added 1 claim from “mine.csv”');
    expect(await w.page.getByTestId('issues-panel').innerText()).toContain('mine.csv: line 3, column "value": number expected, "12O" found');

    const row = w.page.getByTestId('claim-row-mine-csv-line-2');
    await row.locator('[data-verdict]').first().waitFor({ timeout: 60_000 });
    expect(await row.innerText()).toContain('<img src=x onerror=alert(1)>');
    expect(await w.page.locator('[data-testid="claims-panel"] img, [data-testid="claims-panel"] b').count()).toBe(0);
    // The inferred dataset's measures (one per class, unclipped) each get a verdict.
    const v = Object.values(await verdicts(w.page, 'mine-csv-line-2'));
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => ['consistent', 'inconsistent', 'not_comparable'].includes(x))).toBe(true);
    await row.scrollIntoViewIfNeeded();
    await saveScreenshot(w.page, 'own-claims-phone');
  });
});

// The fixture is the one the unit and CLI tests read: keep it a real CSV with CRLF line ends and a BOM.
describe('the fixture', () => {
  it('has a BOM and CRLF line ends', () => {
    const bytes = readFileSync(CSV);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
  });
});
