// Every reader (issue 14): on a phone and a desktop, in each mode (one date, compare, sources side by side, claims,
// Open data): no horizontal overflow, the held-area figure on screen at first load, axe-core without serious or
// critical violations; the UI in Ukrainian with no English catalogue string left; the keyboard path to the slider;
// touch targets; honest status lines in compare mode and while loading; the live region.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, saveScreenshot, useBrowser, waitForIdle, APP_URL, type WatchedPage } from './browser';
import { en } from '../src/lib/i18n/en';
import { uk } from '../src/lib/i18n/uk';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
const TABLET = { width: 768, height: 1024 };
const VIEWPORTS = { phone: PHONE, desktop: DESKTOP } as const;
const MAP = 'map=10/51.20/35.27';

/** The modes of the issue, each a link (and, for two, a click once open). */
const MODES: { name: string; hash: string; open?: (page: Page) => Promise<void> }[] = [
  { name: 'one-date', hash: '' },
  { name: 'compare', hash: `#compare=2024-09-03..2025-02-04&${MAP}` },
  { name: 'sources-side', hash: `#date=2024-12-15&sources=deepstate,isw,nzz&view=side&${MAP}` },
  { name: 'sources-overlay', hash: `#date=2024-12-15&sources=deepstate,isw&${MAP}` },
  {
    name: 'claims',
    hash: `#date=2024-12-15&${MAP}`,
    open: async (page) => {
      await page.getByTestId('claims-chart-expand').click();
      await page.getByTestId('claims-chart-dialog').waitFor();
    },
  },
  {
    name: 'places',
    hash: `#date=2024-08-20&place=geonames:486816&map=12/51.1976/35.2726`,
    open: async (page) => {
      await page.getByTestId('place-strip').waitFor({ timeout: 60_000 });
      await page.getByTestId('place-runs').waitFor({ timeout: 60_000 });
    },
  },
  {
    name: 'share',
    hash: `#date=2024-12-15&${MAP}`,
    open: async (page) => {
      const toggle = page.getByTestId('menu-toggle');
      if (await toggle.isVisible()) await toggle.click();
      await page.getByTestId('share-open').click();
      await page.getByTestId('share-dialog').waitFor();
    },
  },
  {
    name: 'open-data',
    hash: '',
    open: async (page) => {
      const toggle = page.getByTestId('menu-toggle');
      if (await toggle.isVisible()) await toggle.click();
      await page.getByTestId('open-data-button').click();
      await page.getByTestId('open-data-dialog').waitFor();
    },
  },
];

const { newPage } = useBrowser();

async function open(viewport: { width: number; height: number }, hash: string): Promise<WatchedPage> {
  const w = await newPage(viewport);
  await openApp(w, hash);
  // The claims panel loads after the map has drawn; the figures follow from the area worker.
  await w.page.getByTestId('claims-panel').waitFor({ timeout: 60_000 });
  await w.page.waitForFunction(() => !document.querySelector('[data-testid="area-computing"], [data-testid="compare-computing"], [data-testid="disagreement-computing"]'), undefined, { timeout: 60_000 });
  return w;
}

