// Build and test configuration: one Svelte app, a worker per heavy job, unit tests beside the code.
import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Content-Security-Policy of the built app (../shared/NOTES.md, Security), measured with e2e/csp.e2e.ts:
 * - script-src/worker-src 'self': all code is same-origin module files (MapLibre's worker too); no inline script.
 * - style-src 'self' + one hash, no 'unsafe-inline': styles are the emitted CSS file. Svelte's style: directives
 *   and MapLibre set styles through the CSSOM (el.style.x, style.cssText), which CSP does not govern, so style
 *   attributes need nothing. The one inline <style> element is Observable Plot's default stylesheet, which it
 *   appends to every chart's <svg> (@observablehq/plot 0.6.17 src/plot.js, class "plot-d6a7b5"); its sha256 is
 *   PLOT_STYLE_HASH. A Plot upgrade that changes that text shows up in e2e/csp.e2e.ts as a style-src-elem
 *   violation: recompute the hash (the test prints the text), or render the charts with a className of ours.
 * - connect-src 'self' data: https:: the user may type the URL of a dataset on another https site (Open data…);
 *   fetched bytes are only ever parsed as JSON, and with no inline or foreign script allowed there is no
 *   injected code to talk to those hosts. Plain http to other hosts stays blocked (the dialog says so).
 *   data: because Vite inlines built-in data files under 4 kB (assetsInlineLimit) as data: URLs, which the
 *   app then fetches; a data: URL reaches no server.
 * - img-src data: blob: for MapLibre's images; font-src 'self' for the emitted Noto Sans files.
 * frame-ancestors is not settable in a <meta> policy; it is left out so the map can be embedded.
 */
/** sha256 of Observable Plot's default chart stylesheet (see above). */
export const PLOT_STYLE_HASH = "'sha256-jSYQUrW7J0b3jPqhZP9C2Xh1PyJKHKXd4s0fpGGKrww='";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  `style-src 'self' ${PLOT_STYLE_HASH}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' data: https:",
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
  plugins: [svelte(), contentSecurityPolicy()],
  base: './',
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
  // `vite preview` (and the browser tests' server) also sends it as a header, as a real host should.
  preview: { host: '127.0.0.1', headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  server: { host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
