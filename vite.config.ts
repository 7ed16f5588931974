// Build and test configuration: one Svelte app, a worker per heavy job, unit tests beside the code.
import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultDataset } from './scripts/lib/vite-default-dataset.ts';
import { readFileSync } from 'node:fs';

/** The app's version, from package.json: exports and citations name it. */
const APP_VERSION = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Content-Security-Policy of the built app (maplibre-gl 6.17 runs under it with no violation), measured with e2e/csp.e2e.ts:
 * - script-src/worker-src 'self': all code is same-origin module files (MapLibre's worker too); no inline script.
 * - style-src 'self', no 'unsafe-inline': styles are the emitted CSS file. Svelte's style: directives and
 *   MapLibre set styles through the CSSOM (el.style.x, style.cssText), which CSP does not govern, so style
 *   attributes need nothing. Observable Plot appends a <style> element to every chart; ClaimsChart removes it
 *   before the chart enters the page and carries those rules in its own CSS.
 * - connect-src 'self' https:: the user may type the URL of a dataset on another https site (Open data…);
 *   fetched bytes are only ever parsed as JSON, and with no inline or foreign script allowed there is no
 *   injected code to talk to those hosts. Plain http to other hosts stays blocked (the dialog says so).
 *   Built-in data files are never inlined as data: URLs (assetsInlineLimit below), so data: is not needed.
 * - img-src data: blob: for MapLibre's images; font-src 'self' for the emitted Noto Sans files.
 * frame-ancestors is not settable in a <meta> policy, and the preview header leaves it out too, as it sends no
 *   X-Frame-Options: embed.html is meant to be framed by other sites (e2e/embed.e2e.ts frames it from another
 *   origin). A host that adds either header for the whole site must exempt embed.html.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Put the policy in index.html as a <meta http-equiv>, first in <head>, only in builds: Vite's dev server injects inline scripts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'claimed-ground:csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [svelte(), contentSecurityPolicy(), defaultDataset(['geodata/kursk', 'geodata/kursk-isw', 'geodata/kursk-nzz'])],
  base: './',
  define: { __APP_VERSION__: JSON.stringify(APP_VERSION) },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // Data files stay files: a dataset is fetched and checked like any other, never inlined into the bundle.
    assetsInlineLimit: (file: string) => (/\.(geo)?json$/.test(file) ? false : undefined),
    // Two pages: the app, and the map alone for an iframe in another site's page (docs/sharing.md).
    rollupOptions: { input: { main: 'index.html', embed: 'embed.html' } },
  },
  // `vite preview` (and the browser tests' server) also sends it as a header, as a real host should.
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