async function horizontalOverflowPx(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

interface AxeResult { id: string; impact: string | null; nodes: { target: string[] }[] }

async function axe(page: Page): Promise<AxeResult[]> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeResult[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Axe results by screen, written for the closing note (e2e/screenshots/axe-results.json). */
const axeResults: Record<string, Record<string, number>> = {};
function recordAxe(screen: string, violations: AxeResult[]) {
  const byImpact: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
  for (const v of violations) byImpact[v.impact ?? 'minor'] = (byImpact[v.impact ?? 'minor'] ?? 0) + 1;
  axeResults[screen] = byImpact;
  mkdirSync('e2e/screenshots', { recursive: true });
  writeFileSync('e2e/screenshots/axe-results.json', JSON.stringify(axeResults, null, 2));
}

/** The screenshots the README shows (docs/images/): phone and desktop, English and Ukrainian, and a few modes. */
const DOCS_SHOTS = new Set([
  'every-reader-phone-one-date', 'every-reader-phone-one-date-uk', 'every-reader-desktop-one-date', 'every-reader-desktop-one-date-uk',
  'every-reader-phone-compare-uk', 'every-reader-desktop-compare-uk', 'every-reader-phone-sources-side', 'every-reader-phone-places',
  'every-reader-desktop-share',
]);

/** With UPDATE_DOCS_IMAGES=1 a screenshot the README shows is also copied to docs/images/. */
async function shot(page: Page, name: string) {
  await saveScreenshot(page, name);
  if (process.env.UPDATE_DOCS_IMAGES === '1' && DOCS_SHOTS.has(name)) {
    mkdirSync('docs/images', { recursive: true });
    copyFileSync(`e2e/screenshots/${name}.png`, `docs/images/${name}.png`);
  }
}

describe.each(Object.entries(VIEWPORTS))('at %s size', (size, viewport) => {
  it.each(MODES)('$name: no horizontal overflow, no serious or critical axe violation', async (mode) => {
    const w = await open(viewport, mode.hash);
    await mode.open?.(w.page);
    expect(await horizontalOverflowPx(w.page)).toBeLessThanOrEqual(0);
    const violations = await axe(w.page);
    recordAxe(`${size}/${mode.name}`, violations);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), JSON.stringify(violations, null, 1)).toEqual([]);
    await shot(w.page, `every-reader-${size}-${mode.name}`);
  });

  if (size === 'phone')
    it.each(MODES)('$name at tablet size (768 × 1024): no horizontal overflow', async (mode) => {
      const w = await open(TABLET, mode.hash);
      await mode.open?.(w.page);
      expect(await horizontalOverflowPx(w.page)).toBeLessThanOrEqual(0);
    });

  it('shows the held-area figure inside the viewport, beside the map, on first load', async () => {
    const w = await open(viewport, '');
    const figure = await w.page.getByTestId('measure-held').boundingBox();
    const map = await w.page.getByTestId('map-primary').boundingBox();
    expect(figure).not.toBeNull();
    expect(figure!.y + figure!.height).toBeLessThanOrEqual(viewport.height);
    expect(figure!.x + figure!.width).toBeLessThanOrEqual(viewport.width);
    expect(figure!.x).toBeGreaterThanOrEqual(0);
    // The map is on screen too, and at least 150 px tall.
    expect(map!.height).toBeGreaterThanOrEqual(150);
    expect(map!.y).toBeLessThan(viewport.height);
    expect(await w.page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(viewport.height);
  });

  it('reaches the slider from page load in a few Tab presses, the skip link first; focus is always visible', async () => {
    const w = await open(viewport, `#date=2024-12-15&${MAP}`);
    await w.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let presses = 0;
    const seen: string[] = [];
    for (; presses < 40; ) {
      await w.page.keyboard.press('Tab');
      presses++;
      const focus = await w.page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        const before = getComputedStyle(el, '::before');
        const labelled = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.closest('label')?.textContent ?? el.textContent;
        return {
          role: el.getAttribute('role'),
          what: labelled?.trim().replace(/\s+/g, ' ').slice(0, 30) || el.tagName,
          // Before the slider only the skip link and the header's tools: never the map, the figures or the claims.
          where: el.closest('header') ? 'header' : el.closest('[data-testid="date-controls"]') ? 'dates' : el.matches('[data-testid="skip-link"]') ? 'skip' : 'elsewhere',
          outline: style.outlineStyle !== 'none' || before.outlineStyle !== 'none',
        };
      });
      seen.push(focus.what);
      expect(focus.outline, `focus visible on ${focus.what}`).toBe(true);
      expect(focus.where, `${focus.what} comes before the slider`).not.toBe('elsewhere');
      if (focus.role === 'slider') break;
    }
    writeFileSync(`e2e/screenshots/tab-count-${size}.txt`, `${presses} Tab presses from page load to the slider: ${seen.join(' → ')}\n`);
    expect(seen[0]).toBe(en['app.skipToDates']);
    // The header's tools (place search, sources, open, share, compare, languages) and then the slider.
    expect(presses).toBeLessThanOrEqual(12);
    // The skip link: Tab, Enter, Tab lands on the slider.
    await w.page.reload();
    await w.page.getByTestId('date-controls').waitFor();
    await w.page.waitForFunction(() => document.querySelector('[role="slider"]'));
    await w.page.keyboard.press('Tab');
    await w.page.keyboard.press('Enter');
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('slider');
  });
});

