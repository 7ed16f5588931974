// temporary: phases of the first visit of the whole front (not committed)
import { startServer } from './harness/server';
import { launchBrowser } from './harness/common';
const server = await startServer(4413, { '/': 'dist' });
const browser = await launchBrowser();
try {
  for (let run = 0; run < 2; run++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      const marks: [string, number][] = [];
      w.__marks = marks;
      let last = '';
      const tick = () => {
        const a = w.__app as { loading: string | null; dataset: { pending?: unknown } | null; areaReport: unknown } | undefined;
        const m = (w.__claimsMap as { map?: { getLayer(id: string): unknown; queryRenderedFeatures(o: unknown): { state: Record<string, unknown> }[] } } | undefined)?.map;
        const poly = !!m && !!m.getLayer('cg-control-fill') && m.queryRenderedFeatures({ layers: ['cg-control-fill'] }).some((f) => f.state['visible'] === true);
        const s = `${a?.loading ?? 'null'}|${a?.dataset ? (a.dataset.pending ? 'pending' : 'complete') : 'none'}|${a?.areaReport ? 'report' : '-'}|${poly ? 'polygons' : '-'}`;
        if (s !== last) { marks.push([s, Math.round(performance.now())]); last = s; }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.goto(`${server.origin}/#dataset=front&date=2024-11-20&map=6/48.50/35.50`);
    await page.waitForFunction(() => (window as unknown as { __app?: { areaReport: unknown } }).__app?.areaReport, undefined, { timeout: 300_000 });
    console.log(JSON.stringify(await page.evaluate(() => (window as unknown as { __marks: unknown }).__marks)));
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
