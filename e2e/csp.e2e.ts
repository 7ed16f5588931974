// The built app under its Content-Security-Policy (vite.config.ts): the map, the data, compare views, popups and
// bring-your-own-data all work with zero policy violations, and an injected inline script is blocked.
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { clickHeaderTool, onMap, APP_URL, launchBrowser, newWatchedPage, projectToPage, waitForIdle, waitForMap, type WatchedPage } from './browser';
import { CONTENT_SECURITY_POLICY } from '../vite.config';

type Violation = { directive: string; blocked: string; sample: string; source: string };
const manifest = JSON.parse(readFileSync('geodata/kursk/dataset.json', 'utf8'));
const NEAR_SUDZHA: [number, number] = [35.2726, 51.165];
const CSP_WORDS = /content security policy|refused to/i;

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser.close(); });

/** A watched page that also records policy violations (in the page) and CSP console messages (page and workers). */
async function cspPage(): Promise<WatchedPage & { cspConsole: string[]; violations(): Promise<Violation[]> }> {
  const w = await newWatchedPage(browser);
  const cspConsole: string[] = [];
  const onConsole = (m: ConsoleMessage) => { if (CSP_WORDS.test(m.text())) cspConsole.push(m.text()); };
  w.page.on('console', onConsole);
  w.page.on('worker', (worker) => (worker as unknown as { on(e: 'console', f: (m: ConsoleMessage) => void): void }).on?.('console', onConsole));
  await w.page.addInitScript(() => {
    const list: unknown[] = [];
    (window as unknown as { __csp: unknown[] }).__csp = list;
    document.addEventListener('securitypolicyviolation', (e) =>
      list.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` }));
  });
  return Object.assign(w, {
    cspConsole,
    violations: () => w.page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp),
  });
}

describe('Content-Security-Policy', () => {
  it('is sent as a <meta> and by vite preview as a header', async () => {
    const html = readFileSync('dist/index.html', 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    // Before any script, so it covers them all.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    const res = await fetch(APP_URL);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('the app runs with zero violations: map, built-in data, compare views, popup, open data by file and by https URL', async () => {
    const w = await cspPage();
    // A dataset on another https site (with CORS), as a user might type it.
    await w.page.route('https://data.example.org/**', (route) => {
      const rel = new URL(route.request().url()).pathname.replace(/^\/byod\//, '');
      try {
        return route.fulfill({ status: 200, headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' }, body: readFileSync(resolve('e2e/fixtures/byod/with-manifest', rel)) });
      } catch {
        return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: 'not found' });
      }
    });
    await w.page.goto(`${APP_URL}#date=2024-08-20&map=10/51.20/35.27`);
    await waitForMap(w.page);

    // The built-in data all arrived (Vite inlines files under 4 kB as data: URLs, which connect-src must allow).
    const app = await w.page.evaluate(() => {
      const a = (window as unknown as { __app: { datesIso: string[]; issues: { reason: string }[] } }).__app;
      return { dates: a.datesIso.length, fetchIssues: a.issues.filter((i) => /could not be fetched/.test(i.reason)).map((i) => i.reason) };
    });
    expect(app.fetchIssues).toEqual([]);
    expect(app.dates).toBe(manifest.snapshots.length);

    // Polygons drawn (features from MapLibre's worker), fonts and basemap tiles loaded.
    const hit = await onMap(w.page, 'controlClassesAt', ...NEAR_SUDZHA, { visibleOnly: false });
    expect(hit).toContain('ukraine_held_in_russia');

    // A popup (MapLibre sets its styles through the CSSOM).
    const { x, y } = await projectToPage(w.page, ...NEAR_SUDZHA);
    await w.page.mouse.click(x, y);
    await w.page.locator('.maplibregl-popup-content').waitFor();

    // Compare views: the diff worker, side by side, and the swipe divider (Svelte style: directives).
    await clickHeaderTool(w.page, 'compare-toggle');
    await w.page.getByTestId('compare-view').selectOption('side');
    await w.page.getByTestId('map-secondary').waitFor();
    await w.page.getByTestId('compare-view').selectOption('swipe');
    await w.page.getByTestId('swipe-divider').focus();
    await w.page.keyboard.press('ArrowLeft');
    await w.page.waitForTimeout(500);
    await clickHeaderTool(w.page, 'compare-toggle');

    // Open data: local files through the loading worker, then a typed https URL on another site (form submit).
    await clickHeaderTool(w.page, 'open-data-button');
    await w.page.getByTestId('open-data-folder').setInputFiles(resolve('e2e/fixtures/byod/mixed'));
    await w.page.waitForFunction(() => (window as unknown as { __app: { dataset: { manifest: { title: string } } | null } }).__app.dataset?.manifest.title === 'mixed');
    await waitForMap(w.page);
    await clickHeaderTool(w.page, 'open-data-button');
    await w.page.getByTestId('open-data-url').fill('https://data.example.org/byod/dataset.json');
    await w.page.getByTestId('open-data-url').press('Enter');
    await w.page.waitForFunction(() => (window as unknown as { __app: { dataset: { manifest: { title: string } } | null } }).__app.dataset?.manifest.title === 'BYOD test dataset with a manifest');
    await waitForMap(w.page);
    await w.page.getByTestId('back-to-builtin').click();
    await w.page.waitForFunction((t) => (window as unknown as { __app: { dataset: { manifest: { title: string } } | null } }).__app.dataset?.manifest.title === t, manifest.title);
    await waitForIdle(w.page);

    // Inline <style> elements (Observable Plot's) must match a hash in style-src; print any that does not.
    const styles = await w.page.evaluate(() => Array.from(document.querySelectorAll('style'), (s) => s.textContent ?? ''));
    const { createHash } = await import('node:crypto');
    for (const text of styles) {
      const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
      expect(CONTENT_SECURITY_POLICY, `inline style ${JSON.stringify(text)} has hash ${hash}`).toContain(hash);
    }
    expect(await w.violations()).toEqual([]);
    expect(w.cspConsole).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.outsideRequests).toEqual([]);
  });

  it('blocks an injected inline script, inline event handler and javascript: URL (the policy is in force)', async () => {
    const w = await cspPage();
    const dialogs: string[] = [];
    w.page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await w.page.goto(APP_URL);
    await waitForMap(w.page);
    const ran = await w.page.evaluate(async () => {
      const win = window as unknown as Record<string, unknown>;
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handlerRan = true');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      const a = document.createElement('a');
      a.href = 'javascript:window.__linkRan = true';
      document.body.append(a);
      a.click();
      await new Promise((r) => setTimeout(r, 300));
      return { inline: win.__inlineRan === true, handler: win.__handlerRan === true, link: win.__linkRan === true };
    });
    expect(ran).toEqual({ inline: false, handler: false, link: false });
    const directives = (await w.violations()).map((v) => v.directive);
    expect(directives).toContain('script-src-elem');
    expect(directives).toContain('script-src-attr');
    expect(dialogs).toEqual([]);
  });
});