/** Every text of the built-in claims ledger (claimants, roles, outlets, quotes, places): data, in English. */
const LEDGER_STRINGS: string[] = (() => {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.length >= 4) out.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync('geodata/kursk/claims.json', 'utf8')).claims);
  // Longest first, so a name is not cut out of a longer text before that text is.
  return [...out].sort((a, b) => b.length - a.length);
})();

/** Words that glue English sentences together; a Ukrainian page shows them only in text marked lang="en". */
const ENGLISH_GLUE = 'the|of|and|is|are|not|from|with|for|this|to|in|on|by|was|be|no|or';

describe('the UI in Ukrainian', () => {
  /** Literal pieces of English messages that a Ukrainian page must not show (placeholders cut out). */
  function englishFragments(): { key: string; text: string }[] {
    const out: { key: string; text: string }[] = [];
    const ukAll = JSON.stringify(uk);
    for (const [key, message] of Object.entries(en)) {
      const ukText = JSON.stringify((uk as Record<string, unknown>)[key]);
      if (JSON.stringify(message) === ukText) continue;
      const forms = typeof message === 'string' ? [message] : Object.values(message);
      for (const form of forms)
        for (const piece of form.split(/\{[a-zA-Z0-9_]+\}/))
          for (const text of piece.split(/[()…:·,;.]/).map((s) => s.trim()))
            // Words the Ukrainian catalogue keeps too (key names such as Home, file and column names) are not English left over.
            if (/[A-Za-z]{3}/.test(text) && text.length >= 5 && !ukAll.includes(text)) out.push({ key, text });
    }
    return out;
  }

  it.each(Object.entries(VIEWPORTS))('#lang=uk at %s size shows no English UI string, in any mode', async (size, viewport) => {
    const fragments = englishFragments();
    for (const mode of MODES) {
      const w = await open(viewport, mode.hash ? `${mode.hash}&lang=uk` : '#lang=uk');
      await mode.open?.(w.page);
      if (size === 'phone' && !mode.open) await w.page.getByTestId('menu-toggle').click();
      // Data the ledger or manifest has only in English is marked lang="en" (WCAG 3.1.2): not UI strings.
      const pageText = await w.page.evaluate(() => {
        // Visible text, less what is marked lang="en" (data the ledger or manifest has only in English, WCAG 3.1.2).
        const parts: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest('[lang="en"], script, style') || !el.checkVisibility()) continue;
          parts.push(n.textContent ?? '');
        }
        for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [aria-valuetext]'))
          if (!el.closest('[lang="en"]')) for (const a of ['aria-label', 'title', 'placeholder', 'aria-valuetext']) parts.push(el.getAttribute(a) ?? '');
        return parts.join('\n');
      });
      // The product's name is a name, «…» quotes a source's own English name (ISW's «Claimed Limit of …») or an
      // article's title, and the ledger's own words (claimants, roles, outlets, places) are data: not UI strings.
      let text = pageText.split('Claimed Ground').join(' ').replace(/«[^»]*»/g, ' ');
      for (const d of LEDGER_STRINGS) text = text.split(d).join(' ');
      expect(await w.page.evaluate(() => document.documentElement.lang)).toBe('uk');
      // A whole word or phrase, case-sensitive: "Area" must not appear, "areas" inside a data credit is not a UI string.
      const left = fragments.flatMap((f) => {
        const m = new RegExp(`(^|[^A-Za-z])${f.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).exec(text);
        // Where it was found, so a failure says which part of the page still speaks English.
        return m ? [{ ...f, near: text.slice(Math.max(0, m.index - 40), m.index + f.text.length + 40) }] : [];
      });
      expect(left, `${mode.name}: English UI strings on the Ukrainian page`).toEqual([]);
      // And English written outside the catalogue: two English function words in a row ("of the", "is not") in any text.
      const phrases = [...text.matchAll(/[A-Za-z’']+(?:\s+[A-Za-z’']+)+/g)].map((m) => m[0]).filter((p) => (p.match(new RegExp(`\\b(${ENGLISH_GLUE})\\b`, 'gi')) ?? []).length >= 2);
      expect(phrases, `${mode.name}: English phrases on the Ukrainian page`).toEqual([]);
      if (mode.name === 'one-date' || mode.name === 'compare') await shot(w.page, `every-reader-${size}-${mode.name}-uk`);
    }
  });

  it('formats dates and numbers in Ukrainian, remembers a choice made in the menu, and follows it with the map labels', async () => {
    const w = await open(DESKTOP, `#date=2024-12-15&${MAP}&lang=uk`);
    await expect.poll(() => w.page.getByTestId('area-table').innerText()).toMatch(/Площа на 11 грудня 2024 р\./);
    expect(await w.page.getByTestId('measure-held').innerText()).toMatch(/^\d[\d\s]*,\d км²$/);
    expect(await w.page.getByTestId('area-table').innerText()).toContain('Утримується Україною, у Росії');
    expect(await w.page.evaluate(() => (window as unknown as { __app: { language: string } }).__app.language)).toBe('uk');
    // Choose English in the menu: the page, the link and the stored choice follow.
    await w.page.getByTestId('ui-language').selectOption('en');
    await expect.poll(() => w.page.getByTestId('area-table').innerText()).toMatch(/Area on 11 December 2024/);
    await expect.poll(() => w.page.evaluate(() => location.hash)).not.toMatch(/lang=/);
    expect(await w.page.evaluate(() => (window as unknown as { __app: { language: string } }).__app.language)).toBe('en');
    await w.page.getByTestId('ui-language').selectOption('uk');
    await expect.poll(() => w.page.evaluate(() => location.hash)).toMatch(/&lang=uk$/);
    // A label language picked by hand stays when the UI language changes.
    await w.page.getByTestId('label-language').selectOption('ru');
    await w.page.getByTestId('ui-language').selectOption('en');
    expect(await w.page.evaluate(() => (window as unknown as { __app: { language: string } }).__app.language)).toBe('ru');
    // Remembered: a link without lang= opens in the last language chosen.
    await w.page.getByTestId('ui-language').selectOption('uk');
    await w.page.goto(`${APP_URL}#date=2024-12-15&${MAP}`);
    await w.page.reload();
    await expect.poll(() => w.page.evaluate(() => document.documentElement.lang), { timeout: 30_000 }).toBe('uk');
    await expect.poll(() => w.page.getByTestId('area-table').innerText(), { timeout: 60_000 }).toMatch(/Площа/);
  });
});

describe('touch, attribution and layout on a phone', () => {
  it('gives the slider, the step buttons and the compare thumbs 44 px targets; the attribution starts folded', async () => {
    const w = await open(PHONE, `#compare=2024-09-03..2025-02-04&${MAP}`);
    const boxes = await w.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role="slider"], [data-testid="date-controls"] button, [data-testid="menu-toggle"]')].map((e) => {
        const r = e.getBoundingClientRect();
        return { what: e.getAttribute('aria-label') ?? e.textContent, w: r.width, h: r.height };
      }),
    );
    expect(boxes.length).toBeGreaterThanOrEqual(8);
    for (const b of boxes) {
      expect(b.w, `${b.what} width`).toBeGreaterThanOrEqual(44);
      expect(b.h, `${b.what} height`).toBeGreaterThanOrEqual(44);
    }
    const attrib = await w.page.evaluate(() => document.querySelector('.maplibregl-ctrl-attrib')?.className ?? '');
    expect(attrib).toContain('maplibregl-compact');
    expect(attrib).not.toContain('maplibregl-compact-show');
    // The header is one line; the tools fold behind the menu button.
    expect((await w.page.locator('header').boundingBox())!.height).toBeLessThanOrEqual(60);
    expect(await w.page.getByTestId('compare-toggle').isVisible()).toBe(false);
    await w.page.getByTestId('menu-toggle').click();
    expect(await w.page.getByTestId('compare-toggle').isVisible()).toBe(true);
    expect(await horizontalOverflowPx(w.page)).toBeLessThanOrEqual(0);
    // Every tool of the open menu lies inside the screen, one column.
    const right = await w.page.locator('#header-tools > *').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(390);
    // Escape folds it again, focus back on the Menu button.
    await w.page.keyboard.press('Escape');
    expect(await w.page.getByTestId('compare-toggle').isVisible()).toBe(false);
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-toggle');
    // A dialog opened from the menu shows over it, and closing the dialog folds the menu: the map is back.
    await w.page.getByTestId('menu-toggle').click();
    await w.page.getByTestId('share-open').click();
    await w.page.getByTestId('share-dialog').waitFor();
    await w.page.keyboard.press('Escape');
    await w.page.getByTestId('share-dialog').waitFor({ state: 'detached' });
    expect(await w.page.getByTestId('compare-toggle').isVisible()).toBe(false);
    // A button that acts on the map (Leave compare) folds it at once.
    await w.page.getByTestId('menu-toggle').click();
    await w.page.getByTestId('compare-toggle').click();
    expect(await w.page.getByTestId('compare-toggle').isVisible()).toBe(false);
  });

  it('stacks sources side by side one above the other', async () => {
    const w = await open(PHONE, `#date=2024-12-15&sources=deepstate,isw&view=side&${MAP}`);
    const a = (await w.page.getByTestId('map-primary').boundingBox())!;
    const b = (await w.page.getByTestId('map-secondary').boundingBox())!;
    expect(Math.round(a.width)).toBe(Math.round(b.width));
    expect(b.y).toBeGreaterThanOrEqual(a.y + a.height - 1);
  });

  it('keeps the desktop attribution open', async () => {
    const w = await open(DESKTOP, '');
    const attrib = await w.page.evaluate(() => document.querySelector('.maplibregl-ctrl-attrib')?.className ?? '');
    // Either not compact at all, or compact and shown.
    expect(!attrib.includes('maplibregl-compact') || attrib.includes('maplibregl-compact-show'), attrib).toBe(true);
  });
});

describe('honest status lines', () => {
  /** What the slider, the footer's status line and the state say the compared pair is. */
  async function pairs(page: Page) {
    return page.evaluate(() => {
      const thumbs = [...document.querySelectorAll<HTMLElement>('[role="slider"]')].map((e) => e.dataset.date);
      const status = document.querySelector<HTMLElement>('[data-testid="status-compare"]');
      const app = (window as unknown as { __app: { compare: { fromIso: string; toIso: string } | null } }).__app;
      return { slider: thumbs, status: status ? [status.dataset.from, status.dataset.to] : null, state: app.compare ? [app.compare.fromIso, app.compare.toIso] : null };
    });
  }

  it.each(Object.entries(VIEWPORTS))('in compare mode at %s size, Next and Play move what the maps show, and the footer and slider agree', async (_size, viewport) => {
    const manifest = JSON.parse(readFileSync('geodata/kursk/dataset.json', 'utf8'));
    const dates: string[] = manifest.snapshots.map((s: { dateIso: string }) => s.dateIso);
    const w = await open(viewport, `#compare=2024-09-03..2025-02-04&${MAP}`);
    const start = await pairs(w.page);
    expect(start).toEqual({ slider: ['2024-09-03', '2025-02-04'], status: ['2024-09-03', '2025-02-04'], state: ['2024-09-03', '2025-02-04'] });
    await w.page.getByTestId('step-next').click();
    const next = dates.find((d) => d > '2025-02-04')!;
    const afterNext = await pairs(w.page);
    expect(afterNext.state).toEqual(['2024-09-03', next]);
    expect(afterNext.slider).toEqual(afterNext.state);
    expect(afterNext.status).toEqual(afterNext.state);
    expect(await w.page.getByTestId('snapshot-status').innerText()).toContain(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${next}T00:00:00Z`)));
    // The compare panel computes the new pair, not the old one.
    await expect.poll(() => w.page.evaluate(() => (window as unknown as { __app: { diff: { toDateIso: string } | null } }).__app.diff?.toDateIso), { timeout: 60_000 }).toBe(next);
    await w.page.getByTestId('play').click();
    await w.page.waitForTimeout(1_600);
    await w.page.getByTestId('play').click();
    const afterPlay = await pairs(w.page);
    expect(afterPlay.state![1]! > next).toBe(true);
    expect(afterPlay.slider).toEqual(afterPlay.state);
    expect(afterPlay.status).toEqual(afterPlay.state);
    await waitForIdle(w.page);
  });

  it('says "unchanged since …, confirmed …" on a day DeepState published without a change, not "16 days old"', async () => {
    const w = await open(DESKTOP, `#date=2025-02-04&${MAP}`);
    const status = w.page.getByTestId('snapshot-status');
    expect(await status.innerText()).toContain('unchanged since 19 January 2025, confirmed 4 February 2025');
    expect(await status.innerText()).not.toMatch(/days old/);
    expect(await w.page.locator('[role="slider"]').first().getAttribute('aria-valuetext')).toContain('unchanged since 19 January 2025, confirmed 4 February 2025');
    // 22 December 2024: DeepState published nothing (its index has no row); the confirmation of the 21st stands.
    await w.page.evaluate(() => (window as unknown as { __app: { setDate(d: string): void } }).__app.setDate('2024-12-22'));
    await expect.poll(() => status.innerText()).toContain('unchanged since 19 December 2024, confirmed 21 December 2024');
    // And in Ukrainian.
    await w.page.getByTestId('ui-language').selectOption('uk');
    await expect.poll(() => status.innerText()).toMatch(/без змін з 19 грудня 2024 р\., підтверджено 21 грудня 2024 р\./);
  });

  it('says it is loading while the dataset loads: no "Area on –", no "No snapshot in force"', async () => {
    const w = await newPage(PHONE);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await w.page.route(/kursk[^/]*\.json$/, async (route) => {
      await held;
      await route.continue();
    });
    await w.page.goto(APP_URL);
    await w.page.getByTestId('area-loading').waitFor();
    const text = await w.page.locator('body').innerText();
    expect(text).not.toMatch(/Area on –/);
    expect(text).not.toMatch(/No snapshot in force/);
    expect(await w.page.getByTestId('snapshot-status').innerText()).toBe(en['time.loading']);
    release();
    await w.page.getByTestId('measure-held').waitFor({ timeout: 120_000 });
  });

  it('announces the date and the figures once scrubbing pauses', async () => {
    const w = await open(DESKTOP, `#date=2024-12-15&${MAP}`);
    const thumb = w.page.locator('[role="slider"]').first();
    await thumb.focus();
    for (let i = 0; i < 3; i++) await thumb.press('ArrowLeft');
    const dateIso = await thumb.getAttribute('data-date');
    const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${dateIso}T00:00:00Z`));
    await expect.poll(() => w.page.getByTestId('announcer').innerText(), { timeout: 30_000 }).toMatch(new RegExp(`^Showing ${long}\\. Held by Ukraine, in Russia: [\\d,.]+ km²\\.$`));
    expect(await w.page.getByTestId('announcer').getAttribute('aria-live')).toBe('polite');
  });
});
